import Testing
@testable import WinnowDOM

@Suite("Node traversal, attributes, text, mutation and serialization")
struct NodeTests {
    let document: Document

    init() throws {
        document = try Document(html: try Fixture.bytes("dom.html"))
    }

    private func element(_ css: String) throws -> Node {
        try #require(try document.select(css: css).first)
    }

    @Test("children, element children and sibling links")
    func children() throws {
        let story = try element("#story")
        let names = story.elementChildren.map(\.name)
        #expect(names == ["h1", "p", "p", "div", "p"])
        // All children include whitespace text nodes and the comment, in order.
        let kinds = story.children.map(\.kind)
        #expect(kinds.contains(.comment))
        #expect(kinds.filter { $0 == .element }.count == 5)
        let first = try element("#first")
        #expect(first.nextElementSibling?.id == "second")
        #expect(first.previousElementSibling?.name == "h1")
        #expect(try element("#third").nextElementSibling == nil)
        #expect(first.nextSibling?.isText == true)  // the newline after </p>
        #expect(first.firstChild?.ownText == "Mara climbed ")
        #expect(first.lastChild?.ownText == " steps every evening.")
        #expect(story.firstChild(named: "div")?.attribute("class") == "share")
    }

    @Test("descendants come in document order and stay inside the node")
    func descendants() throws {
        let first = try element("#first")
        let walk = first.descendants.map { $0.isElement ? "<\($0.name)>" : $0.ownText }
        #expect(walk == ["Mara climbed ", "<b>", "two hundred", " steps every evening."])
        let share = try element("div.share")
        #expect(share.descendants.filter(\.isElement).map { $0.attribute("href") ?? "" } == ["#tw", "#fb"])
        // Leaf elements have no descendants.
        let empty = try Document(html: "<p><br></p>")
        #expect(try #require(try empty.select(css: "br").first).descendants.map { $0 }.isEmpty)
    }

    @Test("parent, ancestors, depth and contains")
    func ancestry() throws {
        let bold = try element("#first > b")
        #expect(bold.parent?.id == "first")
        #expect(bold.ancestors.map(\.name) == ["p", "article", "body", "html"])
        #expect(bold.depth == 4)
        #expect(document.root?.depth == 0)
        #expect(document.root?.parent == nil)
        #expect(try element("#story").contains(bold))
        #expect(bold.contains(bold))
        #expect(!bold.contains(try element("#story")))
    }

    @Test("attributes: read, list, set, remove, classes and id")
    func attributes() throws {
        let story = try element("#story")
        #expect(story.id == "story")
        #expect(story.attribute("data-section") == "coast")
        #expect(story.attribute("missing") == nil)
        #expect(story.hasAttribute("data-section"))
        #expect(!story.hasAttribute("class"))
        #expect(story.attributes == [Attribute(name: "id", value: "story"), Attribute(name: "data-section", value: "coast")])
        story.setAttribute("data-section", "inland")
        story.setAttribute("class", " lead\tfeature \n")
        #expect(story.attribute("data-section") == "inland")
        #expect(story.classNames == ["lead", "feature"])
        story.removeAttribute("data-section")
        #expect(!story.hasAttribute("data-section"))
        story.removeAttribute("data-section")  // twice is harmless
        // Upper-case attribute names in the source are lowercased by the parser.
        let upper = try Document(html: "<p DATA-X=\"1\" Class=\"a b\">x</p>")
        let p = try #require(try upper.select(css: "p").first)
        #expect(p.attribute("data-x") == "1")
        #expect(p.classNames == ["a", "b"])
        // Attributes on text nodes do not exist.
        #expect(p.firstChild?.attribute("class") == nil)
    }

    @Test("an attribute node selected by XPath survives removeAttribute")
    func attributeNodeAfterRemoval() throws {
        let attributes = try document.select(xpath: "//article/@data-section")
        let attribute = try #require(attributes.first)
        #expect(attribute.text == "coast")
        #expect(attribute.ownText == "")         // attributes keep no text in `content`
        #expect(attribute.kind == .other)
        #expect(attribute.isAttribute)
        #expect(attribute.name == "data-section")
        #expect(attribute.parent?.id == "story")
        #expect(!(try element("#story")).isAttribute)
        try element("#story").removeAttribute("data-section")
        #expect(attribute.text == "coast")       // detached, still readable
    }

    /// Collapsing on bytes treats exactly the White_Space scalars as whitespace: each one, and its neighbours in
    /// the same UTF-8 lead-byte range (which share leading bytes with a space but are not one), between words.
    @Test("whitespace collapsing knows every White_Space scalar")
    func collapsingEveryWhitespaceScalar() {
        let values: [UInt32] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680] + Array(0x2000...0x200B)
            + [0x2027, 0x2028, 0x2029, 0x202A, 0x202F, 0x205F, 0x2060, 0x3000, 0x3001, 0x84, 0xA1, 0x1681, 0x00E9]
        for value in values {
            let scalar = Unicode.Scalar(value)!
            let text = " x" + String(Character(scalar)) + String(Character(scalar)) + "y "
            var expected = ""
            var pending = false
            for s in text.unicodeScalars {
                if s.properties.isWhitespace { pending = !expected.isEmpty } else {
                    if pending { expected.unicodeScalars.append(" "); pending = false }
                    expected.unicodeScalars.append(s)
                }
            }
            #expect(text.collapsingWhitespace() == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("text, own text, entities and whitespace collapsing")
    func text() throws {
        let second = try element("#second")
        #expect(second.text == "The lamp was older than the town\u{A0}itself & still burned.")
        #expect(second.ownText == "")
        #expect(second.text.collapsingWhitespace() == "The lamp was older than the town itself & still burned.")
        #expect("  a \n\t b\u{A0}\u{A0}c  ".collapsingWhitespace() == "a b c")
        #expect("".collapsingWhitespace() == "")
        let comment = try #require(try element("#story").children.first { $0.kind == .comment })
        #expect(comment.ownText == " an editor's note ")
        let bytes = try #require(second.firstChild).withOwnTextBytes { Array($0) }
        #expect(bytes == Array("The lamp was ".utf8))
        #expect(second.withOwnTextBytes { $0.count } == 0)
    }

    @Test("isElement(named:) works for one-letter tags too")
    func isElementNamed() throws {
        let bold = try element("b")
        #expect(bold.isElement(named: "b"))
        #expect(!bold.isElement(named: "br"))
        #expect(!bold.isElement(named: "bo"))
        let paragraph = try element("#first")
        #expect(paragraph.isElement(named: "p"))
        #expect(!paragraph.isElement(named: "pre"))
        #expect(!(paragraph.firstChild?.isElement(named: "p") ?? true))
        // A NUL in the literal matches nothing (and the compare never reads past the stored name's terminator).
        #expect(!paragraph.isElement(named: "p\0"))
        #expect(!paragraph.isElement(named: "p\0re"))
    }

    @Test("remove() detaches; stale node values stay safe; removing twice is harmless")
    func remove() throws {
        let share = try element("div.share")
        let link = try #require(share.elementChildren.first)
        share.remove()
        share.remove()
        #expect(try document.select(css: ".share").isEmpty)
        #expect(share.parent == nil)
        #expect(link.attribute("href") == "#tw")  // inside the removed subtree: still readable
        #expect(link.parent == share)
        #expect(try document.select(css: "article > *").map(\.name) == ["h1", "p", "p", "p"])
        // Removing a node inside an already removed subtree, then the document goes away: no double free.
        link.remove()
        #expect(share.elementChildren.count == 1)
        // Removing text and comment nodes.
        let story = try element("#story")
        for child in Array(story.children) where !child.isElement { child.remove() }
        #expect(story.children.allSatisfy { $0.isElement })
    }

    @Test("unwrap() keeps children in place and keeps text node values valid")
    func unwrap() throws {
        let first = try element("#first")
        let bold = try element("#first > b")
        let inner = try #require(bold.firstChild)
        let before = try #require(first.firstChild)
        bold.unwrap()
        #expect(first.text == "Mara climbed two hundred steps every evening.")
        #expect(first.elementChildren.isEmpty)
        #expect(first.children.map(\.ownText) == ["Mara climbed ", "two hundred", " steps every evening."])
        // The neighbouring text nodes were not merged away under our feet.
        #expect(inner.ownText == "two hundred")
        #expect(before.ownText == "Mara climbed ")
        #expect(inner.parent == first)
        #expect(bold.parent == nil)
        // Unwrapping the first and the last child, and an empty element.
        let list = try Document(html: "<div id=d><span>a</span>b<i>c</i><em></em></div>")
        for css in ["span", "i", "em"] { try #require(try list.select(css: css).first).unwrap() }
        let div = try #require(try list.select(css: "#d").first)
        #expect(div.innerHTML == "abc")
        #expect(div.firstChild?.ownText == "a")
        #expect(div.lastChild?.ownText == "c")
        // A detached node cannot be unwrapped (there is nowhere to put its children).
        let detached = try element("#third")
        detached.remove()
        detached.unwrap()
        #expect(detached.text == "Ships passed; nobody waved.")
    }

    @Test("rename(to:) and setText")
    func renameAndSetText() throws {
        let share = try element("div.share")
        share.rename(to: "aside")
        #expect(share.name == "aside")
        #expect(try document.select(css: "article > aside.share").count == 1)
        let first = try element("#first")
        let oldChild = try #require(first.firstChild)
        first.setText("Replaced <text> & more")
        #expect(first.text == "Replaced <text> & more")
        #expect(first.html == "<p id=\"first\">Replaced &lt;text&gt; &amp; more</p>")
        #expect(oldChild.ownText == "Mara climbed ")  // the old child is detached, not freed
        first.setText("")
        #expect(first.children.map { $0 }.isEmpty)
        let textNode = try #require(try element("#third").firstChild)
        textNode.setText("Changed.")
        #expect(try element("#third").text == "Changed.")
    }

    @Test("html and innerHTML serialize without added formatting, in UTF-8")
    func serialization() throws {
        let first = try element("#first")
        #expect(first.html == "<p id=\"first\">Mara climbed <b>two hundred</b> steps every evening.</p>")
        #expect(first.innerHTML == "Mara climbed <b>two hundred</b> steps every evening.")
        let page = try Document(html: "<div><p title=\"a&quot;b\">Zoë &amp; € &lt;x&gt;</p><br><img src=a.png alt=\"\"></div>")
        let div = try #require(try page.select(css: "div").first)
        // libxml2 switches to single quotes for a value holding a double quote.
        #expect(div.innerHTML == "<p title='a\"b'>Zoë &amp; € &lt;x&gt;</p><br><img src=\"a.png\" alt=\"\">")
        #expect(try element("footer").html == "<footer id=\"bottom\">© 2026 Harbour Gazette</footer>")
    }

    @Test("XML nodes serialize as XML")
    func xmlSerialization() throws {
        let feed = try Document(xml: Array("<r><a x=\"1\">t &amp; u</a><b/></r>".utf8))
        #expect(feed.root?.innerHTML == "<a x=\"1\">t &amp; u</a><b/>")
        #expect(feed.serialized.contains("<r><a x=\"1\">t &amp; u</a><b/></r>"))
    }

    @Test("node equality and hashing follow tree identity")
    func identity() throws {
        let a = try element("#first")
        let b = try #require(try document.select(xpath: "//p[@id='first']").first)
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != (try element("#second")))
    }

    @Test("the document node reached through XPath is safe to inspect")
    func documentNodeFromXPath() throws {
        let top = try #require(try document.root?.select(xpath: "..").first)
        #expect(top.kind == .document)
        #expect(top.ownText == "")
        #expect(top.namespaceURI == nil)
        #expect(top.attribute("id") == nil)
        #expect(top.parent == nil)
        top.remove()  // refused: the document node cannot be removed
        #expect(document.root != nil)
        #expect(top.children.contains { $0.name == "html" })
    }
}
