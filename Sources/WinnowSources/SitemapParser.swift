import Foundation
import WinnowDOM
import WinnowFetch

/// A child sitemap listed in a sitemap index.
public struct SitemapReference: Sendable, Equatable {
    /// The child sitemap's absolute http(s) URL.
    public let url: String
    /// Its `<lastmod>`, if given and valid.
    public let lastModified: Date?

    /// Creates a reference.
    public init(url: String, lastModified: Date? = nil) {
        self.url = url
        self.lastModified = lastModified
    }
}

/// The Google News extension of a sitemap entry (`<news:news>`).
public struct NewsInfo: Sendable, Equatable {
    /// `<news:title>`, whitespace-collapsed.
    public let title: String?
    /// `<news:publication_date>`, if given and valid.
    public let publicationDate: Date?
    /// `<news:publication><news:name>`: the publication's name.
    public let publicationName: String?
    /// `<news:publication><news:language>`: an ISO 639 code such as `en` or `zh-cn`.
    public let language: String?

    /// Creates the news information of one entry.
    public init(title: String? = nil, publicationDate: Date? = nil, publicationName: String? = nil,
                language: String? = nil) {
        self.title = title
        self.publicationDate = publicationDate
        self.publicationName = publicationName
        self.language = language
    }
}

/// One page listed in a sitemap.
public struct SitemapEntry: Sendable, Equatable {
    /// The page's absolute http(s) URL.
    public let url: String
    /// Its `<lastmod>`, if given and valid.
    public let lastModified: Date?
    /// Its Google News information, when the entry has a `<news:news>` element.
    public let news: NewsInfo?

    /// Creates an entry.
    public init(url: String, lastModified: Date? = nil, news: NewsInfo? = nil) {
        self.url = url
        self.lastModified = lastModified
        self.news = news
    }
}

/// What a sitemap file lists: other sitemaps (an index) or pages (a URL set, also what a plain-text sitemap is).
public enum Sitemap: Sendable, Equatable {
    /// A `<sitemapindex>`: the child sitemaps to fetch next.
    case index([SitemapReference])
    /// A `<urlset>` or a plain-text sitemap: the pages.
    case urlSet([SitemapEntry])
}

/// Reads sitemaps (sitemaps.org protocol 0.9, with the Google News extension) into `Sitemap` values. Pure.
///
/// - A body starting with the gzip magic number (1F 8B) is decompressed first (`sitemap.xml.gz` files are served
///   as `application/x-gzip`, or as XML after libcurl already removed a `Content-Encoding`), up to
///   `maximumSize` bytes of output.
/// - A body whose first non-blank character is `<` is XML: `<urlset>` or `<sitemapindex>` (namespace-tolerant,
///   see `Vocabulary`; `<image:loc>` and `<video:…>` extension elements are not mistaken for `<loc>`).
/// - Any other body is a plain-text sitemap: one URL per line (see `URLList`), read as UTF-8.
///
/// The protocol's limits apply: at most 50,000 URLs per file (`maximumEntries`; entries or references past it
/// are ignored) and 50 MiB uncompressed (`maximumSize` by default; a larger body, compressed or not, is an
/// error). Locations resolve against the sitemap's URL (the protocol requires absolute ones) and must be
/// http(s); others are skipped. `<lastmod>` and `<news:publication_date>` are W3C datetimes.
public enum SitemapParser {
    /// The most URLs one sitemap file may list (sitemaps.org); later ones are ignored.
    public static let maximumEntries = 50_000
    /// The most bytes one sitemap file may hold uncompressed (sitemaps.org: 50 MiB).
    public static let defaultMaximumSize = 50 * 1024 * 1024

    /// Parses a sitemap or sitemap index.
    ///
    /// - Parameters:
    ///   - bytes: the response body, gzip-compressed or not.
    ///   - url: the URL the sitemap was fetched from.
    ///   - contentType: the HTTP `Content-Type` (its `charset` is honoured for XML).
    ///   - maximumSize: the most bytes accepted after decompression (default 50 MiB).
    /// - Throws: `SourceParseError` `.tooLarge` past `maximumSize`, `.undecodable` for corrupt or truncated gzip,
    ///   `.notASitemap` when the XML root is neither `<urlset>` nor `<sitemapindex>` or a text body holds no URL,
    ///   `.notXML` when a body starting with `<` does not parse.
    public static func parse(
        _ bytes: [UInt8], url: String, contentType: String?, maximumSize: Int = defaultMaximumSize
    ) throws(SourceParseError) -> Sitemap {
        var body = bytes
        if Gzip.isGzip(bytes) {
            do {
                body = try Gzip.decompress(bytes, limit: maximumSize, url: url)
            } catch where error.code == .tooLarge {
                throw SourceParseError(.tooLarge, "sitemap is larger than \(maximumSize) bytes once decompressed")
            } catch {
                throw SourceParseError(.undecodable, "sitemap \(error.message)")
            }
        } else if bytes.count > maximumSize {
            throw SourceParseError(.tooLarge, "sitemap is \(bytes.count) bytes; the limit is \(maximumSize)")
        }
        guard looksLikeXML(body) else { return try plainText(body, url: url) }
        let document = try XMLInput.document(body, url: url, contentType: contentType)
        guard let root = document.root else { throw SourceParseError(.notXML, "not XML: the document has no root") }
        let bases = BaseResolver(documentURL: url)
        switch root.localName.lowercased() {
        case "urlset": return .urlSet(entries(root, base: bases.base(for: root)))
        case "sitemapindex": return .index(references(root, base: bases.base(for: root)))
        default:
            throw SourceParseError(.notASitemap,
                                   "not a sitemap: the root element is <\(root.name)>, not <urlset> or <sitemapindex>")
        }
    }

    private static func entries(_ root: Node, base: String?) -> [SitemapEntry] {
        var result: [SitemapEntry] = []
        for node in root.children("url", in: .sitemap) {
            guard result.count < maximumEntries else { break }
            let fields = node.childElements
            guard let location = fields.text("loc", in: .sitemap),
                  let url = URLResolver.resolve(location, against: base) else { continue }
            let lastModified = fields.text("lastmod", in: .sitemap).flatMap(DateFormats.w3c)
            result.append(SitemapEntry(url: url, lastModified: lastModified, news: news(in: fields)))
        }
        return result
    }

    private static func news(in entry: ChildElements) -> NewsInfo? {
        guard let news = entry.first("news", in: .googleNews)?.childElements else { return nil }
        let publication = news.first("publication", in: .googleNews)
        return NewsInfo(
            title: news.text("title", in: .googleNews)?.collapsingWhitespace(),
            publicationDate: news.text("publication_date", in: .googleNews).flatMap(DateFormats.w3c),
            publicationName: publication?.childText("name", in: .googleNews)?.collapsingWhitespace(),
            language: publication?.childText("language", in: .googleNews))
    }

    private static func references(_ root: Node, base: String?) -> [SitemapReference] {
        var result: [SitemapReference] = []
        for node in root.children("sitemap", in: .sitemap) {
            guard result.count < maximumEntries else { break }
            let fields = node.childElements
            guard let location = fields.text("loc", in: .sitemap),
                  let url = URLResolver.resolve(location, against: base) else { continue }
            result.append(SitemapReference(
                url: url, lastModified: fields.text("lastmod", in: .sitemap).flatMap(DateFormats.w3c)))
        }
        return result
    }

    /// True when the first character after a UTF-8 or UTF-16 byte-order mark and whitespace is `<` (or the
    /// body is UTF-16, which only XML sitemaps use).
    static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return true }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }

    /// A text sitemap: one absolute URL per line (relative lines are skipped). At least one line must be a URL,
    /// or this was something else.
    private static func plainText(_ bytes: [UInt8], url: String) throws(SourceParseError) -> Sitemap {
        let list = URLList.parse(String(decoding: bytes, as: UTF8.self), base: nil)
        guard !list.urls.isEmpty else {
            throw SourceParseError(.notASitemap, "not a sitemap: neither XML nor a list of http(s) URLs")
        }
        return .urlSet(list.urls.prefix(maximumEntries).map { SitemapEntry(url: $0) })
    }
}
