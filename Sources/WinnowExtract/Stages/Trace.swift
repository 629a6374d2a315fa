/// Collects `Decision`s while the stages run; does nothing (and builds no strings) unless enabled.
struct Trace {
    let enabled: Bool
    private(set) var decisions: [Decision] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Records that a node was kept or dropped, by which heuristic and with what score.
    mutating func record(
        _ verdict: Decision.Verdict, _ tree: PageTree, _ index: Int, heuristic: String, score: Double? = nil
    ) {
        guard enabled else { return }
        let preview = String(tree.entries[index].node.text.collapsingWhitespace().prefix(80))
        decisions.append(
            Decision(verdict: verdict, path: tree.path(of: index), heuristic: heuristic, score: score, preview: preview))
    }

    /// Records a decision about a block of output text (no node).
    mutating func record(_ verdict: Decision.Verdict, block text: String, heuristic: String) {
        guard enabled else { return }
        decisions.append(
            Decision(verdict: verdict, path: "block", heuristic: heuristic, score: nil, preview: String(text.prefix(80))))
    }
}
