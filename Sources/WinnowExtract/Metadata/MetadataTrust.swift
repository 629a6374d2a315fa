import WinnowDOM

/// Where a metadata value was read from. Each `Metadata` field takes its value from the most trusted source
/// that produced a usable one; `MetadataTrust.order` lists that trust per field.
public enum MetadataSource: String, Sendable, CaseIterable {
    /// An `application/ld+json` schema.org object (Article, NewsArticle, BlogPosting, WebPage, ...).
    case jsonLD
    /// A JSON-LD author that is an Organization rather than a Person: a last resort for bylines.
    case jsonLDOrganization
    /// OpenGraph and `article:*` properties.
    case openGraph
    /// Twitter card metas, including Yoast's `twitter:label1 = Written by` / `twitter:data1` pair.
    case twitter
    /// Other `<meta name>` conventions: plain HTML, Dublin Core, Parse.ly, Sailthru, citation_*, ...
    case meta
    /// Microdata: `itemprop` on `<meta>` or visible elements (author, datePublished, headline...).
    case microdata
    /// The document head proper: `<title>`, `<link rel=canonical>`, `<html lang>`.
    case head
    /// A date embedded in the page URL (`/2024/03/05/`).
    case url
    /// Visible page markup: `<h1>`, `<time datetime>`, byline elements, date-classed elements.
    case dom
}

/// The `Metadata` fields the extractor fills.
public enum MetadataField: String, Sendable, CaseIterable {
    case title, authors, published, modified, siteName, language, canonicalURL, description, image, tags
}

/// The documented order of trust, as data: for each field, the sources to try, most trusted first.
///
/// | field        | order (first usable value wins)                                               |
/// |--------------|-------------------------------------------------------------------------------|
/// | title        | reconciled from head `<title>` + dom `<h1>` + openGraph/jsonLD/twitter/meta/microdata (see `TitleReconciler`) |
/// | authors      | jsonLD (Person), openGraph, meta, twitter, microdata, dom byline, jsonLDOrganization |
/// | published    | jsonLD, openGraph, meta, microdata, url, dom                                   |
/// | modified     | jsonLD, openGraph, meta, microdata, dom                                        |
/// | siteName     | openGraph, jsonLD, meta                                                        |
/// | language     | head (`<html lang>`), meta (content-language), jsonLD, openGraph (og:locale)   |
/// | canonicalURL | head (`<link rel=canonical>`), openGraph, jsonLD                                |
/// | description  | openGraph, meta, jsonLD, twitter                                               |
/// | image        | openGraph, twitter, jsonLD, head (`<link rel=image_src>`)                      |
/// | tags         | openGraph (`article:tag`), jsonLD (keywords), meta (news_keywords, keywords...) |
///
/// Why: JSON-LD is written for machines and names its types (Person vs Organization), so it wins for facts;
/// OpenGraph is next-most consistent; ad-hoc `<meta>` names vary by CMS; the visible DOM is the fallback.
/// Descriptions and images are curated for sharing cards, so OpenGraph leads there.
public enum MetadataTrust {
    /// Sources per field, most trusted first.
    public static let order: [MetadataField: [MetadataSource]] = [
        .title: [.jsonLD, .openGraph, .twitter, .meta, .microdata, .head, .dom],
        .authors: [.jsonLD, .openGraph, .meta, .twitter, .microdata, .dom, .jsonLDOrganization],
        .published: [.jsonLD, .openGraph, .meta, .microdata, .url, .dom],
        .modified: [.jsonLD, .openGraph, .meta, .microdata, .dom],
        .siteName: [.openGraph, .jsonLD, .meta],
        .language: [.head, .meta, .jsonLD, .openGraph],
        .canonicalURL: [.head, .openGraph, .jsonLD],
        .description: [.openGraph, .meta, .jsonLD, .twitter],
        .image: [.openGraph, .twitter, .jsonLD, .head],
        .tags: [.openGraph, .jsonLD, .meta],
    ]
}

/// Raw values gathered from a page, keyed by (field, source), in document order.
struct MetadataCandidates {
    private var store: [Key: [String]] = [:]

    private struct Key: Hashable {
        let field: MetadataField
        let source: MetadataSource
    }

    /// Records a raw value (whitespace-collapsed; empty values are dropped).
    mutating func add(_ value: String?, field: MetadataField, source: MetadataSource) {
        guard let value else { return }
        let clean = value.collapsedWhitespace()
        guard !clean.isEmpty else { return }
        store[Key(field: field, source: source), default: []].append(clean)
    }

    /// The raw values of one field from one source.
    func values(_ field: MetadataField, _ source: MetadataSource) -> [String] {
        store[Key(field: field, source: source)] ?? []
    }

    /// The first value of one field from one source.
    func first(_ field: MetadataField, _ source: MetadataSource) -> String? {
        store[Key(field: field, source: source)]?.first
    }

    /// Walks the trust order of `field` and returns the first non-nil result of `transform` over each source's
    /// values (all values of a source are offered together, so list fields can merge them).
    func resolve<T>(_ field: MetadataField, _ transform: ([String], MetadataSource) -> T?) -> T? {
        for source in MetadataTrust.order[field] ?? [] {
            let raw = values(field, source)
            if raw.isEmpty { continue }
            if let result = transform(raw, source) { return result }
        }
        return nil
    }
}
