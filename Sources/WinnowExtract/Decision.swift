/// One explained decision: which node (or output block) was kept or dropped, by which heuristic.
public struct Decision: Sendable, Equatable {
    /// Whether the node's text went into the article.
    public enum Verdict: String, Sendable {
        /// The node (or block) is part of the article.
        case kept
        /// The node (or block) was removed as chaff.
        case dropped
    }

    /// Kept or dropped.
    public var verdict: Verdict
    /// A short selector-like path of the node, e.g. `div.related-posts`, or `block` for an output block.
    public var path: String
    /// The heuristic that decided, e.g. `category:related`, `link-density`, `candidate:anchor`.
    public var heuristic: String
    /// The heuristic's score or ratio, when it has one.
    public var score: Double?
    /// The first characters of the node's text.
    public var preview: String

    /// A decision from its parts.
    public init(verdict: Verdict, path: String, heuristic: String, score: Double?, preview: String) {
        self.verdict = verdict
        self.path = path
        self.heuristic = heuristic
        self.score = score
        self.preview = preview
    }

    /// The reason as one phrase: the heuristic and, if any, its score.
    public var reason: String {
        guard let score else { return heuristic }
        return "\(heuristic) (\((score * 100).rounded() / 100))"
    }
}
