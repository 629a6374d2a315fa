/// A cleaned story: its metadata and its main content as structured blocks.
///
/// This is what every renderer (text, Markdown, JSON, HTML) and the story writer consume.
public struct Article: Sendable, Equatable {
    public var metadata: Metadata
    /// The main content, in reading order.
    public var blocks: [Block]

    public init(metadata: Metadata = Metadata(), blocks: [Block] = []) {
        self.metadata = metadata
        self.blocks = blocks
    }
}

/// Facts about a story, each from the most trusted source that had it (see `MetadataExtractor`).
public struct Metadata: Sendable, Equatable, Codable {
    public var title: String?
    public var authors: [String] = []
    /// Publication date-time, ISO 8601 (`2024-05-01` or `2024-05-01T09:30:00Z`).
    public var published: String?
    /// Last-modified date-time, ISO 8601.
    public var modified: String?
    public var siteName: String?
    /// BCP 47 language tag, e.g. `en` or `pt-BR`.
    public var language: String?
    /// The URL the page was fetched from (or given with `--url`); for a saved page without one, its canonical URL.
    public var url: String?
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`), absolute.
    public var canonicalURL: String?
    public var description: String?
    /// Lead image URL, absolute.
    public var image: String?
    public var tags: [String] = []

    public init(
        title: String? = nil, authors: [String] = [], published: String? = nil, modified: String? = nil,
        siteName: String? = nil, language: String? = nil, url: String? = nil, canonicalURL: String? = nil,
        description: String? = nil, image: String? = nil, tags: [String] = []
    ) {
        self.title = title
        self.authors = authors
        self.published = published
        self.modified = modified
        self.siteName = siteName
        self.language = language
        self.url = url
        self.canonicalURL = canonicalURL
        self.description = description
        self.image = image
        self.tags = tags
    }
}

extension Metadata {
    /// `published` as a date (its calendar day, time and offset), nil when absent or not ISO 8601.
    public var publishedDate: PageDate? { published.flatMap(PageDate.init(iso8601:)) }
    /// `modified` as a date, nil when absent or not ISO 8601.
    public var modifiedDate: PageDate? { modified.flatMap(PageDate.init(iso8601:)) }
}

/// A block of main content. Not `indirect`: the nested cases hold arrays, which already box their elements,
/// so the cases need no heap box of their own (one allocation and one pointer chase less per block).
public enum Block: Sendable, Equatable {
    /// A heading, level 1–6.
    case heading(level: Int, content: [Inline])
    case paragraph([Inline])
    /// A list; each item holds blocks (usually one paragraph, possibly a nested list).
    case list(ordered: Bool, items: [[Block]])
    case quote([Block])
    /// Preformatted code, verbatim.
    case code(text: String, language: String?)
    case table(Table)
    case figure(Figure)
}

/// Inline content inside a block. Not `indirect`, like `Block`: a text run is a String in place, not a
/// String in a heap box.
public enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    /// A link with an absolute `href` where the page URL was known.
    case link(href: String, content: [Inline])
    case lineBreak
}

/// A data table (layout tables are flattened into blocks by the extractor).
public struct Table: Sendable, Equatable {
    public var caption: [Inline]
    public var rows: [[TableCell]]

    public init(caption: [Inline] = [], rows: [[TableCell]]) {
        self.caption = caption
        self.rows = rows
    }
}

public struct TableCell: Sendable, Equatable {
    public var isHeader: Bool
    public var content: [Inline]

    public init(isHeader: Bool = false, content: [Inline]) {
        self.isHeader = isHeader
        self.content = content
    }
}

/// An image that belongs to the story, with its caption.
public struct Figure: Sendable, Equatable {
    public var source: String?
    public var alt: String?
    public var caption: [Inline]

    public init(source: String? = nil, alt: String? = nil, caption: [Inline] = []) {
        self.source = source
        self.alt = alt
        self.caption = caption
    }
}
