import Testing
@testable import WinnowSources

@Suite("URL lists")
struct URLListTests {
    @Test("comments, blank lines, trimming, relative lines and skipped line numbers")
    func parse() {
        let text = """
            # Seeds for the harbour sites
            https://gazette.example/

              https://gazette.example/world/   # trailing comment
            /sport/
            ../archive/2023?y=1
            mailto:editor@gazette.example
            two words
            ftp://files.example/list.txt
            \thttps://other.example/a#section\t
            https://other.example/with#hash-no-space
            """
        let result = URLList.parse(text, base: "https://gazette.example/news/today")
        #expect(result.urls == [
            "https://gazette.example/",
            "https://gazette.example/world/",
            "https://gazette.example/sport/",
            "https://gazette.example/archive/2023?y=1",
            "https://other.example/a#section",
            "https://other.example/with#hash-no-space",
        ])
        #expect(result.skippedLines == [7, 8, 9])
    }

    @Test("without a base, relative lines are skipped")
    func noBase() {
        let result = URLList.parse("https://a.example/x\r\n/relative\r\nb.html\r\nhttp://b.example", base: nil)
        #expect(result.urls == ["https://a.example/x", "http://b.example"])
        #expect(result.skippedLines == [2, 3])
    }

    @Test("an empty list is empty, with nothing skipped")
    func empty() {
        #expect(URLList.parse("", base: nil) == URLList.Result(urls: [], skippedLines: []))
        #expect(URLList.parse("\n\n# only comments\n", base: "https://a.example/") == URLList.Result(urls: [], skippedLines: []))
    }
}
