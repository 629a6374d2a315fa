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
    /// The elements each output block came from, in output order (a block from a JSON-LD description has none).
    public let sources: [Node]

    /// A map from its parts (an empty one for a page with no content).
    public init(roots: [NodeVerdict], dropped: [NodeVerdict], sources: [Node] = []) {
        self.roots = roots
        self.dropped = dropped
        self.sources = sources
    }
}

extension Extractor {
    /// The decisions that produce `extract(from:)`'s article (or, with `contentRoots`,
    /// `extract(from:contentRoots:prune:)`'s), node by node, for drawing them on the page.
    public func contentMap(of document: Document, contentRoots: [Node]? = nil, prune: Bool = true) -> ContentMap {
        var options = self.options
        options.explain = true
        let extractor = Extractor(options: options)
        let page = PageContext(document: document, url: options.url ?? document.url)
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
        for part in parts where part.region.onPage {
            roots += part.region.roots.map { NodeVerdict(node: tree.entries[$0].node, reason: part.region.heuristic) }
            kept += part.output.sources
            sources += part.output.sources.map { tree.entries[$0].node }
        }
        kept.sort()
        var dropped: [(index: Int, verdict: NodeVerdict)] = []
        // Removed nodes: the outermost of each removed part that shows text.
        var i = 1
        while i < tree.entries.count {
            let entry = tree.entries[i]
            guard entry.removed && entry.node.isElement else {
                i += 1
                continue
            }
            // Never-visible parts (head, scripts, embeds) need no explaining.
            if !Vocabulary.dropTags.contains(entry.tag) && !entry.node.text.allSatisfy(\.isWhitespace) {
                let reason = trace.droppedNodes[i] ?? "no heuristic recorded"
                dropped.append((i, NodeVerdict(node: entry.node, reason: reason)))
            }
            i = Int(entry.end)
        }
        // Nodes whose blocks cleanup dropped (or whose region was dropped whole), unless they also hold a kept
        // block's source (a container's loose byline beside its kept paragraphs).
        for (index, reason) in trace.droppedNodes where index < tree.entries.count && !tree.entries[index].removed {
            let end = Int(tree.entries[index].end)
            if Self.containsAny(kept, from: index, to: end) || Self.insideRemoved(tree, index) { continue }
            dropped.append((index, NodeVerdict(node: tree.entries[index].node, reason: reason)))
        }
        dropped.sort { $0.index < $1.index }
        return ContentMap(roots: roots, dropped: dropped.map(\.verdict), sources: sources)
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
