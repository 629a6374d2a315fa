/// Last-resort fallback (trafilatura's baseline): every paragraph, preformatted block and quote on the page
/// that is not link-heavy, in document order, outermost only.
enum ProseBaseline {
    static func region(_ tree: PageTree) -> Region {
        var out: [Int] = []
        var i = 0
        while i < tree.entries.count {
            let e = tree.entries[i]
            if e.removed {
                i = max(i + 1, Int(e.end))
                continue
            }
            if Vocabulary.proseBaselineTags.contains(e.tag) {
                if e.chars >= Int32(Vocabulary.Threshold.baselineMinChars)
                    && e.linkDensity < Vocabulary.Threshold.baselineMaxLinkDensity { out.append(i) }
                i = Int(e.end)
            } else {
                i += 1
            }
        }
        return Region(tree: tree, roots: out, mode: .recall, heuristic: "fallback:prose")
    }
}
