/// How much the extractor trusts borderline blocks.
public enum ExtractionMode: String, Sendable, CaseIterable {
    /// The default: best F1 (trafilatura's "standard" trade-off).
    case balanced
    /// Stricter link and boilerplate tests, no fallbacks: less chaff, some story text may go.
    case precision
    /// Lenient pruning, captions kept, fallbacks adopted sooner: more of the story, some chaff may stay.
    case recall
}

/// Settings for one extraction.
public struct ExtractionOptions: Sendable {
    /// The precision/recall trade-off.
    public var mode: ExtractionMode = .balanced
    /// The page's URL, used for metadata and to make link targets absolute.
    public var url: String? = nil
    /// When true, `ExtractionResult.decisions` explains what was kept and dropped and why.
    public var explain: Bool = false

    /// Options with the defaults: balanced, no URL, no explanation.
    public init(mode: ExtractionMode = .balanced, url: String? = nil, explain: Bool = false) {
        self.mode = mode
        self.url = url
        self.explain = explain
    }
}

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

/// One explained decision: which node (or output block) was kept or dropped, by which heuristic.
public struct Decision: Sendable, Equatable {
    /// Whether the node's text went into the article.
    public enum Verdict: String, Sendable {
        case kept, dropped
    }

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
