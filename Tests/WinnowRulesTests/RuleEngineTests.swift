import Foundation
import Testing
import WinnowDOM
@testable import WinnowRules

/// A small news page written for these tests.
let storyPage = """
<html><head><title>Site | The Story</title>
<meta property="og:title" content="The Story (og)">
<meta name="author" content="Meta Author">
<link rel="next" href="/story/1?page=2">
</head><body>
<header class="site-header"><h1 class="headline">The Story</h1>
<span class="byline"><a rel="author">Ana Lima</a> and <a rel="author">Bo Chen</a></span>
<time datetime="2026-03-01T10:00:00Z">1 March</time></header>
<article id="main">
<p>First paragraph of the story.</p>
<div class="share-bar">Share on everything</div>
<p>Second <b>paragraph</b>. <img src="https://ads.doubleclick.net/x.gif"> <img data-src="/img/photo.jpg" src="/img/blank.gif" width="10"></p>
<aside class="related-articles">Related: other stories</aside>
<p class="pullquote">A quoted line.</p>
<!-- tracking comment -->
<span class="wrapper">kept text</span>
</article>
<div class="comments" id="comments">Comment one</div>
<a class="print" href="print/1">Print</a>
</body></html>
"""

@Suite struct RuleEngineTests {
    @Test func titleAlternativesAreTriedInOrder() throws {
        let result = try extract("title: //h2[@class='none']\ntitle: //meta[@property='og:title']/@content\ntitle: //h1", storyPage)
        #expect(result.title == "The Story (og)")
        #expect(report(result, line: 1)?.matches == 0)
        #expect(report(result, line: 2)?.used == true)
        #expect(report(result, line: 3)?.matches == 1)
        #expect(report(result, line: 3)?.used == false)
    }

    @Test func titleFromStringExpression() throws {
        let result = try extract("title: substring-after(//title, '| ')", storyPage)
        #expect(result.title == "The Story")
    }

    @Test func authorsCollectAllMatchesOfTheFirstMatchingLine() throws {
        let result = try extract("author: //a[@rel='author']\nauthor: //meta[@name='author']/@content", storyPage)
        #expect(result.authors == ["Ana Lima", "Bo Chen"])
        #expect(report(result, line: 1)?.matches == 2)
    }

    @Test func dateAndMetadataReadBeforeStrips() throws {
        let result = try extract("date: //time/@datetime\nauthor: //span[@class='byline']/a\nstrip: //header", storyPage)
        #expect(result.date == "2026-03-01T10:00:00Z")
        #expect(result.authors.count == 2)
        #expect(report(result, line: 3)?.matches == 1)
        #expect(try result.document.select(xpath: "//header").isEmpty)
    }

    @Test func bodyUsesFirstMatchingLineAndJoinsItsMatches() throws {
        let result = try extract("body: //section\nbody: //article//p\nbody: //article", storyPage)
        #expect(report(result, line: 1)?.matches == 0)
        #expect(report(result, line: 2)?.used == true)
        #expect(report(result, line: 2)?.matches == 3)
        #expect(report(result, line: 3)?.used == false)
        #expect(result.body.count == 3)
        #expect(result.bodyText.hasPrefix("First paragraph of the story."))
        #expect(result.bodyText.contains("A quoted line."))
        #expect(!result.needsAutodetection)
    }

    @Test func nestedBodyMatchesKeepOnlyTheOutermost() throws {
        let result = try extract("body: //article | //article/p", storyPage)
        #expect(result.body.count == 1)
        #expect(result.body.first?.name == "article")
    }

    @Test func noBodyMatchAsksForAutodetectionUnlessDisabled() throws {
        #expect(try extract("body: //section", storyPage).needsAutodetection)
        #expect(try !extract("body: //section\nautodetect_on_failure: no", storyPage).needsAutodetection)
        // Without any line for a field, detection runs whatever the setting says (FTR does the same).
        let noLines = try extract("autodetect_on_failure: no\ntitle: //h1", storyPage)
        #expect(noLines.needsAutodetection(of: .body))
        #expect(noLines.needsAutodetection(of: .author))
        #expect(!noLines.needsAutodetection(of: .title))
        let failing = try extract("autodetect_on_failure: no\ndate: //span[@class='none']", storyPage)
        #expect(!failing.needsAutodetection(of: .date))
    }

    @Test func stripRemovesMatchesAndPreviewsThem() throws {
        let result = try extract("body: //article\nstrip: //aside\nstrip: //nav", storyPage)
        #expect(!result.bodyText.contains("Related"))
        #expect(report(result, line: 2)?.matches == 1)
        #expect(report(result, line: 2)?.previews == ["<aside.related-articles> Related: other stories"])
        #expect(report(result, line: 3)?.matches == 0)
        #expect(result.unmatchedLines.map(\.directive.location.line) == [3])
        #expect(report(result, line: 3)?.description == "sites/example.com.txt:3  strip: //nav  → NO MATCH")
        #expect(report(result, line: 2)?.description
            == "sites/example.com.txt:2  strip: //aside  → 1 match: <aside.related-articles> Related: other stories")
    }

    @Test func stripNestedMatchesIsSafe() throws {
        let result = try extract("body: //body\nstrip: //article | //article/p | //article//b", storyPage)
        #expect(report(result, line: 2)?.matches == 5)
        #expect(report(result, line: 2)?.previews.count == 1)
        #expect(!result.bodyText.contains("First paragraph"))
    }

    @Test func hostileSelectorsDoNotCrash() throws {
        for rule in ["strip: /", "strip: //node()", "strip: //@*", "dissolve: //*", "strip: /html/..",
                     "wrap_in(div): //*", "strip_attr: /", "body: /\nstrip: //text()"] {
            let result = try extract(rule, storyPage)
            #expect(result.lines.count == rule.split(separator: "\n").count)
        }
        let attributes = try extract("body: //article\nstrip: //@*", storyPage)
        #expect(!attributes.bodyHTML.contains("class="))
        #expect(attributes.bodyText.contains("First paragraph"))
    }

    @Test func textMatchesAreNotWrapped() throws {
        let result = try extract("wrap_in(em): //p[@class='pullquote']/text()", storyPage)
        #expect(report(result, line: 1)?.matches == 0)
        #expect(report(result, line: 1)?.note != nil)
    }

    @Test func stripIDOrClassMatchesSubstringsOfIDOrClass() throws {
        let result = try extract("body: //body\nstrip_id_or_class: share\nstrip_id_or_class: comment\nstrip_id_or_class: nothing-here", storyPage)
        #expect(!result.bodyText.contains("Share on everything"))
        #expect(!result.bodyText.contains("Comment one"))
        #expect(report(result, line: 2)?.matches == 1)
        #expect(report(result, line: 3)?.matches == 1)
        #expect(report(result, line: 4)?.matches == 0)
    }

    @Test func stripIDOrClassWithApostrophe() throws {
        let page = "<html><body><div class=\"it's\">x</div><p>y</p></body></html>"
        // The parser removes quotes from the value, as FTR does, so the rule looks for "its".
        let result = try extract("body: //body\nstrip_id_or_class: it's", page)
        #expect(report(result, line: 2)?.matches == 0)
        #expect(PageFollowerTests.literalRoundTrips("it's \"x\""))
    }

    @Test func stripImageSrcRemovesImagesBySubstring() throws {
        let result = try extract("body: //article\nstrip_image_src: doubleclick.net", storyPage)
        #expect(report(result, line: 2)?.matches == 1)
        #expect(!result.bodyHTML.contains("doubleclick"))
        #expect(result.bodyHTML.contains("/img/blank.gif"))
    }

    @Test func stripAttrRemovesAttributesOnly() throws {
        let result = try extract("body: //article\nstrip_attr: //img/@width\nstrip_attr: //p", storyPage)
        #expect(report(result, line: 2)?.matches == 1)
        #expect(!result.bodyHTML.contains("width="))
        #expect(result.bodyHTML.contains("<img"))
        #expect(report(result, line: 3)?.matches == 0)
        #expect(report(result, line: 3)?.note?.contains("not attributes") == true)
    }

    @Test func postStripAttrOnlyTouchesTheBody() throws {
        let result = try extract("body: //article\npost_strip_attr: //*/@class", storyPage)
        #expect(!result.bodyHTML.contains("class="))
        #expect(try result.document.select(xpath: "//div[@class='comments']").count == 1)
    }

    @Test func dissolveKeepsContentDropsWrapper() throws {
        let result = try extract("body: //article\ndissolve: //span[@class='wrapper']", storyPage)
        #expect(report(result, line: 2)?.matches == 1)
        #expect(result.bodyText.contains("kept text"))
        #expect(!result.bodyHTML.contains("wrapper"))
    }

    @Test func wrapInWrapsEachMatch() throws {
        let result = try extract("body: //article\nwrap_in(blockquote): //p[@class='pullquote']", storyPage)
        #expect(report(result, line: 2)?.matches == 1)
        let quotes = try result.document.select(xpath: "//blockquote/p[@class='pullquote']")
        #expect(quotes.count == 1)
        #expect(try result.document.select(xpath: "//*[@data-winnow-wrap]").isEmpty)
        #expect(result.bodyHTML.contains("<blockquote><p class=\"pullquote\">A quoted line.</p></blockquote>"))
    }

    @Test func wrapInHandlesNestedMatches() throws {
        let page = "<html><body><div class='a'><div class='a'>inner</div></div></body></html>"
        let result = try extract("body: //body\nwrap_in(section): //div[@class='a']", page)
        #expect(report(result, line: 2)?.matches == 2)
        #expect(try result.document.select(xpath: "//section/div/section/div").count == 1)
    }

    @Test func lazyLoadAttributeBecomesSrc() throws {
        let result = try extract("body: //article\nsrc_lazy_load_attr: data-src", storyPage)
        #expect(report(result, line: 2)?.matches == 1)
        #expect(result.bodyHTML.contains("src=\"/img/photo.jpg\""))
    }

    @Test func stripCommentsWhenAsked() throws {
        #expect(try extract("body: //article", storyPage).bodyHTML.contains("tracking comment"))
        let result = try extract("body: //article\nstrip_comments: yes", storyPage)
        #expect(!result.bodyHTML.contains("tracking comment"))
        #expect(report(result, line: 2)?.matches == 1)
    }

    @Test func findReplaceRunsOnRawHTMLBeforeParsing() throws {
        let page = "<html><body><article><amp-img src='a.jpg'></amp-img><p>x</p></article></body></html>"
        let result = try extract("""
        body: //article
        find_string: <amp-img
        replace_string: <img
        find_string: </amp-img>
        replace_string:
        replace_string(never-there): y
        """, page)
        #expect(try result.document.select(xpath: "//article/img[@src='a.jpg']").count == 1)
        #expect(report(result, line: 3)?.matches == 1)
        #expect(report(result, line: 5)?.matches == 1)
        #expect(report(result, line: 6)?.matches == 0)
    }

    @Test func convertDoubleBrTags() throws {
        let page = "<html><body><div id='t'><p>one<br><br>two<br /> <br/>three</p></div></body></html>"
        let result = try extract("body: //div[@id='t']\nconvert_double_br_tags: yes", page)
        #expect(try result.document.select(xpath: "//div[@id='t']/p").count == 3)
        #expect(report(result, line: 2)?.matches == 2)
    }

    @Test func linksAreResolvedAgainstThePageURL() throws {
        let result = try extract("single_page_link: //a[@class='print']\nnext_page_link: //link[@rel='next']/@href", storyPage)
        #expect(result.singlePageURL == "https://example.com/story/print/1")
        #expect(result.nextPageURL == "https://example.com/story/1?page=2")
        #expect(report(result, line: 1)?.used == true)
    }

    @Test func linkFromStringExpression() throws {
        let result = try extract("single_page_link: concat(//a[@class='print']/@href, '?all=1')", storyPage)
        #expect(result.singlePageURL == "https://example.com/story/print/1?all=1")
    }

    @Test func ifPageContainsGuardsItsLinkRule() throws {
        let result = try extract("""
        single_page_link: //a[@class='print']
        if_page_contains: //div[@class='pager']
        single_page_link: //link[@rel='next']
        next_page_link: //link[@rel='next']
        if_page_contains: //article
        """, storyPage)
        #expect(report(result, line: 1)?.matches == 0)
        #expect(report(result, line: 1)?.note?.contains("if_page_contains") == true)
        #expect(result.singlePageURL == "https://example.com/story/1?page=2")
        #expect(result.nextPageURL == "https://example.com/story/1?page=2")
    }

    @Test func nonHTTPLinksAreRejected() throws {
        let page = "<html><body><a class='x' href='javascript:void(0)'>x</a></body></html>"
        let result = try extract("next_page_link: //a[@class='x']", page)
        #expect(result.nextPageURL == nil)
        #expect(report(result, line: 1)?.note?.contains("not an http(s) URL") == true)
    }

    @Test func nativeAdClueFlagsThePage() throws {
        #expect(try extract("native_ad_clue: //meta[@name='author']", storyPage).isNativeAd)
        #expect(try !extract("native_ad_clue: //meta[@name='sponsored']", storyPage).isNativeAd)
    }

    @Test func settingsAreExposedAndLinesWithoutMatchingAreNotCounted() throws {
        let result = try extract("body: //article\nprune: no\ntidy: no\nhttp_header(referer): https://example.com/", storyPage)
        #expect(!result.prune)
        #expect(report(result, line: 2)?.matches == nil)
        #expect(result.rules.httpHeaders["referer"] == "https://example.com/")
    }

    @Test func bytesAreDecodedWithTheirCharset() throws {
        // The bytes entry point hands decoding to WinnowDOM's Charset (legacy charsets are tested there).
        let bytes = Array("<html><body><h1>Café</h1></body></html>".utf8)
        let result = try RuleEngine(rules: ruleSet("title: //h1")).apply(html: bytes, url: nil,
                                                                        contentType: "text/html; charset=utf-8")
        #expect(result.title == "Café")
    }

    @Test func fixtureTestsRunAgainstTheSavedPage() throws {
        let folders = try RuleFolders(["sites": [
            "example.com.txt": """
            body: //article
            strip: //aside
            test_url: https://example.com/story/1
            test_fixture: fixtures/story.html
            test_contains: First paragraph   of the story.
            test_not_contains: Related
            test_url: https://example.com/story/2
            test_fixture: fixtures/story.html
            test_contains: Comment one
            """,
        ]])
        let fixtures = (folders.path("sites") as NSString).appendingPathComponent("fixtures")
        try FileManager.default.createDirectory(atPath: fixtures, withIntermediateDirectories: true)
        try storyPage.write(toFile: (fixtures as NSString).appendingPathComponent("story.html"), atomically: true, encoding: .utf8)
        let library = RuleLoader(folders: [RuleFolder(path: folders.path("sites"), role: .bundled)]).load()
        #expect(library.diagnostics.isEmpty)
        let rules = try #require(RuleMatcher(library: library).ruleSet(forHost: "example.com"))
        let outcomes = try rules.tests.map { test in
            let path = try #require(test.fixturePath)
            let page = try #require(FileManager.default.contents(atPath: path))
            let result = try RuleEngine(rules: rules).apply(html: [UInt8](page), url: test.url)
            return test.check(extractedText: [result.title ?? "", result.bodyText].joined(separator: "\n"))
        }
        #expect(outcomes.map(\.passed) == [true, false])
        #expect(outcomes[1].failures.first?.expectation.location.line == 9)
    }
}

/// CSS selectors end to end, through WinnowDOM's CSS-to-XPath translator.
@Suite struct CSSRuleTests {
    @Test func cssSelectorsWorkWhereXPathDoes() throws {
        let result = try extract("body: css: article#main\nstrip: css: .share-bar, aside.related-articles\ntitle: css: header h1",
                                 storyPage)
        #expect(report(result, line: 2)?.matches == 2)
        #expect(!result.bodyText.contains("Share on"))
        #expect(!result.bodyText.contains("Related"))
        #expect(result.title == "The Story")
        #expect(result.body.count == 1)
    }
}
