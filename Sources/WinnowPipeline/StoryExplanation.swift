import WinnowExtract
import WinnowRules

/// What the site rules changed on one page: the rule lines' reports and a line diff between the story the
/// generic extractor gives alone and the story with the rules.
public struct StoryExplanation: Sendable {
    /// The story through the full pipeline (rules, then the generic extractor), with decisions recorded.
    public let withRules: PageStory
    /// The story from the generic extractor alone.
    public let genericOnly: PageStory
    /// Story lines only in one of the two, in reading order.
    public let diff: [DiffLine]

    /// One line that differs.
    public struct DiffLine: Sendable, Hashable {
        /// `-` for a line only the generic extractor kept, `+` for a line only the rules kept.
        public let sign: Character
        /// The line's text.
        public let text: String
    }

    /// Runs both extractions on the page.
    public init(html bytes: [UInt8], url: String?, contentType: String? = nil, pipeline: StoryPipeline) throws {
        withRules = try pipeline.extract(html: bytes, url: url, contentType: contentType, explain: true)
        genericOnly = try StoryPipeline(library: nil, mode: pipeline.mode)
            .extract(html: bytes, url: url, contentType: contentType)
        diff = Self.diff(Self.lines(of: genericOnly.article), Self.lines(of: withRules.article))
    }

    /// The title line and the story's non-empty lines.
    static func lines(of article: Article) -> [String] {
        let text = RuleTestRunner.text(of: article)
        return text.split(separator: "\n").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// A longest-common-subsequence line diff (inputs capped so hostile pages stay quadratic-cheap).
    static func diff(_ old: [String], _ new: [String]) -> [DiffLine] {
        let a = Array(old.prefix(3000)), b = Array(new.prefix(3000))
        let n = a.count, m = b.count
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var result: [DiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                i += 1; j += 1
            } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
                result.append(DiffLine(sign: "+", text: b[j])); j += 1
            } else {
                result.append(DiffLine(sign: "-", text: a[i])); i += 1
            }
        }
        return result
    }

    /// The report `winnow explain` prints.
    public func report(url: String?) -> String {
        var out: [String] = []
        out.append("Page: \(url ?? "(no URL: site rules are matched by URL; pass --url)")")
        if let rules = withRules.rules {
            out.append("Rule files (most specific first):")
            for file in rules.sources.map(\.path) { out.append("  \(file)") }
            out.append("Rule lines:")
            for line in withRules.lines where line.matches != nil || Self.isExtractionLine(line.directive) {
                let flag = line.matches == 0 ? "!" : " "
                out.append("\(flag) \(line)")
            }
            let unmatched = withRules.lines.filter { $0.matches == 0 }.count
            if unmatched > 0 { out.append("  (\(unmatched) line\(unmatched == 1 ? "" : "s") matched nothing, marked !)") }
            out.append(withRules.usedRuleBody
                       ? "Body: from the rule's body line(s)"
                       : "Body: generic extractor (no body line matched; autodetection)")
        } else {
            out.append("Rule files: none apply to this host; generic extraction only")
        }
        let dropped = withRules.decisions.filter { $0.verdict == .dropped }
        if !dropped.isEmpty {
            out.append("Generic extractor removed \(dropped.count) part\(dropped.count == 1 ? "" : "s"):")
            for decision in dropped.prefix(25) {
                out.append("  \(decision.path) [\(decision.reason)] \"\(decision.preview)\"")
            }
            if dropped.count > 25 { out.append("  … \(dropped.count - 25) more") }
        }
        if diff.isEmpty {
            out.append("Story text: identical with and without the rules (\(Self.lines(of: withRules.article).count) lines)")
        } else {
            let removed = diff.filter { $0.sign == "-" }.count, added = diff.count - removed
            out.append("Story text, generic-only → with rules (-\(removed) +\(added) lines):")
            for line in diff { out.append("\(line.sign) \(line.text)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func isExtractionLine(_ directive: RuleDirective) -> Bool {
        switch directive.action {
        case .title, .body, .author, .date, .strip, .stripIDOrClass, .stripImageSource, .dissolve, .replace: true
        default: false
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
