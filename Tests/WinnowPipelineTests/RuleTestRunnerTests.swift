import Foundation
import Testing
import WinnowPipeline
import WinnowRules

/// The one runner of rule-file tests (`winnow rules test` uses it): saved pages through rules and the generic
/// extractor, with skips for tests that cannot run.
@Suite struct RuleTestRunnerTests {
    /// The repository's `sites/` folder (Tests/WinnowPipelineTests/ → ../../sites).
    static var sitesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sites").path
    }

    @Test func everyBundledRulePassesItsFixtureTests() {
        let library = RuleLoader(folders: [RuleFolder(path: Self.sitesFolder, role: .bundled, mode: .strict)]).load()
        let runner = RuleTestRunner(pipeline: StoryPipeline(library: library))
        var ran = 0
        for name in library.definitions.keys.sorted() where !name.hasPrefix(".") && name != "global" {
            for test in library.rule(named: name)?.tests ?? [] {
                let result = runner.run(test)
                #expect(result.skipReason == nil, "\(test.location): \(result.skipReason ?? "")")
                #expect(result.passed, "\(test.location): \(result.outcome?.failures.map(\.description) ?? [])")
                #expect(result.ruleFiles.first?.hasSuffix("\(name).txt") == true,
                        "\(test.location): rules applied \(result.ruleFiles)")
                ran += 1
            }
        }
        #expect(ran >= 12)
    }

    /// One rule file with a fixture and three tests: one that holds, one whose expectation fails, one without a
    /// saved page.
    static func runnerAndTests() throws -> (RuleTestRunner, [RuleTest]) {
        let folder = try PipelineTestSupport.folder(with: ["example.com.txt": """
            body: //article
            strip: //aside
            test_url: https://example.com/news/1
            test_fixture: story.html
            test_contains: The ferry runs twice a day
            test_not_contains: Other news
            test_url: https://example.com/news/2
            test_fixture: story.html
            test_contains: Other news
            test_url: https://example.com/news/3
            test_contains: anything
            """])
        let page = """
            <html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>
            <p>The ferry runs twice a day from the harbour, and more often in summer when the islands fill up.</p>
            <aside><p>Other news: the library opens late on Thursdays.</p></aside>
            <p>Tickets are sold on board; children under five travel free on every crossing.</p></article></body></html>
            """
        try Data(page.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("story.html")))
        let library = RuleLoader(folders: [RuleFolder(path: folder, role: .user)]).load()
        let tests = try #require(library.rule(named: "example.com")?.tests)
        return (RuleTestRunner(pipeline: StoryPipeline(library: library)), tests)
    }

    @Test func aHoldingTestPassesAndAFailingOneSaysWhy() throws {
        let (runner, tests) = try Self.runnerAndTests()
        try #require(tests.count == 3)
        let good = runner.run(tests[0])
        #expect(good.passed)
        #expect(good.extractedText.contains("children under five"))
        #expect(!good.extractedText.contains("library opens late"))
        let bad = runner.run(tests[1])
        #expect(bad.skipReason == nil)
        #expect(!bad.passed)
        #expect(bad.outcome?.failures.count == 1)
    }

    @Test func aTestWithoutASavedPageIsSkippedUnlessGivenOne() throws {
        let (runner, tests) = try Self.runnerAndTests()
        let skipped = runner.run(tests[2])
        #expect(skipped.outcome == nil)
        #expect(skipped.skipReason?.contains("no test_fixture") == true)
        let page = Array("<html><body><article><p>anything at all, said in one long sentence here.</p></article></body></html>".utf8)
        let fetched = runner.run(tests[2], page: page, source: "https://example.com/news/3")
        #expect(fetched.skipReason == nil)
        #expect(fetched.passed)
    }
}
