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
            With --output-dir every story is written to its own file (<dir>/<site>/<title-slug>.<ext>).
            Proxies come from the usual environment variables (http_proxy, https_proxy, no_proxy).
            """
    )

    @Argument(help: "One or more http(s) URLs.")
    var urls: [String]

    @Option(help: "Write one file per story into this folder instead of printing.")
    var outputDir: String?

    @Option(help: "User-Agent header (default: \(HTTPClientConfiguration.defaultUserAgent)).")
    var userAgent: String?

    @Option(help: "Give up on a page after this many seconds.")
    var timeout: Int = 30

    @Option(help: "Largest body accepted, in MiB (after decompression).")
    var maxSize: Int = 10

    @Option(help: "Redirects to follow at most.")
    var maxRedirects: Int = 10

    @Option(help: "Pages of a multi-page story to follow at most (next_page_link rules).")
    var maxPages: Int = 10

    @OptionGroup var output: OutputOptions

    @OptionGroup var siteRules: SiteRulesOptions

    func validate() throws {
        if urls.isEmpty { throw ValidationError("give at least one URL") }
        for url in urls where !(url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")) {
            throw ValidationError("not an http(s) URL: \(url)")
        }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if maxSize < 1 { throw ValidationError("--max-size must be at least 1 (MiB)") }
        if maxRedirects < 0 { throw ValidationError("--max-redirects cannot be negative") }
        if maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
    }

    func run() async throws {
        var configuration = HTTPClientConfiguration()
        if let userAgent { configuration.userAgent = userAgent }
        configuration.totalTimeout = .seconds(timeout)
        configuration.maxBodyBytes = maxSize * 1024 * 1024
        configuration.maxRedirects = maxRedirects
        let client = try HTTPClient(configuration: configuration)
        let fetcher = StoryFetcher(
            client: client, pipeline: siteRules.pipeline(mode: output.mode), maximumPages: maxPages,
            explain: output.explain)

        // All pages are fetched at once on the client's multi handle; results are printed in the order given.
        let results = await withTaskGroup(of: (Int, Result<PageStory, any Error>).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try await fetcher.fetch(url).story))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var collected = [Result<PageStory, any Error>](repeating: .failure(CLIError("not fetched")), count: urls.count)
            for await (index, result) in group { collected[index] = result }
            return collected
        }
        await client.shutdown()

        if urls.count == 1, case .failure(let error) = results[0] { throw error }
        let writer = outputDir.map { StoryWriter(directory: $0, format: output.format, options: output.renderOptions) }
        var failures = 0
        for (url, result) in zip(urls, results) {
            switch result {
            case .success(let story):
                let article = story.article
                if output.explain { FileHandle.standardError.write(Data(ExplainReport.text(for: story, source: url).utf8)) }
                if let writer {
                    let path = try writer.write(article)
                    FileHandle.standardError.write(Data("\(url) -> \(path)\n".utf8))
                } else {
                    FileHandle.standardOutput.write(Data(Renderer.render(article, as: output.format, options: output.renderOptions).utf8))
                }
            case .failure(let error):
                failures += 1
                FileHandle.standardError.write(Data("\(url): \(error)\n".utf8))
            }
        }
        if failures > 0 { throw CLIError("\(failures) of \(urls.count) URLs failed") }
    }
}
