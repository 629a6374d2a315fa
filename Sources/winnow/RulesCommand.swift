import ArgumentParser

/// `winnow rules`: write, check and test site rules.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test and scaffold site rules.",
        discussion: """
            Rules are read from the admin folder (/etc/winnow/sites), --sites folders, then the bundled folder
            ($WINNOW_SITES_DIR, else sites/ of the checkout, else <prefix>/share/winnow/sites).
              winnow rules check [FILE|DIR...]       validate; errors as file:line
              winnow rules test [HOST|FILE...]       run the rules' tests on their saved pages
              winnow rules new URL|FILE --dir DIR    write <host>.txt, a fixture and tests from a page
            """,
        subcommands: [RulesCheckCommand.self, RulesTestCommand.self, RulesNewCommand.self]
    )
}
