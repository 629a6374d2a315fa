import Foundation
import Testing
@testable import WinnowDaemon
import WinnowTestSupport

/// Sources built to trap a crawler, end to end against a loopback site: sitemap indexes that list themselves
/// or each other, the same child over and over, and a robots.txt far larger than the parsing limit.
@Suite(.serialized) struct HostileSourceTests {
    static func xml(_ body: String) -> ServerReply {
        ServerReply(headers: [("Content-Type", "application/xml")], body: Array(body.utf8))
    }

    static func index(_ children: [String]) -> String {
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + children.map { "<sitemap><loc>\($0)</loc></sitemap>" }.joined() + "</sitemapindex>"
    }

    @Test("an index listing itself, A→B→A, and one child listed 500 times: every sitemap is fetched at most once per poll and the pages are found")
    func recursiveIndexes() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let base = site.url("")
        let urlset = """
            <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(base)/news/21</loc></url></urlset>
            """
        let a = Self.index(["\(base)/a.xml", "\(base)/b.xml"] + Array(repeating: "\(base)/pages.xml", count: 500))
        let b = Self.index(["\(base)/a.xml", "\(base)/b.xml"])
        site.behaviour.withLock {
            $0.routes["/a.xml"] = { _ in Self.xml(a) }
            $0.routes["/b.xml"] = { _ in Self.xml(b) }
            $0.routes["/pages.xml"] = { _ in Self.xml(urlset) }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.sitemap, site.url("/a.xml"))]))
        #expect(site.requests(to: "/a.xml").count == 1)
        #expect(site.requests(to: "/b.xml").count == 1)  // fetched as a child, an index of indexes: not followed
        #expect(site.requests(to: "/pages.xml").count == 1)
        #expect(harness.stories().values.contains { $0.contains("Report 21 opens") })
    }

    @Test("max_child_sitemaps bounds the children fetched; max_sitemap_size replaces max_size for sitemaps")
    func configuredSitemapLimits() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let base = site.url("")
        @Sendable func urlset(_ page: Int) -> String {
            "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>\(base)/news/\(page)</loc></url></urlset>"
                + String(repeating: " ", count: 4096)  // larger than max_size below
        }
        site.behaviour.withLock {
            $0.routes["/index.xml"] = { _ in Self.xml(Self.index(["\(base)/one.xml", "\(base)/two.xml"])) }
            $0.routes["/one.xml"] = { _ in Self.xml(urlset(31)) }
            $0.routes["/two.xml"] = { _ in Self.xml(urlset(32)) }
        }
        var configuration = harness.configuration([try DaemonHarness.source(.sitemap, site.url("/index.xml"))])
        configuration.fetch.maxSize = 1024
        configuration.fetch.maxChildSitemaps = 1
        try await harness.runOnce(configuration)
        #expect(site.requests(to: "/one.xml").count == 1)
        #expect(site.requests(to: "/two.xml").isEmpty)
        #expect(site.requests(to: "/news/31").count == 1)
    }

    @Test("the sitemap limits are [fetch] keys with ranges")
    func sitemapLimitKeys() throws {
        let configuration = try ConfigurationLoader.parse(text: """
            [fetch]
            max_sitemap_size = "2MiB"
            max_child_sitemaps = 0
            """, file: "/etc/winnow/winnow.toml")
        #expect(configuration.fetch.maxSitemapSize == 2 << 20)
        #expect(configuration.fetch.maxChildSitemaps == 0)
        #expect(FetchSettings().maxSitemapSize == 50 << 20 && FetchSettings().maxChildSitemaps == 100)
        #expect(throws: (any Error).self) {
            try ConfigurationLoader.parse(text: "[fetch]\nmax_child_sitemaps = 50001\n", file: "/etc/winnow/winnow.toml")
        }
    }

    @Test("a robots.txt of 2 MB is read up to 500 KiB (RFC 9309 §2.5): a rule in that part is obeyed")
    func largeRobots() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let padding = String(repeating: "# a very long robots.txt\n", count: 2 * 1024 * 1024 / 25)
        let robots = "User-agent: *\nDisallow: /news/22\n" + padding + "Disallow: /news/23\n"
        site.behaviour.withLock {
            $0.routes["/robots.txt"] = { _ in .text(robots) }
            $0.routes["/feed.xml"] = { _ in
                ServerReply(headers: [("Content-Type", "application/rss+xml")],
                            body: Array(NewsSite.rss([("/news/22", nil), ("/news/23", nil)], base: site.url("")).utf8))
            }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))]))
        #expect(site.requests(to: "/news/22").isEmpty, "disallowed in the first 500 KiB")
        #expect(site.requests(to: "/news/23").count == 1, "a rule past 500 KiB is not read")
    }
}
