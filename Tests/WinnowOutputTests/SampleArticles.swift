import WinnowExtract

/// Articles built in code for the renderer and writer tests.
enum SampleArticles {
    static func text(_ value: String) -> Inline { .text(value) }

    static func paragraph(_ value: String) -> Block { .paragraph([.text(value)]) }

    /// A story exercising every block and inline kind, with metadata.
    static let full = Article(
        metadata: Metadata(
            title: "Rain: \"Heavy\" in #Oslo", authors: ["Ada Lovelace", "Bob O'Brien"],
            published: "2024-05-01T09:30:00Z", modified: "2024-05-02", siteName: "The Daily Example",
            language: "en", url: "https://example.com/news/rain.html?ref=x",
            canonicalURL: "https://example.com/news/rain", description: "Rain falls; umbrellas <sell>.",
            image: "https://example.com/img/rain.jpg", tags: ["weather", "Oslo"]
        ),
        blocks: [
            .paragraph([
                .text("It was "), .emphasis([.text("very")]), .text(" wet, said "),
                .link(href: "https://example.com/ada", content: [.text("Ada")]), .text(" on "),
                .strong([.text("Monday")]), .text(". Run "), .code("rain --now"), .text("."),
            ]),
            .heading(level: 2, content: [.text("Forecast")]),
            .list(ordered: false, items: [
                [.paragraph([.text("Tuesday: showers")])],
                [.paragraph([.text("Wednesday: sun")]), .list(ordered: true, items: [
                    [.paragraph([.text("morning")])], [.paragraph([.text("evening")])],
                ])],
            ]),
            .quote([.paragraph([.text("Bring a coat.")])]),
            .code(text: "let x = 1\nprint(x)\n", language: "swift"),
            .table(Table(caption: [.text("Rainfall")], rows: [
                [TableCell(isHeader: true, content: [.text("Day")]), TableCell(isHeader: true, content: [.text("mm")])],
                [TableCell(content: [.text("Mon")]), TableCell(content: [.text("12")])],
            ])),
            .figure(Figure(source: "https://example.com/img/cloud.png", alt: "A cloud", caption: [.text("Clouds over Oslo")])),
        ]
    )
}
