import WinnowDOM

/// Finds a page's main content (the story) and its metadata, and drops the chaff around it.
///
/// There is one decision path, and `explain` shows it: every way of finding content ends as a `Region` (a
/// tree with its removals, the roots to convert, and why), every region becomes blocks the same way
/// (`Region.render`: `BlockConverter`, then `BlockCleanup`), and the regions that produced the output are
/// the `Outcome` that both the article and `contentMap` (what `explain --html` and `rules new` draw) are read
/// from. The stages, in order (each a small type in `Stages/`):
/// 1. `PageContext` reads the page once: metadata (`MetadataExtractor`, from the untouched tree), the
///    mirrored `PageTree` with tag kinds, class/id categories, visibility and per-node counts aggregated
///    bottom-up, `PageProfile` (discussion pages, where replies are content; threads by their own JSON-LD or
///    microdata type, where a post shown twice is a copy and a lone vote count is chaff) and `PageKind` (product,
///    collection and article signals from the URL path, JSON-LD types and `og:type`).
/// 2. `ChaffRemoval` flags what is never content: non-text tags, hidden nodes (not collapsed FAQ panels, nor
///    panels a tab heading's `aria-controls` opens), consent banners, privacy centres, footers and menus
///    whatever their size, modals, comment sections, other page chrome that does not hold the page, and on
///    product pages customer-review widgets; on one product's page (`PageKind.isSingleProduct`), every priced
///    grid of links to other products (`ProductGrid.removeRelated`). Buttons titled as questions, accordion
///    triggers titled with a phrase, and clickable teaser cards stay.
/// 3. The scored region: `CandidateSelection` picks the story's node by Readability scoring and semantic
///    anchors, merging sibling containers (or an anchored section's class twins) that continue the story;
///    `ContentPruning` drops teaser-card runs (on a page that says it is a story and is not the site's front
///    page, feeds nested a few wrappers deep too), video players, galleries, share bars, related widgets, tag
///    lists, author boxes (class words, or a person's microdata with a biography), bylines and link-heavy
///    blocks inside it, guarded against removing most of the text; a byline-classed field or `<time>` inside a
///    sentence, and prose in a wrapper named only for sharing, stay.
/// 4. Fallbacks (not in precision mode), when the result is short or covers little of the page: the scored
///    region again in recall mode without anchors; every well-scoring section (`SectionMerge`, landing
///    pages); the page's prose paragraphs (`ProseBaseline`); its largest run of same-tag cards
///    (`CardCollection`, listing pages). A retry wins only when clearly longer.
/// 5. Page-type choices (not in precision mode): a JSON-LD product description beats a DOM result not much
///    longer than it (`ProductDescription`); a feed of at least five headed cards much longer than the result
///    replaces it unless the page marked its story container (`CardCollection.headedFeed`); on a page that is
///    neither a story nor a product, its one `<main>`, 1.5–8.5 times longer than the result, replaces it.
/// 6. `ShellCheck`: a few words with no sentence among them, or a short run of label lines on a larger page,
///    give no article rather than chaff.
/// 7. A shop's grid of priced tiles at least twice as long as the result is appended (`ProductGrid`; not on
///    a single product's page).
/// 8. Nothing left on a page not profiled as a discussion: stages 2–7 again with comment sections kept.
/// 9. Still nothing (not in precision mode): the story's JSON-LD `articleBody` (a page a script builds), unless
///    the story is marked not free to read; then stages 2–7 again with hidden parts kept (hidden menus, dialogs
///    and banners still go), for a page that ships its content hidden for a script to show; that result must be
///    at least `hiddenRetryMinChars` long; failing that, a forum thread whose body shows next to no text (its
///    engine's script fetches the posts) gives its meta description, the opening post's first lines.
///
/// With a site rule's `body`, its nodes are the region's roots: chaff and boilerplate are removed inside them
/// only (page chrome inside a chosen container stays), and with `prune: no` only never-text elements go.
public struct Extractor: Sendable {
    /// The options every extraction by this extractor uses.
    public let options: ExtractionOptions

    /// An extractor with the given options.
    public init(options: ExtractionOptions = .init()) {
        self.options = options
    }

    /// The article in `document`. Never fails: a page without content gives an article without blocks.
    /// `scan` is the metadata scan the caller made before site rules stripped the page; nil scans here.
    public func extract(from document: Document, scan: MetadataExtractor.PageScan? = nil) -> ExtractionResult {
        let page = PageContext(document: document, url: options.url ?? document.url, scan: scan)
        let metadata = page.metadata
        return decide(consume page).result(metadata: metadata)
    }

    /// The article made from given content roots only — the nodes a site rule's `body` selected.
    ///
    /// The page tree is built for the whole page (so class categories and aggregates are the same as in
    /// `extract(from:)`), but only `contentRoots` are converted. With `prune` (FTR's `prune: yes`, the
    /// default), chaff and boilerplate inside the roots are removed and `BlockCleanup` tidies the blocks; a
    /// root page-wide chaff removal would drop whole is kept, since the rule asked for it. Without `prune`,
    /// only never-text elements (scripts, styles, embeds) are skipped.
    /// `scan` is the metadata scan the caller made before rules stripped the page; nil scans here.
    public func extract(
        from document: Document, contentRoots: [Node], prune: Bool, scan: MetadataExtractor.PageScan? = nil
    ) -> ExtractionResult {
        let page = PageContext(document: document, url: options.url ?? document.url, scan: scan)
        let metadata = page.metadata
        return decide(consume page, ruleBody: contentRoots, prune: prune).result(metadata: metadata)
    }

    // MARK: The decision

    /// Stages 2–9 for a page without a rule body.
    func decide(_ page: consuming PageContext) -> Outcome {
        guard let tree = page.takeTree() else {
            return Outcome(parts: [], tree: nil, trace: Trace(enabled: options.explain))
        }
        // Handed over (`consume`): the stages then flag removals on this tree's own storage, no copy.
        let outcome = story(page, tree: consume tree, keepComments: page.discussion)
        guard outcome.blocks.isEmpty && options.mode != .precision else { return outcome }
        if !page.discussion, let again = page.mirror() {
            // Nothing outside the comment sections: the comments are the page (a link aggregator's thread).
            var retry = story(page, tree: consume again, keepComments: true)
            if !retry.blocks.isEmpty {
                retry.trace.record(.kept, block: "comments kept: nothing else on the page", heuristic: "fallback:comments")
                return retry
            }
        }
        // Nothing on the page holds a story, but its JSON-LD carries one (a page a script builds): the
        // publisher's own copy of the text, as a region of its own tree.
        if let body = page.kind.articleBody,
           let declared = Self.declared(body, page: page, heuristic: "fallback:article-body",
                                        note: "JSON-LD articleBody: nothing on the page held a story", after: outcome) {
            return declared
        }
        // Nothing visible holds a story: the page may ship it hidden for a script to show (server-rendered
        // markup a client framework reveals after loading). Hidden menus, dialogs and banners still go.
        if let again = page.mirror() {
            var revealed = story(page, tree: consume again, keepComments: page.discussion, keepHidden: true)
            if revealed.parts.reduce(0, { $0 + $1.length }) >= Vocabulary.Threshold.hiddenRetryMinChars {
                revealed.trace.record(.kept, block: "hidden parts kept: nothing visible held a story", heuristic: "fallback:hidden")
                return revealed
            }
        }
        // A forum thread whose body shows next to no text (a splash loader: the engine's script fetches the
        // posts) is known only by its meta description, where such engines put the opening post's first lines
        // (a description shorter than `threadShellDescriptionMinChars` is the forum's tagline).
        if page.thread || page.discussion, page.pageChars <= Vocabulary.Threshold.threadShellMaxChars,
           let description = page.metadata.description,
           let declared = Self.declared(description, page: page, heuristic: "fallback:thread-description",
                                        note: "meta description: the thread's posts are not in the page", after: outcome,
                                        minChars: Vocabulary.Threshold.threadShellDescriptionMinChars) {
            return declared
        }
        return outcome
    }

    /// Text the page declares rather than shows (JSON-LD `articleBody`, a meta description) as the outcome, a
    /// region of its own tree (`DeclaredText`), with `note` in `outcome`'s trace; nil when it is not prose or
    /// gives no blocks.
    static func declared(
        _ text: String, page: PageContext, heuristic: String, note: String, after outcome: Outcome,
        minChars: Int = Vocabulary.PageTypeThreshold.descriptionMinChars
    ) -> Outcome? {
        guard let region = DeclaredText.region(text, url: page.url, heuristic: heuristic, minChars: minChars) else {
            return nil
        }
        let rendering = region.render(url: page.url, titles: [], cleanup: false, explain: false)
        guard !rendering.blocks.isEmpty else { return nil }
        var trace = outcome.trace
        trace.record(.kept, block: note, heuristic: heuristic)
        return Outcome(parts: [rendering], tree: outcome.tree, trace: trace)
    }

    /// Stages 2–7 on the page's tree (removals are flagged on it).
    func story(_ page: PageContext, tree clean: consuming PageTree, keepComments: Bool, keepHidden: Bool = false) -> Outcome {
        var trace = Trace(enabled: options.explain)
        if page.discussion { trace.record(.kept, clean, clean.bodyIndex, heuristic: "profile:discussion") }
        let extraChaff = page.kind.product && !page.kind.article ? Vocabulary.productPageChaff : []
        ChaffRemoval.run(&clean, keepComments: keepComments, keepHidden: keepHidden, extraChaff: extraChaff, trace: &trace)
        if page.kind.isSingleProduct { ProductGrid.removeRelated(&clean, trace: &trace) }

        // Why each region won over the one before it.
        var choices = Trace(enabled: options.explain)
        let first = scoredRegion(clean, page: page, mode: options.mode, useAnchors: true)
        var chosen = first
        if options.mode != .precision {
            chosen = fallback(first, clean: clean, page: page, choices: &choices)
            // A story container the page marked itself (articleBody, a unique `<article>`) is not a feed's intro.
            let anchored = chosen.blocks == first.blocks
                && Vocabulary.storyAnchorHeuristics.contains(first.region.heuristic)
            chosen = pageTypeChoice(chosen, anchored: anchored, clean: clean, page: page, choices: &choices)
        }
        trace.append(chosen.trace)
        var parts = [chosen]
        let mapTree = chosen.region.onPage ? chosen.region.tree : clean
        let blocks = chosen.blocks
        let text = chosen.text
        if ShellCheck.isShell(blocks, text: text, pageChars: page.pageChars)
            || (options.mode != .precision && ShellCheck.isLabelShell(blocks, text: text, pageChars: page.pageChars)) {
            choices.record(.dropped, block: Block.plainText(of: blocks, separator: " "), heuristic: "shell-page")
            if chosen.region.onPage {
                for root in chosen.region.roots { choices.record(.dropped, mapTree, root, heuristic: "shell-page") }
            }
            parts = []
        }
        if options.mode != .precision,
           let grid = gridChoice(resultLength: parts.reduce(0) { $0 + $1.length }, clean: clean, page: page, choices: &choices) {
            parts.append(grid)
            choices.append(grid.trace)
        }
        trace.append(choices)
        return Outcome(parts: parts, tree: mapTree, trace: trace)
    }

    /// Stage 3: the scored candidate, pruned and rendered.
    func scoredRegion(_ clean: PageTree, page: PageContext, mode: ExtractionMode, useAnchors: Bool) -> Rendering {
        var tree = clean.copied()
        var trace = Trace(enabled: options.explain)
        // A page that says it is a story, unless it is the site's front page (a blog's feed of stories).
        let storyPage = page.kind.article && page.url.flatMap(SiteLink.init(absolute:))?.path != "/"
        let choice = CandidateSelection.run(
            &tree, mode: mode, useAnchors: useAnchors, storyPage: storyPage, url: page.url, trace: &trace)
        ContentPruning.run(
            &tree, roots: choice.roots, mode: mode, url: page.url, storyPage: storyPage, thread: page.thread,
            titles: page.titles, trace: &trace)
        let region = Region(tree: tree, roots: choice.roots, mode: mode, heuristic: choice.heuristic)
        return render(region, page: page, stageTrace: trace)
    }

    /// A region's rendering, with the decisions of the stages that built it ahead of cleanup's.
    func render(_ region: Region, page: PageContext, cleanup: Bool = true, stageTrace: Trace? = nil) -> Rendering {
        render(convert(region, page: page), page: page, cleanup: cleanup, stageTrace: stageTrace)
    }

    /// A region's blocks before cleanup, for the choices that measure what a region found (cards, prose, a feed,
    /// a shop grid): only the winner is cleaned (`render(_:page:cleanup:stageTrace:)`).
    func convert(_ region: Region, page: PageContext) -> Conversion {
        region.convert(url: page.url, explain: options.explain)
    }

    /// A converted region's rendering, with the decisions of the stages that built it ahead of cleanup's.
    func render(_ conversion: Conversion, page: PageContext, cleanup: Bool = true, stageTrace: Trace? = nil) -> Rendering {
        let dropCopies = Self.copyMinBytes(page)
        var rendering = conversion.render(
            titles: page.titles, authors: page.metadata.authors, cleanup: cleanup, dropCopies: dropCopies,
            thread: page.thread, product: Self.oneProduct(page), story: page.kind.article, explain: options.explain)
        if var trace = stageTrace {
            trace.append(rendering.trace)
            rendering.trace = trace
        }
        return rendering
    }

    /// The shortest block that is dropped when it repeats an earlier one word for word, nil to keep copies: on a
    /// single product's page (tabs, breakpoints, variant panels repeat the copy) and on a forum or Q&A thread
    /// (a reply's preview of the post it answers, a pinned copy of the opening post). The thread's bar is
    /// higher: short replies ("Thanks, that worked!") are each member's own. A page whose `og:type` declares a
    /// product, without the product data that makes it a single product's page, drops only sentence-long copies
    /// (a description given again in a tab or breakpoint panel): a short spec label each variant repeats stays.
    static func copyMinBytes(_ page: PageContext) -> Int? {
        if page.kind.isSingleProduct { return Vocabulary.Threshold.productCopyMinBytes }
        if oneProduct(page) { return Vocabulary.Threshold.declaredProductCopyMinBytes }
        if page.thread { return Vocabulary.Threshold.threadCopyMinBytes }
        return nil
    }

    /// One product's page: its data says so (`PageKind.isSingleProduct`), or its `og:type` declares a product
    /// on a page that is neither a collection nor a story. Its rating summaries are the review widget's.
    static func oneProduct(_ page: PageContext) -> Bool {
        page.kind.isSingleProduct || (page.kind.declaredProduct && !page.kind.collection && !page.kind.article)
    }

    /// Stage 4: retries when the result is suspiciously short; each wins only when clearly longer.
    func fallback(_ first: Rendering, clean: PageTree, page: PageContext, choices: inout Trace) -> Rendering {
        let t = Vocabulary.Threshold.self
        let length = first.length
        let suspicious = length < t.minExtractedChars
            || (length < t.recallCeiling && Double(length) < t.minPageShare * Double(page.pageChars))
        guard suspicious else { return first }
        var best = first
        var bestLength = length
        var retry = scoredRegion(clean, page: page, mode: .recall, useAnchors: false)
        if Double(retry.length) >= t.fallbackRatio * Double(max(bestLength, 1)) && retry.length >= t.minExtractedChars / 2 {
            choices.record(.kept, block: "recall retry: \(retry.length) chars over \(bestLength)", heuristic: "fallback:recall")
            retry.region.heuristic = "fallback:recall, " + retry.region.heuristic
            best = retry
            bestLength = retry.length
        }
        if bestLength < t.recallCeiling {
            var mergeTrace = Trace(enabled: options.explain)
            if let region = SectionMerge.region(clean, url: page.url, trace: &mergeTrace) {
                let merged = render(region, page: page, stageTrace: mergeTrace)
                if Double(merged.length) >= t.sectionMergeRatio * Double(max(bestLength, 1)) {
                    choices.record(.kept, block: "section merge: \(merged.length) chars over \(bestLength)", heuristic: "fallback:sections")
                    best = merged
                    bestLength = merged.length
                }
            }
        }
        if bestLength < t.minExtractedChars {
            // Measured before cleanup: the baseline's paragraphs, not what cleanup leaves of them.
            let prose = convert(ProseBaseline.region(clean), page: page)
            let proseLength = prose.length
            if Double(proseLength) >= t.proseFallbackRatio * Double(max(bestLength, 1)) && proseLength >= t.proseFallbackMinChars {
                choices.record(.kept, block: "prose baseline: \(proseLength) chars over \(bestLength)", heuristic: "fallback:prose")
                best = render(prose, page: page)
                bestLength = proseLength
            }
        }
        if bestLength < t.cardTriggerChars {
            let region = Region(tree: clean, roots: CardCollection.cards(clean), mode: .recall, heuristic: "fallback:cards")
            let cards = convert(region, page: page)
            let cardsLength = cards.length
            if Double(cardsLength) >= t.cardRatio * Double(max(bestLength, 1)) && cardsLength >= t.minExtractedChars {
                choices.record(.kept, block: "cards: \(cardsLength) chars over \(bestLength)", heuristic: "fallback:cards")
                best = render(cards, page: page)
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

    /// Stage 5: a product page's JSON-LD description replaces a DOM result that is not much longer than it
    /// (the DOM result is then reviews, marketing panels or related products around a short description);
    /// a headed teaser feed much longer than the result replaces it (listing pages) unless the result is a
    /// story container the page marked itself (`anchored`); on a page that is neither story nor product, its
    /// one `<main>` replaces a result it outgrows within bounds (a listing whose link cards were pruned).
    func pageTypeChoice(
        _ chosen: Rendering, anchored: Bool, clean: PageTree, page: PageContext, choices: inout Trace
    ) -> Rendering {
        let kind = page.kind
        let blocks = chosen.blocks
        if let description = kind.productDescription, !kind.article,
           let described = ProductDescription.preferred(over: blocks, description: description, url: page.url) {
            choices.record(.kept, block: Block.plainText(of: described.blocks, separator: " "), heuristic: "pagetype:product-description")
            return described
        }
        let t = Vocabulary.PageTypeThreshold.self
        guard !anchored, !kind.article, !Self.readsAsStory(blocks) else { return chosen }
        let length = chosen.length
        if let cards = CardCollection.headedFeed(clean, url: page.url) {
            let feed = convert(Region(tree: clean, roots: cards, mode: .recall, heuristic: "pagetype:feed"), page: page)
            // Measured before cleanup, like the other card runs.
            let feedLength = feed.length
            if feedLength >= t.feedMinChars && Double(feedLength) >= t.feedMinRatio * Double(length) {
                choices.record(.kept, block: "headed feed: \(feedLength) chars over \(length)", heuristic: "pagetype:feed")
                return render(feed, page: page)
            }
        }
        if !kind.product, let main = Self.soleMain(clean) {
            let region = render(Region(tree: clean, roots: [main], mode: .recall, heuristic: "pagetype:main"), page: page)
            let ratio = Double(region.length) / Double(max(length, 1))
            if region.length >= t.feedMinChars && ratio >= t.mainRegionRatio && ratio <= t.mainRegionMaxRatio {
                choices.record(.kept, block: "main region: \(region.length) chars over \(length)", heuristic: "pagetype:main")
                return region
            }
        }
        return chosen
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

    /// Stage 7: a shop's grid of priced product tiles much longer than the result is added to it (the result
    /// is then the category's intro text, a promotion or nothing: the tiles, a few words each, read as labels
    /// to every other stage). Not on a single product's page, where a priced grid is related products.
    /// `resultLength`: the characters of the result so far (`Rendering.length`, 0 for none).
    func gridChoice(resultLength length: Int, clean: PageTree, page: PageContext, choices: inout Trace) -> Rendering? {
        guard !page.kind.product || page.kind.collection else { return nil }
        let ratio = Vocabulary.PageTypeThreshold.gridMinRatio
        // The grid must be twice the result's length: a result over half the page's text cannot be outgrown.
        guard Double(length) * ratio <= Double(clean.entries[clean.bodyIndex].chars),
              let region = ProductGrid.region(clean) else { return nil }
        let grid = convert(region, page: page)
        let gridLength = grid.length
        guard !grid.output.blocks.isEmpty, Double(gridLength) >= ratio * Double(length) else { return nil }
        choices.record(.kept, block: "product grid: \(gridLength) chars over \(length)", heuristic: "pagetype:grid")
        return render(grid, page: page)
    }

    /// A site rule's `body`: its nodes are the roots; chaff removal and pruning act inside them only.
    func decide(_ page: consuming PageContext, ruleBody nodes: [Node], prune: Bool) -> Outcome {
        var trace = Trace(enabled: options.explain)
        guard var tree = page.takeTree() else { return Outcome(parts: [], tree: nil, trace: trace) }
        let roots = Self.indices(of: nodes, in: tree)
        guard !roots.isEmpty else { return Outcome(parts: [], tree: tree, trace: trace) }
        ChaffRemoval.run(&tree, ruleBody: roots, prune: prune, trace: &trace)
        if prune {
            ContentPruning.run(&tree, roots: roots, mode: options.mode, url: page.url, ruleBody: true, trace: &trace)
        }
        let region = Region(tree: tree, roots: roots, mode: options.mode, heuristic: "site rule body")
        let rendering = render(region, page: page, cleanup: prune, stageTrace: trace)
        return Outcome(parts: [rendering], tree: tree, trace: rendering.trace)
    }

    /// Tree indices of the given nodes, outermost only, in document order.
    static func indices(of nodes: [Node], in tree: PageTree) -> [Int] {
        let wanted = Set(nodes)
        var result: [Int] = []
        var i = 0
        while i < tree.entries.count {
            if wanted.contains(tree.entries[i].node) {
                result.append(i)
                i = Int(tree.entries[i].end)
            } else {
                i += 1
            }
        }
        return result
    }
}

/// What the decision produced for one page: the renderings whose blocks are the article (the story, and a
/// shop grid appended to it), the tree whose removals `explain` draws, and the decisions that led there.
struct Outcome {
    var parts: [Rendering]
    /// The chosen region's tree (the chaff-free tree when the content came from outside the page), nil for a
    /// document without elements.
    var tree: PageTree?
    var trace: Trace

    /// The article's blocks.
    var blocks: [Block] { parts.flatMap(\.blocks) }

    func result(metadata: Metadata) -> ExtractionResult {
        ExtractionResult(article: Article(metadata: metadata, blocks: blocks), decisions: trace.decisions)
    }
}
