import Logging
import WinnowFetch
import WinnowOutput

/// Everything `winnow run` is told: where state and stories go, how politely to fetch, per-host overrides and
/// the sources to poll.
///
/// Plain values: `ConfigurationLoader` builds one from `winnow.toml` (validating every key), and
/// `winnow run --feed URL --output-dir D` builds one in code from the defaults. Every type here documents its
/// TOML key next to the property; docs/configuration.md is the full reference.
public struct DaemonConfiguration: Sendable, Hashable {
    /// `[daemon]`: state directory, logging, rule folders, User-Agent.
    public var daemon: DaemonSettings
    /// `[output]`: where and how stories are written.
    public var output: OutputSettings
    /// `[fetch]`: global fetch and politeness defaults.
    public var fetch: FetchSettings
    /// `[[host]]`: per-host overrides of some `[fetch]` settings, in file order.
    public var hosts: [HostOverride]
    /// `[[source]]`: feeds, sitemaps, section pages and URL lists to poll, in file order.
    public var sources: [SourceConfiguration]

    /// A configuration; every part defaults to the documented defaults and no sources.
    public init(
        daemon: DaemonSettings = DaemonSettings(), output: OutputSettings = OutputSettings(),
        fetch: FetchSettings = FetchSettings(), hosts: [HostOverride] = [], sources: [SourceConfiguration] = []
    ) {
        self.daemon = daemon
        self.output = output
        self.fetch = fetch
        self.hosts = hosts
        self.sources = sources
    }

    /// The settings in force for `host`: each overridable setting comes from the most specific `[[host]]`
    /// that sets it (an exact host first, then wildcards from the longest domain down), else from `[fetch]`
    /// (and `[daemon] user_agent`). Several matching `[[host]]` tables therefore combine key by key.
    public func policy(forHost host: String) -> HostPolicy {
        let matching = hosts.filter { $0.pattern.matches(host) }.sorted {
            $0.pattern.specificity > $1.pattern.specificity
        }
        return HostPolicy(
            delay: matching.lazy.compactMap(\.delay).first ?? fetch.delay,
            concurrency: matching.lazy.compactMap(\.concurrency).first ?? fetch.perHostConcurrency,
            timeout: matching.lazy.compactMap(\.timeout).first ?? fetch.timeout,
            userAgent: matching.lazy.compactMap(\.userAgent).first ?? daemon.userAgent,
            respectRobots: matching.lazy.compactMap(\.respectRobots).first ?? fetch.respectRobots
        )
    }
}

/// `[daemon]`: process-wide settings.
public struct DaemonSettings: Sendable, Hashable {
    /// `state_dir` when not configured: relative to the working directory, for runs by hand.
    public static let defaultStateDirectory = "./winnow-state"

    /// `state_dir`: the SQLite state (sources, frontier, hosts, stories) lives here.
    public var stateDirectory: String
    /// `log_level`: trace, debug, info (default), notice, warning, error or critical.
    public var logLevel: Logger.Level
    /// `sites`: extra site-rule folders, searched before the standard ones, highest precedence first.
    public var siteFolders: [String]
    /// `user_agent`: the User-Agent header (default `HTTPClientConfiguration.defaultUserAgent`).
    public var userAgent: String

    /// Settings with the documented defaults.
    public init(
        stateDirectory: String = DaemonSettings.defaultStateDirectory, logLevel: Logger.Level = .info,
        siteFolders: [String] = [], userAgent: String = HTTPClientConfiguration.defaultUserAgent
    ) {
        self.stateDirectory = stateDirectory
        self.logLevel = logLevel
        self.siteFolders = siteFolders
        self.userAgent = userAgent
    }
}

/// `[output]`: the story files.
public struct OutputSettings: Sendable, Hashable {
    /// `dir` when not configured: relative to the working directory.
    public static let defaultDirectory = "./stories"

    /// `dir`: stories are written below it as `<site>/<title-slug>.<ext>`.
    public var directory: String
    /// `format`: text, markdown (default), json or html; also accepts `OutputFormat(name:)` aliases (`md`).
    public var format: OutputFormat
    /// `fsync`: flush each story (and its folder) to disk before it counts as written (default true).
    public var fsync: Bool

    /// Settings with the documented defaults.
    public init(directory: String = OutputSettings.defaultDirectory, format: OutputFormat = .markdown,
                fsync: Bool = true) {
        self.directory = directory
        self.format = format
        self.fsync = fsync
    }
}

/// `[fetch]`: defaults for every fetch; `[[host]]` tables override some of them per host.
public struct FetchSettings: Sendable, Hashable {
    /// Allowed `concurrency` (fetches in flight overall).
    public static let concurrencyRange = 1...512
    /// Allowed `per_host_concurrency` (and `[[host]] concurrency`).
    public static let perHostConcurrencyRange = 1...16
    /// Allowed `delay` (between two requests to one host).
    public static let delayRange = Duration.zero...Duration.seconds(3600)
    /// Allowed `timeout` (one whole transfer).
    public static let timeoutRange = Duration.seconds(1)...Duration.seconds(3600)
    /// Allowed `max_size` in bytes (after decompression).
    public static let maxSizeRange = 1024...(1 << 30)
    /// Allowed `max_redirects`.
    public static let maxRedirectsRange = 0...50
    /// Allowed `retries` (attempts after the first failure).
    public static let retriesRange = 0...100
    /// Allowed `retry_base` (the first backoff).
    public static let retryBaseRange = Duration.seconds(1)...Duration.seconds(86_400)
    /// Allowed `retry_cap` (the longest backoff); it must also be at least `retry_base`.
    public static let retryCapRange = Duration.seconds(1)...Duration.seconds(30 * 86_400)
    /// Allowed `crawl_delay_cap` (the longest robots.txt Crawl-delay honoured).
    public static let crawlDelayCapRange = Duration.zero...Duration.seconds(86_400)
    /// Allowed `robots_ttl` (how long a robots.txt is cached).
    public static let robotsTTLRange = Duration.seconds(60)...Duration.seconds(30 * 86_400)
    /// Allowed `revisit_after` when not `0s` (never).
    public static let revisitAfterRange = Duration.seconds(60)...Duration.seconds(365 * 86_400)

    /// `concurrency`: fetches in flight overall (default 16).
    public var concurrency: Int
    /// `per_host_concurrency`: fetches in flight to one host (default 1).
    public var perHostConcurrency: Int
    /// `delay`: pause between two requests to the same host (default 1s).
    public var delay: Duration
    /// `timeout`: time allowed for one whole transfer, redirects included (default 30s).
    public var timeout: Duration
    /// `max_size`: largest body accepted, after decompression, in bytes (default 10 MiB).
    public var maxSize: Int
    /// `max_redirects`: redirects followed before giving up (default 10).
    public var maxRedirects: Int
    /// `retries`: further attempts after a failed fetch (default 4).
    public var retries: Int
    /// `retry_base`: the first backoff; each retry doubles it (default 30s).
    public var retryBase: Duration
    /// `retry_cap`: the longest backoff (default 6h).
    public var retryCap: Duration
    /// `respect_robots`: obey robots.txt (default true).
    public var respectRobots: Bool
    /// `crawl_delay_cap`: a robots.txt Crawl-delay longer than this is cut to it (default 30s).
    public var crawlDelayCap: Duration
    /// `robots_ttl`: how long a fetched robots.txt is trusted (default 24h).
    public var robotsTTL: Duration
    /// `revisit_after`: re-fetch a story already written after this long to catch updates; nil (`"0s"`,
    /// the default) re-fetches only when its source says it changed.
    public var revisitAfter: Duration?
    /// `allow_private_networks`: connect to loopback, private and link-local addresses (default false: refused,
    /// so that a feed or a redirect cannot reach the network the daemon runs in).
    public var allowPrivateNetworks: Bool = false
    /// `allowed_private_addresses`: non-public IP addresses allowed anyway (default none), e.g. one intranet host.
    public var allowedPrivateAddresses: [String] = []

    /// Settings with the documented defaults.
    public init(
        concurrency: Int = 16, perHostConcurrency: Int = 1, delay: Duration = .seconds(1),
        timeout: Duration = .seconds(30), maxSize: Int = 10 << 20, maxRedirects: Int = 10, retries: Int = 4,
        retryBase: Duration = .seconds(30), retryCap: Duration = .seconds(6 * 3600), respectRobots: Bool = true,
        crawlDelayCap: Duration = .seconds(30), robotsTTL: Duration = .seconds(86_400), revisitAfter: Duration? = nil
    ) {
        self.concurrency = concurrency
        self.perHostConcurrency = perHostConcurrency
        self.delay = delay
        self.timeout = timeout
        self.maxSize = maxSize
        self.maxRedirects = maxRedirects
        self.retries = retries
        self.retryBase = retryBase
        self.retryCap = retryCap
        self.respectRobots = respectRobots
        self.crawlDelayCap = crawlDelayCap
        self.robotsTTL = robotsTTL
        self.revisitAfter = revisitAfter
    }
}

/// `[[host]]`: overrides for the hosts `pattern` matches; nil properties fall back to `[fetch]`.
public struct HostOverride: Sendable, Hashable {
    /// `name`: `news.example.com` (that host only) or `*.example.com` (every subdomain, not the bare domain).
    public var pattern: HostPattern
    /// `delay`: pause between two requests to one matching host.
    public var delay: Duration?
    /// `concurrency`: fetches in flight to one matching host (overrides `per_host_concurrency`).
    public var concurrency: Int?
    /// `timeout`: time allowed for one transfer.
    public var timeout: Duration?
    /// `user_agent`: the User-Agent sent to matching hosts.
    public var userAgent: String?
    /// `respect_robots`: obey robots.txt on matching hosts.
    public var respectRobots: Bool?

    /// An override; only the settings given are overridden.
    public init(pattern: HostPattern, delay: Duration? = nil, concurrency: Int? = nil, timeout: Duration? = nil,
                userAgent: String? = nil, respectRobots: Bool? = nil) {
        self.pattern = pattern
        self.delay = delay
        self.concurrency = concurrency
        self.timeout = timeout
        self.userAgent = userAgent
        self.respectRobots = respectRobots
    }

    /// Whether the table overrides anything at all.
    public var isEmpty: Bool {
        delay == nil && concurrency == nil && timeout == nil && userAgent == nil && respectRobots == nil
    }
}

/// The settings in force for one host: `[fetch]` with its matching `[[host]]` overrides applied.
public struct HostPolicy: Sendable, Hashable {
    /// Pause between two requests to the host.
    public var delay: Duration
    /// Fetches in flight to the host.
    public var concurrency: Int
    /// Time allowed for one transfer.
    public var timeout: Duration
    /// The User-Agent header.
    public var userAgent: String
    /// Whether robots.txt is obeyed.
    public var respectRobots: Bool

    /// A policy from resolved values.
    public init(delay: Duration, concurrency: Int, timeout: Duration, userAgent: String, respectRobots: Bool) {
        self.delay = delay
        self.concurrency = concurrency
        self.timeout = timeout
        self.userAgent = userAgent
        self.respectRobots = respectRobots
    }
}

/// `[[source]]`: one place article URLs come from, polled on an adaptive interval.
public struct SourceConfiguration: Sendable, Hashable, Identifiable {
    /// What the source's URL points at; the raw value is the TOML key.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `feed = URL`: an RSS, Atom or RDF feed.
        case feed
        /// `sitemap = URL`: a sitemap or sitemap index (news sitemaps included).
        case sitemap
        /// `section = URL`: an HTML section or front page whose links are followed `depth` levels deep.
        case section
        /// `urls = PATH or URL`: a text file listing article URLs, one a line.
        case urls
    }

    /// Allowed `interval`, and the bounds of `min_interval` / `max_interval`.
    public static let intervalRange = Duration.seconds(30)...Duration.seconds(30 * 86_400)
    /// Allowed `depth` (section sources).
    public static let depthRange = 0...5
    /// Allowed `max_age`.
    public static let maxAgeRange = Duration.seconds(60)...Duration.seconds(10 * 365 * 86_400)

    /// Which of `feed`, `sitemap`, `section`, `urls` the source was written with.
    public var kind: Kind
    /// The feed, sitemap or section URL; for `urls`, the list's URL or file path (relative paths resolved
    /// against the configuration file's folder).
    public var url: String
    /// `name`: a label for logs and the state database (optional).
    public var name: String?
    /// `interval`: the usual time between two polls (default 15m; 1h for sitemaps).
    public var interval: Duration
    /// `min_interval`: polls never come closer than this, however busy the source (default interval/4, at
    /// least 30s).
    public var minInterval: Duration
    /// `max_interval`: polls never drift further apart than this, however quiet (default interval×8, at most
    /// 30 days).
    public var maxInterval: Duration
    /// `include`: when not empty, only article URLs matching one of these are kept.
    public var include: [URLPattern]
    /// `exclude`: article URLs matching any of these are dropped (after `include`).
    public var exclude: [URLPattern]
    /// `depth`: section sources only — 0 (default) takes the section page's own links, 1 also the links of
    /// those pages, and so on up to 5.
    public var depth: Int
    /// `max_age`: feed and sitemap items older than this are ignored (nil: no limit).
    public var maxAge: Duration?

    /// A source; intervals left nil take the documented defaults for `kind` (and for the given `interval`).
    public init(
        kind: Kind, url: String, name: String? = nil, interval: Duration? = nil, minInterval: Duration? = nil,
        maxInterval: Duration? = nil, include: [URLPattern] = [], exclude: [URLPattern] = [], depth: Int = 0,
        maxAge: Duration? = nil
    ) {
        let interval = interval ?? Self.defaultInterval(for: kind)
        self.kind = kind
        self.url = url
        self.name = name
        self.interval = interval
        self.minInterval = minInterval ?? Self.defaultMinInterval(for: interval)
        self.maxInterval = maxInterval ?? Self.defaultMaxInterval(for: interval)
        self.include = include
        self.exclude = exclude
        self.depth = depth
        self.maxAge = maxAge
    }

    /// The stable identity used by the state database: `"<kind> <url>"`, e.g. `feed https://example.com/rss`.
    public var id: String { "\(kind.rawValue) \(url)" }

    /// `name` when given, else `id`.
    public var displayName: String { name ?? id }

    /// `interval` when not configured: 1h for sitemaps (large, slow-changing), 15m for everything else.
    public static func defaultInterval(for kind: Kind) -> Duration {
        kind == .sitemap ? .seconds(3600) : .seconds(900)
    }

    /// `min_interval` when not configured: a quarter of `interval`, but not under 30s (nor above `interval`).
    public static func defaultMinInterval(for interval: Duration) -> Duration {
        min(interval, max(interval / 4, intervalRange.lowerBound))
    }

    /// `max_interval` when not configured: eight times `interval`, but not over 30 days (nor under `interval`).
    public static func defaultMaxInterval(for interval: Duration) -> Duration {
        max(interval, min(interval * 8, intervalRange.upperBound))
    }

    /// Whether an article URL found in this source passes `include` and `exclude`.
    public func accepts(_ articleURL: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(articleURL) })
            && !exclude.contains { $0.matches(articleURL) }
    }
}
