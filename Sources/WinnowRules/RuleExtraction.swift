import WinnowDOM

/// What one rule line did on one page, for `winnow explain` and for spotting rules that match nothing.
public struct RuleLineReport: Sendable, Hashable {
    /// The rule line this report is about.
    public let directive: RuleDirective
    /// Nodes (or, for replacements, occurrences) the line matched; nil when the line was not evaluated
    /// (settings, tests, headers, or a stage that did not run).
    public var matches: Int?
    /// Short descriptions of what the line removed or changed (at most `RuleEngine.previewLimit`).
    public var previews: [String] = []
    /// For alternatives (title/body/author/date/link lines): true when this line supplied the value.
    public var used: Bool = false
    /// Why the line had no effect although it matched, or how it was interpreted.
    public var note: String?

    /// An empty (not evaluated) report for a line.
    public init(directive: RuleDirective) { self.directive = directive }
}

extension RuleLineReport: CustomStringConvertible {
    /// One line for `winnow explain`: `file:line  directive  → result`.
    public var description: String {
        var outcome: String
        switch matches {
        case nil: outcome = "not evaluated"
        case 0?: outcome = "NO MATCH"
        case let count?: outcome = count == 1 ? "1 match" : "\(count) matches"
        }
        if used { outcome += " (used)" }
        if !previews.isEmpty { outcome += ": " + previews.joined(separator: " | ") }
        if let note { outcome += " [\(note)]" }
        return "\(directive.location)  \(directive)  → \(outcome)"
    }
}

/// The result of applying a `RuleSet` to one page.
///
/// Not `Sendable`: it holds the (mutated) document and nodes of it. Convert to text/`Article` on the same task.
public struct RuleExtraction {
    /// The page after replacements and cleaning (a new parse when `wrap_in` rules ran).
    public let document: Document
    /// The first non-empty title from the title lines.
    public let title: String?
    /// Every name matched by the first author line that matched.
    public let authors: [String]
    /// The first non-empty date text (unparsed).
    public let date: String?
    /// The selected body nodes in document order (all matches of the first body line that matched,
    /// outermost only). Empty when no body line matched.
    public let body: [Node]
    /// Absolute http(s) URL from the first single_page_link line whose condition held and that yielded one.
    public let singlePageURL: String?
    /// Absolute http(s) URL from the first next_page_link line whose condition held and that yielded one.
    public let nextPageURL: String?
    /// True when a native_ad_clue line matched.
    public let isNativeAd: Bool
    /// The rules that were applied (for settings: prune, autodetect_on_failure, headers...).
    public let rules: RuleSet
    /// One report per directive of `rules`, in the same order.
    public let lines: [RuleLineReport]

    /// Whether the extractor should prune unlikely nodes inside `body`.
    public var prune: Bool { rules.value(of: .prune) }
    /// Whether automatic body extraction should run: no body was found and either no body line exists or
    /// `autodetect_on_failure` is on (FTR's rule, applied per field — see `needsAutodetection(of:)`).
    public var needsAutodetection: Bool { needsAutodetection(of: .body) }

    /// Fields the rules can supply, for deciding per field whether the extractor should fill it in.
    public enum Field: Sendable, Hashable, CaseIterable { case title, body, author, date }

    /// True when `field` was not found and the extractor should detect it: when the rules have no line for
    /// it at all, or `autodetect_on_failure` is on (the default). `autodetect_on_failure: no` with a
    /// failing line leaves the field empty, as the site author asked.
    public func needsAutodetection(of field: Field) -> Bool {
        let found: Bool
        switch field {
        case .title: found = title != nil
        case .body: found = !body.isEmpty
        case .author: found = !authors.isEmpty
        case .date: found = date != nil
        }
        if found { return false }
        let hasLine = rules.directives.contains { directive in
            switch (field, directive.action) {
            case (.title, .title), (.body, .body), (.author, .author), (.date, .date): true
            default: false
            }
        }
        return !hasLine || rules.value(of: .autodetectOnFailure)
    }
    /// Body nodes serialised and concatenated (FTR joins multiple matches into one block).
    public var bodyHTML: String { body.map(\.html).joined(separator: "\n") }
    /// Body text, whitespace-collapsed per node, nodes separated by blank lines.
    public var bodyText: String {
        body.map { $0.text.collapsingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
    /// Lines that were evaluated and matched nothing — the first thing to look at when a rule breaks.
    public var unmatchedLines: [RuleLineReport] { lines.filter { $0.matches == 0 } }
}
