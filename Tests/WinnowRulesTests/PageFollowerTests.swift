import Testing
import WinnowDOM
@testable import WinnowRules

@Suite struct PageFollowerTests {
    /// True when `EnginePass.literal` yields an XPath literal that evaluates back to the text.
    static func literalRoundTrips(_ text: String) -> Bool {
        guard let document = try? Document(html: "<html><body></body></html>"), let root = document.root,
              let xpath = try? XPath("string(\(XPath.literal(text)))") else { return false }
        return xpath.string(from: root) == text
    }

    @Test func followsUntilTheCap() {
        var follower = PageFollower(firstPage: "https://example.com/a", maximumPages: 3)
        #expect(follower.next(link: "https://example.com/a?page=2") == .follow("https://example.com/a?page=2"))
        #expect(follower.next(link: "https://example.com/a?page=3") == .follow("https://example.com/a?page=3"))
        #expect(follower.next(link: "https://example.com/a?page=4") == .stop(.pageLimit(3)))
        #expect(follower.pagesTaken == 3)
    }

    @Test func stopsOnLoops() {
        var follower = PageFollower(firstPage: "https://Example.com/a#top", maximumPages: 10)
        #expect(follower.next(link: "https://example.com/b") == .follow("https://example.com/b"))
        #expect(follower.next(link: "HTTPS://EXAMPLE.COM:443/a#comments") == .stop(.alreadyVisited("HTTPS://EXAMPLE.COM:443/a#comments")))
        #expect(follower.next(link: "https://example.com/b") == .stop(.alreadyVisited("https://example.com/b")))
    }

    @Test func stopsWithoutALinkOrOnBadURLs() {
        var follower = PageFollower(firstPage: "https://example.com/a")
        #expect(follower.next(link: nil) == .stop(.noNextLink))
        #expect(follower.next(link: "  ") == .stop(.noNextLink))
        #expect(follower.next(link: "/relative") == .stop(.invalidURL("/relative")))
        #expect(follower.next(link: "ftp://example.com/x") == .stop(.invalidURL("ftp://example.com/x")))
    }

    @Test func capOfOneNeverFollows() {
        var follower = PageFollower(firstPage: "https://example.com/a", maximumPages: 0)
        #expect(follower.maximumPages == 1)
        #expect(follower.next(link: "https://example.com/b") == .stop(.pageLimit(1)))
    }

    @Test func xpathLiterals() {
        #expect(Self.literalRoundTrips("plain"))
        #expect(Self.literalRoundTrips("it's"))
        #expect(Self.literalRoundTrips("say \"hi\""))
        #expect(Self.literalRoundTrips("it's \"both\""))
    }
}
