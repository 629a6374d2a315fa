/// Last-resort fallback (trafilatura's baseline): every paragraph, preformatted block and quote on the page
/// that is not link-heavy, in document order, outermost only.
enum ProseBaseline {
    static func blocks(_ tree: PageTree, url: String?) -> [Block] {
        let converter = BlockConverter(tree: tree, mode: .recall, url: url)
        var out: [Block] = []
        var i = 0
        while i < tree.entries.count {
            let e = tree.entries[i]
            if e.removed {
                i = max(i + 1, Int(e.end))
                continue
            }
            if Vocabulary.proseBaselineTags.contains(e.tag) {
                if e.chars >= Int32(Vocabulary.Threshold.baselineMinChars) && e.linkDensity < Vocabulary.Threshold.baselineMaxLinkDensity { converter.emitBlock(i, into: &out, depth: 0) }
                i = Int(e.end)
            } else {
                i += 1
            }
        }
        return out
    }
}
