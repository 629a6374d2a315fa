import Foundation
import WinnowExtract
import WinnowRules

/// Runs rule-file tests offline, against their saved fixtures, through the full pipeline (rules and the
/// generic extractor) — so a test passes only if the story a user would get is right.
public struct RuleTestRunner: Sendable {
    /// The pipeline tests run through (its library decides which rules a test URL gets).
    public let pipeline: StoryPipeline

    /// A runner over a pipeline with rules.
    public init(pipeline: StoryPipeline) { self.pipeline = pipeline }

    /// The result of one test.
    public struct Result: Sendable {
        /// The test.
        public let test: RuleTest
        /// Nil when the test was skipped (see `skipReason`).
        public let outcome: RuleTestOutcome?
        /// Why the test did not run (no fixture, unreadable fixture, no rules for its host).
        public let skipReason: String?
        /// The title and story text the expectations were checked against.
        public let extractedText: String
        /// The rule files that applied to the test URL.
        public let ruleFiles: [String]

        /// A result from its parts.
        public init(test: RuleTest, outcome: RuleTestOutcome?, skipReason: String?, extractedText: String,
                    ruleFiles: [String]) {
            self.test = test
            self.outcome = outcome
            self.skipReason = skipReason
            self.extractedText = extractedText
            self.ruleFiles = ruleFiles
        }

        /// True when the test ran and every expectation held.
        public var passed: Bool { outcome?.passed ?? false }
    }

    /// Runs one test against its fixture.
    public func run(_ test: RuleTest) -> Result {
        guard let path = test.fixturePath else {
            return Result(test: test, outcome: nil, skipReason: "no test_fixture (the page is not saved beside the rule)",
                          extractedText: "", ruleFiles: [])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(test: test, outcome: nil, skipReason: "cannot read test_fixture \(path)",
                          extractedText: "", ruleFiles: [])
        }
        return run(test, page: [UInt8](data), source: path)
    }

    /// Runs one test against a page obtained elsewhere (`rules test --online` fetches `test_url`).
    public func run(_ test: RuleTest, page: [UInt8], contentType: String? = nil, source: String) -> Result {
        do {
            let story = try pipeline.extract(html: page, url: test.url, contentType: contentType)
            let text = Self.text(of: story.article)
            return Result(test: test, outcome: test.check(extractedText: text), skipReason: nil,
                          extractedText: text, ruleFiles: story.ruleFiles)
        } catch {
            return Result(test: test, outcome: nil, skipReason: "\(source): \(error)", extractedText: "", ruleFiles: [])
        }
    }

    /// What expectations are checked against: the title, then the story text.
    public static func text(of article: Article) -> String {
        [article.metadata.title ?? "", article.plainText].joined(separator: "\n")
    }
}
