import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Page shapes that misled the metadata scan: dates of related cards and embedded posts taken for the story's,
/// a UTC stamp one day off the permalink, a control that swallowed the page and unlisted publication-date metas. Fixtures are written for the pattern.
@Suite("Metadata: page shapes")
struct MetadataPageShapeTests {
    static func filler(_ count: Int) -> String {
        (0..<count).map { "<p>Paragraph \($0) about pruning roses in the cold months of the year.</p>" }.joined()
    }

    static func republishHead(_ day: String) -> String {
        jsonLDScript("""
            {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Pruning roses in winter",
             "datePublished": "\(day)", "dateModified": "\(day)"}
            """)
    }

    // MARK: Dates shown with the headline

    @Test func relatedCardDateIsNoRepublishEvidence() throws {
        // Published and modified the same day (an article never updated): a dated card of another story far
        // below the headline is not the story's own date.
        let m = try extractMetadata(page(head: Self.republishHead("2025-03-10"), body: """
            <article><h1>Pruning roses in winter</h1>\(Self.filler(80))</article>
            <aside><div class="card"><h3>Planting bulbs</h3><p class="card-date">May 8, 2024</p></div></aside>
            """))
        #expect(m.published == "2025-03-10")
    }

    @Test func dateTextUnderTheHeadlineBeatsARepublishStamp() throws {
        // No class marks the date, but it is the line under the headline.
        let m = try extractMetadata(page(head: Self.republishHead("2025-05-20"), body: """
            <article><h1>Pruning roses in winter</h1><div><p>January 31, 2024</p></div>\(Self.filler(5))</article>
            """))
        #expect(m.published == "2024-01-31")
    }

    @Test func embeddedPostDateInTheBodyIsNoRepublishEvidence() throws {
        let m = try extractMetadata(page(head: Self.republishHead("2025-05-20"), body: """
            <article><h1>Pruning roses in winter</h1>\(Self.filler(20))
            <blockquote><p>What a bloom!</p>— Garden Club <a href="https://social.example/post/1">October 31, 2024</a></blockquote>
            </article>
            """))
        #expect(m.published == "2025-05-20")
    }

    @Test func dateUnderTheHeadlineOutranksMarkedDatesAwayFromIt() throws {
        // No declared date: the masthead's day above the page and the related cards below are marked, the story's
        // date under the headline is not.
        let m = try extractMetadata(page(body: """
            <header><div class="header-date">Friday, May 30, 2025</div>\(Self.filler(30))</header>
            <article><h1>Pruning roses in winter</h1><p>By Ada Lindqvist</p><p>12.05.2025</p>\(Self.filler(70))</article>
            <aside><div class="card"><p class="card-date">May 29, 2025</p></div></aside>
            """))
        #expect(m.published == "2025-05-12")
    }

    @Test func monthNameInThePermalink() {
        #expect(DateParser.dateInURL("https://blog.example/knowledge/2023/october/03/wine-styles")?.iso8601 == "2023-10-03")
        #expect(DateParser.dateInURL("https://blog.example/archive/2023/october/wine-styles") == nil)
    }

    // MARK: Zoned stamps and the permalink's day

    @Test func permalinkDayWinsOverAUTCStampOneDayLater() throws {
        // Posted in the evening in a western zone: UTC already says the next day.
        let html = page(head: "<meta property=\"article:published_time\" content=\"2025-03-19T02:41:41+00:00\">",
                        body: "<h1>Evening notes</h1><p>Text.</p>")
        let m = try extractMetadata(html, url: "https://blog.example/2025/03/18/evening-notes")
        #expect(m.published == "2025-03-18")
        // Same day, or no time in the stamp: the stamp stands.
        let sameDay = try extractMetadata(html, url: "https://blog.example/2025/03/19/evening-notes")
        #expect(sameDay.published == "2025-03-19T02:41:41Z")
        let dayOnly = try extractMetadata(
            page(head: "<meta property=\"article:published_time\" content=\"2025-03-19\">", body: "<h1>Notes</h1>"),
            url: "https://blog.example/2025/03/18/evening-notes")
        #expect(dayOnly.published == "2025-03-19")
    }

    // MARK: A control that swallowed the page

    @Test func unclosedButtonDoesNotHideTheByline() throws {
        // The menu button's closing tag is lost, so the parser keeps the whole page inside it.
        let icons = (0..<320).map { "<i class=\"icon-\($0)\"></i>" }.joined()
        let m = try extractMetadata(page(body: """
            <header><button class="menu"><div>\(icons)</div>
            <main><article><h1>Pruning roses in winter</h1><div class="byline">By Ada Lindqvist</div>
            <div class="item-date">Published on March 02, 2025</div>\(Self.filler(3))</article></main>
            """))
        #expect(m.authors == ["Ada Lindqvist"])
        #expect(m.published == "2025-03-02")
        // An ordinary button's text stays unread.
        let small = try extractMetadata(page(body: """
            <h1>Pruning roses in winter</h1><button>By date</button><p>Text.</p>
            """))
        #expect(small.authors == [])
    }

    @Test func storyAfterTheClosingHtmlTagIsRead() throws {
        // The template closes the document before the story; the parser opens a second <html> for the rest.
        let html = """
            <!DOCTYPE html><html><head><title>Here is what we found.</title></head><body><nav>Home</nav></body></html>
            <div class="story"><h1>Six ways to prune roses in winter</h1><div class="byline">By Ada Lindqvist</div>
            <p>Start with the dead wood.</p></div>
            """
        let m = try extractMetadata(html)
        #expect(m.title == "Six ways to prune roses in winter")
        #expect(m.authors == ["Ada Lindqvist"])
    }

    // MARK: Publication-date metas outside the table

    @Test(arguments: ["w-published-date", "page.publish_time", "x-pubdate"])
    func unlistedPublicationDateKeyIsRead(key: String) throws {
        let m = try extractMetadata(page(head: "<meta name=\"\(key)\" content=\"2025-05-27T06:03:43Z\">"))
        #expect(m.published == "2025-05-27T06:03:43Z")
    }

    @Test func listedKeyOutranksAGuessedOne() throws {
        let m = try extractMetadata(page(head: """
            <meta name="published-time" content="2025-05-01T08:00:00Z"><meta name="publish-date" content="2021-02-16">
            """))
        #expect(m.published == "2021-02-16")
        // A key with a modification word is not a publication date.
        let modified = try extractMetadata(page(head: "<meta name=\"publish-date-updated\" content=\"2025-05-01\">"))
        #expect(modified.published == nil)
    }
}
