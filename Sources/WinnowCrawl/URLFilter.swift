import Foundation

/// A pattern given to `URLFilter` that is not a valid regular expression.
public struct URLFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    /// Why it was rejected, on one line.
    public let reason: String

    /// Creates an error; the reason is flattened to a single line.
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `invalid URL pattern "…": reason`.
    public var description: String { "invalid URL pattern \"\(pattern)\": \(reason)" }
}

/// Include and exclude rules for the links a section crawl follows.
///
/// Patterns are regular expressions in ICU syntax (the usual Perl-style forms: `\d`, `[^/]+`, `(?i)`, …) searched
/// for anywhere in the URL: anchor them with `^` and `$` to match the whole
/// URL. A URL is accepted when it matches at least one include pattern (or there are none) and no exclude
/// pattern: exclude wins.
public struct URLFilter: Sendable {
    /// The include patterns as given.
    public let includePatterns: [String]
    /// The exclude patterns as given.
    public let excludePatterns: [String]
    private let include: [NSRegularExpression]
    private let exclude: [NSRegularExpression]

    /// Compiles the patterns; throws for the first one that is not a valid regular expression.
    public init(include: [String] = [], exclude: [String] = []) throws(URLFilterError) {
        self.includePatterns = include
        self.excludePatterns = exclude
        self.include = try URLFilter.compile(include)
        self.exclude = try URLFilter.compile(exclude)
    }

    /// Whether `url` passes the filter.
    public func accepts(_ url: String) -> Bool {
        if exclude.contains(where: { URLFilter.found($0, in: url) }) { return false }
        return include.isEmpty || include.contains(where: { URLFilter.found($0, in: url) })
    }

    /// Whether `url` is on the same site as `base`: the same host, ignoring scheme, port and one leading
    /// `www.` on either side (`www.example.com` and `example.com` are one site; `news.example.com` is
    /// another). False when either is not an absolute http/https URL.
    public static func sameSite(_ url: String, as base: String) -> Bool {
        guard let host = URLNormalizer.host(of: url), let baseHost = URLNormalizer.host(of: base) else {
            return false
        }
        return withoutWWW(host) == withoutWWW(baseHost)
    }

    private static func withoutWWW(_ host: String) -> Substring {
        host.hasPrefix("www.") && host.count > 4 ? host.dropFirst(4) : Substring(host)
    }

    private static func compile(_ patterns: [String]) throws(URLFilterError) -> [NSRegularExpression] {
        var compiled: [NSRegularExpression] = []
        for pattern in patterns {
            do {
                compiled.append(try NSRegularExpression(pattern: pattern))
            } catch {
                throw URLFilterError(pattern: pattern, reason: reason(for: pattern))
            }
        }
        return compiled
    }

    /// Why ICU rejected `pattern`. Foundation only says "the value is invalid", so the reason is taken from
    /// Swift's own regex parser, which explains itself ("expected ')'") and agrees with ICU on nearly all
    /// syntax.
    private static func reason(for pattern: String) -> String {
        do {
            _ = try Regex(pattern)
            return "not a valid ICU regular expression"
        } catch {
            return String(describing: error)
        }
    }

    private static func found(_ regex: NSRegularExpression, in url: String) -> Bool {
        regex.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) != nil
    }
}
