/// Winnow's version and home, used in the default User-Agent.
public enum WinnowVersion {
    /// The release string, e.g. "0.1".
    public static let current = "0.1"
    /// The project's home page, named in the default User-Agent so site operators can find out what is fetching
    /// their pages (README.md names it too).
    public static let projectURL = "https://github.com/winnow-scraper/winnow"
}

/// Which HTTP version to negotiate.
public enum HTTPVersionPreference: Sendable, Hashable {
    /// HTTP/1.1 only.
    case http1_1
    /// HTTP/2 over TLS when the server offers it via ALPN, HTTP/1.1 otherwise (libcurl's CURL_HTTP_VERSION_2TLS).
    case http2OverTLS
    /// HTTP/2 without negotiation, also over plain TCP (h2c "prior knowledge"); for servers known to speak it.
    case http2PriorKnowledge
}

/// How to reach the network.
public enum ProxyPolicy: Sendable, Hashable {
    /// Use the standard environment variables (http_proxy, https_proxy, all_proxy, no_proxy), which
    /// libcurl reads itself. This is the default.
    case environment
    /// Never use a proxy, even if the environment names one.
    case direct
    /// Use this proxy URL (e.g. "http://proxy:3128" or "socks5h://127.0.0.1:1080"); no_proxy still applies.
    case url(String)
}

/// Minimum throughput: a transfer slower than `bytesPerSecond` for `duration` fails with `.timeout`.
public struct LowSpeedLimit: Sendable, Hashable {
    /// The floor, in bytes per second.
    public var bytesPerSecond: Int
    /// How long the transfer may stay under the floor.
    public var duration: Duration

    /// Creates a limit.
    public init(bytesPerSecond: Int, duration: Duration) {
        self.bytesPerSecond = bytesPerSecond
        self.duration = duration
    }
}

/// Client-wide fetch policy. Defaults suit scraping news pages politely and safely.
public struct HTTPClientConfiguration: Sendable {
    /// The default User-Agent: names Winnow, its version and where to read about it, e.g.
    /// `Winnow/0.1 (+https://github.com/winnow-scraper/winnow)`.
    public static let defaultUserAgent = "Winnow/\(WinnowVersion.current) (+\(WinnowVersion.projectURL))"

    /// The User-Agent header sent with every request (a request header of the same name overrides it).
    public var userAgent: String
    /// HTTP version negotiation.
    public var httpVersion: HTTPVersionPreference
    /// Redirects followed before failing with `.tooManyRedirects` (0 disables following).
    public var maxRedirects: Int
    /// Time allowed to establish the connection (including DNS and TLS).
    public var connectTimeout: Duration
    /// Time allowed for the whole transfer, redirects included.
    public var totalTimeout: Duration
    /// Stall detection; nil disables it.
    public var lowSpeedLimit: LowSpeedLimit?
    /// Cap on the decompressed body, enforced while receiving; exceeding it fails with `.tooLarge`.
    public var maxBodyBytes: Int
    /// Whether to advertise and decode gzip, deflate, br and zstd.
    public var acceptCompression: Bool
    /// Proxy selection; `.environment` (default) honours http_proxy/https_proxy/no_proxy.
    public var proxy: ProxyPolicy
    /// Cap on open connections across all hosts (0 = unlimited).
    public var maxConnections: Int
    /// Cap on open connections per host (0 = unlimited); transfers beyond it queue.
    public var maxConnectionsPerHost: Int
    /// Make new transfers wait for an in-progress connection to the same host so they can share it via
    /// HTTP/2 (CURLOPT_PIPEWAIT). Off by default: libcurl 7.88 releases waiting transfers one at a time,
    /// which serialises bursts to HTTP/1.1-only hosts.
    public var waitForMultiplexing: Bool
    /// A PEM file of CA certificates to trust instead of the system store (private CAs, tests).
    /// Certificate and host-name verification always stay on.
    public var caBundlePath: String?
    /// Whether to connect to loopback, private, link-local and other non-public addresses (see `AddressClass`).
    /// Off by default, so that a feed, a link or a redirect cannot turn the scraper against the network it runs
    /// in; the check applies to the resolved address of every connection, redirects included.
    public var allowPrivateNetworks: Bool
    /// Non-public addresses allowed even when `allowPrivateNetworks` is off (e.g. one intranet news server),
    /// as IPv4 or IPv6 literals. The proxy's own addresses are always allowed.
    public var allowedPrivateAddresses: [String]

    /// Creates a configuration; every parameter has a sensible default.
    public init(
        userAgent: String = HTTPClientConfiguration.defaultUserAgent,
        httpVersion: HTTPVersionPreference = .http2OverTLS,
        maxRedirects: Int = 10,
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30),
        lowSpeedLimit: LowSpeedLimit? = LowSpeedLimit(bytesPerSecond: 1, duration: .seconds(15)),
        maxBodyBytes: Int = 10 * 1024 * 1024,
        acceptCompression: Bool = true,
        proxy: ProxyPolicy = .environment,
        maxConnections: Int = 0,
        maxConnectionsPerHost: Int = 0,
        waitForMultiplexing: Bool = false,
        caBundlePath: String? = nil,
        allowPrivateNetworks: Bool = false,
        allowedPrivateAddresses: [String] = []
    ) {
        self.userAgent = userAgent
        self.httpVersion = httpVersion
        self.maxRedirects = maxRedirects
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.maxBodyBytes = maxBodyBytes
        self.acceptCompression = acceptCompression
        self.proxy = proxy
        self.maxConnections = maxConnections
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.waitForMultiplexing = waitForMultiplexing
        self.caBundlePath = caBundlePath
        self.allowPrivateNetworks = allowPrivateNetworks
        self.allowedPrivateAddresses = allowedPrivateAddresses
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a tiny positive timeout never becomes "no timeout" (0).
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return Int(millis) + (remainder > 0 ? 1 : 0)
    }
}
