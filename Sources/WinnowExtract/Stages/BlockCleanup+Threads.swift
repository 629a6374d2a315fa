extension BlockCleanup {
    /// A thread shows each post's vote count, score or number as a line of its own ("12", "-3"): a paragraph
    /// that is only such a counter goes, at the top level and inside a list item (threads whose posts are
    /// `<li>`; an item left empty goes, and a list left empty goes whole).
    static func dropCounters(_ input: BlockOutput, trace: inout Trace) -> BlockOutput {
        BlockOutput.filtered(input) { block, k in
            guard case .paragraph = block, isCounter(block.plainText) else { return false }
            trace.record(.dropped, block: block.plainText, heuristic: "thread-counter", sources: input.nodes(of: k))
            return true
        } listItem: { item, nodes in
            BlockOutput.keptBlocks(of: item, nodes: nodes) { inner, innerNodes in
                guard case .paragraph = inner, isCounter(inner.plainText) else { return true }
                trace.record(.dropped, block: inner.plainText, heuristic: "thread-counter", sources: innerNodes)
                return false
            }
        }
    }

    /// Only ASCII digits, at most `Threshold.threadCounterMaxDigits` of them, after an optional sign.
    static func isCounter(_ text: String) -> Bool {
        var digits = 0
        for (k, byte) in text.utf8.enumerated() {
            if k == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) { continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
            digits += 1
        }
        return digits > 0 && digits <= Vocabulary.Threshold.threadCounterMaxDigits
    }
}
