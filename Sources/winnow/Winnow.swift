import ArgumentParser
import WinnowFetch

/// The `winnow` command: a web scraper and boilerplate-removal daemon.
///
/// Every subcommand is a thin layer over the library modules; errors reach the user as one line on stderr
/// and a non-zero exit status.
@main
struct Winnow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Fetch news pages and keep only the story: text, title, author, date, URL.",
        discussion: """
            Examples:
              winnow fetch https://example.com/news/story.html
              winnow extract page.html --format markdown
              winnow extract --input-dir pages/ --output-dir texts/
              winnow explain https://example.com/news/story.html --html report.html
              winnow rules check && winnow rules test
              winnow run --config /etc/winnow/winnow.toml     (the daemon; winnow status shows its health)
              winnow check-config /etc/winnow/winnow.toml
              winnow serve samples/site --port 8080    (the demo site, on 127.0.0.1 only)
            """,
        version: WinnowVersion.current,
        subcommands: [
            FetchCommand.self, ExtractCommand.self, ExplainCommand.self, RulesCommand.self, RunCommand.self,
            StatusCommand.self, CheckConfigCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command line; every error ends as one line on stderr (see `ErrorReport`).
    static func main() async {
        await ErrorReport.run(Winnow.self)
    }
}
