/// One rule file, parsed: its directives in file order, its tests, and the files it extends.
public struct SiteRule: Sendable, Hashable {
    /// The host pattern from the file name: `example.com`, `.example.com` (every subdomain) or `global`.
    public let name: String
    /// The file's path (for messages and for resolving `test_fixture`).
    public let path: String
    /// Meaningful lines in file order (comments, blank lines and rejected lines are not included).
    public let directives: [RuleDirective]
    /// Test cases (`test_url` with the `test_*` lines after it).
    public let tests: [RuleTest]
    /// `extends:` references, in file order.
    public let extends: [RuleReference]
    /// False when strict-mode parsing found errors: such a file is reported but never applied.
    public let isUsable: Bool

    /// A rule file (the parser builds these).
    public init(name: String, path: String, directives: [RuleDirective], tests: [RuleTest],
                extends: [RuleReference], isUsable: Bool) {
        self.name = name
        self.path = path
        self.directives = directives
        self.tests = tests
        self.extends = extends
        self.isUsable = isUsable
    }

    /// True for `.example.com`-style files that apply to subdomains.
    public var isWildcard: Bool { name.hasPrefix(".") }

    /// The file name this rule is stored under (`example.com.txt`).
    public var fileName: String { "\(name).txt" }
}

/// An `extends:` line: the name of another rule file and where the reference was written.
public struct RuleReference: Sendable, Hashable {
    /// The referenced rule name.
    public let name: String
    /// The `extends:` line.
    public let location: SourceLocation

    /// A reference.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
