/// A parsed robots.txt file (RFC 9309, the Robots Exclusion Protocol) and its access decisions.
///
/// Parsing is forgiving and never fails: only the first `maxBytes` bytes are read, a byte order mark is
/// skipped, lines may end in CR, LF or CRLF, `#` starts a comment, field names are case-insensitive, spaces
/// around `:` are ignored, and lines that cannot be understood are skipped.
///
/// A group is one or more `user-agent` lines (blank lines between them allowed) followed by its rules
/// (`allow`, `disallow`) and, non-standard but common, `crawl-delay`. The crawler obeys every group naming
/// its product token (merged), or else every `*` group (merged), or else nothing is restricted. The longest
/// matching rule decides; on a tie `allow` wins. `sitemap` lines belong to no group.
public struct RobotsTxt: Sendable, Hashable {
    /// At most this many bytes are parsed (RFC 9309 §2.5 asks crawlers to read at least 500 KiB).
    public static let maxBytes = 500 * 1024

    /// The product token Winnow identifies itself with in robots.txt groups (the first word of its
    /// User-Agent, `Winnow/0.1 (+…)`).
    public static let defaultProductToken = "Winnow"

    /// One `allow` or `disallow` line.
    struct Rule: Sendable, Hashable {
        /// The percent-normalized pattern (starts with `/` or `*`; may contain `*` and end with `$`).
        var pattern: [UInt8]
        /// Whether the rule is `allow`.
        var allows: Bool
    }

    /// One group: the agents it names (lowercased product tokens, `*` for any) and what applies to them.
    struct Group: Sendable, Hashable {
        var agents: [String] = []
        var rules: [Rule] = []
        var crawlDelay: Double?
        /// Set once a rule or crawl-delay has been read: the next `user-agent` line starts a new group.
        var hasMembers = false
    }

    /// The groups in file order.
    let groups: [Group]

    /// The absolute http/https URLs named by `sitemap` lines, in file order without duplicates.
    public let sitemaps: [String]

    /// Parses robots.txt `text`; anything past `maxBytes` bytes (and the line cut there) is ignored.
    public init(parsing text: String) {
        var bytes = Array(text.utf8.prefix(RobotsTxt.maxBytes + 1))
        if bytes.count > RobotsTxt.maxBytes {
            bytes.removeSubrange(RobotsTxt.maxBytes...)
            // Drop the line cut in two: its first half could read as a broader or narrower rule.
            let lastBreak = bytes.lastIndex { $0 == 0x0A || $0 == 0x0D }
            bytes.removeSubrange((lastBreak ?? -1) + 1 ..< bytes.count)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        var groups: [Group] = []
        var sitemaps: [String] = []
        for line in RobotsTxt.lines(of: bytes) {
            guard let (field, value) = RobotsTxt.field(in: line) else { continue }
            switch field {
            case .userAgent:
                if groups.isEmpty || groups[groups.count - 1].hasMembers { groups.append(Group()) }
                groups[groups.count - 1].agents.append(RobotsTxt.agentToken(value))
            case .allow, .disallow:
                guard !groups.isEmpty else { continue }  // a rule before any user-agent line belongs nowhere
                groups[groups.count - 1].hasMembers = true
                // An empty path matches nothing: `disallow:` with no path allows everything.
                guard !value.isEmpty else { continue }
                var pattern = PercentEncoding.normalize(value.utf8, for: .pathAndQuery)
                if let first = pattern.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "*") {
                    pattern.insert(UInt8(ascii: "/"), at: 0)
                }
                groups[groups.count - 1].rules.append(Rule(pattern: pattern, allows: field == .allow))
            case .crawlDelay:
                guard !groups.isEmpty else { continue }
                groups[groups.count - 1].hasMembers = true
                if let seconds = RobotsTxt.seconds(value), groups[groups.count - 1].crawlDelay == nil {
                    groups[groups.count - 1].crawlDelay = seconds
                }
            case .sitemap:
                let url = String(value)
                if URLNormalizer.normalize(url) != nil, !sitemaps.contains(url) { sitemaps.append(url) }
            }
        }
        self.groups = groups
        self.sitemaps = sitemaps
    }

    /// Whether the crawler identified by `token` may fetch `pathAndQuery` (e.g. `/a/b?c=d`; a full URL's
    /// path and query, not its scheme or host). `/robots.txt` is always allowed.
    ///
    /// - Parameter token: the crawler's product token (`Winnow`); a full User-Agent string works too, as only
    ///   its leading token is used. Matching is case-insensitive.
    public func isAllowed(_ pathAndQuery: String, userAgent token: String = RobotsTxt.defaultProductToken) -> Bool {
        var path = PercentEncoding.normalize(pathAndQuery.utf8, for: .pathAndQuery)
        if path.isEmpty || path.first != UInt8(ascii: "/") { path.insert(UInt8(ascii: "/"), at: 0) }
        if path.split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false).first
            .map({ $0.elementsEqual("/robots.txt".utf8) }) == true
        {
            return true
        }
        var best: Rule?
        for group in applicableGroups(for: token) {
            for rule in group.rules where RobotsTxt.matches(path, rule.pattern) {
                guard let current = best else {
                    best = rule
                    continue
                }
                if rule.pattern.count > current.pattern.count
                    || (rule.pattern.count == current.pattern.count && rule.allows && !current.allows)
                {
                    best = rule
                }
            }
        }
        return best?.allows ?? true
    }

    /// The `crawl-delay` in seconds from the groups that apply to `token` (the largest, when merged groups
    /// disagree), or nil when they set none or only unreadable values.
    public func crawlDelay(for token: String = RobotsTxt.defaultProductToken) -> Double? {
        applicableGroups(for: token).compactMap(\.crawlDelay).max()
    }

    /// The groups that name `token`, or else the `*` groups.
    func applicableGroups(for token: String) -> [Group] {
        let wanted = RobotsTxt.agentToken(Substring(token))
        if !wanted.isEmpty, wanted != "*" {
            let named = groups.filter { $0.agents.contains(wanted) }
            if !named.isEmpty { return named }
        }
        return groups.filter { $0.agents.contains("*") }
    }

    // MARK: - Parsing

    private enum Field {
        case userAgent, allow, disallow, crawlDelay, sitemap
    }

    /// Field names, lowercased, with the misspellings seen in the wild that leave no doubt about intent.
    private static let fieldNames: [String: Field] = [
        "user-agent": .userAgent, "useragent": .userAgent, "user agent": .userAgent,
        "allow": .allow,
        "disallow": .disallow, "dissallow": .disallow, "dissalow": .disallow, "disalow": .disallow,
        "crawl-delay": .crawlDelay, "crawldelay": .crawlDelay,
        "sitemap": .sitemap, "site-map": .sitemap,
    ]

    /// Lines split at CR, LF or CRLF.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D }
    }

    /// The field and its trimmed value, comment removed; nil for blank, unknown or malformed lines.
    private static func field(in line: ArraySlice<UInt8>) -> (Field, Substring)? {
        let content = line.firstIndex(of: UInt8(ascii: "#")).map { line[..<$0] } ?? line
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = asciiTrimmed(String(decoding: content[..<colon], as: UTF8.self))
        guard let field = fieldNames[ParsedURL.asciiLowercased(name)] else { return nil }
        let value = asciiTrimmed(String(decoding: content[(colon + 1)...], as: UTF8.self))
        return (field, value)
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func asciiTrimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
            let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[start...end]
    }

    /// The lowercased product token at the start of a user-agent value (`Winnow/1.0` → `winnow`), or `*`.
    static func agentToken(_ value: Substring) -> String {
        if value.hasPrefix("*") { return "*" }
        let token = value.prefix { character in
            character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
        }
        return ParsedURL.asciiLowercased(token)
    }

    /// A non-negative decimal number of seconds (`10`, `0.5`, `2.`); nil for anything else.
    static func seconds(_ value: Substring) -> Double? {
        var digits = 0
        var dots = 0
        for character in value.utf8 {
            if character >= UInt8(ascii: "0") && character <= UInt8(ascii: "9") {
                digits += 1
            } else if character == UInt8(ascii: ".") {
                dots += 1
            } else {
                return nil
            }
        }
        guard digits > 0, dots <= 1, let seconds = Double(value), seconds.isFinite else { return nil }
        return seconds
    }

    // MARK: - Matching

    /// Whether `pattern` matches a prefix of `path` (all of it when the pattern ends with `$`); `*` matches
    /// any run of bytes. Tracks every position the pattern so far can end at, so it never backtracks.
    static func matches(_ path: [UInt8], _ pattern: [UInt8]) -> Bool {
        var pattern = pattern[...]
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern = pattern.dropLast() }
        // Sorted, distinct positions in `path` reachable after consuming the pattern so far.
        var positions = [0]
        var afterStar = false
        for byte in pattern {
            if byte == UInt8(ascii: "*") {
                afterStar = true
                continue
            }
            var next: [Int] = []
            if afterStar {
                // Any position at or after the earliest one can start the next literal.
                guard let earliest = positions.first else { return false }
                for index in earliest..<path.count where path[index] == byte { next.append(index + 1) }
                afterStar = false
            } else {
                for index in positions where index < path.count && path[index] == byte { next.append(index + 1) }
            }
            if next.isEmpty { return false }
            positions = next
        }
        if !anchored { return true }
        return afterStar || positions.last == path.count
    }
}

/// What the scheduler knows about one host's robots.txt, decided from how fetching it went.
public enum RobotsPolicy: Sendable, Hashable {
    /// robots.txt was fetched: obey its rules.
    case rules(RobotsTxt)
    /// robots.txt is unavailable (a 4xx answer, including 401 and 403, or redirects that never ended):
    /// RFC 9309 §2.3.1.3 lets the crawler access everything.
    case allowAll
    /// robots.txt is unreachable (a 5xx answer, 429, or no answer at all): RFC 9309 §2.3.1.4 asks the
    /// crawler to assume everything is disallowed. (After 30 days of that, the RFC allows falling back to a
    /// cached copy or to no restrictions; that is the scheduler's call.)
    case disallowAll

    /// The policy for a robots.txt request that ended with `status` (nil when no response arrived: DNS,
    /// connection or timeout failure) and `body`.
    ///
    /// - 2xx: the body's rules (a missing body means no rules).
    /// - 3xx (the fetcher's redirect limit was reached), 4xx except 429: `.allowAll`.
    /// - 429 Too Many Requests, 5xx, nil or a nonsensical status: `.disallowAll` — rate limiting is
    ///   treated like a server error, since crawling on would ignore the server's request to back off.
    public static func from(status: Int?, body: String?) -> RobotsPolicy {
        guard let status else { return .disallowAll }
        switch status {
        case 200..<300: return .rules(RobotsTxt(parsing: body ?? ""))
        case 429: return .disallowAll
        case 300..<500: return .allowAll
        default: return .disallowAll
        }
    }

    /// Whether the crawler identified by `token` may fetch `url` (an absolute http/https URL, checked with
    /// its path and query as written, dot segments resolved). A URL that cannot be parsed is never allowed;
    /// `/robots.txt` always is.
    public func isAllowed(url: String, userAgent token: String = RobotsTxt.defaultProductToken) -> Bool {
        guard let parsed = ParsedURL.parse(url) else { return false }
        switch self {
        case .rules(let robots): return robots.isAllowed(parsed.pathAndQuery, userAgent: token)
        case .allowAll: return true
        case .disallowAll: return parsed.path == "/robots.txt"
        }
    }

    /// The crawl-delay for `token`, when the policy has rules that set one.
    public func crawlDelay(for token: String = RobotsTxt.defaultProductToken) -> Double? {
        if case .rules(let robots) = self { return robots.crawlDelay(for: token) }
        return nil
    }
}
