import Foundation
import WinnowDOM
import WinnowExtract

// Extraction throughput on one thread: libxml2 parse-only rate vs parse + extract, and peak memory.
//
// Usage: winnow-bench DIR [--rounds N]
// DIR holds *.html pages (scripts/bench unpacks the shared corpus there). Every page is read into memory
// first, so the timings cover only decoding, parsing and extraction.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("winnow-bench: \(message)\n".utf8))
    exit(1)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var requestedRounds = 3
if let i = arguments.firstIndex(of: "--rounds"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 {
    requestedRounds = n
    arguments.removeSubrange(i...(i + 1))
}
let rounds = requestedRounds
guard let directory = arguments.first else { fail("usage: winnow-bench DIR [--rounds N]") }
guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory).filter({ $0.hasSuffix(".html") }).sorted(),
    !names.isEmpty
else { fail("\(directory): no .html files") }
let pages: [[UInt8]] = names.compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map { [UInt8]($0) } }
let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1_048_576

/// One timed phase: its best wall-clock and best thread-CPU time over the rounds.
struct Phase {
    let label: String
    let body: ([UInt8]) -> Int
    var bestWall = Double.infinity
    var bestCPU = Double.infinity
    var checksum = 0
}

/// CPU time of this thread in seconds: unlike wall time it leaves out the time other processes hold the core,
/// which on a shared machine swings from round to round.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func run(_ phase: inout Phase) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    for page in pages { phase.checksum &+= phase.body(page) }
    phase.bestCPU = min(phase.bestCPU, threadCPUSeconds() - cpuStart)
    phase.bestWall = min(phase.bestWall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func report(_ phase: Phase) {
    let rate = Double(pages.count) / phase.bestWall
    let cpuRate = Double(pages.count) / phase.bestCPU
    print(String(format: "%-16@ %8.1f pages/s  %6.2f ms/page  (best of %d rounds, checksum %d)", phase.label, rate, 1000 / rate, rounds, phase.checksum))
    print(String(format: "%-16@ %8.1f pages/s  %6.2f ms/page  (best thread CPU time)", "  (CPU)", cpuRate, 1000 / cpuRate))
}

print(String(format: "corpus: %d pages, %.1f MiB, one thread", pages.count, megabytes))
var parse = Phase(label: "parse only") { page in
    (try? Document(html: page))?.root == nil ? 0 : 1
}
var extract = Phase(label: "parse + extract") { page in
    guard let document = try? Document(html: page) else { return 0 }
    return Extractor().extract(from: document).article.blocks.count
}
// The phases alternate within each round, so a busy spell on a shared machine hits both alike.
for _ in 0..<rounds {
    run(&parse)
    run(&extract)
}
report(parse)
report(extract)
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print(String(format: "extract/parse:   %.2f wall, %.2f thread CPU (target >= 0.65)", parse.bestWall / extract.bestWall, parse.bestCPU / extract.bestCPU))
print(String(format: "peak RSS:        %.1f MiB (includes the %.1f MiB of pages held in memory)", Double(usage.ru_maxrss) / 1024, megabytes))
