import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

@Suite("Metadata: fixture pages")
struct MetadataFixtureTests {
    private func load(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/metadata"))
        return [UInt8](try Data(contentsOf: url))
    }

    @Test func wordPressPostWithSchemaGraph() throws {
        let pageURL = "https://millbrook.example/2023/09/14/rebuilding-the-old-mill-wheel/?utm_source=feed"
        let document = try Document(html: try load("yoast-style-post"), url: pageURL)
        let m = MetadataExtractor.extract(from: document, url: pageURL, now: metadataTestNow)
        #expect(m.title == "Rebuilding the old mill wheel")
        #expect(m.authors == ["Harriet Nkemelu", "Declan Moore"])
        #expect(m.published == "2023-09-14T08:00:00Z")
        #expect(m.modified == "2023-09-20T11:45:10Z")
        #expect(m.siteName == "Millbrook Heritage Trust")
        #expect(m.language == "en-US")
        #expect(m.canonicalURL == "https://millbrook.example/2023/09/14/rebuilding-the-old-mill-wheel/")
        #expect(m.image == "https://millbrook.example/wp-content/uploads/2023/09/wheel.jpg")
        #expect(m.description == "Volunteers spent a summer restoring the 1840s wheel.")
        #expect(m.tags == ["restoration", "volunteers", "waterwheel"])
        #expect(m.url == pageURL)
    }

    @Test func trustTableCoversEveryField() {
        for field in MetadataField.allCases {
            let sources = MetadataTrust.order[field] ?? []
            #expect(!sources.isEmpty, "no sources for \(field)")
            #expect(Set(sources).count == sources.count, "duplicate source for \(field)")
        }
    }
}
