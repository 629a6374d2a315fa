import Testing
@testable import WinnowDOM

@Suite("Zero-copy attribute walk and the attribute lookups built on it")
struct AttributeViewTests {
    private func element(_ html: String, _ css: String) throws -> Node {
        let document = try Document(html: html)
        return try #require(try document.select(css: css).first)
    }

    @Test("forEachAttribute visits every attribute in source order with the values attribute(_:) returns")
    func visitsInOrder() throws {
        let node = try element(
            #"<div id="box" CLASS="a  b" data-x="caf&eacute; &amp; more" hidden title=''>x</div>"#, "#box")
        var seen: [(String, String?)] = []
        node.forEachAttribute { attribute in
            seen.append((String(decoding: attribute.name, as: UTF8.self), attribute.value))
            return true
        }
        #expect(seen.map(\.0) == ["id", "class", "data-x", "hidden", "title"])
        for (name, value) in seen {
            #expect(node.attribute(name) == value, "value of \(name)")
        }
        #expect(seen[2].1 == "café & more")
        // A valueless attribute reads as the empty string, as libxml2 reports it.
        #expect(seen[3].1 == "")
        #expect(node.attribute("hidden") == "")
    }

    @Test("returning false stops the walk; nameIs matches whole names only")
    func stopsEarlyAndMatchesWholeNames() throws {
        let node = try element(#"<p id="t" class="c" role="note" style="x">y</p>"#, "#t")
        var visited = 0
        node.forEachAttribute { attribute in
            visited += 1
            return !attribute.nameIs("class")
        }
        #expect(visited == 2)
        var classHits = 0
        var prefixHits = 0
        node.forEachAttribute { attribute in
            if attribute.nameIs("class") { classHits += 1 }
            if attribute.nameIs("cla") || attribute.nameIs("classes") { prefixHits += 1 }
            return true
        }
        #expect(classHits == 1)
        #expect(prefixHits == 0)
    }

    @Test("value bytes are read in place and match the UTF-8 of the String value")
    func valueBytes() throws {
        let node = try element(#"<span id="s" style="Display : NONE">z</span>"#, "#s")
        var bytes: [UInt8]?
        node.forEachAttribute { attribute in
            if attribute.nameIs("style") { bytes = attribute.withValueBytes { $0.map(Array.init) } }
            return true
        }
        #expect(bytes == Array("Display : NONE".utf8))
    }

    @Test("attribute lookups: absent names, attributes set after parsing, removed attributes, non-elements")
    func lookups() throws {
        let node = try element(#"<a id="l" href="/x">link</a>"#, "#l")
        #expect(node.attribute("rel") == nil)
        #expect(!node.hasAttribute("rel"))
        #expect(node.attribute("hre") == nil)
        #expect(node.attribute("href") == "/x")
        node.setAttribute("rel", "author")
        #expect(node.attribute("rel") == "author")
        #expect(node.hasAttribute("rel"))
        node.setAttribute("href", "/y")
        #expect(node.attribute("href") == "/y")
        node.removeAttribute("href")
        #expect(node.attribute("href") == nil)
        let text = try #require(node.firstChild)
        #expect(text.attribute("id") == nil)
        var visited = 0
        text.forEachAttribute { _ in visited += 1; return true }
        #expect(visited == 0)
    }

    @Test("a name with an embedded NUL matches nothing and never reads past a stored name's terminator")
    func embeddedNUL() throws {
        // libxml2 keeps attribute names NUL-terminated and back to back in its dictionary ("a\0b\0"): a lookup
        // that compared past "a"'s terminator found "a\0b" and answered with a's value.
        let node = try element(#"<p id="t" a="1" b="2">x</p>"#, "#t")
        #expect(node.attribute("a\0b") == nil)
        #expect(!node.hasAttribute("a\0b"))
        #expect(node.attribute("a\0") == nil)
        #expect(node.attribute("a") == "1")
        #expect(node.attribute("b") == "2")
    }

    @Test("XML documents still report attributes through libxml2")
    func xmlDocuments() throws {
        let document = try Document(xml: Array(#"<feed><entry kind="post" xml:lang="en">t</entry></feed>"#.utf8))
        let entry = try #require(try document.select(xpath: "//entry").first)
        #expect(entry.attribute("kind") == "post")
        #expect(entry.hasAttribute("kind"))
        #expect(entry.attribute("missing") == nil)
    }
}
