import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Credits with more than a name in them (the outlet, a job title, a desk) and menu entries reading "By ...".
/// Fixtures are written for the pattern.
@Suite("Metadata: credit shapes")
struct MetadataCreditShapeTests {
    @Test func outletAfterTheNameIsCut() {
        #expect(AuthorCleaner.clean("Mara Quist Harbour Times", siteName: "Harbour Times", visibleText: true) == ["Mara Quist"])
        // The outlet alone is still no credit, and a name is never cut below two words.
        #expect(AuthorCleaner.clean("Harbour Times", siteName: "Harbour Times", visibleText: true) == [])
        #expect(AuthorCleaner.clean("Mara Times", siteName: "Times", visibleText: true) == ["Mara Times"])
    }

    @Test(arguments: [
        ("By Mara Quist Senior Garden Reporter", ["Mara Quist"]),
        ("By Mara Quist Senior Garden Reporter Updated March 11, 2025", ["Mara Quist"]),
        // A collective role stays with its group; a lowercase job word is prose, not a title.
        ("The Almanac editors", ["The Almanac editors"]),
    ])
    func jobTitleAfterTheNameIsCut(raw: String, expected: [String]) {
        #expect(AuthorCleaner.clean(raw, visibleText: true) == expected)
    }

    @Test func deskAfterTheJobTitleIsNoSecondAuthor() {
        #expect(AuthorCleaner.clean("& Mara Quist Writer, Hardware", visibleText: true) == ["Mara Quist"])
        // Two people stay two people.
        #expect(AuthorCleaner.clean("Mara Quist, Olle Berg", visibleText: true) == ["Mara Quist", "Olle Berg"])
    }

    @Test func menuEntryAboveTheHeadlineDoesNotReplaceTheDeclaredAuthor() throws {
        // The declared author is the site's own name; the only "By ..." text is a menu entry above the headline.
        let m = try extractMetadata(page(
            head: "<meta property=\"og:site_name\" content=\"Gatherly\"><meta name=\"author\" content=\"Gatherly\">",
            body: """
                <nav><ul><li>Solutions</li><li>By Event Size</li></ul></nav>
                <article><h1>Planning a team offsite</h1><p>Start with the budget and the date.</p></article>
                """))
        #expect(m.authors == ["Gatherly"])
        // A byline under the headline still names the person.
        let credited = try extractMetadata(page(
            head: "<meta property=\"og:site_name\" content=\"Gatherly\"><meta name=\"author\" content=\"Gatherly\">",
            body: """
                <article><h1>Planning a team offsite</h1><p>By Ines Varga</p><p>Start with the budget.</p></article>
                """))
        #expect(credited.authors == ["Ines Varga"])
    }

    @Test func menuListItemAboveTheHeadlineIsNoByline() throws {
        let menu = try extractMetadata(page(body: """
            <header><ul class="mega"><li><a href="/shop">Shop</a><ul><li><span>By Room Size</span></li></ul></li></ul></header>
            <article><h1>Choosing a sofa for a small room</h1><p>Measure the doorway first.</p></article>
            """))
        #expect(menu.authors == [])
        // A byline above the headline outside any menu is still read.
        let kicker = try extractMetadata(page(body: """
            <article><div class="kicker">By Ines Varga</div><h1>Choosing a sofa for a small room</h1><p>Measure.</p></article>
            """))
        #expect(kicker.authors == ["Ines Varga"])
    }
}
