import Foundation
import Testing
@testable import WinnowDaemon
import WinnowTestSupport

/// The scheduler against a host in an error storm (5xx to everything it is asked) next to a healthy host: the
/// storm costs a bounded number of requests in the window, and the healthy host's stories keep coming.
@Suite("Fault injection: a host in a 5xx storm next to a healthy host")
struct SchedulerFaultInjectionTests {
    /// Stories the healthy host lists.
    static let healthyStories = 5
    /// Stories the storm host lists (none of which it ever serves).
    static let stormStories = 20

    /// What the storm host fails.
    enum Storm: String, CaseIterable, Sendable {
        /// Every article answers 503 without Retry-After; robots.txt and the feed work.
        case pages503
        /// Every article answers 500; robots.txt and the feed work.
        case pages500
        /// robots.txt answers 500 (and so would everything after it); the feed works.
        case robots500
    }

    /// The storm host on 127.0.0.1: a feed of `stormStories` articles, then failures as `storm` says.
    static func stormServer(_ storm: Storm) throws -> TestHTTPServer {
        try TestHTTPServer(address: "127.0.0.1") { request in
            switch request.path {
            case "/robots.txt":
                return storm == .robots500 ? ServerReply(status: 500) : .text("not found", status: 404)
            case "/feed.xml":
                let base = "http://127.0.0.1:\(request.header("host")?.split(separator: ":").last ?? "")"
                let items = (1...stormStories).map { (path: "/news/\($0)", updated: String?.none) }
                return ServerReply(body: Array(NewsSite.rss(items, base: base).utf8))
            default:
                return ServerReply(status: storm == .pages500 ? 500 : 503, body: Array("down".utf8))
            }
        }
    }

    @Test("the storm host costs a bounded number of requests; the healthy host's stories are all written",
          arguments: Storm.allCases)
    func stormNextToAHealthyHost(storm: Storm) async throws {
        let stormHost = try Self.stormServer(storm)
        let healthy = try NewsSite(address: "127.0.0.2"), harness = try DaemonHarness()
        defer { stormHost.stop(); healthy.stop(); harness.remove() }
        healthy.behaviour.withLock {
            $0.routes["/feed.xml"] = { _ in
                ServerReply(body: Array(NewsSite.rss((1...Self.healthyStories).map { (path: "/news/\($0)", updated: String?.none) },
                                                     base: healthy.url("")).utf8))
            }
        }
        let delay: Duration = .milliseconds(250)
        var configuration = harness.configuration([
            try DaemonHarness.source(.feed, stormHost.url("/feed.xml"), interval: .seconds(30)),
            try DaemonHarness.source(.feed, healthy.url("/feed.xml"), interval: .seconds(30)),
        ], delay: delay, retries: 3)
        configuration.fetch.retryBase = .seconds(2)
        configuration.fetch.retryCap = .seconds(8)
        // Run for a fixed window once the healthy host is done, so the storm has time to show its full cost.
        let window: Duration = .seconds(3)
        let clock = ContinuousClock(), start = clock.now
        // A generous timeout: with every suite running at once on two cores the scheduler can be starved for a
        // minute. The bounds below hold however long the window turns out to be.
        let done = try await harness.run(configuration, timeout: .seconds(150)) {
            harness.stories().count == Self.healthyStories && clock.now - start >= window
        }
        #expect(done, "the healthy host's \(Self.healthyStories) stories were written")
        let stories = harness.stories().keys
        #expect(stories.count == Self.healthyStories && stories.allSatisfy { $0.hasPrefix("127.0.0.2/") }, "\(stories)")

        let deliveries = stormHost.deliveries
        let pages = deliveries.filter { $0.path.hasPrefix("/news/") }
        let robots = deliveries.filter { $0.path == "/robots.txt" }
        let feeds = deliveries.filter { $0.path == "/feed.xml" }
        #expect(feeds.count == 1, "the feed itself is fine and polled every 30 s")
        switch storm {
        case .pages503:
            // The first 503 parks the host (60 s without Retry-After); per-host concurrency is 1, so nothing else
            // was in flight.
            #expect(pages.count == 1, "\(pages.map(\.path))")
        case .pages500:
            // 500 does not park the host by itself, but `HostTable.faultsBeforeBackoff` host faults in a row do:
            // that many different pages (one per delay), then rests of at least half of retry_base (2 s).
            let n = HostTable.faultsBeforeBackoff
            let ordered = pages.sorted { $0.started < $1.started }
            #expect(ordered.count >= n, "\(ordered.count) page requests")
            #expect(Set(ordered.prefix(n).map(\.path)).count == n)
            let rests = zip(ordered.dropFirst(n), ordered.dropFirst(n - 1)).map { $0.started - $1.started }
            #expect(rests.allSatisfy { $0 >= .seconds(1) }, "gaps after the last failure before parking: \(rests)")
        case .robots500:
            // robots.txt unavailable: the whole host waits (at least a minute) and no page is asked for.
            #expect(robots.count == 1)
            #expect(pages.isEmpty, "\(pages.map(\.path))")
        }
    }
}
