import Foundation
import Testing
import WinnowTestSupport
@testable import WinnowDOM

/// Documents built to break a parser: nesting hundreds of thousands deep, NUL bytes and invalid UTF-8 inside
/// tags, megabyte attributes. Each is generated here (nothing large is committed). Parsing, walking,
/// serializing and freeing run on a 1 MiB stack (`SmallStack`), so any walk that recursed once per level
/// would crash the test run.
@Suite("Hostile documents: the DOM")
struct HostileDocumentTests {
    static let deepText = "The text at the bottom of the pile."

    /// `depth` levels of `tags` (cycled), the text, and no end tags at all.
    static func nested(_ tags: [String], depth: Int) -> [UInt8] {
        var html = Array("<html><head><title>Deep</title></head><body>".utf8)
        html.reserveCapacity(depth * 8 + 200)
        for level in 0..<depth { html += Array("<\(tags[level % tags.count])>".utf8) }
        html += Array("<p>\(deepText)</p></body></html>".utf8)
        return html
    }

    struct DeepOutcome: Sendable {
        var depth = 0
        var text = ""
        var serializedLength = 0
        var descendants = 0
    }

    @Test("300,000 nested elements parse with every level kept (libxml2 runs with XML_PARSE_HUGE); walking, reading, serializing and freeing the tree do not recurse",
          arguments: [(["div"], 300_003), (["span"], 300_003), (["table"], 300_003),
                      (["div", "b", "span", "table", "li", "section", "em"], 300_003),
                      // libxml2 closes an open <b> at the <p> and an open <li> at the next <li>: flat trees.
                      (["b"], 3), (["li"], 4)])
    func deepNesting(tags: [String], textDepth: Int) async throws {
        let depth = 300_000
        let html = Self.nested(tags, depth: depth)
        let outcome = await SmallStack.run { () -> DeepOutcome? in
            guard let document = try? Document(html: html) else { return nil }
            var outcome = DeepOutcome()
            var deepest: Node?
            for node in document.root!.descendants {
                outcome.descendants += 1
                if node.isText, node.ownText == Self.deepText { deepest = node }
            }
            outcome.depth = deepest?.depth ?? -1
            outcome.text = document.body?.text ?? ""
            outcome.serializedLength = document.serialized.utf8.count
            return outcome
        }
        let result = try #require(outcome)
        // <body> is level 1 below <html>; then `depth` elements, the <p> (depth + 2) and its text. Tables gain
        // no implied <tbody> or rows from libxml2 2.9, so every level is an element of its own.
        #expect(result.depth == textDepth)
        #expect(result.text == Self.deepText)
        #expect(result.serializedLength > depth * 4)
        #expect(result.descendants >= depth + 2)
    }

    @Test("NUL bytes inside tag names, attribute names and values, and text are dropped: the rest of the page stays",
          arguments: ["<d\u{0}iv>", "<div cl\u{0}ass=\"a\">", "<div class=\"a\u{0}b\">", "<div data-\u{0}=\"\u{0}\">", "<div>\u{0}"])
    func nulBytes(opening: String) throws {
        let html = "<html><body>\(opening)<p>Before.</p></div><p>After the NUL.</p></body></html>"
        let document = try Document(html: Array(html.utf8))
        #expect(document.body?.text == "Before.After the NUL.")
    }

    @Test("a NUL in a feed is dropped too, and the feed parses to the end")
    func nulInXML() throws {
        let xml = Array("<rss><channel><title>A\u{0}B</title><item><link>https://example.com/1</link></item></channel></rss>".utf8)
        let document = try Document(xml: xml)
        #expect(document.root?.text == "ABhttps://example.com/1")
    }

    @Test("invalid UTF-8 in text, attribute values and tag names decodes (as windows-1252, as browsers do for an undeclared page) without losing the page")
    func invalidUTF8() throws {
        var html = Array("<html><body><x".utf8) + [0xFF, 0xFE] + Array(" class=\"a".utf8) + [0xC3, 0x28]
        html += Array("\"><p>caf".utf8) + [0xE9] + Array(" \u{0}end</p></x".utf8) + [0xFF, 0xFE] + Array("></body></html>".utf8)
        let document = try Document(html: html)
        #expect(document.sourceEncoding == "windows-1252")
        #expect(document.body?.text == "café end")
        let element = try #require(document.body?.firstChild)
        #expect(element.attribute("class") == "aÃ(")
    }

    @Test("5 MB attribute values (class, href, style, data-*) are read back whole")
    func megabyteAttributes() throws {
        let big = String(repeating: "x", count: 5 * 1024 * 1024)
        let html = "<html><body><div class=\"\(big)\" style=\"\(big)\" data-x=\"\(big)\"><a href=\"\(big)\">link</a></div></body></html>"
        let document = try Document(html: Array(html.utf8))
        let div = try #require(document.body?.firstChild)
        for name in ["class", "style", "data-x"] { #expect(div.attribute(name)?.utf8.count == big.utf8.count) }
        #expect(div.firstChild?.attribute("href")?.utf8.count == big.utf8.count)
        #expect(div.classNames.count == 1)
    }

    @Test("a document over the input limit is refused with the limit in the message")
    func inputLimit() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: Document.maximumInputSize + 1)
        #expect(throws: DOMError(.tooLarge, "document is \(Document.maximumInputSize + 1) bytes; the limit is \(Document.maximumInputSize)")) {
            try Document(html: bytes)
        }
    }

    @Test("Node.outermost on 300,000 nested matches is linear: only the top one is kept")
    func outermostIsLinear() async throws {
        let html = Self.nested(["div"], depth: 300_000)
        let kept = await SmallStack.run { () -> [Int] in
            guard let document = try? Document(html: html) else { return [] }
            let divs = document.root!.descendants.filter { $0.isElement(named: "div") }
            let start = ContinuousClock.now
            let outermost = Node.outermost(divs + [divs[0]])
            let elapsed = ContinuousClock.now - start
            return [divs.count, outermost.count, outermost.first?.depth ?? -1, Int(elapsed.components.seconds)]
        }
        #expect(kept.count == 4)
        #expect(kept.first == 300_000)
        #expect(kept.dropFirst().first == 1)
        #expect(kept.dropFirst(2).first == 2)
        // Quadratic (the old `last.contains(node)` loop) takes minutes here; linear takes well under a second.
        #expect((kept.last ?? 99) < 10)
    }

    @Test("SubtreeMembership answers inside/outside for nodes in and around the roots")
    func subtreeMembership() throws {
        let document = try Document(html: "<div id=a><p id=b><i id=c>x</i></p></div><div id=d><p id=e>y</p></div>")
        let nodes = try document.select(css: "[id]")
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0.attribute("id")!, $0) })
        var membership = SubtreeMembership([byID["b"]!])
        let answers = ["c", "b", "a", "e"].map { membership.contains(byID[$0]!) }
        #expect(answers == [true, true, false, false])
        let text = membership.contains(byID["c"]!.firstChild!)
        #expect(text)
    }
}
