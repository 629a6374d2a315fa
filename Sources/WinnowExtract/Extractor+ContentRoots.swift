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
            ContentPruning.run(&tree, roots: roots, mode: options.mode, trace: &trace)
        }
        var reasons: [String: String] = [:]
        for decision in trace.decisions where decision.verdict == .dropped {
            reasons[decision.path + "\u{1}" + decision.preview] = decision.reason
        }
        var dropped: [NodeVerdict] = []
        var i = 1
        while i < tree.entries.count {
            let entry = tree.entries[i]
            if entry.removed && entry.node.isElement {
                let preview = String(entry.node.text.collapsingWhitespace().prefix(80))
                if !preview.isEmpty {
                    let reason = reasons[tree.path(of: i) + "\u{1}" + preview] ?? "removed by the generic extractor"
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
    static func clean(_ tree: inout PageTree, roots: [Int], prune: Bool, mode: ExtractionMode, trace: inout Trace) {
        let before = tree.entries.map(\.removed)
        if prune {
            ChaffRemoval.run(&tree, keepComments: false, trace: &trace)
        }
        for root in roots {
            let end = Int(tree.entries[root].end)
            let rootDropped = prune && tree.isRemoved(root)
            // Outside the roots nothing matters; a root dropped whole is restored and cleaned minimally.
            if !prune || rootDropped {
                for j in root..<end { tree.entries[j].removed = before[j] }
                var j = root + 1
                while j < end {
                    let entry = tree.entries[j]
                    if Vocabulary.dropTags.contains(entry.tag) {
                        for k in j..<Int(entry.end) { tree.entries[k].removed = true }
                        j = Int(entry.end)
                    } else {
                        j += 1
                    }
                }
            }
        }
        tree.aggregate()
        if prune { ContentPruning.run(&tree, roots: roots, mode: mode, trace: &trace) }
    }
}
