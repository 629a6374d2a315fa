/// Last-resort fallback for listing and collection pages: the story is a feed of teaser cards (a heading link
/// plus a summary, all of it links), which the link-density rules prune as navigation. When nothing else gave
/// text, the page's largest run of same-tag sibling cards, each long enough to hold a sentence, is the content.
/// A headed feed (every card has a headline) also competes with a normal result (`headedFeed`).
enum CardCollection {
    /// One tag's qualifying children under the parent being scanned.
    private struct TagRun {
        var tag: HTMLTag
        var count: Int
        var chars: Int
    }

    /// The cards' indices in document order, or an empty array when no parent has enough cards.
    static func cards(_ tree: PageTree) -> [Int] {
        let t = Vocabulary.Threshold.self
        var bestParent = -1
        var bestTag = HTMLTag.div
        var bestChars = 0
        var runs: [TagRun] = []
        runs.reserveCapacity(8)
        for i in 0..<tree.entries.count {
            let e = tree.entries[i]
            guard !e.removed, e.tag != .text, e.tag != .comment, e.chars >= Int32(t.cardMinChars * t.cardMinCount) else {
                continue
            }
            runs.removeAll(keepingCapacity: true)
            var child = Int(e.firstChild)
            while child >= 0 {
                let c = tree.entries[child]
                child = Int(c.nextSibling)
                guard isCard(c) else { continue }
                if let k = runs.firstIndex(where: { $0.tag == c.tag }) {
                    runs[k].count += 1
                    runs[k].chars += Int(c.chars)
                } else {
                    runs.append(TagRun(tag: c.tag, count: 1, chars: Int(c.chars)))
                }
            }
            for run in runs where run.count >= t.cardMinCount && run.chars > bestChars {
                bestParent = i
                bestTag = run.tag
                bestChars = run.chars
            }
        }
        guard bestParent >= 0 else { return [] }
        var out: [Int] = []
        var child = Int(tree.entries[bestParent].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if c.tag == bestTag && isCard(c) { out.append(child) }
            child = Int(c.nextSibling)
        }
        // The run's short cards (a brief headline) belong to it too, once its long ones made it a feed; not in a
        // shop grid (a price on most cards), whose truth is as often the category text.
        let priced = out.filter({ hasPrice(tree.entries[$0].node.text) }).count
        guard Double(priced) < Vocabulary.PageTypeThreshold.shopGridPricedShare * Double(out.count) else { return out }
        out.removeAll(keepingCapacity: true)
        child = Int(tree.entries[bestParent].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if c.tag == bestTag && isCard(c, minChars: t.cardSiblingMinChars) { out.append(child) }
            child = Int(c.nextSibling)
        }
        return out
    }

    /// A sibling long enough to hold a sentence whose links, if any, are long (a teaser's headline and summary),
    /// not a menu column of short links.
    private static func isCard(_ c: PageTree.Entry, minChars: Int = Vocabulary.Threshold.cardMinChars) -> Bool {
        let t = Vocabulary.Threshold.self
        guard !c.removed, c.tag != .text, c.tag != .comment, c.chars >= Int32(minChars) else { return false }
        return c.links == 0 || c.linkChars >= Int32(t.cardMinLinkChars) * c.links
    }

    /// A teaser feed: at least `feedMinCards` cards, every one of them headed (a headline per card is what
    /// tells a feed of stories or products from a run of comments, menu columns or spec rows). Its cards, or
    /// nil when the page has no such feed.
    static func headedFeed(_ tree: PageTree, url: String?) -> [Int]? {
        let roots = cards(tree)
        guard roots.count >= Vocabulary.PageTypeThreshold.feedMinCards,
              roots.allSatisfy({ tree.entries[$0].headingChars > 0 }) else { return nil }
        // Product tiles (a price on most cards) are a shop grid, whose truth is as often the category text.
        let priced = roots.filter { hasPrice(tree.entries[$0].node.text) }.count
        guard Double(priced) < Vocabulary.PageTypeThreshold.shopGridPricedShare * Double(roots.count) else { return nil }
        return roots
    }

    /// A currency sign next to a digit ("$19", "19,99 €").
    static func hasPrice(_ text: String) -> Bool {
        // Most cards have no currency sign at all: a byte search rules them out before any character iteration.
        guard currencySignScreen.matches(text) else { return false }
        var previous: Character = " "
        var previousIsNumber = false
        for c in text {
            // The digit test first: it is cheap, and most characters fail it before any set lookup.
            let isNumber = isNumber(c)
            if previousIsNumber && Vocabulary.currencySigns.contains(c) { return true }
            if isNumber && Vocabulary.currencySigns.contains(previous) { return true }
            if !isWhitespace(c) {
                previous = c
                previousIsNumber = isNumber
            }
        }
        return false
    }

    /// `Character.isNumber`, read from the first byte when that is ASCII (only 0-9 are numbers there): the
    /// property lookup costs far more than the byte test, once per character of every priced card.
    private static func isNumber(_ c: Character) -> Bool {
        if let byte = c.utf8.first, byte < 0x80 { return byte >= 0x30 && byte <= 0x39 }
        return c.isNumber
    }

    /// `Character.isWhitespace` likewise (ASCII whitespace: tab to carriage return, and space).
    private static func isWhitespace(_ c: Character) -> Bool {
        if let byte = c.utf8.first, byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        return c.isWhitespace
    }

    private static let currencySignScreen = FragmentScreen(Vocabulary.currencySigns.map { String($0) })
}
