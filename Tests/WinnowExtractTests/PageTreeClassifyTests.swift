import Testing
import WinnowDOM
@testable import WinnowExtract

@Suite("PageTree classification from the one-pass attribute read")
struct PageTreeClassifyTests {
    @Test("visibility from hidden, aria-hidden, style; labelled regions and streamed SSR stay visible; dialogs dropped")
    func visibility() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <div id="plain" class="story">a</div>
            <div id="bare" hidden>b</div>
            <div id="aria" aria-hidden="TRUE">c</div>
            <div id="aria-false" aria-hidden="false">d</div>
            <div id="styled" style="color:red; DISPLAY : None">e</div>
            <div id="invisible" style="visibility:hidden">f</div>
            <div id="panel" hidden aria-labelledby="tab1">g</div>
            <div id="region" hidden role="region">h</div>
            <div hidden id="S:1">i</div>
            <dialog id="dlg" aria-labelledby="x">j</dialog>
            <p><a id="summary-link" href="/n/1" aria-hidden="true" tabindex="-1">A teaser's summary, linked a second time for sighted readers.</a></p>
            <p>Text<a id="footnote-link" href="#fn1" aria-hidden="true">12</a></p>
            <p><a id="hidden-link" href="/n/1" hidden>A teaser's summary, linked a second time but hidden outright.</a></p>
            </body></html>
            """)
        func hidden(_ id: String) throws -> Bool { fixture.tree.entries[try fixture.index(id: id)].hidden }
        #expect(try !hidden("plain"))
        #expect(try hidden("bare"))
        #expect(try hidden("aria"))
        #expect(try !hidden("aria-false"))
        #expect(try hidden("styled"))
        #expect(try hidden("invisible"))
        #expect(try !hidden("panel"))
        #expect(try !hidden("region"))
        #expect(try !hidden("S:1"))
        // A sentence-long link hidden from screen readers only is on screen; a footnote mark so marked is not.
        #expect(try !hidden("summary-link"))
        #expect(try hidden("footnote-link"))
        #expect(try hidden("hidden-link"))
        // Dialogs are never text: dropped before their attributes are read.
        #expect(fixture.tree.entries[try fixture.index(id: "dlg")].removed)
    }

    @Test("categories come from class, id, role and itemprop read in the same pass")
    func categories() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <div id="a" class="entry-content">x</div>
            <div id="comments">y</div>
            <nav id="n" role="navigation">z</nav>
            <div id="b" itemprop="articleBody">w</div>
            <div id="c" class="related-posts" data-src="https://example.com/very/long/value">v</div>
            </body></html>
            """)
        func categories(_ id: String) throws -> Category { fixture.tree.entries[try fixture.index(id: id)].categories }
        #expect(try categories("a").contains(.articleBody))
        #expect(try categories("comments").contains(.comments))
        #expect(try categories("n").contains(.chromeRole))
        #expect(try categories("b").contains(.articleBody))
        #expect(try categories("c").contains(.related))
    }

    @Test("an author part with a box part names an author box; either alone does not; a Person item is marked")
    func authorBoxes() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <div id="p1" class="x-author-box">a</div>
            <div id="p2" class="author__bio">b</div>
            <div id="p3" class="about_author_wrapper">c</div>
            <div id="p4" class="author-name">d</div>
            <div id="p5" class="info-box">e</div>
            <div id="p6" class="card" itemscope itemtype="https://schema.org/Person">f</div>
            <div id="p7" itemscope itemtype="https://schema.org/Organization">g</div>
            </body></html>
            """)
        func categories(_ id: String) throws -> Category { fixture.tree.entries[try fixture.index(id: id)].categories }
        #expect(try categories("p1").contains(.authorBio))
        #expect(try categories("p2").contains(.authorBio))
        #expect(try categories("p3").contains(.authorBio))
        #expect(try !categories("p4").contains(.authorBio))
        #expect(try categories("p4").contains(.byline))
        #expect(try !categories("p5").contains(.authorBio))
        #expect(try categories("p6").contains(.person))
        #expect(try !categories("p7").contains(.person))
    }

    @Test("tag kinds stay right when a page uses more distinct tag names than the memo table starts with")
    func manyTagNames() throws {
        var html = "<html><body>"
        for k in 0..<300 { html += "<x-widget-\(k)><p>t</p><table><tr><td>c</td></tr></table></x-widget-\(k)>" }
        html += "<script>var a = 1;</script></body></html>"
        let fixture = try TreeFixture(html)
        var elements = 0
        for entry in fixture.tree.entries where entry.node.isElement {
            elements += 1
            #expect(entry.tag == HTMLTag.named(entry.node.name), "tag of <\(entry.node.name)>")
            #expect(entry.removed == Vocabulary.dropTags.contains(entry.tag))
        }
        #expect(elements > 1500)
    }
    @Test("a heading's id that is its text's slug names no box; a closing label's and a short heading's still do")
    func headingSlugIDs() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <h2 id="verifying-signatures">Verifying signatures</h2>
            <h2 id="user-content-moving-the-sidebar-1">Moving the sidebar</h2>
            <h2 id="related-products">Related products</h2>
            <h3 id="comments">Comments</h3>
            <h2 id="sidebar">Lighthouse opening hours</h2>
            </body></html>
            """)
        func categories(_ id: String) throws -> Category { fixture.tree.entries[try fixture.index(id: id)].categories }
        #expect(try categories("verifying-signatures").isEmpty)
        #expect(try categories("user-content-moving-the-sidebar-1").isEmpty)
        #expect(try !categories("related-products").isEmpty)
        #expect(try !categories("comments").isEmpty)
        #expect(try !categories("sidebar").isEmpty)
    }

    @Test("a permalink mark linking to its own page's fragment is hidden; a mark linking elsewhere or with words is not")
    func permalinkMarks() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <h2>Options<a id="pilcrow" class="headerlink" href="#options">\u{00B6}</a></h2>
            <h2>Options<a id="hash" href="#options"> # </a></h2>
            <h2>Options<a id="zwsp" href="#options">\u{200B}</a></h2>
            <p>See <a id="elsewhere" href="/rules">\u{00A7}</a> and <a id="words" href="#s4">\u{00A7} 4</a>.</p>
            </body></html>
            """)
        func hidden(_ id: String) throws -> Bool { fixture.tree.entries[try fixture.index(id: id)].hidden }
        #expect(try hidden("pilcrow"))
        #expect(try hidden("hash"))
        #expect(try hidden("zwsp"))
        #expect(try !hidden("elsewhere"))
        #expect(try !hidden("words"))
    }

    @Test("a drop cap's copy for screen readers, the same letter as the decorative initial before it, is shown")
    func screenReaderTwinOfADropCap() throws {
        let fixture = try TreeFixture("""
            <html><body>
            <p><span id="cap" aria-hidden="true">T</span><span id="twin" class="sr-only">T</span>housands came.</p>
            <p><span id="cap2" aria-hidden="true">W</span> <span id="twin2" class="sr-only">W</span>hen it rained.</p>
            <p><span id="icon" aria-hidden="true">★</span><span id="label" class="sr-only">Featured</span> story.</p>
            <p><span id="alone" class="sr-only">Skip to content</span></p>
            </body></html>
            """)
        func hidden(_ id: String) throws -> Bool { fixture.tree.entries[try fixture.index(id: id)].hidden }
        #expect(try hidden("cap") && !hidden("twin"))
        #expect(try hidden("cap2") && !hidden("twin2"))
        // Another text for screen readers than the icon shows stays theirs; so does one beside no copy.
        #expect(try hidden("icon") && hidden("label"))
        #expect(try hidden("alone"))
    }
}
