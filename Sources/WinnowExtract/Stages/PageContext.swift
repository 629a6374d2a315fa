import WinnowDOM

/// Everything the stages read about one page, computed in one walk before any of them runs: the metadata, the
/// mirrored and aggregated tree, and the page's profile (discussion or not) and kind (story, product,
/// collection). Every pass copies `tree` and flags its own removals; nothing re-walks or re-parses the page.
struct PageContext {
    /// The page's URL (the fetch URL, `--url`, or the document's own), for link resolution and path signals.
    let url: String?
    let metadata: Metadata
    /// Title candidates the title heading is matched against (the reconciled title, then `<title>`).
    let titles: [String]
    /// The whole `<html>` mirrored (libxml2 leaves content after a stray `</body>` outside `<body>`), nothing
    /// removed; nil for a document without an element. The decision takes it (`takeTree`), so that its first
    /// pass flags removals on this very copy instead of duplicating it.
    private(set) var tree: PageTree?
    /// The mirrored root, to mirror the page again for a second pass.
    let root: Node?
    /// The page's text length (characters, collapsed).
    let pageChars: Int
    /// A forum thread or Q&A page: replies are content (`PageProfile`).
    let discussion: Bool
    /// A forum thread or Q&A page by its own type, in JSON-LD or microdata (not a story's FAQ block), or by a
    /// forum engine's thread URL: every post is one member's, so a post shown again (a reply's preview of it, a
    /// pinned copy) is a copy.
    let thread: Bool
    let kind: PageKind

    /// Reads the page; `scan` is the metadata scan the caller already made (before site rules stripped the page).
    init(document: Document, url given: String?, scan givenScan: MetadataExtractor.PageScan? = nil) {
        let url = given
        root = document.root ?? document.body
        // One walk mirrors the page and, unless the caller scanned it already, reads its metadata on the way
        // (only when the mirror starts at the document's own root, where the scan starts too).
        var walk: PageScanner.Walk? = givenScan == nil ? document.root.map(PageScanner.Walk.init(root:)) : nil
        var mirrored = root.map { PageTree(root: $0, scanning: &walk) }
        // One scan gives the metadata and the parsed JSON-LD the page kind reads.
        let scan = givenScan ?? walk.map { MetadataExtractor.scan(signals: $0.signals, document: document, url: url) }
            ?? MetadataExtractor.scan(document, url: url)
        let metadata = scan.metadata
        self.metadata = metadata
        // A page saved without its address is known by the one it declares (its canonical link or og:url): its
        // links to the same site, its path.
        self.url = url ?? metadata.url
        titles = [metadata.title, scan.headline, document.title].compactMap { $0 }
        guard var tree = mirrored.take() else {
            tree = nil
            pageChars = 0
            discussion = false
            thread = false
            kind = PageKind()
            return
        }
        tree.aggregate()
        self.tree = tree
        pageChars = Int(tree.entries[tree.bodyIndex].chars)
        discussion = PageProfile.isDiscussion(jsonLD: scan.jsonLDScripts)
        kind = PageKind.read(url: self.url, jsonLD: scan.jsonLD.roots, openGraphTypes: scan.openGraphType.map { [$0] } ?? [])
        thread = scan.threadMicrodata || (discussion && PageProfile.isThread(jsonLD: scan.jsonLDScripts))
            || kind.threadPath
    }

    /// The mirrored tree, handed over: the context keeps no reference to it.
    mutating func takeTree() -> PageTree? {
        defer { tree = nil }
        return tree
    }

    /// A fresh mirror of the page, for a pass after the first.
    func mirror() -> PageTree? {
        guard let root else { return nil }
        var tree = PageTree(root: root)
        tree.aggregate()
        return tree
    }
}
