import Testing
import WinnowDOM
@testable import WinnowExtract

/// The decision path's stages on small pages written for these tests.
@Suite struct CandidateSelectionTests {
    static let prose = String(repeating: "The harbour board met on Tuesday, and the vote on the new quay was close. ", count: 5)

    @Test func theProseContainerWinsOverAMenuAndASidebar() throws {
        var f = try TreeFixture("""
            <html><body><div id=menu><a href=/a>Home</a> <a href=/b>News</a> <a href=/c>Sport</a></div>
            <div id=story><p>\(Self.prose)</p><p>\(Self.prose)</p><p>\(Self.prose)</p></div>
            <div id=side><p>Short note.</p><a href=/d>More</a></div></body></html>
            """)
        var trace = Trace(enabled: false)
        let choice = CandidateSelection.run(&f.tree, mode: .balanced, trace: &trace)
        let story = try f.index(id: "story")
        #expect(choice.roots == [story])
    }

    @Test func aMarkedStoryBodyIsAnAnchorEvenWhenAnotherBlockScoresClose() throws {
        var f = try TreeFixture("""
            <html><body><div id=teasers><p>\(Self.prose)</p><p>\(Self.prose)</p></div>
            <div id=story class=article-body><p>\(Self.prose)</p><p>\(Self.prose)</p></div></body></html>
            """)
        var trace = Trace(enabled: false)
        let anchored = CandidateSelection.run(&f.tree, mode: .balanced, useAnchors: true, trace: &trace)
        let story = try f.index(id: "story")
        #expect(anchored.roots.contains(story))
        #expect(Vocabulary.storyAnchorHeuristics.contains(anchored.heuristic))
        var g = try TreeFixture(f.document.root!.html)
        let scored = CandidateSelection.run(&g.tree, mode: .balanced, useAnchors: false, trace: &trace)
        #expect(!Vocabulary.storyAnchorHeuristics.contains(scored.heuristic))
    }
}

@Suite struct ProseBaselineTests {
    @Test func takesOutermostProseParagraphsAndSkipsLinkFarmsAndRemovedParts() throws {
        var f = try TreeFixture("""
            <html><body><div><p id=one>A paragraph of plain prose about the quay.</p>
            <blockquote id=quote><p>A quoted line inside a quote.</p></blockquote>
            <p id=links><a href=/a>One link</a> <a href=/b>Another link</a></p>
            <p id=tiny>Hi</p><div hidden><p id=hidden>Hidden prose that chaff removal takes out.</p></div></div></body></html>
            """)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        let region = ProseBaseline.region(f.tree)
        let expected = [try f.index(id: "one"), try f.index(id: "quote")]
        #expect(region.roots == expected)
        #expect(region.heuristic == "fallback:prose")
    }
}

@Suite struct RegionRenderingTests {
    @Test func everyBlockNamesItsSourceAndCleanupRecordsTheNodesItDrops() throws {
        let f = try TreeFixture("""
            <html><body><div id=root><h1 id=title>Harbour vote</h1>
            <p id=text>The harbour board met on Tuesday and voted for the new quay after a long debate.</p>
            <div id=loose><span id=by>By</span> <a id=name href=/staff/ann>Ann Reporter</a></div>
            <ul id=list><li><span id=label>Sold out</span></li><li>A kettle of cast iron</li></ul></div></body></html>
            """)
        let root = try f.index(id: "root")
        let region = Region(tree: f.tree, roots: [root], mode: .balanced, heuristic: "test")
        let rendering = region.render(url: nil, titles: ["Harbour vote"], explain: true)
        // The title heading and the byline run go; the paragraph and the list stay.
        let (text, list, title, by, name, loose) = (
            try f.index(id: "text"), try f.index(id: "list"), try f.index(id: "title"), try f.index(id: "by"),
            try f.index(id: "name"), try f.index(id: "loose"))
        #expect(rendering.output.sources == [text, list])
        let dropped = rendering.trace.droppedNodes
        #expect(dropped[title] == "title-heading")
        #expect(dropped[by] != nil && dropped[name] != nil)
        #expect(dropped[loose] == nil)
        // Without explain the same blocks come out, with no per-run provenance.
        let quiet = region.render(url: nil, titles: ["Harbour vote"], explain: false)
        #expect(quiet.blocks == rendering.blocks)
        #expect(quiet.trace.droppedNodes.isEmpty)
    }
}

@Suite struct BlockConverterRecoveryTests {
    @Test func cellsWhoseRowsWereNeverOpenedAreCutIntoRowsAsWideAsTheHeader() throws {
        // Rows closed with </tr> but never opened: a browser implies each <tr>; libxml2 leaves the cells loose.
        let body = (1...12).map { "<td>Team \($0)</td><td>\($0 * 3)</td><td>\(40 - $0)</td></tr>" }.joined()
        let f = try TreeFixture("""
            <html><body><table id=t><thead><tr><th>Team</th><th>Points</th><th>Goals</th></tr></thead>
            <tbody>\(body)</tbody></table></body></html>
            """)
        let blocks = BlockConverter(tree: f.tree, mode: .balanced, url: nil).blocks(of: [try f.index(id: "t")])
        guard case .table(let table)? = blocks.first else {
            Issue.record("expected a table, got \(blocks)")
            return
        }
        #expect(table.rows.count == 13)
        #expect(table.rows.allSatisfy { $0.count == 3 })
        #expect(table.rows.last?.map { InlineText.plainText($0.content) } == ["Team 12", "36", "28"])
    }

    @Test func textAfterAWordBreakOpportunityIsKept() throws {
        let f = try TreeFixture("<html><body><p id=p>The point 0.40616753<wbr>67769961<wbr>+0.14576215 was drawn.</p></body></html>")
        let text = BlockConverter(tree: f.tree, mode: .balanced, url: nil).blocks(of: [try f.index(id: "p")])
            .map(\.plainText).joined()
        #expect(text == "The point 0.4061675367769961+0.14576215 was drawn.")
    }
}

/// `Extractor.decide`'s last retry: a page whose story is shipped hidden for a script to show.
@Suite struct HiddenContentRetryTests {
    static let sentence = "The ferry timetable changes on the first of the month, and the late boat now waits for the last train. "

    private func text(_ html: String, mode: ExtractionMode = .balanced) throws -> String {
        let document = try Document(html: html, url: "https://example.org/timetable")
        let article = Extractor(options: .init(mode: mode)).extract(from: document).article
        return Block.plainText(of: article.blocks, separator: "\n")
    }

    @Test func aStoryShippedHiddenIsFoundWhenNothingVisibleHoldsOne() throws {
        // A timetable a script shows once it has loaded: a short introduction and a list, too little
        // paragraph text for the hidden part to be kept as prose in the first pass.
        let departures = (6..<20).map { "<li>Harbour quay to Island pier, departs \($0):40, arrives \($0 + 1):15</li>" }
        let html = """
            <html><body><div class="loading">Loading</div>
            <div id="app" style="display:none"><p>\(String(repeating: Self.sentence, count: 2))</p>
            <ul>\(departures.joined())</ul>
            <div class="menu" hidden><a href="/a">Routes and fares for every crossing</a></div></div>
            </body></html>
            """
        let found = try text(html)
        #expect(found.contains("late boat now waits"))
        #expect(found.contains("departs 19:40, arrives 20:15"))
        // A hidden menu stays hidden.
        #expect(!found.contains("Routes and fares"))
        // Precision mode takes no fallbacks.
        #expect(try text(html, mode: .precision).isEmpty)
    }

    @Test func shortHiddenTextIsNoStory() throws {
        let html = """
            <html><body><div id="app"></div>
            <div style="display:none"><p>Sign in to save your favourite crossings and get delay alerts.</p></div>
            </body></html>
            """
        #expect(try text(html).isEmpty)
    }

    @Test func aVisibleStoryLeavesHiddenPartsOut() throws {
        let html = """
            <html><body><article><p>\(String(repeating: Self.sentence, count: 4))</p></article>
            <div style="display:none"><p>\(String(repeating: "A draft paragraph the editor parked out of sight. ", count: 3))</p></div>
            </body></html>
            """
        let found = try text(html)
        #expect(found.contains("late boat now waits"))
        #expect(!found.contains("draft paragraph"))
    }
}

/// On a story's page, `<article>`s that are all other stories' cards are no anchor (`CandidateSelection.bestAnchor`).
@Suite struct CardFeedAnchorTests {
    static let prose = "The harbour board met on Tuesday, and the vote on the new quay was close, with members split. "

    static func card(_ n: Int) -> String {
        """
        <article class=post-card><h3><a href="/blog/post-\(n)/">Another post number \(n) from the blog</a></h3>
        <span>March \(n), 2025</span><p>An excerpt of another post, with a comma, about the same town and its
        quay, cut off before the end,</p><a href="/blog/post-\(n)/">Read More</a></article>
        """
    }

    func anchor(_ html: String, storyPage: Bool) throws -> (CandidateSelection.Anchor?, TreeFixture) {
        var f = try TreeFixture(html)
        CandidateSelection.score(&f.tree)
        let top = CandidateSelection.bestScored(f.tree) ?? f.tree.bodyIndex
        var area: Int?
        var trace = Trace(enabled: false)
        let anchor = CandidateSelection.bestAnchor(
            f.tree, scorerTop: top, storyPage: storyPage, url: "https://example.org/blog/story/", passedArea: &area,
            trace: &trace)
        return (anchor, f)
    }

    @Test func aFeedOfCardsBesideTheStoryIsNoAnchorOnAStoryPage() throws {
        let page = """
            <html><body><div id=story><h1>The story</h1><p>\(Self.prose + Self.prose)</p><p>\(Self.prose + Self.prose)</p><p>\(Self.prose)</p></div>
            <div id=side><h3>Latest News</h3><div id=posts>\(Self.card(1))\(Self.card(2))\(Self.card(3))</div></div></body></html>
            """
        let (onStory, f) = try anchor(page, storyPage: true)
        let posts = try f.index(id: "posts")
        #expect(onStory?.index != posts)
        // Elsewhere (a blog's index) the cards' container is the page's content.
        let (onIndex, _) = try anchor(page, storyPage: false)
        #expect(onIndex?.index == posts)
    }

    @Test func cardsThatAreMostOfThePageStayAnAnchor() throws {
        let page = """
            <html><body><h1>Latest posts</h1><div id=posts>\(Self.card(1))\(Self.card(2))\(Self.card(3))</div></body></html>
            """
        let (anchor, f) = try anchor(page, storyPage: true)
        #expect(anchor?.index == (try f.index(id: "posts")))
    }
}
