import Testing
import WinnowDOM
@testable import WinnowExtract

/// Builds the page tree of an HTML snippet and finds entries by id.
struct TreeFixture {
    let document: Document
    var tree: PageTree

    init(_ html: String) throws {
        document = try Document(html: html)
        let root = try #require(document.root)
        tree = PageTree(root: root)
        tree.aggregate()
    }

    func index(id: String) throws -> Int {
        try #require(tree.entries.indices.first { tree.entries[$0].node.id == id })
    }
}

@Suite struct CategoryMatcherTests {
    @Test func matchesWholeTokensAndParts() {
        #expect(CategoryMatcher.categories(ofTokens: "entry-content clearfix").contains(.articleBody))
        #expect(CategoryMatcher.categories(ofTokens: "td-related-posts").contains(.related))
        #expect(CategoryMatcher.categories(ofTokens: "social_share-bar").contains(.share))
        #expect(CategoryMatcher.categories(ofTokens: "Cookie-Banner").contains(.consent))
        #expect(CategoryMatcher.categories(ofTokens: "article__body--wide").contains(.articleBody))
    }

    @Test func forumMemberPanelsAreMetadataButTheUsernameIsNot() {
        #expect(CategoryMatcher.categories(ofTokens: "message-userExtras").contains(.byline))
        #expect(CategoryMatcher.categories(ofTokens: "userTitle message-userTitle").contains(.byline))
        #expect(CategoryMatcher.categories(ofTokens: "userinfo_extra").contains(.byline))
        #expect(CategoryMatcher.categories(ofTokens: "postbit_userstats").contains(.byline))
        #expect(!CategoryMatcher.categories(ofTokens: "message-userDetails").contains(.byline))
        #expect(!CategoryMatcher.categories(ofTokens: "message-name").contains(.byline))
    }

    @Test func neverMatchesSubstrings() {
        #expect(CategoryMatcher.categories(ofTokens: "shareholder-report").isEmpty)
        #expect(CategoryMatcher.categories(ofTokens: "navy-theme").isEmpty)
        #expect(!CategoryMatcher.categories(ofTokens: "adventure").contains(.ads))
        #expect(!CategoryMatcher.categories(ofTokens: "tag-gardening category-news").contains(.tags))
    }

    @Test func rolesAndItemprops() {
        #expect(CategoryMatcher.categories(class: nil, id: nil, role: "navigation", itemprop: nil).contains(.chromeRole))
        #expect(CategoryMatcher.categories(class: nil, id: nil, role: nil, itemprop: "articleBody").contains(.articleBody))
    }
}

@Suite struct PageTreeTests {
    @Test func aggregatesTextAndLinkCharacters() throws {
        let f = try TreeFixture(#"<html><body><div id="d"><p id="p">Hello world, again</p><ul id="l"><li><a href="/x">Link one</a></li><li>Plain</li></ul></div></body></html>"#)
        let p = f.tree.entries[try f.index(id: "p")]
        #expect(p.chars == 18)
        #expect(p.commas == 1)
        #expect(p.linkChars == 0)
        let list = f.tree.entries[try f.index(id: "l")]
        #expect(list.linkChars == 8)
        #expect(list.links == 1)
        #expect(list.listItems == 2)
        let div = f.tree.entries[try f.index(id: "d")]
        #expect(div.paragraphs == 1 && div.paragraphChars == 18)
        #expect(div.linkDensity > 0 && div.linkDensity < 0.5)
    }

    @Test func hiddenNodesAreFlagged() throws {
        let f = try TreeFixture(#"<html><body><div id="a" style="display: none">x</div><div id="b" class="hidden md:block">y</div><div id="c" aria-hidden="true">z</div><div id="d" class="sr-only">w</div></body></html>"#)
        #expect(f.tree.entries[try f.index(id: "a")].hidden)
        #expect(!f.tree.entries[try f.index(id: "b")].hidden)
        #expect(f.tree.entries[try f.index(id: "c")].hidden)
        #expect(f.tree.entries[try f.index(id: "d")].hidden)
    }

    @Test func consentCentersGoWhateverTheirSize() throws {
        // A script-rendered page: the privacy center is most of the static text, the story a short teaser.
        let purposes = String(repeating: "We and our partners store and access information on a device for measurement. ", count: 12)
        var f = try TreeFixture(#"""
            <html><body><main id="m"><h1>Tide tables</h1><p>High water at the quay is at six this evening.</p></main>
            <div id="onetrust-pc-sdk"><h2>Privacy Preference Center</h2><p>\#(purposes)</p></div>
            <div id="w" class="consent-wrapper"><article><p>A story a site wrapped in a consent-named element.</p></article></div>
            </body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "onetrust-pc-sdk")].removed)
        #expect(!f.tree.entries[try f.index(id: "m")].removed)
        #expect(!f.tree.entries[try f.index(id: "w")].removed)
    }

    @Test func footersAndMenusGoWhateverTheirSize() throws {
        // A script-rendered shop page: the footer's columns and the mega menu are most of the static text.
        let columns = (1...30).map { #"<li><a href="/c\#($0)">Footer link number \#($0)</a></li>"# }.joined()
        let menu = (1...30).map { #"<li><a href="/m\#($0)">Menu entry number \#($0)</a></li>"# }.joined()
        var f = try TreeFixture(#"""
            <html><body><nav id="n"><ul>\#(menu)</ul></nav><div id="app"><h1>Lamps</h1></div>
            <footer id="f"><ul>\#(columns)</ul><p>Registered trademarks of the Example Lamp Company.</p></footer>
            </body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "n")].removed)
        #expect(f.tree.entries[try f.index(id: "f")].removed)
        #expect(!f.tree.entries[try f.index(id: "app")].removed)
        // A site that put its whole story inside a nav element keeps it.
        let story = String(repeating: "The ferry kept running through the storm, and the harbour stayed open all night. ", count: 8)
        var wrapped = try TreeFixture(#"<html><body><nav id="wrap"><article><p>\#(story)</p></article></nav></body></html>"#)
        ChaffRemoval.run(&wrapped.tree, keepComments: false, trace: &trace)
        #expect(!wrapped.tree.entries[try wrapped.index(id: "wrap")].removed)
    }

    @Test func headersThatHoldProseAreSectionsNotChrome() throws {
        func section(_ k: Int) -> String {
            #"<section><header id="h\#(k)"><h2>Plan \#(k)</h2><p>Every plan includes a named adviser, quarterly reviews and a written summary you can keep.</p></header><p>Details of plan \#(k).</p></section>"#
        }
        var f = try TreeFixture(#"""
            <html><body><header id="site"><a href="/">Logo</a><nav><a href="/a">About</a><a href="/b">Blog</a></nav></header>
            <main>\#(section(1))\#(section(2))\#(section(3))</main></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "site")].removed)
        for k in 1...3 { #expect(!f.tree.entries[try f.index(id: "h\(k)")].removed) }
        // Two such headers outside any section are not enough to tell sections from a page and an article header.
        let parts = section(1).replacingOccurrences(of: "section>", with: "div>") + section(2).replacingOccurrences(of: "section>", with: "div>")
        var two = try TreeFixture(#"<html><body><div>\#(parts)</div></body></html>"#)
        ChaffRemoval.run(&two.tree, keepComments: false, trace: &trace)
        #expect(two.tree.entries[try two.index(id: "h1")].removed)
    }

    @Test func labelledDialogsStayHiddenAndModalsAreModal() throws {
        let f = try TreeFixture(#"""
            <html><body><div id="panel" role="region" aria-labelledby="q" hidden>An answer a click away.</div>
            <div id="signin" role="dialog" aria-labelledby="t" hidden>Sign in to continue</div>
            <div id="popup" aria-modal="TRUE" aria-labelledby="n" hidden>Join our newsletter</div>
            <div id="shown" aria-modal="true">Subscribe now</div></body></html>
            """#)
        #expect(!f.tree.entries[try f.index(id: "panel")].hidden)
        #expect(f.tree.entries[try f.index(id: "signin")].hidden)
        #expect(f.tree.entries[try f.index(id: "popup")].hidden)
        #expect(f.tree.entries[try f.index(id: "shown")].categories.contains(.modal))
    }

    @Test func removedSubtreesLeaveTheAggregates() throws {
        var f = try TreeFixture(#"<html><body><div id="d"><p>Keep this text, which is the longer part of the page</p><nav id="n"><a href="/">Home page link</a></nav></div></body></html>"#)
        var trace = Trace(enabled: true)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        let d = f.tree.entries[try f.index(id: "d")]
        #expect(d.chars == 52)
        #expect(d.linkChars == 0)
        #expect(trace.decisions.contains { $0.path.hasPrefix("nav") && $0.verdict == .dropped })
    }
}

@Suite struct LinkDensityTests {
    @Test func linkListIsPrunedProseWithALinkIsKept() throws {
        var f = try TreeFixture(#"""
            <html><body><div id="root">
            <p id="prose">A long paragraph of story text that mentions <a href="/x">one source</a> in passing and goes on to explain the rest.</p>
            <ul id="links"><li><a href="/1">First other story</a></li><li><a href="/2">Second other story</a></li><li><a href="/3">Third other story</a></li></ul>
            <p id="tail">More story text after the list, long enough to count as a real paragraph of prose here.</p>
            </div></body></html>
            """#)
        let root = try f.index(id: "root")
        var trace = Trace(enabled: false)
        ContentPruning.run(&f.tree, roots: [root], mode: .balanced, url: nil, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "prose")].removed)
        #expect(f.tree.entries[try f.index(id: "links")].removed)
        #expect(!f.tree.entries[try f.index(id: "tail")].removed)
    }

    @Test func overPruningGuardKeepsTheStory() throws {
        // Every wrapper carries a chaff-sounding class; removing them would remove the whole story.
        var f = try TreeFixture(#"""
            <html><body><div id="root"><div id="meta" class="post-meta"><p>Story paragraph one, long enough to matter for the measurement of text.</p><p>Story paragraph two, also long enough to matter for the measurement.</p></div></div></body></html>
            """#)
        let root = try f.index(id: "root")
        var trace = Trace(enabled: false)
        ContentPruning.run(&f.tree, roots: [root], mode: .balanced, url: nil, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "meta")].removed)
    }
}

@Suite struct BlockConversionTests {
    func blocks(_ html: String) throws -> [Block] {
        let f = try TreeFixture(html)
        let body = try #require(f.tree.entries.indices.first { f.tree.entries[$0].tag == .body })
        return BlockConverter(tree: f.tree, mode: .balanced, url: "https://example.org/a/b").blocks(of: [body])
    }

    @Test func paragraphsHeadingsAndInlineFormatting() throws {
        let result = try blocks("<html><body><h2> Title  here </h2><p>Some <em>soft</em> and <strong>strong</strong>\n text with <a href=\"/x\">a link</a>.</p></body></html>")
        #expect(result.count == 2)
        #expect(result[0] == .heading(level: 2, content: [.text("Title here")]))
        guard case .paragraph(let inlines) = result[1] else { Issue.record("not a paragraph"); return }
        #expect(InlineText.plainText(inlines) == "Some soft and strong text with a link.")
        #expect(inlines.contains(.link(href: "https://example.org/x", content: [.text("a link")])))
    }

    @Test func adjacentLabelElementsAreSeparateWords() throws {
        // Brand and name in sibling spans are two labels; a drop cap, a bracketed [edit] link and CJK text
        // split across spans are not separated.
        let result = try blocks(#"""
            <html><body><p><a href="/p"><span>Merrell</span><span>Moab 3 Mid</span></a></p>
            <p><span class="dropcap">I</span><span>f you go, go early.</span></p>
            <h2><span>Spectral properties</span><span>[<a href="/e">edit</a>]</span></h2>
            <p><span>營區內除了露營</span><span>賞楓項目</span></p>
            <div><b>Price</b><span>$40</span> <span>12</span><span>gold badges</span></div></body></html>
            """#)
        #expect(result.map(\.plainText) == [
            "Merrell Moab 3 Mid", "If you go, go early.", "Spectral properties[edit]", "營區內除了露營賞楓項目",
            "Price$40 12 gold badges",
        ])
    }

    @Test func divTextBecomesParagraphsAroundBlocks() throws {
        let result = try blocks("<html><body><div>Loose text<p>Inner paragraph</p>after</div></body></html>")
        #expect(result.map(\.plainText) == ["Loose text", "Inner paragraph", "after"])
    }

    @Test func imagesBetweenBlocksBecomeFigures() throws {
        let result = try blocks(#"<html><body><div><h2>One</h2><img src="pics/a.jpg" alt="A pier"><p>Text <img src="/icon.png"> inline.</p><img src="data:image/gif;base64,R0lGOD" data-src="/lazy.webp"><img src=""><img src="/pixel.gif" width="1" height="1"></div></body></html>"#)
        #expect(result.count == 4)
        #expect(result[1] == .figure(Figure(source: "https://example.org/a/pics/a.jpg", alt: "A pier")))
        #expect(result[2].plainText == "Text inline.")
        #expect(result[3] == .figure(Figure(source: "https://example.org/lazy.webp")))
    }

    @Test func listsTablesAndCode() throws {
        let result = try blocks("""
            <html><body><ol><li>One</li><li>Two <b>bold</b></li></ol>
            <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
            <pre><code class="language-swift">let x = 1
                print(x)</code></pre></body></html>
            """)
        #expect(result.count == 3)
        #expect(result[0].plainText == "One\nTwo bold")
        guard case .table(let table) = result[1] else { Issue.record("not a table"); return }
        #expect(table.rows.count == 2 && table.rows[0][0].isHeader)
        #expect(result[1].plainText == "A\tB\n1\t2")
        #expect(result[2] == .code(text: "let x = 1\n    print(x)", language: "swift"))
    }

    @Test func layoutTablesAreFlattened() throws {
        let result = try blocks("<html><body><table><tr><td><p>Only cell paragraph</p></td></tr></table></body></html>")
        #expect(result == [.paragraph([.text("Only cell paragraph")])])
    }
}

@Suite struct ExtractorTests {
    @Test func explainRecordsDecisionsOnlyWhenAsked() throws {
        let html = "<html><body><nav><a href='/'>Home</a></nav><article><p>" + String(repeating: "Story words go here, and more. ", count: 20) + "</p></article></body></html>"
        let quiet = Extractor().extract(from: try Document(html: html))
        #expect(quiet.decisions.isEmpty)
        let loud = Extractor(options: ExtractionOptions(explain: true)).extract(from: try Document(html: html))
        #expect(loud.decisions.contains { $0.verdict == .dropped && $0.path.hasPrefix("nav") })
        #expect(loud.decisions.contains { $0.verdict == .kept && $0.heuristic.hasPrefix("candidate") })
        #expect(quiet.article.plainText == loud.article.plainText)
    }

    @Test func emptyAndHostileInputsGiveEmptyArticles() throws {
        for html in ["", "<html></html>", "<p>", String(repeating: "<div>", count: 5000) + "deep text"] {
            let result = Extractor().extract(from: try Document(html: html))
            #expect(result.article.plainText.count < 20)
        }
    }

    @Test func nonTextSubtreesInsideTheStoryAreSkipped() throws {
        let html = "<html><body><article><svg><g><path d='M0 0'/><text>icon</text></g></svg><p>" + String(repeating: "Story text keeps going here. ", count: 12) + "</p><script>var x = 'not text';</script><style>p{}</style></article></body></html>"
        let text = Extractor().extract(from: try Document(html: html)).article.plainText
        #expect(text.hasPrefix("Story text keeps going here."))
        #expect(!text.contains("icon") && !text.contains("not text"))
    }

    @Test func aBlankLineInAContainersTextPartsParagraphs() throws {
        let first = String(repeating: "The first paragraph of the story runs on here. ", count: 4)
        let second = String(repeating: "The second paragraph follows after a blank line. ", count: 4)
        let html = "<html><body><div class='text'>\(first)<br><br>\(second)<br>A line of its own.</div></body></html>"
        let blocks = Extractor().extract(from: try Document(html: html)).article.blocks
        #expect(blocks.count == 2)
        guard blocks.count == 2, case .paragraph(let last) = blocks[1] else { return }
        // One `<br>` is a line break inside the paragraph.
        #expect(last.contains(.lineBreak))
        // A box of headlines set the same way under the story, its label on the first line, goes.
        let box = "<b>Other headlines</b><br><a href='/1'>Fire district names new chief</a><br><a href='/2'>Council tables sewer rate hike</a>"
        let boxed = "<html><body><div class='text'>\(first)<br><br>\(second)<br><br>\(box)</div></body></html>"
        let text = Extractor().extract(from: try Document(html: boxed)).article.plainText
        #expect(text.contains("second paragraph") && !text.contains("Other headlines") && !text.contains("Fire district"))
    }

    @Test func modesAllProduceTheStory() throws {
        let html = "<html><body><div class='entry-content'><p>" + String(repeating: "A sentence of the story, with a comma. ", count: 15) + "</p></div><div class='related-posts'><a href='/1'>Other</a></div></body></html>"
        for mode in ExtractionMode.allCases {
            let text = Extractor(options: ExtractionOptions(mode: mode)).extract(from: try Document(html: html)).article.plainText
            #expect(text.hasPrefix("A sentence of the story"), "\(mode)")
            #expect(!text.contains("Other"), "\(mode)")
        }
    }

    @Test func plainTextFormatsBlocks() {
        let article = Article(blocks: [
            .heading(level: 2, content: [.text("Head")]),
            .list(ordered: false, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]]),
            .quote([.paragraph([.text("q1")]), .paragraph([.text("q2")])]),
            .figure(Figure(source: "x.jpg", caption: [])),
            .paragraph([.text("line"), .lineBreak, .text("next")]),
        ])
        #expect(article.plainText == "Head\n\na\nb\n\nq1\n\nq2\n\nline\nnext")
    }
}

@Suite struct MainRegionTests {
    static func page(head: String) -> String {
        let dishes = ["Slow-cooker pork ragù", "Spaghetti and meatballs", "Sweet and spicy tomato chutney",
                      "Penne alla vodka", "New York-style pizza sauce", "All-day meat lasagna", "Bucatini all'amatriciana",
                      "Chicken and penne in vodka cream sauce", "Butter chicken", "Roasted cherry tomato pasta"]
        let cards = dishes.map { "<li><a href=\"/r/\($0.count)\"><span>\($0)</span></a></li>" }.joined()
        return """
            <html><head>\(head)</head><body><nav><a href="/">Home</a><a href="/mains">Mains</a></nav>
            <main><h1>Tomato sauce recipes</h1>
            <p>Our collection of tomato sauce recipes has something for every kind of dish, from a big plate of pasta to a slow braise, a quick chutney or a pizza night with friends.</p>
            <ul>\(cards)</ul></main>
            <footer><a href="/about">About us</a></footer></body></html>
            """
    }

    @Test func aListingGetsItsMainWithTheCards() throws {
        let text = Extractor().extract(from: try Document(html: Self.page(head: ""))).article.plainText
        #expect(text.contains("Our collection of tomato sauce recipes"))
        #expect(text.contains("Penne alla vodka") && text.contains("Butter chicken"))
        #expect(!text.contains("About us"))
    }

    @Test func aStoryKeepsItsNarrowResult() throws {
        let head = "<meta property=\"og:type\" content=\"article\">"
        let text = Extractor().extract(from: try Document(html: Self.page(head: head))).article.plainText
        #expect(text.contains("Our collection of tomato sauce recipes"))
        #expect(!text.contains("Penne alla vodka"))
    }
}

@Suite struct CardRunTests {
    static func grid(price: String) -> String {
        let long = ["Roman-style spaghetti alla carrettiera with tuna and mushrooms", "Baked ziti with two mozzarellas and a parmesan cream sauce",
                    "Gnocchi alla sorrentina, baked with tomato and fresh mozzarella", "Italian salsa rossa, a tomato and bell pepper sauce for boiled meats"]
        let short = ["Spaghetti and meatballs", "Butter chicken recipe"]
        let cards = (long + short).map { "<a class=\"card\" href=\"/r/\($0.count)\"><span>\($0)</span>\(price)</a>" }.joined()
        return "<html><body><div id=\"grid\">\(cards)</div></body></html>"
    }

    @Test func aFeedTakesItsShortCardsAShopGridDoesNot() throws {
        let feed = try TreeFixture(Self.grid(price: ""))
        #expect(CardCollection.cards(feed.tree).count == 6)
        let shop = try TreeFixture(Self.grid(price: "<b>$19.99</b>"))
        #expect(CardCollection.cards(shop.tree).count == 4)
    }
}

@Suite struct SectionMergeTests {
    let copy = "Our crews service engines, hulls and water systems at the yard by the lock, and they send a written report after every visit, with prices agreed before any work starts."

    @Test func takesEverySectionButNotTeaserStreamsOrLinkBars() throws {
        let teasers = (1...6).map { #"<li><h3><a href="/s/\#($0)">Other story number \#($0) from the yard</a></h3><p>A summary of the other story, long enough to read like a teaser.</p></li>"# }.joined()
        let f = try TreeFixture(#"""
            <html><body>
            <div id="a"><h2>Engines</h2><div>\#(copy)</div></div>
            <div class="links"><a href="/1">One</a> <a href="/2">Two</a> <a href="/3">Three</a></div>
            <div id="b"><h2>Hulls</h2><div>\#(copy) \#(copy)</div></div>
            <div id="stream"><ul>\#(teasers)</ul></div>
            <div id="c"><h2>Winter</h2><div>\#(copy)</div></div>
            </body></html>
            """#)
        let roots = SectionMerge.roots(f.tree)
        let ids = roots.map { f.tree.entries[$0].node.id ?? f.tree.entries[Int(f.tree.entries[$0].parent)].node.id ?? "?" }
        #expect(ids == ["a", "b", "c"])
        #expect(roots == roots.sorted())
    }

    @Test func oneSectionIsNotAMerge() throws {
        let f = try TreeFixture(#"<html><body><div id="a"><h2>Engines</h2><div>\#(copy)</div></div></body></html>"#)
        #expect(SectionMerge.roots(f.tree).isEmpty)
    }
}

@Suite struct QuestionToggleTests {
    @Test func faqQuestionsInButtonsStayOtherButtonsGo() throws {
        var f = try TreeFixture(#"""
            <html><body><div>
            <button id="q">How long does a winter lay-up take?</button>
            <div role="button" id="r">Can you collect the boat from any mooring?</div>
            <button id="s">Sign in</button><button id="t">Why?</button>
            <p>Answers are given by the yard's engineers, who have serviced boats on this river for years.</p>
            </div></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "q")].removed)
        #expect(!f.tree.entries[try f.index(id: "r")].removed)
        #expect(f.tree.entries[try f.index(id: "s")].removed)
        #expect(f.tree.entries[try f.index(id: "t")].removed)
    }
}

@Suite struct TeaserCardTests {
    @Test func clickableTeaserCardsStayHeadingOnlyTogglesGo() throws {
        var f = try TreeFixture(#"""
            <html><body><div>
            <div role="button" id="card"><span>Orbit</span><h3>Why the lunar crew waits in quarantine</h3>
            <p>Two weeks apart from everyone keeps a cold off the launch pad.</p></div>
            <div role="button" id="toggle"><h2>6 Comments</h2></div>
            <p>The science desk covers space, health and the climate, with new stories every weekday morning.</p>
            </div></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "card")].removed)
        #expect(f.tree.entries[try f.index(id: "toggle")].removed)
    }
}

@Suite struct ConsentCentreTests {
    @Test func aPreferenceCentreLongerThanTheFeedIsStillChaff() throws {
        let purpose = "<p>These cookies let partners measure how often an advert is shown and build a profile of interests.</p>"
        var f = try TreeFixture("""
            <html><body>
            <div id="onetrust-pc-sdk"><h2>Privacy Preference Center</h2>\(String(repeating: purpose, count: 6))</div>
            <div id="feed"><h3>Weeknight pasta bakes</h3><p>Twelve dinners that go from fridge to table in half an hour.</p>
            <h3>Sheet pan suppers</h3><p>One tray, one oven, and nothing to scrub afterwards.</p></div>
            </body></html>
            """)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "onetrust-pc-sdk")].removed)
        #expect(!f.tree.entries[try f.index(id: "feed")].removed)
    }
}

@Suite struct DataTableTests {
    @Test func aHeadedGridOfLinkedCellsIsDataANavBoxIsNot() throws {
        let names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"]
        let grid = (1990..<2000).map { year in
            "<tr><td>\(year)</td>" + names.prefix(3).map { "<td><a href=\"/w/\($0)\">\($0) Memorial Laureate</a></td>" }.joined() + "</tr>"
        }.joined()
        let navRows = (0..<10).map { row in
            "<tr><th>Group \(row)</th><td>" + names.map { "<a href=\"/w/\($0)\">\($0) Memorial Laureate</a>" }.joined(separator: " · ") + "</td></tr>"
        }.joined()
        let f = try TreeFixture("""
            <html><body><div>
            <table id="data"><tr><th>Year</th><th>Logic</th><th>Systems</th><th>Theory</th></tr>\(grid)</table>
            <table id="groups">\(navRows)</table>
            </div></body></html>
            """)
        let data = try f.index(id: "data")
        let nav = try f.index(id: "groups")
        #expect(ContentPruning.isDataTable(f.tree, data))
        #expect(!ContentPruning.isDataTable(f.tree, nav))
        #expect(ContentPruning.verdict(f.tree, data, isLast: false, protectedChars: 1e9, mode: .balanced, useCategories: true) == nil)
        #expect(ContentPruning.verdict(f.tree, nav, isLast: true, protectedChars: 1e9, mode: .balanced, useCategories: true)?.heuristic == "link-density:table")
    }
}

@Suite struct RankingRowTests {
    @Test func shortLinkFieldsOfALongRankingStay() throws {
        func table(_ id: String, rows: Int) -> String {
            "<table>" + (1...rows).map { n in
                "<tr><td>\(n)</td><td><a href=\"/b/\(n)\">Book \(n)</a> by <div id=\"\(id)\(n)\"><a href=\"/a/\(n)\">Author \(n)</a></div></td></tr>"
            }.joined() + "</table>"
        }
        let f = try TreeFixture("<html><body><div>\(table("long", rows: 10))\(table("short", rows: 3))</div></body></html>")
        let ranked = try f.index(id: "long4")
        let few = try f.index(id: "short2")
        #expect(ContentPruning.verdict(f.tree, ranked, isLast: true, protectedChars: 1e9, mode: .balanced, useCategories: true) == nil)
        #expect(ContentPruning.verdict(f.tree, few, isLast: true, protectedChars: 1e9, mode: .balanced, useCategories: true) != nil)
    }
}

@Suite struct TeaserFeedTests {
    static let topics = ["Adult oral health", "Children's teeth", "Dry mouth", "Nutrition and teeth", "Pregnancy care", "Fluoride"]

    func prunedTeasers(wrapper: String) throws -> (kept: Int, total: Int) {
        let cards = Self.topics.map {
            "<div class=\"card\"><h3>\($0)</h3><p class=\"teaser\">Why \($0.lowercased()) matters, and what helps most at every age.</p></div>"
        }.joined()
        var f = try TreeFixture("""
            <html><body><div id="root"><p>Good oral health affects well-being and quality of life for everyone.</p>
            <div class="\(wrapper)">\(cards)</div></div></body></html>
            """)
        var trace = Trace(enabled: false)
        ContentPruning.run(&f.tree, roots: [try f.index(id: "root")], mode: .balanced, url: nil, trace: &trace)
        let teasers = f.tree.entries.filter { $0.node.attribute("class") == "teaser" }
        return (teasers.filter { !$0.removed }.count, teasers.count)
    }

    @Test func aFeedOfTeasersStaysACarouselsSlidesGo() throws {
        let feed = try prunedTeasers(wrapper: "topics")
        #expect(feed.total == 6 && feed.kept == 6)
        let carousel = try prunedTeasers(wrapper: "promo-carousel")
        #expect(carousel.total == 6 && carousel.kept == 0)
    }
}

@Suite struct RevealableTests {
    @Test func collapsedFaqAnswersStayCollapsedMenusGo() throws {
        var f = try TreeFixture(#"""
            <html><body><div>
            <div class="faq-answer" style="display:none" id="a">We collect boats from any mooring between the mill and the weir.</div>
            <div class="accordion__content hidden" id="b">A winter lay-up takes two days, including the spring test.</div>
            <div class="nav-collapse collapse hidden" id="m"><a href="/1">Home</a> <a href="/2">Services</a></div>
            <div class="promo hidden" id="p">Half price servicing this week only, book now.</div>
            </div></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "a")].removed)
        #expect(!f.tree.entries[try f.index(id: "b")].removed)
        #expect(f.tree.entries[try f.index(id: "m")].removed)
        #expect(f.tree.entries[try f.index(id: "p")].removed)
    }
}

@Suite struct ProductPageChaffTests {
    let page = #"""
        <html><body><div>
        <div id="d"><p>The canvas roll-top bag holds a laptop and a change of clothes, with a waxed base that keeps the rain out on the way to work.</p></div>
        <section class="product-reviews" id="r"><h2>Reviews</h2><p>Great bag, survived a whole winter of cycling. Five stars from me.</p></section>
        </div></body></html>
        """#

    @Test func reviewsGoOnlyWhenThePageIsAProduct() throws {
        var product = try TreeFixture(page)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&product.tree, keepComments: false, extraChaff: Vocabulary.productPageChaff, trace: &trace)
        #expect(product.tree.entries[try product.index(id: "r")].removed)
        #expect(!product.tree.entries[try product.index(id: "d")].removed)
        var story = try TreeFixture(page)
        ChaffRemoval.run(&story.tree, keepComments: false, trace: &trace)
        #expect(!story.tree.entries[try story.index(id: "r")].removed)
    }
}

@Suite struct PageProfileTests {
    @Test func discussionPagesAreFoundByTheirJSONLDType() throws {
        let forum = try TreeFixture(#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Winter moorings"}</script></head><body><p>Post</p></body></html>"#)
        let story = try TreeFixture(#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Discussion of the forum"}</script></head><body><p>Story</p></body></html>"#)
        #expect(PageProfile.isDiscussion(jsonLD: MetadataExtractor.scan(forum.document, url: nil).jsonLDScripts))
        #expect(!PageProfile.isDiscussion(jsonLD: MetadataExtractor.scan(story.document, url: nil).jsonLDScripts))
    }

    /// A thread by its own type, in JSON-LD or microdata; a story's FAQ block (`Question`) is a discussion but
    /// not a thread.
    @Test func threadsAreFoundByJSONLDOrMicrodataType() throws {
        let faq = try TreeFixture(#"<html><head><script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"How deep is the harbour?"}]}</script></head><body><p>Story</p></body></html>"#)
        let faqScan = MetadataExtractor.scan(faq.document, url: nil)
        #expect(PageProfile.isDiscussion(jsonLD: faqScan.jsonLDScripts))
        #expect(!PageProfile.isThread(jsonLD: faqScan.jsonLDScripts))
        #expect(!faqScan.threadMicrodata)
        let forum = try TreeFixture(#"<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting"><p itemprop="text">Post</p></div></body></html>"#)
        #expect(MetadataExtractor.scan(forum.document, url: nil).threadMicrodata)
        let qa = try TreeFixture(#"<html itemscope itemtype="https://schema.org/QAPage"><body><p>Question</p></body></html>"#)
        #expect(MetadataExtractor.scan(qa.document, url: nil).threadMicrodata)
        #expect(PageProfile.isThread(itemtype: "http://schema.org/QAPage"))
        #expect(!PageProfile.isThread(itemtype: "https://schema.org/NotQAPage"))
        #expect(!PageProfile.isThread(itemtype: "https://schema.org/Question"))
    }

    @Test func threadsAreFoundByForumEngineURLs() {
        #expect(PageProfile.isThread(url: "https://forum.example.org/threads/winter-moorings.4411/"))
        #expect(PageProfile.isThread(url: "https://example.org/board/viewtopic.php?t=982"))
        #expect(PageProfile.isThread(url: "https://example.org/showthread.php?t=17"))
        #expect(PageProfile.isThread(url: "https://community.example.org/discussion/3120/moorings-for-winter"))
        #expect(PageProfile.isThread(url: "https://example.org/r/sailing/comments/8kq2x/winter_moorings/"))
        #expect(!PageProfile.isThread(url: "https://example.org/news/discussion"))
        // An engine word counts only with the thread's number after it.
        #expect(PageProfile.isThread(url: "https://forum.example.org/t/first-telescope-advice/1555"))
        #expect(PageProfile.isThread(url: "https://example.org/forums/topic/4410-winter-moorings/"))
        #expect(PageProfile.isThread(url: "https://example.org/d/88-winter-moorings"))
        #expect(!PageProfile.isThread(url: "https://example.org/topic/health/"))
        #expect(!PageProfile.isThread(url: "https://example.org/t/discuss"))
        // Front-controller routing puts the path in the query.
        #expect(PageProfile.isThread(url: "https://forum.example.org/index.php?/topic/2018-winter-moorings/&page=2"))
        #expect(!PageProfile.isThread(url: "https://example.org/index.php?topic=news"))
        // The last segment names the page: a story about threads is not a thread.
        #expect(!PageProfile.isThread(url: "https://example.org/news/threads"))
        #expect(!PageProfile.isThread(url: "https://example.org/news/2024/sewing-with-silk-thread"))
        #expect(!PageProfile.isThread(url: nil))
    }

    @Test func replySectionLabelsAreReplyWordsWithACount() {
        for label in ["comments", "12 replies", "antworten (4)", "3 answers", "댓글"] {
            #expect(BlockCleanup.isReplySectionLabel(label), "\(label)")
        }
        for label in ["related threads", "leave a comment below", "", "12"] {
            #expect(!BlockCleanup.isReplySectionLabel(label), "\(label)")
        }
    }

    @Test func countersAreShortSignedNumbers() {
        #expect(BlockCleanup.isCounter("12"))
        #expect(BlockCleanup.isCounter("-3"))
        #expect(BlockCleanup.isCounter("+140"))
        #expect(!BlockCleanup.isCounter("2024"))
        #expect(!BlockCleanup.isCounter("-"))
        #expect(!BlockCleanup.isCounter("12 votes"))
        #expect(!BlockCleanup.isCounter(""))
    }

    @Test func byteSearch() {
        #expect(Array("abcQAPagexyz".utf8).containsBytes(Array("QAPage".utf8)))
        #expect(!Array("QAPag".utf8).containsBytes(Array("QAPage".utf8)))
        #expect(Array("QQAPage".utf8).containsBytes(Array("QAPage".utf8)))
    }
}

@Suite struct ConsentAndForumFormTests {
    /// A short thread under a long cookie preference centre: the centre is more than half the page's text.
    @Test func aLargePreferenceCentreGoesTheThreadStays() throws {
        let centre = String(repeating: "<p>These cookies let us measure visits and improve how the site performs for every visitor.</p>", count: 5)
        var f = try TreeFixture(#"""
            <html><body>
            <div id="thread"><p>Does anyone know what the two headers at the back of the case are for?</p>
            <p>The manual says nothing about them, and support has not answered my ticket yet.</p>
            <p>I heard the rear one is for an external lighting hub, but not the one near the fans.</p></div>
            <div id="onetrust-pc-sdk"><h2>Privacy Preference Center</h2>\#(centre)</div>
            </body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "onetrust-pc-sdk")].removed)
        #expect(!f.tree.entries[try f.index(id: "thread")].removed)
    }

    /// A consent-named node that is nearly the whole page is not removed.
    @Test func aConsentNamedPageWrapperStays() throws {
        var f = try TreeFixture(#"""
            <html><body><div class="consent" id="w">
            <p>The mill reopened this spring after a long restoration by volunteers from the village.</p>
            </div></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "w")].removed)
    }
}

@Suite struct DiscussionFormTests {
    let page = #"""
        <html><body>
        <form id="thread" action="/topic/12/moderate">
        <article><p>Does anyone know what the two headers at the back of the case are for? The manual says nothing.</p></article>
        <article><p>The rear one drives an external lighting hub; the one near the fans is for a pump.</p></article>
        </form>
        <form id="search"><p>Search the forum for older threads about cases and cooling.</p></form>
        <p>Members online: 12. Forum rules apply to every post in this section of the site.</p>
        <p>Be kind to newcomers, search before asking, and keep each thread to one question about one build.</p>
        <p>Moderators may move, merge or lock threads that break these rules, and will tell you why they did.</p>
        </body></html>
        """#

    /// On a discussion page a form wrapping the posts is the thread; other forms stay chrome.
    @Test func aFormHoldingPostsStaysOnDiscussionPages() throws {
        var f = try TreeFixture(page)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: true, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "thread")].removed)
        #expect(f.tree.entries[try f.index(id: "search")].removed)
    }

    /// Elsewhere forms are chrome, whatever they hold.
    @Test func formsAreChromeOnOtherPages() throws {
        var f = try TreeFixture(page)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(f.tree.entries[try f.index(id: "thread")].removed)
    }
}

@Suite struct ControlledPanelTests {
    /// A tab heading's hidden panel is content a click away; a native button's panel and a controlled menu
    /// stay hidden.
    @Test func panelsOpenedByTabHeadingsAreVisible() throws {
        let f = try TreeFixture(#"""
            <html><body><div>
            <h3 role="button" aria-controls="tab-1 tab-9">Audit and assurance</h3>
            <div hidden id="tab-1"><p>Our auditors review every control against the standard you certify to.</p></div>
            <span role="button" aria-controls="tab-2">Penetration testing</span>
            <div id="tab-2" aria-hidden="true"><p>We simulate the attacks your sector sees most often.</p></div>
            <button aria-controls="notes">Article notes</button>
            <div id="notes" style="display: none"><p>Received 18 March; accepted 7 May.</p></div>
            <a role="button" aria-controls="menu" href="#">Menu</a>
            <div id="menu" class="nav-menu" hidden><a href="/1">Home</a></div>
            <div id="stray" hidden><p>Hidden and opened by nothing.</p></div>
            </div></body></html>
            """#)
        #expect(!f.tree.entries[try f.index(id: "tab-1")].hidden)
        #expect(!f.tree.entries[try f.index(id: "tab-2")].hidden)
        #expect(f.tree.entries[try f.index(id: "notes")].hidden)
        #expect(f.tree.entries[try f.index(id: "menu")].hidden)
        #expect(f.tree.entries[try f.index(id: "stray")].hidden)
    }
}

@Suite struct SectionHeaderTests {
    /// A landing page's block headers stay; the masthead and a forum post's attribution header go.
    @Test func headersInsideSectionsAreContent() throws {
        var f = try TreeFixture(#"""
            <html><body>
            <header id="masthead"><a href="/">Harbour Yard</a> <a href="/services">Services</a></header>
            <main>
            <section><header id="block"><h2>Winter lay-up</h2><p>We lift, wash and store your boat until spring.</p></header>
            <p>Every boat is checked weekly by an engineer, and we send photos after storms.</p></section>
            </main>
            <div><article><header id="post">Rabbids · Posted March 19</header>
            <p>Does the yard also take boats with a mast up? Mine is a small sloop from the river.</p></article>
            <article><header>Yard · Replied March 20</header>
            <p>Yes, masts up to twelve metres are fine in the north shed, which has a high roof.</p></article></div>
            </body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "block")].removed)
        #expect(f.tree.entries[try f.index(id: "masthead")].removed)
        #expect(f.tree.entries[try f.index(id: "post")].removed)
    }
}

@Suite struct QAFlairTests {
    /// A Q&A site's reputation and badge line is post metadata; a class that merely contains the word is not.
    @Test func reputationFlairIsMetadata() {
        #expect(CategoryMatcher.categories(ofTokens: "-flair").contains(.byline))
        #expect(CategoryMatcher.categories(ofTokens: "user-flair").contains(.byline))
        #expect(!CategoryMatcher.categories(ofTokens: "flairline").contains(.byline))
    }
}

@Suite struct StatsPanelTests {
    /// A forum member's counters beside each post ("Messages: 3", "Likes Received: 1") are definition lists of
    /// numbers, dropped whatever the forum software calls them; a definition list of words stays.
    @Test func numericDefinitionListsAreCountersWordListsStay() throws {
        let document = try Document(html: #"""
            <html><body><div class="thread">
            <div class="post"><div class="panel"><a href="/m/1">greenhorn</a>
            <dl><dt>Messages:</dt><dd><a href="/s?u=1">3</a></dd></dl><dl><dt>Likes Received:</dt><dd>1</dd></dl>
            <dl><dt>Points:</dt><dd>1,046</dd></dl></div>
            <div class="text"><p>My router hands out addresses over DHCP but the DNS server never gets an A record for them.</p></div></div>
            <div class="post"><div class="panel"><a href="/m/2">oldtimer</a>
            <dl><dt>Messages:</dt><dd>12,480</dd></dl><dl><dt>Likes Received:</dt><dd>977</dd></dl></div>
            <div class="text"><p>Check that dynamic updates are allowed on the zone, and that the DHCP server is set to register them.</p>
            <dl><dt>Zone</dt><dd>the domain the records live in</dd><dt>Lease</dt><dd>how long an address is held</dd></dl>
            </div></div>
            </div></body></html>
            """#)
        let text = Extractor().extract(from: document).article.plainText
        #expect(text.contains("never gets an A record"))
        #expect(text.contains("dynamic updates are allowed"))
        #expect(text.contains("the domain the records live in"))
        #expect(!text.contains("Likes Received"))
        #expect(!text.contains("12,480"))
    }
}

@Suite struct PanelTitleTests {
    /// An accordion trigger titled with a phrase is the panel's title; a short accordion control is not.
    @Test func accordionTitlesStayShortControlsGo() throws {
        var f = try TreeFixture(#"""
            <html><body><div>
            <button class="accordion__button" id="t">How to choose hiking boots</button>
            <div class="accordion__panel"><p>Fit matters more than brand: try boots on in the afternoon, with your own socks.</p></div>
            <button class="accordion__button" id="c">Expand all</button>
            <button class="cart-button" id="b">Add to basket now</button>
            </div></body></html>
            """#)
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&f.tree, keepComments: false, trace: &trace)
        #expect(!f.tree.entries[try f.index(id: "t")].removed)
        #expect(f.tree.entries[try f.index(id: "c")].removed)
        #expect(f.tree.entries[try f.index(id: "b")].removed)
    }
}

@Suite struct PostStampTests {
    @Test("a thread post's name and date are its stamp; member panels and edit notes are not", arguments: [
        ("March 3, 2026, 9:14am", true), ("greenfinch 3 Mar 2026", true), ("Posted 3 March 2026", true),
        ("3. März 2026, 18:36", true), ("Joined: Jan 12, 2021", false), ("Mitglied seit 12. Januar 2021", false),
        ("Last edited: Mar 5, 2026", false), ("Zuletzt bearbeitet: 5. März 2026", false),
        ("Join date Mar 2020 Posts 1,204 Reputation 88", false), ("Messages 196 Reaction score 76", false),
    ])
    func stamps(text: String, isStamp: Bool) {
        #expect(ContentPruning.isPostStamp(text) == isStamp)
    }
}

@Suite struct CallToActionBoxTests {
    @Test("a class or id names a call to action by a token or a part of one", arguments: [
        ("cta", true), ("inline-cta align-center", true), ("cta-box", true), ("blog_cta", true),
        ("BlogStickyCta_cta__x1", true), ("ServiceRequestCta_root", true), ("mini-CTA", true), ("calltoaction", true),
        ("octave", false), ("actas", false), ("dictate", false), ("call-to-actions", false), ("", false),
    ])
    func namesACallToAction(value: String, names: Bool) {
        #expect(ContentPruning.namesCallToAction(value) == names)
    }

    static let paragraph = "<p>The ferry timetable changes next month, and the port says the evening crossing will run every weekday.</p>"

    @Test func aSmallLinkedBoxBetweenTheStorysParagraphsGoes() throws {
        let f = try TreeFixture("""
            <body><div id="story">\(Self.paragraph)
            <div id="offer" class="inline-cta"><h4>Plan your trip</h4><p>Try our route planner free.</p><a href="/plan">Start</a></div>
            \(Self.paragraph)<div id="plain" class="inline-cta"><p>No link in this box.</p></div>\(Self.paragraph)</div></body>
            """)
        let story = try f.index(id: "story")
        let total = Int(f.tree.entries[story].chars)
        #expect(ContentPruning.callToActionBoxes(f.tree, roots: [story], total: total) == [try f.index(id: "offer")])
    }

    @Test func aLandingPagesBandOrManyBoxesStay() throws {
        // A band among other sections, with no paragraph beside it, is the page's own copy.
        let band = try TreeFixture("""
            <body><div id="page"><section>\(Self.paragraph)\(Self.paragraph)</section>
            <section><div class="cta"><h2>How can we help?</h2><a href="/contact">Contact us</a></div></section></div></body>
            """)
        let page = try band.index(id: "page")
        #expect(ContentPruning.callToActionBoxes(band.tree, roots: [page], total: Int(band.tree.entries[page].chars)).isEmpty)
        // More than `callToActionBoxesMax` boxes are the story's own cards (a roundup's buttons).
        let box = "<div class=\"product-cta\"><p>Kettle, $40</p><a href=\"/buy\">Check price</a></div>"
        let cards = try TreeFixture("<body><div id=\"story\">\(Self.paragraph)\(String(repeating: box + Self.paragraph, count: 4))</div></body>")
        let story = try cards.index(id: "story")
        #expect(ContentPruning.callToActionBoxes(cards.tree, roots: [story], total: Int(cards.tree.entries[story].chars)).isEmpty)
    }
}
