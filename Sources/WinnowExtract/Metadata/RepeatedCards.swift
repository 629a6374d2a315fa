import WinnowDOM

/// Whether a byline or date sits in one card of a run of like cards: a blog index's or a section page's
/// teasers (linked headline, "By Jane Doe", "3 May 2031"), a grid of posts under the story. Such a credit is the
/// card's, not the page's. The test is structural and needs no words: going up from the value's node, an element
/// that holds a linked headline and has element siblings of its own tag and class that hold one too, at least
/// `Vocabulary.Threshold.cardRunMin` of them in all. A story's own header is one of a kind; a forum's posts are
/// a run of like blocks too, which is why the caller leaves threads alone.
///
/// Two like cards are a run too ("Next story" and "Previous story" teasers under a story) on a page that has its
/// own `<h1>` headline outside them, when each card holds exactly one linked headline: two layout columns of a
/// theme without an `<h1>` (the post's linked title in one, a sidebar's in the other) are not cards, nor is a
/// block that holds an author box beside a grid of related posts.
struct RepeatedCards {
    /// Whether the page has an `<h1>` headline of its own (a pair of cards counts only then).
    let pageHasHeadline: Bool

    init(pageHasHeadline: Bool) {
        self.pageHasHeadline = pageHasHeadline
    }
    /// Answers of `isCardInRun` by element: a page's bylines and dates share their ancestors.
    private var known: [Node: Bool] = [:]

    mutating func contains(_ node: Node) -> Bool {
        var cursor: Node? = node.isElement ? node : node.parent
        var depth = 0
        while let element = cursor, depth < Vocabulary.Threshold.cardSearchDepth {
            if element.isElement(named: "body") || element.isElement(named: "main") { return false }
            if let answer = known[element] {
                if answer { return true }
            } else {
                let answer = isCardInRun(element)
                known[element] = answer
                if answer { return true }
            }
            cursor = element.parent
            depth += 1
        }
        return false
    }

    /// Whether `element` holds a linked headline and, with its like siblings (same tag, same `class`) that hold
    /// one, makes a run of at least `cardRunMin`. Like siblings are counted first (cheap; most elements have
    /// too few), headings looked for only then.
    func isCardInRun(_ element: Node) -> Bool {
        guard let parent = element.parent else { return false }
        // Tag names compared by their packed bytes where they fit (every common tag), classes only then.
        let key = element.shortNameKey, name = key == nil ? element.name : ""
        let classes = element.attribute("class") ?? ""
        var like: [Node] = []
        var sibling = parent.firstChild
        while let current = sibling {
            if current.isElement, key.map({ current.shortNameKey == $0 }) ?? (current.name == name),
               (current.attribute("class") ?? "") == classes {
                like.append(current)
            }
            sibling = current.nextSibling
        }
        let run = Vocabulary.Threshold.cardRunMin, pair = Vocabulary.Threshold.cardPairMin
        guard like.count >= (pageHasHeadline ? pair : run) else { return false }
        let own = Self.linkedHeadings(element)
        guard own.count > 0 else { return false }
        if like.count >= run {
            var linked = 1
            for current in like where current != element && Self.linkedHeadings(current).count > 0 {
                linked += 1
                if linked >= run { return true }
            }
        }
        // A pair (or a run short of `cardRunMin` linked cards): each card one teaser, read whole.
        guard pageHasHeadline, own.isSingleTeaser else { return false }
        var teasers = 1
        for current in like where current != element && Self.linkedHeadings(current).isSingleTeaser {
            teasers += 1
            if teasers >= pair { return true }
        }
        return false
    }

    /// What a look through a card found: how many of its headings (`<h2>`…`<h6>`) are links or hold one (2 means
    /// two or more), before an `<h1>` or the end of its first `cardScanMaxNodes` nodes.
    struct LinkedHeadings {
        var count = 0
        /// The whole card was read: no `<h1>`, not cut at `cardScanMaxNodes`.
        var readWhole = true
        /// One linked headline in a card read whole.
        var isSingleTeaser: Bool { count == 1 && readWhole }
    }

    /// The linked headings of `card` (see `LinkedHeadings`). What holds the page's headline is the page, not a
    /// card; what holds several linked headlines is a block of cards, not one teaser.
    static func linkedHeadings(_ card: Node) -> LinkedHeadings {
        var found = LinkedHeadings()
        var seen = 0
        for node in card.descendants where node.isElement {
            seen += 1
            if seen > Vocabulary.Threshold.cardScanMaxNodes || node.isElement(named: "h1") {
                found.readWhole = false
                return found
            }
            guard isSubheading(node), isLinked(node, in: card) else { continue }
            found.count += 1
            if found.count > 1 { return found }
        }
        return found
    }

    /// Whether `heading` is a link or holds one, inside `card`.
    private static func isLinked(_ heading: Node, in card: Node) -> Bool {
        if heading.descendants.contains(where: { $0.isElement(named: "a") }) { return true }
        var up = heading.parent
        while let ancestor = up, ancestor != card {
            if ancestor.isElement(named: "a") { return true }
            up = ancestor.parent
        }
        return false
    }

    static func isSubheading(_ node: Node) -> Bool {
        node.isElement(named: "h2") || node.isElement(named: "h3") || node.isElement(named: "h4")
            || node.isElement(named: "h5") || node.isElement(named: "h6")
    }
}
