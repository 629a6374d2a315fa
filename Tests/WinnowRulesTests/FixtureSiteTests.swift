import Foundation
import Testing
@testable import WinnowRules

/// End to end on the on-disk fixture folder: load, match `www.` host, extends a wildcard, run the file's test.
@Suite struct FixtureSiteTests {
    static func sitesFolder() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "sites", withExtension: nil, subdirectory: "Fixtures"))
        return url.path
    }

    @Test func fixtureSiteLoadsMatchesAndPassesItsTest() throws {
        let library = RuleLoader(folders: [RuleFolder(path: try Self.sitesFolder(), role: .bundled)]).load()
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        #expect(library.filesRead == 2)
        let rules = try #require(RuleMatcher(library: library).ruleSet(forURL: "https://www.example.org/news/x"))
        #expect(rules.sources.map(\.name) == ["example.org", ".example.org"])
        let test = try #require(rules.tests.first)
        #expect(test.fixturePath?.hasSuffix("fixtures/harbour-reopens.html") == true)

        let fixturePath = try #require(test.fixturePath)
        let data = try #require(FileManager.default.contents(atPath: fixturePath))
        let result = try RuleEngine(rules: rules).apply(html: [UInt8](data), url: test.url)
        let outcome = test.check(extractedText: [result.title ?? "", result.bodyText].joined(separator: "\n"))
        #expect(outcome.passed, "\(outcome.failures)")
        #expect(result.title == "Harbour reopens after repairs")
        #expect(result.authors == ["Inês Duarte"])
        #expect(result.date == "2026-02-09T08:30:00+00:00")
        #expect(result.nextPageURL == "https://www.example.org/news/2026/harbour-reopens?page=2")
        #expect(!result.prune)
        #expect(result.body.count == 1)
        #expect(!result.bodyHTML.contains("pixel"))
        #expect(result.unmatchedLines.isEmpty)
    }

    @Test func byteOrderMarkIsIgnored() {
        let parsed = parse("\u{FEFF}title: //h1")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.rule.directives.first?.name == "title")
    }
}
