import Foundation
import Testing
import WinnowDOM
import WinnowTestSupport
@testable import WinnowExtract

/// Pages built to break the extractor: nesting far past `ExtractionLimits`, megabyte attributes, many
/// elements. Extraction runs on a 1 MiB stack (`SmallStack`), so a walk that recursed once per level of the
/// page would crash the run; past the limits the structure is flattened and the text kept.
@Suite("Hostile documents: the extractor")
struct HostileExtractionTests {
    static let story = "The story at the bottom is kept. It has several sentences, with commas, so that it reads as prose. The extractor should find it under every level."

    /// `depth` repetitions of `opening`, then the story paragraph; no end tags.
    static func page(_ opening: String, depth: Int) -> [UInt8] {
        var html = Array("<html><head><title>Deep</title></head><body>".utf8)
        let unit = Array(opening.utf8)
        html.reserveCapacity(depth * unit.count + 400)
        for _ in 0..<depth { html += unit }
        html += Array("<p>\(story)</p></body></html>".utf8)
        return html
    }

    /// The extracted text of `html`, extracted on a small stack; nil when the page did not parse.
    static func extract(_ html: [UInt8]) async -> String? {
        await SmallStack.run {
            guard let document = try? Document(html: html) else { return nil }
            return Block.plainText(of: Extractor().extract(from: document).article.blocks, separator: "\n")
        }
    }

    @Test("nesting past the block limit keeps the story, whatever the elements",
          arguments: ["<div>", "<b>", "<span>", "<table>", "<li>", "<blockquote>", "<section><em>",
                      // Lists in list items: each level is a block container; this one used to recurse without
                      // bound in BlockConverter and crash `winnow extract` (150,000 levels).
                      "<ul><li>", "<ol><li><div>", "<table><tr><td>", "<a href=/x><div>", "<p><figure>"])
    func deepNesting(opening: String) async throws {
        let text = try #require(await Self.extract(Self.page(opening, depth: 30_000)))
        #expect(text.hasSuffix(Self.story), "\(text.suffix(200))")
    }

    @Test("300,000 levels of mixed block and inline elements: the story is kept, structure below the limit is flat")
    func deepMixed() async throws {
        let tags = ["div", "b", "span", "li", "table", "section", "em", "blockquote", "ul", "i", "strong", "td", "tr", "font", "h2"]
        var html = Array("<html><head><title>Mixed</title></head><body>".utf8)
        for level in 0..<300_000 { html += Array("<\(tags[level % tags.count])>".utf8) }
        html += Array("<p>\(Self.story)</p></body></html>".utf8)
        let text = try #require(await Self.extract(html))
        #expect(text.hasSuffix(Self.story))
    }

    @Test("the Article model nests no deeper than the limits, so renderers and comparisons stay shallow")
    func modelDepthIsBounded() async throws {
        let html = Self.page("<ul><li><blockquote><b><i>", depth: 20_000)
        let depth = await SmallStack.run { () -> Int in
            guard let document = try? Document(html: html) else { return -1 }
            return Self.depth(of: Extractor().extract(from: document).article.blocks)
        }
        #expect(depth > 10)
        #expect(depth <= ExtractionLimits.blockDepth + ExtractionLimits.inlineDepth + 2)
    }

    static func depth(of blocks: [Block]) -> Int {
        blocks.map { block -> Int in
            switch block {
            case .list(_, let items): 1 + (items.map { depth(of: $0) }.max() ?? 0)
            case .quote(let inner): 1 + depth(of: inner)
            case .paragraph(let inlines), .heading(_, let inlines): 1 + depth(of: inlines)
            default: 1
            }
        }.max() ?? 0
    }

    static func depth(of inlines: [Inline]) -> Int {
        inlines.map { inline -> Int in
            switch inline {
            case .link(_, let content), .emphasis(let content), .strong(let content): 1 + depth(of: content)
            default: 1
            }
        }.max() ?? 0
    }

    @Test("5 MB class, style, href and data-* attributes: the story is kept")
    func megabyteAttributes() async throws {
        let big = String(repeating: "x", count: 5 * 1024 * 1024)
        let html = "<html><head><title>Attr</title></head><body><div class=\"\(big)\" style=\"\(big)\" data-x=\"\(big)\"><a href=\"\(big)\">link</a><p>\(Self.story)</p></div></body></html>"
        let text = try #require(await Self.extract(Array(html.utf8)))
        #expect(text.hasSuffix(Self.story))
    }

    @Test("NUL bytes in tags and text do not cut the page short")
    func nulBytes() async throws {
        let html = "<html><body><d\u{0}iv cl\u{0}ass=\"a\u{0}b\"><p>\(Self.story)\u{0}</p></div></body></html>"
        let text = try #require(await Self.extract(Array(html.utf8)))
        #expect(text == Self.story)
    }

    @Test("200,000 empty <i></i> and 100,000 <p>x</p> before the story: all of it extracted in bounded time")
    func manyElements() async throws {
        var html = Array("<html><head><title>Many</title></head><body>".utf8)
        for _ in 0..<200_000 { html += Array("<i></i>".utf8) }
        for _ in 0..<100_000 { html += Array("<p>x</p>".utf8) }
        html += Array("<p>\(Self.story)</p></body></html>".utf8)
        let start = ContinuousClock.now
        let text = try #require(await Self.extract(html))
        #expect(text.hasSuffix(Self.story))
        #expect(ContinuousClock.now - start < .seconds(120))
    }
}
