import Foundation
import Testing
@testable import WinnowSources

/// Feeds and sitemaps built to hurt a parser: deep nesting, NULs, a body over the size limit, a gzip bomb,
/// more URLs than the protocol allows. (Entity bombs and external entities: FeedParserTests.)
@Suite("Hostile feeds and sitemaps")
struct HostileSourceDocumentTests {
    static let url = "https://s.example/sitemap.xml"

    @Test("300,000 nested elements inside a feed item: the feed still parses, libxml2 keeping its 256-level XML limit")
    func deepFeed() throws {
        var xml = "<rss><channel><title>T</title><item><link>https://s.example/1</link></item><item><description>"
        xml += String(repeating: "<x>", count: 300_000)
        let start = ContinuousClock.now
        let outcome = Result { () throws(SourceParseError) -> Feed in
            try FeedParser.parse(Array(xml.utf8), url: "https://s.example/feed", contentType: nil)
        }
        #expect(ContinuousClock.now - start < .seconds(30))
        // libxml2 stops at the depth limit; recovery keeps what came before it.
        let feed = try outcome.get()
        #expect(feed.items.first?.url == "https://s.example/1")
    }

    @Test("NUL bytes inside a sitemap are dropped: every entry is read")
    func nulInSitemap() throws {
        let xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://s.example/\u{0}a</loc></url><u\u{0}rl></url><url><loc>https://s.example/b</loc></url></urlset>"
        guard case .urlSet(let entries) = try SitemapParser.parse(Array(xml.utf8), url: Self.url, contentType: nil) else {
            Issue.record("not a URL set")
            return
        }
        #expect(entries.map(\.url) == ["https://s.example/a", "https://s.example/b"])
    }

    @Test("a sitemap one byte over the limit is refused with the sizes in the message, before any parsing")
    func overTheLimit() {
        let limit = 1 << 20
        let body = [UInt8](repeating: UInt8(ascii: " "), count: limit + 1)
        #expect(throws: SourceParseError(.tooLarge, "sitemap is \(limit + 1) bytes; the limit is \(limit)")) {
            try SitemapParser.parse(body, url: Self.url, contentType: nil, maximumSize: limit)
        }
    }

    @Test("200,000 URLs in one sitemap: the first 50,000 are kept")
    func tooManyURLs() throws {
        var xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        for index in 0..<200_000 { xml += "<url><loc>https://s.example/\(index)</loc></url>" }
        xml += "</urlset>"
        guard case .urlSet(let entries) = try SitemapParser.parse(Array(xml.utf8), url: Self.url, contentType: nil) else {
            Issue.record("not a URL set")
            return
        }
        #expect(entries.count == SitemapParser.maximumEntries)
        #expect(entries.last?.url == "https://s.example/49999")
    }
}
