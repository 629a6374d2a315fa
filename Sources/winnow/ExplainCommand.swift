import ArgumentParser
import Foundation
import WinnowExtract
import WinnowPipeline

/// `winnow explain`: what the site rules and the generic extractor did to a page.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which rule lines matched a page, what they removed, and how the story changed.",
        discussion: """
            Prints the rule files that apply, every rule line with its match count (lines that matched nothing
            are marked !), what the generic extractor removed, and the story lines that differ between
            generic-only and with-rules extraction (-/+).
            --html OUT writes one self-contained page: the original content with the story outlined in green
            and each removed part outlined in red; hover it for the rule line or heuristic that removed it.
            """
    )

    @Argument(help: "An http(s) URL to fetch, or a saved HTML file (- for stdin).")
    var page: String

    @Option(help: "The page's URL (for a file: rules are matched by its host).")
    var url: String?

    @Option(help: ArgumentHelp("Also write the annotated page to this file.", valueName: "file"))
    var html: String?

    @Option(help: "Extraction mode: balanced, precision (less chaff), recall (less loss).")
    var mode: ExtractionMode = .balanced

    @OptionGroup var siteRules: SiteRulesOptions

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        try URLArguments.validatePage(page)
        if let url { try URLArguments.validate(url, option: "--url") }
    }

    func run() async throws {
        let pipeline = siteRules.pipeline(mode: mode)
        let loaded = try await LoadedPage.load(page, url: url, pipeline: pipeline, network: network)
        let explanation = try StoryExplanation(html: loaded.bytes, url: loaded.url, contentType: loaded.contentType,
                                               pipeline: pipeline)
        FileHandle.standardOutput.write(Data(explanation.report(url: loaded.url).utf8))
        if let html {
            let annotated = try AnnotatedPage.html(page: loaded.bytes, url: loaded.url, contentType: loaded.contentType,
                                                   pipeline: pipeline)
            do {
                try Data(annotated.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                throw CLIError("cannot write \(html): \((error as NSError).localizedFailureReason ?? "write failed")")
            }
            FileHandle.standardError.write(Data("annotated page written to \(html)\n".utf8))
        }
    }
}
