import Dispatch
import Foundation
import Synchronization
import WinnowDOM
import WinnowExtract
import WinnowOutput
import WinnowPipeline

/// Extracts every `<name>.html` in a folder into `<name>.<ext>` in another, on `jobs` worker threads.
///
/// Workers pull the next file from a shared counter, so one huge page does not hold up a whole share of the
/// folder. A page that fails is reported on its own line and the rest go on; nothing already written is touched.
struct BatchExtraction {
    let inputDirectory: String
    let outputDirectory: String
    let format: OutputFormat
    /// Site rules (matched by the manifest URL) and the generic extractor.
    let pipeline: StoryPipeline
    let jobs: Int

    /// How the batch went.
    struct Summary {
        let total: Int
        let failed: Int
    }

    func run() throws -> Summary {
        let names = try pageNames()
        try createOutputDirectory()
        let urls = manifestURLs()
        let progress = ProgressBar(total: names.count, label: "pages")
        let next = Atomic<Int>(0)
        let failures = Atomic<Int>(0)
        let workers = max(1, min(jobs, names.count))

        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < names.count else { return }
                let name = names[index]
                do {
                    try extract(name: name, url: urls[name])
                } catch {
                    failures.add(1, ordering: .relaxed)
                    progress.log("\(name).html: \(error)")
                }
                progress.advance()
            }
        }
        progress.finish()
        return Summary(total: names.count, failed: failures.load(ordering: .relaxed))
    }

    private func extract(name: String, url: String?) throws {
        let source = (inputDirectory as NSString).appendingPathComponent(name + ".html")
        let bytes = try readFile(source)
        let article = try pipeline.extract(html: bytes, url: url).article
        let rendered = Renderer.render(article, as: format)
        let target = (outputDirectory as NSString).appendingPathComponent(name + "." + format.fileExtension)
        do {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw CLIError("cannot write \(target): \((error as NSError).localizedFailureReason ?? "write failed")")
        }
    }

    /// The `<name>` of every `<name>.html` in the input folder, sorted so runs are reproducible.
    private func pageNames() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw CLIError("\(inputDirectory): no such directory") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: inputDirectory) else {
            throw CLIError("\(inputDirectory): cannot list the directory")
        }
        let names = entries.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
        guard !names.isEmpty else { throw CLIError("\(inputDirectory): no .html files") }
        return names
    }

    private func createOutputDirectory() throws {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(outputDirectory): \((error as NSError).localizedFailureReason ?? "failed")")
        }
    }

    /// Page URLs from `manifest.tsv` (`<name>\t<url>` per line), as written by the evaluation harness.
    private func manifestURLs() -> [String: String] {
        let path = (inputDirectory as NSString).appendingPathComponent("manifest.tsv")
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var urls: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            let url = fields[1].trimmingCharacters(in: .whitespaces)
            if !url.isEmpty { urls[String(fields[0])] = url }
        }
        return urls
    }
}
