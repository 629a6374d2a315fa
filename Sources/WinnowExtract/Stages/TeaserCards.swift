import WinnowDOM

/// Stage (inside `ContentPruning`): other stories' cards after the story, in the story's own container — a
/// "Next"/"Previous" pair, a blog's excerpts of older posts, a run of "more stories" teasers with no heading
/// over them.
///
/// A card is a small element whose one heading is a link (or sits in one) to another page of the same site: a
/// headline, maybe a summary line, another author's name and a date. Two or more of them at the end of a
/// container, after a story longer than they are, are removed with the short labels between them. Nothing
/// here depends on words or class names: the signals are the linked headline, the same host, the size and
/// the position at the end. A listicle whose items are linked headings keeps them: its items are most of the
/// text, not a tail under a longer story.
enum TeaserCards {
    /// The nodes to remove: every trailing run of cards under a node of `roots`, outermost first.
    /// `nested`: on a page that says it is a story (not the site's front page), a feed nested in wrappers (`teaserWrapperMaxDepth` levels,
    /// under a heading) counts as a run too; elsewhere only cards and one wrapper of cards do.
    /// `thread`: a forum or Q&A thread, whose links to the forum's parent site are its members' pages, so a sister
    /// host does not count as the site there.
    static func removals(_ tree: PageTree, roots: [Int], url: String?, nested: Bool = false, thread: Bool = false) -> [Int] {
        let maxDepth = nested ? Vocabulary.Threshold.teaserWrapperMaxDepth : 0
        // A page read without an address still knows its relative links are its own site's.
        var page = url.flatMap(SiteLink.init(absolute:)) ?? SiteLink.unknownPage
        // A story's teasers may link a sister host; a thread's posts link their members' pages on the parent site.
        page.sisters = nested && !thread
        let t = Vocabulary.Threshold.self
        let rootChars = roots.reduce(0) { $0 + Int(tree.entries[$1].chars) }
        var out: [Int] = []
        var removed: Set<Int> = []
        for root in roots {
            var i = root
            let end = Int(tree.entries[root].end)
            while i < end {
                let e = tree.entries[i]
                if removed.contains(i) || e.removed || e.chars == 0 {
                    i = max(i + 1, Int(e.end))
                    continue
                }
                // Fewer than two children: no run of cards (and no list of children to build on the hot path).
                if e.tag == .text || e.tag == .comment || e.firstChild < 0
                    || tree.entries[Int(e.firstChild)].nextSibling < 0
                {
                    i += 1
                    continue
                }
                let run = trailingRun(tree, parent: i, page: page, maxDepth: maxDepth, story: nested)
                let runChars = run.reduce(0) { $0 + Int(tree.entries[$1].chars) }
                // The story must outweigh the cards: a listicle of linked headings is its own text.
                if !run.isEmpty, rootChars - runChars >= max(t.teaserStoryMinChars, runChars),
                   !run.contains(where: { holdsLeadOnlyCard(tree, $0, story: nested) }) || followsStory(tree, run: run, parent: i) {
                    out += run
                    removed.formUnion(run)
                }
                i += 1
            }
        }
        return out
    }

    /// Another story's card set alone between two paragraphs of the story (a "read this too" box with the other
    /// story's linked headline and its summary): a child of a story container whose element siblings on both
    /// sides are paragraphs of at least `embeddedCardNeighbourMinChars`, that is a card with a heading
    /// (`isCard`), and holds at most `embeddedCardMaxChars`. A run of cards after the story is `removals`' work.
    static func embedded(_ tree: PageTree, roots: [Int], url: String?, thread: Bool) -> [Int] {
        var page = url.flatMap(SiteLink.init(absolute:)) ?? SiteLink.unknownPage
        page.sisters = !thread
        let t = Vocabulary.Threshold.self
        func isStoryParagraph(_ i: Int) -> Bool {
            let e = tree.entries[i]
            return e.tag == .p && !e.removed && Int(e.chars) >= t.embeddedCardNeighbourMinChars
                && e.linkDensity < t.proseMaxLinkDensity
        }
        var out: [Int] = []
        for root in roots {
            // The root's children and its children's children: the story's paragraphs sit in a body wrapper or two.
            var containers = [root]
            containers += tree.elementChildren(of: root).filter { !tree.entries[$0].removed }
            for container in containers {
                let children = tree.elementChildren(of: container).filter { !tree.entries[$0].removed }
                guard children.count >= 3 else { continue }
                for k in 1..<(children.count - 1) {
                    let card = children[k]
                    let e = tree.entries[card]
                    guard e.tag != .p, Int(e.chars) <= t.embeddedCardMaxChars, isStoryParagraph(children[k - 1]),
                          isStoryParagraph(children[k + 1]), cardHeading(tree, card) != nil,
                          isCard(tree, card, page: page, story: true) else { continue }
                    out.append(card)
                }
            }
        }
        return out
    }

    /// The cards (and label lines among them) that end `parent`'s children, when there are at least
    /// `teaserMinCards` cards among them; otherwise empty.
    /// `story`: the page says it is a story, where list items led by a linked headline are cards too.
    static func trailingRun(_ tree: PageTree, parent: Int, page: SiteLink, maxDepth: Int = 0, story: Bool = false) -> [Int] {
        // Counted first, so that most nodes (fewer than two such children) build no array and the rest one.
        func isCounted(_ c: PageTree.Entry) -> Bool { !c.removed && c.chars > 0 && c.tag != .comment }
        var count = 0
        var child = Int(tree.entries[parent].firstChild)
        while child >= 0 {
            if isCounted(tree.entries[child]) { count += 1 }
            child = Int(tree.entries[child].nextSibling)
        }
        guard count >= 2 else { return [] }
        var children: [Int] = []
        children.reserveCapacity(count)
        child = Int(tree.entries[parent].firstChild)
        while child >= 0 {
            if isCounted(tree.entries[child]) { children.append(child) }
            child = Int(tree.entries[child].nextSibling)
        }
        var run: [Int] = []
        var cards = 0
        var before: Int?
        for index in children.reversed() {
            let count = cardCount(tree, index, page: page, maxDepth: maxDepth, story: story)
            if count > 0 {
                cards += count
                run.append(index)
            } else if isLabel(tree, index) && !run.isEmpty {
                run.append(index)
            } else {
                before = index
                break
            }
        }
        // Labels above the first card ("Next") stay with it; a label before any card is not part of the run.
        while let first = run.last, cardCount(tree, first, page: page, maxDepth: maxDepth, story: story) == 0 {
            before = run.removeLast()
        }
        guard cards >= Vocabulary.Threshold.teaserMinCards, run.count < children.count else { return [] }
        // The cards end a list of items just like them whose headlines link to other sites (a roundup of other
        // makers' projects, ending with the site's own): the list is the story's own, not a tail of other stories.
        if let before, let first = run.last, isTwin(tree, before, of: first, page: page) { return [] }
        return run.reversed()
    }

    /// Whether `i` has `card`'s shape, its headline linked to another site: a card's size and single heading,
    /// the same tag, and a class name in common (lists number their items in a class of their own too).
    static func isTwin(_ tree: PageTree, _ i: Int, of card: Int, page: SiteLink) -> Bool {
        let e = tree.entries[i]
        let c = tree.entries[card]
        guard e.tag == c.tag, let heading = cardHeading(tree, i),
              let href = headlineLink(tree, heading: heading, within: i),
              let (host, _) = SiteLink.split(href), host != page.host,
              let classValue = e.node.attribute("class"), let cardClass = c.node.attribute("class")
        else { return false }
        let names = Set(cardClass.split(whereSeparator: \.isWhitespace))
        return classValue.split(whereSeparator: \.isWhitespace).contains { names.contains($0) }
    }

    /// 1 for a card; for a wrapper, its number of cards when its every text-bearing child is a card, a label,
    /// or, up to `maxDepth` levels down, a short heading over the cards ("More stories") or a wrapper of cards
    /// itself (a feed nested in a section in a grid); else 0.
    static func cardCount(
        _ tree: PageTree, _ i: Int, page: SiteLink, depth: Int = 0, maxDepth: Int = 0, story: Bool = false
    ) -> Int {
        if isCard(tree, i, page: page, story: story) { return 1 }
        let e = tree.entries[i]
        guard e.tag != .text, e.firstChild >= 0 else { return 0 }
        var cards = 0
        var child = Int(e.firstChild)
        var first = true
        while child >= 0 {
            let c = tree.entries[child]
            if !c.removed && c.chars > 0 && c.tag != .comment {
                if isCard(tree, child, page: page, story: story) {
                    cards += 1
                } else if isLabel(tree, child) || (maxDepth > 0 && first && isFeedHeading(tree, child)) {
                    // A label between cards, or the feed's heading above them.
                } else if depth < maxDepth,
                          case let nested = cardCount(
                              tree, child, page: page, depth: depth + 1, maxDepth: maxDepth, story: story),
                          nested > 0 {
                    cards += nested
                } else {
                    return 0
                }
                first = false
            }
            child = Int(c.nextSibling)
        }
        return cards >= Vocabulary.Threshold.teaserWrapperMinCards ? cards : 0
    }

    /// A short heading alone (or with a few characters beside it): the title over a feed of cards.
    static func isFeedHeading(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        return e.headingChars > 0 && Int(e.chars) <= Vocabulary.Threshold.teaserFeedHeadingMaxChars
            && e.chars - e.headingChars <= Int32(Vocabulary.Threshold.headingWrapperMaxExtraChars)
    }

    /// A small element with exactly one heading, which is a link to another page of the same site (or holds one);
    /// or, without a heading, a container led by its linked headline (`linkedLead`).
    static func isCard(_ tree: PageTree, _ i: Int, page: SiteLink, story: Bool = false) -> Bool {
        if let heading = cardHeading(tree, i) {
            return linksElsewhere(tree, heading: heading, within: i, page: page, story: story)
        }
        guard let lead = linkedLead(tree, i, story: story) else { return false }
        return linksElsewhere(tree, heading: lead, within: i, page: page, story: story)
    }

    /// A linked lead long enough to be a headline: `teaserLeadMinChars`, or `teaserLeadMinCharsCJK` when it is
    /// written in Chinese, Japanese or Korean script, where a headline takes fewer characters ("남해 마늘 수확량
    /// 작년보다 늘어").
    static func isHeadlineLength(_ e: PageTree.Entry) -> Bool {
        let t = Vocabulary.Threshold.self
        if Int(e.chars) >= t.teaserLeadMinChars { return true }
        guard Int(e.chars) >= t.teaserLeadMinCharsCJK else { return false }
        return e.node.text.containsCJK
    }

    /// Whether a card of the run at `i` (it, or one in it) is a card only by its linked lead, with no heading.
    static func holdsLeadOnlyCard(_ tree: PageTree, _ i: Int, story: Bool = false) -> Bool {
        for j in i..<Int(tree.entries[i].end) where !tree.entries[j].removed && tree.entries[j].tag != .text {
            if cardHeading(tree, j) == nil, linkedLead(tree, j, story: story) != nil { return true }
        }
        return false
    }

    /// Cards without headings are trusted only right after the story's own text: the run's parent (or, when it
    /// holds nothing but the run, its parent) holds at least `teaserStoryMinChars` of prose besides the run.
    /// Elsewhere (a block of related pages under its own intro, far from the story) the run is left to the other
    /// rules, which weigh the block with its intro.
    static func followsStory(_ tree: PageTree, run: [Int], parent: Int) -> Bool {
        let runChars = run.reduce(0) { $0 + Int(tree.entries[$1].chars) }
        let runProse = run.reduce(0) { $0 + Int(tree.entries[$1].proseChars) }
        var holder = tree.entries[parent]
        if Int(holder.chars) == runChars, holder.parent >= 0 { holder = tree.entries[Int(holder.parent)] }
        return Int(holder.proseChars) - runProse >= Vocabulary.Threshold.teaserStoryMinChars
    }

    /// The headline of a card whose template sets it without a heading tag: a card-sized `<div>`, `<article>` or
    /// `<section>` with no heading, no loose text of its own, and at least two text-bearing children, the first
    /// of which is wholly one link of at least `teaserLeadMinChars` (`<div class="title"><a>…</a></div>`, or the
    /// `<a>` itself: "« Previous article <strong>Headline</strong>"), followed by the card's other lines (a
    /// summary, a byline and date). A paragraph that opens with a linked name is a sentence, not a card; a list
    /// item is one only on a page that says it is a story (`story`), where a run of them ending the story's
    /// container is other stories' teasers ("<li><a>headline</a><p>summary</p><span>byline</span></li>"): a
    /// shop's or an index's grid of items is the page's content.
    static func linkedLead(_ tree: PageTree, _ i: Int, story: Bool = false) -> Int? {
        let e = tree.entries[i]
        guard Vocabulary.linkedLeadCardTags.contains(e.tag) || (story && e.tag == .li), e.headingChars == 0,
              Int(e.chars) <= Vocabulary.Threshold.teaserCardMaxChars else { return nil }
        var lead: Int?
        var others = 0
        var child = Int(e.firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if !c.removed && c.chars > 0 && c.tag != .comment {
                if c.tag == .text { return nil }
                if lead == nil {
                    guard c.links == 1, c.linkChars == c.chars, isHeadlineLength(c) else { return nil }
                    lead = child
                } else {
                    others += 1
                }
            }
            child = Int(c.nextSibling)
        }
        return others > 0 ? lead : nil
    }

    /// The one heading of a card-sized element (not a heading itself), wherever its link goes; nil otherwise.
    static func cardHeading(_ tree: PageTree, _ i: Int) -> Int? {
        let e = tree.entries[i]
        guard e.tag != .text, e.tag.headingLevel == nil, Int(e.chars) <= Vocabulary.Threshold.teaserCardMaxChars,
            e.headingChars > 0
        else { return nil }
        var heading: Int?
        var j = i + 1
        let end = Int(e.end)
        while j < end {
            let n = tree.entries[j]
            if n.removed { j = max(j + 1, Int(n.end)); continue }
            if n.tag.headingLevel != nil && n.chars > 0 {
                if heading != nil { return nil }
                heading = j
                j = Int(n.end)
                continue
            }
            j += 1
        }
        return heading
    }

    /// Whether the heading at `h` is, or sits in, or holds a link to another page of the page's site.
    /// `story`: on a story's page a card that is itself one link counts, and so does a dated one whose unlinked
    /// headline sits over a single address ("Read more"); elsewhere linked tiles and "Learn more" boxes are a
    /// landing page's own sections.
    static func linksElsewhere(_ tree: PageTree, heading h: Int, within card: Int, page: SiteLink, story: Bool = false) -> Bool {
        page.isOtherPageOfSite(headlineLink(tree, heading: h, within: card, story: story))
    }

    /// The `href` of the link the heading at `h` is, sits in (up to `card`, and `card` itself on a `story`'s page),
    /// or holds most of its text in; on a `story`'s page, for an unlinked heading of a card that shows a date, the
    /// one address every link of the card goes to (its picture and its "Read more").
    static func headlineLink(_ tree: PageTree, heading h: Int, within card: Int, story: Bool = false) -> String? {
        // A linked lead that is the link itself.
        if tree.entries[h].tag == .a { return tree.entries[h].node.attribute("href") }
        // A link around the heading, up to the card (on a story's page, the card itself one link:
        // `<a><img><h3>…</h3><p>…</p></a>`).
        var k = Int(tree.entries[h].parent)
        while k > card || (story && k == card) {
            if tree.entries[k].tag == .a { return tree.entries[k].node.attribute("href") }
            k = Int(tree.entries[k].parent)
        }
        // A link inside the heading holding most of its text.
        for j in (h + 1)..<Int(tree.entries[h].end) where tree.entries[j].tag == .a {
            let a = tree.entries[j]
            if Double(a.chars) >= Vocabulary.Threshold.headlineLinkMinShare * Double(tree.entries[h].chars) {
                return a.node.attribute("href")
            }
        }
        return story && showsDate(tree, card, heading: h) ? onlyAddress(tree, card) : nil
    }

    /// The one `href` every link in `i` has, nil when it has none or several.
    static func onlyAddress(_ tree: PageTree, _ i: Int) -> String? {
        guard tree.entries[i].links > 0 else { return nil }
        var address: String?
        for j in i..<Int(tree.entries[i].end) where tree.entries[j].tag == .a && !tree.entries[j].removed {
            guard let href = tree.entries[j].node.attribute("href") else { continue }
            if let address, address != href { return nil }
            address = href
        }
        return address
    }

    /// Whether a child of card `i` other than its heading `h` is a short line holding a date (a teaser's stamp,
    /// "Nia Ford · Nov 20, 2026").
    static func showsDate(_ tree: PageTree, _ i: Int, heading h: Int) -> Bool {
        var child = Int(tree.entries[i].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if child != h, !c.removed, c.chars > 0, c.headingChars == 0,
               Int(c.chars) <= Vocabulary.Threshold.teaserStampMaxChars, DateParser.parse(c.node.text) != nil {
                return true
            }
            child = Int(c.nextSibling)
        }
        return false
    }

    /// A short line without a sentence: "Next", "Previous story", "More from the blog".
    static func isLabel(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        return Int(e.chars) <= Vocabulary.Threshold.teaserLabelMaxChars && e.headingChars == 0
    }
}

/// A page URL's host and path, to tell a link to another page of the same site (relative, or absolute on the
/// same host, `www.` aside, or a sister host under the same registered domain) from a link to the page itself or
/// to another site.
struct SiteLink: Sendable {
    let host: String
    let path: String
    /// Whether a sister host's pages are this site's too (`sameSite`).
    var sisters = false

    /// A page whose address is not known: its relative links are other pages of its site, and no absolute link
    /// can be told to be (the empty host and path match none).
    static let unknownPage = SiteLink(host: "", path: "")

    private init(host: String, path: String) {
        self.host = host
        self.path = path
    }

    /// Parses an absolute http(s) URL; nil for anything else.
    init?(absolute url: String) {
        guard let (host, path) = SiteLink.split(url) else { return nil }
        self.host = host
        self.path = path
    }

    /// The host (lowercased, without `www.`) and path of an absolute or scheme-relative URL.
    static func split(_ url: String) -> (host: String, path: String)? {
        var rest = Substring(url)
        if let scheme = rest.foundationRange(of: "://") {
            let name = rest[..<scheme.lowerBound].lowercased()
            guard name == "http" || name == "https" else { return nil }
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") { host = String(host[..<colon]) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        return (host, path(of: rest[hostEnd...]))
    }

    /// Whether two hosts (as `split` gives them) are one site: the same host, or sister hosts under one registered
    /// domain ("sport.example.com" and "example.com"; "news.example.co.uk" and "example.co.uk", where a country's
    /// second level of `Threshold.secondLevelMaxChars` letters or fewer under a two-letter top level counts as part
    /// of the suffix). An address by number matches only itself.
    static func sameSite(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let domain = registeredDomain(a)
        return domain == registeredDomain(b) && domain.contains(".") && domain.last?.isLetter == true
    }

    /// The last two labels of a host, or three under a country's short second level ("co.uk", "com.au").
    static func registeredDomain(_ host: String) -> Substring {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return Substring(host) }
        let top = labels[labels.count - 1]
        let second = labels[labels.count - 2]
        let count = top.count == 2 && second.count <= Vocabulary.Threshold.secondLevelMaxChars ? 3 : 2
        let first = labels[labels.count - count]
        return host[first.startIndex...]
    }

    /// The path of what follows the host, without query or fragment ("/" when empty).
    static func path(of rest: Substring) -> String {
        // On bytes for an ASCII address (most), where every character but CR LF is one byte.
        let end = rest.utf8.allSatisfy({ $0 < 0x80 })
            ? rest.utf8.firstIndex { $0 == 0x3F || $0 == 0x23 } ?? rest.endIndex
            : rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        let path = rest[..<end]
        return path.isEmpty ? "/" : String(path)
    }

    /// True for an href naming another page of this site: relative (not a fragment or script), or absolute on the
    /// same host (or, with `sisters`, the same site: `sameSite`); and not this page's own path, nor the site's front page.
    func isOtherPageOfSite(_ href: String?) -> Bool {
        guard let href, !href.isEmpty, !href.hasPrefix("#") else {
            return false
        }
        let lower = href.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { return false }
        let target: String
        if let (host, path) = SiteLink.split(href) {
            guard host == self.host || (sisters && SiteLink.sameSite(host, self.host)) else { return false }
            target = path
        } else if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/") {
            return false  // another scheme
        } else if href.hasPrefix("/") {
            target = SiteLink.path(of: Substring(href))
        } else {
            target = "relative:" + SiteLink.path(of: Substring(href))
        }
        return target != path && target != "/"
    }
}
