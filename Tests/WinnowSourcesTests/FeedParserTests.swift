import Foundation
import Testing
import WinnowDOM
import WinnowTestSupport
@testable import WinnowSources

@Suite("Feeds: RSS 2.0, Atom, RDF")
struct FeedParserTests {
    @Test("RSS 2.0: links, guid fallbacks, atom:link fallback, dates, titles, skipped items")
    func rss2() throws {
        let feed = try FeedParser.parse(try Support.fixture("rss2.xml"), url: "https://gazette.example/feed.xml",
                                        contentType: "application/rss+xml")
        #expect(feed.kind == .rss)
        #expect(feed.title == "The Harbour Gazette")
        #expect(feed.items.map(\.url) == [
            "https://gazette.example/2024/11/ferry-timetable",
            "https://gazette.example/2024/11/lighthouse-keeper",  // relative <link>, resolved against the feed URL
            "https://gazette.example/2024/11/fish-market",  // guid isPermaLink="true"
            "https://gazette.example/?p=998",  // guid isPermaLink="false" that is nevertheless an http URL
            "https://gazette.example/tides",  // atom:link rel=alternate
            "https://gazette.example/untitled",
        ])
        let items = feed.items
        #expect(items[0].title == "Ferry timetable changes for the winter")  // not the <media:title>
        #expect(items[0].published == Support.utc(2024, 11, 5, 8, 30))
        #expect(items[0].updated == nil)
        #expect(items[1].title == "Lighthouse keeper retires after 40 years")  // CDATA
        #expect(items[1].published == Support.utc(2024, 11, 4, 22, 5))  // EST is UTC-5
        #expect(items[1].updated == Support.utc(2024, 11, 5, 9))
        #expect(items[2].published == Support.utc(2024, 11, 3, 10))  // +0200
        #expect(items[3].published == Support.utc(2024, 11, 2, 9, 15))  // dc:date with +01:00
        #expect(items[4].title == "Tide tables (Atom link only)")
        #expect(items[5].title == nil)
        #expect(items[5].published == nil)  // an unparsable pubDate is no date, not an error
    }

    @Test("Atom: xml:base on feed, entry and link; rel and type choice; id fallback; html and xhtml titles")
    func atom() throws {
        let feed = try FeedParser.parse(try Support.fixture("atom.xml"), url: "https://feeds.example/journal.atom",
                                        contentType: "application/atom+xml; charset=utf-8")
        #expect(feed.kind == .atom)
        #expect(feed.title == "Notes & Sketches")  // type="html": tags dropped, references decoded once
        #expect(feed.items.map(\.url) == [
            "https://blog.example/journal/posts/coast-path",  // feed xml:base, not the feed URL
            "https://archive.blog.example/2023/winter.html",  // entry xml:base; link without rel
            "https://blog.example/elsewhere/page",  // the link's own xml:base, relative to the feed's
            "https://blog.example/journal/posts/formats",  // the text/html alternate wins over the PDF
            "https://blog.example/journal/posts/by-id",  // no link: an http <id>
        ])
        let first = feed.items[0]
        #expect(first.title == "Walking the coast path")
        #expect(first.published == Support.utc(2024, 10, 29, 5, 45))
        let updated = try #require(first.updated)
        #expect(abs(updated.timeIntervalSince(Support.utc(2024, 10, 30, 8)) - 0.25) < 0.001)
        #expect(feed.items[1].title == "Old winter notes")
        #expect(feed.items[1].published == nil)
        #expect(feed.items[1].updated == Support.utc(2023, 12, 1))
        #expect(feed.items[4].updated == Support.utc(2024, 9, 1))
    }

    @Test("RSS 1.0 / RDF: <link>, else rdf:about; dc:date")
    func rdf() throws {
        let feed = try FeedParser.parse(try Support.fixture("rss1.rdf"), url: "https://library.example/news.rdf",
                                        contentType: "application/rdf+xml")
        #expect(feed.kind == .rdf)
        #expect(feed.title == "Library News")
        #expect(feed.items == [
            FeedItem(url: "https://library.example/news/late-opening", title: "Late opening on Thursdays",
                     published: Support.utc(2024, 6, 13, 23)),
            FeedItem(url: "https://library.example/news/book-sale", title: "Annual book sale",
                     published: Support.utc(2024, 6, 1)),
        ])
    }

    @Test("undeclared prefixes: dc:date and atom:link still count, media:title does not")
    func undeclaredPrefixes() throws {
        let feed = try FeedParser.parse(try Support.fixture("rss-undeclared-prefixes.xml"),
                                        url: "http://careless.example/rss", contentType: nil)
        #expect(feed.items == [
            FeedItem(url: "http://careless.example/one", title: "Dated with an undeclared dc prefix",
                     published: Support.utc(2024, 2, 29, 23, 59, 59)),
            FeedItem(url: "http://careless.example/two", title: "Linked with an undeclared atom prefix"),
        ])
    }

    @Test("Atom without a namespace, and with a misspelt one, is read by local names")
    func toleratedNamespaces() throws {
        let bare = try FeedParser.parse(try Support.fixture("atom-no-namespace.xml"), url: "https://bare.example/atom",
                                        contentType: nil)
        #expect(bare.kind == .atom)
        #expect(bare.title == "Bare Atom")
        #expect(bare.items == [FeedItem(url: "https://bare.example/first", title: "First",
                                        published: Support.utc(2024, 1, 15, 10))])
        let mangled = try FeedParser.parse(try Support.fixture("atom-mangled-namespace.xml"),
                                           url: "https://mangled.example/atom", contentType: nil)
        #expect(mangled.title == "Mangled Atom")
        #expect(mangled.items == [FeedItem(url: "https://mangled.example/second", title: "Second",
                                           updated: Support.utc(2024, 1, 16, 10))])
    }

    @Test("charsets: windows-1252 from the XML declaration, UTF-16 from the BOM, HTTP charset over declaration")
    func charsets() throws {
        let legacy = try FeedParser.parse(try Support.fixture("rss-windows1252.xml"), url: "https://cafe.example/rss",
                                          contentType: "text/xml")
        #expect(legacy.title == "Café Society")
        #expect(legacy.items.first?.title == "\u{201C}Café prices\u{201D} rise by €1")
        let utf16 = try FeedParser.parse(try Support.fixture("rss-utf16.xml"), url: "https://port.example/rss",
                                         contentType: nil)
        #expect(utf16.title == "港口新聞")
        #expect(utf16.items == [FeedItem(url: "https://port.example/ferry", title: "渡輪の時刻表")])
        // A UTF-8 body mislabelled by its declaration, with the right charset in the header.
        let xml = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Zoë’s</title></channel></rss>"
        let labelled = try FeedParser.parse(Array(xml.utf8), url: "https://x.example/", contentType: "text/xml; charset=utf-8")
        #expect(labelled.title == "Zoë’s")
    }

    @Test("relative links use the feed URL when there is no xml:base; without a usable base they are skipped")
    func relativeLinks() throws {
        let xml = """
            <rss version="2.0"><channel><title>T</title>
            <item><link>../b/c?d=1</link></item>
            <item><link>//other.example/x</link></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), url: "https://site.example/a/feed/rss", contentType: nil)
        #expect(feed.items.map(\.url) == ["https://site.example/a/b/c?d=1", "https://other.example/x"])
        let unresolvable = try FeedParser.parse(Array(xml.utf8), url: "", contentType: nil)
        #expect(unresolvable.items.isEmpty)
    }

    @Test("errors: not XML, an HTML page, a sitemap, an empty body", arguments: [
        ("", SourceParseError.Code.notXML),
        ("just some text, no markup", .notXML),
        ("<?xml version=\"1.0\"?>", .notXML),
        ("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", .notAFeed),
    ])
    func errors(body: String, code: SourceParseError.Code) {
        do {
            _ = try FeedParser.parse(Array(body.utf8), url: "https://x.example/feed", contentType: nil)
            Issue.record("expected \(code) for \(body.debugDescription)")
        } catch {
            #expect(error.code == code)
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
        }
    }

    @Test("an HTML page is not a feed, and says which root it found")
    func htmlPage() throws {
        let page = try Support.fixture("not-a-feed.html")
        do {
            _ = try FeedParser.parse(page, url: "https://gazette.example/rss", contentType: "text/html")
            Issue.record("an HTML page parsed as a feed")
        } catch {
            #expect(error.code == .notAFeed)
            #expect(error.message.contains("<html>"))
        }
    }

    /// A DOCTYPE declaring a billion-laughs bomb (10 levels, 3 × 10¹⁰ bytes if expanded).
    static func bombDTD(levels: Int = 10) -> String {
        var dtd = "<!ENTITY lol0 \"lol\">"
        for level in 1...levels {
            dtd += "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level - 1);", count: 10))\">"
        }
        return "<!DOCTYPE rss [\(dtd)]>"
    }

    @Test("a feed referencing a billion-laughs entity bomb fails cleanly or finishes quickly with bounded output")
    func entityBomb() throws {
        let xml = """
            <?xml version="1.0"?>
            \(Self.bombDTD())
            <rss version="2.0"><channel><title>&lol10;</title>
            <item><title>&lol10;</title><link>https://bomb.example/a</link></item>
            <item><title>safe</title><link>https://bomb.example/b?x=&lol10;</link></item>
            </channel></rss>
            """
        let started = ContinuousClock.now
        let result = Result { () throws(SourceParseError) in
            try FeedParser.parse(Array(xml.utf8), url: "https://bomb.example/rss", contentType: nil)
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        switch result {
        case .failure(let error):
            #expect(!error.message.isEmpty)
        case .success(let feed):
            // libxml2 2.9.14 stops the document at the first reference it judges amplifying (so today the feed is
            // empty); whatever it keeps, the entity budget bounds what comes out.
            let total = (feed.title?.utf8.count ?? 0)
                + feed.items.reduce(0) { $0 + $1.url.utf8.count + ($1.title?.utf8.count ?? 0) }
            #expect(total <= 2 * Document.entityExpansionBudget)
            #expect(feed.items.count <= 2)
            #expect(!(feed.title ?? "").contains(String(repeating: "lol", count: 1000)))
        }
    }

    @Test("a bomb that is declared but never referenced does not stop the feed from parsing")
    func unreferencedBomb() throws {
        let xml = """
            <?xml version="1.0"?>
            \(Self.bombDTD())
            <rss version="2.0"><channel><title>Quiet</title>
            <item><title>One</title><link>https://bomb.example/one</link></item>
            <item><title>Two</title><link>https://bomb.example/two</link></item>
            </channel></rss>
            """
        let started = ContinuousClock.now
        let feed = try FeedParser.parse(Array(xml.utf8), url: "https://bomb.example/rss", contentType: nil)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(feed.title == "Quiet")
        #expect(feed.items.map(\.url) == ["https://bomb.example/one", "https://bomb.example/two"])
    }

    @Test("external entities and DTDs are neither read from disk nor fetched from the network")
    func externalEntities() throws {
        let token = UInt32.random(in: 0...UInt32.max)
        let secret = "winnow-sources-secret-\(token)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-sources-xxe-\(token).txt")
        try Data(secret.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try TestHTTPServer { _ in ServerReply(body: Array("<!ENTITY remote \"fetched\">".utf8)) }
        defer { server.stop() }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(server.url("/rss.dtd"))" [
              <!ENTITY local SYSTEM "\(file.absoluteString)">
              <!ENTITY % remoteDTD SYSTEM "\(server.url("/entities.dtd"))">
              %remoteDTD;
            ]>
            <rss version="2.0"><channel><title>t &local; &remote;</title>
            <item><title>x &local;</title><link>https://xxe.example/a</link></item>
            </channel></rss>
            """
        let started = ContinuousClock.now
        let feed = try? FeedParser.parse(Array(xml.utf8), url: "https://xxe.example/rss", contentType: nil)
        #expect(ContinuousClock.now - started < .seconds(5))
        let everything = (feed?.title ?? "") + (feed?.items.compactMap(\.title).joined() ?? "")
        #expect(!everything.contains(secret))
        #expect(!everything.contains("fetched"))
        #expect(server.stats.connections == 0)
    }
}
