/// The canonical form of a URL, used to recognise the same page reached through different spellings.
///
/// `normalize` keeps only absolute http/https URLs with a host (after resolving a relative reference) and
/// rewrites them so that equivalent spellings compare equal:
/// - scheme and host lowercased (ASCII letters only; an internationalized host is kept as written, not
///   converted to punycode), one trailing dot removed from the host, userinfo removed;
/// - the scheme's default port (80 for http, 443 for https) removed;
/// - the fragment removed;
/// - `.` and `..` path segments resolved; an empty path becomes `/`;
/// - percent-encoding normalized: uppercase hex digits, escaped unreserved characters (`A-Z a-z 0-9 - . _ ~`)
///   decoded, and spaces, controls, non-ASCII bytes and other characters that must be escaped encoded;
/// - tracking query parameters (`trackingParameters`, any `utm_` name) removed, the rest sorted by name
///   (keeping the order of equal names), empty parameters and an empty `?` dropped.
///
/// Reserved characters are left as written (`%3D` and `=` stay different), and parameter values are never
/// decoded, so two URLs that normalize equal always ask a server for the same thing.
public enum URLNormalizer {
    /// Query parameter names (compared case-insensitively) that only track how a visitor arrived and never
    /// select content; `normalize` removes them, together with every name starting with `trackingPrefix`.
    ///
    /// Gathered from the tracking-parameter lists of privacy tools and browsers' query stripping. A name
    /// belongs here only when it is specific to one tracking system: generic names such as `ref`, `source`,
    /// `id`, `cid` or `campaign` also select content on some sites, so they are kept.
    public static let trackingParameters: Set<String> = [
        // Advertising click identifiers.
        "fbclid",  // Meta
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid",  // Google Ads, Display & Video 360
        "srsltid",  // Google Merchant listings
        "msclkid",  // Microsoft Advertising
        "yclid",  // Yandex
        "twclid",  // X (Twitter)
        "ttclid",  // TikTok
        "li_fat_id",  // LinkedIn
        "rdt_cid",  // Reddit
        "tblci",  // Taboola
        "rb_clickid",  // Rakuten
        "s_kwcid",  // Adobe Advertising
        "igshid",  // Instagram share links
        // Analytics.
        "_ga", "_gl",  // Google Analytics cross-domain linker
        "_openstat",  // OpenStat
        // Email and marketing automation.
        "mc_cid", "mc_eid",  // Mailchimp
        "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",  // HubSpot
        "mkt_tok",  // Marketo
        "oly_anon_id", "oly_enc_id",  // Omeda Olytics
        "vero_id", "vero_conv",  // Vero
        "__s",  // Drip
        "_kx",  // Klaviyo
        "ml_subscriber", "ml_subscriber_hash",  // MailerLite
        "wickedid",  // WickedReports
        // Referral attribution added by embeds and share buttons.
        "ref_src", "ref_url",  // X (Twitter) embeds
    ]

    /// Any parameter whose name starts with this (case-insensitively) is a Google Analytics campaign tag.
    public static let trackingPrefix = "utm_"

    /// The canonical form of `url`, resolved against `base` when it is relative; nil unless the result is an
    /// absolute http or https URL with a host (so `javascript:`, `mailto:`, `ftp:` and garbage give nil).
    ///
    /// - Parameters:
    ///   - url: an absolute URL or a reference found in a page (`/a`, `../b`, `?page=2`, `//host/x`).
    ///   - base: the URL of the page the reference was found in (already absolute).
    public static func normalize(_ url: String, relativeTo base: String? = nil) -> String? {
        guard let parsed = ParsedURL.parse(url, relativeTo: base) else { return nil }
        var result = "\(parsed.scheme)://\(parsed.authority)\(parsed.path)"
        if let query = parsed.query.flatMap(cleanQuery) {
            result += "?" + query
        }
        return result
    }

    /// The lowercased host of an absolute http/https URL, without port or trailing dot (an IPv6 literal keeps
    /// its brackets, e.g. `[::1]`); nil when `normalize` would give nil.
    public static func host(of url: String) -> String? {
        ParsedURL.parse(url)?.host
    }

    /// Whether a parameter name is tracking-only.
    static func isTracking(_ name: Substring) -> Bool {
        let lowered = ParsedURL.asciiLowercased(name)
        return lowered.hasPrefix(trackingPrefix) || trackingParameters.contains(lowered)
    }

    /// An already percent-normalized query without empty and tracking parameters, sorted by name (stably);
    /// nil when nothing is left.
    static func cleanQuery(_ query: String) -> String? {
        let kept = query.split(separator: "&", omittingEmptySubsequences: true)
            .map { parameter -> (name: Substring, parameter: Substring) in
                let name = parameter.firstIndex(of: "=").map { parameter[..<$0] } ?? parameter
                return (name, parameter)
            }
            .filter { !isTracking($0.name) }
        guard !kept.isEmpty else { return nil }
        let sorted = kept.enumerated().sorted { left, right in
            if left.element.name != right.element.name {
                return left.element.name.utf8.lexicographicallyPrecedes(right.element.name.utf8)
            }
            return left.offset < right.offset
        }
        return sorted.map { String($0.element.parameter) }.joined(separator: "&")
    }
}
