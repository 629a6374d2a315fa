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

func measure(_ label: String, _ body: ([UInt8]) -> Int) -> Double {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for page in pages { checksum &+= body(page) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let rate = Double(pages.count) / best
    print(String(format: "%-16@ %8.1f pages/s  %6.2f ms/page  (best of %d rounds, checksum %d)", label, rate, 1000 / rate, rounds, checksum))
    return rate
}

print(String(format: "corpus: %d pages, %.1f MiB, one thread", pages.count, megabytes))
let parseRate = measure("parse only") { page in
    (try? Document(html: page))?.root == nil ? 0 : 1
}
let extractRate = measure("parse + extract") { page in
    guard let document = try? Document(html: page) else { return 0 }
    return Extractor().extract(from: document).article.blocks.count
}
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print(String(format: "extract/parse:   %.2f (target >= 0.50)", extractRate / parseRate))
print(String(format: "peak RSS:        %.1f MiB (includes the %.1f MiB of pages held in memory)", Double(usage.ru_maxrss) / 1024, megabytes))
