import WinnowDOM

/// Whether a byline or date sits in one card of a run of like cards: a blog index's or a section page's
/// teasers (linked headline, "By Jane Doe", "3 May 2031"), a grid of posts under the story. Such a credit is the
/// card's, not the page's. The test is structural and needs no words: going up from the value's node, an element
/// that holds a linked headline and has element siblings of its own tag and class that hold one too, at least
/// `Vocabulary.Threshold.cardRunMin` of them in all. A story's own header is one of a kind; a forum's posts are
/// a run of like blocks too, which is why the caller leaves threads alone.
struct RepeatedCards {
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
                let answer = Self.isCardInRun(element)
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
    static func isCardInRun(_ element: Node) -> Bool {
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
        let run = Vocabulary.Threshold.cardRunMin
        guard like.count >= run, hasLinkedHeading(element) else { return false }
        var linked = 1
        for current in like where current != element && hasLinkedHeading(current) {
            linked += 1
            if linked >= run { return true }
        }
        return false
    }

    /// Whether `card` holds a heading (`<h2>`…`<h6>`) that is a link or holds one, within its first
    /// `cardScanMaxNodes` nodes, and no `<h1>` before it: what holds the page's headline is the page, not a card.
    static func hasLinkedHeading(_ card: Node) -> Bool {
        var seen = 0
        for node in card.descendants where node.isElement {
            seen += 1
            if seen > Vocabulary.Threshold.cardScanMaxNodes || node.isElement(named: "h1") { return false }
            guard isSubheading(node) else { continue }
            if node.descendants.contains(where: { $0.isElement(named: "a") }) { return true }
            var up = node.parent
            while let ancestor = up, ancestor != card {
                if ancestor.isElement(named: "a") { return true }
                up = ancestor.parent
            }
        }
        return false
    }

    static func isSubheading(_ node: Node) -> Bool {
        node.isElement(named: "h2") || node.isElement(named: "h3") || node.isElement(named: "h4")
            || node.isElement(named: "h5") || node.isElement(named: "h6")
    }
}
