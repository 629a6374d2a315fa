import Foundation

/// The value syntaxes of `winnow.toml` that TOML itself has no type for: durations, sizes, host patterns and
/// URL patterns. Shared by the loader and by command-line flags that accept the same spellings.
public enum ConfigurationValue {
    /// Milliseconds per duration unit, longest unit first (`ms` is tried before `m` when parsing).
    private static let durationUnits: [(name: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Bytes per size unit: decimal (`KB` = 1000) and binary (`KiB` = 1024), matched case-insensitively.
    private static let sizeUnits: [String: Int] = [
        "b": 1, "kb": 1000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
    ]

    /// The longest duration accepted anywhere (100 years), so arithmetic on durations can never overflow.
    public static let maximumDuration = Duration.seconds(100 * 365 * 86_400)

    /// Parses a duration such as `"500ms"`, `"30s"`, `"15m"`, `"1h30m"`, `"2d"` or `"1h 30m"`.
    ///
    /// Units are `d`, `h`, `m`, `s` and `ms`; components may come in any order and add up. A bare `"0"` is
    /// zero; any other number needs a unit (a TOML integer, not a string, means seconds). Returns nil for
    /// anything else, negative or fractional values, and durations over `maximumDuration`.
    public static func duration(_ text: String) -> Duration? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).lowercased().utf8)
        if bytes == Array("0".utf8) { return .zero }
        var index = 0, total: Int64 = 0, components = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " ") { index += 1; continue }
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digitsStart, index - digitsStart <= 12,
                  let number = Int64(String(decoding: bytes[digitsStart..<index], as: UTF8.self)) else { return nil }
            let unitStart = index
            while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
            let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let scale = durationUnits.first(where: { $0.name == unit })?.milliseconds else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            total += product
            guard total <= maximumMilliseconds else { return nil }
            components += 1
        }
        return components > 0 ? .milliseconds(total) : nil
    }

    private static let maximumMilliseconds: Int64 = 100 * 365 * 86_400_000

    /// Parses a size such as `"10MiB"`, `"512KiB"`, `"1GB"`, `"800 B"` or `"4096"` (bytes); units are
    /// case-insensitive, `KB`/`MB`/`GB`/`TB` decimal and `KiB`/`MiB`/`GiB`/`TiB` binary. Nil for anything else.
    public static func size(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 15, let number = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let scale = unit.isEmpty ? 1 : sizeUnits[unit] else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }

    /// A duration the way a configuration file spells it: `"1h30m"`, `"500ms"`, `"0s"`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        var text = milliseconds < 0 ? "-" : ""
        milliseconds = abs(milliseconds)
        for unit in durationUnits where milliseconds >= unit.milliseconds {
            text += "\(milliseconds / unit.milliseconds)\(unit.name)"
            milliseconds %= unit.milliseconds
        }
        return text
    }

    /// A byte count the way a configuration file spells it: the largest binary unit that divides it exactly
    /// (`"10MiB"`), else the largest decimal one (`"1GB"`), else bytes (`"1500B"`).
    public static func format(bytes: Int) -> String {
        guard bytes > 0 else { return "\(bytes)B" }
        for (name, scale) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes % scale == 0 {
            return "\(bytes / scale)\(name)"
        }
        for (name, scale) in [("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1000)]
        where bytes % scale == 0 {
            return "\(bytes / scale)\(name)"
        }
        return "\(bytes)B"
    }
}

/// Which hosts a `[[host]]` table applies to: one exact host (`news.example.com`) or, written
/// `*.example.com`, every subdomain of `example.com` at any depth — but not `example.com` itself, as with
/// DNS and TLS wildcards (add a second `[[host]]` for the bare domain).
public struct HostPattern: Sendable, Hashable, CustomStringConvertible {
    /// The host, or for a wildcard the domain after `*.`; lowercased, without a trailing dot.
    public let host: String
    /// True for `*.example.com` patterns.
    public let matchesSubdomains: Bool

    /// Parses `example.com`, `*.example.com`, an IPv4 address or a bracketed IPv6 address (case-insensitive).
    ///
    /// Nil for URLs, ports, paths, empty labels, a lone `*` or a `*` anywhere but the leading label.
    public init?(_ text: String) {
        var name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        var wildcard = false
        if name.hasPrefix("*.") {
            wildcard = true
            name.removeFirst(2)
        }
        guard Self.isHostName(name) else { return nil }
        host = name
        matchesSubdomains = wildcard
    }

    /// An exact-host pattern or (with `subdomains`) a wildcard; `host` must already be a valid host name.
    public init(host: String, subdomains: Bool = false) {
        self.host = host.lowercased()
        matchesSubdomains = subdomains
    }

    /// Whether `candidate` (a URL's host; case and a trailing dot are ignored) is covered by this pattern.
    public func matches(_ candidate: String) -> Bool {
        var name = candidate.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return matchesSubdomains ? name.hasSuffix("." + host) : name == host
    }

    /// How specific the pattern is: exact hosts beat every wildcard, longer wildcard domains beat shorter ones.
    public var specificity: Int { matchesSubdomains ? host.count : Int.max }

    /// The pattern as written in a configuration file.
    public var description: String { matchesSubdomains ? "*.\(host)" : host }

    private static func isHostName(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") && name.count > 2 {
            return name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && name.count <= 253 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }
}

/// A regular expression on article URLs (`include` / `exclude`), compiled once.
///
/// ICU syntax (`NSRegularExpression`), searched anywhere in the URL (anchor with `^…$` to match it whole),
/// case-sensitive unless the pattern starts with `(?i)`.
public struct URLPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let expression: NSRegularExpression

    /// Compiles `pattern`; throws when it is not a valid regular expression.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        expression = try NSRegularExpression(pattern: pattern)
    }

    /// Whether the pattern occurs anywhere in `url`.
    public func matches(_ url: String) -> Bool {
        expression.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) != nil
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Patterns are equal when they are spelled the same.
    public static func == (lhs: URLPattern, rhs: URLPattern) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the spelling.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
