import Testing
import WinnowExtract
import WinnowOutput

@Suite struct MarkdownRendererTests {
    private func body(_ blocks: [Block]) -> String {
        MarkdownRenderer(includesFrontMatter: false, includesTitleHeading: false).render(Article(blocks: blocks))
    }

    private func paragraph(_ inlines: [Inline]) -> String {
        body([.paragraph(inlines)])
    }

    @Test func fullArticleGolden() {
        let expected = """
            ---
            title: "Rain: \\"Heavy\\" in #Oslo"
            authors:
              - Ada Lovelace
              - Bob O'Brien
            published: "2024-05-01T09:30:00Z"
            modified: "2024-05-02"
            site_name: The Daily Example
            language: en
            url: https://example.com/news/rain.html?ref=x
            canonical_url: https://example.com/news/rain
            description: Rain falls; umbrellas <sell>.
            image: https://example.com/img/rain.jpg
            tags:
              - weather
              - Oslo
            ---

            # Rain: "Heavy" in #Oslo

            It was *very* wet, said [Ada](https://example.com/ada) on **Monday**. Run `rain --now`.

            ## Forecast

            - Tuesday: showers
            - Wednesday: sun
              1. morning
              2. evening

            > Bring a coat.

            ```swift
            let x = 1
            print(x)
            ```

            | Day | mm |
            | --- | --- |
            | Mon | 12 |

            Rainfall

            ![A cloud](https://example.com/img/cloud.png)\\
            Clouds over Oslo

            """
        #expect(MarkdownRenderer().render(SampleArticles.full) == expected)
    }

    @Test func escapesBlockMarkersAtLineStartOnly() {
        #expect(paragraph([.text("# not a heading")]) == "\\# not a heading\n")
        #expect(paragraph([.text("#hashtag is fine")]) == "#hashtag is fine\n")
        #expect(paragraph([.text("1. not a list")]) == "1\\. not a list\n")
        #expect(paragraph([.text("2024) was a year")]) == "2024\\) was a year\n")
        #expect(paragraph([.text("- not a bullet")]) == "\\- not a bullet\n")
        #expect(paragraph([.text("+ plus")]) == "\\+ plus\n")
        #expect(paragraph([.text("> not a quote")]) == "\\> not a quote\n")
        #expect(paragraph([.text("---")]) == "\\---\n")
        #expect(paragraph([.text("-5 degrees, a - b, 1. 2. 3.")]) == "-5 degrees, a - b, 1. 2. 3.\n")
        #expect(paragraph([.text("line"), .lineBreak, .text("- after a break")]) == "line\\\n\\- after a break\n")
        #expect(paragraph([.text("line"), .lineBreak, .text("===")]) == "line\\\n\\===\n")
        #expect(paragraph([.text("a | b"), .lineBreak, .text("--- | ---")]) == "a | b\\\n\\--- | ---\n")
    }

    @Test func escapesInlineSignificantCharactersWithoutOverEscaping() {
        #expect(paragraph([.text("a*b* and _c_ [x](y) `z` \\ ~~s~~")])
            == "a\\*b\\* and \\_c\\_ \\[x\\](y) \\`z\\` \\\\ \\~\\~s\\~\\~\n")
        #expect(paragraph([.text("snake_case stays, 3 < 4, <div> & &amp; too")])
            == "snake_case stays, 3 < 4, \\<div> & \\&amp; too\n")
        #expect(paragraph([.text("Plain punctuation: commas, periods. Hyphen-ated! (Parens) \"quotes\" 50% #1")])
            == "Plain punctuation: commas, periods. Hyphen-ated! (Parens) \"quotes\" 50% #1\n")
    }

    @Test func emphasisStrongAndWhitespaceAtDelimiters() {
        let inlines: [Inline] = [
            .text("a"), .emphasis([.text(" spaced ")]), .text("b "), .strong([.text("bold "), .emphasis([.text("both")])]),
            .text(" "), .emphasis([.emphasis([.text("nested")])]), .strong([]),
        ]
        #expect(paragraph(inlines) == "a *spaced* b **bold *both*** *nested*\n")
        // Adjacent spans of one kind are merged: `**a****b**` would not be two strong spans.
        let adjacent: [Inline] = [.strong([.text("a")]), .strong([.text("b ")]), .text("c"), .code("x"), .code("y")]
        #expect(paragraph(adjacent) == "**ab** c`xy`\n")
    }

    @Test func emphasisFallsBackToHTMLWhereStarsCannotFlank() {
        #expect(paragraph([.text("a"), .emphasis([.text("\"q\"")]), .text("b")]) == "a<em>\"q\"</em>b\n")
        #expect(paragraph([.text("5"), .strong([.text("%")]), .text("off")]) == "5<strong>%</strong>off\n")
        #expect(paragraph([.text("in"), .emphasis([.text("tra")]), .text("word")]) == "in*tra*word\n")
        #expect(paragraph([.text("say "), .emphasis([.text("\"hi\"")]), .text(".")]) == "say *\"hi\"*.\n")
        #expect(paragraph([.strong([.emphasis([.text("x")])]), .emphasis([.text("y")])]) == "<strong>*x*</strong>*y*\n")
    }

    @Test func codeSpansUseLongerFences() {
        #expect(paragraph([.code("plain")]) == "`plain`\n")
        #expect(paragraph([.code("a`b")]) == "``a`b``\n")
        #expect(paragraph([.code("`tick`")]) == "`` `tick` ``\n")
        #expect(paragraph([.code("x ``` y")]) == "````x ``` y````\n")
    }

    @Test func linksEscapeTextAndDestination() {
        let link = Inline.link(href: "https://example.com/a (b)/c d\\e", content: [.text("see [1]")])
        #expect(paragraph([link]) == "[see \\[1\\]](https://example.com/a%20\\(b\\)/c%20d\\\\e)\n")
        #expect(paragraph([.link(href: "javascript:alert(1)", content: [.text("click")])]) == "click\n")
        #expect(paragraph([.link(href: "/relative?q=1", content: [.text("rel")])]) == "[rel](/relative?q=1)\n")
        #expect(paragraph([.link(href: "mailto:a@example.com", content: [.text("mail")])]) == "[mail](mailto:a@example.com)\n")
        #expect(paragraph([.link(href: "https://example.com", content: [.text("  ")])]) == "")
        #expect(paragraph([.text("Wow!"), .link(href: "https://example.com", content: [.text("x")])]) == "Wow\\![x](https://example.com)\n")
        #expect(paragraph([.text("a\\!"), .link(href: "https://example.com", content: [.text("x")])]) == "a\\\\\\![x](https://example.com)\n")
    }

    @Test func nestedListsIndentAndNumber() {
        let items: [[Block]] = (1...10).map { [SampleArticles.paragraph("item \($0)")] }
        var nested = items
        nested[9].append(.list(ordered: false, items: [[SampleArticles.paragraph("deep")], [
            SampleArticles.paragraph("deeper"), .list(ordered: true, items: [[SampleArticles.paragraph("deepest")]]),
        ]]))
        let markdown = body([.list(ordered: true, items: nested)])
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines[0] == "1. item 1")
        #expect(lines[8] == "9. item 9")
        #expect(lines[9] == "10. item 10")
        #expect(lines[10] == "    - deep")
        #expect(lines[11] == "    - deeper")
        #expect(lines[12] == "      1. deepest")
        #expect(lines.count == 13)
    }

    @Test func looseListItemsAndAdjacentLists() {
        let loose = body([.list(ordered: false, items: [
            [SampleArticles.paragraph("first para"), SampleArticles.paragraph("second para")],
            [SampleArticles.paragraph("next")],
        ])])
        #expect(loose == "- first para\n\n  second para\n\n- next\n")
        let adjacent = body([
            .list(ordered: false, items: [[SampleArticles.paragraph("a")]]),
            .list(ordered: false, items: [[SampleArticles.paragraph("b")]]),
        ])
        #expect(adjacent == "- a\n\n<!-- -->\n\n- b\n")
    }

    @Test func nestedQuotes() {
        let markdown = body([.quote([SampleArticles.paragraph("outer"), .quote([SampleArticles.paragraph("inner")])])])
        #expect(markdown == "> outer\n>\n> > inner\n")
    }

    @Test func codeBlocksFenceLongerThanContent() {
        let code = "Use ```swift fences``` and ````four````\n"
        let markdown = body([.code(text: code, language: "markdown extra")])
        #expect(markdown == "`````markdown\nUse ```swift fences``` and ````four````\n`````\n")
        #expect(body([.code(text: "x", language: nil)]) == "```\nx\n```\n")
    }

    @Test func codeBlockInsideListIsIndented() {
        let markdown = body([.list(ordered: false, items: [[SampleArticles.paragraph("step"), .code(text: "a\n\nb", language: nil)]])])
        #expect(markdown == "- step\n\n  ```\n  a\n\n  b\n  ```\n")
    }

    @Test func tablesEscapePipesAndSynthesiseHeader() {
        let table = Table(rows: [
            [TableCell(content: [.text("a|b")]), TableCell(content: [.code("x | y")])],
            [TableCell(content: [.text("line"), .lineBreak, .text("two")])],
        ])
        let markdown = body([.table(table)])
        #expect(markdown == "|  |  |\n| --- | --- |\n| a\\|b | `x \\| y` |\n| line<br>two |  |\n")
    }

    @Test func figures() {
        let figure = Figure(source: "https://example.com/a b.png", alt: "alt [x]", caption: [.text("- caption")])
        #expect(body([.figure(figure)]) == "![alt \\[x\\]](https://example.com/a%20b.png)\\\n\\- caption\n")
        let unsafe = Figure(source: "javascript:alert(1)", alt: "x", caption: [.text("Only caption")])
        #expect(body([.figure(unsafe)]) == "Only caption\n")
        #expect(body([.figure(Figure(source: "https://example.com/a.png"))]) == "![](https://example.com/a.png)\n")
    }

    @Test func headingsEscapeClosingHashesAndShiftBelowTitle() {
        let article = Article(
            metadata: Metadata(title: "Title"),
            blocks: [
                .heading(level: 1, content: [.text("Title")]),
                .heading(level: 1, content: [.text("Part #")]),
                .heading(level: 2, content: [.text("C#")]),
                .paragraph([.text("text")]),
            ]
        )
        let markdown = MarkdownRenderer(includesFrontMatter: false).render(article)
        #expect(markdown == "# Title\n\n## Part \\#\n\n### C#\n\ntext\n")
    }

    @Test func emptyAndMetadataOnly() throws {
        #expect(MarkdownRenderer().render(Article()) == "")
        let markdown = MarkdownRenderer().render(Article(metadata: Metadata(title: "Just metadata", tags: ["", "a"])))
        #expect(markdown == "---\ntitle: Just metadata\ntags:\n  - a\n---\n\n# Just metadata\n")
    }

    @Test(arguments: [
        "Rain: \"Heavy\" in #Oslo", "- starts with dash", "#hashtag", "true", "No", "null", "2024", "3.14",
        "2024-05-01", "'single quoted'", "back\\slash", "multi\nline", "tab\there", "ends with colon:",
        "@handle", "Ünïcödé 東京 title", "a # b", "key: value", "[bracket]", "{brace}", "*star", "&anchor",
        "!tag", "|pipe", ">fold", "%percent", "`tick", "?question", "~", "bell\u{7}char", "line\u{2028}sep",
        "Ordinary Title, With Commas", "C'est la vie", "\"quoted\"",
    ])
    func frontMatterScalarsRoundTrip(title: String) throws {
        let metadata = Metadata(title: title, authors: [title], tags: [title])
        let markdown = MarkdownRenderer().render(Article(metadata: metadata))
        let parts = try TinyYAML.splitFrontMatter(markdown)
        let parsed = try TinyYAML.parse(parts.frontMatter)
        let expected = title.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            .replacingOccurrences(of: "\u{2028}", with: " ")
        #expect(parsed["title"] == .scalar(expected))
        #expect(parsed["authors"] == .list([expected]))
        #expect(parsed["tags"] == .list([expected]))
    }

    @Test func frontMatterKeepsNewlinesInDescriptionSafe() throws {
        // Metadata values are whitespace-collapsed, so even a multi-line description is one YAML line.
        let metadata = Metadata(title: "T", description: "line one\n---\nline two: tricky")
        let parts = try TinyYAML.splitFrontMatter(MarkdownRenderer().render(Article(metadata: metadata)))
        let parsed = try TinyYAML.parse(parts.frontMatter)
        #expect(parsed["description"] == .scalar("line one --- line two: tricky"))
        #expect(parts.body == "\n# T\n")
    }

    @Test func unicodeTitle() {
        let article = Article(metadata: Metadata(title: "Ελληνικά και 日本語 — *émphase*"))
        let markdown = MarkdownRenderer(includesFrontMatter: false).render(article)
        #expect(markdown == "# Ελληνικά και 日本語 — \\*émphase\\*\n")
    }
}
