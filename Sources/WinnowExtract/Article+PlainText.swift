public extension Article {
    /// The story as plain text: blocks separated by a blank line, list items one per line (no bullets),
    /// table rows one per line with tab-separated cells, code verbatim. Figures contribute their caption.
    var plainText: String {
        Block.plainText(of: blocks, separator: "\n\n")
    }
}

/// The plain text of a sequence of blocks as `Article.plainText` gives it (blank-line separated, empty blocks
/// skipped), built once for the stages that measure a rendering.
struct BlocksText {
    let text: String
    /// How many blocks have text (the separators are one fewer).
    let pieces: Int

    init(_ blocks: [Block]) {
        self.init(parts: Block.texts(of: blocks))
    }

    /// The text of the blocks' non-empty plain texts (`Block.texts(of:)`).
    init(parts: [String]) {
        text = parts.joined(separator: "\n\n")
        pieces = parts.count
    }

    /// `characterCount` of the parts joined by blank lines, without joining them: a line feed is a character
    /// of its own next to anything but a carriage return before it (CR LF is one character), so the count is
    /// the parts' counts, two per blank line, and one fewer for each part but the last that ends in CR.
    static func characterCount(ofJoined parts: [String]) -> Int {
        var count = 2 * max(parts.count - 1, 0)
        for (k, part) in parts.enumerated() {
            count += part.characterCount
            if k < parts.count - 1, part.utf8.last == 0x0D { count -= 1 }
        }
        return count
    }

    /// UTF-8 bytes of the text were the blocks joined by one newline instead of a blank line.
    var singleSpacedBytes: Int { text.utf8.count - max(pieces - 1, 0) }
}

extension Block {
    /// The plain text of a sequence of blocks, empty blocks skipped.
    static func plainText(of blocks: [Block], separator: String) -> String {
        texts(of: blocks).joined(separator: separator)
    }

    /// The plain texts of the blocks that have any, in order.
    static func texts(of blocks: [Block]) -> [String] {
        var parts: [String] = []
        parts.reserveCapacity(blocks.count)
        for block in blocks {
            let text = block.plainText
            if !text.isEmpty { parts.append(text) }
        }
        return parts
    }

    /// This block's plain text.
    var plainText: String {
        switch self {
        case .heading(_, let content), .paragraph(let content):
            return InlineText.plainText(content)
        case .list(_, let items):
            return items.map { Block.plainText(of: $0, separator: "\n") }.filter { !$0.isEmpty }
                .joined(separator: "\n")
        case .quote(let inner):
            return Block.plainText(of: inner, separator: "\n\n")
        case .code(let text, _):
            return text
        case .table(let table):
            var lines: [String] = []
            let caption = InlineText.plainText(table.caption)
            if !caption.isEmpty { lines.append(caption) }
            for row in table.rows {
                lines.append(row.map { InlineText.plainText($0.content) }.joined(separator: "\t"))
            }
            return lines.joined(separator: "\n")
        case .figure(let figure):
            return InlineText.plainText(figure.caption)
        }
    }
}
