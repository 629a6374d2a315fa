/// An absolute http/https URL split into normalized parts: the shared front half of `URLNormalizer` (which
/// adds query cleaning) and of robots.txt checks (which need the path and query exactly as they will be requested).
///
/// Parsing follows RFC 3986 (Appendix B split, §5.2 reference resolution, §5.2.4 dot-segment removal), with
/// two browser habits adopted because crawled links rely on them: surrounding whitespace is trimmed and tabs
/// and newlines inside are dropped, and `\` before the query counts as `/`.
struct ParsedURL: Sendable, Hashable {
    /// `http` or `https`.
    var scheme: String
    /// Lowercased (ASCII letters only: non-ASCII names are kept as written, not converted to punycode),
    /// without a trailing dot; an IPv6 literal keeps its brackets.
    var host: String
    /// The port when it is not the scheme's default.
    var port: Int?
    /// Percent-normalized, dot segments removed, never empty (`/` at least).
    var path: String
    /// Percent-normalized, in its original order; nil when absent or empty.
    var query: String?

    /// `host` or `host:port`.
    var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// The path plus `?query` (as robots.txt rules see a URL).
    var pathAndQuery: String { query.map { "\(path)?\($0)" } ?? path }

    /// Parses `url`, resolving it against `base` when it is relative; nil unless the result is an absolute
    /// http/https URL with a valid host.
    static func parse(_ url: String, relativeTo base: String? = nil) -> ParsedURL? {
        let reference = Reference(cleaning: url)
        let resolved: Reference
        if reference.scheme != nil {
            resolved = reference
        } else {
            guard let base else { return nil }
            let baseReference = Reference(cleaning: base)
            guard baseReference.scheme != nil, baseReference.authority != nil else { return nil }
            resolved = reference.resolved(against: baseReference)
        }
        return make(from: resolved)
    }

    private static func make(from reference: Reference) -> ParsedURL? {
        guard let rawScheme = reference.scheme, let authority = reference.authority else { return nil }
        let scheme = asciiLowercased(rawScheme)
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return nil
        }
        guard let (host, port) = parseAuthority(authority) else { return nil }
        var path = removeDotSegments(reference.path)
        if path.isEmpty { path = "/" }
        var query: String?
        if let rawQuery = reference.query, !rawQuery.isEmpty {
            query = PercentEncoding.normalize(rawQuery[...], for: .query)
        }
        return ParsedURL(
            scheme: scheme, host: host, port: port == defaultPort ? nil : port, path: path, query: query)
    }

    // MARK: - Authority

    /// Drops userinfo, validates and normalizes the host, and reads the port (nil when absent or empty).
    private static func parseAuthority(_ authority: String) -> (String, Int?)? {
        var hostAndPort = Substring(authority)
        if let at = hostAndPort.lastIndex(of: "@") {
            hostAndPort = hostAndPort[hostAndPort.index(after: at)...]
        }
        let hostPart: Substring
        let portPart: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return nil }
            hostPart = hostAndPort[...close]
            let rest = hostAndPort[hostAndPort.index(after: close)...]
            if rest.isEmpty {
                portPart = nil
            } else if rest.hasPrefix(":") {
                portPart = rest.dropFirst()
            } else {
                return nil
            }
        } else if let colon = hostAndPort.firstIndex(of: ":") {
            hostPart = hostAndPort[..<colon]
            portPart = hostAndPort[hostAndPort.index(after: colon)...]
        } else {
            hostPart = hostAndPort
            portPart = nil
        }
        guard let host = normalizeHost(hostPart) else { return nil }
        var port: Int?
        if let portPart, !portPart.isEmpty {
            guard portPart.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return nil
            }
            let digits = portPart.drop(while: { $0 == "0" })
            guard digits.count <= 5, let value = Int(digits.isEmpty ? "0" : digits), value <= 65535 else {
                return nil
            }
            port = value
        }
        return (host, port)
    }

    /// A lowercased IPv6 literal in brackets, or a registered name / IPv4 address: percent-escapes decoded,
    /// ASCII letters lowercased, one trailing dot removed, no empty labels. Only letters, digits, `-`, `.`,
    /// `_` and non-ASCII characters are accepted in a name: nothing a crawler can fetch uses anything else.
    private static func normalizeHost(_ raw: Substring) -> String? {
        if raw.hasPrefix("[") {
            let inner = raw.dropFirst().dropLast()
            let valid =
                !inner.isEmpty && inner.contains(":")
                && inner.utf8.allSatisfy {
                    PercentEncoding.hexValue($0) != nil || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
                }
            return valid ? asciiLowercased(raw) : nil
        }
        var bytes = Array(raw.utf8)
        if bytes.contains(UInt8(ascii: "%")) {
            guard let decoded = percentDecoded(bytes) else { return nil }
            bytes = decoded
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        for byte in bytes {
            let allowed = byte >= 0x80 || PercentEncoding.isUnreserved(byte) && byte != UInt8(ascii: "~")
            guard allowed else { return nil }
        }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        // No empty label (`a..b`, `.a`, `a..`): not a name DNS can resolve.
        guard !bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).contains(where: \.isEmpty)
        else { return nil }
        return asciiLowercased(String(decoding: bytes, as: UTF8.self))
    }

    /// Decodes every `%XX`; nil when a `%` starts no valid escape.
    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = PercentEncoding.hexValue(bytes[index + 1]),
                    let low = PercentEncoding.hexValue(bytes[index + 2])
                else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    // MARK: - Path

    /// RFC 3986 §5.2.4 on an already percent-normalized path (so `%2E` has become `.` first). A path that
    /// starts with `/` keeps it; `..` never climbs above the root; a trailing `.` or `..` leaves a trailing `/`.
    static func removeDotSegments(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var output: [Substring] = []
        let rooted = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "." {
                if isLast { output.append("") }
            } else if segment == ".." {
                if output.count > (rooted ? 1 : 0) { output.removeLast() }
                if isLast { output.append("") }
            } else {
                output.append(segment)
            }
        }
        if rooted && output.count == 1 { return "/" }
        return output.joined(separator: "/")
    }

    /// Lowercases ASCII letters only.
    static func asciiLowercased(_ text: some StringProtocol) -> String {
        String(
            decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 },
            as: UTF8.self)
    }
}

/// A URI reference split by RFC 3986 Appendix B (scheme, authority, path, query; the fragment is dropped).
private struct Reference {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?

    /// Splits `text` after trimming surrounding whitespace/controls and removing tabs and newlines. The path
    /// is percent-normalized here so that encoded dots take part in dot-segment removal.
    init(cleaning text: String) {
        var bytes = Array(text.utf8)
        while let first = bytes.first, first <= 0x20 { bytes.removeFirst() }
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { bytes.removeSubrange(hash...) }

        var rest = bytes[...]
        scheme = nil
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")), let first = rest.first, Reference.isAlpha(first),
            rest[..<colon].allSatisfy(Reference.isSchemeByte)
        {
            scheme = String(decoding: rest[..<colon], as: UTF8.self)
            rest = rest[(colon + 1)...]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = String(decoding: rest[(question + 1)...], as: UTF8.self)
            rest = rest[..<question]
        } else {
            query = nil
        }
        // Browsers read `\` as `/` in http(s) URLs; only those are kept, so the rewrite is safe here.
        let slashed = rest.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }[...]
        var pathBytes = slashed
        authority = nil
        if slashed.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = slashed.dropFirst(2)
            let end = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            authority = String(decoding: afterSlashes[..<end], as: UTF8.self)
            pathBytes = afterSlashes[end...]
        }
        path = String(decoding: PercentEncoding.normalize(pathBytes, for: .path), as: UTF8.self)
    }

    /// RFC 3986 §5.2.2 (non-strict parts omitted: a reference with a scheme never reaches here).
    func resolved(against base: Reference) -> Reference {
        var target = self
        target.scheme = base.scheme
        if authority != nil { return target }
        target.authority = base.authority
        if path.isEmpty {
            target.path = base.path
            target.query = query ?? base.query
        } else if !path.hasPrefix("/") {
            if base.authority != nil && base.path.isEmpty {
                target.path = "/" + path
            } else if let slash = base.path.lastIndex(of: "/") {
                target.path = base.path[...slash] + path
            } else {
                target.path = path
            }
        }
        return target
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
