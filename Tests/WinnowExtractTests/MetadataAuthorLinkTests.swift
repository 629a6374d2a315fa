import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Credits read from author-page links (a link to `/author/jane-doe/` whose text names the slug) and bylines
/// that name the site itself. Markup and names are invented for the pattern.
@Suite("Metadata: author-page links")
struct MetadataAuthorLinkTests {
    private static let filler = String(repeating: "<p>Seedlings want light, not heat, in their first weeks.</p>", count: 70)

    // MARK: Slugs and names

    @Test(arguments: [
        ("https://example.org/author/mara-lindqvist/", "maralindqvist", 2),
        ("/blog-authors/ines-carvalho", "inescarvalho", 2),
        ("/autores/jose-nunez?page=2", "josenunez", 2),
        ("/auteur/helene-marchand#bio", "helenemarchand", 2),
        ("/members/ola-berg.4471/", "olaberg", 2),
        ("/team/dr-ana-ruiz", "dranaruiz", 3),
    ])
    func authorPathsGiveTheirSlug(href: String, key: String, words: Int) {
        #expect(AuthorLinks.slug(of: href) == AuthorLinks.Slug(key: key, words: words))
    }

    @Test(arguments: ["/category/garden-tools/", "/mara-lindqvist/", "https://example.org/", "/author/", "/tag/jo"])
    func otherPathsGiveNoSlug(href: String) {
        #expect(AuthorLinks.slug(of: href) == nil)
    }

    @Test(arguments: [
        ("Mara Lindqvist", "/author/mara-lindqvist"),
        ("Hélène Marchand", "/auteur/helene-marchand"),
        ("Ana Ruiz", "/team/dr-ana-ruiz"),
        ("Ana Ruiz", "/team/about-ana-ruiz"),
        ("Tomas Brandt", "/author/tomasqbrandt"),
        ("Matt Okafor", "/team/matthew-okafor"),
        ("Jon Ekberg", "/author/jekberg"),
    ])
    func namesMatchTheirSlug(name: String, href: String) throws {
        let slug = try #require(AuthorLinks.slug(of: href))
        #expect(AuthorLinks.name(name, matches: slug))
    }

    @Test(arguments: [
        ("Log In", "/user/login"),
        ("Mara", "/author/mara"),
        ("Garden Tools", "/author/mara-lindqvist"),
        ("Jon Ekberg", "/author/jon-ekstrom"),
    ])
    func otherNamesDoNotMatch(name: String, href: String) throws {
        let slug = try #require(AuthorLinks.slug(of: href))
        #expect(!AuthorLinks.name(name, matches: slug))
    }

    @Test func leadInCountsOnlyForALinksOwnText() throws {
        let slug = try #require(AuthorLinks.slug(of: "/authors/ines-carvalho"))
        #expect(AuthorLinks.name("More from Ines Carvalho", matches: slug, leadIn: true))
        #expect(!AuthorLinks.name("At Ines Carvalho", matches: slug))
    }

    // MARK: Credits

    @Test func unmarkedAuthorLinkUnderTheHeadlineIsTheCredit() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Raising tomatoes on a balcony</h1>
            <div class="x9"><a class="q2" href="/writers/mara-lindqvist">Mara Lindqvist</a><span>6 min</span></div>
            <p>Balcony tomatoes need a deep pot and a sheltered corner.</p></article>
            """))
        #expect(m.authors == ["Mara Lindqvist"])
    }

    @Test func authorLinkJustAboveTheHeadlineIsTheCredit() throws {
        let m = try extractMetadata(page(body: """
            <main><div class="k1"><a href="/guides">Guides</a> / <a href="/team/matthew-okafor">Matt Okafor</a></div>
            <h1>Pruning fig trees in late winter</h1><p>Cut back to an outward bud.</p></main>
            """))
        #expect(m.authors == ["Matt Okafor"])
    }

    @Test func nameLineUnderTheHeadlineIsTheCreditWhenTheAuthorCardLinksIt() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>A ten-week plan for a first half marathon</h1><p class="w1">Ines Carvalho</p>
            \(Self.filler)
            <div class="z3"><a href="/blog-authors/ines-carvalho"><p>Ines Carvalho</p></a><p>Ines coaches runners.</p></div>
            </article>
            """))
        #expect(m.authors == ["Ines Carvalho"])
    }

    @Test func mentionsAndOtherLinksAreNoCredit() throws {
        let mention = try extractMetadata(page(body: """
            <article><h1>Heat waves and wheat yields</h1>
            <p>The study surveyed growers and agronomists across three continents over two seasons, including
            <a href="/profile/tomas-brandt">Tomas Brandt</a>, PhD, who has measured grain fill under heat stress for
            many years and warns that yields fall sharply above a threshold.</p></article>
            """))
        #expect(mention.authors == [])
        let login = try extractMetadata(page(body: """
            <article><h1>Heat waves and wheat yields</h1><div><a href="/user/login">Log In</a></div>
            <p>Yields fall above a threshold.</p></article>
            """))
        #expect(login.authors == [])
        let farDown = try extractMetadata(page(body: """
            <article><h1>Heat waves and wheat yields</h1><p>Yields fall above a threshold.</p>\(Self.filler)
            <div><a href="/author/mara-lindqvist">Mara Lindqvist</a></div></article>
            """))
        #expect(farDown.authors == [])
    }

    // MARK: Avatar bylines

    @Test func nameAfterTheAvatarUnderTheHeadlineIsTheCredit() throws {
        let inline = try extractMetadata(page(body: """
            <header><h1>Choosing a rain barrel</h1><p>Mar 3, 2025 <span>&bull;</span>
            <img src="/g/1.png" class="avatar avatar-xs"> Nadia Sorensen in <a href="/c/garden">Garden</a></p></header>
            <main><p>A barrel with a screened lid keeps mosquitoes out.</p></main>
            """))
        #expect(inline.authors == ["Nadia Sorensen"])
        let columns = try extractMetadata(page(body: """
            <article><h1>Choosing a rain barrel</h1><div class="g1"><div class="c1"><img alt="" class="avatar avatar-50 photo"></div>
            <div class="c2"><p class="h9">Nadia Sorensen</p><div>Certified horticulturist</div></div></div>
            <p>A barrel with a screened lid keeps mosquitoes out.</p></article>
            """))
        #expect(columns.authors == ["Nadia Sorensen"])
    }

    @Test func avatarsFarBelowTheHeadlineAreNoCredit() throws {
        let m = try extractMetadata(page(body: """
            <article><h1>Choosing a rain barrel</h1><p>A barrel with a screened lid keeps mosquitoes out.</p>\(Self.filler)
            <div class="c1"><img class="avatar"> Nadia Sorensen</div></article>
            """))
        #expect(m.authors == [])
    }

    // MARK: A one-word declared author

    @Test func bylineInFullOutranksAOneWordDeclaredAuthorOnAStory() throws {
        let schema = jsonLDScript(#"{"@context":"https://schema.org","@type":"BlogPosting","headline":"Night trains of the north","author":{"@type":"Person","name":"MKovac"}}"#)
        let full = try extractMetadata(page(head: schema, body: """
            <article><h1>Night trains of the north</h1><p class="byline">By <a class="author-link" href="/about">Mira Kovac</a></p>
            <p>The sleeper leaves at nine.</p></article>
            """))
        #expect(full.authors == ["Mira Kovac"])
        // A one-word byline does not displace it.
        let short = try extractMetadata(page(head: schema, body: """
            <article><h1>Night trains of the north</h1><p class="byline">By <a class="author-link" href="/about">Mira</a></p>
            <p>The sleeper leaves at nine.</p></article>
            """))
        #expect(short.authors == ["MKovac"])
    }

    // MARK: A byline naming the site

    @Test func bylineNamingThePersonalSiteIsTheCredit() throws {
        let m = try extractMetadata(page(
            head: "<meta property=\"og:site_name\" content=\"Petra Holm\"><meta property=\"og:type\" content=\"article\">",
            body: """
            <article><h1>Notes on slow bread</h1><div class="entry-meta"><span class="byline">Posted by
            <span class="author vcard"><a class="url fn n" href="/about/">Petra Holm</a></span></span></div>
            <p>A long proof makes a better crumb.</p></article>
            """))
        #expect(m.authors == ["Petra Holm"])
    }

    @Test func brandLineOnAProductPageIsNoCredit() throws {
        let m = try extractMetadata(page(
            head: "<meta property=\"og:site_name\" content=\"Almendra\">",
            body: """
            <div class="product"><h1>Almendra toasted almond thins</h1><div>By <a href="https://almendra.example">Almendra</a></div>
            <p>Thin, crisp and lightly sweet.</p></div>
            """), url: "https://shop.example.com/pr/almendra-thins/5531")
        #expect(m.authors == [])
    }
}
