import Testing
import WinnowExtract
import WinnowOutput

@Suite struct HTMLRendererTests {
    private func render(_ article: Article) -> String {
        HTMLRenderer(includesStylesheet: false).render(article)
    }

    private func article(_ blocks: [Block]) -> Article {
        Article(blocks: blocks)
    }

    @Test func documentStructure() {
        let html = render(SampleArticles.full)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Rain: &quot;Heavy&quot; in #Oslo</title>"))
        #expect(html.contains("<meta name=\"author\" content=\"Ada Lovelace, Bob O&#39;Brien\">"))
        #expect(html.contains("<meta name=\"description\" content=\"Rain falls; umbrellas &lt;sell&gt;.\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.com/news/rain\">"))
        #expect(html.contains("<h1>Rain: &quot;Heavy&quot; in #Oslo</h1>"))
        // Dates are shown as extracted (ISO 8601) in every format, here and in the text header alike.
        #expect(html.contains("<time datetime=\"2024-05-01T09:30:00Z\">2024-05-01T09:30:00Z</time>"))
        #expect(html.contains("<h2>Forecast</h2>"))
        #expect(html.contains("<ul>\n<li>Tuesday: showers</li>\n<li>Wednesday: sun\n<ol>\n<li>morning</li>\n<li>evening</li>\n</ol></li>\n</ul>"))
        #expect(html.contains("<blockquote>\n<p>Bring a coat.</p>\n</blockquote>"))
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1\nprint(x)</code></pre>"))
        #expect(html.contains("<table>\n<caption>Rainfall</caption>\n<thead>\n<tr><th>Day</th><th>mm</th></tr>\n</thead>\n<tbody>\n<tr><td>Mon</td><td>12</td></tr>\n</tbody>\n</table>"))
        #expect(html.contains("<figure>\n<img src=\"https://example.com/img/cloud.png\" alt=\"A cloud\">\n<figcaption>Clouds over Oslo</figcaption>\n</figure>"))
        #expect(html.contains("<p>It was <em>very</em> wet, said <a href=\"https://example.com/ada\">Ada</a> on <strong>Monday</strong>. Run <code>rain --now</code>.</p>"))
        #expect(html.hasSuffix("</article>\n</body>\n</html>\n"))
        #expect(!html.contains("<style>"))
        #expect(HTMLRenderer().render(SampleArticles.full).contains("<style>"))
    }

    @Test func escapesTextAndAttributes() {
        let nasty = "</script><script>alert('x')</script> & \"q\""
        let html = render(Article(
            metadata: Metadata(title: nasty, authors: [nasty], language: "en\"><script>", canonicalURL: "https://example.com/?a=1&b=\"2\""),
            blocks: [
                SampleArticles.paragraph(nasty),
                .code(text: "if a < b && c > d { print(\"</code>\") }", language: "c\" onmouseover=\"x"),
                .figure(Figure(source: "https://example.com/a.png?x=1&y=2", alt: "\"><script>")),
            ]
        ))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("</script>"))
        #expect(html.contains("<p>&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>"))
        #expect(html.contains("<html lang=\"enscript\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">"))
        #expect(html.contains("<code class=\"language-conmouseoverx\">if a &lt; b &amp;&amp; c &gt; d { print(&quot;&lt;/code&gt;&quot;) }</code>"))
        #expect(html.contains("<img src=\"https://example.com/a.png?x=1&amp;y=2\" alt=\"&quot;&gt;&lt;script&gt;\">"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "java\nscript:alert(1)",
        "java\tscript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ])
    func dropsUnsafeLinks(href: String) {
        let html = render(article([.paragraph([.text("see "), .link(href: href, content: [.text("this")])])]))
        #expect(html.contains("<p>see this</p>"))
        #expect(!html.contains("<a "))
    }

    @Test(arguments: ["https://example.com/a", "http://example.com/a", "/relative/path", "../up", "?q=1", "#frag", "mailto:a@example.com", "//cdn.example.com/x"])
    func keepsSafeLinks(href: String) {
        let html = render(article([.paragraph([.link(href: href, content: [.text("this")])])]))
        #expect(html.contains("<a href=\"\(href)\">this</a>"))
    }

    @Test func imageSources() {
        let sources = [
            ("data:image/png;base64,iVBORw0KGgo=", true), ("https://example.com/a.jpg", true), ("/img/a.jpg", true),
            ("javascript:alert(1)", false), ("data:image/svg+xml,<svg onload=alert(1)>", false),
            ("data:text/html;base64,PHNjcmlwdD4=", false),
        ]
        for (source, kept) in sources {
            let html = render(article([.figure(Figure(source: source, alt: "a", caption: [.text("cap")]))]))
            #expect(html.contains("<img ") == kept, "\(source)")
            #expect(html.contains("<figcaption>cap</figcaption>"))
        }
        let noCaption = render(article([.figure(Figure(source: "javascript:alert(1)"))]))
        #expect(!noCaption.contains("<figure>"))
    }

    @Test func headingLevelsStayBelowTheTitle() {
        let html = render(Article(metadata: Metadata(title: "T"), blocks: [
            .heading(level: 1, content: [.text("T")]), .heading(level: 1, content: [.text("A")]),
            .heading(level: 3, content: [.text("B")]), .heading(level: 6, content: [.text("C")]),
        ]))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.contains("<h2>A</h2>"))
        #expect(html.contains("<h4>B</h4>"))
        #expect(html.contains("<h6>C</h6>"))
    }

    @Test func listItemsWithSeveralBlocksAndLineBreaks() {
        let html = render(article([
            .list(ordered: true, items: [[SampleArticles.paragraph("one"), SampleArticles.paragraph("two")]]),
            .paragraph([.text("a"), .lineBreak, .text("b")]),
        ]))
        #expect(html.contains("<ol>\n<li><p>one</p>\n<p>two</p></li>\n</ol>"))
        #expect(html.contains("<p>a<br>b</p>"))
    }

    @Test func emptyAndMetadataOnlyDocumentsAreStillValid() {
        let empty = render(Article())
        #expect(empty.contains("<title>Untitled</title>"))
        #expect(empty.contains("<html>"))
        #expect(empty.contains("<article>\n</article>"))
        let metadataOnly = render(Article(metadata: Metadata(title: "Only", authors: ["Zoë"], published: "2024-01-02")))
        #expect(metadataOnly.contains("<h1>Only</h1>\n<p class=\"byline\">By <span class=\"author\">Zoë</span> · <time datetime=\"2024-01-02\">2024-01-02</time></p>"))
    }
}
