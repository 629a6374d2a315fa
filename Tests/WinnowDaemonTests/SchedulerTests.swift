import Foundation
import Synchronization
import Testing
import WinnowDaemon
import WinnowState
import WinnowTestSupport

/// The scheduler end to end, in process, against a loopback news site: every source kind, politeness, robots.txt,
/// conditional GET, Retry-After, backoff and recovery, dedup and in-place updates. (The same behaviour through
/// the `winnow run` binary is covered by Tests/WinnowCLITests/RunCommandTests.swift.)
@Suite(.serialized) struct SchedulerTests {
    static let rfc822 = "Tue, 03 Nov 2026 08:00:00 GMT"

    @Test func rssArticlesAreWrittenOnceWithoutTheirChaff() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in
                ServerReply(headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"feed-1\"")],
                            body: Array(NewsSite.rss([("/news/1", nil), ("/news/2", nil), ("/news/3", nil)],
                                                     base: site.url("")).utf8))
            }
        }
        let configuration = harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))])
        let progress = try await harness.runOnce(configuration)
        #expect(progress.storiesCreated == 3)
        let stories = harness.stories()
        #expect(stories.count == 3, "\(stories.keys)")
        for n in 1...3 {
            let file = try #require(stories.first { $0.value.contains("Report \(n) opens") })
            #expect(file.key.hasPrefix("127.0.0.1/2026/11/"), "\(file.key)")
            #expect(file.key.hasSuffix("-harbour-report-\(n).md"), "\(file.key)")
            #expect(file.value.contains("title: Harbour report \(n)"))
            #expect(!file.value.contains("Related Articles") && !file.value.contains("Teaser headline"))
        }
        #expect(harness.index().map { $0["action"] } == ["created", "created", "created"])

        // A second pass asks for the feed conditionally (304), fetches no page again and writes nothing.
        let again = try await harness.runOnce(configuration)
        #expect(again.storiesCreated == 0 && again.storiesUpdated == 0)
        #expect(harness.index().count == 3)
        #expect(site.requests(to: "/feed.xml").last?.ifNoneMatch == "\"feed-1\"")
        #expect(site.requests(to: "/news/1").count == 1)
    }

    @Test(arguments: ["atom", "rdf"])
    func atomAndRDFFeeds(kind: String) async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let base = site.url("")
        let body: String
        if kind == "atom" {
            body = """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="\(base)/">
                <title>Courier</title><entry><title>a</title><link rel="alternate" href="news/4"/>
                <updated>2026-11-03T08:00:00Z</updated></entry><entry><title>b</title><link href="\(base)/news/5"/>
                <updated>2026-11-03T09:00:00Z</updated></entry></feed>
                """
        } else {
            body = """
                <?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                xmlns="http://purl.org/rss/1.0/"><channel rdf:about="\(base)/"><title>Courier</title></channel>
                <item rdf:about="\(base)/news/4"><title>a</title><link>\(base)/news/4</link></item>
                <item rdf:about="\(base)/news/5"><title>b</title><link>\(base)/news/5</link></item></rdf:RDF>
                """
        }
        site.behaviour.withLock { $0.routes["/feed"] = { _ in ServerReply(body: Array(body.utf8)) } }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.feed, site.url("/feed"))]))
        let stories = harness.stories().values
        #expect(stories.count == 2)
        #expect(stories.contains { $0.contains("Report 4 opens") } && stories.contains { $0.contains("Report 5 opens") })
    }

    @Test func sitemapIndexWithAGzippedChild() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let base = site.url("")
        let urlset = """
            <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(base)/news/6</loc><lastmod>2026-11-03</lastmod></url>
            <url><loc>\(base)/news/7</loc></url></urlset>
            """
        let gzipped = try gzip(Array(urlset.utf8))
        let index = """
            <?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>\(base)/sitemap-1.xml.gz</loc></sitemap></sitemapindex>
            """
        site.behaviour.withLock {
            $0.routes["/sitemap.xml"] = { _ in ServerReply(headers: [("Content-Type", "application/xml")], body: Array(index.utf8)) }
            $0.routes["/sitemap-1.xml.gz"] = { _ in ServerReply(headers: [("Content-Type", "application/x-gzip")], body: gzipped) }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.sitemap, site.url("/sitemap.xml"))]))
        let stories = harness.stories().values
        #expect(stories.count == 2)
        #expect(stories.contains { $0.contains("Report 6 opens") } && stories.contains { $0.contains("Report 7 opens") })
    }

    @Test func sectionLinksAreFilteredAndDeduplicated() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let section = """
            <html><body><a href="/news/8">one</a> <a href="/news/9">two</a> <a href="/news/10?utm_source=front#top">three</a>
            <a href="/news/10">three again</a> <a href="/about">about</a> <a href="http://127.0.0.2:9/news/11">elsewhere</a>
            </body></html>
            """
        site.behaviour.withLock {
            $0.routes["/front"] = { _ in ServerReply(headers: [("Content-Type", "text/html")], body: Array(section.utf8)) }
        }
        let source = try DaemonHarness.source(.section, site.url("/front"), include: ["/news/"], exclude: ["/news/9$"])
        try await harness.runOnce(harness.configuration([source]))
        let stories = harness.stories().values
        #expect(stories.count == 2, "\(harness.stories().keys)")
        #expect(stories.contains { $0.contains("Report 8 opens") } && stories.contains { $0.contains("Report 10 opens") })
        #expect(site.requests(to: "/news/9").isEmpty)
        #expect(site.requests(to: "/about").isEmpty)
        #expect(site.requests(to: "/news/10").count == 1)  // tracking parameters and fragments normalized away
    }

    @Test func robotsTxtDisallowsAndItsCrawlDelayIsHonoured() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/robots.txt"] = { _ in .text("User-agent: *\nDisallow: /news/13\nCrawl-delay: 1\n") }
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss([("/news/12", nil), ("/news/13", nil), ("/news/14", nil)],
                                                     base: site.url("")).utf8))
            }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))]))
        #expect(site.requests(to: "/news/13").isEmpty, "robots.txt disallows it")
        #expect(harness.stories().count == 2)
        let times = (site.requests(to: "/news/12") + site.requests(to: "/news/14")).map(\.time).sorted()
        #expect(times.count == 2)
        if times.count == 2 { #expect(times[1].timeIntervalSince(times[0]) >= 0.95, "gap \(times[1].timeIntervalSince(times[0]))") }
        let status = try harness.status()
        #expect(status.frontier[.skipped] == 1)
    }

    @Test func perHostDelayIsHonoured() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss((15...18).map { ("/news/\($0)", nil) }, base: site.url("")).utf8))
            }
        }
        let configuration = harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))],
                                                  delay: .milliseconds(400))
        try await harness.runOnce(configuration)
        let times = site.hits.withLock { $0.filter { $0.path.hasPrefix("/news/") } }.map(\.time).sorted()
        #expect(times.count == 4)
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
        #expect(gaps.allSatisfy { $0 >= 0.38 }, "gaps \(gaps)")
    }

    @Test func retryAfterIsHonouredAndThePageRetried() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss([("/news/19", nil)], base: site.url("")).utf8)) }
            $0.failures["/news/19"] = (status: 429, times: 1, retryAfter: "1")
        }
        let configuration = harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))])
        let written = try await harness.run(configuration) { harness.stories().count == 1 }
        #expect(written)
        let attempts = site.requests(to: "/news/19").map(\.time)
        #expect(attempts.count == 2)
        if attempts.count == 2 { #expect(attempts[1].timeIntervalSince(attempts[0]) >= 0.95) }
    }

    @Test func aFailingSourceBacksOffAndRecovers() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss([("/news/20", nil)], base: site.url("")).utf8)) }
            $0.failures["/feed.xml"] = (status: 500, times: 3, retryAfter: nil)
        }
        let configuration = harness.configuration(
            [try DaemonHarness.source(.feed, site.url("/feed.xml"), interval: .milliseconds(300))])
        let recovered = try await harness.run(configuration) { harness.stories().count == 1 }
        #expect(recovered)
        let polls = site.requests(to: "/feed.xml").map(\.time)
        #expect(polls.count >= 4)
        if polls.count >= 4 {
            let gaps = zip(polls.dropFirst(), polls).map { $0.timeIntervalSince($1) }
            // Each wait is at least its backoff, 0.3 s and then 0.6 s (a busy machine only lengthens waits, so
            // lower bounds hold where a ratio of two waits does not).
            #expect(gaps[0] >= 0.28 && gaps[1] >= 0.57, "the wait doubles after each failure: \(gaps)")
        }
        let source = try #require(try harness.status().sources.first?.source)
        #expect(source.errorStreak == 0 && source.lastError == nil && source.lastSuccessAt != nil)
    }

    @Test func oneStoryReachedByTwoURLsIsWrittenOnce() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        // /amp/21 is another URL of story 21: its canonical link names /news/21.
        site.behaviour.withLock {
            $0.routes["/amp/21"] = { _ in
                ServerReply(headers: [("Content-Type", "text/html")],
                            body: Array(NewsSite.article(21, canonical: site.url("/news/21")).utf8))
            }
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss([("/news/21?utm_source=rss&utm_medium=feed", nil), ("/amp/21", nil)],
                                                     base: site.url("")).utf8))
            }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))]))
        #expect(harness.stories().count == 1, "\(harness.stories().keys)")
        #expect(harness.index().count == 1)
    }

    @Test func aChangedStoryIsRewrittenInPlace() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let updated = Mutex("Tue, 03 Nov 2026 08:00:00 GMT")
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss([("/news/22", updated.withLock { $0 })], base: site.url("")).utf8))
            }
        }
        let configuration = harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))])
        try await harness.runOnce(configuration)
        let before = harness.stories()
        #expect(before.count == 1)

        // The story changes and its feed item says so: the same file is rewritten, and the index says "updated".
        site.behaviour.withLock { $0.revision[22] = 1 }
        updated.withLock { $0 = "Wed, 04 Nov 2026 10:00:00 GMT" }
        try await harness.runOnce(configuration)
        let after = harness.stories()
        #expect(after.keys == before.keys)
        #expect(after.values.first?.contains("Update 1: the council confirmed") == true)
        #expect(harness.index().map { $0["action"] } == ["created", "updated"])
        #expect(site.requests(to: "/news/22").map(\.ifNoneMatch) == [nil, "\"a22-r0\""])

        // The feed says it changed again, but the page has not: it answers 304 and nothing is rewritten.
        updated.withLock { $0 = "Thu, 05 Nov 2026 10:00:00 GMT" }
        let unchanged = try await harness.runOnce(configuration)
        #expect(site.requests(to: "/news/22").last?.ifNoneMatch == "\"a22-r1\"")
        #expect(unchanged.unchanged == 1 && unchanged.storiesUpdated == 0)
        #expect(harness.index().count == 2)
    }

    @Test func revisitAfterRefetchesWrittenPagesConditionally() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss([("/news/25", nil)], base: site.url("")).utf8)) }
        }
        var configuration = harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"), interval: .seconds(60))])
        configuration.fetch.revisitAfter = .milliseconds(300)
        // The page changes silently (its feed says nothing): the revisit finds the new text.
        let rewritten = try await harness.run(configuration) {
            if site.requests(to: "/news/25").count == 1 { site.behaviour.withLock { $0.revision[25] = 2 } }
            return harness.index().count == 2
        }
        #expect(rewritten)
        #expect(harness.index().map { $0["action"] } == ["created", "updated"])
        #expect(site.requests(to: "/news/25").dropFirst().first?.ifNoneMatch == "\"a25-r0\"")
    }

    @Test func aMissingPageFailsForGoodAndIsNotRetried() async throws {
        let site = try NewsSite(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        site.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss([("/gone", nil)], base: site.url("")).utf8)) }
        }
        try await harness.runOnce(harness.configuration([try DaemonHarness.source(.feed, site.url("/feed.xml"))]))
        #expect(site.requests(to: "/gone").count == 1)
        #expect(try harness.status().frontier[.failed] == 1)
    }

    @Test func twoHostsAreFetchedSideBySide() async throws {
        let one = try NewsSite(), two = try NewsSite(address: "127.0.0.2"), harness = try DaemonHarness()
        defer { one.stop(); two.stop(); harness.remove() }
        one.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss([("/news/23", nil)], base: one.url("")).utf8))
            }
        }
        two.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss([("/news/24", nil)], base: two.url("")).utf8)) }
        }
        try await harness.runOnce(harness.configuration([
            try DaemonHarness.source(.feed, one.url("/feed.xml")), try DaemonHarness.source(.feed, two.url("/feed.xml")),
        ]))
        let paths = harness.stories().keys.sorted()
        #expect(paths.count == 2)
        #expect(paths.contains { $0.hasPrefix("127.0.0.1/") } && paths.contains { $0.hasPrefix("127.0.0.2/") })
    }

    @Test func aStalledHostIsParkedAndStopsHoldingTheOnlyFetchSlot() async throws {
        let healthy = try NewsSite(), stalled = try NewsSite(address: "127.0.0.2"), harness = try DaemonHarness()
        defer { healthy.stop(); stalled.stop(); harness.remove() }
        let pages = (30..<60).map { ("/news/\($0)", String?.none) }
        healthy.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss(pages, base: healthy.url("")).utf8)) }
        }
        stalled.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in ServerReply(body: Array(NewsSite.rss(pages, base: stalled.url("")).utf8)) }
            for (path, _) in pages { $0.routes[path] = { _ in ServerReply(stall: true) } }
        }
        // One fetch slot, a 1 s timeout: without parking, every other fetch would be a 1 s stall.
        var configuration = harness.configuration([
            try DaemonHarness.source(.feed, healthy.url("/feed.xml")), try DaemonHarness.source(.feed, stalled.url("/feed.xml")),
        ], retries: 0)
        configuration.fetch.concurrency = 1
        configuration.fetch.timeout = .seconds(1)
        configuration.fetch.retryBase = .seconds(60)
        configuration.fetch.retryCap = .seconds(120)
        let stalledRequests: @Sendable () -> Int = { pages.reduce(0) { $0 + stalled.requests(to: $1.0).count } }
        let written = try await harness.run(configuration) {
            harness.stories().count == pages.count && stalledRequests() >= 3
        }
        #expect(written)
        // Three timeouts in a row park the host (for 30–60 s: the first backoff step): no fourth request, and the
        // healthy host had the slot to itself from then on. (Unparked, every other fetch would be a stall.)
        #expect(stalledRequests() == 3)
        let store = try SQLiteStateStore(directory: harness.state.path, mode: .readOnly)
        defer { try? store.close() }
        let host = try #require(try store.host("127.0.0.2"))
        #expect(host.errorStreak == 3)
        #expect((host.backoffUntil ?? .distantPast) > Date().addingTimeInterval(20))
        #expect(try store.host("127.0.0.1")?.errorStreak ?? 0 == 0)
    }

    /// gzip-compressed bytes, from the system's gzip.
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
