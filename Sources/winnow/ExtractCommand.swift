import ArgumentParser
import Foundation
import WinnowDOM
import WinnowExtract
import WinnowOutput
import WinnowPipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `winnow extract`: the extractor on local HTML — one file (or stdin), or a whole folder in parallel.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the story from local HTML files.",
        discussion: """
            One page:   winnow extract page.html [--url URL] [--format markdown]
            From stdin: curl -s URL | winnow extract - --url URL
            A folder:   winnow extract --input-dir DIR --output-dir OUT
                        writes OUT/<name>.<ext> for every DIR/<name>.html, using all cores
                        (text files hold the story only, as the quality harness expects).
                        If DIR holds manifest.tsv ("<name><TAB><url>" per line), each page gets its URL.
            """
    )

    @Argument(help: "An HTML file, or - for standard input. Omit with --input-dir.")
    var file: String?

    @Option(help: "The page's URL: resolves relative links and fills the url field.")
    var url: String?

    @Option(help: "Batch mode: a folder of <name>.html files.")
    var inputDir: String?

    @Option(help: "Batch mode: the folder to write <name>.<ext> files into (created if missing).")
    var outputDir: String?

    @Option(parsing: .unconditional, help: "Batch mode: parallel workers, 1-1024 (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var output: OutputOptions

    @OptionGroup var siteRules: SiteRulesOptions

    func validate() throws {
        switch (file, inputDir) {
        case (nil, nil): throw ValidationError("give an HTML file (or -), or --input-dir with --output-dir")
        case (.some, .some): throw ValidationError("give either a file or --input-dir, not both")
        case (nil, .some) where outputDir == nil: throw ValidationError("--input-dir needs --output-dir")
        case (.some, nil) where outputDir != nil: throw ValidationError("--output-dir goes with --input-dir")
        default: break
        }
        if let jobs { try OptionRange.check(jobs, 1...1024, option: "--jobs") }
        if let url { try URLArguments.validate(url, option: "--url") }
        if output.explain && inputDir != nil { throw ValidationError("--explain works on one page; use it without --input-dir") }
    }

    func run() async throws {
        if let inputDir, let outputDir {
            let batch = BatchExtraction(
                inputDirectory: inputDir, outputDirectory: outputDir, format: output.format,
                pipeline: siteRules.pipeline(mode: output.mode), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let summary = try await batch.run()
            if summary.failed > 0 {
                throw CLIError("\(summary.failed) of \(summary.total) pages failed (see the lines above)")
            }
            return
        }
        let source = file ?? "-"
        let bytes = try readInput(source)
        let story: PageStory
        do {
            story = try siteRules.pipeline(mode: output.mode).extract(html: bytes, url: url, explain: output.explain)
        } catch {
            throw CLIError("\(source == "-" ? "standard input" : source): \(error)")
        }
        if story.article.blocks.isEmpty && !output.explain {
            throw CLIError("\(source == "-" ? "standard input" : source): \(CLIError.noStory)")
        }
        FileHandle.standardOutput.write(Data(Renderer.render(story.article, as: output.format, options: output.renderOptions).utf8))
        if output.explain { FileHandle.standardError.write(Data(ExplainReport.text(for: story, source: file ?? "-").utf8)) }
    }

    private func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        // A file larger than the parser accepts is refused before it is read into memory.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > Document.maximumInputSize {
            throw CLIError("\(path): \(size) bytes; the largest page accepted is \(Document.maximumInputSize) bytes")
        }
        return try readFile(path)
    }
}

/// Reads a whole file, with failures as one line ("page.html: no such file").
///
/// One `open`, `fstat` and (for a regular file) a single `read` into a buffer of the file's size: the batch
/// command reads every page this way, and Foundation's `FileHandle.readToEnd` took some 70 small reads and
/// a copy per page. Devices and pipes have no size to trust, so the buffer grows until the read returns 0
/// (`/dev/null` is empty, not unreadable).
func readFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CLIError("\(path): \(openFailure(errno))") }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw CLIError("\(path): cannot read (\(errorText(errno)))") }
    if status.st_mode & S_IFMT == S_IFDIR { throw CLIError("\(path): is a directory") }
    let isRegular = status.st_mode & S_IFMT == S_IFREG
    // One byte more than the size, so the read that finds the end needs no growth.
    var bytes = [UInt8](repeating: 0, count: isRegular ? Int(status.st_size) + 1 : readChunk)
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(readChunk, bytes.count))) }
        let count = bytes.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        }
        if count == 0 { break }
        if count < 0 {
            if errno == EINTR { continue }
            throw CLIError("\(path): cannot read (\(errorText(errno)))")
        }
        filled += count
    }
    bytes.removeLast(bytes.count - filled)
    return bytes
}

/// The first buffer for a file of unknown size, and the least it grows by.
private let readChunk = 64 * 1024

/// Why `open` failed, in the words of the other file errors.
private func openFailure(_ code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: "no such file"
    case EACCES, EPERM: "cannot read (permission denied)"
    default: "cannot read (\(errorText(code)))"
    }
}

private func errorText(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
}
