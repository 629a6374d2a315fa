import Foundation
import WinnowDOM

/// Which syndication format a feed was written in.
public enum FeedKind: String, Sendable, Equatable {
    /// RSS 2.0 (and the 0.9x versions without a namespace): `<rss><channel><item>`.
    case rss
    /// Atom 1.0 (and, tolerated, Atom 0.3): `<feed><entry>`.
    case atom
    /// RSS 1.0 / RDF Site Summary: `<rdf:RDF><item rdf:about>`.
    case rdf
}

/// One article a feed points at.
public struct FeedItem: Sendable, Equatable {
    /// The article's absolute http(s) URL, resolved against `xml:base` or the feed URL, as written otherwise
    /// (not normalized).
    public let url: String
    /// The item's title, whitespace-collapsed; nil when absent or empty.
    public let title: String?
    /// When the article was first published (RSS `pubDate` or `dc:date`, Atom `published`), if given and valid.
    public let published: Date?
    /// When the article was last changed (Atom `updated`, `atom:updated` or `dcterms:modified` in RSS), if given.
    public let updated: Date?

    /// Creates an item.
    public init(url: String, title: String? = nil, published: Date? = nil, updated: Date? = nil) {
        self.url = url
        self.title = title
        self.published = published
        self.updated = updated
    }
}

/// A parsed feed: its format, its title and the items that have a usable link, in document order.
public struct Feed: Sendable, Equatable {
    /// The format the feed was written in.
    public let kind: FeedKind
    /// The channel's or feed's title, whitespace-collapsed; nil when absent or empty.
    public let title: String?
    /// Items with an http(s) link, in the order the feed lists them (items without one are left out).
    public let items: [FeedItem]

    /// Creates a feed.
    public init(kind: FeedKind, title: String?, items: [FeedItem]) {
        self.kind = kind
        self.title = title
        self.items = items
    }
}

/// Reads RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) feeds into `Feed` values. Pure: bytes in, links out.
///
/// Parsing goes through `Document(xml:url:contentType:)`, which decides the charset (BOM, then the HTTP
/// `charset`, then the XML declaration), never loads DTDs or external entities, never touches the network, and
/// expands internal entities only within a fixed budget (so an entity bomb yields a small tree, quickly).
///
/// Elements are matched by local name and namespace, tolerating feeds that omit or misspell namespaces (see
/// `Vocabulary`). Links:
/// - RSS: `<link>`, else a `<guid isPermaLink="true">`, else a `<guid>` that is an absolute http(s) URL, else
///   an `<atom:link>` as in Atom.
/// - Atom: `<link rel="alternate">` or a `<link>` with no `rel` (an HTML `type` preferred), else an `<id>`
///   that is an absolute http(s) URL.
/// - RDF: `<link>`, else the item's `rdf:about`.
///
/// Relative links resolve against the `xml:base` in force (on the link, the item, the channel or the root),
/// else against the feed's URL. Items with no usable http(s) link are skipped.
public enum FeedParser {
    /// Parses a feed.
    ///
    /// - Parameters:
    ///   - bytes: the response body.
    ///   - url: the URL the feed was fetched from (the base for relative links).
    ///   - contentType: the HTTP `Content-Type`, whose `charset` is honoured.
    /// - Throws: `SourceParseError` `.notXML` when the body is not XML, `.notAFeed` when the root element is not
    ///   `<rss>`, `<feed>` or `<RDF>` (an HTML page, a sitemap), `.tooLarge` past `Document.maximumInputSize`.
    public static func parse(_ bytes: [UInt8], url: String, contentType: String?) throws(SourceParseError) -> Feed {
        let document = try XMLInput.document(bytes, url: url, contentType: contentType)
        guard let root = document.root else { throw SourceParseError(.notXML, "not XML: the document has no root") }
        let bases = BaseResolver(documentURL: url)
        switch root.localName.lowercased() {
        case "rss": return rss(root, bases: bases)
        case "feed": return atom(root, bases: bases)
        case "rdf": return rdf(root, bases: bases)
        default:
            throw SourceParseError(.notAFeed, "not a feed: the root element is <\(root.name)>, not <rss>, <feed> or <rdf:RDF>")
        }
    }

    // MARK: RSS 2.0

    private static func rss(_ root: Node, bases: BaseResolver) -> Feed {
        let channel = root.child("channel", in: .rss)
        // Items belong in <channel>; a few generators put them beside it.
        var itemNodes = channel?.children("item", in: .rss) ?? []
        itemNodes += root.children("item", in: .rss)
        var items: [FeedItem] = []
        for item in itemNodes {
            let fields = item.childElements
            let base = bases.base(for: item)
            guard let link = rssLink(fields, base: base) ?? atomLink(fields, bases: bases) else { continue }
            let published = fields.text("pubDate", in: .rss).flatMap(DateFormats.rfc822)
                ?? fields.text("date", in: .dublinCore).flatMap(anyDate)
                ?? fields.text("issued", in: .dublinCoreTerms).flatMap(anyDate)
                ?? fields.text("created", in: .dublinCoreTerms).flatMap(anyDate)
            let updated = fields.text("updated", in: .atom).flatMap(anyDate)
                ?? fields.text("modified", in: .dublinCoreTerms).flatMap(anyDate)
            items.append(FeedItem(url: link, title: plainTitle(fields.text("title", in: .rss)),
                                  published: published, updated: updated))
        }
        return Feed(kind: .rss, title: plainTitle(channel?.childText("title", in: .rss)), items: items)
    }

    /// `<link>`, else a permalink `<guid>`.
    private static func rssLink(_ item: ChildElements, base: String?) -> String? {
        for node in item.all("link", in: .rss) {
            if let url = URLResolver.resolve(node.text, against: base) { return url }
        }
        for guid in item.all("guid", in: .rss) {
            let text = guid.text.trimmingXMLSpace()
            guard !text.isEmpty else { continue }
            if guid.attribute(caseInsensitive: "isPermaLink")?.trimmingXMLSpace().lowercased() == "true",
               let url = URLResolver.resolve(text, against: base) {
                return url
            }
            // Whatever isPermaLink says, a guid that is a web address is one (WordPress marks "?p=123" guids false).
            if URLResolver.isAbsoluteHTTP(text), let url = URLResolver.resolve(text, against: nil) { return url }
        }
        return nil
    }

    // MARK: Atom

    private static func atom(_ root: Node, bases: BaseResolver) -> Feed {
        var items: [FeedItem] = []
        for entry in root.children("entry", in: .atom) {
            let fields = entry.childElements
            let id = fields.text("id", in: .atom)
            let idURL = id.flatMap { URLResolver.isAbsoluteHTTP($0) ? URLResolver.resolve($0, against: nil) : nil }
            guard let link = atomLink(fields, bases: bases) ?? idURL else { continue }
            // Atom 0.3 called these issued/created and modified.
            let published = fields.text("published", in: .atom).flatMap(anyDate)
                ?? fields.text("issued", in: .atom).flatMap(anyDate)
                ?? fields.text("created", in: .atom).flatMap(anyDate)
            let updated = fields.text("updated", in: .atom).flatMap(anyDate)
                ?? fields.text("modified", in: .atom).flatMap(anyDate)
            items.append(FeedItem(url: link, title: atomText(fields.first("title", in: .atom)),
                                  published: published, updated: updated))
        }
        return Feed(kind: .atom, title: atomText(root.child("title", in: .atom)), items: items)
    }

    /// The entry's alternate link: `rel="alternate"` or no `rel`, preferring an HTML `type`, resolved against
    /// the `xml:base` in force on the `<link>` element itself.
    static func atomLink(_ entry: ChildElements, bases: BaseResolver) -> String? {
        var fallback: String?
        for link in entry.all("link", in: .atom) {
            let rel = link.attribute("rel")?.trimmingXMLSpace().lowercased() ?? ""
            guard rel.isEmpty || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate",
                  let href = link.attribute("href"),
                  let url = URLResolver.resolve(href, against: bases.base(for: link))
            else { continue }
            let type = link.attribute("type")?.lowercased() ?? ""
            if type.isEmpty || type.contains("html") { return url }
            if fallback == nil { fallback = url }
        }
        return fallback
    }

    /// An Atom text construct as plain text: `type="html"` content is markup escaped as text, so its tags are
    /// dropped and its character references decoded; `text` and `xhtml` content is taken as it reads.
    private static func atomText(_ node: Node?) -> String? {
        guard let node else { return nil }
        let text = node.text
        if node.attribute("type")?.trimmingXMLSpace().lowercased() == "html",
           let fragment = try? Document(html: "<html><body>" + text + "</body></html>") {
            return plainTitle(fragment.body?.text)
        }
        return plainTitle(text)
    }

    // MARK: RSS 1.0 (RDF)

    private static func rdf(_ root: Node, bases: BaseResolver) -> Feed {
        let channel = root.child("channel", in: .rss)
        var itemNodes = root.children("item", in: .rss)
        if itemNodes.isEmpty { itemNodes = channel?.children("item", in: .rss) ?? [] }
        var items: [FeedItem] = []
        for item in itemNodes {
            let fields = item.childElements
            let base = bases.base(for: item)
            var link: String?
            for node in fields.all("link", in: .rss) {
                link = URLResolver.resolve(node.text, against: base)
                if link != nil { break }
            }
            if link == nil, let about = item.attribute("about") {
                link = URLResolver.resolve(about, against: base)
            }
            guard let link else { continue }
            let published = fields.text("date", in: .dublinCore).flatMap(anyDate)
                ?? fields.text("issued", in: .dublinCoreTerms).flatMap(anyDate)
            let updated = fields.text("modified", in: .dublinCoreTerms).flatMap(anyDate)
            items.append(FeedItem(url: link, title: plainTitle(fields.text("title", in: .rss)),
                                  published: published, updated: updated))
        }
        return Feed(kind: .rdf, title: plainTitle(channel?.childText("title", in: .rss)), items: items)
    }

    // MARK: Shared

    /// W3C datetime first (the format `dc:date` and Atom prescribe), then RFC 822 for feeds that mix them up.
    private static func anyDate(_ text: String) -> Date? {
        DateFormats.w3c(text) ?? DateFormats.rfc822(text)
    }

    private static func plainTitle(_ text: String?) -> String? {
        guard let collapsed = text?.collapsingWhitespace(), !collapsed.isEmpty else { return nil }
        return collapsed
    }
}

/// Parses bytes as XML for the feed and sitemap parsers, turning `DOMError`s into `SourceParseError`s.
enum XMLInput {
    static func document(_ bytes: [UInt8], url: String, contentType: String?) throws(SourceParseError) -> Document {
        do {
            return try Document(xml: bytes, url: url, contentType: contentType)
        } catch let error as DOMError where error.code == .tooLarge {
            throw SourceParseError(.tooLarge, error.message)
        } catch {
            throw SourceParseError(.notXML, "not XML: \(error)")
        }
    }
}

/// The base URL in force at a node: the document's URL, overridden by every `xml:base` from the root down to
/// the node (each resolved against the one above it, per the XML Base specification).
struct BaseResolver {
    let documentURL: String
    /// `string(@xml:base)`; nil if it cannot compile (it always does), in which case `xml:base` is ignored.
    private let xmlBase: XPath?

    init(documentURL: String) {
        self.documentURL = documentURL
        self.xmlBase = try? XPath("string(@xml:base)")
    }

    /// The base URL for links written on `node` (nil when nothing absolute is known).
    func base(for node: Node) -> String? {
        var base: String? = URLResolver.resolve(documentURL, against: nil)
        guard let xmlBase else { return base }
        for element in node.ancestors.reversed() + [node] {
            let value = xmlBase.string(from: element).trimmingXMLSpace()
            guard !value.isEmpty, let resolved = URLResolver.resolve(value, against: base) else { continue }
            base = resolved
        }
        return base
    }
}
