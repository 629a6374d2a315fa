import Foundation

/// What a page says about its own kind, read once before any pruning (pruning destroys the evidence):
/// URL path segments, JSON-LD `@type`s and `og:type`. Shops and feeds follow different truth conventions
/// than stories — a product page's content is its description and specs, a collection's is its tile grid.
struct PageKind: Equatable {
    /// JSON-LD or `og:type` names a product, or the URL path has a product segment (`/products/`).
    var product = false
    /// The URL path has a collection segment (`/collections/`, `/category/`, `/c/`...), or JSON-LD /
    /// `og:type` names a list of items (`ItemList`, `CollectionPage`, `product.group`).
    var collection = false
    /// JSON-LD or `og:type` names an article: the page is a story whatever its URL says.
    var article = false
    /// The URL path is a forum engine's thread (`PageProfile.isThread(pathSegments:)`), read from the same split
    /// of the path as the product and collection segments.
    var threadPath = false
    /// `og:type` names a product: the page declares itself one item, not a category (which URL paths such as
    /// `/products/monitor-arms` cannot tell).
    var declaredProduct = false
    /// The longest JSON-LD `Product.description`, tags stripped (the shop's own copy of the description).
    var productDescription: String?
    /// The longest JSON-LD `articleBody` of a story (not one inside a list), trimmed: the publisher's own copy
    /// of the story's text. None when a story is marked `isAccessibleForFree: false` (a paywalled story's text
    /// is there for search engines, not for readers).
    var articleBody: String?

    /// A JSON-LD story on the page is marked `isAccessibleForFree: false`.
    var paywalled = false

    /// A page that is a product or a collection, and not a story.
    var isShop: Bool { (product || collection) && !article }
    /// JSON-LD `Product`s that are not inside a list: one on a product's page, many on a shop's grid.
    var jsonLDProducts = 0

    /// JSON-LD `Product`s (not inside a list) whose `url`, `@id` or offer `url` is the page itself: the page's
    /// own product, often repeated once per variant, beside products it recommends.
    var ownProducts = 0

    /// One product's page by its own data (one JSON-LD product, or products of which some are the page's own;
    /// not a collection, not a story): priced grids on it are other products. URL and `og:type` alone are not
    /// enough: shops use both on category pages.
    var isSingleProduct: Bool { product && (jsonLDProducts == 1 || ownProducts > 0) && !collection && !article }
    /// A collection or listing page that is not a single product and not a story.
    var isCollection: Bool { collection && !product && !article }

    /// Reads the signals from the page URL, the JSON-LD the metadata scan parsed and the `og:type` values.
    static func read(url: String?, jsonLD roots: [Any], openGraphTypes: [String]) -> PageKind {
        var signals = PageKind()
        if let path = url.flatMap(urlPath) {
            let segments = path.split(separator: "/").map { $0.lowercased() }
            signals.threadPath = PageProfile.isThread(pathSegments: segments)
            // The last segment names the page itself; a product under a collection (`/collections/x/products/y`)
            // is a product.
            for (k, segment) in segments.enumerated() where k < segments.count - 1 {
                if Vocabulary.productPathSegments.contains(segment) { signals.product = true }
                if Vocabulary.collectionPathSegments.contains(segment) { signals.collection = true }
            }
        }
        for content in openGraphTypes {
            if Vocabulary.productOGTypes.contains(content) {
                signals.product = true
                signals.declaredProduct = true
            }
            if Vocabulary.collectionOGTypes.contains(content) { signals.collection = true }
            if content == "article" { signals.article = true }
        }
        let page = url.flatMap { URL(string: $0) }
        let pageKey = page.flatMap(urlKey)
        for root in roots { visit(root, depth: 0, into: &signals, page: page, pageKey: pageKey) }
        return signals
    }

    /// Host (without `www.`, lowercased) and path (without a trailing slash): the same page whatever the
    /// scheme, query or fragment. Nil without a host.
    static func urlKey(_ url: URL) -> String? {
        guard let host = url.host?.lowercased() else { return nil }
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        return bare + path
    }

    /// True when one of the product's own addresses (`url`, `@id`, its offer's `url`) is the page.
    private static func namesPage(_ object: [String: Any], page: URL?, pageKey: String?) -> Bool {
        guard let pageKey else { return false }
        var addresses: [Any?] = [object["url"], object["@id"]]
        if let offer = object["offers"] as? [String: Any] { addresses.append(offer["url"]) }
        for case let address as String in addresses {
            guard let resolved = URL(string: address, relativeTo: page)?.absoluteURL else { continue }
            if urlKey(resolved) == pageKey { return true }
        }
        return false
    }

    /// The path part of an absolute or relative URL. A query that is itself a path (`index.php?/topic/123-x/`,
    /// front-controller routing) continues it: the page's real path is there.
    static func urlPath(_ url: String) -> String? {
        guard let parsed = URL(string: url) else { return nil }
        if let query = parsed.query, query.hasPrefix("/") {
            let routed = query.prefix { $0 != "&" }
            return parsed.path + routed
        }
        return parsed.path
    }

    /// Keeps a story's `articleBody` when it is the longest so far; a story marked not free to read clears it
    /// and keeps any later one out.
    private static func readArticleBody(_ object: [String: Any], into signals: inout PageKind) {
        if let free = object["isAccessibleForFree"], isFalse(free) { signals.paywalled = true }
        guard !signals.paywalled else {
            signals.articleBody = nil
            return
        }
        guard let text = object["articleBody"] as? String else { return }
        let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if plain.count > (signals.articleBody?.count ?? 0) { signals.articleBody = plain }
    }

    /// `false` or `"False"` (publishers write both).
    private static func isFalse(_ value: Any) -> Bool {
        if let flag = value as? Bool { return !flag }
        if let text = value as? String { return text.lowercased() == "false" }
        return false
    }

    /// Walks a JSON-LD value: top-level types decide the kind; products nested in a list do not make a
    /// product page.
    private static func visit(
        _ value: Any, depth: Int, into signals: inout PageKind, page: URL?, pageKey: String?, inList: Bool = false
    ) {
        guard depth < Vocabulary.Threshold.jsonLDMaxDepth else { return }
        if let list = value as? [Any] {
            for item in list { visit(item, depth: depth + 1, into: &signals, page: page, pageKey: pageKey, inList: inList) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let types = JSONLDReader.types(object)
        var listed = inList
        if !types.isDisjoint(with: Vocabulary.collectionSchemaTypes) {
            signals.collection = true
            listed = true
        }
        if !types.isDisjoint(with: JSONLDReader.articleTypes) && !types.contains("question") && !inList {
            signals.article = true
            readArticleBody(object, into: &signals)
        }
        if types.contains("product") && !listed {
            signals.product = true
            signals.jsonLDProducts += 1
            if namesPage(object, page: page, pageKey: pageKey) { signals.ownProducts += 1 }
            if let text = object["description"] as? String {
                let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if plain.count > (signals.productDescription?.count ?? 0) { signals.productDescription = plain }
            }
        }
        for (key, nested) in object where key != "@context" {
            if nested is [Any] || nested is [String: Any] {
                visit(nested, depth: depth + 1, into: &signals, page: page, pageKey: pageKey,
                      inList: listed || key == "itemListElement")
            }
        }
    }
}
