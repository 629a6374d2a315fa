import WinnowExtract

/// What the document-style renderers (Markdown, HTML) show above and in the body: the title heading, the
/// blocks after it, and how far to push block headings down so the title stays the only level-1 heading.
struct ArticleLayout {
    /// The title to show as a level-1 heading, or nil when there is none (or the caller did not want one).
    var title: String?
    /// The blocks to render. A leading heading that repeats the title is dropped when `title` is shown.
    var blocks: [Block]
    /// Added to every block heading level (then clamped to 6).
    var headingShift: Int

    init(_ article: Article, showsTitle: Bool) {
        let trimmedTitle = article.metadata.title.map(InlineNormalizer.collapseWhitespace)
            .map(InlineNormalizer.trimmingCollapsible)
        var blocks = article.blocks
        if showsTitle, let title = trimmedTitle, !title.isEmpty {
            self.title = title
            if case .heading(_, let content)? = blocks.first,
                InlineNormalizer.normalizedText(content).lowercased() == title.lowercased()
            {
                blocks.removeFirst()
            }
        } else {
            self.title = nil
        }
        self.blocks = blocks
        let minimum = ArticleLayout.minimumHeadingLevel(in: blocks) ?? 2
        self.headingShift = title != nil && minimum < 2 ? 2 - max(1, minimum) : 0
    }

    /// The level to render a block heading at.
    func level(_ level: Int) -> Int {
        min(6, max(1, level) + headingShift)
    }

    private static func minimumHeadingLevel(in blocks: [Block]) -> Int? {
        var minimum: Int?
        for block in blocks {
            switch block {
            case .heading(let level, _):
                minimum = min(minimum ?? level, level)
            case .quote(let inner):
                if let found = minimumHeadingLevel(in: inner) { minimum = min(minimum ?? found, found) }
            case .list(_, let items):
                for item in items {
                    if let found = minimumHeadingLevel(in: item) { minimum = min(minimum ?? found, found) }
                }
            default:
                break
            }
        }
        return minimum
    }
}
