import WinnowExtract
import WinnowRules

/// One page through the pipeline: the story and everything needed to explain it.
public struct PageStory: Sendable {
    /// The extracted story (rule fields merged over the generic metadata).
    public var article: Article
    /// The merged rules that applied, nil when no rule file matched the page's host (or rules are off).
    public let rules: RuleSet?
    /// One report per rule line, in `rules.directives` order (empty without rules).
    public let lines: [RuleLineReport]
    /// The next page of a multi-page story, when a `next_page_link` rule found one.
    public let nextPageURL: String?
    /// The whole story on one page, when a `single_page_link` rule found one.
    public let singlePageURL: String?
    /// True when the rule's `body` selected the content; false when the generic extractor chose it.
    public let usedRuleBody: Bool
    /// True when a `native_ad_clue` line matched.
    public let isNativeAd: Bool
    /// The generic extractor's kept/dropped decisions (only when explanations were asked for).
    public let decisions: [Decision]

    /// The rule files that applied, most specific first.
    public var ruleFiles: [String] { rules?.sources.map(\.path) ?? [] }

    /// A story from its parts.
    public init(article: Article, rules: RuleSet?, lines: [RuleLineReport], nextPageURL: String?,
                singlePageURL: String?, usedRuleBody: Bool, isNativeAd: Bool, decisions: [Decision]) {
        self.article = article
        self.rules = rules
        self.lines = lines
        self.nextPageURL = nextPageURL
        self.singlePageURL = singlePageURL
        self.usedRuleBody = usedRuleBody
        self.isNativeAd = isNativeAd
        self.decisions = decisions
    }
}
