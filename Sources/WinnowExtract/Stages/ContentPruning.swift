import WinnowDOM

/// Stage: removes boilerplate inside the chosen roots — share bars, related widgets, tag lists, author boxes,
/// short byline/meta lines, captions, and link-heavy blocks (trafilatura's multi-granularity link tests).
///
/// Over-pruning guard: if the class-word rules would remove more than 6/7 of the roots' text, only the
/// link-density rules are applied (a page whose every wrapper is called `post-meta` keeps its story).
enum ContentPruning {
    struct Removal {
        var index: Int
        var heuristic: String
        var score: Double?
    }

    /// Flags the boilerplate inside `roots` and re-aggregates.
    ///
    /// `ruleBody`: the roots are a site rule's `body`. Sidebar and chrome class words and chrome tags then
    /// remove nothing: inside the container the author chose they name boxes the author wants (FTR's prune
    /// keeps `<aside>` too), while share bars, related lists, link farms and bylines still go. Teaser-card runs
    /// and the teaser-feed exemption are the generic candidate's concerns and are skipped.
    /// `storyPage`: the page says it is a story (`PageKind.article`), so feeds nested under the story go too, and
    /// so do a sign-up form's caption, a small box a button closes near the end (`formCaptions`) and a small box
    /// named a call to action (`callToActionBoxes`).
    /// `titles`: the page's headline candidates (`PageContext.titles`), which tell its own story from stories
    /// appended after it (`AppendedStories`).
    /// `thread`: a forum or Q&A thread (`PageContext.thread`), where each post's stamp (its member's name and
    /// the date it was posted) is part of the post and is kept (`isPostStamp`).
    static func run(
        _ tree: inout PageTree, roots: [Int], mode: ExtractionMode, url: String?, ruleBody: Bool = false,
        storyPage: Bool = false, thread: Bool = false, titles: [String] = [], trace: inout Trace
    ) {
        let total = roots.reduce(0) { $0 + Int(tree.entries[$1].chars) }
        guard total > 0 else { return }
        if !ruleBody {
            drop(TeaserCards.removals(tree, roots: roots, url: url, nested: storyPage, thread: thread),
                 heuristic: "teaser-cards", &tree, trace: &trace)
        }
        if !ruleBody && storyPage {
            drop(AppendedStories.removals(tree, roots: roots, titles: titles), heuristic: "appended-story", &tree, trace: &trace)
            drop(TeaserCards.embedded(tree, roots: roots, url: url, thread: thread), heuristic: "embedded-card", &tree, trace: &trace)
            drop(formCaptions(tree, roots: roots, total: total), heuristic: "form-caption", &tree, trace: &trace)
            drop(callToActionBoxes(tree, roots: roots, total: total), heuristic: "cta-box", &tree, trace: &trace)
        }
        let planned = plan(tree, roots: roots, total: total, mode: mode, useCategories: true)
        var removals = ruleBody ? allowedInRuleBody(planned, tree) : keepingTeaserFeed(planned, tree, total: total)
        let removedChars = removals.reduce(0) { $0 + Int(tree.entries[$1.index].chars) }
        if Double(removedChars) > Vocabulary.Threshold.maxPrunedShare * Double(total) {
            removals = plan(tree, roots: roots, total: total, mode: mode, useCategories: false)
            if ruleBody { removals = allowedInRuleBody(removals, tree) }
        }
        if thread { removals = keepingPostStamps(removals, tree) }
        for removal in removals {
            trace.record(.dropped, tree, removal.index, heuristic: removal.heuristic, score: removal.score)
            for j in removal.index..<Int(tree.entries[removal.index].end) { tree.entries[j].removed = true }
        }
        if !removals.isEmpty { tree.aggregate() }
    }

    /// Removes whole subtrees a stage found, each recorded under the stage's heuristic, and re-aggregates the
    /// tree's counts for the next stage.
    static func drop(_ nodes: [Int], heuristic: String, _ tree: inout PageTree, trace: inout Trace) {
        guard !nodes.isEmpty else { return }
        for i in nodes {
            trace.record(.dropped, tree, i, heuristic: heuristic)
            for j in i..<Int(tree.entries[i].end) { tree.entries[j].removed = true }
        }
        tree.aggregate()
    }

    /// The removals without the byline and dateline nodes that are a post's stamp (`isPostStamp`): on a thread
    /// every post is one member's, and its name and date belong to it.
    static func keepingPostStamps(_ removals: [Removal], _ tree: PageTree) -> [Removal] {
        removals.filter { removal in
            let e = tree.entries[removal.index]
            guard removal.heuristic == "dateline-tag"
                || (removal.heuristic.hasPrefix("short-category:") && e.categories.contains(.byline)),
                e.chars <= Int32(Vocabulary.Threshold.postStampMaxChars)
            else { return true }
            // A `<time>` is read with the short line around it: "Last edited: <time>" is an edit note.
            let parent = tree.entries[Int(e.parent)]
            let line = removal.heuristic == "dateline-tag" && parent.chars <= Int32(Vocabulary.Threshold.postStampMaxChars)
                ? parent.node.text : e.node.text
            return !isPostStamp(line)
        }
    }

    /// A post's stamp: a short line that holds a date and, besides date words, at most
    /// `postStampMaxOtherWords` other words — "3 March 2026, 10:15", "greenfinch 3 Mar 2026", "Posted 3 March
    /// 2026" — not a member's panel ("Join date Mar 2020 Posts 1,204 Reputation 88", "Joined: Mar 2020") nor an
    /// edit note ("Last edited: Mar 5, 2026").
    static func isPostStamp(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        guard text.hasCharacters(atMost: t.postStampMaxChars), DateParser.parse(text) != nil else { return false }
        var others = 0
        for token in DateParser.tokenize(text) {
            guard case .word(let word) = token else { continue }
            if word.count <= t.datelineShortWordChars || DateParser.monthNames[word] != nil { continue }
            if Vocabulary.memberSinceWords.contains(word) || Vocabulary.editNoteWords.contains(word) { return false }
            others += 1
            if others > t.postStampMaxOtherWords { return false }
        }
        return true
    }

    /// On a story's page, the wrappers around a removed `<form>` that hold nothing but its caption: a sign-up or
    /// contact box's heading and blurb ("Contact us" / "Call us or fill out this quick form"), a download
    /// offer's title; likewise a small box a button link closes ("Support local journalism … [Donate now]"). The form went as chrome; what only introduced it goes too. A wrapper is climbed while its
    /// remaining text stays under `formCaptionMaxChars` (and `formCaptionMaxShare` of the roots' text), never
    /// to a root, a `<main>`, an `<article>` or a story-body-named element.
    static func formCaptions(_ tree: PageTree, roots: [Int], total: Int) -> [Int] {
        let t = Vocabulary.Threshold.self
        let maxChars = min(Double(t.formCaptionMaxChars), t.formCaptionMaxShare * Double(total))
        var out: [Int] = []
        var buttonBoxes: [Int] = []
        for root in roots {
            var i = root + 1
            let end = Int(tree.entries[root].end)
            while i < end {
                let e = tree.entries[i]
                if e.tag == .a, isButtonLink(tree, i) {
                    if let wrapper = captionWrapper(tree, form: i, roots: roots, maxChars: maxChars),
                       endsBox(tree, wrapper, with: i), buttonBoxes.last != wrapper {
                        buttonBoxes.append(wrapper)
                    }
                    i = max(i + 1, Int(e.end))
                    continue
                }
                guard e.removed else { i += 1; continue }
                if e.tag == .form, asksForText(tree, form: i),
                   let wrapper = captionWrapper(tree, form: i, roots: roots, maxChars: maxChars) {
                    add(wrapper)
                }
                i = max(i + 1, Int(e.end))
            }
        }
        // One or two boxes a button closes, in the story's last part, are calls to action; more are the story's
        // own cards (a roundup's "Get the recipe" under each dish), and one in the middle is a section of it.
        if buttonBoxes.count <= Vocabulary.Threshold.buttonBoxesMax {
            for box in buttonBoxes
            where Double(textBefore(tree, box, roots: roots)) >= Vocabulary.Threshold.buttonBoxMinPrecedingShare * Double(total) {
                add(box)
            }
            out.sort()
        }
        return out

        func add(_ wrapper: Int) {
            // An earlier wrapper inside this one is part of it.
            while let last = out.last, tree.contains(wrapper, last) { out.removeLast() }
            if !out.contains(where: { tree.contains($0, wrapper) }) { out.append(wrapper) }
        }
    }

    /// On a story's page, the small boxes inside the story's container whose class or id names a call to action
    /// (`cta`, `inline-cta`, `cta-box`, `blog_cta`, `BlogStickyCta`: `namesCallToAction`), hold a link (the
    /// action) and sit between the story's paragraphs (`sitsAmongParagraphs`): a product's trial, demo or quote
    /// offer set into the story, like other class-word chaff. Only
    /// boxes (`Vocabulary.callToActionBoxTags`: not a link or a phrase inside a sentence, not a page builder's
    /// section) holding at most `callToActionBoxMaxChars` and `formCaptionMaxShare` of the roots' text, never a
    /// root or a story-body-named element; the outermost such box goes whole. More than `callToActionBoxesMax` such
    /// boxes are the story's own cards (a roundup's "Check price" under each product, a page of trail cards each
    /// built as a call-to-action widget) and stay.
    static func callToActionBoxes(_ tree: PageTree, roots: [Int], total: Int) -> [Int] {
        let t = Vocabulary.Threshold.self
        let maxChars = Int32(min(Double(t.callToActionBoxMaxChars), t.formCaptionMaxShare * Double(total)))
        var out: [Int] = []
        for root in roots {
            var i = root + 1
            let end = Int(tree.entries[root].end)
            while i < end {
                let e = tree.entries[i]
                if e.removed {
                    i = max(i + 1, Int(e.end))
                    continue
                }
                if e.chars > 0, e.chars <= maxChars, e.links > 0, Vocabulary.callToActionBoxTags.contains(e.tag),
                   !e.categories.contains(.articleBody),
                   namesCallToAction(e.node),
                   sitsAmongParagraphs(tree, i, roots: roots)
                {
                    out.append(i)
                    if out.count > t.callToActionBoxesMax { return [] }
                    i = max(i + 1, Int(e.end))
                    continue
                }
                i += 1
            }
        }
        return out
    }

    /// Whether element `i` (or the wrappers that hold only it) is set between the story's paragraphs: a sibling
    /// is a `<p>` or a heading with text. A landing page's band (`<section class="module-cta">` among other
    /// sections, "How can we help you?") is the page's own copy; a box dropped into a story's text is not.
    static func sitsAmongParagraphs(_ tree: PageTree, _ i: Int, roots: [Int]) -> Bool {
        var box = i
        var parent = Int(tree.entries[box].parent)
        while parent >= 0, !roots.contains(box), tree.entries[parent].chars == tree.entries[box].chars {
            box = parent
            parent = Int(tree.entries[box].parent)
        }
        guard parent >= 0 else { return false }
        var child = Int(tree.entries[parent].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if child != box, !c.removed, c.chars > 0, c.tag == .p || c.tag.headingLevel != nil { return true }
            child = Int(c.nextSibling)
        }
        return false
    }

    static let callToActionScreen = FragmentScreen(Array(Vocabulary.callToActionClassWords))

    /// Whether the element's class or id names a call to action; each value is screened on its bytes in place
    /// and made a String only when it holds one of the words' letters in a row.
    static func namesCallToAction(_ node: Node) -> Bool {
        var named = false
        node.forEachAttribute { attribute in
            guard attribute.nameIs("class") || attribute.nameIs("id") else { return true }
            let screened = attribute.withValueBytes { bytes in bytes.map(callToActionScreen.matches(bytes:)) ?? false }
            if screened, namesCallToAction(attribute.value) {
                named = true
                return false
            }
            return true
        }
        return named
    }

    /// Whether a class or id value names a call to action: a token, or a part of one (split on `-`, `_` and `:`,
    /// and where a lowercase letter meets a capital: `BlogStickyCta`), is one of
    /// `Vocabulary.callToActionClassWords`, in any case.
    static func namesCallToAction(_ value: String?) -> Bool {
        // Most values hold none of the words' letters in a row: ruled out in one pass over their bytes.
        guard let value, !value.isEmpty, callToActionScreen.matches(value) else { return false }
        for token in value.split(whereSeparator: \.isWhitespace) {
            var part = ""
            var previousLower = false
            for character in token {
                let boundary = character == "-" || character == "_" || character == ":"
                if boundary || (previousLower && character.isUppercase) {
                    if Vocabulary.callToActionClassWords.contains(part) { return true }
                    part = ""
                }
                previousLower = character.isLowercase
                if !boundary { part.append(contentsOf: character.lowercased()) }
            }
            if Vocabulary.callToActionClassWords.contains(part) { return true }
        }
        return false
    }

    /// A link drawn as a button ("Donate now", "Become a member"): a short label and a class word of
    /// `Vocabulary.buttonClassWords` (`btn`, `button`, `cta`) or `role=button`. Closing a small box under the
    /// story, it makes the box a call to action, like a sign-up form (`formCaptions`).
    static func isButtonLink(_ tree: PageTree, _ index: Int) -> Bool {
        let e = tree.entries[index]
        guard !e.removed, e.chars > 0, e.chars <= Int32(Vocabulary.Threshold.buttonLabelMaxChars) else { return false }
        let node = e.node
        if node.attribute("role")?.lowercased() == "button" { return true }
        guard let classValue = node.attribute("class")?.lowercased() else { return false }
        return classValue.split(whereSeparator: { !$0.isLetter }).contains { Vocabulary.buttonClassWords.contains(String($0)) }
    }

    /// Characters of kept text in `roots` before `index`.
    static func textBefore(_ tree: PageTree, _ index: Int, roots: [Int]) -> Int {
        var chars = 0
        for root in roots where root < index {
            var j = root
            while j < min(index, Int(tree.entries[root].end)) {
                let e = tree.entries[j]
                if e.removed { j = max(j + 1, Int(e.end)); continue }
                if e.tag == .text { chars += Int(e.ownChars) }
                j += 1
            }
        }
        return chars
    }

    /// Whether the button link `link` is the last text of `box`, and the box holds something before it (the
    /// heading and blurb the button closes).
    static func endsBox(_ tree: PageTree, _ box: Int, with link: Int) -> Bool {
        guard tree.entries[box].chars > tree.entries[link].chars else { return false }
        var j = Int(tree.entries[link].end)
        while j < Int(tree.entries[box].end) {
            if tree.entries[j].tag == .text, !tree.entries[j].removed, tree.entries[j].ownChars > 0 { return false }
            j += 1
        }
        return true
    }

    /// The outermost ancestor of `form` holding no more than `maxChars` of text (at least some), or nil.
    static func captionWrapper(_ tree: PageTree, form: Int, roots: [Int], maxChars: Double) -> Int? {
        var best: Int?
        var p = Int(tree.entries[form].parent)
        while p >= 0 && !roots.contains(p) {
            let e = tree.entries[p]
            if e.removed || e.tag == .body || e.tag == .main || e.tag == .article || e.categories.contains(.articleBody)
                || Double(e.chars) > maxChars
            {
                break
            }
            best = p
            p = Int(e.parent)
        }
        guard let best, tree.entries[best].chars > 0 else { return nil }
        // A feedback widget's question ("Was this article helpful?") is left to cleanup, where it ends the story.
        let lower = String(tree.entries[best].node.text.prefix(4 * Vocabulary.Threshold.terminatingMaxChars))
            .lowercased().collapsingWhitespaceSimple()
        if Vocabulary.terminatingLabels.contains(where: { lower.hasPrefix($0) }) { return nil }
        return best
    }

    /// Whether a form asks the reader to type (a sign-up, contact or search form: a field of
    /// `Vocabulary.textInputTypes` or a textarea), unlike a shop's add-to-cart of buttons, options and a quantity.
    static func asksForText(_ tree: PageTree, form: Int) -> Bool {
        for j in (form + 1)..<Int(tree.entries[form].end) {
            let e = tree.entries[j]
            if e.tag == .textarea { return true }
            if e.tag == .input, Vocabulary.textInputTypes.contains((e.node.attribute("type") ?? "text").lowercased()) {
                return true
            }
        }
        return false
    }

    /// The removals a rule's body allows: none by a chrome tag's class words, none by sidebar or chrome-role
    /// class words alone.
    static func allowedInRuleBody(_ removals: [Removal], _ tree: PageTree) -> [Removal] {
        removals.filter { removal in
            let entry = tree.entries[removal.index]
            guard removal.heuristic.hasPrefix("category:") else { return true }
            if Vocabulary.chromeTags.contains(entry.tag) { return false }
            return !entry.categories.intersection(Vocabulary.contentChaff.union(.chromeRole))
                .subtracting([.sidebar, .chromeRole]).isEmpty
        }
    }

    /// The removals without a teaser feed's summaries: many "related"-classed nodes of one tag and class that
    /// together hold a large share of the roots' text are the feed the page lists, not a widget beside a story.
    static func keepingTeaserFeed(_ removals: [Removal], _ tree: PageTree, total: Int) -> [Removal] {
        struct Group { var count = 0; var chars = 0 }
        var groups: [String: Group] = [:]
        for removal in removals where removal.heuristic == "category:related" && !inCarousel(tree, removal.index) {
            let e = tree.entries[removal.index]
            let key = "\(e.node.name).\(e.node.attribute("class") ?? "")"
            groups[key, default: Group()].count += 1
            groups[key, default: Group()].chars += Int(e.chars)
        }
        let t = Vocabulary.PageTypeThreshold.self
        let feeds = Set(groups.filter {
            $0.value.count >= t.feedMinCards && Double($0.value.chars) >= t.teaserFeedShare * Double(total)
        }.keys)
        guard !feeds.isEmpty else { return removals }
        return removals.filter { removal in
            guard removal.heuristic == "category:related" else { return true }
            let node = tree.entries[removal.index].node
            return !feeds.contains("\(node.name).\(node.attribute("class") ?? "")") || inCarousel(tree, removal.index)
        }
    }

    /// `Vocabulary.carouselClassWords`, searched in a class value in one pass, ignoring ASCII case.
    private static let carouselScreen = FragmentScreen(Vocabulary.carouselClassWords)

    /// True when a near ancestor's class names a carousel (promoted slides, not the page's feed).
    static func inCarousel(_ tree: PageTree, _ i: Int) -> Bool {
        var k = Int(tree.entries[i].parent)
        var depth = 0
        while k >= 0 && depth < Vocabulary.Threshold.carouselMaxDepth {
            if let classes = tree.entries[k].node.attribute("class"), carouselScreen.matches(classes) { return true }
            k = Int(tree.entries[k].parent)
            depth += 1
        }
        return false
    }

    /// The removals the rules would make, outermost first (a removed node's subtree is not visited).
    static func plan(
        _ tree: PageTree, roots: [Int], total: Int, mode: ExtractionMode, useCategories: Bool
    ) -> [Removal] {
        var removals: [Removal] = []
        let protectedChars = Vocabulary.Threshold.protectedShare * Double(total)
        // The last text-bearing child of every parent, and the text-bearing sibling before each list, found
        // once (a per-node sibling walk is quadratic on pages with thousands of siblings). Kept by tree index, -1
        // for none, over the span the roots cover (every parent of a node below a root is in that span).
        let base = roots.min() ?? 0
        let span = max((roots.map { Int(tree.entries[$0].end) }.max() ?? base) - base, 0)
        var lastChild = [Int32](repeating: -1, count: span)
        var listPredecessor = [Int32](repeating: -1, count: span)
        for root in roots {
            for i in (root + 1)..<Int(tree.entries[root].end) {
                let e = tree.entries[i]
                guard !e.removed && e.chars > 0 && e.tag != .comment else { continue }
                let parent = Int(e.parent) - base
                if lastChild[parent] >= 0, e.tag == .ul || e.tag == .ol || listWrapper(tree, i) != nil {
                    listPredecessor[i - base] = lastChild[parent]
                }
                lastChild[parent] = Int32(i)
            }
        }
        for (k, root) in roots.enumerated() {
            // A merged sibling root is itself judged as embedded media (the first root is the story's node).
            if k > 0 && useCategories, let removal = embeddedChaffVerdict(tree, root) {
                removals.append(removal)
                continue
            }
            var i = root + 1
            let end = Int(tree.entries[root].end)
            // The end of a list a sentence of the story introduces ("Patches merged this month:", "It raises the
            // risk of:"): inside it the link tests are off, its items being the story's references, not a menu to
            // prune item by item. Chaff inside still goes.
            var referenceListEnd = -1
            while i < end {
                let e = tree.entries[i]
                if e.removed || e.tag == .text || e.tag == .comment {
                    i = e.tag == .text || e.tag == .comment ? i + 1 : Int(e.end)
                    continue
                }
                let last = lastChild[Int(e.parent) - base] == i
                let previous = listPredecessor[i - base]
                if let removal = verdict(
                    tree, i, isLast: last, previous: previous >= 0 ? Int(previous) : nil, protectedChars: protectedChars,
                    mode: mode, useCategories: useCategories), i >= referenceListEnd || !removal.heuristic.hasPrefix("link-density")
                {
                    removals.append(removal)
                    i = Int(e.end)
                    continue
                }
                if i >= referenceListEnd, previous >= 0,
                   isMidStoryList(tree, i, isLast: last, previous: Int(previous), mode: mode), isSentenceLeadIn(tree, Int(previous)) {
                    referenceListEnd = Int(e.end)
                }
                if e.tag == .pre {
                    // Preformatted text is converted verbatim, whole (see `ChaffRemoval`).
                    i = Int(e.end)
                } else {
                    i += 1
                }
            }
        }
        return removals
    }

    /// A quotation of a post embedded in the story (a blockquote of prose with its attribution): the words of
    /// the embed's class (`tweet`, `social`) name a share bar elsewhere, but a share bar is buttons, not prose.
    static func isQuotedPost(_ e: PageTree.Entry, categories: Category) -> Bool {
        e.tag == .blockquote && categories == .share
            && Int(e.chars - e.linkChars) >= Vocabulary.Threshold.quotedPostMinChars
    }

    /// A hover card a link carries inside a sentence: "a survey led by <a href=/people/mira-holt>Mira Holt<span>
    /// …her latest headlines… <a>MORE</a></span></a> found …". A link cannot hold another link (a browser's parser
    /// closes the first), so a part of a link that holds links is a widget a script shows on hover, whatever its
    /// class, never words of the sentence. Only a short link (at most `cardInLinkMaxChars`) set inside running text
    /// (at least `cardInLinkSentenceMinChars` of its parent's text outside it, some of it after it) counts: an
    /// unclosed `<a>` that swallowed the rest of the page is no card.
    static func isCardInLink(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        guard e.links > 0, e.parent >= 0 else { return false }
        let a = tree.entries[Int(e.parent)]
        guard a.tag == .a, a.parent >= 0, Int(a.chars) <= Vocabulary.Threshold.cardInLinkMaxChars else { return false }
        let sentence = tree.entries[Int(a.parent)]
        guard Int(sentence.chars - a.chars) >= Vocabulary.Threshold.cardInLinkSentenceMinChars else { return false }
        var next = Int(a.nextSibling)
        while next >= 0 {
            let sibling = tree.entries[next]
            if sibling.chars > 0 && sibling.tag != .comment && sibling.links == 0 { return true }
            next = Int(sibling.nextSibling)
        }
        return false
    }

    /// A hover card set right beside the link it belongs to, inside a sentence: "… after <a href=/people/dara>Dara
    /// Okonjo</a><span>Dara Okonjo · Council member · her latest headlines · <a href=/people/dara>MORE</a></span>
    /// asked for …". The card links to the same address as the link before it (its "more" link, the name again);
    /// a sentence never follows a link with a run of links that leads back to it. It is an inline element with
    /// at least two links whose previous sibling (nothing but blanks between) is that link, with text of its own (an
    /// editor's link split around a blank, `<a href=X> </a><b><a href=X>…`, is one link), and the sentence goes
    /// on after the pair (or after an inline wrapper holding just the pair): whatever its class, and shown or not,
    /// it is a widget a script shows on hover.
    static func isCardBesideLink(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        guard e.links >= 2, e.tag != .a, !e.tag.isBlock, e.parent >= 0, Int(e.chars) <= Vocabulary.Threshold.cardInLinkMaxChars
        else { return false }
        let parentIndex = Int(e.parent)
        var previous = -1
        var child = Int(tree.entries[parentIndex].firstChild)
        while child >= 0 && child != i {
            let c = tree.entries[child]
            if c.tag == .text {
                if c.ownChars > 0 { previous = -1 }
            } else if c.tag != .comment {
                previous = child
            }
            child = Int(c.nextSibling)
        }
        guard previous >= 0, tree.entries[previous].tag == .a, tree.entries[previous].chars > 0,
              let href = tree.entries[previous].node.attribute("href"), !href.isEmpty, !href.hasPrefix("#")
        else { return false }
        var leadsBack = false
        for j in (i + 1)..<Int(e.end) where tree.entries[j].tag == .a && tree.entries[j].node.attribute("href") == href {
            leadsBack = true
            break
        }
        guard leadsBack else { return false }
        // The pair's place in the sentence: the card itself, or an inline wrapper that holds only the pair.
        let parent = tree.entries[parentIndex]
        let holdsOnlyPair = !parent.tag.isBlock && parent.parent >= 0
            && parent.chars == tree.entries[previous].chars + e.chars
        let anchor = holdsOnlyPair ? parentIndex : i
        let anchorEntry = tree.entries[anchor]
        guard anchorEntry.parent >= 0 else { return false }
        let sentence = tree.entries[Int(anchorEntry.parent)]
        let pairChars = holdsOnlyPair ? anchorEntry.chars : anchorEntry.chars + tree.entries[previous].chars
        guard Int(sentence.chars - pairChars) >= Vocabulary.Threshold.cardInLinkSentenceMinChars else { return false }
        var next = Int(anchorEntry.nextSibling)
        while next >= 0 {
            let sibling = tree.entries[next]
            if sibling.chars > 0 && sibling.tag != .comment && sibling.links == 0 { return true }
            next = Int(sibling.nextSibling)
        }
        return false
    }

    /// The platform's link in an embedded post's quote, shown until its script loads the post ("View this post
    /// on Instagram", `Vocabulary.embedPlaceholderLabels`), beside the caption the quote also holds: the caption
    /// and its attribution are the quoted post, the link is the platform's button.
    static func isEmbedPlaceholderLink(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        guard e.tag == .a, e.chars > 0, Int(e.chars) <= 2 * embedPlaceholderMaxChars else { return false }
        var up = Int(e.parent), depth = 0
        while up >= 0, depth < Vocabulary.Threshold.embedPlaceholderDepth {
            if tree.entries[up].tag == .blockquote {
                return embedPlaceholderLabels.contains(BlockCleanup.normalize(e.node.text))
            }
            up = Int(tree.entries[up].parent)
            depth += 1
        }
        return false
    }

    static let embedPlaceholderLabels = Set(Vocabulary.embedPlaceholderLabels)
    static let embedPlaceholderMaxChars = Vocabulary.embedPlaceholderLabels.map(\.count).max() ?? 0

    /// An embed's wrapper around a quoted post (`<div class="c-social-embed"><blockquote class="twitter-tweet">…`,
    /// `<div class="social-post">`): its class names a share bar, but nearly all its text (at least
    /// `quotedPostWrapperMinShare`) is one blockquote that is itself a quoted post. A share bar has no prose to
    /// quote.
    static func isWrappedQuotedPost(_ tree: PageTree, _ i: Int, categories: Category) -> Bool {
        let e = tree.entries[i]
        guard categories == .share, e.tag != .blockquote else { return false }
        var k = i + 1
        while k < Int(e.end) {
            let d = tree.entries[k]
            if d.tag == .blockquote && !d.removed {
                return isQuotedPost(d, categories: .share)
                    && Double(d.chars) >= Vocabulary.Threshold.quotedPostWrapperMinShare * Double(e.chars)
            }
            k += 1
        }
        return false
    }

    /// Paragraphs of the story in a wrapper whose class merely mentions social buttons (`text-block
    /// with-social-icons`, `share-enabled`): a share bar is buttons and short links, not several paragraphs of
    /// unlinked prose, so a wrapper named only for sharing that holds at least `shareClassProseMinParagraphs`
    /// paragraphs and `shareClassProseMinChars` of prose, with a prose paragraph's link density, is the story's.
    /// A run of short links in it ("Follow us on Facebook, Instagram or TikTok") is the site's social box after all.
    static func isProseUnderShareClass(_ e: PageTree.Entry, categories: Category) -> Bool {
        let t = Vocabulary.Threshold.self
        return categories == .share && Int(e.paragraphs) >= t.shareClassProseMinParagraphs
            && Int(e.proseChars) >= t.shareClassProseMinChars && e.linkDensity < t.proseMaxLinkDensity
            && Int(e.shortLinks) <= t.shareClassProseMaxShortLinks
    }

    /// Why node `i` should go, or nil to keep it.
    /// `previous`: for a list, the text-bearing sibling right before it (does it introduce the list?).
    static func verdict(
        _ tree: PageTree, _ i: Int, isLast: Bool, previous: Int? = nil, protectedChars: Double, mode: ExtractionMode,
        useCategories: Bool
    ) -> Removal? {
        let e = tree.entries[i]
        if e.chars == 0 { return nil }
        if isCardInLink(tree, i) { return Removal(index: i, heuristic: "card-in-link") }
        if isCardBesideLink(tree, i) { return Removal(index: i, heuristic: "card-beside-link") }
        if isEmbedPlaceholderLink(tree, i) { return Removal(index: i, heuristic: "embed-placeholder") }
        if useCategories, let removal = categoryVerdict(tree, i, protectedChars: protectedChars, mode: mode) {
            return removal
        }
        switch e.tag {
        case .time, .address:
            return isFieldInProse(tree, i) ? nil : Removal(index: i, heuristic: "dateline-tag")
        case .dl where isStatsPanel(tree, i):
            return Removal(index: i, heuristic: "stats-panel")
        case .figcaption where mode != .recall:
            return Removal(index: i, heuristic: "caption")
        case .div, .section, .ul, .ol, .dl, .p, .article, .span, .unknownBlock, .center:
            let removal = linkDensityVerdict(tree, i, isLast: isLast, previous: previous, mode: mode)
            // A ranking row's author link or vote line is one field of a record, not a menu.
            if let removal, removal.heuristic.hasPrefix("link-density:short"), inLongTableRow(tree, i) { return nil }
            return removal
        case .table:
            let chars = Int(e.chars)
            guard chars >= Vocabulary.Threshold.tableMinChars else { return nil }
            let limit = chars < Vocabulary.Threshold.longTableChars
                ? Vocabulary.Threshold.linkHeavyRatio : Vocabulary.Threshold.longTableLinkRatio
            guard e.linkDensity > limit, !isDataTable(tree, i) else { return nil }
            return Removal(index: i, heuristic: "link-density:table", score: e.linkDensity)
        default:
            return nil
        }
    }

    /// Why node `i` should go by its class words (embedded media, chaff classes, short bylines and captions),
    /// or nil.
    static func categoryVerdict(_ tree: PageTree, _ i: Int, protectedChars: Double, mode: ExtractionMode) -> Removal? {
        let e = tree.entries[i]
        if e.chars == 0 { return nil }
        if let removal = embeddedChaffVerdict(tree, i) { return removal }
        guard !e.categories.contains(.articleBody) && Double(e.chars) < protectedChars else { return nil }
        var hard = e.categories.intersection(Vocabulary.contentChaff.union(.chromeRole))
        if e.categories.contains(.person) && e.chars >= Int32(Vocabulary.Threshold.personBoxMinChars) {
            hard.insert(.authorBio)
        }
        if !hard.isEmpty && !isQuotedPost(e, categories: hard) && !isProseUnderShareClass(e, categories: hard)
            && !isWrappedQuotedPost(tree, i, categories: hard) && !isWordInSentence(tree, i, categories: hard)
        {
            return Removal(index: i, heuristic: "category:" + hard.label)
        }
        let soft = e.categories.intersection(Vocabulary.shortChaff)
        if !soft.isEmpty && e.chars < Int32(Vocabulary.Threshold.shortChaffChars) {
            if !(soft == .caption && mode == .recall) && !(soft == .byline && isFieldInProse(tree, i)) {
                return Removal(index: i, heuristic: "short-category:" + soft.label)
            }
        }
        return nil
    }

    /// A short field (a name, a date, a time) set inside running text: "The novel by <span class=author>Edith
    /// Marlowe</span> follows …", "The club meets on <time>Thursday</time> in the library …", a timeline
    /// item's "<span class=time>21:40</span> <span>Crews arrive and find the roof alight.</span>". Its tag or
    /// class word names a byline's parts, but here it is a word of the sentence, and removing it cuts the
    /// sentence. It is inline, the text goes on after it within its parent, and its parent holds at least
    /// `fieldInProseMinChars` of unlinked text besides it (a block parent counts only the text flowing through
    /// inline elements). A byline line ("By <span>Jane Doe</span>", "Edited <time>3 May</time> by jane") has
    /// little text of its own around its fields, a trailing meta note ends its line, a teaser row's other text is
    /// its linked headline: all stay chaff.
    static func isFieldInProse(_ tree: PageTree, _ i: Int) -> Bool {
        let e = tree.entries[i]
        guard !e.tag.isBlock, e.parent >= 0, shownChars(tree, i) <= Int32(Vocabulary.Threshold.fieldInProseMaxChars)
        else { return false }
        let parent = tree.entries[Int(e.parent)]
        let text = parent.tag.isBlock ? parent.inlineChars : parent.chars
        guard Int(text) - Int(e.chars) - Int(parent.linkChars) >= Vocabulary.Threshold.fieldInProseMinChars else {
            return false
        }
        var next = Int(e.nextSibling)
        while next >= 0 {
            let sibling = tree.entries[next]
            if !sibling.removed && sibling.tag != .comment && sibling.chars > 0
                && sibling.node.text.contains(where: { !$0.isWhitespace })
            {
                return true
            }
            next = Int(sibling.nextSibling)
        }
        return false
    }

    /// The characters of entry `i` a reader sees: its text less that of hidden parts inside it (the hover card a
    /// script shows over a name in a sentence).
    static func shownChars(_ tree: PageTree, _ i: Int) -> Int32 {
        let e = tree.entries[i]
        var chars = e.chars
        var j = i + 1
        while j < Int(e.end) {
            let d = tree.entries[j]
            if d.hidden || d.removed {
                if !d.removed { chars -= d.chars }
                j = Int(d.end)
            } else {
                j += 1
            }
        }
        return chars
    }

    /// Whether class words of entry `i` (`categories`, those that would remove it) only name a field a sentence
    /// can hold: a name, a date, a topic (`Vocabulary.wordCategories`), and it is such a field inside running text
    /// (`isFieldInProse`): "… on Monday, after <span class=author-wrap><a>Dara Okonjo</a><span hidden>…card…
    /// </span></span> asked for …". Removing it would cut the sentence; a hidden card inside goes on its own.
    static func isWordInSentence(_ tree: PageTree, _ i: Int, categories: Category) -> Bool {
        categories.isSubset(of: Vocabulary.wordCategories) && isFieldInProse(tree, i)
    }

    /// A grid of many rows, each with several cells (a list of laureates by year, a league table): data whose
    /// cells happen to be links, unlike a navigation box's two columns of group labels and link runs. It is
    /// headed (`<th>` cells), or its cells are mostly numbers (a standings table whose header row is a separate
    /// table, or plain `<td>`s).
    static func isDataTable(_ tree: PageTree, _ i: Int) -> Bool {
        let t = Vocabulary.Threshold.self
        var rows = 0
        var wideRows = 0
        var headerCells = 0
        var cellCount = 0
        var numericCells = 0
        for j in (i + 1)..<Int(tree.entries[i].end) {
            let e = tree.entries[j]
            guard !e.removed else { continue }
            if e.tag == .th { headerCells += 1 }
            guard e.tag == .tr else { continue }
            rows += 1
            var cells = 0
            var child = Int(e.firstChild)
            while child >= 0 {
                let c = tree.entries[child]
                if c.tag == .td || c.tag == .th {
                    cells += 1
                    if c.chars > 0 && c.chars <= Int32(t.dataCellMaxChars) && isNumeric(c.node.text) { numericCells += 1 }
                }
                child = Int(c.nextSibling)
            }
            cellCount += cells
            if cells >= t.dataTableMinColumns { wideRows += 1 }
        }
        let grid = wideRows >= t.dataTableMinRows && Double(wideRows) >= t.dataTableWideRowShare * Double(rows)
        let numeric = Double(numericCells) >= t.dataTableNumericShare * Double(max(cellCount, 1))
        return grid && (headerCells >= t.dataTableMinColumns || numeric)
    }

    /// A short definition list whose every value is a number ("Messages: 3", "Likes received: 1"): a forum
    /// member's or a profile's counters, not a glossary or a spec list (whose values are words and units).
    static func isStatsPanel(_ tree: PageTree, _ i: Int) -> Bool {
        guard tree.entries[i].chars < Int32(Vocabulary.Threshold.shortChaffChars) else { return false }
        var values = 0
        for j in (i + 1)..<Int(tree.entries[i].end) where tree.entries[j].tag == .dd && !tree.entries[j].removed {
            guard isNumeric(tree.entries[j].node.text) else { return false }
            values += 1
        }
        return values > 0
    }

    /// A cell's text is a number, a score or a time ("12", "3-1", "1:45.2", "48%", "+7").
    static func isNumeric(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x20, 0x09, 0x0A, 0x0D, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x25: continue  // space + , - . / : %
            default: return false
            }
        }
        return digits > 0
    }

    /// True when node `i` sits in a cell of a table with at least `dataTableMinRows` rows (a ranking, a
    /// results list): short link runs there are the records' fields.
    static func inLongTableRow(_ tree: PageTree, _ i: Int) -> Bool {
        var k = Int(tree.entries[i].parent)
        while k >= 0 {
            let tag = tree.entries[k].tag
            if tag == .table || tag == .body { return false }
            if tag == .tr { break }
            k = Int(tree.entries[k].parent)
        }
        guard k >= 0 else { return false }
        let body = Int(tree.entries[k].parent)
        guard body >= 0 else { return false }
        var rows = 0
        var child = Int(tree.entries[body].firstChild)
        while child >= 0 {
            if tree.entries[child].tag == .tr && !tree.entries[child].removed { rows += 1 }
            child = Int(tree.entries[child].nextSibling)
        }
        return rows >= Vocabulary.Threshold.dataTableMinRows
    }

    /// Media players and many-slide galleries: chaff wherever they sit, even when they hold most of the
    /// content, and even as a root merged in as the story's sibling.
    static func embeddedChaffVerdict(_ tree: PageTree, _ i: Int) -> Removal? {
        let e = tree.entries[i]
        guard e.chars > 0, !e.categories.contains(.articleBody) else { return nil }
        var embedded = e.categories.intersection(Vocabulary.embeddedChaff)
        if max(e.images, e.listItems) < Int32(Vocabulary.Threshold.galleryMinSlides) { embedded.remove(.gallery) }
        return embedded.isEmpty ? nil : Removal(index: i, heuristic: "category:" + embedded.label)
    }

    /// True when `previous` (the text-bearing sibling before a list) is a heading or text ending in a colon.
    static func introducesList(_ tree: PageTree, _ previous: Int?) -> Bool {
        guard let previous else { return false }
        let p = tree.entries[previous]
        if p.tag.headingLevel != nil { return true }
        // A heading in a wrapper (with its edit link or anchor button beside it) introduces the list as well.
        if p.headingChars > 0 && p.chars - p.headingChars <= Int32(Vocabulary.Threshold.headingWrapperMaxExtraChars) {
            return true
        }
        return p.node.text.trimmingSuffixSpaces().hasSuffix(":")
    }

    /// A list of links the story introduces ("These two held up best:", "Patches merged this month:", a
    /// "Downloads" heading) in its middle: part of the story. Unannounced, or at the end of its container, it is
    /// a "related" list. A `<div>` or `<section>` that only wraps a list (`<div class="ulist"><ul>…`) counts as
    /// the list.
    static func isMidStoryList(_ tree: PageTree, _ i: Int, isLast: Bool, previous: Int?, mode: ExtractionMode) -> Bool {
        let e = tree.entries[i]
        guard previous != nil, !isLast, mode != .precision, e.links > 0 else { return false }
        return (e.tag == .ul || e.tag == .ol || listWrapper(tree, i) != nil) && introducesList(tree, previous)
    }

    /// The `<ul>`/`<ol>` that a `<div>` or `<section>` wraps with no text of its own, or nil.
    static func listWrapper(_ tree: PageTree, _ i: Int) -> Int? {
        let e = tree.entries[i]
        guard e.tag == .div || e.tag == .section, e.chars > 0 else { return nil }
        var child = Int(e.firstChild), list: Int?
        while child >= 0 {
            let c = tree.entries[child]
            if c.chars > 0 && c.tag != .comment {
                guard list == nil, c.tag == .ul || c.tag == .ol, c.chars == e.chars else { return nil }
                list = child
            }
            child = Int(c.nextSibling)
        }
        return list
    }

    /// Whether the text-bearing sibling before a list is a sentence of the story leading into it (text ending
    /// in a colon, not a heading): the list is then the story's own, not a widget under its title.
    static func isSentenceLeadIn(_ tree: PageTree, _ previous: Int) -> Bool {
        let p = tree.entries[previous]
        return p.tag.headingLevel == nil && p.headingChars == 0 && p.node.text.trimmingSuffixSpaces().hasSuffix(":")
    }

    /// trafilatura's link tests: one long link, short link-heavy blocks, and link farms.
    static func linkDensityVerdict(
        _ tree: PageTree, _ i: Int, isLast last: Bool, previous: Int? = nil, mode: ExtractionMode
    ) -> Removal? {
        let e = tree.entries[i]
        guard e.links > 0 else { return nil }
        if e.tag == .span && !e.containsBlock { return nil }
        let chars = Int(e.chars)
        let linkChars = Int(e.linkChars)
        let density = e.linkDensity
        let t = Vocabulary.Threshold.self
        if e.links == 1 {
            let longLink = mode == .precision ? t.singleLinkPrecisionChars : t.singleLinkChars
            if linkChars > longLink && density > t.singleLinkRatio && e.tag != .p {
                return Removal(index: i, heuristic: "link-density:single", score: density)
            }
        }
        let gate: Int
        if e.tag == .p {
            gate = last ? t.lastParagraphGate : t.paragraphGate
        } else {
            gate = last ? t.lastElementGate : t.elementGate
        }
        let heavy = mode == .recall ? t.recallLinkHeavyRatio : t.linkHeavyRatio
        let midStoryList = isMidStoryList(tree, i, isLast: last, previous: previous, mode: mode)
        if chars < gate && !midStoryList {
            if density > heavy { return Removal(index: i, heuristic: "link-density:short", score: density) }
            if e.links > 1 && Double(e.shortLinks) > heavy * Double(e.links) && density > t.shortLinksMinDensity {
                return Removal(index: i, heuristic: "link-density:short-links", score: density)
            }
        } else if !midStoryList && e.links > Int32(t.linkFarmMinLinks) && density > t.linkFarmRatio
            && linkChars / Int(e.links) < t.linkFarmMaxAverage
        {
            return Removal(index: i, heuristic: "link-density:farm", score: density)
        } else if mode == .precision && density > t.precisionLinkDensity && e.tag != .p {
            return Removal(index: i, heuristic: "link-density:precision", score: density)
        }
        return nil
    }
}
