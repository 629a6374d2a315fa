import ArgumentParser
import Foundation
import Logging
import WinnowDaemon
import WinnowOutput

/// `winnow run`: the daemon. A thin layer: builds the configuration (a file, or sources on the command line)
/// and hands it to `WinnowDaemon.Daemon`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Keep an output directory filled with cleaned stories from feeds, sitemaps and section pages.",
        discussion: """
            With a configuration file (see docs/configuration.md and systemd/winnow.toml):
              winnow run --config /etc/winnow/winnow.toml
            Or with sources on the command line (defaults for everything else):
              winnow run --feed https://example.com/rss.xml --output-dir stories --once
            The state (what was seen, fetched and written) lives in --state-dir, so a restart resumes where the
            last run stopped, without refetching or duplicating anything.
            Signals: SIGTERM or SIGINT stop gracefully (fetches in flight finish); SIGHUP reloads the
            configuration file and the site rules (a file with errors is rejected and the old one kept).
            --once does one full pass (every source polled, everything due fetched) and exits.
            """
    )

    @Option(help: ArgumentHelp("The configuration file (TOML).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("An RSS, Atom or RDF feed to poll (repeatable).", valueName: "url"))
    var feed: [String] = []

    @Option(help: ArgumentHelp("A sitemap or sitemap index to poll (repeatable).", valueName: "url"))
    var sitemap: [String] = []

    @Option(help: ArgumentHelp("A section or front page whose links are articles (repeatable).", valueName: "url"))
    var section: [String] = []

    @Option(help: ArgumentHelp("Where stories are written (default: ./stories, or the file's output.dir).",
                               valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Where the state lives (default: ./winnow-state, or the file's daemon.state_dir).",
                               valueName: "dir"))
    var stateDir: String?

    @Option(name: .customLong("sites"), help: ArgumentHelp(
        "A folder of site rules, above the default search path (repeatable).", valueName: "dir"))
    var sites: [String] = []

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default: info, or the file's).",
                               valueName: "level"))
    var logLevel: String?

    @Flag(help: "One full pass, then exit (for cron and tests).")
    var once = false

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        let sources = feed + sitemap + section
        if config != nil && !sources.isEmpty {
            throw ValidationError("give sources in the configuration file or on the command line, not both")
        }
        if config == nil && sources.isEmpty {
            throw ValidationError("give --config FILE, or at least one --feed, --sitemap or --section URL")
        }
        for url in sources { try URLArguments.validate(url) }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")) (got \(logLevel))")
        }
    }

    func run() async throws {
        var configuration: DaemonConfiguration
        let origin: Daemon.Origin
        if let config {
            // Every diagnostic is printed (warnings too); any error stops the run before anything starts.
            let report = ConfigurationLoader.check(path: config, privateNetworksAllowed: network.allowPrivateNetworks)
            for diagnostic in report.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            guard let loaded = report.configuration else {
                let count = report.errors.count
                throw CLIError("\(config): \(count) error\(count == 1 ? "" : "s"); nothing was started")
            }
            configuration = loaded
            origin = .file(config)
        } else {
            configuration = DaemonConfiguration()
            configuration.sources = feed.map { SourceConfiguration(kind: .feed, url: $0) }
                + sitemap.map { SourceConfiguration(kind: .sitemap, url: $0) }
                + section.map { SourceConfiguration(kind: .section, url: $0) }
            origin = .commandLine
        }
        let overrides = CommandLineOverrides(
            outputDirectory: outputDir, stateDirectory: stateDir, siteFolders: sites,
            logLevel: logLevel.flatMap(Logger.Level.init(rawValue:)), allowPrivateNetworks: network.allowPrivateNetworks)
        configuration = overrides.applied(to: configuration)

        let level = configuration.daemon.logLevel
        LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: level) }
        let logger = Logger(label: "winnow")
        do {
            try await Daemon(configuration: configuration, origin: origin, overrides: overrides, logger: logger)
                .run(once: once)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
