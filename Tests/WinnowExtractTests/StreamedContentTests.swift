import Testing
import WinnowDOM
@testable import WinnowExtract

/// Streamed server-render chunks put back where the page's script puts them (`StreamedContent.resolve`).
@Suite struct StreamedContentTests {
    /// The page's parts as the mirror notes them, the chunks in document order.
    func parts(_ document: Document) throws -> StreamedContent.Parts {
        var parts = StreamedContent.Parts()
        parts.chunks = try document.select(xpath: "//div[starts-with(@id, 'S:')]")
        for template in try document.select(xpath: "//template[@id]") {
            parts.placeholders[template.attribute("id") ?? ""] = template
        }
        return parts
    }

    /// The body's text nodes in document order, one space between them and within each.
    func text(_ document: Document) throws -> String {
        try document.select(xpath: "//body//text()").map(\.text).joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func resolved(_ body: String) throws -> (moved: Bool, text: String) {
        let document = try Document(html: "<html><body>\(body)</body></html>")
        let moved = StreamedContent.resolve(try parts(document))
        return (moved, try text(document))
    }

    @Test func aBoundarysChunkReplacesItsFallbackBetweenTheMarkers() throws {
        let page = "<main><h1>Title</h1><!--$?--><template id=\"B:0\"></template><p>Loading…</p><!--/$--><p>Tail</p></main>"
            + "<div hidden id=\"S:0\"><p>First paragraph.</p><p>Second paragraph.</p></div>"
        let result = try resolved(page)
        #expect(result.moved)
        #expect(result.text == "Title First paragraph. Second paragraph. Tail")
    }

    @Test func aNestedBoundaryInsideTheFallbackIsPartOfIt() throws {
        let page = "<main><!--$?--><template id=\"B:1\"></template><div>Wait<!--$--><span>spinner</span><!--/$--></div>"
            + "<!--/$--><p>After</p></main><div hidden id=\"S:1\"><p>Body text.</p></div>"
        let result = try resolved(page)
        #expect(result.text == "Body text. After")
    }

    @Test func aSegmentTemplateIsReplacedWhereItStands() throws {
        let page = "<main><p>Before</p><template id=\"P:2\"></template><p>After</p></main>"
            + "<div hidden id=\"S:2\"><p>Segment.</p></div>"
        let result = try resolved(page)
        #expect(result.moved)
        #expect(result.text == "Before Segment. After")
    }

    @Test func withoutItsCommentsOnlyAShortFallbackRightAfterTheTemplateGoes() throws {
        // A saved page without comments: the short "Loading" box after the template is the fallback…
        let short = try resolved(
            "<main><template id=\"B:3\"></template> <div>Loading</div><p>Kept</p></main><div hidden id=\"S:3\"><p>Body.</p></div>")
        #expect(short.text == "Body. Kept")
        // …but a heading, or an element with more text than a fallback holds, is the page's own.
        let heading = try resolved(
            "<main><template id=\"B:4\"></template><h2>Section</h2></main><div hidden id=\"S:4\"><p>Body.</p></div>")
        #expect(heading.text == "Body. Section")
        let long = String(repeating: "A real paragraph of the page. ", count: 4)
        let prose = try resolved(
            "<main><template id=\"B:5\"></template><p>\(long)</p></main><div hidden id=\"S:5\"><p>Body.</p></div>")
        #expect(prose.text == "Body. " + long.split(separator: " ").joined(separator: " "))
    }

    @Test func aChunkWithoutItsPlaceholderStaysWhereItWasSent() throws {
        let result = try resolved("<main><p>Story</p></main><div hidden id=\"S:9\"><p>Orphan chunk.</p></div>")
        #expect(!result.moved)
        #expect(result.text == "Story Orphan chunk.")
        // A placeholder inside its own chunk is not followed (the move would lose the chunk).
        let selfContained = try resolved("<div hidden id=\"S:7\"><template id=\"P:7\"></template><p>Inside.</p></div>")
        #expect(!selfContained.moved)
    }
}
