import Testing
@testable import WinnowSources

@Suite("Section pages: link discovery")
struct LinkExtractorTests {
    static let pageURL = "https://gazette.example/world/index.html?edition=uk"

    @Test("links resolve against <base href>, keep first-seen order, drop fragments, duplicates and non-http(s)")
    func links() throws {
        let links = try LinkExtractor.links(in: try Support.fixture("section.html"), url: Self.pageURL,
                                            contentType: "text/html; charset=utf-8")
        #expect(links == [
            "https://gazette.example/",
            "https://gazette.example/sport/",
            "https://gazette.example/world/2024/11/storm-warning",
            "https://gazette.example/world/2024/11/ferry-strike",
            "https://partner.example/story?id=7&ref=gazette",
            "https://ads.example/click",
            "https://comments.example/thread",
            "https://cdn.gazette.example/print/edition.pdf",
            "https://gazette.example/world/regions/north",
        ])
    }

    @Test("discovered links carry collapsed anchor text, area alt text and nofollow")
    func discovered() throws {
        let links = try LinkExtractor.discoveredLinks(in: try Support.fixture("section.html"), url: Self.pageURL,
                                                      contentType: nil)
        let byURL = Dictionary(uniqueKeysWithValues: links.map { ($0.url, $0) })
        #expect(byURL["https://gazette.example/world/2024/11/storm-warning"]?.text == "Storm warning issued")
        // The first occurrence's text wins (the fragment-only difference makes it the same URL).
        #expect(byURL["https://gazette.example/world/2024/11/ferry-strike"]?.text == "Ferry strike")
        #expect(byURL["https://partner.example/story?id=7&ref=gazette"]?.nofollow == true)
        #expect(byURL["https://ads.example/click"]?.nofollow == true)  // rel="Sponsored noopener"
        // Linked once with nofollow and once without: followable, first text kept.
        #expect(byURL["https://comments.example/thread"] == DiscoveredLink(
            url: "https://comments.example/thread", text: "Discuss", nofollow: false))
        #expect(byURL["https://gazette.example/"]?.nofollow == false)
        #expect(byURL["https://gazette.example/world/regions/north"]?.text == "North region")
    }

    @Test("without <base>, links resolve against the page URL")
    func pageBase() throws {
        let html = "<p><a href='next.html'>n</a> <a href='/top'>t</a> <a href='?page=2'>2</a> <a href='HTTPS://Other.example/X'>x</a>"
        let links = try LinkExtractor.links(in: Array(html.utf8), url: "https://site.example/dir/page.html?page=1",
                                            contentType: nil)
        #expect(links == [
            "https://site.example/dir/next.html", "https://site.example/top", "https://site.example/dir/page.html?page=2",
            "HTTPS://Other.example/X",  // as written: normalizing is the scheduler's job
        ])
    }

    @Test("hrefs with spaces, tabs, backslashes and non-ASCII characters are read as browsers read them")
    func lenientHrefs() throws {
        let html = "<a href='a b.html'>1</a><a href='\tc\nd.html'>2</a><a href='\\\\e\\f.html'>3</a><a href='/caf\u{E9}'>4</a>"
        let links = try LinkExtractor.links(in: Array(html.utf8), url: "https://site.example/x/", contentType: nil)
        #expect(links == [
            "https://site.example/x/a%20b.html", "https://site.example/x/cd.html", "https://e/f.html",
            "https://site.example/caf%C3%A9",
        ])
    }

    @Test("a page with no links, and a page that is not HTML at all, give no links")
    func noLinks() throws {
        #expect(try LinkExtractor.links(in: Array("<p>plain</p>".utf8), url: "https://a.example/", contentType: nil).isEmpty)
        #expect(try LinkExtractor.links(in: [], url: "https://a.example/", contentType: nil).isEmpty)
        #expect(try LinkExtractor.links(in: [0x00, 0xFF, 0xFE, 0x01], url: "https://a.example/", contentType: nil).isEmpty)
    }

    @Test("rel tokens", arguments: [
        ("nofollow", true), ("NoFollow noopener", true), ("ugc", true), ("sponsored", true), ("noopener", false),
        ("nofollowing", false), ("", false),
    ])
    func relTokens(rel: String, expected: Bool) {
        #expect(LinkExtractor.isNofollow(rel) == expected)
    }
}
