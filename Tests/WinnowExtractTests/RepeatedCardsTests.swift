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

    func isInCard(_ node: Node) -> Bool {
        var cards = RepeatedCards()
        return cards.contains(node)
    }

    @Test func twoCardsAreNoRunAndAHeadlineIsNoCard() throws {
        let two = try Document(html: "<div>" + (1...2).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined() + "</div>")
        let bylines = two.root!.descendants.filter { $0.isElement && $0.attribute("class") == "byline" }
        #expect(bylines.count == 2)
        #expect(!bylines.contains { isInCard($0) })
        let three = try Document(html: "<div>" + (1...3).map { Self.card($0, author: "Otto Fenn", day: $0) }.joined() + "</div>")
        #expect(three.root!.descendants.filter { $0.isElement && $0.attribute("class") == "byline" }
            .allSatisfy { isInCard($0) })
        // Like blocks that hold an <h1> are the page, not cards.
        let headed = try Document(html: "<div>" + String(repeating: "<section class=\"s\"><h1>Story</h1><h2><a href=\"/x\">More</a></h2><p class=\"byline\">By Otto Fenn</p></section>", count: 3) + "</div>")
        #expect(!headed.root!.descendants.filter { $0.isElement && $0.attribute("class") == "byline" }
            .contains { isInCard($0) })
    }
}
