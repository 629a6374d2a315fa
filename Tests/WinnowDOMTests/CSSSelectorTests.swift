import Testing
@testable import WinnowDOM

/// A selector and the ids (in document order) it must match on Fixtures/selectors.html.
struct SelectorCase: CustomTestStringConvertible, Sendable {
    let selector: String
    let ids: [String]
    init(_ selector: String, _ ids: [String]) {
        self.selector = selector
        self.ids = ids
    }
    var testDescription: String { selector }
}

private let cases: [SelectorCase] = [
    SelectorCase("h1", ["headline"]),
    SelectorCase("H1", ["headline"]),
    SelectorCase("#p2", ["p2"]),
    SelectorCase("p#p2", ["p2"]),
    SelectorCase("li#p2", []),
    SelectorCase(".intro", ["p1"]),                 // token match: "intro-text" is not "intro"
    SelectorCase(".lead", ["p1", "p6"]),
    SelectorCase(".lead.intro", ["p1"]),
    SelectorCase(".page.wide", ["main"]),           // double space between classes
    SelectorCase("p.lead", ["p1", "p6"]),
    SelectorCase("[data-kind]", ["p3"]),
    SelectorCase("[data-kind=note]", ["p3"]),
    SelectorCase("[data-kind=\"note\"]", ["p3"]),
    SelectorCase("[data-kind='NOTE' i]", ["p3"]),
    SelectorCase("[data-kind='NOTE']", []),
    SelectorCase("[rel~=noopener]", ["a1"]),
    SelectorCase("[rel~=noop]", []),
    SelectorCase("[rel~='']", []),
    SelectorCase("[lang|=en]", ["__html", "p3"]),   // <html lang="en-GB"> too
    SelectorCase("[lang|=en-US]", ["p3"]),
    SelectorCase("[lang|=e]", []),
    SelectorCase("a[href^='https:']", ["a1"]),
    SelectorCase("a[href$='.html']", ["a1"]),
    SelectorCase("a[href$='.pdf']", []),
    SelectorCase("a[href$='.pdf' i]", ["a2"]),
    SelectorCase("a[href*=example]", ["a1", "a3"]),
    SelectorCase("a[href^='']", []),
    SelectorCase("[title=\"Bob's \\\"quoted\\\" title\"]", ["p4"]),   // both quote kinds: needs concat()
    SelectorCase("[title*=\"'s \"]", ["p4"]),
    SelectorCase("div p", ["p1", "p2", "p3", "p4", "p5"]),
    SelectorCase("div > p", ["p1", "p2", "p3", "p4", "p5"]),
    SelectorCase("#main > p", ["p1", "p2", "p3", "p4"]),
    SelectorCase("#main>p", ["p1", "p2", "p3", "p4"]),
    SelectorCase("body > div > div > p", ["p5"]),
    SelectorCase("h1 + p", ["p1"]),
    SelectorCase("p + span", ["s1"]),
    SelectorCase("h1 + span", []),
    SelectorCase("h1 ~ span", ["s1"]),
    SelectorCase("span ~ p", ["p4"]),
    SelectorCase("li.x + li", ["li3", "li5"]),
    SelectorCase("li.x ~ li", ["li3", "li4", "li5"]),
    SelectorCase("p#p2 + p a", ["a1"]),
    SelectorCase("h1, .sidebar", ["headline", "side"]),   // union comes back in document order
    SelectorCase(".sidebar , h1", ["headline", "side"]),
    SelectorCase("li:first-child", ["li1"]),
    SelectorCase("li:last-child", ["li5"]),
    SelectorCase("p:first-child", ["p5", "p6"]),
    SelectorCase("aside > p:only-child", ["p6"]),
    SelectorCase("li:nth-child(2)", ["li2"]),
    SelectorCase("li:nth-child(odd)", ["li1", "li3", "li5"]),
    SelectorCase("li:nth-child(even)", ["li2", "li4"]),
    SelectorCase("li:nth-child(2n+1)", ["li1", "li3", "li5"]),
    SelectorCase("li:nth-child(3n)", ["li3"]),
    SelectorCase("li:nth-child(n+4)", ["li4", "li5"]),
    SelectorCase("li:nth-child(-n+2)", ["li1", "li2"]),
    SelectorCase("li:nth-child( 2n - 1 )", ["li1", "li3", "li5"]),
    SelectorCase("li:nth-child(n)", ["li1", "li2", "li3", "li4", "li5"]),
    SelectorCase("li:nth-child(0)", []),
    SelectorCase("li:nth-last-child(1)", ["li5"]),
    SelectorCase("li:nth-last-child(-n+2)", ["li4", "li5"]),
    SelectorCase("p:first-of-type", ["p1", "p5", "p6"]),
    SelectorCase("p:last-of-type", ["p4", "p5", "p6"]),
    SelectorCase("em:only-of-type", ["em1"]),
    SelectorCase("p:nth-of-type(2)", ["p2"]),
    SelectorCase("a:nth-last-of-type(1)", ["a1", "a3"]),
    SelectorCase("span:empty", ["s1"]),
    SelectorCase("#inner > :empty", []),           // whitespace text is content
    SelectorCase("li:not(.x)", ["li1", "li3", "li5"]),
    SelectorCase("#main > :not(p):not(div)", ["headline", "s1", "list", "a2", "a3"]),
    SelectorCase("li:not(.x, :first-child)", ["li3", "li5"]),
    SelectorCase("p:not(:first-of-type)", ["p2", "p3", "p4"]),
    SelectorCase(":is(h1, aside)", ["headline", "side"]),
    SelectorCase("div:has(> em)", ["inner"]),
    SelectorCase("p:has(a[rel])", ["p3"]),
    SelectorCase("h1:has(+ p.lead)", ["headline"]),
    SelectorCase("*", []),  // placeholder replaced in the test with a count check
    SelectorCase("html:root", ["__html"]),
    SelectorCase("#d\\31 0", []),                   // escaped id: valid syntax, no match
    SelectorCase("#li\\33", ["li3"]),               // \33 is "3"
]

@Suite("CSS selectors to XPath")
struct CSSSelectorTests {
    let document: Document

    init() throws {
        document = try Document(html: try Fixture.bytes("selectors.html"))
    }

    private func ids(_ nodes: [Node]) -> [String] {
        nodes.map { $0.id ?? ($0.name == "html" ? "__html" : "?\($0.name)") }
    }

    @Test("selector table on the fixture page", arguments: cases)
    func table(_ sample: SelectorCase) throws {
        let found = try document.select(css: sample.selector)
        if sample.selector == "*" {
            // Every element: html, head, title, body and the 21 elements inside body.
            #expect(found.count == (try document.select(xpath: "//*")).count)
            #expect(found.count == 25)
            return
        }
        #expect(ids(found) == sample.ids, "xpath: \((try? CSSSelector.xpath(for: sample.selector)) ?? "-")")
    }

    @Test("node.select(css:) finds descendants only, relative to the node")
    func relativeToNode() throws {
        let inner = try #require(document.select(css: "#inner").first)
        #expect(ids(try inner.select(css: "p")) == ["p5"])
        #expect(ids(try inner.select(css: "div p")) == [])        // the div must be inside the node too
        #expect(ids(try inner.select(css: "div")) == [])          // not the node itself
        #expect(ids(try inner.select(css: "> em")) == ["em1"])    // relative child selector
        let list = try #require(document.select(css: "#list").first)
        #expect(ids(try list.select(css: "> li:nth-child(2)")) == ["li2"])
        let li2 = try #require(document.select(css: "#li2").first)
        #expect(ids(try li2.select(css: "+ li")) == ["li3"])
        #expect(ids(try li2.select(css: "~ .x")) == ["li4"])
    }

    @Test("invalid selectors throw a one-line message naming the problem and column", arguments: [
        ("div[", "column 5"), ("a >", "after the combinator"), ("", "empty"), ("   ", "empty"),
        (":hover", "unsupported pseudo-class ':hover'"), ("p::before", "pseudo-elements"),
        ("a,", "after ','"), (",a", "expected a selector"), ("div[x=]", "attribute value"),
        ("div[x=\"abc]", "unterminated string"), ("li:nth-child(foo)", "invalid ':nth-child()' argument"),
        ("li:nth-child(2", "not closed"), (":not(a b)", "only compound selectors"), ("#", "expected an id"),
        (".", "expected a class name"), ("a$b", "unexpected '$'"), ("svg|rect", "namespace"),
        ("*:first-of-type", "needs a type selector"), ("[x!=y]", "attribute operator"), ("a )", "unexpected ')'"),
        (":first-child(2)", "takes no argument"), (":not", "needs an argument"), ("a\nb[", "column 5"),
        ("p:has()", "expected a selector"), ("a ~ ~ b", "unexpected '~' at column 5"),
    ])
    func invalid(selector: String, fragment: String) {
        do {
            let xpath = try CSSSelector.xpath(for: selector)
            Issue.record("expected an error for \(selector), got \(xpath)")
        } catch let error as DOMError {
            #expect(error.code == .invalidSelector)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(!error.message.contains("\n"))
            #expect(error.message.hasPrefix("invalid CSS selector"))
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test("selectors nested too deeply are refused, not recursed into")
    func nestingLimit() {
        let deep = String(repeating: ":not(", count: 40) + "p" + String(repeating: ")", count: 40)
        #expect(throws: DOMError.self) { try CSSSelector.xpath(for: deep) }
        let fine = String(repeating: ":not(", count: 3) + "p" + String(repeating: ")", count: 3)
        #expect((try? CSSSelector.xpath(for: fine)) != nil)
    }

    @Test("XPath literals escape quotes safely")
    func literals() throws {
        #expect(XPath.literal("plain") == "'plain'")
        #expect(XPath.literal("it's") == "\"it's\"")
        #expect(XPath.literal("a'b\"c") == "concat('a', \"'\", 'b\"c')")
        // An injection attempt stays a string and compiles.
        let xpath = try CSSSelector.xpath(for: "[title=\"x'] | //* | //*[@a='\"]")
        let compiled = try XPath(xpath)
        #expect(compiled.nodes(from: document.root!).isEmpty)
    }

    @Test("generated XPath for the basic forms")
    func generatedShapes() throws {
        #expect(try CSSSelector.xpath(for: "p") == "descendant::p")
        #expect(try CSSSelector.xpath(for: "div > p.x") ==
            "descendant::div/child::p[contains(concat(' ', normalize-space(@class), ' '), ' x ')]")
        #expect(try CSSSelector.xpath(for: "h1 + p") == "descendant::h1/following-sibling::*[1][self::p]")
        #expect(try CSSSelector.xpath(for: "a, b") == "descendant::a | descendant::b")
    }

    @Test("every selector in the table compiles to valid XPath")
    func allCompile() throws {
        for sample in cases { _ = try XPath(css: sample.selector) }
    }
}
