/// Stage: chooses the node(s) holding the story.
///
/// 1. Readability scoring from the aggregates: every block with ≥ 25 characters of direct text scores
///    1 + commas + min(chars/100, 3), damped by its link density, and hands the score to up to five ancestors
///    (divisors 1, 2, 3·level) that start from a tag base and a ±25 class weight; the best node is
///    score × (1 − link density), then promoted to a shared ancestor or a better-scoring parent.
/// 2. Semantic anchors (itemprop=articleBody and CMS body classes, then a unique `<article>`, then
///    role=main/article, then `<main>`), trusted when they hold a plausible share of the scorer's text. On a
///    story's page, a page area (role=main, `<main>`) is passed over when it only wraps the scorer's one story
///    block in much other text that scores nothing like a part of the story (`wrapsOneStoryBlock`), and the
///    scorer's node is then widened only inside that area.
/// 3. Sibling merge: siblings scoring ≥ max(10, 0.2 × top), prose paragraphs, and blocks sandwiched between
///    merged siblings join the result, so stories split across sibling containers come out whole; when none
///    joins an anchored, headed node, its class twins in the same column do (`classTwins`: builder sections).
enum CandidateSelection {
    /// The chosen roots, in document order, and how they were found.
    struct Choice {
        var roots: [Int]
        var heuristic: String
    }

    /// Chooses the content roots. `useAnchors: false` gives the scorer's choice alone (the recall retry).
    static func run(
        _ tree: inout PageTree, mode: ExtractionMode, useAnchors: Bool = true, storyPage: Bool = false,
        url: String? = nil, trace: inout Trace
    ) -> Choice {
        score(&tree)
        let body = tree.bodyIndex
        var top = bestScored(tree) ?? body
        if trace.enabled {
            // Explanations list the five best-scoring nodes, to show what the winner beat.
            let ranked = (0..<tree.entries.count).filter { tree.entries[$0].scored && !tree.entries[$0].removed }
                .sorted { finalScore(tree.entries[$0]) > finalScore(tree.entries[$1]) }.prefix(5)
            for r in ranked { trace.record(.kept, tree, r, heuristic: "score-rank", score: finalScore(tree.entries[r])) }
        }
        top = promote(tree, top)
        var heuristic = "candidate:score"
        var area: Int?
        if useAnchors,
           let anchor = bestAnchor(tree, scorerTop: top, storyPage: storyPage, url: url, passedArea: &area, trace: &trace) {
            top = anchor.index
            heuristic = "candidate:" + anchor.kind
        }
        // Widening stays inside a page area passed over for wrapping the story's one block.
        let widened = heuristic == "candidate:score" ? widenToProse(tree, top, below: area) : top
        if widened != top {
            trace.record(.kept, tree, widened, heuristic: "widen-to-prose", score: tree.entries[widened].score)
            top = widened
        }
        trace.record(.kept, tree, top, heuristic: heuristic, score: tree.entries[top].score)
        var roots = mergeSiblings(tree, top: top, mode: mode, trace: &trace)
        // A body class the page repeats on several headed sections names every part of the story.
        if roots == [top] && heuristic != "candidate:score" { roots = classTwins(tree, top: top, trace: &trace) }
        return Choice(roots: roots, heuristic: heuristic)
    }

    // MARK: Scoring

    static func classWeight(_ categories: Category) -> Double {
        var weight = 0.0
        if !categories.isDisjoint(with: Vocabulary.negativeScore) { weight -= Vocabulary.Threshold.classWeight }
        if !categories.isDisjoint(with: [.positive, .articleBody, .contentArea]) { weight += Vocabulary.Threshold.classWeight }
        return weight
    }

    /// Readability's paragraph scores, propagated to ancestors.
    static func score(_ tree: inout PageTree) {
        let t = Vocabulary.Threshold.self
        let minChars = Int32(t.scoringMinChars)
        let charsPerComma = Int32(t.scoringCharsPerComma)
        let charsPerPoint = Int32(t.scoringCharsPerPoint)
        for i in 0..<tree.entries.count {
            let entry = tree.entries[i]
            guard !entry.removed, entry.inlineChars >= minChars, Vocabulary.scoringTags.contains(entry.tag) else {
                continue
            }
            let commas = entry.containsBlock ? min(entry.commas, entry.inlineChars / charsPerComma) : entry.commas
            var points = 1 + Double(commas) + min(Double(entry.inlineChars / charsPerPoint), t.scoringMaxLengthPoints)
            if !entry.containsBlock { points *= 1 - entry.linkDensity }
            var ancestor = Int(entry.parent)
            var level = 0
            while ancestor >= 0 && level < t.scoringAncestorLevels {
                if !tree.entries[ancestor].scored {
                    let a = tree.entries[ancestor]
                    tree.entries[ancestor].score = (Vocabulary.tagBaseScore[a.tag] ?? 0) + classWeight(a.categories)
                    tree.entries[ancestor].scored = true
                }
                let divisor = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * t.scoringLevelDivisor)
                tree.entries[ancestor].score += points / divisor
                ancestor = Int(tree.entries[ancestor].parent)
                level += 1
            }
        }
    }

    static func finalScore(_ entry: PageTree.Entry) -> Double { entry.score * (1 - entry.linkDensity) }

    static func bestScored(_ tree: PageTree) -> Int? {
        var best: Int?
        var bestScore = -Double.infinity
        for i in 0..<tree.entries.count where tree.entries[i].scored && !tree.entries[i].removed {
            let s = finalScore(tree.entries[i])
            if s > bestScore { bestScore = s; best = i }
        }
        return best
    }

    /// Readability's promotion: a shared ancestor of several near-top candidates, a better-scoring parent,
    /// and single-child wrappers.
    static func promote(_ tree: PageTree, _ start: Int) -> Int {
        var top = start
        let topScore = finalScore(tree.entries[top])
        let body = tree.bodyIndex
        guard top != body else { return top }
        let t = Vocabulary.Threshold.self
        // The best other candidates scoring at least `promoteNearShare` of the best.
        var others: [(index: Int, score: Double)] = []
        for i in 0..<tree.entries.count where i != top && tree.entries[i].scored && !tree.entries[i].removed {
            let s = finalScore(tree.entries[i])
            if s >= t.promoteNearShare * topScore { others.append((i, s)) }
        }
        others.sort { $0.score > $1.score }
        let alternatives = others.prefix(t.promoteAlternatives).map(\.index)
        if alternatives.count >= t.promoteMinContaining {
            var ancestor = Int(tree.entries[top].parent)
            while ancestor > body {
                let containing = alternatives.filter { tree.contains(ancestor, $0) }.count
                if containing >= t.promoteMinContaining { top = ancestor; break }
                ancestor = Int(tree.entries[ancestor].parent)
            }
        }
        // Climb while the parent scores better; stop when it falls below the running score / `promoteClimbFloor`.
        var lastScore = finalScore(tree.entries[top])
        var parent = Int(tree.entries[top].parent)
        while parent > body {
            let p = tree.entries[parent]
            if !p.scored { parent = Int(p.parent); continue }
            let parentScore = finalScore(p)
            if parentScore < lastScore / t.promoteClimbFloor { break }
            if parentScore > lastScore { top = parent; break }
            lastScore = parentScore
            parent = Int(p.parent)
        }
        // Single-child wrappers hold exactly the same text; climbing them lets sibling merge see real siblings.
        var wrapper = Int(tree.entries[top].parent)
        while wrapper > body && tree.entries[wrapper].chars == tree.entries[top].chars
            && liveElementChildren(tree, wrapper).count == 1
        {
            top = wrapper
            wrapper = Int(tree.entries[top].parent)
        }
        return top
    }

    static func liveElementChildren(_ tree: PageTree, _ index: Int) -> [Int] {
        tree.elementChildren(of: index).filter { !tree.entries[$0].removed }
    }

    // MARK: Anchors

    struct Anchor {
        var index: Int
        var kind: String
    }

    /// The first anchor level with a plausible node.
    /// `storyPage`: the page says it is a story (`PageKind.article`); a page area that only wraps the story's one
    /// block is then passed over (`wrapsOneStoryBlock`), and other stories' cards are no `<article>` anchor.
    /// `url`: the page's address, to tell the site's own links in such cards.
    /// `passedArea` is set to such an area when one was passed over.
    static func bestAnchor(
        _ tree: PageTree, scorerTop: Int, storyPage: Bool = false, url: String? = nil, passedArea: inout Int?,
        trace: inout Trace
    ) -> Anchor? {
        var bodyClass: [Int] = []
        var articles: [Int] = []
        var roles: [Int] = []
        var mains: [Int] = []
        for i in 1..<tree.entries.count {
            let e = tree.entries[i]
            guard !e.removed, e.chars > 0 else { continue }
            if e.categories.contains(.articleBody) && e.tag != .body {
                bodyClass.append(i)
            } else if e.categories.contains(.contentArea) && e.tag != .body {
                roles.append(i)
            }
            if e.tag == .article { articles.append(i) }
            if e.tag == .main { mains.append(i) }
        }
        let topText = prose(tree.entries[scorerTop])
        articles = outermost(tree, articles)
        // On a story's page, `<article>`s that are all other stories' cards (a linked headline to another page of
        // the site, an excerpt, a date: `TeaserCards.isCard`) are a "Latest news" feed beside the story, and
        // anchor nothing when the page holds at least as much prose outside them as in them (the story column
        // next to the feed). On a listing that calls itself a story, the cards are the page.
        if storyPage, articles.count >= 2 {
            let page = url.flatMap(SiteLink.init(absolute:)) ?? SiteLink.unknownPage
            let cardProse = articles.reduce(0.0) { $0 + prose(tree.entries[$1]) }
            if prose(tree.entries[tree.bodyIndex]) - cardProse >= cardProse,
               articles.allSatisfy({ TeaserCards.isCard(tree, $0, page: page, story: true) }) {
                trace.record(.dropped, tree, articles[0], heuristic: "anchor-test:anchor-article other stories' cards")
                articles = []
            }
        }
        if articles.count >= 2, let shared = sharedContainer(tree, articles) {
            articles = [shared]
        }
        // A story split into several body-classed parts (`story-body-1`, an ad, `story-body-2`) is their
        // shared container when they make up most of it.
        bodyClass = outermost(tree, bodyClass)
        if bodyClass.count >= 2, let shared = sharedContainer(tree, bodyClass) {
            bodyClass = [shared]
        }
        let levels: [(String, [Int])] = [
            ("anchor-class", bodyClass), ("anchor-article", articles), ("anchor-area", roles), ("anchor-main", mains),
        ]
        for (kind, nodes) in levels where !nodes.isEmpty {
            // Outermost matches only; nested matches of one level describe the same region.
            guard let best = nodes.max(by: { prose(tree.entries[$0]) < prose(tree.entries[$1]) }) else { continue }
            let entry = tree.entries[best]
            let text = prose(entry)
            trace.record(
                .kept, tree, best, heuristic: "anchor-test:\(kind) prose=\(Int(text)) scorer-prose=\(Int(topText)) link-density",
                score: entry.linkDensity)
            if entry.linkDensity > Vocabulary.Threshold.anchorMaxLinkDensity { continue }
            if kind == "anchor-area" || kind == "anchor-main", addsTeaserFeed(tree, outer: best, story: scorerTop) {
                trace.record(.dropped, tree, best, heuristic: "anchor-test:\(kind) adds a teaser feed")
                continue
            }
            if storyPage, kind == "anchor-area" || kind == "anchor-main", wrapsOneStoryBlock(tree, outer: best, story: scorerTop) {
                trace.record(.dropped, tree, best, heuristic: "anchor-test:\(kind) adds no part of the story")
                if passedArea == nil { passedArea = best }
                continue
            }
            // Inside the scorer's node, the anchor names the story within a wrapper: a smaller share suffices.
            let share = kind == "anchor-class" && tree.contains(scorerTop, best) ? Vocabulary.Threshold.anchorInsideShare : Vocabulary.Threshold.anchorMinShare
            if text >= share * topText && text >= Vocabulary.Threshold.anchorMinProse {
                return Anchor(index: best, kind: kind)
            }
        }
        return nil
    }

    /// True when a page area (`role=main`, `<main>`) around the scorer's node adds much text to it
    /// (`anchorExtraProseRatio`, up to `anchorMaxProseRatio`) but no other node in it scores like a part of the story
    /// (`anchorRivalScoreShare` of the story node's score): the story sits whole in one block, and the rest of
    /// the area is what surrounds it (an FAQ, post excerpts, a contact box). A story split over sibling
    /// modules has parts that score alike, and keeps the area.
    static func wrapsOneStoryBlock(_ tree: PageTree, outer: Int, story: Int) -> Bool {
        let t = Vocabulary.Threshold.self
        let storyProse = prose(tree.entries[story])
        let outerProse = prose(tree.entries[outer])
        // Far more text than the story node: the scorer's node is a fragment of the story, not all of it.
        guard outer != story, tree.contains(outer, story), outerProse > t.anchorExtraProseRatio * storyProse,
              outerProse <= t.anchorMaxProseRatio * storyProse else { return false }
        let floor = t.anchorRivalScoreShare * finalScore(tree.entries[story])
        var i = outer + 1
        let end = Int(tree.entries[outer].end)
        while i < end {
            let e = tree.entries[i]
            if i == story || e.removed {
                i = Int(e.end)
                continue
            }
            // The story node's own ancestors carry its score; they are not rivals.
            if e.scored && !tree.contains(i, story) && finalScore(e) >= floor { return false }
            i += 1
        }
        return true
    }

    /// True when a container holding the story's node adds to it mostly teaser items — list items whose
    /// headline is a link ("Recommended for you" under the story) — rather than more of the story. Forum
    /// replies in list items are not teasers: their links are a small share of their text.
    static func addsTeaserFeed(_ tree: PageTree, outer: Int, story: Int) -> Bool {
        guard outer != story, tree.contains(outer, story) else { return false }
        let extra = prose(tree.entries[outer]) - prose(tree.entries[story])
        guard extra > 0 else { return false }
        return teaserProse(tree, in: outer, excluding: story) > Vocabulary.Threshold.teaserFeedShare * extra
    }

    /// Prose of the teaser items (list items whose links are at least `teaserMinLinkShare` of their text)
    /// inside `outer`, leaving out the subtree of `excluding`.
    static func teaserProse(_ tree: PageTree, in outer: Int, excluding: Int? = nil) -> Double {
        let minShare = Vocabulary.Threshold.teaserMinLinkShare
        var total = 0.0
        var i = outer + 1
        let end = Int(tree.entries[outer].end)
        while i < end {
            let e = tree.entries[i]
            if i == excluding || e.removed {
                i = Int(e.end)
            } else if e.tag == .li && !(excluding.map { tree.contains(i, $0) } ?? false) {
                if e.links > 0 && Double(e.linkChars) >= minShare * Double(e.chars) { total += prose(e) }
                i = Int(e.end)
            } else {
                i += 1
            }
        }
        return total
    }

    /// Nodes not inside another node of the list.
    static func outermost(_ tree: PageTree, _ nodes: [Int]) -> [Int] {
        var result: [Int] = []
        for n in nodes where !result.contains(where: { tree.contains($0, n) }) { result.append(n) }
        return result
    }

    /// Several sizeable `<article>`s (forum posts, tabbed sections): their nearest common ancestor when they
    /// make up most of its text; otherwise the largest one alone.
    static func sharedContainer(_ tree: PageTree, _ nodes: [Int]) -> Int? {
        guard let largest = nodes.map({ prose(tree.entries[$0]) }).max(), largest > 0 else { return nil }
        let big = nodes.filter { prose(tree.entries[$0]) >= Vocabulary.Threshold.sharedContainerPartShare * largest }
        guard big.count >= 2, let first = big.first else { return nil }
        var ancestor = Int(tree.entries[first].parent)
        while ancestor > 0 && !big.allSatisfy({ tree.contains(ancestor, $0) }) {
            ancestor = Int(tree.entries[ancestor].parent)
        }
        guard ancestor > 0 else { return nil }
        let sum = big.reduce(0.0) { $0 + prose(tree.entries[$1]) }
        return sum >= Vocabulary.Threshold.sharedContainerMinCover * prose(tree.entries[ancestor]) ? ancestor : nil
    }

    /// Non-link characters.
    static func prose(_ entry: PageTree.Entry) -> Double { Double(entry.chars - entry.linkChars) }

    // MARK: Widening

    /// Climbs to ancestors that are themselves mostly prose and add a good deal of it: a story whose
    /// sections sit in cousin containers (page builders, Google-style layouts) comes out whole.
    /// `below`: a node the widening must not reach (a page area passed over as wrapping the story's block).
    static func widenToProse(_ tree: PageTree, _ start: Int, below limit: Int? = nil) -> Int {
        var top = start
        var parent = Int(tree.entries[top].parent)
        let t = Vocabulary.Threshold.self
        while parent > tree.bodyIndex && tree.entries[parent].tag != .body && parent != limit {
            let a = tree.entries[parent]
            let current = tree.entries[top]
            if a.chars == current.chars {
                top = parent
            } else if a.linkDensity < t.widenMaxLinkDensity, a.categories.isDisjoint(with: Vocabulary.negativeScore),
                prose(a) >= t.widenMinGrowth * prose(current),
                Double(a.proseChars) >= t.widenMinProseShare * Double(a.chars),
                !addsTeaserFeed(tree, outer: parent, story: top)
            {
                top = parent
            } else {
                break
            }
            parent = Int(tree.entries[top].parent)
        }
        return top
    }

    // MARK: Sibling merge

    static func mergeSiblings(_ tree: PageTree, top: Int, mode: ExtractionMode, trace: inout Trace) -> [Int] {
        let parent = Int(tree.entries[top].parent)
        guard top != tree.bodyIndex, parent >= 0 else { return [top] }
        let topEntry = tree.entries[top]
        let threshold = max(
            Vocabulary.Threshold.siblingMinScore, Vocabulary.Threshold.siblingScoreShare * finalScore(topEntry))
        let topClass = topEntry.node.attribute("class") ?? ""
        let siblings = liveElementChildren(tree, parent)
        var included = [Bool](repeating: false, count: siblings.count)
        for (k, s) in siblings.enumerated() {
            if s == top { included[k] = true; continue }
            let e = tree.entries[s]
            guard e.chars > 0, e.categories.isDisjoint(with: Vocabulary.negativeScore) else { continue }
            var bonus = 0.0
            if !topClass.isEmpty, e.node.attribute("class") == topClass { bonus = Vocabulary.Threshold.siblingClassBonus * finalScore(topEntry) }
            if e.scored && finalScore(e) + bonus >= threshold {
                included[k] = true
            } else if !e.containsBlock || e.tag == .p {
                let ld = e.linkDensity
                if e.chars > Vocabulary.Threshold.siblingProseChars && ld < Vocabulary.Threshold.siblingProseLinkDensity {
                    included[k] = true
                } else if e.chars > 0 && ld == 0 && mode != .precision {
                    let text = e.node.text
                    if text.containsText(". ") || text.trimmingSuffixSpaces().hasSuffix(".") { included[k] = true }
                }
            }
            if included[k] { trace.record(.kept, tree, s, heuristic: "sibling-merge", score: finalScore(e)) }
        }
        // Headings, lists, quotes and tables between merged siblings belong to the same story.
        if let first = included.firstIndex(of: true), let last = included.lastIndex(of: true), first < last {
            for k in first...last where !included[k] {
                let e = tree.entries[siblings[k]]
                if e.categories.isDisjoint(with: Vocabulary.negativeScore) && e.linkDensity < Vocabulary.Threshold.sandwichMaxLinkDensity {
                    included[k] = true
                    trace.record(.kept, tree, siblings[k], heuristic: "sibling-sandwich")
                }
            }
        }
        // A summary set in a box of its own just above the story's container ("Key points", "Highlights": a
        // list of whole sentences, few links) is the story's first part; a contents list or a tag row is links.
        if let first = included.firstIndex(of: true), first > 0, isSummaryList(tree, siblings[first - 1], story: topEntry) {
            included[first - 1] = true
            trace.record(.kept, tree, siblings[first - 1], heuristic: "summary-list")
        }
        return siblings.enumerated().filter { included[$0.offset] }.map(\.element)
    }

    /// A box holding a list of sentences and little else: at least `summaryListMinItems` items (not counting
    /// those nested in another), at least `summaryListItemShare` of them of `summaryListItemMinWords` words or
    /// more, the items at least `summaryListTextShare` of the box's text, at most `summaryListMaxLinkDensity` of it
    /// linked, no chaff class, and shorter than the story it sums up (`summaryListMaxStoryShare`).
    static func isSummaryList(_ tree: PageTree, _ index: Int, story: PageTree.Entry) -> Bool {
        let t = Vocabulary.Threshold.self
        let e = tree.entries[index]
        guard e.listItems >= t.summaryListMinItems, e.categories.isDisjoint(with: Vocabulary.negativeScore),
              e.linkDensity <= t.summaryListMaxLinkDensity,
              Double(e.chars) <= t.summaryListMaxStoryShare * Double(story.chars) else { return false }
        var items = 0
        var sentences = 0
        var itemChars: Int32 = 0
        var i = index + 1
        while i < Int(e.end) {
            let item = tree.entries[i]
            guard item.tag == .li, !item.removed else { i += 1; continue }
            items += 1
            itemChars += item.chars
            if item.node.text.split(whereSeparator: \.isWhitespace).count >= t.summaryListItemMinWords { sentences += 1 }
            i = Int(item.end)
        }
        return items >= Int(t.summaryListMinItems) && Double(sentences) >= t.summaryListItemShare * Double(items)
            && Double(itemChars) >= t.summaryListTextShare * Double(e.chars)
    }
}

extension CandidateSelection {
    /// The story's node (found by its anchor: a body class, `<article>`, `role=main`) with its class twins, in
    /// document order: when the node is a headed section, other headed elements of the same tag and class
    /// attribute that score as prose (at least the sibling threshold, little link text, no chaff class) in
    /// the same column (`sameColumn`). A page builder wraps each section of one story in its own block
    /// (`section > div > … > div.rich-text`), so the parts are cousins, not siblings, and sibling merge alone
    /// keeps one section.
    static func classTwins(_ tree: PageTree, top: Int, trace: inout Trace) -> [Int] {
        let topEntry = tree.entries[top]
        guard top != tree.bodyIndex, topEntry.headingChars > 0, let topClass = topEntry.node.attribute("class"),
              !topClass.isEmpty else {
            return [top]
        }
        let t = Vocabulary.Threshold.self
        let threshold = max(t.siblingMinScore, t.siblingScoreShare * finalScore(topEntry))
        var roots: [Int] = []
        var i = tree.bodyIndex + 1
        while i < tree.entries.count {
            let e = tree.entries[i]
            if e.removed { i = max(i + 1, Int(e.end)); continue }
            if i == top { roots.append(i); i = Int(e.end); continue }
            if e.tag == topEntry.tag, e.headingChars > 0, e.scored, finalScore(e) >= threshold,
               e.linkDensity < t.siblingProseLinkDensity, e.categories.isDisjoint(with: Vocabulary.negativeScore),
               e.node.attribute("class") == topClass, !(i < top && top < Int(e.end)), sameColumn(tree, i, top) {
                trace.record(.kept, tree, i, heuristic: "class-twin", score: finalScore(e))
                roots.append(i)
                i = Int(e.end)
                continue
            }
            i += 1
        }
        return roots
    }

    /// True when `i` shares an ancestor below `<body>` with `top` and no element between `i` and that ancestor
    /// is chrome or carries a chaff class (a related box, a sidebar: a twin there is another story's excerpt).
    static func sameColumn(_ tree: PageTree, _ i: Int, _ top: Int) -> Bool {
        let shared = commonAncestor(tree, i, top)
        guard shared != tree.bodyIndex else { return false }
        var k = Int(tree.entries[i].parent)
        while k > shared {
            let e = tree.entries[k]
            if Vocabulary.chromeTags.contains(e.tag) || !e.categories.isDisjoint(with: Vocabulary.negativeScore) { return false }
            k = Int(e.parent)
        }
        return true
    }

    /// The nearest element holding both `a` and `b`.
    static func commonAncestor(_ tree: PageTree, _ a: Int, _ b: Int) -> Int {
        var k = Int(tree.entries[a].parent)
        while k >= 0 {
            if k < b && b < Int(tree.entries[k].end) { return k }
            k = Int(tree.entries[k].parent)
        }
        return tree.bodyIndex
    }
}

extension String {
    /// The string without trailing spaces and newlines.
    func trimmingSuffixSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first, c.properties.isWhitespace {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
