/// Echoed quotes: on a thread, a reply that quotes a post shown above it repeats that post's words. The story
/// already holds them once, so the quote goes (the reply's own words stay).
///
/// A quote is an echo when most of its text (`Threshold.echoMinShare`, at least `echoMinBytes`) is found,
/// compared on letters and digits only, in the blocks kept before it, and the quote and the block it repeats
/// sit in two sibling containers of the same shape (same tag, a class word in common, words with digits
/// ignored): two posts of one thread. An article's pull quote (a quote beside the paragraph it repeats) and
/// an essay quoted again in its commentary (quotes that are themselves the repeated siblings) stay.
extension BlockCleanup {
    /// `input` without the quotes that echo an earlier post; each dropped quote is recorded in `trace`. A list
    /// whose items are posts (each item a post, a reply quoting an earlier item) loses the echoing quotes of
    /// its items the same way: its items are the sibling containers.
    static func dropEchoedQuotes(_ input: BlockOutput, tree: PageTree, trace: inout Trace) -> BlockOutput {
        guard input.blocks.contains(where: holdsQuote) else { return input }
        // The squashed text of the blocks kept so far, one space between blocks, with each block's start.
        var seen: [UInt8] = []
        var starts: [Int] = []
        var out = BlockOutput()
        out.omitted = input.omitted
        var changed = false
        for (k, block) in input.blocks.enumerated() {
            starts.append(seen.count)
            if case .quote = block, let source = echoSource(block, in: seen, starts: starts),
               source < k, isSiblingPost(tree, input.sources[k], input.sources[source]) {
                changed = true
                trace.record(.dropped, block: block.plainText, heuristic: "echoed-quote", sources: input.nodes(of: k))
                continue
            }
            var kept = block
            var itemNodes = input.items[k]
            if case .list(let ordered, let items) = block,
               let trimmed = dropItemEchoes(items, nodes: &itemNodes, trace: &trace) {
                kept = .list(ordered: ordered, items: trimmed)
                changed = true
            }
            out.append(kept, from: input.sources[k], run: input.runs[k], items: itemNodes)
            seen.append(contentsOf: squashed(kept.plainText))
            seen.append(0x20)
        }
        return changed ? out : input
    }

    /// A quote, or a list with a quote at the top of one of its items.
    static func holdsQuote(_ block: Block) -> Bool {
        switch block {
        case .quote: return true
        case .list(_, let items):
            return items.contains { $0.contains { if case .quote = $0 { return true } else { return false } } }
        default: return false
        }
    }

    /// A list's items without the quotes that echo an earlier item, items left empty dropped; nil when nothing
    /// was dropped (or nothing would be left). `nodes` (per item, the nodes of each block; empty without
    /// provenance) is left holding those of the blocks kept.
    static func dropItemEchoes(_ items: [[Block]], nodes: inout [[[Int]]], trace: inout Trace) -> [[Block]]? {
        var earlier: [UInt8] = []
        var out: [[Block]] = []
        var outNodes: [[[Int]]] = []
        var changed = false
        for (i, item) in items.enumerated() {
            var kept: [Block] = []
            var keptNodes: [[Int]] = []
            for (b, block) in item.enumerated() {
                let sources = nodes.indices.contains(i) && nodes[i].indices.contains(b) ? nodes[i][b] : []
                if case .quote = block, echoSource(block, in: earlier, starts: [0]) != nil {
                    trace.record(.dropped, block: block.plainText, heuristic: "echoed-quote", sources: sources)
                    changed = true
                    continue
                }
                kept.append(block)
                keptNodes.append(sources)
            }
            for block in item {
                earlier.append(contentsOf: squashed(block.plainText))
                earlier.append(0x20)
            }
            if !kept.isEmpty {
                out.append(kept)
                outNodes.append(keptNodes)
            }
        }
        guard changed, !out.isEmpty else { return nil }
        if !nodes.isEmpty { nodes = outNodes }
        return out
    }

    /// The index of the earlier block that `quote` repeats, or nil when it is not an echo: its parts of at least
    /// `echoPartMinBytes` found in `seen` must hold `echoMinBytes` and `echoMinShare` of its squashed text.
    static func echoSource(_ quote: Block, in seen: [UInt8], starts: [Int]) -> Int? {
        let t = Vocabulary.Threshold.self
        var parts: [String] = []
        leafTexts(quote, into: &parts)
        var total = 0
        var echoed = 0
        var source: Int?
        for part in parts {
            let key = squashed(part)
            total += key.count
            guard key.count >= t.echoPartMinBytes, let at = seen.firstOffset(of: key) else { continue }
            echoed += key.count
            if source == nil {
                // The block whose text holds the match's start.
                var lo = 0
                var hi = starts.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if starts[mid] <= at { lo = mid } else { hi = mid - 1 }
                }
                source = lo
            }
        }
        guard echoed >= t.echoMinBytes, Double(echoed) >= t.echoMinShare * Double(total) else { return nil }
        return source
    }

    /// The texts of a block's innermost parts: a quote's and a list's blocks, recursively; any other block whole.
    static func leafTexts(_ block: Block, into parts: inout [String]) {
        switch block {
        case .quote(let inner):
            for child in inner { leafTexts(child, into: &parts) }
        case .list(_, let items):
            for item in items { for child in item { leafTexts(child, into: &parts) } }
        default:
            let text = block.plainText
            if !text.isEmpty { parts.append(text) }
        }
    }

    /// The text's letters and digits, ASCII lowercased, with one space for each run of anything else between
    /// them (bytes of non-ASCII characters are kept as they are).
    static func squashed(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var gap = false
        for byte in text.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if isDigit || isLower || byte >= 0x80 {
                if gap && !out.isEmpty { out.append(0x20) }
                gap = false
                out.append(byte)
            } else if isUpper {
                if gap && !out.isEmpty { out.append(0x20) }
                gap = false
                out.append(byte + 0x20)
            } else {
                gap = true
            }
        }
        return out
    }

    /// Whether the nodes `a` and `b` lie in two different children of their nearest common ancestor that have
    /// the same shape (tag, and a class word in common or no class words), each strictly holding its node
    /// (`b` is inside its post, not the post itself).
    static func isSiblingPost(_ tree: PageTree, _ a: Int, _ b: Int) -> Bool {
        let entries = tree.entries
        guard a >= 0, b >= 0, a < entries.count, b < entries.count, a != b else { return false }
        // The child of the common ancestor on `a`'s side: climb from `a` while the parent does not hold `b`.
        func branch(from node: Int, other: Int) -> Int? {
            var current = node
            while true {
                let parent = Int(entries[current].parent)
                guard parent >= 0 else { return nil }
                if parent <= other && other < Int(entries[parent].end) { return current }
                current = parent
            }
        }
        guard let postA = branch(from: a, other: b), let postB = branch(from: b, other: a),
              postA != a, postB != b, entries[postA].tag == entries[postB].tag else { return false }
        let wordsA = classWords(entries[postA].node.attribute("class"))
        let wordsB = classWords(entries[postB].node.attribute("class"))
        if wordsA.isEmpty && wordsB.isEmpty { return true }
        return !wordsA.isDisjoint(with: wordsB)
    }

    /// An element's class words, without the generated ones (any word with a digit: `post-1234`, `css-1x9d`).
    static func classWords(_ value: String?) -> Set<Substring> {
        guard let value else { return [] }
        var words: Set<Substring> = []
        for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        where !word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            words.insert(word)
        }
        return words
    }
}

extension BlockCleanup {
    /// A product's page gives its selling points, delivery terms and specifications once per tab, breakpoint or
    /// variant panel; a thread shows a post again in a reply's preview of it or a pinned summary: a paragraph or
    /// heading of at least `minBytes` repeating an earlier block or list item byte for byte goes, and so does
    /// such a list item (a list left empty goes whole), or such a paragraph or heading inside a list item (a
    /// thread whose posts are list items; an item left empty goes).
    static func dropCopiedTexts(_ input: BlockOutput, minBytes: Int, trace: inout Trace) -> BlockOutput {
        var seen: Set<String> = []
        return BlockOutput.filtered(input) { block, k in
            switch block {
            case .paragraph, .heading:
                let text = block.plainText
                guard text.utf8.count >= minBytes, !seen.insert(text).inserted else { return false }
                trace.record(.dropped, block: text, heuristic: "copy", sources: input.nodes(of: k))
                return true
            default:
                return false
            }
        } listItem: { item, nodes in
            let text = Block.plainText(of: item, separator: "\n")
            let long = text.utf8.count >= minBytes
            if long, seen.contains(text) {
                trace.record(.dropped, block: text, heuristic: "copy", sources: nodes.flatMap { $0 })
                return ([], [])
            }
            // The item's own blocks against what came before the item (a one-paragraph item is its text).
            var texts: [String] = []
            let kept = BlockOutput.keptBlocks(of: item, nodes: nodes) { inner, innerNodes in
                switch inner {
                case .paragraph, .heading:
                    let innerText = inner.plainText
                    guard innerText.utf8.count >= minBytes else { return true }
                    if seen.contains(innerText) {
                        trace.record(.dropped, block: innerText, heuristic: "copy", sources: innerNodes)
                        return false
                    }
                    texts.append(innerText)
                    return true
                default:
                    return true
                }
            }
            if long { seen.insert(text) }
            seen.formUnion(texts)
            return kept
        }
    }
}
