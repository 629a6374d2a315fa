import Foundation

/// Turns a link as written in a feed, sitemap, page or list into an absolute http(s) URL string.
///
/// Resolution is Foundation's `URL(string:relativeTo:)` (RFC 3986), after `clean(_:)`. Absolute references come
/// back as written, apart from the percent-encoding `URL` adds: no case folding, no dot-segment removal, no
/// default-port stripping (normalizing is the scheduler's job).
enum URLResolver {
    /// The absolute URL `reference` names when read against `base`, or nil when it is not an http(s) URL
    /// with a host (or cannot be parsed, or is relative with no usable base).
    static func resolve(_ reference: String, against base: String?) -> String? {
        let cleaned = clean(reference)
        guard !cleaned.isEmpty else { return nil }
        let baseURL = base.flatMap { URL(string: clean($0)) }
        guard let url = URL(string: cleaned, relativeTo: baseURL)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return nil }
        return url.absoluteString
    }

    /// `url` without its `#fragment`.
    static func removingFragment(_ url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        return String(url[..<hash])
    }

    /// True when `text` (trimmed) is an absolute http(s) URL with a host.
    static func isAbsoluteHTTP(_ text: String) -> Bool {
        let cleaned = clean(text)
        let lower = cleaned.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return resolve(cleaned, against: nil) != nil
    }

    /// The reference with the WHATWG parser's leniencies that `URL` lacks: surrounding whitespace trimmed, tabs
    /// and line breaks dropped, backslashes before the query read as slashes. (`URL` itself percent-encodes
    /// spaces and non-ASCII characters and converts international host names to punycode.)
    static func clean(_ reference: String) -> String {
        // Fast path, the usual case: printable ASCII with no backslash needs nothing.
        if reference.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) { return reference }
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        var out = ""
        out.reserveCapacity(trimmed.utf8.count)
        var inQueryOrFragment = false
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r":
                continue
            case "?", "#":
                inQueryOrFragment = true
                out.unicodeScalars.append(scalar)
            case "\\" where !inQueryOrFragment:
                out.unicodeScalars.append("/")
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
