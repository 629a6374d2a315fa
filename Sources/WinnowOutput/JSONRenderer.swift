import Foundation
import WinnowExtract

/// Renders an article as one JSON object with a stable, documented schema.
///
/// Keys are sorted; slashes are not escaped. Every key listed below is always present; a missing value is
/// `null` (strings) or `[]` (arrays), never an omitted key, so consumers can rely on the shape.
///
/// Document:
/// ```
/// { "title": string|null, "authors": [string], "published": string|null, "modified": string|null,
///   "site_name": string|null, "language": string|null, "url": string|null, "canonical_url": string|null,
///   "description": string|null, "image": string|null, "tags": [string],
///   "text": string,        // exactly the plain-text rendering (TextRenderer, no header)
///   "blocks": [block] }
/// ```
/// Blocks (every block has `type` and `text`, its plain text as in the `text` field):
/// ```
/// {"type":"heading",   "level":1-6, "text":string, "html":string}
/// {"type":"paragraph", "text":string, "html":string}
/// {"type":"list",      "ordered":bool, "text":string, "items":[{"text":string, "blocks":[block]}]}
/// {"type":"quote",     "text":string, "blocks":[block]}
/// {"type":"code",      "language":string|null, "text":string}
/// {"type":"table",     "caption":string|null, "header":bool, "text":string, "rows":[[string]]}
/// {"type":"figure",    "src":string|null, "alt":string|null, "caption":string|null, "text":string}
/// ```
/// `html` is the block's inline content as a sanitised HTML fragment (em/strong/code/a/br; unsafe link
/// schemes dropped). `header` is true when the first row of `rows` is a header row. Table cells are plain
/// text. URLs (`src`, metadata URLs) are passed through as extracted. Blocks with no content are left out,
/// as in the other formats.
public struct JSONRenderer: Sendable {
    /// Indent the output; otherwise it is a single line (JSON Lines friendly).
    public var prettyPrinted: Bool

    /// A renderer; pretty-printed by default, compact for JSON Lines.
    public init(prettyPrinted: Bool = true) {
        self.prettyPrinted = prettyPrinted
    }

    /// The JSON document, ending with a newline.
    public func render(_ article: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        let document = JSONDocument(article)
        // Encoding strings, bools and integers cannot fail; the fallback only keeps this total.
        guard let data = try? encoder.encode(document), let json = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return json + "\n"
    }
}

/// The top-level JSON object.
struct JSONDocument: Encodable {
    var metadata: Metadata
    var text: String
    var blocks: [JSONBlock]

    init(_ article: Article) {
        metadata = article.metadata
        text = TextRenderer.body(article.blocks)
        blocks = JSONBlock.blocks(article.blocks)
    }

    private enum Key: String, CodingKey {
        case title, authors, published, modified, language, url, description, image, tags, text, blocks
        case siteName = "site_name"
        case canonicalURL = "canonical_url"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(nonEmpty(metadata.title), forKey: .title)
        try container.encode(metadata.authors.compactMap(nonEmpty), forKey: .authors)
        try container.encode(nonEmpty(metadata.published), forKey: .published)
        try container.encode(nonEmpty(metadata.modified), forKey: .modified)
        try container.encode(nonEmpty(metadata.siteName), forKey: .siteName)
        try container.encode(nonEmpty(metadata.language), forKey: .language)
        try container.encode(nonEmpty(metadata.url), forKey: .url)
        try container.encode(nonEmpty(metadata.canonicalURL), forKey: .canonicalURL)
        try container.encode(nonEmpty(metadata.description), forKey: .description)
        try container.encode(nonEmpty(metadata.image), forKey: .image)
        try container.encode(metadata.tags.compactMap(nonEmpty), forKey: .tags)
        try container.encode(text, forKey: .text)
        try container.encode(blocks, forKey: .blocks)
    }
}

/// One block in the JSON schema documented on `JSONRenderer`.
struct JSONBlock: Encodable {
    /// The block's fields in encoding order (the encoder sorts keys anyway).
    private var fields: [(key: String, value: Value)]

    /// A JSON value a block field can hold.
    indirect enum Value: Encodable {
        case string(String?)
        case int(Int)
        case bool(Bool)
        case blocks([JSONBlock])
        case items([JSONListItem])
        case rows([[String]])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .blocks(let value): try container.encode(value)
            case .items(let value): try container.encode(value)
            case .rows(let value): try container.encode(value)
            }
        }
    }

    /// The non-empty blocks of a sequence.
    static func blocks(_ blocks: [Block]) -> [JSONBlock] {
        blocks.compactMap(JSONBlock.init)
    }

    init?(_ block: Block) {
        let rendered = TextRenderer.text(of: block)
        if case .figure = block {} else if rendered == nil { return nil }
        let text = rendered ?? ""
        switch block {
        case .heading(let level, let content):
            fields = [("type", .string("heading")), ("level", .int(min(6, max(1, level)))), ("text", .string(text)),
                      ("html", .string(HTMLRenderer.inline(InlineNormalizer.normalize(content))))]
        case .paragraph(let content):
            fields = [("type", .string("paragraph")), ("text", .string(text)),
                      ("html", .string(HTMLRenderer.inline(InlineNormalizer.normalize(content))))]
        case .list(let ordered, let items):
            let listItems = items.compactMap(JSONListItem.init)
            fields = [("type", .string("list")), ("ordered", .bool(ordered)), ("text", .string(text)),
                      ("items", .items(listItems))]
        case .quote(let inner):
            fields = [("type", .string("quote")), ("text", .string(text)), ("blocks", .blocks(JSONBlock.blocks(inner)))]
        case .code(_, let language):
            fields = [("type", .string("code")), ("language", .string(nonEmpty(language))), ("text", .string(text))]
        case .table(let table):
            let hasHeader = table.rows.first.map { !$0.isEmpty && $0.allSatisfy(\.isHeader) } ?? false
            let rows = table.rows.map { $0.map { TextRenderer.cellText($0.content) } }
            let caption = InlineNormalizer.normalizedText(table.caption)
            fields = [("type", .string("table")), ("caption", .string(caption.isEmpty ? nil : caption)),
                      ("header", .bool(hasHeader)), ("text", .string(text)), ("rows", .rows(rows))]
        case .figure(let figure):
            let caption = InlineNormalizer.normalizedText(figure.caption)
            // A figure is kept when it has an image or a caption.
            guard nonEmpty(figure.source) != nil || !caption.isEmpty else { return nil }
            fields = [("type", .string("figure")), ("src", .string(nonEmpty(figure.source))),
                      ("alt", .string(nonEmpty(figure.alt))), ("caption", .string(caption.isEmpty ? nil : caption)),
                      ("text", .string(text))]
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in fields {
            try container.encode(field.value, forKey: Key(stringValue: field.key))
        }
    }
}

/// One list item: its plain text and its blocks (a nested list stays a `list` block).
struct JSONListItem: Encodable {
    var text: String
    var blocks: [JSONBlock]

    init?(_ item: [Block]) {
        guard let text = TextRenderer.itemText(item) else { return nil }
        self.text = text
        self.blocks = JSONBlock.blocks(item)
    }
}
