import Foundation
import Testing
@testable import WinnowDaemon

/// `winnow.toml` in, `DaemonConfiguration` or every diagnostic out.
@Suite struct ConfigurationLoaderTests {
    /// The commented example shipped for systemd installs.
    static var example: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../systemd/winnow.toml")
            .standardizedFileURL.path
    }

    /// Checks `text` as `/etc/winnow/winnow.toml` and returns the diagnostics as printed.
    static func diagnostics(_ text: String) -> [String] {
        ConfigurationLoader.check(text: text, file: "/etc/winnow/winnow.toml").diagnostics.map(\.description)
    }

    /// The error lines only, as printed, for a document that must fail.
    static func errors(_ text: String) -> [String] {
        let report = ConfigurationLoader.check(text: text, file: "w.toml")
        #expect(report.configuration == nil, "expected errors")
        return report.errors.map(\.description)
    }

    static let feed = "[[source]]\nfeed = \"https://example.com/rss\"\n"

    @Test func theSystemdExampleIsValidAndWarningFree() throws {
        let report = ConfigurationLoader.check(path: Self.example)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let configuration = try #require(report.configuration)
        #expect(configuration.daemon.stateDirectory == "/var/lib/winnow")
        #expect(configuration.output.directory == "/var/lib/winnow/stories")
        #expect(configuration.sources.map(\.kind) == [.feed, .sitemap, .section])
        #expect(configuration.hosts.map(\.pattern.description) == ["*.example.com"])
        let section = configuration.sources[2]
        #expect(section.accepts("https://www.example.com/politics/2026/budget"))
        #expect(!section.accepts("https://www.example.com/politics/2026/video/x"))
        #expect(!section.accepts("https://www.example.com/sport/2026/final"))
        #expect(configuration.sources[0].maxAge == .seconds(7 * 86_400))
        #expect(configuration.policy(forHost: "news.example.com").delay == .seconds(5))
    }

    @Test func theExampleSpellsOutEveryKeyOfTheSchema() throws {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        for (_, title, keys) in ConfigurationSchema.tables {
            #expect(text.contains(title), "\(title)")
            for key in keys {
                #expect(text.contains("\n\(key) = ") || text.contains("# \(key) = "), "\(title) \(key)")
            }
        }
    }

    @Test func aFullConfigurationIsRead() throws {
        let configuration = try ConfigurationLoader.parse(text: """
            [daemon]
            state_dir = "state"
            log_level = "DEBUG"
            sites = ["/nonexistent/winnow-sites-a"]
            user_agent = "Test/1 (+mailto:ops@example.org)"

            [output]
            dir = "/srv/stories"
            format = "md"
            fsync = false

            [fetch]
            concurrency = 64
            per_host_concurrency = 2
            delay = 2
            timeout = "1m"
            max_size = 1048576
            max_redirects = 0
            retries = 0
            retry_base = "10s"
            retry_cap = "1h"
            respect_robots = false
            crawl_delay_cap = "0s"
            robots_ttl = "1h"
            revisit_after = "7d"

            [[host]]
            name = "Slow.Example.org"
            delay = "10s"
            user_agent = "Polite/1"

            [[source]]
            name = "Wire"
            feed = "https://example.com/rss"
            interval = "5m"
            min_interval = "1m"
            max_interval = "1h"
            include = ['/20\\d\\d/']
            exclude = ["/video/"]
            max_age = "2d"

            [[source]]
            section = "https://example.com/world/"
            depth = 0

            [[source]]
            urls = "lists/urls.txt"

            [[source]]
            urls = "https://example.com/list.txt"
            """, file: "/etc/winnow/winnow.toml")
        #expect(configuration.daemon == DaemonSettings(
            stateDirectory: "/etc/winnow/state", logLevel: .debug, siteFolders: ["/nonexistent/winnow-sites-a"],
            userAgent: "Test/1 (+mailto:ops@example.org)"))
        #expect(configuration.output == OutputSettings(directory: "/srv/stories", format: .markdown, fsync: false))
        #expect(configuration.fetch == FetchSettings(
            concurrency: 64, perHostConcurrency: 2, delay: .seconds(2), timeout: .seconds(60), maxSize: 1 << 20,
            maxRedirects: 0, retries: 0, retryBase: .seconds(10), retryCap: .seconds(3600), respectRobots: false,
            crawlDelayCap: .zero, robotsTTL: .seconds(3600), revisitAfter: .seconds(7 * 86_400)))
        #expect(configuration.hosts == [HostOverride(
            pattern: HostPattern(host: "slow.example.org"), delay: .seconds(10), userAgent: "Polite/1")])
        #expect(configuration.sources.map(\.id) == [
            "feed https://example.com/rss", "section https://example.com/world/", "urls /etc/winnow/lists/urls.txt",
            "urls https://example.com/list.txt",
        ])
        let wire = configuration.sources[0]
        #expect(wire.name == "Wire" && wire.interval == .seconds(300))
        #expect(wire.minInterval == .seconds(60) && wire.maxInterval == .seconds(3600))
        #expect(wire.include.map(\.pattern) == ["/20\\d\\d/"] && wire.exclude.map(\.pattern) == ["/video/"])
        #expect(wire.maxAge == .seconds(172_800))
        #expect(configuration.sources[1].depth == 0 && configuration.sources[1].interval == .seconds(900))
    }

    @Test func anEmptyFileIsTheDefaultsWithOneWarning() throws {
        let report = ConfigurationLoader.check(text: "# nothing yet\n", file: "w.toml")
        #expect(report.configuration == DaemonConfiguration())
        #expect(report.diagnostics.map(\.description) == ["w.toml: warning: no [[source]] tables: the daemon has nothing to poll"])
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let text = """
            [daemon]
            log_level = "warn"

            [fetch]
            dealy = "2s"
            timeout = true
            concurrency = 0
            max_size = "10 parsecs"

            [[source]]
            feed = "ftp://example.com/rss"
            interval = 1.5

            [[source]]
            feed = "https://example.com/a.xml"
            sitemap = "https://example.com/s.xml"

            [[source]]
            name = "nothing"

            [[source]]
            section = "https://example.com/politics/"
            include = ["ok", "[unclosed"]
            depth = 9
            """
        #expect(Self.errors(text) == [
            "w.toml:2: error: `log_level` must be one of trace, debug, info, notice, warning, error, critical (got \"warn\"); did you mean \"warning\"?",
            "w.toml:5: error: unknown key `dealy` in [fetch]; did you mean `delay`?",
            "w.toml:6: error: `timeout` must be a duration like \"30s\" (got true)",
            "w.toml:7: error: `concurrency` must be between 1 and 512 (got 0)",
            "w.toml:8: error: `max_size` must be a size like \"10MiB\" (got \"10 parsecs\")",
            "w.toml:11: error: `feed` must be an http or https URL: unsupported URL scheme \"ftp\" (only http and https) (got \"ftp://example.com/rss\")",
            "w.toml:12: error: `interval` must be a duration like \"30s\" (got 1.5); write \"1s500ms\"",
            "w.toml:16: error: a [[source]] has exactly one of `feed`, `sitemap`, `section` or `urls`; this one has `feed` and `sitemap`: write one [[source]] for each",
            "w.toml:18: error: [[source]] needs one of `feed`, `sitemap`, `section` or `urls`",
            "w.toml:23: error: `include` pattern \"[unclosed\" is not a valid regular expression",
            "w.toml:24: error: `depth` must be between 0 and 5 (got 9)",
        ])
    }

    @Test func privateNetworksAreRefusedUnlessTheFileAllowsThem() throws {
        let defaults = try ConfigurationLoader.parse(text: Self.feed, file: "w.toml")
        #expect(!defaults.fetch.allowPrivateNetworks && defaults.fetch.allowedPrivateAddresses.isEmpty)
        let open = try ConfigurationLoader.parse(text: """
            [fetch]
            allow_private_networks = true
            allowed_private_addresses = ["10.0.0.5", "fd00::5"]
            """ + "\n" + Self.feed, file: "w.toml")
        #expect(open.fetch.allowPrivateNetworks)
        #expect(open.fetch.allowedPrivateAddresses == ["10.0.0.5", "fd00::5"])
        let literal = "[[source]]\nfeed = \"http://127.0.0.1:8080/rss\"\n"
        #expect(Self.diagnostics(literal) == [
            "/etc/winnow/winnow.toml:2: warning: 127.0.0.1 is a loopback (127.0.0.0/8) address, which is refused "
                + "unless `[fetch] allow_private_networks = true` (or the address is in `allowed_private_addresses`)",
        ])
        #expect(Self.diagnostics("[fetch]\nallow_private_networks = true\n" + literal).isEmpty)
        #expect(Self.diagnostics("[fetch]\nallowed_private_addresses = [\"127.0.0.1\"]\n" + literal).isEmpty)
        #expect(Set(Self.errors("""
            [fetch]
            allow_private_networks = "yes"
            allowed_private_addresses = ["10.0.0.5", "intranet.example", 7]
            """ + "\n" + Self.feed)) == [
            "w.toml:2: error: `allow_private_networks` must be true or false (got \"yes\")",
            "w.toml:3: error: `allowed_private_addresses` entry \"intranet.example\" is not an IPv4 or IPv6 address",
            "w.toml:3: error: each `allowed_private_addresses` entry must be a string (got 7)",
        ])
    }

    @Test func unknownKeysAndTablesGetSuggestions() {
        let errors = Self.errors("""
            state_dir = "/x"
            [sources]
            [fetch]
            interval = "5m"
            bogus = 1
            [[host]]
            name = "example.com"
            per_host_concurrency = 2
            [[source]]
            url = "https://example.com/rss"
            """)
        #expect(errors.contains("w.toml:1: error: unknown key `state_dir` at the top level; `state_dir` is a [daemon] setting"))
        #expect(errors.contains("w.toml:2: error: unknown table [sources]; did you mean [[source]]?; the tables are [daemon], [output], [fetch], [[host]] and [[source]]"))
        #expect(errors.contains("w.toml:4: error: unknown key `interval` in [fetch]; `interval` is a [[source]] setting"))
        #expect(errors.contains { $0.hasPrefix("w.toml:5: error: unknown key `bogus` in [fetch]; known keys: concurrency, per_host_concurrency, delay,") })
        #expect(errors.contains("w.toml:8: error: unknown key `per_host_concurrency` in [[host]]; did you mean `concurrency`?"))
        #expect(errors.contains("w.toml:10: error: unknown key `url` in [[source]]; say what the URL is with `feed`, `sitemap`, `section` or `urls`"))
        #expect(errors.contains("w.toml:9: error: [[source]] needs one of `feed`, `sitemap`, `section` or `urls`"))
    }

    @Test func tablesOfTheWrongShape() {
        let errors = Self.errors("""
            [[fetch]]
            delay = "1s"
            [source]
            feed = "https://example.com/rss"
            """)
        #expect(errors == [
            "w.toml:1: error: `fetch` is one table: write [fetch], not [[fetch]]",
            "w.toml:3: error: write [[source]] (one table per source), not [source]",
        ])
        #expect(Self.errors("daemon = 5\nhost = [\"a\"]\n") == [
            "w.toml:1: error: `daemon` must be a table: write [daemon] and its keys on the lines below it",
            "w.toml:2: error: each `host` must be a table: write [[host]] (got \"a\")",
        ])
    }

    @Test func duplicatesAreErrors() {
        let errors = Self.errors("""
            [[source]]
            name = "Wire"
            feed = "https://example.com/rss"

            [[source]]
            feed = "https://example.com/rss"

            [[source]]
            name = "Wire"
            sitemap = "https://example.com/sitemap.xml"

            [[host]]
            name = "example.com"
            delay = "2s"

            [[host]]
            name = "EXAMPLE.com"
            delay = "3s"
            """)
        #expect(errors == [
            "w.toml:6: error: duplicate source `feed https://example.com/rss` (already defined at line 3)",
            "w.toml:9: error: source name \"Wire\" is already used at line 2",
            "w.toml:17: error: [[host]] `example.com` is already defined at line 13",
        ])
    }

    @Test func hostNamesAreValidatedWithAHint() {
        let errors = Self.errors("""
            [[host]]
            name = "https://news.example.com/politics"
            delay = "2s"
            [[host]]
            name = "*"
            delay = "2s"
            [[host]]
            delay = "2s"
            [[host]]
            name = "example.net"
            concurrency = 17
            """)
        #expect(errors == [
            "w.toml:2: error: `name` must be a host name like \"example.com\" or \"*.example.com\" (got \"https://news.example.com/politics\"); did you mean \"news.example.com\"?",
            "w.toml:5: error: `name` must be a host name like \"example.com\" or \"*.example.com\" (got \"*\"); settings for every host belong in [fetch]",
            "w.toml:7: error: [[host]] needs a `name`, like name = \"example.com\" or name = \"*.example.com\"",
            "w.toml:11: error: `concurrency` must be between 1 and 16 (got 17)",
        ])
    }

    @Test func intervalsMustBracketEachOther() {
        let errors = Self.errors("""
            [[source]]
            feed = "https://example.com/rss"
            min_interval = "1h"
            [[source]]
            sitemap = "https://example.com/sitemap.xml"
            max_interval = "30m"
            [[source]]
            feed = "https://example.com/other"
            interval = "10s"
            """)
        #expect(errors == [
            "w.toml:3: error: `min_interval` (1h) must not be more than `interval` (15m)",
            "w.toml:6: error: `max_interval` (30m) must not be less than `interval` (1h)",
            "w.toml:9: error: `interval` must be between 30s and 30d (got \"10s\")",
        ])
    }

    @Test func fetchCrossChecks() {
        #expect(Self.errors("[fetch]\nretry_base = \"1h\"\nretry_cap = \"10m\"\n" + Self.feed) == [
            "w.toml:3: error: `retry_cap` (10m) must be at least `retry_base` (1h)",
        ])
        #expect(Self.errors("[fetch]\nretry_base = \"7h\"\n" + Self.feed) == [
            "w.toml:2: error: `retry_cap` (6h) must be at least `retry_base` (7h)",
        ])
        #expect(Self.errors("[fetch]\nrevisit_after = \"30s\"\n" + Self.feed) == [
            "w.toml:2: error: `revisit_after` must be 0s (never) or between 1m and 365d (got \"30s\")",
        ])
        #expect(Self.errors("[fetch]\ndelay = -1\nmax_size = \"2GiB\"\n" + Self.feed) == [
            "w.toml:2: error: `delay` must be between 0s and 1h (got -1)",
            "w.toml:3: error: `max_size` must be between 1KiB and 1GiB (got \"2GiB\")",
        ])
    }

    @Test func warningsLeaveTheConfigurationUsable() throws {
        let report = ConfigurationLoader.check(text: """
            [daemon]
            state_dir = "~/winnow"
            sites = ["/nonexistent/winnow-sites"]
            [fetch]
            concurrency = 2
            per_host_concurrency = 4
            [[host]]
            name = "example.com"
            [[source]]
            feed = "https://example.com/rss"
            depth = 2
            [[source]]
            section = "https://example.com/news/"
            max_age = "1d"
            [[source]]
            urls = "/nonexistent/urls.txt"
            """, file: "w.toml")
        let configuration = try #require(report.configuration)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.description) == [
            "w.toml:2: warning: `state_dir` starts with `~`, which is not expanded: write the full path",
            "w.toml:3: warning: site-rule folder \"/nonexistent/winnow-sites\" does not exist",
            "w.toml:6: warning: `per_host_concurrency` (4) is more than `concurrency` (2): no host gets more than 2 at once",
            "w.toml:7: warning: [[host]] `example.com` overrides nothing; give it `delay`, `concurrency`, `timeout`, `user_agent` or `respect_robots`",
            "w.toml:11: warning: `depth` applies only to `section` sources; ignored for a `feed`",
            "w.toml:14: warning: `max_age` applies only to `feed` and `sitemap` sources, whose items have dates; ignored for a `section`",
            "w.toml:16: warning: URL list \"/nonexistent/urls.txt\" does not exist (yet)",
        ])
        #expect(configuration.sources.count == 3 && configuration.hosts.count == 1)
    }

    @Test func syntaxErrorsCarryTheirLine() {
        let errors = Self.errors("[fetch]\ndelay = \"1s\"\ntimeout = \n")
        #expect(errors.count == 1)
        #expect(errors == ["w.toml:3: error: invalid TOML in key-value pair: expected value, saw '\\n'"])
        let duplicate = Self.errors("[fetch]\ndelay = \"1s\"\ndelay = \"2s\"\n")
        #expect(duplicate.first?.hasPrefix("w.toml:3: error: invalid TOML in key-value pair: cannot redefine") == true,
                "\(duplicate)")
        #expect(Self.errors("a = 1\n\0\n") == ["w.toml:2: error: the file holds a NUL byte"])
    }

    @Test func inlineTablesAndArraysOfTablesHaveLinesToo() {
        let errors = Self.errors("""
            fetch = { delay = "1s", timeout = false }
            source = [
              { feed = "https://example.com/rss" },
              { sitemap = "https://example.com/s.xml", interval = "never" },
            ]
            """)
        #expect(errors == [
            "w.toml:1: error: `timeout` must be a duration like \"30s\" (got false)",
            "w.toml:4: error: `interval` must be a duration like \"30s\" (got \"never\")",
        ])
    }

    @Test func listsAndOtherTypes() {
        let errors = Self.errors("""
            [daemon]
            sites = "/etc/winnow/sites"
            user_agent = ""
            [output]
            format = "pdf"
            fsync = "yes"
            dir = 7
            [[source]]
            feed = 42
            exclude = ["/a/",
              3]
            """)
        #expect(errors == [
            "w.toml:2: error: `sites` must be a list of strings like [\"/etc/winnow/sites\"] (got \"/etc/winnow/sites\")",
            "w.toml:3: error: `user_agent` must not be empty",
            "w.toml:5: error: `format` must be text, markdown, json or html (got \"pdf\")",
            "w.toml:6: error: `fsync` must be true or false (got \"yes\")",
            "w.toml:7: error: `dir` must be a path (got 7)",
            "w.toml:9: error: `feed` must be a URL like \"https://example.com/rss\" (got 42)",
            "w.toml:11: error: each `exclude` entry must be a string (got 3)",
        ])
    }

    @Test func relativePathsFollowTheFile() throws {
        let here = try ConfigurationLoader.parse(text: "[output]\ndir = \"./out\"\n" + Self.feed, file: "winnow.toml")
        #expect(here.output.directory == "./out", "a bare file name leaves paths relative to the working directory")
        let there = try ConfigurationLoader.parse(text: "[output]\ndir = \"./out\"\n" + Self.feed, file: "/srv/w/winnow.toml")
        #expect(there.output.directory == "/srv/w/out")
        let absolute = try ConfigurationLoader.parse(text: "[output]\ndir = \"/data\"\n" + Self.feed, file: "/srv/w/winnow.toml")
        #expect(absolute.output.directory == "/data")
    }

    @Test func loadReadsFilesAndThrowsEveryDiagnostic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("winnow.toml")
        try Data(("\u{FEFF}[output]\ndir = \"stories\"\n" + Self.feed).utf8).write(to: file)
        let configuration = try ConfigurationLoader.load(path: file.path)
        #expect(configuration.output.directory == folder.path + "/stories")

        try Data("[fetch]\ndelay = true\ntimeout = false\n".utf8).write(to: file)
        do {
            _ = try ConfigurationLoader.load(path: file.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.count == 2)
            #expect(error.description.contains("winnow.toml:2: error: `delay`"))
            #expect(error.description.contains("winnow.toml:3: error: `timeout`"))
        }

        #expect(throws: ConfigurationErrors.self) { try ConfigurationLoader.load(path: folder.path + "/missing.toml") }
        let missing = ConfigurationLoader.check(path: folder.path + "/missing.toml")
        #expect(missing.diagnostics.map(\.description) == ["\(folder.path)/missing.toml: error: no such file or directory"])
        #expect(ConfigurationLoader.check(path: folder.path).diagnostics.first?.message
                == "is a directory, not a configuration file")
        try Data([0x5B, 0xFF, 0xFE, 0x5D]).write(to: file)
        #expect(ConfigurationLoader.check(path: file.path).diagnostics.first?.message == "is not UTF-8 text")
    }
}
