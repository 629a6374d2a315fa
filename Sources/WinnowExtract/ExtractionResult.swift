/// What `Extractor.extract` returns: the article and, when asked for, the reasons behind it.
public struct ExtractionResult: Sendable {
    /// The cleaned story.
    public var article: Article
    /// Kept/dropped decisions in the order they were taken; empty unless `ExtractionOptions.explain`.
    public var decisions: [Decision]

    /// A result from its parts.
    public init(article: Article, decisions: [Decision] = []) {
        self.article = article
        self.decisions = decisions
    }
}
