import Testing
import WinnowExtract
import WinnowOutput

@Suite struct TextRendererTests {
    @Test func fullArticleGolden() {
        let expected = """
            It was very wet, said Ada on Monday. Run rain --now.

            Forecast

            Tuesday: showers
            Wednesday: sun
            morning
            evening

            Bring a coat.

            let x = 1
            print(x)

            Rainfall
            Day\tmm
            Mon\t12

            Clouds over Oslo

            """
        #expect(TextRenderer().render(SampleArticles.full) == expected)
        #expect(Renderer.render(SampleArticles.full, as: .text) == expected)
    }

    @Test func normalisesWhitespaceAcrossInlineBoundaries() {
        let article = Article(blocks: [
            .paragraph([
                .text("  Hello\n\t"), .emphasis([.text(" big ")]), .text("  wide\u{00A0}world "), .lineBreak,
                .text("   next "), .lineBreak, .lineBreak,
            ]),
        ])
        #expect(TextRenderer().render(article) == "Hello big wide\u{00A0}world\nnext\n")
    }

    @Test func linksKeepTextOnlyAndListsHaveNoBullets() {
        let article = Article(blocks: [
            .paragraph([.link(href: "https://example.com/x", content: [.text("the report")]), .text(" says")]),
            .list(ordered: true, items: [[SampleArticles.paragraph("one")], [], [SampleArticles.paragraph("two")]]),
        ])
        let text = TextRenderer().render(article)
        #expect(text == "the report says\n\none\ntwo\n")
        #expect(!text.contains("https://"))
    }

    @Test func figuresWithoutCaptionAndEmptyBlocksAreSkipped() {
        let article = Article(blocks: [
            .figure(Figure(source: "https://example.com/a.png", alt: "alt text")),
            .paragraph([.text("  "), .emphasis([])]),
            .heading(level: 2, content: [.text("Only")]),
            .code(text: "\n", language: nil),
        ])
        #expect(TextRenderer().render(article) == "Only\n")
    }

    @Test func codeIsVerbatim() {
        let code = "func f() {\r\n    return  1\r\n}\n\n"
        let article = Article(blocks: [.code(text: code, language: "swift")])
        #expect(TextRenderer().render(article) == "func f() {\n    return  1\n}\n")
    }

    @Test func metadataHeaderIsOptional() {
        let withHeader = TextRenderer(includesMetadataHeader: true).render(SampleArticles.full)
        let lines = withHeader.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Rain: \"Heavy\" in #Oslo")
        #expect(lines[1] == "By Ada Lovelace and Bob O'Brien · 2024-05-01T09:30:00Z · The Daily Example")
        #expect(lines[2] == "https://example.com/news/rain")
        #expect(lines[3] == "")
        #expect(lines[4] == "It was very wet, said Ada on Monday. Run rain --now.")
        #expect(!TextRenderer().render(SampleArticles.full).contains("Ada Lovelace"))
    }

    @Test func emptyAndMetadataOnlyArticles() {
        #expect(TextRenderer().render(Article()) == "")
        #expect(TextRenderer(includesMetadataHeader: true).render(Article()) == "")
        let metadataOnly = Article(metadata: Metadata(title: "Only a title", url: "https://example.com/a"))
        #expect(TextRenderer().render(metadataOnly) == "")
        #expect(TextRenderer(includesMetadataHeader: true).render(metadataOnly) == "Only a title\nhttps://example.com/a\n")
    }

    @Test func tableCellsWithLineBreaksStayOnOneRow() {
        let table = Table(rows: [
            [TableCell(content: [.text("a"), .lineBreak, .text("b")]), TableCell(content: [.text("c | d")])],
            [TableCell(content: []), TableCell(content: [])],
        ])
        #expect(TextRenderer().render(Article(blocks: [.table(table)])) == "a b\tc | d\n")
    }

    @Test func manySmallTextNodesRenderInLinearTime() {
        // Whitespace merging once re-collapsed the whole paragraph per node: 20,000 nodes took minutes.
        let article = Article(blocks: [.paragraph(Array(repeating: Inline.text(" word "), count: 20_000))])
        let start = ContinuousClock.now
        let text = TextRenderer().render(article)
        let markdown = MarkdownRenderer().render(article)
        let elapsed = ContinuousClock.now - start
        #expect(text.count == 20_000 * 5)
        #expect(text.hasPrefix("word word "))
        #expect(markdown == text)
        #expect(elapsed < .seconds(10))
    }
}
