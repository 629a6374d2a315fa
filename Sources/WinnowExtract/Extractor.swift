import WinnowDOM

/// Finds a page's main content (the story) and its metadata, and drops the chaff around it.
///
/// The stages, in order (each is a small type in `Stages/`):
/// 1. `MetadataExtractor` reads title, authors, dates... from the untouched tree.
/// 2. `PageTree` mirrors `<html>` once (plus anything libxml2 left after it), with tag kinds, class/id
///    categories, visibility, and per-node text, link, comma and paragraph counts aggregated bottom-up.
///    `PageProfile` notes discussion pages (JSON-LD forum/Q&A), where replies are content; `PageKind` reads
///    product/collection/article signals (URL path, JSON-LD types, `og:type`).
/// 3. `ChaffRemoval` flags what is never content: non-text tags, hidden nodes (not collapsed FAQ panels, nor
///    panels a tab heading's `aria-controls` opens), consent banners and privacy centres and footers and menus
///    whatever their size (on script-rendered pages they are most of the static text), modals, comment
///    sections, other page chrome (aside/header/form) that does not hold the page (on discussion pages a form
///    wrapping the posts stays; headers inside sections, or three or more that hold prose, head content), and
///    on product pages customer-review widgets. Buttons titled as questions, accordion triggers titled with a
///    phrase, and clickable teaser cards stay.
/// 4. `CandidateSelection` picks the story's node by Readability scoring and semantic anchors (several
///    body-classed parts give their shared container; a `main` that adds a teaser feed is passed over), then
///    merges sibling containers that continue the story.
/// 5. `ContentPruning` drops video players and many-slide galleries, share bars, related widgets, tag lists,
///    author boxes, bylines and link-heavy blocks inside it (a link list the story introduces stays),
///    guarded against removing most of the text.
/// 6. `BlockConverter` emits headings, paragraphs, lists, quotes, code, tables and figures (a standalone
///    image is a figure; two adjacent inline labels, "Merrell" "Moab 3", are two words).
/// 7. `BlockCleanup` drops the title heading, bylines (unless a card grid shows three or more), labels and
///    shop badges (also inside list items), share lines, button links, sign-up fine print, and cuts at
///    terminating blocks.
/// 8. Fallback (not in precision mode): a short result, or one covering little of the page, is retried
///    without anchors and with recall-mode pruning, then as every well-scoring section of the page
///    (`SectionMerge`, landing pages), then against the page's prose paragraphs; a retry wins only when
///    clearly longer.
///    Still short: the page's largest run of same-tag sibling cards (`CardCollection`, listing pages).
///    Page-type candidates (stage 8b): a JSON-LD product description wins over a DOM result not much longer
///    than it (`ProductDescription`); a feed of at least five headed cards, much longer than the result,
///    replaces it unless the page marked its story container (`CardCollection.headedFeed`, listing pages);
///    on a page that is neither a story nor a product, its one `<main>` (recall mode), 1.5–8.5 times longer
///    than the result, replaces it (a listing whose link cards were pruned).
/// 9. `ShellCheck`: a few words with no sentence among them (a JS-rendered shell's menu labels), or a
///    short run of label lines on a larger page (footer columns), give no article rather than chaff.
///    Then (stage 9b, not in precision mode): a shop's grid of priced product tiles at least twice as long as
///    the result is appended to it (`ProductGrid`, collection pages; not on a single product's page).
/// 10. Nothing left on a page not profiled as a discussion: stages 3–9 again with comment sections kept.
public struct Extractor: Sendable {
    /// The options every extraction by this extractor uses.
    public let options: ExtractionOptions

    /// An extractor with the given options.
    public init(options: ExtractionOptions = .init()) {
        self.options = options
    }

    /// The article in `document`. Never fails: a page without content gives an article without blocks.
    public func extract(from document: Document) -> ExtractionResult {
        var trace = Trace(enabled: options.explain)
        let url = options.url ?? document.url
        let metadata = MetadataExtractor.extract(from: document, url: url)
        // The whole `<html>` is mirrored: libxml2 leaves content that follows a stray `</body>` outside `<body>`.
        guard let body = document.root ?? document.body else {
            return ExtractionResult(article: Article(metadata: metadata), decisions: trace.decisions)
        }
        let titles = [metadata.title, document.title].compactMap { $0 }
        var tree = PageTree(root: body)
        tree.aggregate()
        let pageChars = Int(tree.entries[tree.bodyIndex].chars)
        let discussion = PageProfile.isDiscussion(tree)
        let kind = PageKind.read(tree, url: url)
        if discussion { trace.record(.kept, tree, tree.bodyIndex, heuristic: "profile:discussion") }
        var blocks = storyBlocks(&tree, keepComments: discussion, kind: kind, pageChars: pageChars, url: url, titles: titles, trace: &trace)
        if blocks.isEmpty && !discussion && options.mode != .precision {
            // Nothing outside the comment sections: the comments are the page (a link aggregator's thread).
            tree = PageTree(root: body)
            tree.aggregate()
            var retryTrace = Trace(enabled: trace.enabled)
            let retry = storyBlocks(&tree, keepComments: true, kind: kind, pageChars: pageChars, url: url, titles: titles, trace: &retryTrace)
            if !retry.isEmpty {
                // The explanation describes the pass whose blocks are returned.
                trace = retryTrace
                trace.record(.kept, block: "comments kept: nothing else on the page", heuristic: "fallback:comments")
                blocks = retry
            }
        }
        return ExtractionResult(article: Article(metadata: metadata, blocks: blocks), decisions: trace.decisions)
    }

    /// Stages 3–9 on a freshly aggregated tree.
    func storyBlocks(
        _ tree: inout PageTree, keepComments: Bool, kind: PageKind, pageChars: Int, url: String?, titles: [String],
        trace: inout Trace
    ) -> [Block] {
        let extraChaff = kind.product && !kind.article ? Vocabulary.productPageChaff : []
        ChaffRemoval.run(&tree, keepComments: keepComments, extraChaff: extraChaff, trace: &trace)
        let cleanTree = tree
        var heuristic = ""
        var blocks = contentBlocks(
            &tree, mode: options.mode, useAnchors: true, url: url, titles: titles, heuristic: &heuristic, trace: &trace)
        if options.mode != .precision {
            let first = blocks
            blocks = fallback(
                blocks, cleanTree: cleanTree, pageChars: pageChars, url: url, titles: titles, trace: &trace)
            // A story container the page marked itself (articleBody, a unique `<article>`) is not a feed's intro.
            let anchored = blocks == first && Vocabulary.storyAnchorHeuristics.contains(heuristic)
            blocks = pageTypeChoice(
                blocks, kind: kind, anchored: anchored, cleanTree: cleanTree, url: url, titles: titles, trace: &trace)
        }
        if ShellCheck.isShell(blocks, pageChars: pageChars)
            || (options.mode != .precision && ShellCheck.isLabelShell(blocks, pageChars: pageChars)) {
            trace.record(.dropped, block: Block.plainText(of: blocks, separator: " "), heuristic: "shell-page")
            blocks = []
        }
        if options.mode != .precision {
            blocks = gridChoice(blocks, kind: kind, cleanTree: cleanTree, url: url, titles: titles, trace: &trace)
        }
        return blocks
    }

    /// Stage 9b: a shop's grid of priced product tiles much longer than the result is added to it (the
    /// result is then the category's intro text, a promotion or nothing: the tiles, a few words each, read as
    /// labels to every other stage). Not on a single product's page, where a priced grid is related products.
    func gridChoice(
        _ blocks: [Block], kind: PageKind, cleanTree: PageTree, url: String?, titles: [String], trace: inout Trace
    ) -> [Block] {
        guard !kind.product || kind.collection else { return blocks }
        // The grid must be twice the result's length: a result over half the page's text cannot be outgrown.
        let length = Block.plainText(of: blocks, separator: "\n\n").count
        guard Double(length) * Vocabulary.PageTypeThreshold.gridMinRatio <= Double(cleanTree.entries[cleanTree.bodyIndex].chars)
        else { return blocks }
        let grid = ProductGrid.blocks(cleanTree, url: url)
        guard !grid.isEmpty else { return blocks }
        let gridLength = Block.plainText(of: grid, separator: "\n\n").count
        guard Double(gridLength) >= Vocabulary.PageTypeThreshold.gridMinRatio * Double(length) else { return blocks }
        trace.record(.kept, block: "product grid: \(gridLength) chars over \(length)", heuristic: "pagetype:grid")
        return blocks + BlockCleanup.run(grid, titles: titles, trace: &trace)
    }

    /// Stages 4–7 on a chaff-free tree.
    /// `heuristic` receives the candidate selection's reason (`candidate:anchor-article`...).
    func contentBlocks(
        _ tree: inout PageTree, mode: ExtractionMode, useAnchors: Bool, url: String?, titles: [String],
        heuristic: inout String, trace: inout Trace
    ) -> [Block] {
        let choice = CandidateSelection.run(&tree, mode: mode, useAnchors: useAnchors, trace: &trace)
        heuristic = choice.heuristic
        ContentPruning.run(&tree, roots: choice.roots, mode: mode, url: url, trace: &trace)
        let blocks = BlockConverter(tree: tree, mode: mode, url: url).blocks(of: choice.roots)
        return BlockCleanup.run(blocks, titles: titles, trace: &trace)
    }

    /// Stage 8: retries when the result is suspiciously short.
    func fallback(
        _ blocks: [Block], cleanTree: PageTree, pageChars: Int, url: String?, titles: [String], trace: inout Trace
    ) -> [Block] {
        let t = Vocabulary.Threshold.self
        let length = Block.plainText(of: blocks, separator: "\n\n").count
        let suspicious = length < t.minExtractedChars
            || (length < t.recallCeiling && Double(length) < t.minPageShare * Double(pageChars))
        guard suspicious else { return blocks }
        var best = blocks
        var bestLength = length
        var retryTree = cleanTree
        var retryTrace = Trace(enabled: trace.enabled)
        var retryHeuristic = ""
        let retry = contentBlocks(
            &retryTree, mode: .recall, useAnchors: false, url: url, titles: titles, heuristic: &retryHeuristic,
            trace: &retryTrace)
        let retryLength = Block.plainText(of: retry, separator: "\n\n").count
        if Double(retryLength) >= t.fallbackRatio * Double(max(bestLength, 1)) && retryLength >= t.minExtractedChars / 2 {
            trace.record(.kept, block: "recall retry: \(retryLength) chars over \(bestLength)", heuristic: "fallback:recall")
            best = retry
            bestLength = retryLength
        }
        if bestLength < t.recallCeiling {
            var mergeTrace = Trace(enabled: false)
            let merged = BlockCleanup.run(SectionMerge.blocks(cleanTree, url: url, trace: &mergeTrace), titles: titles, trace: &mergeTrace)
            let mergedLength = Block.plainText(of: merged, separator: "\n\n").count
            if Double(mergedLength) >= t.sectionMergeRatio * Double(max(bestLength, 1)) {
                trace.record(.kept, block: "section merge: \(mergedLength) chars over \(bestLength)", heuristic: "fallback:sections")
                best = merged
                bestLength = mergedLength
            }
        }
        if bestLength < t.minExtractedChars {
            let prose = ProseBaseline.blocks(cleanTree, url: url)
            let proseLength = Block.plainText(of: prose, separator: "\n\n").count
            if Double(proseLength) >= 2 * Double(max(bestLength, 1)) && proseLength >= 100 {
                trace.record(.kept, block: "prose baseline: \(proseLength) chars over \(bestLength)", heuristic: "fallback:prose")
                best = BlockCleanup.run(prose, titles: titles, trace: &trace)
                bestLength = proseLength
            }
        }
        if bestLength < t.cardTriggerChars {
            let cards = CardCollection.blocks(cleanTree, url: url)
            let cardsLength = Block.plainText(of: cards, separator: "\n\n").count
            if Double(cardsLength) >= t.cardRatio * Double(max(bestLength, 1)) && cardsLength >= t.minExtractedChars {
                trace.record(.kept, block: "cards: \(cardsLength) chars over \(bestLength)", heuristic: "fallback:cards")
                best = BlockCleanup.run(cards, titles: titles, trace: &trace)
            }
        }
        return best
    }

    /// A result with several paragraphs of a story's length is a story, whatever feed sits beside it.
    static func readsAsStory(_ blocks: [Block]) -> Bool {
        let t = Vocabulary.PageTypeThreshold.self
        var paragraphs = 0
        for block in blocks {
            guard case .paragraph = block, block.plainText.count >= t.storyParagraphChars else { continue }
            paragraphs += 1
            if paragraphs >= t.storyMinParagraphs { return true }
        }
        return false
    }

    /// Stage 8b: a product page's JSON-LD description replaces a DOM result that is not much longer than it
    /// (the DOM result is then reviews, marketing panels or related products around a short description);
    /// a headed teaser feed much longer than the result replaces it (listing pages) unless the result is a
    /// story container the page marked itself (`anchored`).
    func pageTypeChoice(
        _ blocks: [Block], kind: PageKind, anchored: Bool, cleanTree: PageTree, url: String?, titles: [String],
        trace: inout Trace
    ) -> [Block] {
        if let description = kind.productDescription, !kind.article,
           let described = ProductDescription.preferred(over: blocks, description: description, url: url) {
            trace.record(.kept, block: Block.plainText(of: described, separator: " "), heuristic: "pagetype:product-description")
            return described
        }
        let t = Vocabulary.PageTypeThreshold.self
        if !anchored, !kind.article, !Self.readsAsStory(blocks), let feed = CardCollection.headedFeed(cleanTree, url: url) {
            let length = Block.plainText(of: blocks, separator: "\n\n").count
            let feedLength = Block.plainText(of: feed, separator: "\n\n").count
            if feedLength >= t.feedMinChars && Double(feedLength) >= t.feedMinRatio * Double(length) {
                trace.record(.kept, block: "headed feed: \(feedLength) chars over \(length)", heuristic: "pagetype:feed")
                return BlockCleanup.run(feed, titles: titles, trace: &trace)
            }
        }
        if !anchored, !kind.article, !kind.product, !Self.readsAsStory(blocks), let main = Self.soleMain(cleanTree) {
            let length = Block.plainText(of: blocks, separator: "\n\n").count
            var mainTrace = Trace(enabled: false)
            let region = BlockCleanup.run(
                BlockConverter(tree: cleanTree, mode: .recall, url: url).blocks(of: [main]), titles: titles, trace: &mainTrace)
            let regionLength = Block.plainText(of: region, separator: "\n\n").count
            let ratio = Double(regionLength) / Double(max(length, 1))
            if regionLength >= t.feedMinChars && ratio >= t.mainRegionRatio && ratio <= t.mainRegionMaxRatio {
                trace.record(.kept, block: "main region: \(regionLength) chars over \(length)", heuristic: "pagetype:main")
                return region
            }
        }
        return blocks
    }

    /// The page's one `<main>` element left after chaff removal, or nil when it has none or several.
    static func soleMain(_ tree: PageTree) -> Int? {
        var found: Int?
        for i in tree.entries.indices where tree.entries[i].tag == .main && !tree.entries[i].removed {
            if found != nil { return nil }
            found = i
        }
        return found
    }
}
