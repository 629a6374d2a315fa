import Foundation
import WinnowExtract

/// Renders an article as plain text: the main text only, one block per paragraph.
///
/// This is the format the extraction-quality harness compares by word shingles, so it carries no markup
/// noise: no list bullets, no URLs, no "Figure:" labels. Blocks are separated by a blank line; list items,
/// table rows and line breaks inside a paragraph are single newlines; table cells are separated by a tab;
/// code is verbatim; figures contribute their caption only.
public struct TextRenderer: Sendable {
    /// Prepend a title / byline / date / URL header for people reading the story (off for batch output).
    public var includesMetadataHeader: Bool

    /// A renderer; the metadata header is off by default (evaluation and batch output).
    public init(includesMetadataHeader: Bool = false) {
        self.includesMetadataHeader = includesMetadataHeader
    }

    /// The text, ending with a newline unless empty.
    public func render(_ article: Article) -> String {
        var sections: [String] = []
        if includesMetadataHeader, let header = Self.header(article.metadata) { sections.append(header) }
        let body = Self.body(article.blocks)
        if !body.isEmpty { sections.append(body) }
        return sections.isEmpty ? "" : sections.joined(separator: "\n\n") + "\n"
    }

    /// The main text without header or trailing newline (also the `text` field of the JSON output).
    static func body(_ blocks: [Block]) -> String {
        blocks.compactMap(text(of:)).joined(separator: "\n\n")
    }

    /// The text of one block, or nil when it has none.
    static func text(of block: Block) -> String? {
        let result: String
        switch block {
        case .heading(_, let content), .paragraph(let content):
            result = InlineNormalizer.normalizedText(content)
        case .list(_, let items):
            result = items.compactMap(itemText).joined(separator: "\n")
        case .quote(let inner):
            result = body(inner)
        case .code(let code, _):
            result = trimmingTrailingNewlines(normalizingLineEndings(code))
        case .table(let table):
            var lines: [String] = []
            let caption = InlineNormalizer.normalizedText(table.caption)
            if !caption.isEmpty { lines.append(caption) }
            for row in table.rows {
                let cells = row.map { cellText($0.content) }
                if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
            }
            result = lines.joined(separator: "\n")
        case .figure(let figure):
            result = InlineNormalizer.normalizedText(figure.caption)
        }
        return result.isEmpty ? nil : result
    }

    /// One list item: its blocks on consecutive lines (a nested list's items each on their own line).
    static func itemText(_ item: [Block]) -> String? {
        let parts = item.compactMap(text(of:))
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// A table cell on one line.
    static func cellText(_ content: [Inline]) -> String {
        let text = InlineNormalizer.normalizedText(content)
        // Most cells have no line break: nothing to replace. Foundation's search only for the rest.
        guard text.utf8.contains(0x0A) else { return text }
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    static func header(_ metadata: Metadata) -> String? {
        var lines: [String] = []
        if let title = nonEmpty(metadata.title) { lines.append(title) }
        var byline: [String] = []
        let authors = metadata.authors.compactMap(nonEmpty)
        if !authors.isEmpty { byline.append("By " + joinedNames(authors)) }
        if let published = nonEmpty(metadata.published) { byline.append(published) }
        if let site = nonEmpty(metadata.siteName) { byline.append(site) }
        if !byline.isEmpty { lines.append(byline.joined(separator: " · ")) }
        if let url = nonEmpty(metadata.canonicalURL) ?? nonEmpty(metadata.url) { lines.append(url) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
