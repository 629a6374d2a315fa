import Foundation
import WinnowDOM
import WinnowExtract
import WinnowOutput
import WinnowPipeline

/// Extracts every `<name>.html` in a folder into `<name>.<ext>` in another, `jobs` pages at a time.
///
/// The pages are parsed and extracted on the threads of an `ExtractionPool`, never on the Swift concurrency pool:
/// the command's task only awaits them. At most `jobs` pages are in flight; as each one finishes the next file in
/// name order starts, so one huge page does not hold up a whole share of the folder. A page that fails is reported
/// on its own line and the rest go on; nothing already written is touched. Files are written by `StoryWriter`.
struct BatchExtraction: Sendable {
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

    func run() async throws -> Summary {
        let names = try pageNames()
        let writer = StoryWriter(directory: outputDirectory, format: format, layout: .flat)
        do {
            try StoryWriter.makeDirectories(outputDirectory)
        } catch {
            throw CLIError(error.message)
        }
        let urls = manifestURLs()
        let progress = ProgressBar(total: names.count, label: "pages")
        let pool = ExtractionPool(width: max(1, min(jobs, names.count)))
        defer { pool.shutdown() }

        var failed = 0
        await withTaskGroup(of: Bool.self) { group in
            var pending = names[...]
            func startNext() {
                guard let name = pending.popFirst() else { return }
                let url = urls[name]
                group.addTask {
                    do {
                        try await pool.run { try extract(name: name, url: url, writer: writer) }
                        return true
                    } catch {
                        progress.log("\(name).html: \(error)")
                        return false
                    }
                }
            }
            for _ in 0..<pool.width { startNext() }
            for await succeeded in group {
                if !succeeded { failed += 1 }
                progress.advance()
                startNext()
            }
        }
        progress.finish()
        return Summary(total: names.count, failed: failed)
    }

    /// Reads, extracts and writes one page (on a pool thread).
    private func extract(name: String, url: String?, writer: StoryWriter) throws {
        let source = (inputDirectory as NSString).appendingPathComponent(name + ".html")
        let bytes = try readFile(source)
        let article = try pipeline.extract(html: bytes, url: url).article
        do {
            try writer.write(article, named: name)
        } catch {
            throw CLIError(error.message)
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
