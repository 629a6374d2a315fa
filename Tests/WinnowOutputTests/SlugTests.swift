import Testing
import WinnowOutput

@Suite struct SlugTests {
    @Test(arguments: [
        ("Rain: \"Heavy\" in #Oslo", "rain-heavy-in-oslo"),
        ("  Don't Panic!  ", "dont-panic"),
        ("Café Straße Ærøskøbing", "cafe-strasse-aeroskobing"),
        ("Привет, мир", "privet-mir"),
        ("Ελληνικά", "ellenika"),
        ("2024: Year in review — part 2", "2024-year-in-review-part-2"),
        ("!!!", ""),
        ("", ""),
        ("🙂🙂", ""),
    ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func nonLatinScriptsAreTransliterated() {
        // The exact romanisation is ICU's; what matters is a readable ASCII slug, not an empty one.
        let slug = Slug.make("東京の天気")
        #expect(slug.hasPrefix("dong-jing"))
        #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    }

    @Test func longSlugsAreCutAtAWordBoundary() {
        let title = Array(repeating: "word", count: 40).joined(separator: " ")
        let slug = Slug.make(title)
        #expect(slug.count <= Slug.maximumLength)
        #expect(slug.count >= 70)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasSuffix("word"))
        let unbroken = String(repeating: "x", count: 200)
        #expect(Slug.make(unbroken).count == Slug.maximumLength)
    }

    @Test func hostsAndPathSegments() {
        #expect(Slug.host(of: "https://WWW.Example.COM:8080/a/b") == "example.com")
        #expect(Slug.host(of: "not a url") == nil)
        #expect(Slug.host(of: "/relative/only") == nil)
        #expect(Slug.lastPathSegment(of: "https://example.com/news/2024/big-storm-hits.html?x=1") == "big-storm-hits")
        #expect(Slug.lastPathSegment(of: "https://example.com/news/storm/index.html") == "storm")
        #expect(Slug.lastPathSegment(of: "https://example.com/") == nil)
    }
}
