/// The rules that apply to one host: several `SiteRule`s merged, most specific first.
///
/// Merge policy (FTR's, made explicit): list directives (title/body/author/date alternatives, strips,
/// replacements, link rules, ...) accumulate in source order, so a more specific file's alternatives are tried
/// first and its strips run first; single-valued settings (prune, autodetect_on_failure, ...) and each HTTP
/// header name take the value from the most specific file that sets them. Tests are never merged: they
/// belong to their file (see `SiteRule.tests`).
public struct RuleSet: Sendable, Hashable {
    /// The host this set was resolved for (nil when built directly from rules).
    public let host: String?
    /// Contributing files, most specific first (a file's `extends:` bases follow it).
    public let sources: [SiteRule]
    /// Every directive of every source, in merge order.
    public let directives: [RuleDirective]

    /// Merges files given most specific first.
    public init(host: String? = nil, sources: [SiteRule]) {
        self.host = host
        self.sources = sources
        self.directives = sources.flatMap(\.directives)
    }

    /// The effective value of a yes/no setting: the most specific file's, else the format's default.
    public func value(of setting: RuleSetting) -> Bool {
        definition(of: setting)?.value ?? setting.defaultValue
    }

    /// The line that decided a setting, if any file set it.
    public func definition(of setting: RuleSetting) -> (value: Bool, location: SourceLocation)? {
        for directive in directives {
            if case .setting(let s, let value) = directive.action, s == setting { return (value, directive.location) }
        }
        return nil
    }

    /// Request headers for fetching pages of this site (lower-case names; most specific file wins per name).
    public var httpHeaders: [String: String] {
        var headers: [String: String] = [:]
        for directive in directives {
            if case .httpHeader(let name, let value) = directive.action, headers[name] == nil { headers[name] = value }
        }
        return headers
    }

    /// The `parser:` hint, if any (Winnow always parses with libxml2; kept for reporting).
    public var parserHint: String? {
        for directive in directives { if case .parser(let value) = directive.action { return value } }
        return nil
    }

    /// Login directives (wallabag extension), most specific file wins per field. Winnow does not log in.
    public var login: [LoginField: String] {
        var fields: [LoginField: String] = [:]
        for directive in directives {
            if case .login(let field, let value) = directive.action, fields[field] == nil { fields[field] = value }
        }
        return fields
    }

    /// True when some file names a title, body, author or date selector.
    public var hasExtractionRules: Bool {
        directives.contains {
            switch $0.action {
            case .title, .body, .author, .date: true
            default: false
            }
        }
    }

    /// Tests from every source file (for `winnow rules test HOST`).
    public var tests: [RuleTest] { sources.flatMap(\.tests) }
}
