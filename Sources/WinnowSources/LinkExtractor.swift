import WinnowDOM

/// A link found on a page, with what the scheduler may want to know about it.
public struct DiscoveredLink: Sendable, Equatable {
    /// The absolute http(s) URL, without its fragment.
    public let url: String
    /// The anchor's text, whitespace-collapsed (for `<area>`, its `alt`); empty when there is none.
    public let text: String
    /// True when every link to this URL on the page carries `rel="nofollow"` (or `ugc` or `sponsored`, which
    /// are its refinements).
    public let nofollow: Bool

    /// Creates a link.
    public init(url: String, text: String, nofollow: Bool) {
        self.url = url
        self.text = text
        self.nofollow = nofollow
    }
}

/// Finds the links on a section page (a front page, a category listing) for the scheduler to consider.
///
/// Every `<a href>` and `<area href>` counts, in document order. Each `href` resolves against the document's
/// first `<base href>` (itself resolved against the page URL), else the page URL; only http(s) results are kept,
/// fragments are removed, and a URL seen before is not repeated (the first occurrence decides the order and the
/// text). In-page navigation (`href="#top"`) and empty `href`s, which point back at the page itself, are left
/// out.
/// Nothing is normalized beyond resolution: the scheduler normalizes.
public enum LinkExtractor {
    /// The page's distinct http(s) link targets in first-seen order.
    ///
    /// - Parameters:
    ///   - bytes: the page's bytes (decoded like any page: BOM, HTTP `charset`, `<meta>`, sniffing).
    ///   - url: the page's URL, the base for relative links.
    ///   - contentType: the HTTP `Content-Type`, whose `charset` is honoured.
    /// - Throws: `SourceParseError` `.tooLarge` for pages past `Document.maximumInputSize`, `.unparsable` if the
    ///   HTML parser fails outright (it recovers from any markup, so this is not expected).
    public static func links(in bytes: [UInt8], url: String, contentType: String?) throws(SourceParseError)
        -> [String]
    {
        try discoveredLinks(in: bytes, url: url, contentType: contentType).map(\.url)
    }

    /// The page's distinct http(s) links with their anchor text and `nofollow` state, in first-seen order.
    ///
    /// Same rules as `links(in:url:contentType:)`; a URL linked both with and without `rel="nofollow"` is
    /// reported followable.
    public static func discoveredLinks(in bytes: [UInt8], url: String, contentType: String?)
        throws(SourceParseError) -> [DiscoveredLink]
    {
        let document: Document
        do {
            document = try Document(html: bytes, url: url, contentType: contentType)
        } catch let error as DOMError where error.code == .tooLarge {
            throw SourceParseError(.tooLarge, error.message)
        } catch {
            throw SourceParseError(.unparsable, "the page could not be parsed: \(error)")
        }
        return discoveredLinks(in: document, url: url)
    }

    /// The links of an already parsed page (see `discoveredLinks(in:url:contentType:)`), for callers that also
    /// extract the page.
    public static func discoveredLinks(in document: Document, url: String) -> [DiscoveredLink] {
        let pageBase = URLResolver.resolve(url, against: nil)
        var base = pageBase
        let anchors = (try? document.select(xpath: "//a[@href] | //area[@href] | //base[@href]")) ?? []
        if let declared = anchors.first(where: { $0.name == "base" })?.attribute("href"),
           let resolved = URLResolver.resolve(declared, against: pageBase) {
            base = resolved
        }
        var links: [DiscoveredLink] = []
        var positions: [String: Int] = [:]
        for anchor in anchors where anchor.name != "base" {
            guard let href = anchor.attribute("href") else { continue }
            let trimmed = href.trimmingXMLSpace()
            guard !trimmed.hasPrefix("#"), let resolved = URLResolver.resolve(trimmed, against: base) else { continue }
            let target = URLResolver.removingFragment(resolved)
            let nofollow = isNofollow(anchor.attribute("rel"))
            if let index = positions[target] {
                if !nofollow && links[index].nofollow {
                    links[index] = DiscoveredLink(url: target, text: links[index].text, nofollow: false)
                }
                continue
            }
            let text = anchor.name == "area" ? (anchor.attribute("alt") ?? "") : anchor.text
            positions[target] = links.count
            links.append(DiscoveredLink(url: target, text: text.collapsingWhitespace(), nofollow: nofollow))
        }
        return links
    }

    /// True when a `rel` value holds the token `nofollow`, `ugc` or `sponsored` (ASCII case-insensitive).
    static func isNofollow(_ rel: String?) -> Bool {
        guard let rel else { return false }
        return rel.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .contains { $0 == "nofollow" || $0 == "ugc" || $0 == "sponsored" }
    }
}
