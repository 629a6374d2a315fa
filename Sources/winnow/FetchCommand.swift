import ArgumentParser
import Foundation
import WinnowDOM
import WinnowExtract
import WinnowFetch
import WinnowOutput
import WinnowPipeline

/// `winnow fetch`: download pages (concurrently, on one libcurl multi handle) and extract their stories.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch pages and extract their stories.",
        discussion: """
            One URL prints the story to stdout; several print one after another, in the order given.
            With --output-dir every story is written to its own file (<dir>/<site>/<title-slug>.<ext>), atomically.
            Beside each file a hidden .<file>.source holds the story's URL: fetching the same story again
            updates its file in place, another story with the same title gets <title-slug>-2, and a file
            Winnow did not write is never replaced. Temporary files left by an interrupted run (over an hour
            old) are removed when the next run starts.
            Bodies are checked before extraction: HTML and XHTML are pages; text/plain is printed as text;
            anything else (images, PDFs, JSON, feeds, binaries) is refused with its media type.
            Proxies come from the usual environment variables (http_proxy, https_proxy, no_proxy).
            """
    )

    @Argument(help: "One or more http(s) URLs.")
    var urls: [String]

    @Option(help: "Write one file per story into this folder instead of printing.")
    var outputDir: String?

    @Option(help: "User-Agent header (default: \(HTTPClientConfiguration.defaultUserAgent)).")
    var userAgent: String?

    // `.unconditional` so that `--timeout -1` reaches the range check instead of reading as a flag.
    @Option(parsing: .unconditional, help: "Give up on a page after this many seconds (1-3600).")
    var timeout: Int = 30

    @Option(parsing: .unconditional, help: "Largest body accepted, in MiB, after decompression (1-1024).")
    var maxSize: Int = 10

    @Option(parsing: .unconditional, help: "Redirects to follow at most (0-50).")
    var maxRedirects: Int = 10

    @Option(parsing: .unconditional, help: "Pages of a multi-page story to follow at most (1-100; next_page_link rules).")
    var maxPages: Int = 10

    @OptionGroup var output: OutputOptions

    @OptionGroup var siteRules: SiteRulesOptions

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        if urls.isEmpty { throw ValidationError("give at least one URL") }
        for url in urls { try URLArguments.validate(url) }
        try OptionRange.check(timeout, 1...3600, option: "--timeout", unit: "seconds")
        try OptionRange.check(maxSize, 1...1024, option: "--max-size", unit: "MiB")
        try OptionRange.check(maxRedirects, 0...50, option: "--max-redirects")
        try OptionRange.check(maxPages, 1...100, option: "--max-pages")
    }

    func run() async throws {
        var configuration = network.clientConfiguration()
        if let userAgent { configuration.userAgent = userAgent }
        configuration.totalTimeout = .seconds(timeout)
        configuration.maxBodyBytes = maxSize * 1024 * 1024
        configuration.maxRedirects = maxRedirects
        let client = try HTTPClient(configuration: configuration)
        let fetcher = StoryFetcher(
            client: client, pipeline: siteRules.pipeline(mode: output.mode), maximumPages: maxPages,
            explain: output.explain)

        // All pages are fetched at once on the client's multi handle; results come back in the order given.
        let results = await fetcher.fetchAll(urls).map { result in
            result.flatMap { fetched -> Result<PageStory, any Error> in
                fetched.story.article.blocks.isEmpty ? .failure(CLIError.noStory) : .success(fetched.story)
            }
        }
        await client.shutdown()

        if urls.count == 1, case .failure(let error) = results[0] { throw CLIError(Self.describe(error, url: urls[0])) }
        let writer = outputDir.map { StoryWriter(directory: $0, format: output.format, options: output.renderOptions) }
        writer?.removeAbandonedTemporaryFiles()
        var failures = 0
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let story):
                let article = story.article
                if output.explain { FileHandle.standardError.write(Data(ExplainReport.text(for: story, source: url).utf8)) }
                if let writer {
                    // A story that cannot be written is one failure; the others are still written.
                    do {
                        let path = try writer.write(article)
                        FileHandle.standardError.write(Data("\(url) -> \(path)\n".utf8))
                    } catch {
                        failures += 1
                        FileHandle.standardError.write(Data("\(url): \(error)\n".utf8))
                    }
                } else {
                    FileHandle.standardOutput.write(Data(Renderer.render(article, as: output.format, options: output.renderOptions).utf8))
                }
            case .failure(let error):
                failures += 1
                FileHandle.standardError.write(Data("\(Self.describe(error, url: url))\n".utf8))
            }
        }
        if failures > 0 { throw CLIError("\(failures) of \(urls.count) URLs failed") }
    }

    /// "URL: reason" for a page that failed (a fetch error's own text already ends with its URL).
    static func describe(_ error: any Error, url: String) -> String {
        if let error = error as? FetchError { return "\(url): \(NetworkOptions.explain(error))" }
        return "\(url): \(error)"
    }
}
