import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Bylines and dates in a run of like teaser cards are the cards' own, not the page's (`RepeatedCards`).
/// Pages written for the pattern.
@Suite("Metadata: bylines and dates in repeated cards")
struct RepeatedCardsTests {
    static func card(_ n: Int, author: String, day: Int) -> String {
        """
        <article class="teaser"><h2><a href="/journal/entry-\(n)">Entry \(n) of the workshop journal</a></h2>
        <p class="byline">By \(author)</p><time class="published" datetime="2024-04-\(10 + day)">April \(10 + day), 2024</time>
        <p>A few lines on what went on the bench this week and what came off it.</p></article>
        """
    }

    @Test func blogIndexTakesNoAuthorOrDateFromItsFirstCard() throws {
        let cards = (1...4).map { Self.card($0, author: ["Mara Quill", "Otto Fenn"][$0 % 2], day: $0) }.joined()
        let html = "<html><head><title>Workshop journal</title></head><body><main><h1>Workshop journal</h1>\(cards)</main></body></html>"
        let url = "https://bench.example/journal/"
        let m = MetadataExtractor.extract(from: try Document(html: html, url: url), url: url, now: metadataTestNow)
        #expect(m.authors.isEmpty)
        #expect(m.published == nil)
    }

    @Test func storyKeepsItsOwnBylineOverSignedCardsBelow() throws {
        let cards = (1...3).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined()
        let html = """
            <html><head><title>Resawing walnut by hand</title></head><body><main>
            <article class="story"><h1>Resawing walnut by hand</h1><p class="byline">By Mara Quill</p>
            <time class="published" datetime="2024-03-02">March 2, 2024</time>
            <p>The board was too wide for the bandsaw, so the frame saw came down from the wall for the afternoon.</p></article>
            <section class="more">\(cards)</section></main></body></html>
            """
        let url = "https://bench.example/journal/resawing-walnut-by-hand"
        let m = MetadataExtractor.extract(from: try Document(html: html, url: url), url: url, now: metadataTestNow)
        #expect(m.authors == ["Mara Quill"])
        #expect(m.published?.hasPrefix("2024-03-02") == true)
    }

    func isInCard(_ node: Node, pageHasHeadline: Bool = false) -> Bool {
        var cards = RepeatedCards(pageHasHeadline: pageHasHeadline)
        return cards.contains(node)
    }

    func bylines(_ document: Document) -> [Node] {
        document.root!.descendants.filter { $0.isElement && $0.attribute("class") == "byline" }
    }

    @Test func twoCardsAreNoRunWithoutAHeadlineAndAHeadlineIsNoCard() throws {
        let two = try Document(html: "<div>" + (1...2).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined() + "</div>")
        #expect(bylines(two).count == 2)
        #expect(!bylines(two).contains { isInCard($0) })
        let three = try Document(html: "<div>" + (1...3).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined() + "</div>")
        #expect(bylines(three).allSatisfy { isInCard($0) })
        // Like blocks that hold an <h1> are the page, not cards.
        let headed = try Document(html: "<div>" + String(repeating: "<section class=\"s\"><h1>Story</h1><h2><a href=\"/x\">More</a></h2><p class=\"byline\">By Otto Fenn</p></section>", count: 3) + "</div>")
        #expect(!bylines(headed).contains { isInCard($0, pageHasHeadline: true) })
    }

    @Test func aPairOfTeasersUnderThePagesHeadlineAreCards() throws {
        let two = try Document(html: "<div>" + (1...2).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined() + "</div>")
        #expect(bylines(two).allSatisfy { isInCard($0, pageHasHeadline: true) })
        // Two layout columns that each hold more than one linked heading are blocks of cards, not a pair of teasers.
        let column = "<div class=\"col\"><h2><a href=\"/a\">First linked heading here</a></h2><h3><a href=\"/b\">Second linked heading</a></h3><p class=\"byline\">By Otto Fenn</p></div>"
        let columns = try Document(html: "<div>" + column + column + "</div>")
        #expect(!bylines(columns).contains { isInCard($0, pageHasHeadline: true) })
    }

    /// A story with no byline of its own, followed by "Next story" and "Previous story" teasers, each signed: the
    /// teasers' credits and dates are theirs, and the page has none.
    @Test func storyWithoutBylineTakesNoCreditFromNextAndPreviousTeasers() throws {
        func teaser(_ label: String, _ slug: String, _ author: String, _ day: Int) -> String {
            """
            <div class="story-card"><div class="story-card__label">\(label)</div><a href="/local/2031/05/\(day)/\(slug)">\
            <h5 class="story-card__headline">\(slug.replacingOccurrences(of: "-", with: " "))</h5></a>\
            <p class="story-card__summary">A one-line summary of another story on the same site.</p>\
            <span class="story-card__credit">By \(author)</span> <time datetime="2031-05-0\(day)T09:15:00Z">May \(day), 2031</time></div>
            """
        }
        let html = """
            <html><head><title>Harbor ferry fares rise again - The Coastline Gazette</title></head><body><main><article>
            <h1>Harbor ferry fares rise again</h1><div class="article-body">
            <p>Commuters who cross the harbor each morning will pay forty cents more per ride from next month, the port authority said.</p>
            <p>The board approved the increase after a long hearing in which riders asked for a discount on monthly passes.</p>
            \(teaser("Next Story", "bridge-tolls-frozen-for-the-winter", "Marta Quillfeather", 2))
            \(teaser("Previous Story", "new-bus-lanes-open-downtown", "Tobias Wrenhall", 1))
            </div></article></main></body></html>
            """
        let url = "https://gazette.example/local/2031/05/06/harbor-ferry-fares-rise-again"
        let m = MetadataExtractor.extract(from: try Document(html: html, url: url), url: url, now: metadataTestNow)
        #expect(m.authors.isEmpty)
        #expect(m.published == nil)
        #expect(m.title == "Harbor ferry fares rise again")
    }
}
