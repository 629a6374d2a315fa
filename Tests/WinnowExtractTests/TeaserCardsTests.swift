import Testing
import WinnowDOM
@testable import WinnowExtract

/// Other stories' cards at the end of the story's container (`TeaserCards`), and the site-link test it rests on.
@Suite struct TeaserCardsTests {
    static let page = SiteLink(absolute: "https://www.example.org/2026/11/14/quarry-lake")!
    static let story = (1...5).map {
        "<p>Paragraph \($0) of the story tells what the council decided and why the lake reopened this weekend.</p>"
    }.joined()

    static func card(_ slug: String, headingInLink: Bool = true) -> String {
        let headline = "Another Headline About \(slug.capitalized) Here"
        let heading = headingInLink ? "<a href=\"/2026/11/\(slug)\"><h5>\(headline)</h5></a>"
            : "<h3><a href=\"https://example.org/2026/11/\(slug)\">\(headline)</a></h3>"
        return "<div class=\"c\">\(heading)<p>One line of summary for \(slug).</p><span>Ada Moyo · Nov 12</span></div>"
    }

    func removed(_ html: String, url: String = "https://www.example.org/2026/11/14/quarry-lake") throws -> [String] {
        let fixture = try TreeFixture("<html><body><div id=\"root\">\(html)</div></body></html>")
        let root = try fixture.index(id: "root")
        return TeaserCards.removals(fixture.tree, roots: [root], url: url).map {
            fixture.tree.entries[$0].node.attribute("id") ?? fixture.tree.entries[$0].node.name
        }
    }

    @Test func trailingCardsInTheStorysContainerGo() throws {
        let cards = "<div id=\"cards\"><div>Next</div>\(Self.card("lamps"))<div>Previous</div>\(Self.card("fares"))</div>"
        #expect(try removed(Self.story + cards) == ["cards"])
        // The same cards as direct siblings of the story's paragraphs, headings holding the link.
        let loose = Self.card("lamps", headingInLink: false) + Self.card("fares", headingInLink: false)
        #expect(try removed(Self.story + loose) == ["div", "div"])
    }

    @Test func aSavedPageWithoutItsAddressIsKnownByItsCanonicalLink() throws {
        // No URL given (a file saved from the browser): the canonical link says which site the cards link within.
        let cards = Self.card("lamps") + Self.card("fares")
        let html = "<html><head><link rel=\"canonical\" href=\"https://www.example.org/2026/11/14/quarry-lake\">"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article><h1>Quarry lake reopens</h1>"
            + Self.story + cards + "</article></body></html>"
        let text = Extractor().extract(from: try Document(html: html, url: nil)).article.plainText
        #expect(text.contains("Paragraph 5 of the story"))
        #expect(!text.contains("Another Headline"))
    }

    @Test func cardsWithAParagraphOfExcerptGo() throws {
        // A blog's excerpt cards: a linked headline, a byline and date, and an excerpt of some 80 words.
        let excerpt = String(repeating: "The older post explains how the footbridge was repaired after the storm. ", count: 6)
        let cards = (1...2).map {
            "<article id=\"old\($0)\"><h3><a href=\"/2026/10/older-\($0)\">An Older Post About the Footbridge</a></h3>"
                + "<span>Ada Moyo · Oct \($0)</span><p>\(excerpt)</p></article>"
        }.joined()
        let story = String(repeating: Self.story, count: 3)
        #expect(try removed(story + cards) == ["old1", "old2"])
    }

    @Test func oneCardCardsBeforeTheEndOrCardsOutweighingTheStoryStay() throws {
        #expect(try removed(Self.story + Self.card("lamps")).isEmpty, "a single card")
        #expect(try removed(Self.card("lamps") + Self.card("fares") + Self.story).isEmpty, "not at the end")
        let listicle = (1...8).map { Self.card("place-\($0)") }.joined()
        #expect(try removed("<p>Eight places to swim this winter, with a line on each.</p>" + listicle).isEmpty,
                "a listicle's linked headings are its text")
    }

    @Test func linksToOtherSitesOrToThePageItselfAreNotTeasers() throws {
        let external = (1...2).map {
            "<div><h3><a href=\"https://elsewhere.example/\($0)\">A Headline Somewhere Else Entirely</a></h3><p>x</p></div>"
        }.joined()
        #expect(try removed(Self.story + external).isEmpty)
        let selfLinks = (1...2).map { _ in
            "<div><h3><a href=\"/2026/11/14/quarry-lake\">Quarry Lake Opens for Swimming</a></h3><p>x</p></div>"
        }.joined()
        #expect(try removed(Self.story + selfLinks).isEmpty)
        // Without the page's address only its relative links are known to be its site's.
        let absolute = Self.card("a", headingInLink: false) + Self.card("b", headingInLink: false)
        #expect(try removed(Self.story + absolute, url: "not a url").isEmpty)
    }

    @Test func aSavedPageWithNoAddressAtAllStillLosesCardsLinkedRelatively() throws {
        // No URL, no canonical link, no og:url: the cards' relative links can only lead within the page's site.
        let html = "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<h1>Quarry lake reopens</h1>" + Self.story + Self.card("lamps") + Self.card("fares") + "</article></body></html>"
        let text = Extractor().extract(from: try Document(html: html, url: nil)).article.plainText
        #expect(text.contains("Paragraph 5 of the story"))
        #expect(!text.contains("Another Headline"))
        #expect(try removed(Self.story + Self.card("a") + Self.card("b"), url: "not a url") == ["div", "div"])
    }

    @Test("site links: relative, same host (www aside), other hosts, schemes, fragments", arguments: [
        ("/2026/11/other", true), ("other-story.html", true), ("https://example.org/2026/x", true),
        ("//www.example.org/a", true), ("https://EXAMPLE.org:443/b", true), ("https://example.com/a", false),
        ("#comments", false), ("mailto:desk@example.org", false), ("javascript:void(0)", false), ("/", false),
        ("/2026/11/14/quarry-lake?ref=x", false), ("https://sub.example.org/a", false),
    ])
    func siteLinks(href: String, other: Bool) {
        #expect(Self.page.isOtherPageOfSite(href) == other)
    }

    @Test("sister hosts count as the site only when asked (a story's page)", arguments: [
        ("https://sub.example.org/a", true), ("https://sport.example.org/2026/x", true), ("https://example.org.evil.net/a", false),
        // The page's own path on a sister host is its copy (a mobile or AMP host), not another page.
        ("https://example.com/a", false), ("https://m.example.org/2026/11/14/quarry-lake", false),
    ])
    func sisterHosts(href: String, other: Bool) {
        var page = Self.page
        page.sisters = true
        #expect(page.isOtherPageOfSite(href) == other)
    }

    @Test("one site: same host, or one registered domain (a country's short second level part of the suffix)", arguments: [
        ("news.example.com", "example.com", true), ("a.b.example.com", "sport.example.com", true),
        ("news.example.co.uk", "example.co.uk", true), ("one.co.uk", "two.co.uk", false),
        ("example.com", "example.net", false), ("x.abc.de", "abc.de", false), ("127.0.0.1", "10.0.0.1", false),
        ("127.0.0.1", "127.0.0.1", true), ("localhost", "localhost", true), ("", "example.com", false),
    ])
    func sameSite(a: String, b: String, same: Bool) {
        #expect(SiteLink.sameSite(a, b) == same)
        #expect(SiteLink.sameSite(b, a) == same)
    }

    @Test func aFeedNestedInWrappersGoesOnlyOnAStoryPage() throws {
        let cards = Self.card("lamps") + Self.card("fares") + Self.card("roof")
        let nested = "<section id=\"more\"><div><div class=\"grid\">\(cards)</div></div></section>"
        let fixture = try TreeFixture("<html><body><div id=\"root\">\(Self.story + nested)</div></body></html>")
        let root = try fixture.index(id: "root")
        let url = "https://www.example.org/2026/11/14/quarry-lake"
        let onStory = TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: true)
        #expect(onStory.map { fixture.tree.entries[$0].node.attribute("id") } == ["more"])
        #expect(TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: false).isEmpty)
    }

    @Test func cardsThatAreEachOneLinkGoOnlyOnAStoryPage() throws {
        let cards = ["lamps", "fares", "roof"].map { slug in
            "<a href=\"/2026/11/\(slug)\"><img src=\"\(slug).jpg\" alt=\"\"><h3>Another Headline About \(slug.capitalized) Here</h3>"
                + "<p>One line of summary for \(slug).</p><span>Nov 12</span></a>"
        }.joined()
        let fixture = try TreeFixture("<html><body><div id=\"root\">\(Self.story)\(cards)</div></body></html>")
        let root = try fixture.index(id: "root")
        let url = "https://www.example.org/2026/11/14/quarry-lake"
        #expect(TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: true).count == 3)
        // Elsewhere linked tiles are a landing page's own sections.
        #expect(TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: false).isEmpty)
    }

    @Test func datedCardsWithAnUnlinkedHeadlineOverOneAddressGoOnAStoryPage() throws {
        func cards(stamp: (String) -> String) -> String {
            ["lamps", "fares", "roof"].map { slug in
                "<div><h4>Another Headline About \(slug.capitalized) Here</h4><p>One line of summary for \(slug).</p>"
                    + "<span>\(stamp(slug))</span><a href=\"/2026/11/\(slug)\">Read more</a></div>"
            }.joined()
        }
        let url = "https://www.example.org/2026/11/14/quarry-lake"
        func removed(_ html: String, story: Bool) throws -> Int {
            let fixture = try TreeFixture("<html><body><div id=\"root\">\(Self.story)\(html)</div></body></html>")
            return TeaserCards.removals(fixture.tree, roots: [try fixture.index(id: "root")], url: url, nested: story).count
        }
        let dated = cards { _ in "Ada Moyo · Nov 12, 2026" }
        #expect(try removed(dated, story: true) == 3)
        #expect(try removed(dated, story: false) == 0)
        // Without a date they are a page's "Learn more" boxes.
        #expect(try removed(cards { "Ask us about \($0)" }, story: true) == 0)
    }

    @Test func listItemsLedByALinkedHeadlineAreCardsOnlyOnAStoryPage() throws {
        let items = ["lamps", "fares", "roof"].map { slug in
            "<li><a href=\"/2026/11/\(slug)\">Another Headline About \(slug.capitalized) Here</a>"
                + "<p>One line of summary for \(slug).</p><span>Ada Moyo · Nov 12</span></li>"
        }.joined()
        let fixture = try TreeFixture("<html><body><div id=\"root\">\(Self.story)<ul id=\"more\">\(items)</ul></div></body></html>")
        let root = try fixture.index(id: "root")
        let url = "https://www.example.org/2026/11/14/quarry-lake"
        let onStory = TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: true)
        #expect(onStory.map { fixture.tree.entries[$0].node.attribute("id") } == ["more"])
        // Elsewhere a list of linked items is the page's own list (an index, a shop's grid).
        #expect(TeaserCards.removals(fixture.tree, roots: [root], url: url, nested: false).isEmpty)
    }
}

@Suite struct NumericDataTableTests {
    static func rows(_ count: Int, linked: Bool) -> String {
        (1...count).map { n in
            let cell = { (text: String) in linked ? "<td><a href=\"/s/\(n)\">\(text)</a></td>" : "<td>\(text)</td>" }
            return "<tr><td>\(n)</td>\(cell("Team \(n)"))\(cell("20"))\(cell("\(15 - n / 2)"))\(cell("\(48 - n)"))</tr>"
        }.joined()
    }

    @Test func aGridOfNumbersIsDataWithoutHeaderCells() throws {
        let fixture = try TreeFixture("<html><body><table id=\"t\">\(Self.rows(12, linked: true))</table></body></html>")
        #expect(ContentPruning.isDataTable(fixture.tree, try fixture.index(id: "t")))
    }

    @Test func aNavigationBoxIsNot() throws {
        let row = "<tr><td>Sections</td><td><a href=\"/a\">News</a> <a href=\"/b\">Sport</a> <a href=\"/c\">Arts</a></td><td><a href=\"/d\">Weather and travel</a></td></tr>"
        let fixture = try TreeFixture("<html><body><table id=\"t\">\(String(repeating: row, count: 10))</table></body></html>")
        #expect(!ContentPruning.isDataTable(fixture.tree, try fixture.index(id: "t")))
        #expect(ContentPruning.isNumeric("3-1") && ContentPruning.isNumeric("1:45.2") && ContentPruning.isNumeric("48%"))
        #expect(!ContentPruning.isNumeric("Team 4") && !ContentPruning.isNumeric(" - "))
    }

    @Test func aOneRowTableOfShortCellsIsAHeaderStripNotParagraphs() throws {
        let strip = try TreeFixture("<html><body><table id=\"t\"><tr><td>Pos</td><td>Team</td><td>Pts</td></tr></table></body></html>")
        #expect(TableShape.isDataTable(strip.tree, try strip.index(id: "t")))
        let layout = try TreeFixture("<html><body><table id=\"t\"><tr><td>\(BlockCleanupTests().story)</td><td>x</td><td>y</td></tr></table></body></html>")
        #expect(!TableShape.isDataTable(layout.tree, try layout.index(id: "t")))
    }
}
