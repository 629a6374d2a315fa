import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// Loads a hand-written page from Fixtures/pagetypes.
private func pageTypeFixture(_ name: String) throws -> Document {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/pagetypes"))
    let html = try Data(contentsOf: url)
    return try Document(html: [UInt8](html), url: "https://shop.example.org/products/\(name)")
}

@Suite struct PageKindTests {
    /// The page kind as the extractor reads it: from one metadata scan of the page.
    static func kind(_ f: TreeFixture, url: String?) -> PageKind {
        let scan = MetadataExtractor.scan(f.document, url: url)
        return PageKind.read(url: url, jsonLD: scan.jsonLD.roots, openGraphTypes: scan.openGraphType.map { [$0] } ?? [])
    }

    @Test func urlSegmentsNameProductsAndCollections() throws {
        let f = try TreeFixture("<html><body><p>Text</p></body></html>")
        let product = Self.kind(f, url: "https://shop.example.org/collections/lights/products/lantern")
        #expect(product.product && product.collection)
        #expect(!product.isCollection)
        let collection = Self.kind(f, url: "https://shop.example.org/collections/lights")
        #expect(collection.isCollection && !collection.product)
        // The page's own (last) segment never counts: a page named "shop" is not under a shop.
        let plain = Self.kind(f, url: "https://example.org/news/shop")
        #expect(!plain.product && !plain.collection)
        #expect(Self.kind(f, url: nil) == PageKind())
    }

    @Test func jsonLDProductGivesItsDescription() throws {
        let f = try TreeFixture(#"""
            <html><head><script type="application/ld+json">{"@type": "Product", "name": "Kettle",
            "description": "A quiet kettle that boils a litre in three minutes."}</script></head><body><p>x</p></body></html>
            """#)
        let kind = Self.kind(f, url: "https://example.org/kettle")
        #expect(kind.product && !kind.collection && !kind.article)
        #expect(kind.productDescription == "A quiet kettle that boils a litre in three minutes.")
    }

    @Test func productsInsideAListAreTilesNotThePage() throws {
        let f = try TreeFixture(#"""
            <html><head><script type="application/ld+json">{"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "item": {"@type": "Product", "name": "Kettle", "description": "A kettle."}},
            {"@type": "ListItem", "item": {"@type": "Product", "name": "Toaster", "description": "A toaster."}}]}
            </script></head><body><p>x</p></body></html>
            """#)
        let kind = Self.kind(f, url: "https://example.org/kitchen")
        #expect(kind.collection && kind.isCollection)
        #expect(!kind.product)
        #expect(kind.productDescription == nil)
    }

    @Test func singleProductNeedsExactlyOneJSONLDProduct() throws {
        func kind(_ products: Int, url: String = "https://example.org/kettle") throws -> PageKind {
            let items = (0..<products).map { #"{"@type": "Product", "name": "Kettle \#($0)"}"# }.joined(separator: ",")
            let f = try TreeFixture(#"<html><head><script type="application/ld+json">[\#(items)]</script></head><body><p>x</p></body></html>"#)
            return Self.kind(f, url: url)
        }
        #expect(try kind(1).isSingleProduct)
        // A shop's category page listing its products at the top level is not one product's page.
        #expect(try !kind(3).isSingleProduct)
        // A product URL alone does not make one: shops put category pages under `/products/` too.
        #expect(try !kind(0, url: "https://example.org/products/monitor-arms/all").isSingleProduct)
    }

    @Test func productNamingThePageMakesASingleProductAmongOthers() throws {
        func kind(ownURL: String, url: String = "https://www.example.org/kettles/copper-blue?ref=home") throws -> PageKind {
            let json = #"""
                [{"@type": "Product", "name": "Copper kettle", "url": "\#(ownURL)"},
                 {"@type": "Product", "name": "Copper kettle", "offers": {"@type": "Offer", "url": "\#(ownURL)"}},
                 {"@type": "Product", "name": "Tea caddy", "url": "https://example.org/caddies/tin"}]
                """#
            let f = try TreeFixture(#"<html><head><script type="application/ld+json">\#(json)</script></head><body><p>x</p></body></html>"#)
            return Self.kind(f, url: url)
        }
        // The page's own product (variants repeat it) beside one it recommends: one product's page.
        #expect(try kind(ownURL: "https://example.org/kettles/copper-blue/").isSingleProduct)
        #expect(try kind(ownURL: "/kettles/copper-blue").ownProducts == 2)
        // No product names the page: a shop page listing several products.
        #expect(try !kind(ownURL: "https://example.org/kettles/copper-green").isSingleProduct)
    }

    @Test func ogTypeDeclaresAProductAURLPathDoesNot() throws {
        let declared = try TreeFixture(#"""
            <html><head><meta property="og:type" content="product"></head><body><p>x</p></body></html>
            """#)
        let kind = Self.kind(declared, url: "https://example.org/garden/watering-can")
        #expect(kind.product && kind.declaredProduct && !kind.isSingleProduct)
        // A category page under a products path is a product by URL only.
        let plain = try TreeFixture("<html><body><p>x</p></body></html>")
        let category = Self.kind(plain, url: "https://example.org/products/watering-cans")
        #expect(category.product && !category.declaredProduct)
    }

    @Test func articleSignalsWin() throws {
        let f = try TreeFixture(#"""
            <html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>
            """#)
        let kind = Self.kind(f, url: "https://example.org/tag/gardening/how-to-prune")
        #expect(kind.article && kind.collection)
        #expect(!kind.isShop && !kind.isCollection)
    }

    @Test func brokenJSONLDIsIgnored() throws {
        let f = try TreeFixture(#"""
            <html><head><script type="application/ld+json">{"@type": "Product", "description": </script></head>
            <body><p>x</p></body></html>
            """#)
        #expect(Self.kind(f, url: nil).productDescription == nil)
    }

    @Test func aStorysArticleBodyIsReadUnlessItIsPaywalled() throws {
        let free = try TreeFixture(#"""
            <html><head><script type="application/ld+json">[{"@type": "NewsArticle", "articleBody": " Short. "},
            {"@type": "BlogPosting", "articleBody": "The longer body of the story."},
            {"@type": "ItemList", "itemListElement": [{"@type": "Article", "articleBody": "A listed story's much longer body text."}]}]
            </script></head><body><p>x</p></body></html>
            """#)
        #expect(Self.kind(free, url: nil).articleBody == "The longer body of the story.")
        for flag in ["false", #""False""#] {
            let paywalled = try TreeFixture("""
                <html><head><script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": \(flag),
                "articleBody": "Text for search engines."}</script></head><body><p>x</p></body></html>
                """)
            let kind = Self.kind(paywalled, url: nil)
            #expect(kind.articleBody == nil && kind.paywalled)
        }
    }
}

/// `Extractor.decide`'s JSON-LD `articleBody` fallback: a story a script builds.
@Suite struct ArticleBodyFallbackTests {
    static let body = (1...4).map { "Paragraph \($0) of the story, long enough to read as a sentence of real prose about the harbour." }
        .joined(separator: #"\n\n"#)

    private func text(_ html: String) throws -> String {
        let document = try Document(html: html, url: "https://example.org/story")
        return Block.plainText(of: Extractor().extract(from: document).article.blocks, separator: "\n")
    }

    @Test func theBodyIsTheStoryOnlyWhenThePageHoldsNone() throws {
        let json = #"<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": ""# + Self.body + #""}</script>"#
        let found = try text("<html><head>\(json)</head><body><div id=root></div></body></html>")
        #expect(found.contains("Paragraph 1 of the story") && found.contains("Paragraph 4 of the story"))
        #expect(found.components(separatedBy: "\n").count == 4)
        // A page that shows its story keeps its own text.
        let prose = String(repeating: "The page's own paragraph about the ferry timetable and the late boat. ", count: 6)
        let shown = try text("<html><head>\(json)</head><body><article><p>\(prose)</p></article></body></html>")
        #expect(shown.contains("late boat") && !shown.contains("Paragraph 1 of the story"))
        // A paywalled story's body is not read.
        let paywalled = json.replacingOccurrences(of: #""articleBody""#, with: #""isAccessibleForFree": false, "articleBody""#)
        #expect(try text("<html><head>\(paywalled)</head><body><div id=root></div></body></html>").isEmpty)
    }
}

@Suite struct ProductDescriptionTests {
    @Test func encodedTextIsNotProse() {
        #expect(!DeclaredText.isProse(String(repeating: "An%20elegant%20sofa%20", count: 30)))
        #expect(DeclaredText.isProse("An elegant sofa with a curved frame and deep cushions."))
    }

    @Test func htmlDescriptionKeepsParagraphsAndLists() throws {
        let text = "<p>" + String(repeating: "A sturdy frame built from oak. ", count: 8) + "</p><ul><li>Seats three</li><li>Washable covers</li></ul>"
        let blocks = try #require(DeclaredText.region(text, url: nil, heuristic: "pagetype:product-description")).render(url: nil, titles: [], cleanup: false, explain: false).blocks
        #expect(blocks.count == 2)
        guard case .list(let ordered, let items) = blocks[1] else {
            Issue.record("expected a list, got \(blocks[1])")
            return
        }
        #expect(!ordered && items.count == 2)
    }

    @Test func plainDescriptionSplitsAtLineBreaksAndEscapes() throws {
        let line = String(repeating: "Soft cotton & linen blend <breathes> well. ", count: 5)
        let blocks = try #require(DeclaredText.region(line + "\n" + line, url: nil, heuristic: "pagetype:product-description")).render(url: nil, titles: [], cleanup: false, explain: false).blocks
        #expect(blocks.count == 2)
        #expect(blocks[0].plainText.contains("cotton & linen blend <breathes>"))
    }

    @Test func shortDescriptionsAreRejected() {
        #expect(DeclaredText.region("A kettle.", url: nil, heuristic: "pagetype:product-description") == nil)
    }

    @Test func muchLongerDOMResultIsKept() throws {
        let description = String(repeating: "A sturdy frame built from oak. ", count: 12)
        let long = [Block.paragraph([.text(String(repeating: "Specification line with details. ", count: 60))])]
        #expect(ProductDescription.preferred(over: long, description: description, url: nil) == nil)
        let short = [Block.paragraph([.text("Five stars, would buy again.")])]
        #expect(ProductDescription.preferred(over: short, description: description, url: nil) != nil)
    }

    @Test func productPageGivesDescriptionNotReviewsOrRelatedProducts() throws {
        let document = try pageTypeFixture("product-jsonld")
        let text = Extractor().extract(from: document).article.plainText
        #expect(text.contains("throws a warm, even light across a whole campsite"))
        #expect(text.contains("Charges over USB-C in about four hours"))
        #expect(!text.contains("canoe trip"))
        #expect(!text.contains("Ridge Headlamp"))
    }

    @Test func precisionModeLeavesTheDOMResult() throws {
        let document = try pageTypeFixture("product-jsonld")
        let text = Extractor(options: .init(mode: .precision)).extract(from: document).article.plainText
        #expect(!text.contains("Charges over USB-C in about four hours"))
    }
}

@Suite struct HeadedFeedTests {
    @Test func listingPageGivesEveryCard() throws {
        let document = try pageTypeFixture("listing-feed")
        let text = Extractor().extract(from: document).article.plainText
        for heading in ["Winter squash soup", "sourdough starters go quiet", "Five pantry sauces", "Sharpening a chef",
                        "Pickling the last", "A slow braise"] {
            #expect(text.contains(heading), "missing card \(heading)")
        }
        #expect(text.contains("keeps for a week in the fridge"))
        #expect(!text.contains("All rights reserved"))
    }

    @Test func headedFeedNeedsHeadingsOnEveryCard() throws {
        let cards = (0..<6).map { k in
            "<div class=\"c\">" + (k == 3 ? "" : "<h3>Card headline number \(k)</h3>")
                + "<p>A summary sentence that is long enough to count as teaser text for card \(k).</p></div>"
        }.joined()
        let f = try TreeFixture("<html><body><section>\(cards)</section></body></html>")
        #expect(CardCollection.cards(f.tree).count == 6)
        #expect(CardCollection.headedFeed(f.tree, url: nil) == nil)
        let headed = try TreeFixture("<html><body><section>\(cards.replacingOccurrences(of: "<div class=\"c\"><p>", with: "<div class=\"c\"><h3>Card headline number 3</h3><p>"))</section></body></html>")
        #expect(CardCollection.headedFeed(headed.tree, url: nil)?.isEmpty == false)
    }

    @Test func priceTilesAreNotATeaserFeed() throws {
        let document = try pageTypeFixture("price-tiles")
        let root = try #require(document.root)
        var tree = PageTree(root: root)
        tree.aggregate()
        #expect(CardCollection.cards(tree).count == 6)
        #expect(CardCollection.headedFeed(tree, url: nil) == nil)
    }

    @Test func pricesAreCurrencyNextToDigits() {
        #expect(CardCollection.hasPrice("Now $19.99"))
        #expect(CardCollection.hasPrice("19,99 €"))
        #expect(!CardCollection.hasPrice("Save money on your next trip"))
        #expect(!CardCollection.hasPrice("US$ prices vary"))
    }

    @Test func markedStoryIsNotReplacedByTheFeedBesideIt() throws {
        let document = try pageTypeFixture("story-beside-feed")
        let text = Extractor().extract(from: document).article.plainText
        #expect(text.contains("reopened its old fish market"))
        #expect(!text.contains("Winter squash soup"))
    }
}

@Suite struct LabelShellTests {
    private func para(_ text: String) -> Block { .paragraph([.text(text)]) }

    @Test func footerColumnsOnALargePageAreAShell() {
        let blocks = [
            para("Need help?"),
            .list(ordered: false, items: [[para("Order status")], [para("Returns and exchanges")], [para("Contact us")]]),
            para("More info"),
        ]
        #expect(ShellCheck.isLabelShell(blocks, pageChars: 5_000))
        // The same labels are the whole of a tiny page: not a shell.
        #expect(!ShellCheck.isLabelShell(blocks, pageChars: 150))
    }

    @Test func aSentenceOrManyWordsAreContent() {
        let sentence = [para("Menu"), para("Our shop opens again on Monday after the floors have been refinished by the team.")]
        #expect(!ShellCheck.isLabelShell(sentence, pageChars: 50_000))
        let many = (0..<14).map { para("Category label \($0) here") }
        #expect(!ShellCheck.isLabelShell(many, pageChars: 50_000))
        #expect(!ShellCheck.isLabelShell([], pageChars: 50_000))
    }

    @Test func listsOfNamesAreLabelsNotSentences() {
        #expect(ShellCheck.isLabelList("Home Garden, Kitchen, Lighting and Lamps, Bath, Outdoor Living, Gift Cards"))
        #expect(ShellCheck.isLabelList("Blog | Video | Help Centre | Careers"))
        #expect(!ShellCheck.isLabelList("We ship, as a rule, within two days of your order arriving at our warehouse."))
        #expect(!ShellCheck.isLabelList("Red, green, blue"))
        let names = [para("Our companies"), para("Ridge Outfitters, Pine Supply, Harbour Foods, Lantern Works, Field Press, North Mill")]
        #expect(ShellCheck.isLabelShell(names, pageChars: 5_000))
    }

    @Test func extractorGivesNothingForALabelsOnlyPage() throws {
        // The hidden menu (removed) makes the page several times the labels' text, but not ten times.
        let html = """
            <html><body>
            <div class="menu" hidden><div>Kitchen and dining</div><div>Garden and outdoor living</div>
            <div>Lighting for every room</div><div>Bedding and bath textiles</div>
            <div>Storage and organisation</div><div>Gifts for the home</div></div>
            <div id="root"></div>
            <div class="links"><div>Order status</div><div>Returns and exchanges</div><div>Contact us</div><div>Gift cards</div></div>
            </body></html>
            """
        let document = try Document(html: html, url: "https://shop.example.org/deals")
        let precision = Extractor(options: .init(mode: .precision)).extract(from: document).article
        #expect(Block.plainText(of: precision.blocks, separator: "\n").contains("Returns and exchanges"))
        #expect(Extractor().extract(from: document).article.blocks.isEmpty)
    }
}

@Suite struct ProductGridTests {
    private func gridPage() throws -> Document {
        let url = try #require(Bundle.module.url(forResource: "product-grid", withExtension: "html", subdirectory: "Fixtures/pagetypes"))
        return try Document(html: [UInt8](try Data(contentsOf: url)), url: "https://shop.example.org/collections/camp-kitchen")
    }

    @Test func pricesAreShortNodesWithACurrencyAndADigit() throws {
        func marks(_ text: String) -> UInt8 {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer(ProductGrid.priceMarks)
        }
        #expect(marks("$49.00") == 3)
        #expect(marks("49,90 €") == 3)
        #expect(marks("12.99 USD") == 3)
        #expect(marks("£5") == 3)
        #expect(marks("12 colours") == 2)
        #expect(marks("Free shipping") == 0)
        // "$" and "49" in sibling spans make one price, counted once for the tile.
        let f = try TreeFixture(#"""
            <html><body><div id="grid">
            <div><a href="/a">Kettle</a><p><span>$</span><span>49</span></p></div>
            <div><a href="/b">Toaster</a><p><span>$</span><span>39</span></p></div>
            </div></body></html>
            """#)
        let prices = ProductGrid.priceCounts(f.tree)
        #expect(prices[try f.index(id: "grid")] == 2)
    }

    @Test func gridIsTheParentWithMostPricedTilesAndShowsHiddenPrices() throws {
        let document = try gridPage()
        let root = try #require(document.root)
        var tree = PageTree(root: root)
        tree.aggregate()
        var trace = Trace(enabled: false)
        ChaffRemoval.run(&tree, keepComments: false, extraChaff: [], trace: &trace)
        #expect(ProductGrid.tiles(tree).count == 8)
        let grid = try #require(ProductGrid.region(tree)).render(url: nil, titles: [], cleanup: false, explain: false)
        let text = Block.plainText(of: grid.blocks, separator: "\n")
        // The plate's price is aria-hidden while a script formats it: still the tile's price.
        #expect(text.contains("Enamel camping plate") && text.contains("$12.00"))
        #expect(text.contains("€18,90") && text.contains("$9.99 USD"))
        #expect(!text.contains("Camp kitchen"))
    }

    @Test func collectionPageGetsItsTilesAfterTheIntro() throws {
        let text = Extractor().extract(from: try gridPage()).article.plainText
        #expect(text.contains("Everything for cooking outdoors"))
        for name in ["Brass storm lantern, 30 cm", "Enamel camping mug", "Wool picnic blanket", "Canvas log carrier"] {
            #expect(text.contains(name))
        }
        #expect(text.contains("$34.00"))
        #expect(!text.contains("Quick view"))
        #expect(!text.contains("Free returns"))
        // Precision mode takes no page-type guesses.
        let precise = Extractor(options: .init(mode: .precision)).extract(from: try gridPage()).article.plainText
        #expect(!precise.contains("Canvas log carrier"))
    }

    @Test func relatedProductsUnderAProductAreNotItsContent() throws {
        var tiles = ""
        for k in 0..<6 {
            tiles += #"<div class="card"><a href="/p/\#(k)"><div>Trail bottle model \#(k)</div><div>$\#(10 + k).00</div></a></div>"#
        }
        let html = #"""
            <html><head><meta property="og:type" content="product"><title>Steel bottle</title></head><body><main>
            <h1>Steel bottle</h1><div class="description"><p>A double-walled steel bottle that keeps water cold for a day.</p></div>
            <section class="related"><h2>You may also like</h2><div class="row">\#(tiles)</div></section>
            </main></body></html>
            """#
        let text = Extractor().extract(from: try Document(html: html, url: "https://shop.example.org/bottle")).article.plainText
        #expect(text.contains("keeps water cold"))
        #expect(!text.contains("Trail bottle model 3"))
    }
}
