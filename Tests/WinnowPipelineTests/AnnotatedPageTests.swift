import Foundation
import Testing
import WinnowDOM
import WinnowExtract
import WinnowPipeline

/// `explain --html` outlines exactly what the story holds: on the annotated page, the text of the green
/// (kept) parts minus the red (removed) parts inside them is the story's text, with a rule body, with
/// `prune: no`, with autodetection after rules, and with no rule at all.
@Suite struct AnnotatedPageTests {
    static let url = "https://www.example.com/2024/03/03/cannery"

    @Test(arguments: [
        "title: //h2[@class='kicker-title']\nstrip: //div[@class='promo-box']\nbody: //div[@id='story']\n",
        "prune: no\nbody: //div[@id='story']\n",
        "strip: //div[@class='promo-box']\n",
        nil,
    ] as [String?])
    func keptOutlinesAreTheStory(rule: String?) throws {
        let page = try PipelineTestSupport.fixture("ruled-story.html")
        let pipeline = try rule.map { try PipelineTestSupport.pipeline(rule: $0) } ?? StoryPipeline(library: nil)
        let story = try pipeline.extract(html: page, url: Self.url)
        let annotated = try Document(html: AnnotatedPage.html(page: page, url: Self.url, pipeline: pipeline))
        let root = try #require(annotated.root)
        let kept = Self.keptText(root, inKept: false)
        let output = Self.squeeze(story.article.plainText)
        #expect(!output.isEmpty)
        #expect(kept == output)
    }

    /// Text under kept-marked elements, outside removed-marked ones and the explain panel, without whitespace.
    static func keptText(_ node: Node, inKept: Bool) -> String {
        if node.isText { return inKept ? squeeze(node.ownText) : "" }
        guard node.isElement, node.attribute("id") != "winnow-explain", node.name != "style",
              node.attribute("data-winnow-generic") == nil, node.attribute("data-winnow-rule") == nil else { return "" }
        let kept = inKept || node.attribute("data-winnow-kept") != nil
        return node.children.map { keptText($0, inKept: kept) }.joined()
    }

    static func squeeze(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .format
        }))
    }
}
