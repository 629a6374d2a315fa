import WinnowDOM

/// The XML vocabularies feeds and sitemaps are written in, and how elements are matched against them.
///
/// An element belongs to a vocabulary when its local name matches and its namespace is one of the vocabulary's
/// (an *exact* match). Real feeds get namespaces wrong, so when no child matches exactly a *tolerant* match is
/// accepted: the same local name with no namespace at all (an undeclared prefix such as `dc:` counts when it is
/// the vocabulary's usual prefix), or with a namespace Winnow does not know (a misspelt URI). An element in
/// another well-known namespace never matches: `<media:title>` is not an RSS `<title>`, and `<image:loc>` is not
/// a sitemap `<loc>`.
struct Vocabulary: Sendable {
    /// Namespace URIs that match exactly; `nil` stands for "no namespace".
    let namespaces: Set<String?>
    /// Prefixes that name this vocabulary when a feed forgot to declare them (`dc:date` with no `xmlns:dc`).
    let prefixes: Set<String>

    static let rss = Vocabulary(
        namespaces: [nil, Namespace.rss10, Namespace.rss090, Namespace.rss2Userland], prefixes: [])
    static let atom = Vocabulary(namespaces: [Namespace.atom, Namespace.atom03], prefixes: ["atom", "atom10"])
    static let dublinCore = Vocabulary(namespaces: [Namespace.dc], prefixes: ["dc"])
    static let dublinCoreTerms = Vocabulary(namespaces: [Namespace.dcterms], prefixes: ["dcterms"])
    static let rdf = Vocabulary(namespaces: [Namespace.rdf], prefixes: ["rdf"])
    static let sitemap = Vocabulary(namespaces: [nil, Namespace.sitemap, Namespace.sitemap084], prefixes: [])
    static let googleNews = Vocabulary(namespaces: [Namespace.googleNews], prefixes: ["news"])
}

/// Namespace URIs, as the specifications spell them.
enum Namespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rss2Userland = "http://backend.userland.com/rss2"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let sitemap084 = "http://www.google.com/schemas/sitemap/0.84"
    static let googleNews = "http://www.google.com/schemas/sitemap-news/0.9"

    /// Every namespace Winnow recognises, including extensions whose elements reuse common local names
    /// (`title`, `link`, `loc`, `date`) and so must never be taken for the core vocabulary's.
    static let known: Set<String> = [
        atom, atom03, rss10, rss090, rss2Userland, rdf, dc, dcterms, sitemap, sitemap084, googleNews,
        "http://www.google.com/schemas/sitemap-image/1.1",
        "http://www.google.com/schemas/sitemap-video/1.1",
        "http://www.w3.org/1999/xhtml",
        "http://search.yahoo.com/mrss/",
        "http://purl.org/rss/1.0/modules/content/",
        "http://purl.org/rss/1.0/modules/syndication/",
        "http://purl.org/rss/1.0/modules/slash/",
        "http://wellformedweb.org/CommentAPI/",
        "http://www.itunes.com/dtds/podcast-1.0.dtd",
        "https://www.itunes.com/dtds/podcast-1.0.dtd",
        "http://www.georss.org/georss",
        "http://rssnamespace.org/feedburner/ext/1.0",
        "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "http://search.yahoo.com/searchmonkey/feed/1.0",
        "http://purl.org/syndication/thread/1.0",
    ]
}

/// The element children of one node with their names and namespaces read once, for looking up several
/// fields of the same item (a sitemap `<url>`, a feed `<item>`) without converting every child's name again for
/// each field.
struct ChildElements {
    /// One child element and its name parts.
    struct Entry {
        let node: Node
        /// The name without prefix (see `localName(of:)`).
        let local: Substring
        /// The namespace URI, if the element has one.
        let namespace: String?
        /// The prefix kept in the name because it was never declared (`dc` in `dc:date` without `xmlns:dc`).
        let undeclaredPrefix: Substring?

        /// Named `local` with a namespace that is exactly one of the vocabulary's.
        func isExactly(_ wanted: String, in vocabulary: Vocabulary) -> Bool {
            local == wanted && undeclaredPrefix == nil && vocabulary.namespaces.contains(namespace)
        }

        /// Named `local` and tolerably in the vocabulary (see `Vocabulary`).
        func isTolerably(_ wanted: String, in vocabulary: Vocabulary) -> Bool {
            guard local == wanted else { return false }
            if let prefix = undeclaredPrefix { return vocabulary.prefixes.contains(String(prefix)) }
            guard let namespace else { return true }
            return vocabulary.namespaces.contains(namespace) || !Namespace.known.contains(namespace)
        }
    }

    let entries: [Entry]

    init(of parent: Node) {
        var entries: [Entry] = []
        for child in parent.children where child.isElement {
            let full = child.name
            let namespace = child.namespaceURI
            var local = Substring(full)
            var prefix: Substring?
            if let colon = full.lastIndex(of: ":") {
                local = full[full.index(after: colon)...]
                if namespace == nil { prefix = full[..<colon] }
            }
            entries.append(Entry(node: child, local: local, namespace: namespace, undeclaredPrefix: prefix))
        }
        self.entries = entries
    }

    /// Children named `local` in the vocabulary: the exact matches, or when there are none, the tolerant ones.
    func all(_ local: String, in vocabulary: Vocabulary) -> [Node] {
        let exact = entries.filter { $0.isExactly(local, in: vocabulary) }
        return (exact.isEmpty ? entries.filter { $0.isTolerably(local, in: vocabulary) } : exact).map(\.node)
    }

    /// The first child named `local` in the vocabulary (exact matches first).
    func first(_ local: String, in vocabulary: Vocabulary) -> Node? {
        (entries.first { $0.isExactly(local, in: vocabulary) } ?? entries.first { $0.isTolerably(local, in: vocabulary) })?
            .node
    }

    /// The trimmed text of the first matching child that has any, or nil.
    func text(_ local: String, in vocabulary: Vocabulary) -> String? {
        for node in all(local, in: vocabulary) {
            let text = node.text.trimmingXMLSpace()
            if !text.isEmpty { return text }
        }
        return nil
    }
}

extension Node {
    /// The element's name without any prefix. Namespaced names are stored without one; a name keeps its prefix
    /// only when the prefix was never declared (`dc:date` in a feed missing `xmlns:dc`).
    var localName: Substring {
        let full = name
        guard let colon = full.lastIndex(of: ":") else { return Substring(full) }
        return full[full.index(after: colon)...]
    }

    /// The element children with their names read once (see `ChildElements`).
    var childElements: ChildElements { ChildElements(of: self) }

    /// Child elements named `local` in the vocabulary (see `ChildElements.all`).
    func children(_ local: String, in vocabulary: Vocabulary) -> [Node] {
        childElements.all(local, in: vocabulary)
    }

    /// The first child element named `local` in the vocabulary (exact matches first).
    func child(_ local: String, in vocabulary: Vocabulary) -> Node? {
        childElements.first(local, in: vocabulary)
    }

    /// The trimmed text of the first matching child that has any, or nil.
    func childText(_ local: String, in vocabulary: Vocabulary) -> String? {
        childElements.text(local, in: vocabulary)
    }

    /// An attribute's value looked up without regard to the case of its name (`isPermaLink`, `ispermalink`).
    func attribute(caseInsensitive name: String) -> String? {
        if let exact = attribute(name) { return exact }
        let lower = name.lowercased()
        return attributes.first { $0.name.lowercased() == lower }?.value
    }
}

extension StringProtocol {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF) or no-break spaces.
    func trimmingXMLSpace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
