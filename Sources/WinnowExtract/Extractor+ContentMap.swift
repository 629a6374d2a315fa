import WinnowDOM

/// A node the decision kept as a root or removed, with the reason — for `winnow explain --html`.
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

/// What the decision did to one page, node by node: the roots of the regions the article came from, the
/// outermost removed nodes, and the nodes whose blocks cleanup dropped. Read from the same `Outcome` as the
/// article, so what it shows kept is what the output holds.
public struct ContentMap {
    /// The story's roots, in document order.
    public let roots: [NodeVerdict]
    /// Outermost removed nodes that held text, and nodes whose output blocks were dropped, in document order.
    public let dropped: [NodeVerdict]
    /// The elements each output block from the page came from, in output order.
    public let sources: [Node]
    /// Output text that is on no node of the page (a shop's JSON-LD product description), in output order
    /// before the page's parts.
    public let outsideText: [String]

    /// A map from its parts (an empty one for a page with no content).
    public init(roots: [NodeVerdict], dropped: [NodeVerdict], sources: [Node] = [], outsideText: [String] = []) {
        self.roots = roots
        self.dropped = dropped
        self.sources = sources
        self.outsideText = outsideText
    }
}

extension Extractor {
    /// The decisions that produce `extract(from:)`'s article (or, with `contentRoots`,
    /// `extract(from:contentRoots:prune:)`'s), node by node, for drawing them on the page. `scan` is what the
    /// extraction was given (the metadata scan before site rules stripped the page), nil to scan here.
    public func contentMap(
        of document: Document, contentRoots: [Node]? = nil, prune: Bool = true, scan: MetadataExtractor.PageScan? = nil
    ) -> ContentMap {
        var options = self.options
        options.explain = true
        let extractor = Extractor(options: options)
        let page = PageContext(document: document, url: options.url ?? document.url, scan: scan)
        let outcome = contentRoots.map { extractor.decide(page, ruleBody: $0, prune: prune) } ?? extractor.decide(page)
        return outcome.map
    }
}

extension Outcome {
    /// The node-level view of the outcome (see `ContentMap`).
    var map: ContentMap {
        guard let tree else { return ContentMap(roots: [], dropped: []) }
        var roots: [NodeVerdict] = []
        var kept: [Int] = []
        var sources: [Node] = []
        var outside: [String] = []
        // Each part's removals are drawn from its own tree inside its roots (a shop grid shows prices the story's
        // pass hid); everything else from the chosen region's tree.
        var scopes: [(tree: PageTree, ranges: [Range<Int>])] = []
        var covered: [Range<Int>] = []
        for part in parts {
            guard part.region.onPage else {
                outside.append(Block.plainText(of: part.blocks, separator: "\n\n"))
                continue
            }
            let partTree = part.region.tree
            roots += part.region.roots.map { NodeVerdict(node: partTree.entries[$0].node, reason: part.region.heuristic) }
            kept += part.output.sources + part.output.runs.joined()
                + part.output.items.joined().joined().joined()
            sources += part.output.sources.map { partTree.entries[$0].node }
            let ranges = part.region.roots.map { $0..<Int(partTree.entries[$0].end) }
            scopes.append((partTree, ranges))
            covered += ranges
        }
        scopes.append((tree, [1..<tree.entries.count]))
        kept.sort()
        var dropped: [(index: Int, verdict: NodeVerdict)] = []
        var drawn = Set<Int>()
        for (k, scope) in scopes.enumerated() {
            let isMain = k == scopes.count - 1
            for range in scope.ranges {
                var i = range.lowerBound
                while i < range.upperBound {
                    let entry = scope.tree.entries[i]
                    // The main tree is drawn outside the parts' roots only.
                    if isMain, let inside = covered.first(where: { $0.contains(i) }) {
                        i = max(i + 1, inside.upperBound)
                        continue
                    }
                    guard entry.removed && entry.node.isElement else {
                        i += 1
                        continue
                    }
                    // Another part's roots overlap this removal (a shop grid appended to a story whose pass pruned
                    // the tiles): that part draws them; here only what lies outside them.
                    let end = Int(entry.end)
                    if let other = scopes.indices.first(where: { $0 != k && $0 != scopes.count - 1
                        && scopes[$0].ranges.contains { $0.lowerBound < end && i < $0.upperBound } }) {
                        if let inside = scopes[other].ranges.first(where: { $0.contains(i) }) {
                            i = inside.upperBound
                        } else {
                            i += 1
                        }
                        continue
                    }
                    // Never-visible parts (head, scripts, embeds) need no explaining.
                    if !Vocabulary.dropTags.contains(entry.tag) && !entry.node.text.allSatisfy(\.isWhitespace) {
                        let reason = trace.droppedNodes[i] ?? "no heuristic recorded"
                        dropped.append((i, NodeVerdict(node: entry.node, reason: reason)))
                        drawn.insert(i)
                    }
                    i = Int(entry.end)
                }
            }
        }
        // Nodes whose blocks cleanup dropped (or whose region was dropped whole), unless they also hold a kept
        // block's source (a container's loose byline beside its kept paragraphs) or lie in a drawn removal.
        for (index, reason) in trace.droppedNodes where index < tree.entries.count && !drawn.contains(index) {
            let scopeTree = scopes.first { $0.ranges.contains { $0.contains(index) } }?.tree ?? tree
            // A removal (drawn above, or revealed by the part that shows it) is not a dropped block.
            if scopeTree.entries[index].removed || tree.entries[index].removed { continue }
            let end = Int(scopeTree.entries[index].end)
            if Self.containsAny(kept, from: index, to: end) || Self.insideRemoved(scopeTree, index) { continue }
            dropped.append((index, NodeVerdict(node: scopeTree.entries[index].node, reason: reason)))
        }
        dropped.sort { $0.index < $1.index }
        return ContentMap(roots: roots, dropped: dropped.map(\.verdict), sources: sources, outsideText: outside)
    }

    /// Whether sorted `indices` has a value in `from..<to`.
    static func containsAny(_ indices: [Int], from: Int, to: Int) -> Bool {
        var low = 0, high = indices.count
        while low < high {
            let mid = (low + high) / 2
            if indices[mid] < from { low = mid + 1 } else { high = mid }
        }
        return low < indices.count && indices[low] < to
    }

    /// Whether an ancestor of `index` is removed (the removed part is drawn already).
    static func insideRemoved(_ tree: PageTree, _ index: Int) -> Bool {
        var k = Int(tree.entries[index].parent)
        while k >= 0 {
            if tree.entries[k].removed { return true }
            k = Int(tree.entries[k].parent)
        }
        return false
    }
}
