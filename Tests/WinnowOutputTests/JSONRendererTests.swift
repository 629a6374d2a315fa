import Foundation
import Testing
import WinnowExtract
import WinnowOutput

@Suite struct JSONRendererTests {
    struct NotAnObject: Error {}

    private func parse(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        guard let dictionary = object as? [String: Any] else { throw NotAnObject() }
        return dictionary
    }

    private func blocks(_ document: [String: Any]) -> [[String: Any]] {
        document["blocks"] as? [[String: Any]] ?? []
    }

    @Test func metadataFieldsRoundTrip() throws {
        let document = try parse(JSONRenderer().render(SampleArticles.full))
        #expect(document["title"] as? String == "Rain: \"Heavy\" in #Oslo")
        #expect(document["authors"] as? [String] == ["Ada Lovelace", "Bob O'Brien"])
        #expect(document["published"] as? String == "2024-05-01T09:30:00Z")
        #expect(document["modified"] as? String == "2024-05-02")
        #expect(document["site_name"] as? String == "The Daily Example")
        #expect(document["language"] as? String == "en")
        #expect(document["url"] as? String == "https://example.com/news/rain.html?ref=x")
        #expect(document["canonical_url"] as? String == "https://example.com/news/rain")
        #expect(document["description"] as? String == "Rain falls; umbrellas <sell>.")
        #expect(document["image"] as? String == "https://example.com/img/rain.jpg")
        #expect(document["tags"] as? [String] == ["weather", "Oslo"])
        let plain = TextRenderer().render(SampleArticles.full)
        #expect(document["text"] as? String == String(plain.dropLast()))
    }

    @Test func blockSchema() throws {
        let all = blocks(try parse(JSONRenderer().render(SampleArticles.full)))
        #expect(all.map { $0["type"] as? String } == ["paragraph", "heading", "list", "quote", "code", "table", "figure"])

        let paragraph = all[0]
        #expect(paragraph["text"] as? String == "It was very wet, said Ada on Monday. Run rain --now.")
        #expect((paragraph["html"] as? String)?.contains("<a href=\"https://example.com/ada\">Ada</a>") == true)
        #expect(Set(paragraph.keys) == ["type", "text", "html"])

        #expect(all[1]["level"] as? Int == 2)
        #expect(all[1]["text"] as? String == "Forecast")

        let list = all[2]
        #expect(list["ordered"] as? Bool == false)
        let items = list["items"] as? [[String: Any]] ?? []
        #expect(items.map { $0["text"] as? String } == ["Tuesday: showers", "Wednesday: sun\nmorning\nevening"])
        let nested = (items[1]["blocks"] as? [[String: Any]] ?? []).last
        #expect(nested?["type"] as? String == "list")
        #expect(nested?["ordered"] as? Bool == true)

        let quote = all[3]
        #expect((quote["blocks"] as? [[String: Any]])?.first?["text"] as? String == "Bring a coat.")

        #expect(all[4]["language"] as? String == "swift")
        #expect(all[4]["text"] as? String == "let x = 1\nprint(x)")

        let table = all[5]
        #expect(table["caption"] as? String == "Rainfall")
        #expect(table["header"] as? Bool == true)
        #expect(table["rows"] as? [[String]] == [["Day", "mm"], ["Mon", "12"]])

        let figure = all[6]
        #expect(figure["src"] as? String == "https://example.com/img/cloud.png")
        #expect(figure["alt"] as? String == "A cloud")
        #expect(figure["caption"] as? String == "Clouds over Oslo")
    }

    @Test func absentValuesAreNullAndKeysAreStable() throws {
        let empty = try parse(JSONRenderer().render(Article()))
        let expectedKeys: Set<String> = [
            "title", "authors", "published", "modified", "site_name", "language", "url", "canonical_url",
            "description", "image", "tags", "text", "blocks",
        ]
        #expect(Set(empty.keys) == expectedKeys)
        #expect(empty["title"] is NSNull)
        #expect(empty["canonical_url"] is NSNull)
        #expect(empty["authors"] as? [String] == [])
        #expect(empty["text"] as? String == "")
        #expect(blocks(empty).isEmpty)

        let sparse = try parse(JSONRenderer().render(Article(blocks: [
            .code(text: "x", language: nil), .figure(Figure(source: "https://example.com/a.png")),
            .table(Table(rows: [[TableCell(content: [.text("a")])]])),
        ])))
        let sparseBlocks = blocks(sparse)
        #expect(sparseBlocks[0]["language"] is NSNull)
        #expect(sparseBlocks[1]["alt"] is NSNull)
        #expect(sparseBlocks[1]["caption"] is NSNull)
        #expect(sparseBlocks[1]["text"] as? String == "")
        #expect(sparseBlocks[2]["caption"] is NSNull)
        #expect(sparseBlocks[2]["header"] as? Bool == false)
    }

    @Test func compactOutputIsOneLineWithSortedKeysAndCleanEncoding() {
        let json = JSONRenderer(prettyPrinted: false).render(SampleArticles.full)
        #expect(json.hasSuffix("}\n"))
        #expect(json.dropLast().contains("\n") == false)
        #expect(json.contains("\"ordered\":false"))
        #expect(json.contains("https://example.com/news/rain\""))  // slashes not escaped
        #expect(!json.contains("\\/"))
        #expect(!json.contains("_0"))
        let keys = ["\"authors\"", "\"blocks\"", "\"canonical_url\"", "\"description\""]
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func nastyTextSurvives() throws {
        let nasty = "</script><script>alert(\"x\")</script> \u{1F600} \\ \u{0001}"
        let article = Article(metadata: Metadata(title: nasty), blocks: [SampleArticles.paragraph(nasty)])
        let document = try parse(JSONRenderer().render(article))
        #expect(document["title"] as? String == nasty)
        let paragraph = blocks(document).first
        #expect(paragraph?["text"] as? String == nasty)
        #expect((paragraph?["html"] as? String)?.contains("&lt;/script&gt;") == true)
    }
}
