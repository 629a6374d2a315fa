import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Title and date signals around the headline: section-label headings, site pieces that only start like the
/// site, the registered domain name as a site key, and a date line set just above the headline.
@Suite("Metadata: headline signals")
struct MetadataHeadlineSignalsTests {
    // MARK: Section labels

    @Test func shortSectionLabelHeadingGivesWayToTheDeclaredTitle() {
        let title = TitleReconciler.reconcile(
            titleTag: "Quarterly sector update for lenders, autumn edition | Acme Advisors", headings: ["Market Updates"],
            declared: ["Quarterly sector update for lenders, autumn edition"], siteName: "Acme Advisors", host: "acme.example")
        #expect(title == "Quarterly sector update for lenders, autumn edition")
    }

    @Test func shortHeadlineThatTheTitleRepeatsIsKept() {
        // The title only adds to the heading: the heading is the headline, not a label.
        let title = TitleReconciler.reconcile(
            titleTag: "Index funds explained for new investors | Acme", headings: ["Index funds"],
            declared: [], siteName: "Acme", host: nil)
        #expect(title == "Index funds")
    }

    @Test func fullHeadlineStillBeatsAnSEOTitle() {
        let title = TitleReconciler.reconcile(
            titleTag: "Best Budget Laptops 2024 (Tested) - TechNook", headings: ["The laptops we would actually buy"],
            declared: ["Best Budget Laptops 2024 (Tested)"], siteName: "TechNook", host: nil)
        #expect(title == "The laptops we would actually buy")
    }

    @Test func aTitleThatIsOnlyTheSiteDoesNotDemoteTheHeading() {
        let title = TitleReconciler.reconcile(titleTag: " | Circuit Monthly Magazine", headings: ["Soldering Kits"],
                                              declared: [], siteName: nil, host: nil)
        #expect(title == "Soldering Kits")
    }

    // MARK: Site pieces

    @Test func headlineStartingWithTheSiteWordIsNoSitePiece() {
        let keys = TitleReconciler.siteKeySet(siteName: nil, host: "gardening.example.edu")
        #expect(!TitleReconciler.isSitePiece("Gardening in a Warming World", siteKeys: keys))
        #expect(TitleReconciler.isSitePiece("Gardening Blog", siteKeys: keys))
        let title = TitleReconciler.reconcile(titleTag: "Gardening in a Warming World | Extension Learning",
                                              headings: ["Gardening in a Warming World"], declared: [], siteName: nil,
                                              host: "gardening.example.edu")
        #expect(title == "Gardening in a Warming World")
    }

    @Test(arguments: [
        ("blog.engora.example", "engora"), ("news.example.co.uk", "example"), ("example.com", "example"),
        ("www.example.org", "example"),
    ])
    func registeredNameOfAHost(host: String, expected: String) {
        #expect(TitleReconciler.registeredName(host) == expected)
    }

    @Test func blogNameOnASubdomainIsASitePiece() {
        // The <h1> is the blog's name ("Tidewater Data Blog" on blog.tidewater.example); the story is after the colon.
        let title = TitleReconciler.reconcile(
            titleTag: "Tidewater Data Blog: Small adventures with small models",
            headings: ["Tidewater Data Blog", "What is a small model?", "Getting started"],
            declared: ["Small adventures with small models"], siteName: nil, host: "blog.tidewater.example")
        #expect(title == "Small adventures with small models")
    }

    // MARK: Date line above the headline

    @Test func dateLineJustAboveTheHeadlineIsThePublicationDate() throws {
        let html = page(head: "<title>Solar in four steps</title>",
                        body: "<div class='hero'><h5>January 23, 2025</h5><h1>Solar in four steps</h1></div><p>Body.</p>")
        let m = try extractMetadata(html, url: "https://energy.example/blog/solar-in-four-steps")
        #expect(m.published == "2025-01-23")
    }

    @Test func dateFarAboveTheHeadlineIsNot() throws {
        var filler = ""
        for k in 0..<12 { filler += "<div><span>Menu \(k)</span></div>" }
        let html = page(head: "<title>Solar in four steps</title>",
                        body: "<p>March 3, 2024</p>\(filler)<h1>Solar in four steps</h1><p>Body.</p>")
        let m = try extractMetadata(html, url: "https://energy.example/blog/solar-in-four-steps")
        #expect(m.published == nil)
    }
}

/// A declared author that is the publishing account (the site's name, a handle) gives way to a visible byline.
@Suite("Metadata: account names as declared authors")
struct MetadataAccountAuthorTests {
    @Test(arguments: [
        ("Harbour News", "Harbour News", "harbour.example", true),
        ("Tidewater", nil, "blog.tidewater.example", true),
        ("jdoe.admin", nil, nil, true),
        ("page.head.extra.author", nil, nil, true),
        ("Jane Doe", "Harbour News", "harbour.example", false),
        ("Cher", nil, nil, false),
    ] as [(String, String?, String?, Bool)])
    func accountNames(name: String, siteName: String?, host: String?, expected: Bool) {
        #expect(AuthorCleaner.isAccountName(name, siteName: siteName, host: host) == expected)
    }

    @Test func siteNamedAuthorGivesWayToTheVisibleByline() throws {
        let html = page(head: "<meta property=\"og:site_name\" content=\"Harbour News\"><meta name=\"author\" content=\"Harbour News\">",
                        body: "<h1>Storm closes port</h1><p class=\"byline\">By Ana Ruiz</p><p>Body.</p>")
        let m = try extractMetadata(html, url: "https://harbour.example/news/storm")
        #expect(m.authors == ["Ana Ruiz"])
    }

    @Test func handleGivesWayToTheVisibleByline() throws {
        let html = page(head: "<meta name=\"author\" content=\"ana.ruiz42\">",
                        body: "<h1>Storm closes port</h1><span class=\"author-name\">Ana Ruiz</span><p>Body.</p>")
        #expect(try extractMetadata(html).authors == ["Ana Ruiz"])
    }

    @Test func professionAfterTheNameIsARole() {
        #expect(AuthorCleaner.clean("Tracy Parker, Dietitian") == ["Tracy Parker"])
        #expect(AuthorCleaner.clean("Omar Haddad, Senior Analyst") == ["Omar Haddad"])
    }

    @Test func personalSiteKeepsItsOwnerAsAuthor() throws {
        // The site is named after its author and no one else is credited: the declared author stands.
        let html = page(head: "<meta property=\"og:site_name\" content=\"Pia Lund\"><meta name=\"author\" content=\"Pia Lund\">",
                        body: "<h1>Notes on self-hosting</h1><p>Body.</p>")
        #expect(try extractMetadata(html, url: "https://pialund.example/notes/self-hosting").authors == ["Pia Lund"])
    }

    @Test func sponsoredVariantOfTheSiteNameIsNoOtherCredit() throws {
        let html = page(head: "<meta property=\"og:site_name\" content=\"Harbour News\"><meta name=\"author\" content=\"Harbour News\">",
                        body: "<h1>Storm closes port</h1><p class=\"byline\">Harbour News Sponsored</p><p>Body.</p>")
        #expect(try extractMetadata(html, url: "https://harbour.example/news/storm").authors == ["Harbour News"])
    }
}

/// Citation tags name one person per `<meta>`, family name first.
@Suite("Metadata: citation authors")
struct MetadataCitationAuthorTests {
    @Test(arguments: [
        ("Roy, Aniruddha", "Aniruddha Roy"), ("van der Berg, Anna", "Anna van der Berg"), ("Jane Doe", "Jane Doe"),
        ("Doe, Jane, Smith, John", "Doe, Jane, Smith, John"), ("Jane Doe, MD", "Jane Doe, MD"),
    ])
    func uninverted(raw: String, expected: String) {
        #expect(MetaNames.uninvertedName(raw) == expected)
    }

    @Test func eachCitationAuthorIsOnePerson() throws {
        let html = page(head: "<meta name=\"citation_title\" content=\"Merging models\">"
                        + "<meta name=\"citation_author\" content=\"Roy, Aniruddha\">"
                        + "<meta name=\"citation_author\" content=\"Patel, Jyoti\">",
                        body: "<h1>Merging models</h1>")
        #expect(try extractMetadata(html, url: "https://papers.example/abs/1234").authors == ["Aniruddha Roy", "Jyoti Patel"])
    }
}
