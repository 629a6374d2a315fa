import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// How pages encode their metadata in ways that misled the reader: JSON-LD carried in a `<meta>` content, a
/// numeric date that reads either way, given names that are month names, and double-encoded UTF-8 headings.
/// Fixtures are invented for the pattern.
@Suite("Metadata: encodings and conventions")
struct MetadataEncodingShapeTests {
    // MARK: JSON-LD in a meta content

    @Test func jsonLDInAMetaContentIsReadAsJSONLD() throws {
        let json = """
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable changes for spring",
             "datePublished":"2024-02-11T09:30:00Z","author":{"@type":"Person","name":"Odile Brannagh"}}
            """.replacingOccurrences(of: "\"", with: "&quot;")
        let m = try extractMetadata(page(
            head: "<title>Ferry timetable changes for spring</title><meta name=\"page:structured\" content=\"\(json)\">",
            body: "<h1>Ferry timetable changes for spring</h1><p>The first crossing leaves earlier from March.</p>"))
        #expect(m.published == "2024-02-11T09:30:00Z")
        #expect(m.authors == ["Odile Brannagh"])
    }

    @Test func aMetaContentWithoutSchemaKeysIsNoJSONLD() {
        #expect(PageScanner.isJSONLDObject(" {\"@type\":\"Article\"}"))
        #expect(PageScanner.isJSONLDObject("[{\"@context\":\"https://schema.org\"}]"))
        #expect(!PageScanner.isJSONLDObject("{\"title\":\"A tracking blob\",\"post_id\":12}"))
        #expect(!PageScanner.isJSONLDObject("Uses the @type key of schema.org"))
    }

    // MARK: Numeric dates that read either way

    @Test func aWordedDateOnThePageDecidesTheOrderOfANumericDate() throws {
        // Dashes read day-first (4 July); the page says 7 April in words.
        let m = try extractMetadata(page(
            head: "<meta property=\"article:published_time\" content=\"04-07-2023\">",
            body: "<article><h1>Lantern walk returns to the harbour</h1><p>Published April 7, 2023</p>"
                + "<p>Families gathered along the quay once the sun went down.</p></article>"))
        #expect(m.published == "2023-04-07")
    }

    @Test func withoutAWordedDateTheNumericDateKeepsItsOrder() throws {
        let m = try extractMetadata(page(
            head: "<meta property=\"article:published_time\" content=\"04-07-2023\">",
            body: "<article><h1>Lantern walk returns to the harbour</h1>"
                + "<p>Families gathered along the quay once the sun went down.</p></article>"))
        #expect(m.published == "2023-07-04")
    }

    @Test(arguments: [("es", "2023-05-04"), ("de-DE", "2023-05-04"), ("en-GB", "2023-05-04"), ("en-US", "2023-04-05"),
                      ("en", "2023-04-05"), (nil, "2023-04-05")] as [(String?, String)])
    func aSlashedDateReadsDayFirstInLanguagesThatWriteItSo(lang: String?, expected: String) throws {
        let m = try extractMetadata(page(
            head: "<meta property=\"article:published_time\" content=\"04/05/2023\">",
            body: "<article><h1>Lantern walk returns to the harbour</h1>"
                + "<p>Families gathered along the quay once the sun went down.</p></article>", lang: lang))
        #expect(m.published == expected)
    }

    @Test func aWordedDateOutranksThePageLanguage() throws {
        let m = try extractMetadata(page(
            head: "<meta property=\"article:published_time\" content=\"04/05/2023\">",
            body: "<article><h1>Lantern walk returns to the harbour</h1><p>Published April 5, 2023</p>"
                + "<p>Families gathered along the quay once the sun went down.</p></article>", lang: "fr"))
        #expect(m.published == "2023-04-05")
    }

    @Test func otherReadingOnlyForAmbiguousNumericDates() {
        #expect(DateParser.otherReading("04-07-2023", now: metadataTestNow) == PageDate(year: 2023, month: 4, day: 7))
        #expect(DateParser.otherReading("04/07/2023 10:15", now: metadataTestNow)
            == PageDate(year: 2023, month: 7, day: 4, secondsOfDay: 36_900))
        #expect(DateParser.otherReading("13/07/2023", now: metadataTestNow) == nil)
        #expect(DateParser.otherReading("05/05/2023", now: metadataTestNow) == nil)
        #expect(DateParser.otherReading("2023-04-07", now: metadataTestNow) == nil)
        #expect(DateParser.otherReading("July 4, 2023", now: metadataTestNow) == nil)
    }

    // MARK: Given names that are month names

    @Test func monthNamedGivenNamesAreNames() {
        #expect(AuthorCleaner.clean("By April Tenwick") == ["April Tenwick"])
        #expect(AuthorCleaner.clean("Corinne June Halvers") == ["Corinne June Halvers"])
        #expect(AuthorCleaner.clean("August Merriden, Staff Writer") == ["August Merriden"])
        #expect(AuthorCleaner.clean("Jan Wiertelak") == ["Jan Wiertelak"])
    }

    @Test func mayIsASurnameUnlessANumberFollows() {
        #expect(AuthorCleaner.clean("By Tomas May") == ["Tomas May"])
        #expect(AuthorCleaner.clean("May Lindqvist") == ["May Lindqvist"])
        #expect(AuthorCleaner.clean("By Irene Sol | May 12, 2026") == ["Irene Sol"])
        #expect(AuthorCleaner.clean("Irene Sol May 2026") == ["Irene Sol"])
    }

    @Test func labelledFieldsInABylineNameNobodyButACreditLabelIntroducesTheWriter() {
        #expect(AuthorCleaner.clean("Von Irene Sol | 12.05.2026 | Lesezeit: 3 Min.") == ["Irene Sol"])
        #expect(AuthorCleaner.clean("By Irene Sol | Reading time: 4 min") == ["Irene Sol"])
        #expect(AuthorCleaner.clean("Text: Irene Sol | Fotos: Paul Rand") == ["Irene Sol"])
        #expect(AuthorCleaner.clean("design: Paul Rand, code: Ada Quill") == [])
    }

    @Test func monthNamesBeforeADayStillEndTheName() {
        #expect(AuthorCleaner.clean("Marisol Vance June 5, 2024") == ["Marisol Vance"])
        #expect(AuthorCleaner.clean("Marisol Vance Sat Dec 6") == ["Marisol Vance"])
        #expect(AuthorCleaner.clean("Marisol Vance | June") == ["Marisol Vance"])
        #expect(AuthorCleaner.clean("June") == [])
    }

    @Test func aMonthNamedAuthorInTheHeadIsKept() throws {
        let m = try extractMetadata(page(
            head: "<meta name=\"author\" content=\"April Tenwick\">",
            body: "<h1>Seed swaps in the library</h1><p>Bring a labelled envelope.</p>"))
        #expect(m.authors == ["April Tenwick"])
    }

    // MARK: The outlet among the credits

    @Test func theOutletCreditedBesidePeopleIsNoAuthor() throws {
        let m = try extractMetadata(page(head: "<meta property=\"og:site_name\" content=\"Northport Harbour Times\">"
            + jsonLDScript("""
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Dredging starts at the east pier",
                 "author":{"@type":"Person","name":"Tamsin Oyelaran and Bertil Grahn, The Harbour Times"},
                 "publisher":{"@type":"Organization","name":"The Harbour Times"}}
                """), body: "<h1>Dredging starts at the east pier</h1><p>Work runs through the winter.</p>"))
        #expect(m.authors == ["Tamsin Oyelaran", "Bertil Grahn"])
    }

    @Test func anOutletCreditedAloneIsKept() {
        #expect(MetadataExtractor.withoutOutlets(["The Harbour Times"], outlets: ["Harbour Times"]) == ["The Harbour Times"])
        #expect(MetadataExtractor.withoutOutlets(["Ada Moss", "Harbour Times"], outlets: ["Northport Harbour Times"])
            == ["Ada Moss"])
        // A leading "The" does not matter; a name that only begins the outlet's name is a person's.
        #expect(MetadataExtractor.withoutOutlets(["Ada Moss", "Lee Times"], outlets: ["The Lee Times"]) == ["Ada Moss"])
        #expect(MetadataExtractor.withoutOutlets(["Ada Moss", "Ann Lee"], outlets: ["Ann Lee Times"]) == ["Ada Moss", "Ann Lee"])
    }

    // MARK: Hidden headings

    @Test func aScreenReaderHeadingIsNotTheHeadline() throws {
        // A search panel's hidden <h1> opens the page; the story's <h1> comes hundreds of elements later, with its
        // date right under it.
        let menu = (0..<700).map { "<li><a href=\"/topic/\($0)\">Topic \($0)</a></li>" }.joined()
        let m = try extractMetadata(page(body: """
            <div class="search-panel"><h1 class="sr-only">Search</h1><form><input name="q"></form></div>
            <nav><ul>\(menu)</ul></nav>
            <article><h1>Moth counts rise in the valley</h1><ul><li class="c-meta__date">March 3, 2025</li></ul>
            <p>Volunteers logged more moths than in any year since the survey began.</p></article>
            """))
        #expect(m.published == "2025-03-03")
        #expect(m.title == "Moth counts rise in the valley")
    }

    @Test func visuallyHiddenMarks() throws {
        let document = try Document(html: """
            <html><body><h1 class="title sr-only">A</h1><h1 hidden>B</h1><h1 class="headline">C</h1></body></html>
            """)
        let headings = document.root.map { root in root.descendants.filter { $0.isElement(named: "h1") } } ?? []
        #expect(headings.map(PageScanner.isVisuallyHidden) == [true, true, false])
    }

    // MARK: Datelines without "By"

    @Test func aCreditAndDateLineUnderTheHeadlineIsAByline() throws {
        let m = try extractMetadata(page(body: """
            <header><h1>Orchard frost plans for April</h1><p>Wilhelmina Osei | Senior Writer | July 2, 2024</p></header>
            <p>Growers are lighting smudge pots earlier this year.</p>
            """), url: "https://coop.example.org/growing/frost-plans")
        #expect(m.authors == ["Wilhelmina Osei"])
        #expect(m.published == "2024-07-02")
    }

    @Test func creditBeforeDateShapes() {
        #expect(PageScanner.creditBeforeDate("Wilhelmina Osei · 5 March 2024") == "Wilhelmina Osei")
        #expect(PageScanner.creditBeforeDate("Gardening | July 2, 2024") == nil)  // one word: a section
        #expect(PageScanner.creditBeforeDate("July 2, 2024 | Updated July 3, 2024") == nil)
        #expect(PageScanner.creditBeforeDate("July 2, 2024") == nil)
    }

    // MARK: Dates in byline blocks

    @Test func aDateInTheBylineBlockDatesTheStory() throws {
        // No <h1> to look under: the byline block is where the date is.
        let m = try extractMetadata(page(head: "<title>Repairing a slate roof</title>", body: """
            <article><div class="post-author-details"><p>Ignatius Faro</p><small>October 14, 2024</small></div>
            <p>Start by sorting the sound slates from the cracked ones.</p></article>
            """))
        #expect(m.authors == ["Ignatius Faro"])
        #expect(m.published == "2024-10-14")
    }

    @Test func aDatedBylineFarBelowTheHeadlineDatesNothing() throws {
        // A customer review's author block far down a listing: the review's date, not the page's.
        let rows = (0..<250).map { "<li>Item \($0)</li>" }.joined()
        let m = try extractMetadata(page(body: """
            <h1>Slate tiles</h1><ul>\(rows)</ul>
            <div class="review-author"><strong>Ignatius Faro</strong><span>Reviewed 10/14/2024</span></div>
            """), url: "https://roofs.example.org/slate-tiles")
        #expect(m.published == nil)
    }

    // MARK: Double-encoded UTF-8

    @Test func doubleEncodedTextIsReadAgain() {
        #expect("Wrenâ€™s guide to cafÃ© roasting".repairingDoubleEncodedUTF8() == "Wren’s guide to café roasting")
        #expect("Investorâ\u{80}\u{99}s notes".repairingDoubleEncodedUTF8() == "Investor’s notes")
        #expect("naÃ¯ve".repairingDoubleEncodedUTF8() == "naïve")
    }

    @Test func cleanTextIsLeftAlone() {
        for text in ["São Paulo in Ã and Ö", "Café crème", "日本語のタイトル", "Ãbc", "Plain ASCII", "Ã© — 中文"] {
            #expect(text.repairingDoubleEncodedUTF8() == text)
        }
    }

    @Test func aDoubleEncodedHeadingYieldsToTheCleanDeclaredTitle() throws {
        let m = try extractMetadata(page(
            head: "<title>Roasting tips for small cafés | Bean Post</title>"
                + "<meta property=\"og:title\" content=\"Wren’s guide to café roasting\">",
            body: "<h1>Wrenâ€™s guide to cafÃ© roasting</h1><p>Start with a light roast.</p>"))
        #expect(m.title == "Wren’s guide to café roasting")
    }
}
