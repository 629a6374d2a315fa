import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// The byline, dateline and dated-headline classes found failing on real pages (fixtures written for the
/// pattern, not copied from any page).
@Suite("Metadata: bylines, datelines, dated headlines")
struct MetadataBylineDatelineTests {
    // MARK: Bylines and dates of news pages in other languages

    @Test(arguments: [
        // An "author" label or "by" of another language before the name, and a month name of another language.
        ("<div class=\"art-autor\">Autor: <a href=\"/a/pk\">Paweł Kowalczyk</a></div><div class=\"art-data\">Opublikowano: 12.05.2025, 14:30</div>",
         ["Paweł Kowalczyk"], "2025-05-12T14:30:00"),
        ("<div class=\"article__date\">12 мая 2025, 14:30</div><div class=\"article__author\">Автор: Ирина Соколова</div>",
         ["Ирина Соколова"], "2025-05-12T14:30:00"),
        ("<div class=\"firma\"><p>Por Lucía Fernández</p><p>Madrid, 3 de febrero de 2025</p></div>",
         ["Lucía Fernández"], "2025-02-03"),
        ("<div class=\"meta\"><span>بقلم: أحمد الزهراني</span> <span>الثلاثاء 13 مايو 2025 - 14:30</span></div>",
         ["أحمد الزهراني"], "2025-05-13T14:30:00"),
        // A Korean byline: the name, the reporter's title and the input stamp.
        ("<div class=\"byline\"><span>김민준 기자</span> <span>입력 2025.05.12 14:30</span></div>",
         ["김민준"], "2025-05-12T14:30:00"),
        // A reporter-classed name with the Korean reporter's title.
        ("<div class=\"info\"><span class=\"reporter\">박지민 기자</span> <span class=\"date\">입력 2025.03.10 18:05</span></div>",
         ["박지민"], "2025-03-10T18:05:00"),
        // "Author" in the class names of other languages: Turkish "yazar", "autor" joined to another word.
        ("<div><span class=\"yazar\">Ayşe Demir</span> | <span class=\"tarih\">10 Mart 2025 14:30</span></div>",
         ["Ayşe Demir"], "2025-03-10T14:30:00"),
        ("<div class=\"article-autor\">Jonas Weber</div><div class=\"datum\">10.03.2025, 14:30</div>",
         ["Jonas Weber"], "2025-03-10T14:30:00"),
        // Italian "di" before the name, and "ore" before the time.
        ("<div class=\"firma\">di Giulia Ranieri</div><div class=\"data\">12 marzo 2025, ore 10:24</div>",
         ["Giulia Ranieri"], "2025-03-12T10:24:00"),
        // One unmarked line longer than a name line: the name with the published and updated dates and times.
        ("<p class=\"signature\">Par Élodie Marchal - Publié le 14/03/2025 à 08h30 - Mis à jour le 14/03/2025 à 10h12</p>",
         ["Élodie Marchal"], "2025-03-14T08:30:00"),
        ("<p>By Dana Whitlock, Senior Science Correspondent | Published March 14, 2025 | Updated March 15, 2025 at 10:12 a.m.</p>",
         ["Dana Whitlock"], "2025-03-14"),
    ])
    func otherLanguageBylinesAndDates(markup: String, authors: [String], published: String) throws {
        let story = "<p>" + String(repeating: "The council met on Tuesday and agreed the plan after a long debate. ", count: 6) + "</p>"
        let html = page(head: "<meta property=\"og:type\" content=\"article\">",
                        body: "<article><h1>Headline of the story</h1>\(markup)\(story)</article>")
        let m = try extractMetadata(html)
        #expect(m.authors == authors)
        #expect(m.published == published)
    }

    // MARK: Group credits

    @Test(arguments: [
        ("Harbor Staff", ["Harbor Staff"]),
        ("The Almanac editors", ["The Almanac editors"]),
        ("Our Editors", ["Our Editors"]),
        ("Gazette Contributor", ["Gazette Contributor"]),
        // A person's role is still cut: two roles, or a two-word name before the role.
        ("Jane Doe Staff Writer", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe Editor", ["Jane Doe"]),
    ])
    func groupCreditsStayWhole(raw: String, expected: [String]) {
        #expect(AuthorCleaner.clean(raw) == expected)
    }

    // MARK: Dates and weekdays after the name

    @Test(arguments: [
        ("Olga Berg | Sat, 6 Dec 2025", ["Olga Berg"]),
        ("Olga Berg | Saturday", ["Olga Berg"]),
        ("Lena Fox, Dec. 5", ["Lena Fox"]),
        ("Lena Fox Dec. 5, 2025", ["Lena Fox"]),
    ])
    func weekdaysAndAbbreviatedMonthsEndTheName(raw: String, expected: [String]) {
        #expect(AuthorCleaner.clean(raw) == expected)
    }

    // MARK: Prose after "By"

    @Test func visibleProseAfterByIsNoName() {
        #expect(AuthorCleaner.clean("By signing up, you agree to the terms", visibleText: true) == [])
        #expect(AuthorCleaner.clean("by checking out", visibleText: true) == [])
        // Declared authors keep their lowercase handles.
        #expect(AuthorCleaner.clean("mlopes") == ["mlopes"])
    }

    @Test func signUpLineIsNotTheByline() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Wintering bees in cold climates</h1>
            <p>Hives need less room once the cluster forms, and the beekeeper's job is mostly to leave them be.</p>
            <form-like><p>By signing up, you agree to our terms.</p></form-like></article>
            """))
        #expect(m.authors == [])
    }

    /// An Italian sentence opening with "Di" is no byline: a name of two capitalised words must follow.
    @Test func italianSentenceOpeningWithDiIsNoByline() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Il mercato del sabato</h1><p>Di solito il mercato apre alle otto.</p>
            <p>I banchi restano fino a mezzogiorno, poi la piazza torna ai bambini e ai piccioni del quartiere.</p></article>
            """))
        #expect(m.authors == [])
    }

    /// A long sentence that opens with "By" and shows a year is read neither as a byline nor for its date.
    @Test func longSentenceOpeningWithByIsNoByline() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Planning a kitchen garden</h1>
            <p>By the end of the 2025 season you will know which beds drain well, which get the afternoon sun and which ones the slugs prefer.</p>
            <p>Start small: two beds are enough for a first year, and a notebook is all the record you need.</p></article>
            """))
        #expect(m.authors == [])
        #expect(m.published == nil)
    }

    /// A teaser card's dated credit under the story's paragraphs is not the story's byline, though it sits close
    /// enough under the headline; the same line above the paragraphs is.
    @Test func aCardsDatedCreditUnderTheStoryIsNoByline() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0) of the story about the river and the rain this winter.</p>" }.joined()
        let card = "<div class=\"nav\"><h3><a href=\"/other\">Another story entirely</a></h3><span>Andrés Pazos · 9 feb 2026</span></div>"
        let under = try extractMetadata(page(body: "<article><h1>The river is back</h1>\(paragraphs)\(card)</article>"))
        #expect(under.authors == [])
        let above = try extractMetadata(page(body: "<article><h1>The river is back</h1><div>Lucía Ferreño · 10 feb 2026</div>\(paragraphs)</article>"))
        #expect(above.authors == ["Lucía Ferreño"])
    }

    // MARK: "Contributors:" label

    @Test func contributorsLabelNamesTheAuthor() throws {
        let labelled = try extractMetadata(page(body: """
            <article><h1>Shade plants for north windows</h1><div><strong>Contributors:</strong> Hanne Olsen</div>
            <p>Ferns and peace lilies ask for little light.</p></article>
            """))
        #expect(labelled.authors == ["Hanne Olsen"])
        let inline = try extractMetadata(page(body: """
            <article><h1>Shade plants for north windows</h1><p>Contributor: Hanne Olsen</p>
            <p>Ferns and peace lilies ask for little light.</p></article>
            """))
        #expect(inline.authors == ["Hanne Olsen"])
    }

    // MARK: "By ..." texts above the headline

    @Test func menuLabelAboveTheHeadlineYieldsToTheByline() throws {
        let m = try extractMetadata(page(body: """
            <header><div class="menu"><p>BY INDUSTRY</p><a href="/retail">Retail</a><a href="/banks">Banks</a></div></header>
            <main><h1>Why ledgers still matter</h1><p>By Tomas Ekwall</p>
            <p>Double-entry bookkeeping survived every technology that promised to replace it.</p></main>
            """))
        #expect(m.authors == ["Tomas Ekwall"])
    }

    // MARK: Dateline under the headline

    /// A page with no article markup and a URL without story words.
    static let guideURL = "https://garden.example.org/guides/compost"

    static func paragraphs(_ count: Int) -> String {
        (1...count).map { "<p>Paragraph \($0) says something about turning the heap and keeping it moist.</p>" }
            .joined()
    }

    /// `<h1><p>…</p></h1>`: the HTML parser closes the heading before the paragraph, leaving it empty.
    @Test func datelineAfterAnEmptiedHeading() throws {
        let m = try extractMetadata(page(body: """
            <main><h1><p>How compost works</p></h1><p>By Ines Varga</p><p>March 4, 2025</p>\(Self.paragraphs(5))</main>
            """), url: Self.guideURL)
        #expect(m.published == "2025-03-04")
    }

    // MARK: Dated headlines

    @Test(arguments: [
        ("Tuning the sourdough starter - Crumb Lab", "Tuning the sourdough starter Posted on May 2, 2024 by Ana Reis",
         "Tuning the sourdough starter"),
        ("Notes on a database migration | Ana's notebook", "December 18, 2025 Notes on a database migration",
         "Notes on a database migration"),
        // No date in the longer heading: the visible headline stays.
        ("Tuning the sourdough starter - Crumb Lab", "Tuning the sourdough starter: a field guide",
         "Tuning the sourdough starter: a field guide"),
    ])
    func datelineNestedInTheHeadingIsCut(titleTag: String, heading: String, expected: String) {
        let title = TitleReconciler.reconcile(titleTag: titleTag, headings: [heading], declared: [], siteName: nil,
                                              host: "crumb.example")
        #expect(title == expected)
    }

    // MARK: Site pieces and pipes in the chosen headline

    @Test func siteNameRepeatedInTheHeadingIsCut() {
        let title = TitleReconciler.reconcile(titleTag: "Critics pick the year's best shows – Gallerist - Gallerist",
                                              headings: ["Critics pick the year's best shows – Gallerist"], declared: [],
                                              siteName: "Gallerist", host: "gallerist.example")
        #expect(title == "Critics pick the year's best shows")
    }

    @Test(arguments: [
        ("Ten ways to store winter squash | Kitchen Notes | Farm Weekly", "Ten ways to store winter squash"),
        ("Ten ways to store winter squash | Storage tips", "Ten ways to store winter squash"),
        // Too short a lead to be the headline: nothing is cut at the pipe.
        ("Squash | Ten ways to store it", "Squash | Ten ways to store it"),
    ])
    func pipeInTheHeadingEndsTheHeadline(heading: String, expected: String) {
        let title = TitleReconciler.reconcile(titleTag: heading, headings: [heading], declared: [], siteName: nil,
                                              host: "farm.example")
        #expect(title == expected)
    }

    @Test func escapedSeparatorIsDecodedBeforeCutting() throws {
        let m = try extractMetadata(page(
            head: "<title>Storm closes port &amp;#8211; Harbour Times</title><meta property=\"og:site_name\" content=\"Harbour Times\">",
            body: "<h1>Storm closes port &amp;#8211; Harbour Times</h1><p>Ferries stayed in the harbour all day.</p>"))
        #expect(m.title == "Storm closes port")
    }

    // MARK: Job descriptions, parentheses, initials, trailing connectors

    @Test(arguments: [
        ("Ivo Brandt, Head, Reader Services", ["Ivo Brandt"]),
        ("Ivo Brandt, Sr. Director of Operations, Northline Freight", ["Ivo Brandt"]),
        ("Ivo Brandt, Home and Garden Expert", ["Ivo Brandt"]),
        ("Ivo Brandt, Trial Attorney", ["Ivo Brandt"]),
        ("Noor (Haddad) Aziz", ["Noor (Haddad) Aziz"]),
        ("IB Ivo Brandt", ["Ivo Brandt"]),
        ("Ivo at", ["Ivo"]),
        ("Lu Ma", ["Lu Ma"]),
        // Several people stay several people.
        ("Ivo Brandt, Noor Aziz", ["Ivo Brandt", "Noor Aziz"]),
    ])
    func bylineParts(raw: String, expected: [String]) {
        #expect(AuthorCleaner.clean(raw) == expected)
    }

    // MARK: Menu entries and sentences that start with "by"

    @Test func menuLinkReadingByIsNoByline() throws {
        let m = try extractMetadata(page(body: """
            <nav><ul><li><a href="/venues">Venues</a><ul><li><a href="/venues/states">By State</a></li></ul></li></ul></nav>
            <article><h1>Barn venues with indoor backup</h1><p>Rain plans matter more than the view.</p></article>
            """))
        #expect(m.authors == [])
    }

    @Test func bylineLinkToAnAuthorPageStaysACredit() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Barn venues with indoor backup</h1><p><a href="/authors/noor-aziz">By Noor Aziz</a></p>
            <p>Rain plans matter more than the view.</p></article>
            """))
        #expect(m.authors == ["Noor Aziz"])
    }

    @Test func sentenceContinuingWithByIsNoByline() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Getting to the convention centre</h1>
            <p>The hall is <a href="/transit">easy to reach</a> by Harbour Line Tram from the station.</p></article>
            """))
        #expect(m.authors == [])
    }

    // MARK: Re-publish stamps in JSON-LD

    static func republishPage(published: String, modified: String, shown: String) -> String {
        page(head: jsonLDScript("""
            {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Pricing a yoga class",
             "datePublished": "\(published)", "dateModified": "\(modified)"}
            """), body: """
            <article><h1>Pricing a yoga class</h1><div class="post-date">\(shown)</div><p>Start from your costs.</p></article>
            """)
    }

    @Test func visibleDateWinsOverARepublishStamp() throws {
        // Both JSON-LD dates name the rebuild day; the page shows the story's own, earlier day.
        let same = try extractMetadata(Self.republishPage(published: "May 20, 2025", modified: "May 20, 2025",
                                                          shown: "August 25, 2024"))
        #expect(same.published == "2024-08-25")
        let reversed = try extractMetadata(Self.republishPage(published: "2025-05-20", modified: "2025-05-19",
                                                              shown: "Published Apr 26, 2023"))
        #expect(reversed.published == "2023-04-26")
    }

    @Test func updatedStoryKeepsItsDeclaredDateUnlessItShowsAnEarlierOne() throws {
        // A real update (modified after published) showing a day one off the stamp (another zone's view of the
        // same instant), or showing the stamp's own day: the JSON-LD publication date stands.
        let zoned = try extractMetadata(Self.republishPage(published: "2025-01-10", modified: "2025-05-20",
                                                           shown: "January 9, 2025"))
        #expect(zoned.published == "2025-01-10")
        let stated = try extractMetadata(Self.republishPage(published: "2025-01-10", modified: "2025-05-20",
                                                            shown: #"August 25, 2024 <time datetime="2025-01-10">January 10, 2025</time>"#))
        #expect(stated.published == "2025-01-10")
        // A story is not dated before it was published: a shown day more than a day earlier is the story's
        // (`shownDateBeforeStamp`), whatever the modification date says.
        let earlier = try extractMetadata(Self.republishPage(published: "2025-01-10", modified: "2025-05-20",
                                                             shown: "August 25, 2024"))
        #expect(earlier.published == "2024-08-25")
    }

    // MARK: Shown dates earlier than a declared stamp

    static func openGraphStampPage(shown: String, elsewhere: String = "") -> String {
        page(head: """
            <meta property="og:type" content="article"><meta property="article:published_time" content="2022-10-24T12:40:59+00:00">
            <meta property="article:modified_time" content="2022-12-02T08:16:16+00:00">
            """, body: """
            <article><h1>Fixing a dripping outdoor tap</h1><ul class="post-info"><li>By Tomas Erikkson</li>
            <li>\(shown)</li></ul><p>Turn the water off at the stop valve first.</p>\(elsewhere)</article>
            """)
    }

    @Test func shownDateEarlierThanTheStampWins() throws {
        let m = try extractMetadata(Self.openGraphStampPage(shown: #"On <time>8 Oct 2022</time>"#))
        #expect(m.published == "2022-10-08")
    }

    @Test func shownDateEarlierThanTheStampYieldsWhenItIsNoStoryDate() throws {
        // One day off: the same instant in another zone.
        let zoned = try extractMetadata(Self.openGraphStampPage(shown: #"<time datetime="2022-10-23T20:00:00-07:00">Oct 23, 2022</time>"#))
        #expect(zoned.published == "2022-10-24T12:40:59Z")
        // A manuscript's history, not its publication.
        let received = try extractMetadata(Self.openGraphStampPage(shown: #"<span class="history-date">Received 2022 Oct 12</span>"#))
        #expect(received.published == "2022-10-24T12:40:59Z")
        // The page shows the stamp's day too.
        let stated = try extractMetadata(Self.openGraphStampPage(
            shown: #"On <time>8 Oct 2022</time>"#, elsewhere: #"<p>Posted <time datetime="2022-10-24">Oct 24, 2022</time></p>"#))
        #expect(stated.published == "2022-10-24T12:40:59Z")
    }

    // MARK: Update labels and bylines far down

    @Test func timeLabelledAsAnUpdateIsTheModificationDate() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Choosing a tent for windy coasts</h1><p class="byline">By Lena Okafor</p>
            <p>Updated on <time datetime="2025-03-09">March 9, 2025</time></p>
            <p>Posted <time datetime="2024-01-05">January 5, 2024</time></p><p>Pitch into the wind.</p></article>
            """))
        #expect(m.published == "2024-01-05")
        #expect(m.modified == "2025-03-09")
        let only = try extractMetadata(page(body: """
            <main><h1>Installing the command-line tool</h1><p>Run the installer.</p>
            <p>Last updated <time datetime="2025-03-09">March 9, 2025</time></p></main>
            """), url: "https://docs.example.org/cli/install")
        #expect(only.published == nil)
        #expect(only.modified == "2025-03-09")
    }

    @Test func dateRightAfterABylineFarBelowTheHeadline() throws {
        let filler = (1...220).map { "<p>Step \($0).</p>" }.joined()
        let m = try extractMetadata(page(body: """
            <article><h1>How a mobile app gets built</h1>\(filler)
            <div><p>Written by <a href="/authors/mira-castell">Mira Castell</a></p><p>April 8, 2024</p></div></article>
            """))
        #expect(m.authors == ["Mira Castell"])
        #expect(m.published == "2024-04-08")
    }

    // MARK: Lone publication stamps the page does not show

    static func loneStampPage(extraHead: String = "", stampInBody: String = "", shown: String) -> String {
        page(head: jsonLDScript("""
            {"@context": "https://schema.org", "@type": "Article", "headline": "Caring for a rooftop beehive",
             "datePublished": "2022-04-11T08:00:00Z", "dateModified": "2025-03-09T10:00:00Z"}
            """) + extraHead, body: """
            <article><h1>Caring for a rooftop beehive</h1><p class="byline">By Mira Castell</p>
            <div class="post-date">\(shown)</div><p>Wind is the first thing to plan for on a roof.</p>
            \(stampInBody)</article>
            """)
    }

    @Test func shownDateWinsOverALoneHiddenStamp() throws {
        // Only the JSON-LD states 2022-04-11 and the page never shows it: the date shown with the headline wins.
        let m = try extractMetadata(Self.loneStampPage(shown: "Updated March 9, 2025"))
        #expect(m.published == "2025-03-09")
    }

    @Test func microdataRestatingTheStampIsNoSecondDeclaration() throws {
        // A hidden microdata datePublished is the JSON-LD's schema.org property again, in another syntax.
        let m = try extractMetadata(Self.loneStampPage(
            stampInBody: #"<meta itemprop="datePublished" content="2022-04-11T08:00:00Z">"#, shown: "Updated March 9, 2025"))
        #expect(m.published == "2025-03-09")
    }

    @Test func stampRepeatedOrShownStands() throws {
        // og:article:published_time repeats the stamp: two declarations agree.
        let repeated = try extractMetadata(Self.loneStampPage(
            extraHead: #"<meta property="article:published_time" content="2022-04-11T08:00:00Z">"#,
            shown: "Updated March 9, 2025"))
        #expect(repeated.published == "2022-04-11T08:00:00Z")
        // The page shows the stamp's day too (a <time> in the story).
        let shown = try extractMetadata(Self.loneStampPage(
            stampInBody: #"<p>First posted <time datetime="2022-04-11">April 11, 2022</time>.</p>"#,
            shown: "Updated March 9, 2025"))
        #expect(shown.published == "2022-04-11T08:00:00Z")
        // A shown date earlier than the stamp is not this rule's: `shownDateBeforeStamp` takes it.
        let earlier = try extractMetadata(Self.loneStampPage(shown: "January 3, 2021"))
        #expect(earlier.published == "2021-01-03")
    }

    @Test func openGraphStampAloneStands() throws {
        // og:article:published_time alone, hidden, with an "Updated" date shown: the declared day stands.
        let m = try extractMetadata(page(
            head: #"<meta property="og:type" content="article"><meta property="article:published_time" content="2022-04-11T08:00:00Z">"#,
            body: """
            <article><h1>Caring for a rooftop beehive</h1><p class="byline">By Mira Castell</p>
            <div class="post-date">Updated March 9, 2025</div><p>Wind is the first thing to plan for on a roof.</p></article>
            """))
        #expect(m.published == "2022-04-11T08:00:00Z")
    }

    // MARK: Web-page stamps

    static func webPageStampPage(extraHead: String = "", body: String = "") -> String {
        page(head: jsonLDScript("""
            {"@context": "https://schema.org", "@type": "WebPage", "name": "Gutter cleaning prices",
             "datePublished": "2021-06-02T09:00:00Z"}
            """) + extraHead, body: """
            <main><h1>Gutter cleaning prices</h1><p>Most homes need two visits a year.</p>\(body)</main>
            """)
    }

    @Test func hiddenWebPageStampIsNoPublicationDate() throws {
        // Only a WebPage object states the day, nothing declares an article and the page shows no date.
        let m = try extractMetadata(Self.webPageStampPage())
        #expect(m.published == nil)
    }

    @Test func hiddenWebPageStampUnderADefaultArticleTypeIsNoPublicationDate() throws {
        // SEO plugins write og:type article on every page; without article:published_time it declares no story.
        let m = try extractMetadata(Self.webPageStampPage(extraHead: #"<meta property="og:type" content="article">"#))
        #expect(m.published == nil)
    }

    @Test func webPageStampShownOrRepeatedStands() throws {
        let shown = try extractMetadata(Self.webPageStampPage(body: #"<p>Posted <time datetime="2021-06-02">June 2, 2021</time></p>"#))
        #expect(shown.published == "2021-06-02T09:00:00Z")
        let repeated = try extractMetadata(Self.webPageStampPage(
            extraHead: #"<meta property="article:published_time" content="2021-06-02T09:00:00Z">"#))
        #expect(repeated.published == "2021-06-02T09:00:00Z")
    }
}
