import Testing
@testable import WinnowDaemon

/// `winnow run`'s options over a configuration file: they set what they name and keep the rest (the reload that
/// lays them over the file again is tested end to end in `RunCommandTests`).
@Suite struct CommandLineOverridesTests {
    static func file() -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.output.directory = "/srv/file-output"
        configuration.daemon.stateDirectory = "/srv/file-state"
        configuration.daemon.siteFolders = ["/srv/file-sites"]
        configuration.daemon.logLevel = .warning
        return configuration
    }

    @Test func theOptionsGivenWinAndTheRestComesFromTheFile() {
        let overrides = CommandLineOverrides(outputDirectory: "/tmp/out", siteFolders: ["/tmp/sites"],
                                             allowPrivateNetworks: true)
        let result = overrides.applied(to: Self.file())
        #expect(result.output.directory == "/tmp/out")
        #expect(result.daemon.stateDirectory == "/srv/file-state")
        #expect(result.daemon.siteFolders == ["/tmp/sites", "/srv/file-sites"])
        #expect(result.daemon.logLevel == .warning)
        #expect(result.fetch.allowPrivateNetworks)
    }

    @Test func noOptionsChangeNothing() {
        #expect(CommandLineOverrides().applied(to: Self.file()) == Self.file())
    }

    @Test func theFlagNeverTurnsOffWhatTheFileAllows() {
        var allowing = Self.file()
        allowing.fetch.allowPrivateNetworks = true
        #expect(CommandLineOverrides(logLevel: .debug).applied(to: allowing).fetch.allowPrivateNetworks)
    }
}
