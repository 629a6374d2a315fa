import WinnowDOM

/// A node the content stages removed (or kept as a root), with the reason — for `winnow explain --html`.
///
/// Not `Sendable`: it holds a node of the document it was computed on.
public struct NodeVerdict {
    /// The outermost node of the removed (or kept) part.
    public let node: Node
    /// The heuristic that decided, e.g. `category:related` or `chrome:nav`.
    public let reason: String

    /// A verdict from its parts.
    public init(node: Node, reason: String) {
        self.node = node
        self.reason = reason
    }
}

/// What the content stages decided about one page, node by node (roots kept, outermost nodes dropped).
public struct ContentMap {
    /// The story's roots, in document order.
    public let roots: [NodeVerdict]
    /// Outermost removed nodes that held text, in document order.
    public let dropped: [NodeVerdict]

    /// A map from its parts (an empty one for a page with no content).
    public init(roots: [NodeVerdict], dropped: [NodeVerdict]) {
        self.roots = roots
        self.dropped = dropped
    }
}

extension Extractor {
    /// The article made from given content roots only — the nodes a site rule's `body` selected.
    ///
    /// The page tree is built for the whole page (so class categories and aggregates are the same as in
    /// `extract(from:)`), but only `contentRoots` are converted. With `prune`, chaff removal and
    /// `ContentPruning` run inside the roots and `BlockCleanup` tidies the blocks (FTR's `prune: yes`, the
    /// default); a root that page-wide chaff removal would drop whole is kept, since the rule asked for it.
    /// Without `prune`, only never-text elements (scripts, styles, embeds) are skipped.
    /// `metadata` lets the caller pass metadata read before rules stripped the page; nil reads it here.
    public func extract(
        from document: Document, contentRoots: [Node], prune: Bool, metadata: Metadata? = nil
    ) -> ExtractionResult {
        var trace = Trace(enabled: options.explain)
        let url = options.url ?? document.url
        let metadata = metadata ?? MetadataExtractor.extract(from: document, url: url)
        guard let top = document.root ?? document.body else {
            return ExtractionResult(article: Article(metadata: metadata), decisions: trace.decisions)
        }
        var tree = PageTree(root: top)
        tree.aggregate()
        let roots = Self.indices(of: contentRoots, in: tree)
        guard !roots.isEmpty else {
            return ExtractionResult(article: Article(metadata: metadata), decisions: trace.decisions)
        }
        Self.clean(&tree, roots: roots, prune: prune, mode: options.mode, trace: &trace)
        var blocks = BlockConverter(tree: tree, mode: options.mode, url: url).blocks(of: roots)
        if prune {
            let titles = [metadata.title, document.title].compactMap { $0 }
            blocks = BlockCleanup.run(blocks, titles: titles, trace: &trace)
        }
        return ExtractionResult(article: Article(metadata: metadata, blocks: blocks), decisions: trace.decisions)
    }

    /// The node-level decisions of the content stages, for drawing them on the page: with `contentRoots`
    /// as `extract(from:contentRoots:prune:)` makes them, without as the generic first pass does (the
    /// short-result fallbacks are not replayed).
    public func contentMap(of document: Document, contentRoots: [Node]? = nil, prune: Bool = true) -> ContentMap {
        var trace = Trace(enabled: true)
        guard let top = document.root ?? document.body else { return ContentMap(roots: [], dropped: []) }
        var tree = PageTree(root: top)
        tree.aggregate()
        var roots: [Int]
        var rootReason: String
        if let contentRoots {
            roots = Self.indices(of: contentRoots, in: tree)
            rootReason = "site rule body"
            Self.clean(&tree, roots: roots, prune: prune, mode: options.mode, trace: &trace)
        } else {
            ChaffRemoval.run(&tree, keepComments: PageProfile.isDiscussion(tree), trace: &trace)
            let choice = CandidateSelection.run(&tree, mode: options.mode, useAnchors: true, trace: &trace)
            roots = choice.roots
            rootReason = choice.heuristic
            ContentPruning.run(&tree, roots: roots, mode: options.mode, url: options.url ?? document.url, trace: &trace)
        }
        var reasons: [String: String] = [:]
        for decision in trace.decisions where decision.verdict == .dropped {
            reasons[decision.path + "\u{1}" + decision.preview] = decision.reason
        }
        var dropped: [NodeVerdict] = []
        var i = 1
        while i < tree.entries.count {
            let entry = tree.entries[i]
            if entry.removed && entry.node.isElement && Vocabulary.dropTags.contains(entry.tag) {
                // Never-visible parts (head, scripts, embeds) need no explaining.
                i = Int(entry.end)
            } else if entry.removed && entry.node.isElement {
                let preview = String(entry.node.text.collapsingWhitespace().prefix(80))
                if !preview.isEmpty {
                    let reason = reasons[tree.path(of: i) + "\u{1}" + preview] ?? "no heuristic recorded"
                    dropped.append(NodeVerdict(node: entry.node, reason: reason))
                }
                i = Int(entry.end)
            } else {
                i += 1
            }
        }
        return ContentMap(roots: roots.map { NodeVerdict(node: tree.entries[$0].node, reason: rootReason) },
                          dropped: dropped)
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

    /// Removes chaff inside the roots only (see `extract(from:contentRoots:prune:metadata:)`).
    ///
    /// With `prune`, this is `ChaffRemoval`'s test restricted to the roots, minus page chrome: a `<nav>`,
    /// `<aside>` or `role=complementary` inside the container a rule selected is there on purpose (a reading
    /// list, a timeline box); what the rule author does not want they strip by name. Then `ContentPruning`.
    static func clean(_ tree: inout PageTree, roots: [Int], prune: Bool, mode: ExtractionMode, trace: inout Trace) {
        for root in roots {
            let end = Int(tree.entries[root].end)
            let rootChars = Double(max(tree.entries[root].chars, 1))
            let protectedChars = Vocabulary.Threshold.protectedShare * rootChars
            let protectedProse = max(
                Vocabulary.Threshold.protectedProseShare * Double(tree.entries[root].paragraphChars), 500)
            var j = root + 1
            while j < end {
                let entry = tree.entries[j]
                var reason: String?
                if entry.tag == .comment {
                    reason = ""
                } else if entry.tag == .text {
                    reason = nil
                } else if Vocabulary.dropTags.contains(entry.tag) {
                    reason = "tag:\(entry.node.name)"
                } else if !prune {
                    reason = nil
                } else if Vocabulary.smallDropTags.contains(entry.tag) {
                    if entry.chars < Int32(Vocabulary.Threshold.smallDropChars) || (entry.tag == .noscript && !entry.containsBlock) {
                        reason = "tag:\(entry.node.name)"
                    }
                } else if entry.categories.contains(.widgetRole) && entry.chars < Int32(Vocabulary.Threshold.smallDropChars) {
                    reason = "widget-role"
                } else if entry.hidden {
                    if Double(entry.paragraphChars) < protectedProse { reason = "hidden" }
                } else if Double(entry.chars) < protectedChars, !entry.categories.isDisjoint(with: Vocabulary.pageChaff),
                          !entry.categories.contains(.articleBody) {
                    reason = "category:" + entry.categories.intersection(Vocabulary.pageChaff).label
                }
                if let reason {
                    if !reason.isEmpty && entry.chars > 0 { trace.record(.dropped, tree, j, heuristic: reason) }
                    for k in j..<Int(entry.end) { tree.entries[k].removed = true }
                    j = Int(entry.end)
                } else {
                    j += 1
                }
            }
        }
        tree.aggregate()
        if prune { pruneInside(&tree, roots: roots, mode: mode, trace: &trace) }
    }

    /// `ContentPruning` inside rule-selected roots, except that sidebar/chrome class words and chrome tags do
    /// not remove anything: inside the chosen container they name boxes the author wants (FTR's prune keeps
    /// `<aside>` too). Share bars, related lists, link farms and bylines still go.
    static func pruneInside(_ tree: inout PageTree, roots: [Int], mode: ExtractionMode, trace: inout Trace) {
        let total = roots.reduce(0) { $0 + Int(tree.entries[$1].chars) }
        guard total > 0 else { return }
        func allowed(_ removals: [ContentPruning.Removal]) -> [ContentPruning.Removal] {
            removals.filter { removal in
                let entry = tree.entries[removal.index]
                if Vocabulary.chromeTags.contains(entry.tag) && removal.heuristic.hasPrefix("category:") { return false }
                return !(removal.heuristic.hasPrefix("category:") && entry.categories.intersection(
                    Vocabulary.contentChaff.union(.chromeRole)).subtracting([.sidebar, .chromeRole]).isEmpty)
            }
        }
        var removals = allowed(ContentPruning.plan(tree, roots: roots, total: total, mode: mode, useCategories: true))
        let removedChars = removals.reduce(0) { $0 + Int(tree.entries[$1.index].chars) }
        if Double(removedChars) > Vocabulary.Threshold.maxPrunedShare * Double(total) {
            removals = allowed(ContentPruning.plan(tree, roots: roots, total: total, mode: mode, useCategories: false))
        }
        for removal in removals {
            trace.record(.dropped, tree, removal.index, heuristic: removal.heuristic, score: removal.score)
            for j in removal.index..<Int(tree.entries[removal.index].end) { tree.entries[j].removed = true }
        }
        tree.aggregate()
    }
}
