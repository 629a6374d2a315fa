import Foundation
import WinnowExtract

/// Renders an article as Markdown (CommonMark with GFM tables) under YAML front matter.
///
/// Front matter holds every non-empty metadata field (`title`, `authors`, `published`, `modified`,
/// `site_name`, `language`, `url`, `canonical_url`, `description`, `image`, `tags`), YAML-escaped by
/// `YAMLScalar`. The body: the title as `#`, block headings pushed down when needed so the title stays the
/// only level 1, `*emphasis*`, `**strong**`, code spans and fences longer than any backtick run inside,
/// `[text](href)` links (unsafe schemes dropped, text kept), tight or loose nested lists, `>` quotes, GFM
/// tables with `|` escaped, and figures as `![alt](src)` with the caption on the next line.
public struct MarkdownRenderer: Sendable {
    /// Emit the `---` YAML front matter block.
    public var includesFrontMatter: Bool
    /// Emit the title as a level-1 heading above the body.
    public var includesTitleHeading: Bool

    /// A renderer; front matter and title heading are on by default.
    public init(includesFrontMatter: Bool = true, includesTitleHeading: Bool = true) {
        self.includesFrontMatter = includesFrontMatter
        self.includesTitleHeading = includesTitleHeading
    }

    /// The Markdown document, ending with a newline unless empty.
    public func render(_ article: Article) -> String {
        var sections: [String] = []
        if includesFrontMatter, let frontMatter = Self.frontMatter(article.metadata) { sections.append(frontMatter) }
        let layout = ArticleLayout(article, showsTitle: includesTitleHeading)
        var body: [String] = []
        if let title = layout.title {
            body.append("# " + Self.escapeHeadingText(MarkdownEscaping.escapeText(title)))
        }
        let blocks = Self.blocks(layout.blocks, layout: layout, tight: false)
        if !blocks.isEmpty { body.append(blocks) }
        if !body.isEmpty { sections.append(body.joined(separator: "\n\n")) }
        return sections.isEmpty ? "" : sections.joined(separator: "\n\n") + "\n"
    }

    // MARK: Front matter

    static func frontMatter(_ metadata: Metadata) -> String? {
        var lines: [String] = []
        func scalar(_ key: String, _ value: String?) {
            if let value = nonEmpty(value) { lines.append(key + ": " + YAMLScalar.render(value)) }
        }
        func sequence(_ key: String, _ values: [String]) {
            let items = values.compactMap(nonEmpty)
            guard !items.isEmpty else { return }
            lines.append(key + ":")
            lines += items.map { "  - " + YAMLScalar.render($0) }
        }
        scalar("title", metadata.title)
        sequence("authors", metadata.authors)
        scalar("published", metadata.published)
        scalar("modified", metadata.modified)
        scalar("site_name", metadata.siteName)
        scalar("language", metadata.language)
        scalar("url", metadata.url)
        scalar("canonical_url", metadata.canonicalURL)
        scalar("description", metadata.description)
        scalar("image", metadata.image)
        sequence("tags", metadata.tags)
        guard !lines.isEmpty else { return nil }
        return (["---"] + lines + ["---"]).joined(separator: "\n")
    }

    // MARK: Blocks

    /// Renders blocks and joins them. In a tight list item a nested list follows its paragraph directly;
    /// otherwise blocks are separated by a blank line, and two adjacent lists get an empty HTML comment
    /// between them so Markdown does not merge them into one.
    static func blocks(_ blocks: [Block], layout: ArticleLayout, tight: Bool) -> String {
        var out = ""
        var previousWasList = false
        for block in blocks {
            guard let rendered = render(block, layout: layout) else { continue }
            let isList: Bool
            if case .list = block { isList = true } else { isList = false }
            if !out.isEmpty {
                if isList && previousWasList {
                    out += "\n\n<!-- -->\n\n"
                } else {
                    out += tight && isList ? "\n" : "\n\n"
                }
            }
            out += rendered
            previousWasList = isList
        }
        return out
    }

    static func render(_ block: Block, layout: ArticleLayout) -> String? {
        switch block {
        case .heading(let level, let content):
            let text = inline(InlineNormalizer.normalize(content), lineBreak: " ")
            guard !text.isEmpty else { return nil }
            return String(repeating: "#", count: layout.level(level)) + " " + escapeHeadingText(text)
        case .paragraph(let content):
            let text = inline(InlineNormalizer.normalize(content))
            return text.isEmpty ? nil : MarkdownEscaping.escapeLineStarts(text)
        case .list(let ordered, let items):
            return list(ordered: ordered, items: items, layout: layout)
        case .quote(let inner):
            let body = blocks(inner, layout: layout, tight: false)
            guard !body.isEmpty else { return nil }
            return prefixLines(body, first: "> ", rest: "> ")
        case .code(let text, let language):
            return codeBlock(text, language: language)
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            return self.figure(figure)
        }
    }

    static func list(ordered: Bool, items: [[Block]], layout: ArticleLayout) -> String? {
        let rendered = items.map { item -> (body: String, isLoose: Bool) in
            let paragraphs = item.filter { if case .list = $0 { false } else { true } }
            let isLoose = paragraphs.count > 1
            return (blocks(item, layout: layout, tight: !isLoose), isLoose)
        }.filter { !$0.body.isEmpty }
        guard !rendered.isEmpty else { return nil }
        let loose = rendered.contains { $0.isLoose }
        var lines: [String] = []
        for (index, item) in rendered.enumerated() {
            let marker = ordered ? "\(index + 1). " : "- "
            lines.append(prefixLines(item.body, first: marker, rest: String(repeating: " ", count: marker.count)))
        }
        return lines.joined(separator: loose ? "\n\n" : "\n")
    }

    static func codeBlock(_ text: String, language: String?) -> String {
        let code = trimmingTrailingNewlines(normalizingLineEndings(text))
        let fence = String(repeating: "`", count: max(3, MarkdownEscaping.longestRun(of: "`", in: code) + 1))
        let info = language.map { String($0.prefix { !$0.isWhitespace && $0 != "`" }) } ?? ""
        return fence + info + "\n" + (code.isEmpty ? "" : code + "\n") + fence
    }

    static func table(_ table: Table) -> String? {
        let columns = table.rows.map(\.count).max() ?? 0
        guard columns > 0 else { return nil }
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: columns - cells.count)
            return "| " + padded.joined(separator: " | ") + " |"
        }
        func cells(_ row: [TableCell]) -> [String] {
            row.map { inline(InlineNormalizer.normalize($0.content), lineBreak: "<br>").replacingOccurrences(of: "|", with: "\\|") }
        }
        var rows = table.rows
        var header = Array(repeating: "", count: columns)
        if let first = rows.first, !first.isEmpty, first.allSatisfy(\.isHeader) {
            header = cells(first)
            rows.removeFirst()
        }
        var lines = [row(header), row(Array(repeating: "---", count: columns))]
        lines += rows.map { row(cells($0)) }
        var out = lines.joined(separator: "\n")
        let caption = inline(InlineNormalizer.normalize(table.caption))
        if !caption.isEmpty { out += "\n\n" + MarkdownEscaping.escapeLineStarts(caption) }
        return out
    }

    static func figure(_ figure: Figure) -> String? {
        var lines: [String] = []
        if let source = figure.source, URLPolicy.isSafeImageSource(source) {
            let alt = MarkdownEscaping.escapeText(nonEmpty(figure.alt) ?? "")
            lines.append("![" + alt + "](" + MarkdownEscaping.destination(source) + ")")
        }
        let caption = inline(InlineNormalizer.normalize(figure.caption))
        if !caption.isEmpty { lines.append(MarkdownEscaping.escapeLineStarts(caption)) }
        guard !lines.isEmpty else { return nil }
        // A hard break keeps the caption in the image's paragraph, directly under it.
        return lines.joined(separator: "\\\n")
    }

    // MARK: Inline

    /// Renders normalised inline content. `lineBreak` is what a line break becomes (a backslash hard
    /// break by default; a space in headings, `<br>` in table cells).
    ///
    /// Emphasis and strong use `*` / `**` where CommonMark's flanking rules let those delimiters open and
    /// close at that spot; where they would not (`a*"q"*b`, or next to another `*`), the span is written as
    /// inline `<em>` / `<strong>` HTML instead, so the formatting is never lost or turned into stray stars.
    static func inline(_ inlines: [Inline], lineBreak: String = "\\\n") -> String {
        // First pass: every element on its own (the next element's first character is needed below).
        let pieces = inlines.map { element -> (rendered: String, inner: String) in
            switch element {
            case .text(let text):
                let escaped = MarkdownEscaping.escapeText(text)
                return (escaped, escaped)
            case .emphasis(let content):
                let inner = inline(content, lineBreak: lineBreak)
                return ("*" + inner + "*", inner)
            case .strong(let content):
                let inner = inline(content, lineBreak: lineBreak)
                return ("**" + inner + "**", inner)
            case .code(let code):
                let span = MarkdownEscaping.codeSpan(code)
                return (span, span)
            case .link(let href, let content):
                let text = inline(content, lineBreak: lineBreak)
                guard URLPolicy.isSafeLink(href) else { return (text, text) }
                return ("[" + text + "](" + MarkdownEscaping.destination(href) + ")", text)
            case .lineBreak:
                return (lineBreak, lineBreak)
            }
        }
        var out = ""
        for (index, element) in inlines.enumerated() {
            let piece = pieces[index]
            let next = index + 1 < pieces.count ? pieces[index + 1].rendered.first : nil
            switch element {
            case .emphasis, .strong:
                let isStrong: Bool
                if case .strong = element { isStrong = true } else { isStrong = false }
                if delimitersWork(around: piece.inner, previous: out.last, next: next) {
                    out += piece.rendered
                } else {
                    let tag = isStrong ? "strong" : "em"
                    out += "<\(tag)>" + piece.inner + "</\(tag)>"
                }
            case .link(let href, _):
                // `!` right before `[` would turn the link into an image.
                if URLPolicy.isSafeLink(href), out.hasSuffix("!"),
                    out.dropLast().reversed().prefix(while: { $0 == "\\" }).count % 2 == 0
                {
                    out.insert("\\", at: out.index(before: out.endIndex))
                }
                out += piece.rendered
            default:
                out += piece.rendered
            }
        }
        return out
    }

    /// Whether `*`-delimiters around `inner` would open and close at this spot (CommonMark's left- and
    /// right-flanking rules), given the characters just before and after the span.
    static func delimitersWork(around inner: String, previous: Character?, next: Character?) -> Bool {
        guard let first = inner.first, let last = inner.last else { return false }
        // An adjacent `*` would merge with the delimiter run.
        if previous == "*" || next == "*" { return false }
        func isPunctuation(_ character: Character) -> Bool {
            character.isPunctuation || character.isSymbol
        }
        func isSpaceOrPunctuation(_ character: Character?) -> Bool {
            guard let character else { return true }
            return character.isWhitespace || isPunctuation(character)
        }
        if isPunctuation(first) && !isSpaceOrPunctuation(previous) { return false }
        if isPunctuation(last) && !isSpaceOrPunctuation(next) { return false }
        return true
    }

    /// Escapes a trailing run of `#` that a heading would otherwise drop as its closing sequence.
    static func escapeHeadingText(_ text: String) -> String {
        let hashes = text.reversed().prefix { $0 == "#" }.count
        guard hashes > 0 else { return text }
        let head = text.dropLast(hashes)
        guard head.isEmpty || head.last == " " else { return text }
        return head + "\\" + String(repeating: "#", count: hashes)
    }

    /// Prefixes the first line with `first` and every other non-empty line with `rest`.
    static func prefixLines(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            if index == 0 { return first + line }
            if line.isEmpty { return String(rest.reversed().drop { $0 == " " }.reversed()) }
            return rest + line
        }.joined(separator: "\n")
    }
}
