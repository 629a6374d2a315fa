import Testing
import WinnowDOM
@testable import WinnowExtract

/// Whole other stories appended after the page's own (`AppendedStories`).
@Suite struct AppendedStoriesTests {
    static func story(_ headline: String, heading: String = "h2", paragraphs: Int = 4) -> String {
        "<article><\(heading)>\(headline)</\(heading)><div>By A. Writer · Nov 30</div>"
            + (1...paragraphs).map {
                "<p>Paragraph \($0) under \(headline) tells what happened, who said what and what comes next for the town.</p>"
            }.joined() + "</article>"
    }

    func removed(_ html: String, titles: [String]) throws -> [String] {
        let fixture = try TreeFixture("<html><body><main id=\"root\">\(html)</main></body></html>")
        let root = try fixture.index(id: "root")
        return AppendedStories.removals(fixture.tree, roots: [root], titles: titles).map {
            let node = fixture.tree.entries[$0].node
            return node.name == "article" ? (try? node.select(xpath: ".//h1|.//h2").first?.text) ?? "article" : node.text
        }
    }

    @Test func storiesAfterTheOneHoldingTheHeadlineGoWithTheirLabels() throws {
        let page = Self.story("Night Buses Approved", heading: "h1", paragraphs: 3) + "<div>Next story</div>"
            + Self.story("Market Roof Repaired", paragraphs: 6) + Self.story("Bridge Reopens", paragraphs: 5)
        #expect(try removed(page, titles: ["Night Buses Approved | Metro Herald", "Night Buses Approved"])
            == ["Next story", "Market Roof Repaired", "Bridge Reopens"])
    }

    @Test func withoutTheHeadlineInAnArticleNothingGoes() throws {
        // A blog's front page of posts: the page's title is the blog's name, in no post.
        let posts = Self.story("First Post") + Self.story("Second Post")
        #expect(try removed(posts, titles: ["The Allotment Diary"]).isEmpty)
        #expect(try removed(posts, titles: []).isEmpty)
    }

    @Test func storiesBeforeTheHeadlineAndArticlesWithoutAHeadingStay() throws {
        // A thread's posts carry no headline; an earlier story is not "appended".
        let replies = (1...3).map { "<article><p>Reply \($0) agrees with the post and adds a few words of its own here.</p></article>" }
        let page = Self.story("Earlier Story") + Self.story("Night Buses Approved", heading: "h1") + replies.joined()
        #expect(try removed(page, titles: ["Night Buses Approved"]).isEmpty)
    }
}
