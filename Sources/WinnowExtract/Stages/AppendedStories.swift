import WinnowDOM

/// Stage (inside `ContentPruning`, on a story's page): whole other stories set after the page's own, as an
/// endless-scroll page appends them — sibling `<article>` elements after the one that holds the page's headline,
/// each with a headline of its own and prose, often under a short label ("Next story").
///
/// A teaser card is small (`TeaserCards`); an appended story is as long as the page's own or longer, so the
/// scorer takes their common parent and both stories come out. The signals need no words: the page's headline
/// (its title or `og:title`, matched as `BlockCleanup.isTitle` matches the title heading) inside one
/// `<article>`, and later sibling `<article>`s with other headlines. Without a headline match nothing goes: a
/// blog's front page of posts, or a thread's posts, keep every one.
enum AppendedStories {
    /// The later `<article>` siblings to remove, with the short labels right above them.
    static func removals(_ tree: PageTree, roots: [Int], titles: [String]) -> [Int] {
        let wanted = titles.map(BlockCleanup.normalize).filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return [] }
        var out: [Int] = []
        for root in roots {
            var i = root
            let end = Int(tree.entries[root].end)
            while i < end {
                let e = tree.entries[i]
                // Only a subtree with headings can hold two stories.
                guard !e.removed, e.chars > 0, e.headingChars > 0, e.tag != .text, e.firstChild >= 0 else {
                    i = max(i + 1, Int(e.end))
                    continue
                }
                let found = appended(tree, parent: i, titles: wanted)
                if !found.isEmpty {
                    out += found
                    i = Int(e.end)
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Under `parent`: the `<article>` children after the one holding the page's headline that hold a headline
    /// of their own and prose, each with the short label siblings right before it.
    static func appended(_ tree: PageTree, parent: Int, titles: [String]) -> [Int] {
        // Counted first, so that a node without two `<article>` children (nearly every one) builds no array.
        var articles = 0
        var child = Int(tree.entries[parent].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if c.tag == .article && !c.removed && c.chars > 0 { articles += 1 }
            child = Int(c.nextSibling)
        }
        guard articles >= 2 else { return [] }
        var children: [Int] = []
        child = Int(tree.entries[parent].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if !c.removed && c.chars > 0 && c.tag != .comment { children.append(child) }
            child = Int(c.nextSibling)
        }
        guard let own = children.firstIndex(where: {
                  tree.entries[$0].tag == .article && holdsHeadline(tree, $0, titles: titles)
              }),
              Int(tree.entries[children[own]].chars) >= Vocabulary.Threshold.teaserStoryMinChars
        else { return [] }
        var out: [Int] = []
        var labels: [Int] = []
        for index in children[(own + 1)...] {
            let c = tree.entries[index]
            if c.tag == .article, c.headingChars > 0, c.paragraphs > 0, !holdsHeadline(tree, index, titles: titles) {
                out += labels + [index]
                labels = []
            } else if TeaserCards.isLabel(tree, index) {
                labels.append(index)
            } else {
                labels = []
            }
        }
        return out
    }

    /// Whether a heading inside `i` is the page's headline.
    static func holdsHeadline(_ tree: PageTree, _ i: Int, titles: [String]) -> Bool {
        guard tree.entries[i].headingChars > 0 else { return false }
        for j in i..<Int(tree.entries[i].end) where tree.entries[j].tag.headingLevel != nil && !tree.entries[j].removed {
            let heading = BlockCleanup.normalize(tree.entries[j].node.text)
            if titles.contains(where: { BlockCleanup.isTitle(heading, $0) }) { return true }
        }
        return false
    }
}
