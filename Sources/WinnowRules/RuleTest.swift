/// A test case written in a rule file: a URL, optionally a saved copy of the page beside the rule
/// (`test_fixture`), and text the extraction must (`test_contains`) or must not (`test_not_contains`) yield.
public struct RuleTest: Sendable, Hashable {
    /// The article URL the test is about (its host decides which rules run).
    public let url: String
    /// Where `test_url` was written.
    public let location: SourceLocation
    /// The `test_fixture` value as written (relative to the rule file's folder).
    public let fixture: String?
    /// The fixture's resolved path (set by the loader; nil when there is no fixture).
    public let fixturePath: String?
    /// Text the extraction must contain.
    public let contains: [TestExpectation]
    /// Text the extraction must not contain.
    public let notContains: [TestExpectation]

    /// A test case (the parser builds these).
    public init(url: String, location: SourceLocation, fixture: String? = nil, fixturePath: String? = nil,
                contains: [TestExpectation] = [], notContains: [TestExpectation] = []) {
        self.url = url
        self.location = location
        self.fixture = fixture
        self.fixturePath = fixturePath
        self.contains = contains
        self.notContains = notContains
    }

    /// The same test with its fixture path resolved.
    func resolvingFixture(to path: String?) -> RuleTest {
        RuleTest(url: url, location: location, fixture: fixture, fixturePath: path,
                 contains: contains, notContains: notContains)
    }

    /// Checks extracted text against the expectations. Whitespace runs are collapsed on both sides, so a
    /// snippet copied from a browser matches text that was wrapped differently in the HTML.
    public func check(extractedText: String) -> RuleTestOutcome {
        let haystack = extractedText.collapsingSpaces()
        var failures: [RuleTestFailure] = []
        for expectation in contains where !haystack.contains(expectation.text.collapsingSpaces()) {
            failures.append(RuleTestFailure(expectation: expectation,
                                            message: "extracted text does not contain \"\(expectation.text)\""))
        }
        for expectation in notContains where haystack.contains(expectation.text.collapsingSpaces()) {
            failures.append(RuleTestFailure(expectation: expectation,
                                            message: "extracted text contains \"\(expectation.text)\""))
        }
        return RuleTestOutcome(test: self, failures: failures)
    }
}

/// One `test_contains` / `test_not_contains` line.
public struct TestExpectation: Sendable, Hashable {
    /// The expected (or forbidden) text.
    public let text: String
    /// The expectation's line, for failure messages.
    public let location: SourceLocation

    /// An expectation.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// The result of checking one test; `failures` point at the expectation lines that failed.
public struct RuleTestOutcome: Sendable, Hashable {
    /// The test that was checked.
    public let test: RuleTest
    /// Failed expectations, in file order.
    public let failures: [RuleTestFailure]
    /// True when every expectation held.
    public var passed: Bool { failures.isEmpty }
}

/// A failed expectation, printable as `file:line: message`.
public struct RuleTestFailure: Sendable, Hashable, CustomStringConvertible {
    /// The expectation that failed.
    public let expectation: TestExpectation
    /// What went wrong.
    public let message: String
    /// `file:line: message`.
    public var description: String { "\(expectation.location): \(message)" }
}

extension String {
    /// Whitespace runs (including no-break spaces) become one space; ends trimmed.
    func collapsingSpaces() -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" "); pending = false }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
