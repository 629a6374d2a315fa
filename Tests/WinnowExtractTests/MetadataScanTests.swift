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
}
