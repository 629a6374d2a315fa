import Foundation
import Testing
@testable import WinnowSources

@Suite("Sitemaps: URL sets, indexes, news, gzip, plain text")
struct SitemapParserTests {
    @Test("a URL set: locations trimmed and entity-decoded, lastmod at several precisions, extensions ignored")
    func urlSet() throws {
        let sitemap = try SitemapParser.parse(try Support.fixture("sitemap-urlset.xml"),
                                              url: "https://shop.example/sitemap.xml", contentType: "application/xml")
        guard case .urlSet(let entries) = sitemap else {
            Issue.record("expected a URL set, got \(sitemap)")
            return
        }
        #expect(entries == [
            SitemapEntry(url: "https://shop.example/", lastModified: Support.utc(2024, 5, 1)),
            // <image:loc> comes first in the element but is not the page's location.
            SitemapEntry(url: "https://shop.example/kettles/copper?colour=red&size=2",
                         lastModified: Support.utc(2024, 5, 2, 12, 30)),
            SitemapEntry(url: "https://shop.example/about", lastModified: Support.utc(2024, 1, 1)),
            SitemapEntry(url: "https://shop.example/blog/launch",
                         lastModified: Support.utc(2024, 5, 3, 9, 15, 30).addingTimeInterval(0.5)),
            // ftp:// and the <url> without <loc> are skipped; a bad lastmod is just absent.
            SitemapEntry(url: "https://shop.example/bad-date", lastModified: nil),
        ])
    }

    @Test("a sitemap index lists child sitemaps with their lastmod")
    func index() throws {
        let sitemap = try SitemapParser.parse(try Support.fixture("sitemap-index.xml"),
                                              url: "https://gazette.example/sitemap.xml", contentType: "text/xml")
        #expect(sitemap == .index([
            SitemapReference(url: "https://gazette.example/sitemaps/news.xml",
                             lastModified: Support.utc(2024, 11, 5, 8)),
            SitemapReference(url: "https://gazette.example/sitemaps/2024-10.xml.gz",
                             lastModified: Support.utc(2024, 10, 31)),
            SitemapReference(url: "https://gazette.example/sitemaps/pages.xml"),
        ]))
    }

    @Test("Google News entries carry title, publication date, publication name and language")
    func news() throws {
        let sitemap = try SitemapParser.parse(try Support.fixture("sitemap-news.xml"),
                                              url: "https://gazette.example/sitemaps/news.xml", contentType: nil)
        guard case .urlSet(let entries) = sitemap else {
            Issue.record("expected a URL set, got \(sitemap)")
            return
        }
        #expect(entries.count == 3)
        #expect(entries[0].news == NewsInfo(title: "Ferry timetable changes for the winter",
                                            publicationDate: Support.utc(2024, 11, 5, 8, 30),
                                            publicationName: "The Harbour Gazette", language: "en"))
        #expect(entries[0].lastModified == nil)
        #expect(entries[1].news?.publicationDate == Support.utc(2024, 11, 4))
        #expect(entries[1].lastModified == Support.utc(2024, 11, 5, 9))
        #expect(entries[2] == SitemapEntry(url: "https://gazette.example/about-us"))
    }

    @Test("a gzip-compressed sitemap is decompressed first, whatever the content type")
    func gzipped() throws {
        let plain = try Support.fixture("sitemap-index.xml")
        let compressed = try Support.gzip(plain)
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        let expected = try SitemapParser.parse(plain, url: "https://gazette.example/sitemap.xml", contentType: nil)
        for contentType in ["application/x-gzip", "application/xml", nil] as [String?] {
            let sitemap = try SitemapParser.parse(compressed, url: "https://gazette.example/sitemap.xml.gz",
                                                  contentType: contentType)
            #expect(sitemap == expected)
        }
    }

    @Test("decompression is capped: over the limit is a tooLarge error, as is an uncompressed body over it")
    func sizeLimit() throws {
        let plain = try Support.fixture("sitemap-urlset.xml")
        let compressed = try Support.gzip(plain)
        #expect(throws: Never.self) {
            try SitemapParser.parse(compressed, url: "https://s.example/s.xml.gz", contentType: nil,
                                    maximumSize: plain.count)
        }
        for body in [compressed, plain] {
            do {
                _ = try SitemapParser.parse(body, url: "https://s.example/s.xml.gz", contentType: nil,
                                            maximumSize: plain.count - 1)
                Issue.record("expected tooLarge")
            } catch {
                #expect(error.code == .tooLarge)
            }
        }
    }

    @Test("corrupt or truncated gzip is an undecodable error")
    func corruptGzip() throws {
        let compressed = try Support.gzip(try Support.fixture("sitemap-urlset.xml"))
        var corrupt = compressed
        corrupt[corrupt.count / 2] ^= 0xFF
        for body in [Array(compressed.prefix(compressed.count / 2)), corrupt, [0x1F, 0x8B]] {
            do {
                _ = try SitemapParser.parse(body, url: "https://s.example/s.xml.gz", contentType: nil)
                Issue.record("expected an error for \(body.count) bytes")
            } catch {
                #expect(error.code == .undecodable)
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test("a plain-text sitemap: one URL per line, CRLF endings, junk lines skipped")
    func plainText() throws {
        let sitemap = try SitemapParser.parse(try Support.fixture("sitemap.txt"), url: "https://plain.example/sitemap.txt",
                                              contentType: "text/plain")
        #expect(sitemap == .urlSet([
            SitemapEntry(url: "https://plain.example/one"),
            SitemapEntry(url: "https://plain.example/two"),
            SitemapEntry(url: "https://plain.example/three"),
        ]))
    }

    @Test("no more than 50,000 entries are read from one file")
    func entryCap() throws {
        var xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        for index in 0..<(SitemapParser.maximumEntries + 25) {
            xml += "<url><loc>https://big.example/p/\(index)</loc></url>"
        }
        xml += "</urlset>"
        let sitemap = try SitemapParser.parse(Array(xml.utf8), url: "https://big.example/sitemap.xml", contentType: nil)
        guard case .urlSet(let entries) = sitemap else {
            Issue.record("expected a URL set")
            return
        }
        #expect(entries.count == 50_000)
        #expect(entries.last?.url == "https://big.example/p/49999")
        let text = (0..<50_010).map { "https://big.example/t/\($0)" }.joined(separator: "\n")
        guard case .urlSet(let lines) = try SitemapParser.parse(Array(text.utf8), url: "https://big.example/s.txt",
                                                                 contentType: nil) else {
            Issue.record("expected a URL set")
            return
        }
        #expect(lines.count == 50_000)
    }

    @Test("namespace tolerance: a sitemap without a namespace, or with an old or misspelt one, still parses",
          arguments: ["", " xmlns=\"http://www.google.com/schemas/sitemap/0.84\"", " xmlns=\"https://www.sitemaps.org/schemas/sitemap/0.9/\""])
    func namespaces(declaration: String) throws {
        let xml = "<urlset\(declaration)><url><loc>https://ns.example/a</loc><lastmod>2024-01-02</lastmod></url></urlset>"
        let sitemap = try SitemapParser.parse(Array(xml.utf8), url: "https://ns.example/sitemap.xml", contentType: nil)
        #expect(sitemap == .urlSet([SitemapEntry(url: "https://ns.example/a", lastModified: Support.utc(2024, 1, 2))]))
    }

    @Test("errors: an HTML page, a feed, text with no URL, empty body", arguments: [
        ("<!DOCTYPE html><html><body><p>Not found</p></body></html>", SourceParseError.Code.notASitemap),
        ("<rss version=\"2.0\"><channel/></rss>", .notASitemap),
        ("Not Found", .notASitemap),
        ("", .notASitemap),
        ("<<<", .notXML),
    ])
    func errors(body: String, code: SourceParseError.Code) {
        do {
            _ = try SitemapParser.parse(Array(body.utf8), url: "https://x.example/sitemap.xml", contentType: nil)
            Issue.record("expected \(code) for \(body.debugDescription)")
        } catch {
            #expect(error.code == code, "\(body.debugDescription): \(error)")
        }
    }
}
