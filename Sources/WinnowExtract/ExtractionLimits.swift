/// The extractor's safety limits, in one place (docs/limits.md lists every limit of every module).
///
/// The extractor's own walks over the page are loops over `PageTree`, but turning the kept part into `Block`s
/// follows the nesting (a list in a list item is a list in a list item), and so does rendering the blocks.
/// Hostile or broken pages nest hundreds of thousands of levels deep (libxml2 keeps every level), so that
/// conversion stops following the nesting at these depths and keeps the text instead: nothing is dropped,
/// only structure below the limit is flattened. The limits also bound how deep the `Article` model nests, so
/// renderers and value comparisons on it stay shallow too, even on threads with small stacks.
public enum ExtractionLimits {
    /// Block nesting followed (lists, quotes, sections). A block deeper than this becomes one paragraph of
    /// its text, with its inline formatting kept up to `inlineDepth`.
    public static let blockDepth = 150
    /// Nesting of inline formatting followed (links in emphasis in strong...), counted from the top like
    /// `blockDepth`. Anything deeper is plain text.
    public static let inlineDepth = 2 * blockDepth
}
