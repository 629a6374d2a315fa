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
    /// The longest JSON-LD `Product.description`, tags stripped (the shop's own copy of the description).
    var productDescription: String?

    /// A page that is a product or a collection, and not a story.
    var isShop: Bool { (product || collection) && !article }
    /// JSON-LD `Product`s that are not inside a list: one on a product's page, many on a shop's grid.
    var jsonLDProducts = 0

    /// One product's page by its own data (one JSON-LD product, not a collection, not a story): priced grids
    /// on it are other products. URL and `og:type` alone are not enough: shops use both on category pages.
    var isSingleProduct: Bool { product && jsonLDProducts == 1 && !collection && !article }
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
            if Vocabulary.productOGTypes.contains(content) { signals.product = true }
            if Vocabulary.collectionOGTypes.contains(content) { signals.collection = true }
            if content == "article" { signals.article = true }
        }
        for root in roots { visit(root, depth: 0, into: &signals) }
        return signals
    }

    /// The path part of an absolute or relative URL.
    static func urlPath(_ url: String) -> String? {
        guard let parsed = URL(string: url) else { return nil }
        return parsed.path
    }

    /// Walks a JSON-LD value: top-level types decide the kind; products nested in a list do not make a
    /// product page.
    private static func visit(_ value: Any, depth: Int, into signals: inout PageKind, inList: Bool = false) {
        guard depth < Vocabulary.Threshold.jsonLDMaxDepth else { return }
        if let list = value as? [Any] {
            for item in list { visit(item, depth: depth + 1, into: &signals, inList: inList) }
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
        }
        if types.contains("product") && !listed {
            signals.product = true
            signals.jsonLDProducts += 1
            if let text = object["description"] as? String {
                let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if plain.count > (signals.productDescription?.count ?? 0) { signals.productDescription = plain }
            }
        }
        for (key, nested) in object where key != "@context" {
            if nested is [Any] || nested is [String: Any] {
                visit(nested, depth: depth + 1, into: &signals, inList: listed || key == "itemListElement")
            }
        }
    }
}
