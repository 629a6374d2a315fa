/// Collects `Decision`s while the stages run; does nothing (and builds no strings) unless enabled.
///
/// Besides the readable decisions it keeps, per tree index, the heuristic that removed a node or dropped the
/// block a node produced: `ContentMap` draws exactly these on the page.
struct Trace {
    let enabled: Bool
    private(set) var decisions: [Decision] = []
    /// Tree index → the heuristic that dropped the node (or the output block it produced).
    private(set) var droppedNodes: [Int: String] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    /// Records that a node was kept or dropped, by which heuristic and with what score.
    mutating func record(
        _ verdict: Decision.Verdict, _ tree: PageTree, _ index: Int, heuristic: String, score: Double? = nil
    ) {
        guard enabled else { return }
        let preview = String(tree.entries[index].node.text.collapsingWhitespace().prefix(80))
        let decision = Decision(verdict: verdict, path: tree.path(of: index), heuristic: heuristic, score: score, preview: preview)
        decisions.append(decision)
        if verdict == .dropped { droppedNodes[index] = decision.reason }
    }

    /// Records a decision about a block of output text; `sources` are the tree indices of the nodes it came from.
    mutating func record(_ verdict: Decision.Verdict, block text: String, heuristic: String, sources: [Int] = []) {
        guard enabled else { return }
        decisions.append(
            Decision(verdict: verdict, path: "block", heuristic: heuristic, score: nil, preview: String(text.prefix(80))))
        if verdict == .dropped { for source in sources { droppedNodes[source] = heuristic } }
    }

    /// Records nodes whose text a stage leaves out without a decision of its own (a figure's credit line).
    mutating func recordOmitted(_ nodes: [Int], heuristic: String) {
        guard enabled else { return }
        for node in nodes where droppedNodes[node] == nil { droppedNodes[node] = heuristic }
    }

    /// Appends another trace's records (a pass whose result was chosen).
    mutating func append(_ other: Trace) {
        guard enabled else { return }
        decisions += other.decisions
        droppedNodes.merge(other.droppedNodes) { _, new in new }
    }
}
