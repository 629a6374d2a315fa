import Testing
@testable import WinnowExtract

/// What of a heading a reader sees: headings in a pop-up (a sign-up modal), text never shown inside a heading
/// (an icon's `<svg>` title), invisible characters in a title (a soft hyphen), and a `<title>` cut short with an
/// ellipsis. Fixtures are written for the pattern.
@Suite("Metadata: heading visibility")
struct MetadataHeadingVisibilityTests {
    /// A story page (og:type article) with an SEO `<title>` that differs from its visible headline, plus `extra`.
    func storyPage(extra: String, headline: String = "<h1>Ferry fares frozen for another year</h1>") -> String {
        page(head: "<title>Island ferry prices: what changes in spring | Coast Post</title>"
                + "<meta property=\"og:type\" content=\"article\">",
             body: "<header><a href=\"/\">Coast Post</a></header><article>\(headline)"
                + "<p>The island council voted on Tuesday to keep fares where they are until next spring.</p></article>"
                + extra)
    }

    @Test func headingInAPopUpIsNotAHeadline() throws {
        // Without the pop-up the sole <h1> is the story's headline.
        #expect(try extractMetadata(storyPage(extra: "")).title == "Ferry fares frozen for another year")
        let popUps = [
            "<div class=\"modal fade\"><div class=\"modal-content\"><h1>Get our weekly harbour letter</h1></div></div>",
            "<div class=\"popup newsletter-box\"><h1>Get our weekly harbour letter</h1></div>",
            "<div role=\"dialog\" aria-label=\"Offer\"><h1>Two months free for new readers</h1></div>",
            "<div aria-modal=\"true\"><h1>Two months free for new readers</h1></div>",
            "<dialog><h1>Two months free for new readers</h1></dialog>",
            "<div class=\"cookie-consent\"><h1>We value your privacy settings</h1></div>",
        ]
        for popUp in popUps {
            #expect(try extractMetadata(storyPage(extra: popUp)).title == "Ferry fares frozen for another year", "\(popUp)")
        }
    }

    @Test func permalinkMarkIsNotPartOfTheHeadline() throws {
        // Documentation and blog themes end each heading with a link to its own fragment whose text is a mark.
        for mark in ["\u{00B6}", "#", "\u{00A7}", "\u{1F517}"] {
            let headline = "<h1>Ferry fares frozen for another year<a class=\"anchor\" href=\"#ferry-fares\">\(mark)</a></h1>"
            #expect(try extractMetadata(storyPage(extra: "", headline: headline)).title == "Ferry fares frozen for another year",
                    "\(mark)")
        }
        // A mark that links elsewhere, or that shares its link with words, is the heading's text.
        let footnote = "<h1>Ferry fares frozen for another year <a href=\"#notes\">\u{00A7} 4</a></h1>"
        #expect(try extractMetadata(storyPage(extra: "", headline: footnote)).title == "Ferry fares frozen for another year \u{00A7} 4")
    }

    @Test func headingsShownAtAnotherMomentStillCount() throws {
        // A second <h1> shown with the page (a teaser's) leaves the choice to the <title>, as before.
        let teaser = "<aside><h1>Harbour wall repairs start in May</h1></aside>"
        #expect(try extractMetadata(storyPage(extra: teaser)).title == "Island ferry prices: what changes in spring")
        // A hidden carousel slide or tab panel is the page's own content, shown at another moment: not a pop-up.
        let slide = "<div class=\"slide\" style=\"display:none\"><h1>Harbour wall repairs start in May</h1></div>"
        #expect(try extractMetadata(storyPage(extra: slide)).title == "Island ferry prices: what changes in spring")
        let panel = "<div id=\"tab-2\" hidden><h1>Harbour wall repairs start in May</h1></div>"
        #expect(try extractMetadata(storyPage(extra: panel)).title == "Island ferry prices: what changes in spring")
    }

    @Test func popUpHeadingsCountWhenNoneIsShownWithThePage() throws {
        // A page whose only <h1> sits in a box its markup calls an overlay still has that headline.
        let overlay = page(head: "<title>Island ferry prices: what changes in spring | Coast Post</title>"
                               + "<meta property=\"og:type\" content=\"article\">",
                           body: "<div class=\"overlay\"><h1>Ferry fares frozen for another year</h1></div>"
                               + "<article><p>The island council voted on Tuesday to keep fares where they are.</p></article>")
        #expect(try extractMetadata(overlay).title == "Ferry fares frozen for another year")
    }

    @Test func iconTextInAHeadingIsNotRead() throws {
        let icon = "<h1><svg viewBox=\"0 0 8 8\"><title>Anchor icon</title><path d=\"M0 0h8v8H0z\"/></svg>"
            + "Ferry fares frozen for another year</h1>"
        #expect(try extractMetadata(storyPage(extra: "", headline: icon)).title == "Ferry fares frozen for another year")
    }

    @Test func softHyphensLeaveTheTitlesWordsWhole() throws {
        let hyphenated = page(head: "<title>Harbour Assis&shy;tance Fund opens to skippers | Coast Post</title>")
        #expect(try extractMetadata(hyphenated).title == "Harbour Assistance Fund opens to skippers")
        #expect("Assis\u{00AD}tance\u{2060} Fund\u{FEFF}".removingInvisibleCharacters() == "Assistance Fund")
        #expect("Plain text".removingInvisibleCharacters() == "Plain text")
        // Double-encoded UTF-8 is read again before: "í" double-encoded is "Ã" and a soft hyphen's code point.
        let doubleEncoded = page(head: "<title>Llegan aqu\u{00C3}\u{00AD} los navegantes | Coast Post</title>")
        #expect(try extractMetadata(doubleEncoded).title == "Llegan aquí los navegantes")
    }

    @Test func titleCutShortYieldsToTheSoleHeading() {
        // Without story evidence the <title> names the page, unless an ellipsis shows it was cut to a length.
        let cut = TitleReconciler.reconcile(
            titleTag: "Beekeeping Checklist Beekeeping Planner Beekeeping Calendar…", headings: ["Beekeeping Checklist :: A Year at the Hive"],
            declared: ["Beekeeping Checklist Beekeeping Planner Beekeeping Calendar…"], siteName: "Hive Journal",
            host: "hivejournal.example", isStory: false)
        #expect(cut == "Beekeeping Checklist :: A Year at the Hive")
        let dots = TitleReconciler.reconcile(
            titleTag: "Keeping bees on a city balcony: the first...", headings: ["Bees on the balcony"],
            declared: [], siteName: nil, host: "hivejournal.example", isStory: false)
        #expect(dots == "Bees on the balcony")
        // A whole <title> keeps the page's name; so does a cut one when the heading is cut short too.
        let whole = TitleReconciler.reconcile(
            titleTag: "Beekeeping Checklist and Planner", headings: ["Beekeeping Checklist :: A Year at the Hive"],
            declared: [], siteName: nil, host: "hivejournal.example", isStory: false)
        #expect(whole == "Beekeeping Checklist and Planner")
        // Without a <title>, a declared title cut short gives way to a whole one, declared or shown.
        let noTitleTag = TitleReconciler.reconcile(
            titleTag: nil, headings: ["Keeping bees on a city balcony: the first year"],
            declared: ["Keeping bees on a city balcony: the first…"], siteName: nil, host: "hivejournal.example")
        #expect(noTitleTag == "Keeping bees on a city balcony: the first year")
        let bothCut = TitleReconciler.reconcile(
            titleTag: "Keeping bees on a city balcony: the first...", headings: ["Bees on the balcony, and what…"],
            declared: [], siteName: nil, host: "hivejournal.example", isStory: false)
        #expect(bothCut == "Keeping bees on a city balcony: the first...")
    }
}
