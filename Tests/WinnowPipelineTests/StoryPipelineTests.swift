import Foundation
import Testing
import WinnowDOM
import WinnowExtract
import WinnowPipeline
import WinnowRules

/// Rules, then the generic extractor, on one page.
@Suite struct StoryPipelineTests {
    static let url = "https://www.example.com/2024/03/03/cannery"
    static let fullRule = """
        title: //h2[@class='kicker-title']
        author: //span[@class='rule-author']
        date: //span[@class='rule-date']
        strip: //div[@class='promo-box']
        body: //div[@id='story']
        """

    @Test func ruleBodyRestrictsTheStoryAndStripsApply() throws {
        let pipeline = try PipelineTestSupport.pipeline(rule: Self.fullRule)
        let story = try pipeline.extract(html: PipelineTestSupport.fixture("ruled-story.html"), url: Self.url)
        let text = PipelineTestSupport.text(story)
        #expect(story.usedRuleBody)
        #expect(story.ruleFiles.count == 1 && story.ruleFiles[0].hasSuffix("example.com.txt"))
        #expect(text.contains("ending a decade in which the old cannery stood empty"))
        #expect(text.contains("press its first cider in the building"))
        // Kept: a box inside the body the rule chose (sidebar words do not remove it there).
        #expect(text.contains("eleven thousand square metres"))
        // Stripped by the rule, pruned inside the body, or outside the body.
        #expect(!text.contains("Subscribe to the Ledger newsletter"))
        #expect(!text.contains("Share on Facebook"))
        #expect(!text.contains("A second container of prose"))
        #expect(!text.contains("Bridge repairs delayed"))
        // Every line reported; the strip matched once.
        let strip = story.lines.first { $0.directive.name == "strip" }
        #expect(strip?.matches == 1)
    }

    @Test func ruleFieldsOverrideGenericMetadata() throws {
        let pipeline = try PipelineTestSupport.pipeline(rule: Self.fullRule)
        let story = try pipeline.extract(html: PipelineTestSupport.fixture("ruled-story.html"), url: Self.url)
        #expect(story.article.metadata.title == "Orchard Co-op Buys the Old Cannery")
        #expect(story.article.metadata.authors == ["Ada Lindqvist"])
        #expect(story.article.metadata.published?.hasPrefix("2024-03-03") == true)
        // Fields the rule does not set stay generic.
        #expect(story.article.metadata.siteName == "Lakeside Ledger")
    }

    @Test func failingBodyFallsBackToGenericWhenAutodetectIsOn() throws {
        let pipeline = try PipelineTestSupport.pipeline(rule: "body: //div[@id='no-such-story']\n")
        let story = try pipeline.extract(html: PipelineTestSupport.fixture("ruled-story.html"), url: Self.url)
        #expect(!story.usedRuleBody)
        #expect(PipelineTestSupport.text(story).contains("ending a decade in which the old cannery stood empty"))
        #expect(story.lines.first { $0.directive.name == "body" }?.matches == 0)
    }

    @Test func failingFieldsStayEmptyWhenAutodetectIsOff() throws {
        let rule = """
            autodetect_on_failure: no
            title: //h5[@class='nothing']
            author: //span[@class='nobody']
            body: //div[@id='no-such-story']
            """
        let pipeline = try PipelineTestSupport.pipeline(rule: rule)
        let story = try pipeline.extract(html: PipelineTestSupport.fixture("ruled-story.html"), url: Self.url)
        #expect(story.article.blocks.isEmpty)
        #expect(story.article.metadata.title == nil)
        #expect(story.article.metadata.authors.isEmpty)
        // No date line: the date is still detected.
        #expect(story.article.metadata.published?.hasPrefix("2023-01-15") == true)
    }

    @Test func pruneNoKeepsEverythingInsideTheBody() throws {
        let pruned = try PipelineTestSupport.pipeline(rule: "body: //div[@id='story']\n")
        let unpruned = try PipelineTestSupport.pipeline(rule: "prune: no\nbody: //div[@id='story']\n")
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        let withPrune = PipelineTestSupport.text(try pruned.extract(html: page, url: Self.url))
        let withoutPrune = PipelineTestSupport.text(try unpruned.extract(html: page, url: Self.url))
        #expect(!withPrune.contains("Share on Facebook"))
        #expect(withoutPrune.contains("Share on Facebook"))
        #expect(withoutPrune.contains("Subscribe to the Ledger newsletter"))
    }

    @Test func noRuleForTheHostIsPlainGenericExtraction() throws {
        let pipeline = try PipelineTestSupport.pipeline(rule: Self.fullRule, host: "other.org")
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        let story = try pipeline.extract(html: page, url: Self.url)
        let generic = Extractor(options: ExtractionOptions(url: Self.url)).extract(from: try Document(html: page, url: Self.url))
        #expect(story.rules == nil)
        #expect(story.lines.isEmpty)
        #expect(story.article == generic.article)
        // Rules off altogether: the same.
        let off = try StoryPipeline(library: nil).extract(html: page, url: Self.url)
        #expect(off.article == generic.article)
    }

    @Test func replacementsRunOnTheRawPage() throws {
        let rule = """
            find_string: Orchard Co-op Buys
            replace_string: Fruit Growers Buy
            title: //h2[@class='kicker-title']
            body: //div[@id='story']
            """
        let pipeline = try PipelineTestSupport.pipeline(rule: rule)
        let story = try pipeline.extract(html: PipelineTestSupport.fixture("ruled-story.html"), url: Self.url)
        #expect(story.article.metadata.title == "Fruit Growers Buy the Old Cannery")
    }

    @Test func precedenceIsSitesThenAdminThenBundled() throws {
        let admin = try PipelineTestSupport.folder(with: ["example.com.txt": "title: //h1\nbody: //div[@id='story-extra']\n"])
        let user = try PipelineTestSupport.folder(with: ["example.com.txt": "prune: no\nbody: //div[@class='related-links']\n"])
        // The bundled rules of an installed binary: <prefix>/share/winnow/sites beside <prefix>/bin/winnow.
        let prefix = try PipelineTestSupport.folder()
        let bundled = (prefix as NSString).appendingPathComponent("share/winnow/sites")
        try FileManager.default.createDirectory(atPath: bundled, withIntermediateDirectories: true)
        try Data("body: //div[@id='story']\n".utf8).write(to: URL(fileURLWithPath: bundled + "/example.com.txt"))
        let executable = prefix + "/bin/winnow"
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        func story(sites: [String], admin: String?) throws -> String {
            let folders = RuleFolders(sites: sites, admin: admin, environment: [:], executablePath: executable)
            return PipelineTestSupport.text(try StoryPipeline(library: folders.load()).extract(html: page, url: Self.url))
        }
        let all = try story(sites: [user], admin: admin)
        #expect(all.contains("Bridge repairs delayed"))
        #expect(!all.contains("A second container of prose"))
        #expect(!all.contains("ending a decade"))
        let adminAndBundled = try story(sites: [], admin: admin)
        #expect(adminAndBundled.contains("A second container of prose"))
        #expect(!adminAndBundled.contains("ending a decade"))
        let bundledOnly = try story(sites: [], admin: "/nonexistent/winnow-admin")
        #expect(bundledOnly.contains("ending a decade"))
        #expect(!bundledOnly.contains("A second container of prose"))
    }

    @Test func explanationDiffsGenericAgainstRules() throws {
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        let pipeline = try PipelineTestSupport.pipeline(rule: "body: //div[@id='story-extra']\n")
        let explanation = try StoryExplanation(html: page, url: Self.url, pipeline: pipeline)
        #expect(explanation.diff.contains { $0.sign == "-" && $0.text.contains("ending a decade") })
        #expect(!explanation.diff.contains { $0.sign == "+" && $0.text.contains("ending a decade") })
        let unpruned = try PipelineTestSupport.pipeline(rule: "prune: no\nbody: //div[@id='story']\n")
        let more = try StoryExplanation(html: page, url: Self.url, pipeline: unpruned)
        #expect(more.diff.contains { $0.sign == "+" && $0.text.contains("Share on Facebook") })
        let report = explanation.report(url: Self.url)
        #expect(report.contains("body: //div[@id='story-extra']  → 1 match (used)"))
    }

    @Test func annotatedPageMarksRemovalsWithReasonsAndRunsNothing() throws {
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        let pipeline = try PipelineTestSupport.pipeline(rule: Self.fullRule)
        let html = try AnnotatedPage.html(page: page, url: Self.url, pipeline: pipeline)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("removed by site rule: "))
        #expect(html.contains("example.com.txt:4 strip: //div[@class='promo-box']"))
        #expect(html.contains("removed by the generic extractor: "))
        #expect(html.contains("data-winnow-kept"))
        #expect(!html.lowercased().contains("<script"))
        let document = try Document(html: html)
        let promo = try document.select(xpath: "//div[@class='promo-box']").first
        #expect(promo?.attribute("title")?.contains("strip") == true)
    }
}
