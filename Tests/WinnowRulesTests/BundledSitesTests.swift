import Foundation
import Testing
@testable import WinnowRules

/// The rule files shipped in the repository's `sites/` folder: they must load strictly without a single
/// diagnostic, cover a real set of news sites, and read title, author, date and body from their saved pages.
/// (That every file's saved-page tests pass through the whole pipeline is `RuleTestRunnerTests`' job.)
@Suite struct BundledSitesTests {
    /// The repository's `sites/` folder, found from this file's path (Tests/WinnowRulesTests/ → ../../sites).
    static var sitesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sites").path
    }

    static func library() -> RuleLibrary {
        RuleLoader(folders: [RuleFolder(path: sitesFolder, role: .bundled, mode: .strict)]).load()
    }

    /// Host rules only (not wildcards or global.txt).
    static func hostRules(_ library: RuleLibrary) -> [SiteRule] {
        library.definitions.keys.sorted()
            .filter { !$0.hasPrefix(".") && $0 != "global" }
            .compactMap { library.rule(named: $0) }
    }

    @Test func bundledRulesLoadStrictlyWithoutDiagnostics() {
        let library = Self.library()
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(library.filesRead >= 12)
        let rules = Self.hostRules(library)
        #expect(rules.count >= 12, "only \(rules.count) host rules in \(Self.sitesFolder)")
        #expect(rules.allSatisfy { $0.isUsable })
    }

    @Test func everyBundledRuleHasAnOfflineTestWithBothKindsOfExpectation() {
        for rule in Self.hostRules(Self.library()) {
            #expect(!rule.tests.isEmpty, "\(rule.name) has no test_url")
            for test in rule.tests {
                #expect(test.fixturePath != nil, "\(test.location): no test_fixture")
                #expect(test.contains.count >= 2, "\(test.location): fewer than two test_contains")
                #expect(test.notContains.count >= 2, "\(test.location): fewer than two test_not_contains")
            }
        }
    }

    @Test func everyBundledRuleReadsTitleAuthorAndBodyFromItsFixture() throws {
        let library = Self.library()
        let matcher = RuleMatcher(library: library)
        for rule in Self.hostRules(library) {
            for test in rule.tests {
                let rules = try #require(matcher.ruleSet(for: test))
                let path = try #require(test.fixturePath)
                let data = try #require(FileManager.default.contents(atPath: path))
                let extraction = try RuleEngine(rules: rules).apply(html: [UInt8](data), url: test.url)
                #expect(extraction.title?.isEmpty == false, "\(rule.name): no title")
                let hasAuthorLine = rules.directives.contains { if case .author = $0.action { true } else { false } }
                #expect(!hasAuthorLine || !extraction.authors.isEmpty, "\(rule.name): no author")
                #expect(extraction.date?.isEmpty == false, "\(rule.name): no date")
                #expect(extraction.body.count >= 1, "\(rule.name): no body")
            }
        }
    }
}
