import Foundation
import Testing
@testable import WinnowDaemon

/// Durations, sizes, host patterns, URL patterns, defaults and host policy resolution.
@Suite struct ConfigurationValueTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("15m", .seconds(900)),
        ("1h30m", .seconds(5400)), ("2d", .seconds(172_800)), ("1h 30m", .seconds(5400)), ("0", .zero),
        ("0s", .zero), (" 45S ", .seconds(45)), ("1s500ms", .milliseconds(1500)),
    ])
    func durationsParse(text: String, expected: Duration) {
        #expect(ConfigurationValue.duration(text) == expected)
    }

    @Test(arguments: ["", "30", "1.5h", "-1s", "1x", "h", "30 s", "1h30", "99999999999999d", "1e3s", "1w"])
    func badDurationsAreRejected(text: String) {
        #expect(ConfigurationValue.duration(text) == nil)
    }

    @Test(arguments: [
        ("10MiB", 10 << 20), ("512KiB", 512 << 10), ("1GB", 1_000_000_000), ("800 B", 800), ("4096", 4096),
        ("1gib", 1 << 30), ("2kb", 2000),
    ])
    func sizesParse(text: String, expected: Int) {
        #expect(ConfigurationValue.size(text) == expected)
    }

    @Test(arguments: ["", "10M", "-1", "1.5MiB", "MiB", "10 parsecs", "99999999999999999TiB"])
    func badSizesAreRejected(text: String) {
        #expect(ConfigurationValue.size(text) == nil)
    }

    @Test func formattingSpellsValuesTheWayTheFileDoes() {
        #expect(ConfigurationValue.format(.seconds(5400)) == "1h30m")
        #expect(ConfigurationValue.format(.milliseconds(500)) == "500ms")
        #expect(ConfigurationValue.format(.milliseconds(1500)) == "1s500ms")
        #expect(ConfigurationValue.format(.zero) == "0s")
        #expect(ConfigurationValue.format(.seconds(30 * 86_400)) == "30d")
        #expect(ConfigurationValue.format(bytes: 10 << 20) == "10MiB")
        #expect(ConfigurationValue.format(bytes: 1_000_000_000) == "1GB")
        #expect(ConfigurationValue.format(bytes: 1500) == "1500B")
        for text in ["1d2h3m4s5ms", "45s", "7d"] {
            #expect(ConfigurationValue.format(ConfigurationValue.duration(text)!) == text)
        }
    }

    @Test func hostPatternsMatchExactHostsOrSubdomains() throws {
        let exact = try #require(HostPattern("News.Example.com."))
        #expect(exact.description == "news.example.com")
        #expect(exact.matches("news.example.com") && exact.matches("NEWS.example.com."))
        #expect(!exact.matches("example.com") && !exact.matches("a.news.example.com"))

        let wildcard = try #require(HostPattern("*.example.com"))
        #expect(wildcard.matchesSubdomains && wildcard.description == "*.example.com")
        #expect(wildcard.matches("www.example.com") && wildcard.matches("a.b.example.com"))
        #expect(!wildcard.matches("example.com"), "a wildcard does not cover the bare domain")
        #expect(!wildcard.matches("badexample.com"))

        #expect(HostPattern("192.0.2.7") != nil)
        #expect(HostPattern("[2001:db8::1]") != nil)
        for bad in ["", "*", "https://example.com/", "example.com:8080", "a.*.com", "exa mple.com", "a..b", "*example.com"] {
            #expect(HostPattern(bad) == nil, "\(bad)")
        }
    }

    @Test func urlPatternsSearchAnywhereAndCompileOnce() throws {
        let pattern = try URLPattern("/news/20\\d\\d/")
        #expect(pattern.matches("https://example.com/news/2026/05/story"))
        #expect(!pattern.matches("https://example.com/video/2026/"))
        #expect(try URLPattern("(?i)/LIVE/").matches("https://example.com/live/x"))
        #expect(throws: (any Error).self) { try URLPattern("[unclosed") }
        #expect(try URLPattern("a+") == URLPattern("a+"))
    }

    @Test func sourceDefaultsDependOnKindAndInterval() throws {
        let feed = SourceConfiguration(kind: .feed, url: "https://example.com/rss")
        #expect(feed.interval == .seconds(900) && feed.minInterval == .milliseconds(225_000))
        #expect(feed.maxInterval == .seconds(7200) && feed.depth == 0 && feed.maxAge == nil)
        #expect(feed.id == "feed https://example.com/rss" && feed.displayName == feed.id)

        let sitemap = SourceConfiguration(kind: .sitemap, url: "https://example.com/sitemap.xml", name: "Maps")
        #expect(sitemap.interval == .seconds(3600) && sitemap.displayName == "Maps")

        let quick = SourceConfiguration(kind: .feed, url: "https://example.com/rss", interval: .seconds(60))
        #expect(quick.minInterval == .seconds(30), "interval/4 is clamped up to 30s")
        #expect(quick.maxInterval == .seconds(480))
        let slow = SourceConfiguration(kind: .feed, url: "https://example.com/rss", interval: .seconds(10 * 86_400))
        #expect(slow.maxInterval == .seconds(30 * 86_400), "interval*8 is clamped down to 30 days")
        let tiny = SourceConfiguration(kind: .feed, url: "https://example.com/rss", interval: .seconds(10))
        #expect(tiny.minInterval == .seconds(10), "never above the interval itself")
    }

    @Test func includeAndExcludeFilterArticleURLs() throws {
        let source = SourceConfiguration(
            kind: .section, url: "https://example.com/politics/",
            include: [try URLPattern("/politics/"), try URLPattern("/elections/")],
            exclude: [try URLPattern("/video/")])
        #expect(source.accepts("https://example.com/politics/2026/vote"))
        #expect(source.accepts("https://example.com/elections/results"))
        #expect(!source.accepts("https://example.com/sport/final"))
        #expect(!source.accepts("https://example.com/politics/video/debate"))
        #expect(SourceConfiguration(kind: .feed, url: "https://example.com/rss").accepts("https://anything/"))
    }

    @Test func hostPolicyTakesEachSettingFromTheMostSpecificOverride() throws {
        let configuration = DaemonConfiguration(
            daemon: DaemonSettings(userAgent: "Agent/1"),
            fetch: FetchSettings(perHostConcurrency: 2, delay: .seconds(1), timeout: .seconds(30)),
            hosts: [
                HostOverride(pattern: try #require(HostPattern("*.example.com")), delay: .seconds(5), timeout: .seconds(60)),
                HostOverride(pattern: try #require(HostPattern("*.news.example.com")), delay: .seconds(9)),
                HostOverride(pattern: try #require(HostPattern("live.news.example.com")), concurrency: 4,
                             userAgent: "Special/2", respectRobots: false),
            ])
        let live = configuration.policy(forHost: "live.news.example.com")
        #expect(live == HostPolicy(delay: .seconds(9), concurrency: 4, timeout: .seconds(60), userAgent: "Special/2",
                                   respectRobots: false))
        let www = configuration.policy(forHost: "www.example.com")
        #expect(www == HostPolicy(delay: .seconds(5), concurrency: 2, timeout: .seconds(60), userAgent: "Agent/1",
                                  respectRobots: true))
        let bare = configuration.policy(forHost: "example.com")
        #expect(bare == HostPolicy(delay: .seconds(1), concurrency: 2, timeout: .seconds(30), userAgent: "Agent/1",
                                   respectRobots: true))
    }

    @Test func defaultsMatchTheDocumentedValues() {
        let configuration = DaemonConfiguration()
        #expect(configuration.daemon.stateDirectory == "./winnow-state")
        #expect(configuration.daemon.logLevel == .info && configuration.daemon.siteFolders.isEmpty)
        #expect(configuration.daemon.userAgent.hasPrefix("Winnow/"))
        #expect(configuration.output == OutputSettings(directory: "./stories", format: .markdown, fsync: true))
        let fetch = configuration.fetch
        #expect(fetch.concurrency == 16 && fetch.perHostConcurrency == 1 && fetch.delay == .seconds(1))
        #expect(fetch.timeout == .seconds(30) && fetch.maxSize == 10 * 1024 * 1024 && fetch.maxRedirects == 10)
        #expect(fetch.retries == 4 && fetch.retryBase == .seconds(30) && fetch.retryCap == .seconds(21_600))
        #expect(fetch.respectRobots && fetch.crawlDelayCap == .seconds(30) && fetch.robotsTTL == .seconds(86_400))
        #expect(fetch.revisitAfter == nil)
    }
}
