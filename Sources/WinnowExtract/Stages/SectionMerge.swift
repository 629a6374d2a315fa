/// Fallback for landing and service pages: the copy is spread over many sibling sections (a hero, feature
/// blocks, an FAQ), each scoring about the same, so the single best node holds a fraction of it. When the
/// result is short, every well-scoring section-like node that is not inside (or around) another chosen one
/// joins, in document order (rs-trafilatura's "multi-candidate merge", reimplemented on the page tree).
enum SectionMerge {
    /// The merged sections' roots in document order, or an empty array when fewer than two qualify.
    static func roots(_ tree: PageTree) -> [Int] {
        var scored = tree.copied()
        CandidateSelection.score(&scored)
        return roots(scored: scored)
    }

    /// `roots(_:)` on a tree whose Readability scores are already computed.
    private static func roots(scored: PageTree) -> [Int] {
        let t = Vocabulary.Threshold.self
        let bodyChars = Double(scored.entries[scored.bodyIndex].chars)
        var candidates: [Int] = []
        for i in 1..<scored.entries.count {
            let e = scored.entries[i]
            guard e.scored, !e.removed, Vocabulary.sectionTags.contains(e.tag),
                e.categories.isDisjoint(with: Vocabulary.negativeScore),
                e.linkDensity < t.sectionMaxLinkDensity, Double(e.chars) < t.sectionMaxPageShare * bodyChars,
                // A stream of teasers under the story is not a section of it.
                CandidateSelection.teaserProse(scored, in: i) <= t.teaserFeedShare * CandidateSelection.prose(e)
            else { continue }
            candidates.append(i)
        }
        candidates.sort { CandidateSelection.finalScore(scored.entries[$0]) > CandidateSelection.finalScore(scored.entries[$1]) }
        guard let best = candidates.first else { return [] }
        let floor = t.sectionMinScoreShare * CandidateSelection.finalScore(scored.entries[best])
        var chosen: [Int] = []
        var chars = 0
        for c in candidates {
            let e = scored.entries[c]
            if CandidateSelection.finalScore(e) < floor { break }
            if chosen.contains(where: { scored.contains($0, c) || scored.contains(c, $0) }) { continue }
            if chars + Int(e.chars) > t.sectionMaxChars { continue }
            chosen.append(c)
            chars += Int(e.chars)
        }
        return chosen.count >= 2 ? chosen.sorted() : []
    }

    /// The merged sections as a region, pruned as a story would be; nil unless two or more qualify.
    static func region(_ tree: PageTree, url: String?, trace: inout Trace) -> Region? {
        // One copy serves scoring and pruning (pruning does not read scores).
        var work = tree.copied()
        CandidateSelection.score(&work)
        let roots = roots(scored: work)
        guard !roots.isEmpty else { return nil }
        ContentPruning.run(&work, roots: roots, mode: .balanced, url: url, trace: &trace)
        return Region(tree: work, roots: roots, mode: .balanced, heuristic: "fallback:sections")
    }
}
