import Testing
@testable import WinnowExtract

/// Which title a page's sole `<h1>` gives way to: on a story page the visible headline wins over an SEO `<title>`;
/// on a product, service or listing page the `<title>` names the page and the `<h1>` is a banner line. Author
/// boxes under the headline credit the story's author. Fixtures are written for the pattern.
@Suite("Metadata: page kind and title, author boxes")
struct MetadataPageKindTitleTests {
    // MARK: Sole heading against the <title>

    @Test func soleHeadingWinsOnlyOnAStoryPage() {
        let story = TitleReconciler.reconcile(
            titleTag: "Budget Tents Tested for 2025 | Camp Notes", headings: ["The tents we would pitch again"],
            declared: [], siteName: "Camp Notes", host: "campnotes.example", isStory: true)
        #expect(story == "The tents we would pitch again")
        let service = TitleReconciler.reconcile(
            titleTag: "Roof Repair in Lakeside County | Brightline Roofing", headings: ["Roofs built to outlast the weather"],
            declared: [], siteName: "Brightline Roofing", host: "brightline.example", isStory: false)
        #expect(service == "Roof Repair in Lakeside County")
    }

    @Test func urlSlugNamingTheTitleOverTheHeadingGivesTheTitle() {
        // The CMS made the slug from the story's title; the <h1> is a display line written for the page.
        func title(_ url: String?) -> String? {
            TitleReconciler.reconcile(
                titleTag: "How to Register a Rowing Club in Ohio | Clubdesk", headings: ["Start your club in minutes"],
                declared: [], siteName: "Clubdesk", host: "clubdesk.example", isStory: true, url: url)
        }
        #expect(title("https://clubdesk.example/guides/how-to-register-a-rowing-club-in-ohio/") ==
            "How to Register a Rowing Club in Ohio")
        #expect(title("https://clubdesk.example/2031/05/register-rowing-club-ohio.html") == "How to Register a Rowing Club in Ohio")
        // No slug, a slug of numbers, or a one-word segment ("/guides/ohio"): the visible headline, as before.
        #expect(title(nil) == "Start your club in minutes")
        #expect(title("https://clubdesk.example/story/48213") == "Start your club in minutes")
        #expect(title("https://clubdesk.example/guides/ohio") == "Start your club in minutes")
        // One word more in the <title> than in the heading is chance, not a sign.
        #expect(title("https://clubdesk.example/start-your-rowing-club") == "Start your club in minutes")
        // A slug made from the heading keeps the heading.
        #expect(title("https://clubdesk.example/start-your-club-in-minutes") == "Start your club in minutes")
    }

    @Test func slugWordsAreTheLastWordedPathSegmentWithoutNumbers() {
        #expect(TitleReconciler.slugWords("https://a.example/news/2031/ten-quiet-lakes-4471.html?x=1")
            == ["ten", "quiet", "lakes"])
        #expect(TitleReconciler.slugWords("https://a.example/news/quiet-lakes/123456/") == ["quiet", "lakes"])
        #expect(TitleReconciler.slugWords("https://a.example/about/").isEmpty)
        #expect(TitleReconciler.slugWords("not a url").isEmpty)
    }

    @Test func headingWithTheYearBroughtUpToDateWinsWithoutStoryEvidence() {
        // The <title> still carries last year's number; the visible headline has the new one.
        let updated = TitleReconciler.reconcile(
            titleTag: "Guide to renewing a boat licence in 2030 | Harbour Office",
            headings: ["Guide to renewing a boat licence in 2031"],
            declared: [], siteName: "Harbour Office", host: "harbour.example", isStory: false)
        #expect(updated == "Guide to renewing a boat licence in 2031")
        // Other changed words: the <title> names a page without story evidence, as before.
        let reworded = TitleReconciler.reconcile(
            titleTag: "Guide to renewing a boat licence in 2030 | Harbour Office",
            headings: ["Guide to renewing your permit in 2031"],
            declared: [], siteName: "Harbour Office", host: "harbour.example", isStory: false)
        #expect(reworded == "Guide to renewing a boat licence in 2030")
    }

    @Test func headlineRepeatedWordForWordCountsOnce() {
        // A desktop and a mobile copy of one headline, plus a second copy: still the sole heading.
        let title = TitleReconciler.reconcile(
            titleTag: "Planning a quiet home office - Deskcraft",
            headings: ["Setting up a calm corner to work", "Setting up a calm corner to work"],
            declared: [], siteName: "Deskcraft", host: "deskcraft.example", isStory: true)
        #expect(title == "Setting up a calm corner to work")
    }

    @Test func pageWithoutStoryEvidenceKeepsItsTitle() throws {
        let html = page(head: "<title>Walnut Side Table | Oakfield Furniture</title>",
                        body: "<h1>Made by hand in our valley workshop</h1><p>Solid walnut, oiled finish.</p>")
        let m = try extractMetadata(html, url: "https://oakfield.example/shop/walnut-side-table")
        #expect(m.title == "Walnut Side Table")
    }

    @Test func storyPageKeepsItsVisibleHeadline() throws {
        let html = page(head: "<title>Walnut Care Guide 2025 | Oakfield Furniture</title>"
                        + "<meta property=\"og:type\" content=\"article\">",
                        body: "<h1>How we keep walnut looking new</h1><p>Oil it twice a year.</p>")
        let m = try extractMetadata(html, url: "https://oakfield.example/blog/walnut-care")
        #expect(m.title == "How we keep walnut looking new")
    }

    // MARK: Author boxes

    @Test func nameLineOfAnAuthorBoxIsTheCredit() throws {
        let html = page(head: "<title>Pruning apple trees</title><meta property=\"og:type\" content=\"article\">",
                        body: "<article><h1>Pruning apple trees</h1>"
                            + "<div class=\"post-author-box\"><img alt=\"\" src=\"a.jpg\">"
                            + "<h4 class=\"post-author-box__name\">Marta Quillon</h4>"
                            + "<div class=\"post-author-box__bio\"><p>Orchard keeper.</p></div></div>"
                            + "<p>Cut in late winter, before the buds swell.</p></article>")
        let m = try extractMetadata(html, url: "https://orchard.example/blog/pruning")
        #expect(m.authors == ["Marta Quillon"])
    }

    @Test func firstLineOfAnAuthorBlockWithABioIsTheCredit() throws {
        let bio = String(repeating: "Tomas writes about rivers, boats and the people who mend them. ", count: 6)
        let html = page(head: "<title>Caulking a wooden hull</title><meta property=\"og:type\" content=\"article\">",
                        body: "<h1>Caulking a wooden hull</h1>"
                            + "<div class=\"story_author-text\"><div class=\"small bold\">Tomas Verrel</div>"
                            + "<div class=\"rich\"><p>\(bio)</p></div></div>"
                            + "<p>Start at the keel and work upwards.</p>")
        let m = try extractMetadata(html, url: "https://boatyard.example/blog/caulking")
        #expect(m.authors == ["Tomas Verrel"])
    }

    @Test func authorBoxOnAPageWithoutStoryEvidenceIsNoCredit() throws {
        let bio = String(repeating: "Our installers have fitted kitchens across the county for years. ", count: 6)
        let html = page(head: "<title>Kitchen fitting | Joinery Co</title>",
                        body: "<h1>Kitchens fitted in a week</h1>"
                            + "<div class=\"quote_author-text\"><div>Priya Hollins</div><p>\(bio)</p></div>")
        let m = try extractMetadata(html, url: "https://joinery.example/kitchens")
        #expect(m.authors.isEmpty)
    }

    @Test func authorBlockAsLongAsAWholeSectionIsNoAuthorBox() throws {
        let body = String(repeating: "Fresh stock arrives every week from small farms nearby. ", count: 40)
        let html = page(head: "<title>Seasonal produce</title><meta property=\"og:type\" content=\"article\">",
                        body: "<h1>Seasonal produce</h1>"
                            + "<div class=\"entry author-jdoe\"><div>Coming Soon</div><p>\(body)</p></div>")
        let m = try extractMetadata(html, url: "https://market.example/blog/seasonal")
        #expect(m.authors.isEmpty)
    }
}
