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
