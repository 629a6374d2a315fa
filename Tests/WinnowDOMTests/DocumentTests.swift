import Foundation
import Testing
import WinnowTestSupport
@testable import WinnowDOM

@Suite("Document parsing")
struct DocumentTests {
    @Test("title, head and body of a normal page")
    func basics() throws {
        let document = try Document(html: try Fixture.bytes("dom.html"), url: "https://gazette.example/keeper")
        #expect(document.kind == .html)
        #expect(document.url == "https://gazette.example/keeper")
        #expect(document.title == "The Lighthouse Keeper")
        #expect(document.head?.name == "head")
        #expect(document.body?.attribute("class") == "article-page")
        #expect(document.root?.name == "html")
        #expect(document.sourceEncoding == "utf-8")
        #expect(document.encodingSource == .meta)
    }

    @Test("recovery: unclosed tags, stray end tags and misnesting still give a sensible tree")
    func recovery() throws {
        let document = try Document(html: "<div><p>one<p>two</div></div><span>three<b>bold<i>both</b>after")
        let paragraphs = try document.select(css: "p").map(\.text)
        #expect(paragraphs == ["one", "two"])
        #expect(try document.select(css: "span").first?.text.hasPrefix("threeboldboth") == true)
        #expect(document.body?.text.contains("after") == true)
    }

    @Test("content after a premature </body> or </html> ends up in the body, as in browsers", arguments: [
        "<p>x</p></body><p>late</p>",
        "<html><body><p>x</p></body></html><!-- c --><p>late</p>",
        "<html><head></head><body><p>x</p></body></html><html><head><title>t2</title></head><body><p>late</p></body></html>",
        "<body><p>x</p></body>\n<div><p>late</p></div></html>",
    ])
    func contentAfterBody(html: String) throws {
        let document = try Document(html: html)
        let body = try #require(document.body)
        #expect(body.text.contains("x"))
        #expect(body.text.contains("late"))
        #expect(try document.select(css: "body p").map(\.text).last == "late")
        #expect(try document.select(xpath: "/html/html").isEmpty)
        #expect(document.root?.elementChildren.last == body)
        #expect(try document.select(css: "body").count == 1)
    }

    @Test("HTML5 blocks close an open <p>, as in browsers")
    func paragraphsCloseAtHTML5Blocks() throws {
        let document = try Document(html: "<div id=d><p>before<figure><img src=a.jpg><figcaption>cap</figcaption></figure>after</p><p>next <section>s</section></p></div>")
        let div = try #require(try document.select(css: "#d").first)
        #expect(div.children.map { $0.isElement ? $0.name : "#" + $0.ownText } == ["p", "figure", "#after", "p", "section"])
        #expect(try document.select(css: "p").map(\.text) == ["before", "next "])
        #expect(try document.select(css: "figure > figcaption").first?.text == "cap")
        // Inline HTML5 elements stay inside the paragraph.
        let inline = try Document(html: "<p>a <time>today</time> <mark>b</mark> c</p>")
        #expect(try inline.select(css: "p > time, p > mark").count == 2)
    }

    @Test("many concatenated pages do not nest or recurse")
    func concatenatedPages() throws {
        let page = "<html><head><title>t</title></head><body><p>part</p></body></html>"
        let document = try Document(html: String(repeating: page, count: 2000))
        #expect(try document.select(css: "body > p").count == 2000)
        #expect(try document.select(css: "html").count == 1)
    }

    @Test("character references decode as in browsers", arguments: [
        ("don&#146;t &#150; &#x93;quoted&#x94; &#128;5", "don’t – “quoted” €5"),
        ("a&#0;b &#xD800;c &#1114112;d &#99999999999;e", "a\u{FFFD}b \u{FFFD}c \u{FFFD}d \u{FFFD}e"),
        ("&#233;t&#xE9; &#233 &#x1F600;", "été é 😀"),
        ("A&nbsp B &copy 2026 &amp more &lt;tag&gt &nbsp;", "A\u{A0} B © 2026 & more <tag> \u{A0}"),
        ("&nbspx &copyright &notathing; &foo;", "&nbspx &copyright &notathing; &foo;"),
        ("&check; &lbrace;x&rbrace; &ZeroWidthSpace;| &hyphen; &NewLine;", "✓ {x} \u{200B}| ‐ \n"),
        ("&hellip; &mdash; &rsquo; &euro; &apos;", "… — ’ € '"),
        ("& alone, &#; &#x; &#X;&", "& alone, &#; &#x; &#X;&"),
    ])
    func characterReferences(source: String, expected: String) throws {
        let document = try Document(html: "<p>\(source)</p>")
        let text = try document.select(css: "p").first?.text
        #expect(text == expected)
    }

    @Test("references in URLs and scripts are left alone")
    func referencesLeftAlone() throws {
        let html = "<a href=\"/s?a=1&copy=2&nbsp=3&x=&#150;\">l</a>"
            + "<script>var s = \"&#150; &nbsp\";</script><style>p::after{content:\"&#150;\"}</style>"
        let document = try Document(html: html)
        #expect(try document.select(css: "a").first?.attribute("href") == "/s?a=1&copy=2&nbsp=3&x=–")
        #expect(try document.select(css: "script").first?.text == "var s = \"&#150; &nbsp\";")
        #expect(try document.select(css: "style").first?.text == "p::after{content:\"&#150;\"}")
    }

    @Test("empty and whitespace-only input give an empty <html> tree")
    func emptyInput() throws {
        for input in ["", "   \n\t ", "\u{FEFF}"] {
            let document = try Document(html: input)
            #expect(document.root?.name == "html", "\(input.debugDescription)")
            #expect(document.body != nil)
            #expect(document.title == nil)
            #expect(document.root?.text.trimmingCharacters(in: .whitespacesAndNewlines) == "")
        }
        let fromBytes = try Document(html: [UInt8]())
        #expect(fromBytes.root?.name == "html")
    }

    @Test("plain text without markup becomes a body")
    func plainText() throws {
        let document = try Document(html: "just some words")
        #expect(document.body?.text == "just some words")
    }

    @Test("garbage bytes and NUL bytes never crash and keep the surrounding text")
    func garbage() throws {
        var generator = SplitMix64(seed: 7)
        for round in 0..<20 {
            let noise = (0..<2000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let document = try Document(html: noise)
            #expect(document.root != nil, "round \(round)")
            _ = document.root?.text
            _ = document.serialized
        }
        let withNul: [UInt8] = Array("<p>before".utf8) + [0, 1, 2] + Array("after</p>".utf8)
        let document = try Document(html: withNul)
        let text = document.body?.text ?? ""
        #expect(text.hasPrefix("before"))
        #expect(text.hasSuffix("after"))
    }

    @Test("a 5 MB page parses and is fully queryable")
    func largePage() throws {
        var html = "<html><head><title>Big</title></head><body>"
        let paragraph = "<p class=\"para\">The tide came in over the long grey sand, slowly and without hurry.</p>\n"
        let count = 5 * 1024 * 1024 / paragraph.utf8.count + 1
        html.reserveCapacity(count * paragraph.utf8.count + 100)
        for _ in 0..<count { html += paragraph }
        html += "</body></html>"
        #expect(html.utf8.count > 5 * 1024 * 1024)
        let started = ContinuousClock.now
        let document = try Document(html: Array(html.utf8))
        #expect(try document.select(css: "p.para").count == count)
        #expect(try XPath("count(//p)").number(from: document.root!) == Double(count))
        // A generous bound that still catches quadratic behaviour; skipped under valgrind (50x slower).
        if !underValgrind { #expect(ContinuousClock.now - started < .seconds(60)) }
    }

    @Test("a 10,000-level nested page parses, walks, serializes and frees without overflowing the stack")
    func deepNesting() throws {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
            + "<p>after</p>"
        let document = try Document(html: html)
        // CSS compiles to descendant::, which reaches every level. (libxml2 2.9's `//div`, i.e.
        // descendant-or-self::node()/div, stops about 10,000 levels down; see the report.)
        let divs = try document.select(css: "div")
        #expect(divs.count == depth)
        #expect(try document.select(xpath: "/descendant::div").count == depth)
        #expect(try document.select(css: "body > p").first?.text == "after")  // nothing after the depth is lost
        let deepest = try #require(divs.last)
        #expect(deepest.text == "deep")
        #expect(deepest.depth == divs.count + 1)  // html > body > div...
        #expect(deepest.ancestors.count == divs.count + 1)
        #expect(document.body?.descendants.count(where: \.isElement) == divs.count + 1)
        #expect(document.body?.text == "deepafter")
        #expect(document.serialized.contains("deep"))
        #expect(divs.first?.html.hasSuffix("</div>") == true)
    }

    @Test("input larger than the limit is refused with a message, before any decoding")
    func tooLarge() {
        let huge = [UInt8](repeating: 0x20, count: Document.maximumInputSize + 1)
        for attempt in [{ _ = try Document(html: huge) }, { _ = try Document(xml: huge) }] {
            do {
                try attempt()
                Issue.record("expected tooLarge")
            } catch let error as DOMError {
                #expect(error.code == .tooLarge)
                #expect(error.message.contains("limit"))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("the document serializes as UTF-8 HTML without reformatting")
    func serialization() throws {
        let document = try Document(html: [0xEF, 0xBB, 0xBF] + Array("<p title=\"Zoë\">Crème €</p>".utf8))
        let serialized = document.serialized
        #expect(serialized.contains("<p title=\"Zoë\">Crème €</p>"))
        #expect(!serialized.contains("DOCTYPE"))  // libxml2 must not invent one
    }

    @Test("documents parse and query on many tasks at once")
    func concurrentUse() async throws {
        let page = try Fixture.bytes("dom.html")
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let document = try Document(html: page)
                    let bad = try? document.select(xpath: "//p[")  // errors must stay silent on every thread
                    #expect(bad == nil)
                    return try document.select(css: "article p").count
                }
            }
            var counts: [Int] = []
            for try await count in group { counts.append(count) }
            return counts
        }
        #expect(results == Array(repeating: 3, count: 16))
    }
}

@Suite("XML parsing safety")
struct XMLSafetyTests {
    @Test("an Atom feed parses with its namespaces")
    func atomFeed() throws {
        let document = try Document(xml: try Fixture.bytes("atom.xml"))
        #expect(document.kind == .xml)
        #expect(document.root?.name == "feed")
        #expect(document.root?.namespaceURI == "http://www.w3.org/2005/Atom")
        let namespaces = ["a": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/"]
        let titles = try XPath("/a:feed/a:entry/a:title", namespaces: namespaces)
        #expect(document.select(titles).map(\.text) == ["Storm closes the pier", "Fish <market> reopens"])
        let thumbnail = try XPath("string(//a:entry[1]/media:thumbnail/@url)", namespaces: namespaces)
        #expect(thumbnail.string(from: document.root!) == "https://gazette.example/storm.jpg")
        // Without the binding the default namespace does not match a bare name.
        #expect(try document.select(xpath: "//entry").isEmpty)
        // The escaped HTML in <summary> comes out as markup text, decoded once.
        let summary = try XPath("string(//a:summary)", namespaces: namespaces).string(from: document.root!)
        #expect(summary == "<p>Waves &amp; wind.</p>")
        // Prefix bindings do not leak into later expressions on the same document.
        #expect(try XPath("//a:entry").nodes(from: document.root!).isEmpty)
    }

    @Test("a billion-laughs document does not expand and returns fast")
    func billionLaughs() throws {
        var dtd = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let previous = "&lol\(level - 1);"
            dtd += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(dtd)]>\n<lolz>start &lol9; end</lolz>"
        let started = ContinuousClock.now
        let document = try Document(xml: Array(xml.utf8))
        let text = document.root?.text ?? ""
        let html = document.serialized
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(text.utf8.count < 4096)
        #expect(!text.contains("lollollol"))
        #expect(html.utf8.count < 8192)
    }

    @Test("a quadratic-blowup document is capped by the entity budget")
    func quadraticBlowup() throws {
        let big = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&big;", count: 2_000)  // 100 MB if expanded every time
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY big \"\(big)\">]><r>\(references)</r>"
        let started = ContinuousClock.now
        let document = try Document(xml: Array(xml.utf8))
        let text = document.root?.text ?? ""
        #expect(text.utf8.count <= max(Document.entityExpansionBudget, xml.utf8.count))
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("small internal entities are kept as text, and the tree has no entity nodes left")
    func internalEntities() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY pub \"Harbour Gazette\">]>"
            + "<r a=\"by &pub;\">Read the &pub; daily.</r>"
        let document = try Document(xml: Array(xml.utf8))
        let root = try #require(document.root)
        #expect(root.text == "Read the Harbour Gazette daily.")
        #expect(root.attribute("a") == "by Harbour Gazette")
        #expect(root.children.allSatisfy { $0.isText })
    }

    @Test("XXE: external entities naming local files are never read")
    func externalEntitiesAreNotLoaded() throws {
        let token = UInt32.random(in: 0...UInt32.max)
        let secret = "winnow-secret-\(token)"  // the file content; the file names below do not contain it
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-xxe-\(token).txt")
        try Data(secret.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let dtdPath = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-xxe-\(token).dtd")
        try Data("<!ENTITY fromdtd \"\(secret)\">".utf8).write(to: dtdPath)
        defer { try? FileManager.default.removeItem(at: dtdPath) }

        let documents = [
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>a &x; b</r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"\(path.absoluteString)\">]><r>a &x; b</r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"\(dtdPath.absoluteString)\"> %p;]><r>a &fromdtd; b</r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"\(dtdPath.absoluteString)\"><r>a &fromdtd; b</r>",
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"\(path.path)\">]><r attr=\"&x;\">a &x; b</r>",
        ]
        for xml in documents {
            let started = ContinuousClock.now
            guard let document = try? Document(xml: Array(xml.utf8)) else { continue }  // refusing is fine too
            let everything = document.serialized + (document.root?.text ?? "")
                + (document.root?.attributes.map(\.value).joined() ?? "")
            #expect(!everything.contains("root:"), "\(xml)")
            #expect(!everything.contains(secret), "\(xml)")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("no network: external DTDs and entities on a loopback server are never fetched")
    func noNetwork() throws {
        let listener = try LoopbackListener()
        let base = "http://127.0.0.1:\(listener.port)"
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"\(base)/feed.dtd\" [<!ENTITY e SYSTEM \"\(base)/e.txt\">]>"
            + "<r>x &e; y</r>"
        let document = try Document(xml: Array(xml.utf8))
        #expect(document.root?.text == "x  y")
        let html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(base)/xhtml1-strict.dtd\">"
            + "<html><head><link rel=stylesheet href=\"\(base)/s.css\"></head><body><p>fine</p></body></html>"
        let page = try Document(html: html)
        #expect(page.body?.text == "fine")
        #expect(listener.pendingConnections() == 0)
    }

    @Test("malformed XML recovers when it can and refuses with a message when there is no root")
    func malformed() throws {
        let recovered = try Document(xml: Array("<r><a>one</a><b>two</r>".utf8))
        #expect(recovered.root?.name == "r")
        #expect(recovered.root?.text.contains("one") == true)
        for bad in ["", "not xml at all", "<?xml version=\"1.0\"?>"] {
            do {
                _ = try Document(xml: Array(bad.utf8))
                Issue.record("expected an error for \(bad.debugDescription)")
            } catch let error as DOMError {
                #expect(error.code == .unparsable)
                #expect(!error.message.isEmpty)
            }
        }
    }
}

/// True when the test binary runs under valgrind (its preload library is in the environment).
let underValgrind = ProcessInfo.processInfo.environment["LD_PRELOAD"]?.contains("vgpreload") ?? false

/// A TCP listener on 127.0.0.1 (port chosen by the kernel) that only counts connection attempts.
final class LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        struct SocketFailure: Error {}
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketFailure() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw SocketFailure()
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        port = UInt16(bigEndian: actual.sin_port)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// How many connections arrived (accepting and closing them).
    func pendingConnections() -> Int {
        var count = 0
        while true {
            let client = accept(descriptor, nil, nil)
            if client < 0 { return count }
            close(client)
            count += 1
        }
    }

    deinit { close(descriptor) }
}

@Suite("XML encodings")
struct XMLEncodingTests {
    @Test("the XML declaration's encoding is honoured, through the WHATWG label table")
    func declaredEncodings() throws {
        let cyrillic = try Document(xml: try Fixture.bytes("feed-windows-1251.xml"))
        #expect(cyrillic.root?.text == "Новости дня")
        #expect(cyrillic.sourceEncoding == "windows-1251")
        #expect(cyrillic.encodingSource == .meta)
        // ISO-8859-1 means windows-1252, so the curly quotes of a mislabelled feed survive.
        let latin: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf".utf8) + [0xE9, 0x20, 0x93]
            + Array("q".utf8) + [0x94] + Array("</r>".utf8)
        let latinDocument = try Document(xml: latin)
        #expect(latinDocument.root?.text == "café “q”")
        #expect(latinDocument.sourceEncoding == "windows-1252")
    }

    @Test("unknown labels fall back instead of failing; HTTP charset and BOM win")
    func fallbacks() throws {
        let bogus = try Document(xml: Array("<?xml version=\"1.0\" encoding=\"x-bogus\"?><r>héllo</r>".utf8))
        #expect(bogus.root?.text == "héllo")
        #expect(bogus.encodingSource == .sniffed)
        let http = try Document(xml: Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><r>".utf8) + [0xC1, 0xE2]
                                    + Array("</r>".utf8), contentType: "application/rss+xml; charset=windows-1251")
        #expect(http.root?.text == "Бв")
        #expect(http.encodingSource == .http)
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<r>ü</r>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let bomDocument = try Document(xml: utf16)
        #expect(bomDocument.root?.text == "ü")
        #expect(bomDocument.sourceEncoding == "utf-16le")
    }

    @Test("the encoding pseudo-attribute is read from the declaration only")
    func declarationParsing() {
        #expect(Charset.xmlDeclarationEncoding(Array("<?xml version='1.0' encoding='koi8-r'?><r/>".utf8)) == "koi8-r")
        #expect(Charset.xmlDeclarationEncoding(Array("<?xml version=\"1.0\" encoding = \"GBK\" ?>".utf8)) == "GBK")
        #expect(Charset.xmlDeclarationEncoding(Array("<?xml version=\"1.0\"?><r encoding=\"koi8-r\"/>".utf8)) == nil)
        #expect(Charset.xmlDeclarationEncoding(Array("<r/>".utf8)) == nil)
    }
}
