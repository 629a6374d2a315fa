import WinnowExtract

/// Knobs for every renderer in one value, so the CLI and the story writer pass a single thing around.
///
/// Each field only affects the format named in its doc comment; the defaults suit files written in batch.
public struct RenderOptions: Sendable, Equatable {
    /// Text: put a short title / byline / URL header above the text (for people; off for evaluation output).
    public var textMetadataHeader: Bool
    /// Markdown: emit the YAML front matter block.
    public var markdownFrontMatter: Bool
    /// Markdown and HTML: emit the title as a level-1 heading above the body.
    public var titleHeading: Bool
    /// JSON: indent the output (otherwise one line, suitable for JSON Lines).
    public var jsonPrettyPrinted: Bool
    /// HTML: embed a small readable stylesheet.
    public var htmlStylesheet: Bool

    /// Options with batch-friendly defaults (no text header; front matter, title, pretty JSON, stylesheet on).
    public init(
        textMetadataHeader: Bool = false, markdownFrontMatter: Bool = true, titleHeading: Bool = true,
        jsonPrettyPrinted: Bool = true, htmlStylesheet: Bool = true
    ) {
        self.textMetadataHeader = textMetadataHeader
        self.markdownFrontMatter = markdownFrontMatter
        self.titleHeading = titleHeading
        self.jsonPrettyPrinted = jsonPrettyPrinted
        self.htmlStylesheet = htmlStylesheet
    }
}

/// The single entry point: render an article in any `OutputFormat`.
public enum Renderer {
    /// Renders `article` as `format`. The result ends with a newline unless it is empty.
    public static func render(_ article: Article, as format: OutputFormat, options: RenderOptions = RenderOptions())
        -> String
    {
        switch format {
        case .text:
            TextRenderer(includesMetadataHeader: options.textMetadataHeader).render(article)
        case .markdown:
            MarkdownRenderer(includesFrontMatter: options.markdownFrontMatter, includesTitleHeading: options.titleHeading)
                .render(article)
        case .json:
            JSONRenderer(prettyPrinted: options.jsonPrettyPrinted).render(article)
        case .html:
            HTMLRenderer(includesStylesheet: options.htmlStylesheet, includesTitleHeading: options.titleHeading)
                .render(article)
        }
    }
}
