import ArgumentParser
import Foundation
import WinnowPipeline
import WinnowRules

/// `winnow rules new`: scaffolds a rule file, its fixture and its tests from one page.
struct RulesNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write <dir>/<host>.txt and <dir>/fixtures/<host>.html from a page of the site.",
        discussion: """
            The body selector is the container the generic extractor chose, the title is the page's <h1>,
            blocks the extractor dropped inside or beside the body become strip lines (commented out when the
            selector would also hit kept text), and tests are filled from the resulting story.
            An existing rule file is never overwritten.
            """
    )

    @Argument(help: "An http(s) URL of an article, or a saved HTML file.")
    var page: String

    @Option(help: "The site's host (default: the URL's host).")
    var host: String?

    @Option(help: "The page's URL when PAGE is a file (becomes test_url).")
    var url: String?

    @Option(help: ArgumentHelp("The rule folder to write into.", valueName: "dir"))
    var dir: String = "."

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        try URLArguments.validatePage(page)
        if let url { try URLArguments.validate(url, option: "--url") }
    }

    func run() async throws {
        let loaded = try await LoadedPage.load(page, url: url, pipeline: StoryPipeline(library: nil),
                                             network: network)
        guard let host = host ?? loaded.url.flatMap({ URLComponents(string: $0)?.host }) else {
            throw CLIError("give --host (or --url) for a saved page")
        }
        guard let fileName = RuleTemplate.fileName(forHost: host) else {
            throw CLIError("'\(host)' is not a host name")
        }
        let rulePath = (dir as NSString).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: rulePath) {
            throw CLIError("\(rulePath) already exists; not overwriting it (edit it, or choose another --dir)")
        }
        let scaffold = try RuleScaffold(page: loaded.bytes, url: loaded.url, host: host, contentType: loaded.contentType)
        let fixturePath = (dir as NSString).appendingPathComponent(scaffold.fixturePath)
        do {
            try FileManager.default.createDirectory(atPath: (fixturePath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(loaded.bytes).write(to: URL(fileURLWithPath: fixturePath), options: .atomic)
            try Data(scaffold.text.utf8).write(to: URL(fileURLWithPath: rulePath), options: .withoutOverwriting)
        } catch {
            throw CLIError("cannot write into \(dir): \((error as NSError).localizedFailureReason ?? "write failed")")
        }
        print("wrote \(rulePath) and \(fixturePath)")
        print("next: winnow rules check \(rulePath) && winnow rules test \(rulePath)")
    }
}
