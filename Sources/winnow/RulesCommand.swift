import ArgumentParser

/// `winnow rules`: write, check and test site rules.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test and scaffold site rules.",
        discussion: """
            Rule folders, highest precedence first: --sites folders, $WINNOW_SITES (colon-separated), the admin
            folder (/etc/winnow/sites), <prefix>/share/winnow/sites beside <prefix>/bin/winnow, the checkout's
            sites/ (when run from .build). `winnow rules check` lists the folders in use.
              winnow rules check [FILE|DIR...]       validate; errors as file:line
              winnow rules test [HOST|FILE...]       run the rules' tests on their saved pages
              winnow rules new URL|FILE --dir DIR    write <host>.txt, a fixture and tests from a page
            """,
        subcommands: [RulesCheckCommand.self, RulesTestCommand.self, RulesNewCommand.self]
    )
}
