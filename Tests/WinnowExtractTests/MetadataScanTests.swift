import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// `MetadataExtractor.scan`: the metadata plus the page's JSON-LD parsed once, for stages that read it too.
@Suite("Metadata: page scan exposes parsed JSON-LD")
struct MetadataScanTests {
    @Test func scanCarriesParsedJSONLDAndOpenGraphType() throws {
        let html = page(
            head: "<meta property=\"og:type\" content=\"Article\">"
                + jsonLDScript(#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour Times"},{"@type":["NewsArticle"],"headline":"Storm closes port","author":{"@type":"Person","name":"Ana Ruiz"}}]}"#)
                + jsonLDScript(#"[{"@type":"BreadcrumbList","itemListElement":[]}]"#)
                + jsonLDScript("{ not json, \"datePublished\": \"2024-03-05\""),
            body: "<h1>Storm closes port</h1>")
        let document = try Document(html: html, url: "https://harbour.example/news/storm")
        let scan = MetadataExtractor.scan(document, url: "https://harbour.example/news/storm", now: metadataTestNow)
        #expect(scan.metadata.title == "Storm closes port")
        #expect(scan.metadata.authors == ["Ana Ruiz"])
        #expect(scan.metadata.published == "2024-03-05")
        #expect(scan.openGraphType == "article")
        // Two scripts parsed (an object and a list); the broken one is kept only for the key scan.
        #expect(scan.jsonLD.roots.count == 2)
        #expect(scan.jsonLD.roots.first is [String: Any])
        #expect(scan.jsonLD.roots.last is [Any])
        #expect(scan.jsonLD.unparsed.count == 1)
        let types = scan.jsonLD.objects.map(\.types)
        #expect(types.contains(["website"]) && types.contains(["newsarticle"]) && types.contains(["breadcrumblist"]))
        // The same metadata as `extract`.
        #expect(MetadataExtractor.extract(from: document, url: "https://harbour.example/news/storm", now: metadataTestNow)
                == scan.metadata)
    }

    @Test func pageWithoutJSONLDHasAnEmptyDocument() throws {
        let document = try Document(html: page(head: "<title>Plain</title>"), url: nil)
        let scan = MetadataExtractor.scan(document, url: nil, now: metadataTestNow)
        #expect(scan.jsonLD.roots.isEmpty && scan.jsonLD.objects.isEmpty && scan.jsonLD.unparsed.isEmpty)
        #expect(scan.openGraphType == nil)
    }

    /// The extractor reads metadata in the same walk that mirrors the page (`PageTree(root:scanning:)`); it must
    /// read exactly what the scan's own walk over libxml2 reads, including subtrees only the scan descends into
    /// (here an `<object>`'s fallback holding the byline, a `<video>`'s holding a date) and content after `</html>`.
    @Test func mirrorFedScanEqualsTheScansOwnWalk() throws {
        var pages: [(html: [UInt8], url: String)] = [
            (Array(page(head: "<title>Quay works begin | Harbour Times</title>",
                  body: "<nav><ul><li>By Region</li></ul></nav><h1>Quay works begin</h1>"
                      + "<object data=\"x.swf\"><p>By Ana Ruiz</p></object>"
                      + "<video><p>March 5, 2024</p></video><p>The quay closes for works today, the harbour said.</p>").utf8),
             "https://harbour.example/news/quay"),
            (Array(("<html><head><title>Late</title></head><body><h1>Late start</h1></body></html>"
                    + "<div class=\"byline\">By Jo Park</div><time datetime=\"2024-04-01\">April 1</time>").utf8),
             "https://harbour.example/late"),
            // Whitespace text between tags (blank to the scan) and texts of other control bytes after a byline label,
            // around the headline and the dates under it.
            (Array(page(head: "<title>Ferry timetable | Harbour Times</title>",
                  body: "<p>By</p>\n\t <p>\u{0C}</p>\r\n<h1>Ferry timetable</h1> \n <span>Written by</span>\u{0B}<b>\u{0C}</b>"
                      + String(repeating: "<i> \n </i>\t", count: 12) + "<p>Posted 2024-06-02</p>  <p>By Lee Wong</p>"
                      + "<p>The ferry keeps its summer timetable.</p>").utf8),
             "https://harbour.example/ferry"),
        ]
        for golden in GoldenCase.all {
            let html = try Data(contentsOf: golden.directory.appendingPathComponent("source.html"))
            pages.append(([UInt8](html), "https://example.org/\(golden.name)"))
        }
        for (html, url) in pages {
            let document = try Document(html: html, url: url)
            let own = MetadataExtractor.scan(document, url: url).metadata
            let mirrored = PageContext(document: document, url: url).metadata
            #expect(own == mirrored, "\(url)")
        }
        let first = try Document(html: pages[0].html, url: pages[0].url)
        let metadata = PageContext(document: first, url: pages[0].url).metadata
        #expect(metadata.authors == ["Ana Ruiz"])
        #expect(metadata.published == "2024-03-05")
        let late = try Document(html: pages[1].html, url: pages[1].url)
        #expect(PageContext(document: late, url: pages[1].url).metadata.authors == ["Jo Park"])
    }
}
