import ArgumentParser
import Foundation
import WinnowDOM
import WinnowExtract
import WinnowFetch
import WinnowOutput

/// `winnow fetch`: download pages (concurrently, on one libcurl multi handle) and extract their stories.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch pages and extract their stories.",
        discussion: """
            One URL prints the story to stdout; with --output-dir every story is written to its own file.
            Proxies come from the usual environment variables (http_proxy, https_proxy, no_proxy).
            """
    )

    @Argument(help: "One or more http(s) URLs.")
    var urls: [String]

    @Option(help: "Write one file per story into this folder instead of printing.")
    var outputDir: String?

    @Option(help: "User-Agent header (default names Winnow and its version).")
    var userAgent: String?

    @Option(help: "Give up on a page after this many seconds.")
    var timeout: Double = 30

    @Option(help: "Largest body accepted, in MiB (decompressed).")
    var maxSize: Int = 10

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if urls.isEmpty { throw ValidationError("give at least one URL") }
        for url in urls where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("not an http(s) URL: \(url)")
        }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if maxSize < 1 { throw ValidationError("--max-size must be at least 1 (MiB)") }
    }

    func run() async throws {
        var configuration = HTTPClient.Configuration()
        if let userAgent { configuration.userAgent = userAgent }
        configuration.totalTimeout = timeout
        configuration.maximumBodySize = maxSize * 1024 * 1024
        let client = HTTPClient(configuration: configuration)
        defer { client.shutdown() }

        let writer = outputDir.map { StoryWriter(directory: $0) }
        let mode = output.mode
        let format = output.format
        // Fetch all pages at once; print in the order given.
        let results = await withTaskGroup(of: (Int, Result<Article, Error>).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask {
                    do {
                        let response = try await client.fetch(HTTPRequest(url: url)).requireSuccess()
                        let document = try Document(html: response.body, url: response.url, contentType: response.contentType)
                        let extractor = Extractor(options: ExtractionOptions(mode: mode, url: response.url))
                        return (index, .success(extractor.extract(from: document).article))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var collected = [Result<Article, Error>?](repeating: nil, count: urls.count)
            for await (index, result) in group { collected[index] = result }
            return collected.compactMap { $0 }
        }

        var failures = 0
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let article):
                if let writer {
                    let path = try writer.write(article, as: format)
                    FileHandle.standardError.write(Data("\(url) -> \(path)\n".utf8))
                } else {
                    let rendered = Renderer.render(article, as: format)
                    FileHandle.standardOutput.write(Data((rendered.hasSuffix("\n") ? rendered : rendered + "\n").utf8))
                }
            case .failure(let error):
                failures += 1
                FileHandle.standardError.write(Data("\(url): \(error)\n".utf8))
            }
        }
        if failures > 0 {
            throw CLIError(urls.count == 1 ? "fetch failed" : "\(failures) of \(urls.count) URLs failed")
        }
    }
}
