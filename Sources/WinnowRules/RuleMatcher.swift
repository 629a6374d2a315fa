import Foundation

/// Finds and merges the rule files that apply to a host.
///
/// For `a.b.example.com` the candidates, most specific first, are:
/// `a.b.example.com`, `.b.example.com`, `b.example.com`, `.example.com`, `example.com`, then `global`.
/// A leading `www.` is an alias of the bare host (FTR: `example.com.txt` serves `www.example.com`), so
/// `www.example.com` looks up `www.example.com`, then `example.com`, and wildcards of `example.com`'s
/// parents only. Parent exact-name files (`example.com` for `news.example.com`) are Winnow's addition; set
/// `parentDomains` to `.wildcardsOnly` for FTR's stricter matching.
public struct RuleMatcher: Sendable {
    /// How far up the domain tree a host looks.
    public enum ParentDomains: Sendable, Hashable {
        /// Wildcard files and exact parent files (Winnow's default).
        case all
        /// Only `.parent` wildcard files, as FTR does.
        case wildcardsOnly
    }

    /// The loaded rule files.
    public let library: RuleLibrary
    /// Whether exact parent-host files apply to subdomains.
    public let parentDomains: ParentDomains
    /// Whether `global.txt` is merged last into every set (FTR does this).
    public let includeGlobal: Bool

    /// A matcher with Winnow's defaults (parent hosts and global.txt included).
    public init(library: RuleLibrary, parentDomains: ParentDomains = .all, includeGlobal: Bool = true) {
        self.library = library
        self.parentDomains = parentDomains
        self.includeGlobal = includeGlobal
    }

    /// Lower-cased host without port, trailing dot or brackets; nil for an empty host.
    public static func normalize(host: String) -> String? {
        var host = host.trimmingSpaces().lowercased()
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { return String(host[...close]) }
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        while host.hasSuffix(".") { host.removeLast() }
        return host.isEmpty ? nil : host
    }

    /// Rule names to look up for a host, most specific first (without `global`).
    public func candidateNames(forHost rawHost: String) -> [String] {
        guard let host = Self.normalize(host: rawHost) else { return [] }
        var names = [host]
        // IP addresses have no parent domains.
        if host.hasPrefix("[") || host.allSatisfy({ $0.isNumber || $0 == "." }) { return names }
        var base = host
        if host.hasPrefix("www."), host.split(separator: ".").count > 2 {
            base = String(host.dropFirst(4))
            names.append(base)
        }
        var labels = base.split(separator: ".").map(String.init)
        while labels.count > 2 {
            labels.removeFirst()
            let parent = labels.joined(separator: ".")
            names.append("." + parent)
            if parentDomains == .all { names.append(parent) }
        }
        return names
    }

    /// The merged rules for a host: each matching file with its `extends:` chain, most specific first, then
    /// `global`. Nil when no file applies.
    public func ruleSet(forHost host: String) -> RuleSet? {
        var names = candidateNames(forHost: host)
        if includeGlobal { names.append("global") }
        var sources: [SiteRule] = []
        var seen: Set<String> = []
        for name in names {
            guard let rule = library.rule(named: name) else { continue }
            for member in library.chain(for: rule) where seen.insert(member.path).inserted {
                sources.append(member)
            }
        }
        return sources.isEmpty ? nil : RuleSet(host: Self.normalize(host: host), sources: sources)
    }

    /// The rules a test runs with: those of its `test_url`'s host (not of the file it was written in, which may
    /// be a wildcard, a parent or an `extends:` base shared by several hosts).
    public func ruleSet(for test: RuleTest) -> RuleSet? { ruleSet(forURL: test.url) }

    /// The merged rules for a page URL's host.
    public func ruleSet(forURL url: String) -> RuleSet? {
        guard let host = URLComponents(string: url)?.host else { return nil }
        return ruleSet(forHost: host)
    }
}
