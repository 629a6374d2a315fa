import Testing
@testable import WinnowDOM

@Suite("XPath")
struct XPathTests {
    let document: Document

    init() throws {
        document = try Document(html: try Fixture.bytes("dom.html"))
    }

    @Test("compile errors throw invalidXPath with the expression in the message", arguments: [
        "//p[", "///", "//p[@id='x'", "count(", "", "p//]", "//*[position() = ]", "//p[@a='x]", "concat('a', 'b'))",
    ])
    func compileErrors(expression: String) {
        do {
            _ = try XPath(expression)
            Issue.record("expected a compile error for \(expression)")
        } catch let error as DOMError {
            #expect(error.code == .invalidXPath)
            #expect(error.message.contains(expression.isEmpty ? "(empty)" : expression))
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("document-level queries run from the document node")
    func documentContext() throws {
        #expect(try document.select(xpath: "//p").count == 3)
        #expect(try document.select(xpath: "/html/body/article/h1").first?.text == "The Lighthouse Keeper")
        #expect(try document.select(xpath: "html/head/title").count == 1)
        #expect(try document.select(xpath: ".//footer").first?.id == "bottom")
        #expect(try document.select(css: "html").count == 1)
    }

    @Test("node-relative queries use the node as the context")
    func nodeContext() throws {
        let story = try #require(try document.select(css: "#story").first)
        #expect(try story.select(xpath: "p").map(\.id) == ["first", "second", "third"])
        #expect(try story.select(xpath: "./p[2]/i").first?.text == "older")
        #expect(try story.select(xpath: "..").first?.name == "body")
        // An absolute path still searches the whole document.
        #expect(try story.select(xpath: "//a").count == 4)
        #expect(try story.select(xpath: ".//a").count == 2)
    }

    @Test("string, number and boolean evaluation")
    func scalarResults() throws {
        let root = try #require(document.root)
        #expect(try XPath("normalize-space(//title)").string(from: root) == "The Lighthouse Keeper")
        #expect(try XPath("string(//article/@data-section)").string(from: root) == "coast")
        #expect(try XPath("//h1").string(from: root) == "The Lighthouse Keeper")  // node-set → first node's text
        #expect(try XPath("count(//p)").number(from: root) == 3)
        #expect(try XPath("string-length('abc')").number(from: root) == 3)
        #expect(try XPath("//nothing").number(from: root).isNaN)
        #expect(try XPath("boolean(//footer)").bool(from: root))
        #expect(try !XPath("boolean(//nothing)").bool(from: root))
        #expect(try XPath("contains(//footer, 'Gazette')").bool(from: root))
        #expect(try XPath("//p").bool(from: root))
        // Non-node results give no nodes.
        #expect(try XPath("count(//p)").nodes(from: root).isEmpty)
        #expect(try XPath("//p").first(from: root)?.id == "first")
    }

    @Test("unknown functions and prefixes compile but evaluate to nothing")
    func evaluationErrors() throws {
        let root = try #require(document.root)
        let unknownFunction = try XPath("frobnicate(//p)")
        #expect(unknownFunction.nodes(from: root).isEmpty)
        #expect(unknownFunction.string(from: root) == "")
        #expect(unknownFunction.number(from: root).isNaN)
        #expect(!unknownFunction.bool(from: root))
        #expect(try XPath("//x:p").nodes(from: root).isEmpty)
    }

    @Test("text and attribute nodes come back as nodes")
    func nonElementResults() throws {
        let texts = try document.select(xpath: "//p[@id='first']/text()")
        #expect(texts.map(\.ownText) == ["Mara climbed ", " steps every evening."])
        #expect(texts.allSatisfy { $0.isText })
        let hrefs = try document.select(xpath: "//nav/a/@href").map(\.text)
        #expect(hrefs == ["/", "/news"])
        let comments = try document.select(xpath: "//comment()")
        #expect(comments.first?.kind == .comment)
        // Namespace nodes are skipped rather than handed out (libxml2 frees them with the result).
        let feed = try Document(xml: try Fixture.bytes("atom.xml"))
        let namespaces = try feed.select(xpath: "/*/namespace::*")
        #expect(namespaces.isEmpty)
    }

    @Test("a compiled expression is reusable across documents")
    func reuse() throws {
        let paragraphs = try XPath("//p")
        let other = try Document(html: "<p>1</p><p>2</p><p>3</p><p>4</p>")
        #expect(document.select(paragraphs).count == 3)
        #expect(other.select(paragraphs).count == 4)
        #expect(document.select(paragraphs).count == 3)
        #expect(paragraphs.expression == "//p")
    }
}
