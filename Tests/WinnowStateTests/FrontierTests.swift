import Foundation
import Testing

@testable import WinnowState

@Suite struct FrontierTests {
    let feed = Fixture.source("news.example")

    /// A store with `feed` configured.
    func withFeedStore(_ body: (SQLiteStateStore, String) throws -> Void) throws {
        try Fixture.withStore { store, directory in
            try store.syncSources([feed], now: Fixture.t0)
            try body(store, directory)
        }
    }

    func url(_ host: String, _ path: String) -> String { "https://\(host)\(path)" }

    // MARK: discover

    @Test func discoverInsertsUnknownURLsPendingAndDueNow() throws {
        try withFeedStore { store, _ in
            let modified = Fixture.at(-600)
            let discoveries = [
                Fixture.discovery("news.example", "/a", source: feed, modified: modified),
                Fixture.discovery("news.example", "/world", source: feed, kind: .listing),
                Fixture.discovery("news.example", "/a", source: feed, modified: modified),  // listed twice
            ]
            #expect(try store.discover(discoveries, now: Fixture.t0) == 2)
            let entry = try #require(try store.frontierEntry(url: url("news.example", "/a")))
            #expect(
                entry
                    == FrontierEntry(
                        url: url("news.example", "/a"), host: "news.example", sourceID: feed.id, depth: 0,
                        kind: .article,
                        state: .pending, notBefore: Fixture.t0, discoveredAt: Fixture.t0, sourceModifiedAt: modified))
            #expect(try store.frontierEntry(url: url("news.example", "/world"))?.kind == .listing)
            #expect(try store.frontierEntry(url: url("news.example", "/world"))?.depth == 1)
            // Known URLs do not count again.
            #expect(try store.discover(discoveries, now: Fixture.at(60)) == 0)
            #expect(try store.frontierEntry(url: url("news.example", "/a"))?.discoveredAt == Fixture.t0)
            #expect(try store.discover([], now: Fixture.t0) == 0)
        }
    }

    @Test func discoverRefusesAnUnknownSource() throws {
        try withFeedStore { store, _ throws in
            let ghost = Fixture.source("ghost.example")
            #expect(throws: StateStoreError.unknownSource(ghost.id)) {
                try store.discover([Fixture.discovery("ghost.example", "/a", source: ghost)], now: Fixture.t0)
            }
            #expect(try store.frontierCounts()[.pending] == 0)
        }
    }

    @Test func aDoneURLCanBeScheduledForARevisit() throws {
        try withFeedStore { store, _ in
            let a = url("news.example", "/a"), b = url("news.example", "/b")
            try store.discover([Fixture.discovery("news.example", "/a", source: feed),
                                Fixture.discovery("news.example", "/b", source: feed)], now: Fixture.t0)
            try store.complete(a, outcome: .unchanged(etag: "\"7\"", lastModified: nil, status: 200), now: Fixture.at(5))
            #expect(try store.scheduleRevisit(a, at: Fixture.at(3600)))
            let entry = try #require(try store.frontierEntry(url: a))
            #expect(entry.state == .pending && entry.notBefore == Fixture.at(3600) && entry.etag == "\"7\"")
            #expect(entry.attempts == 0)
            // Not before it is due; and only done entries are rescheduled.
            #expect(try store.nextDue(now: Fixture.at(60), limit: 10).map(\.url) == [b])
            #expect(try !store.scheduleRevisit(b, at: Fixture.at(3600)))
            #expect(try !store.scheduleRevisit(url("news.example", "/unknown"), at: Fixture.at(3600)))
        }
    }

    @Test func aDoneURLUpdatedAtItsSourceGoesBackToPending() throws {
        try withFeedStore { store, _ in
            let a = url("news.example", "/a")
            try store.discover(
                [Fixture.discovery("news.example", "/a", source: feed, modified: Fixture.at(-600))], now: Fixture.t0)
            try store.complete(
                a, outcome: .retry(at: Fixture.at(10), error: "timeout", status: nil), now: Fixture.at(1))
            try store.complete(
                a, outcome: .unchanged(etag: "\"1\"", lastModified: nil, status: 200), now: Fixture.at(20))

            // Same or older modification time: nothing happens.
            for modified in [Fixture.at(-600), Fixture.at(-700), nil] {
                #expect(
                    try store.discover(
                        [Fixture.discovery("news.example", "/a", source: feed, modified: modified)], now: Fixture.at(30)
                    )
                        == 0)
            }
            #expect(try store.frontierEntry(url: a)?.state == .done)

            // Later: pending again, due now, attempts reset, validators kept for a conditional request.
            #expect(
                try store.discover(
                    [Fixture.discovery("news.example", "/a", source: feed, modified: Fixture.at(25))],
                    now: Fixture.at(40))
                    == 1)
            let entry = try #require(try store.frontierEntry(url: a))
            #expect(entry.state == .pending)
            #expect(entry.notBefore == Fixture.at(40))
            #expect(entry.attempts == 0)
            #expect(entry.sourceModifiedAt == Fixture.at(25))
            #expect(entry.etag == "\"1\"")
            #expect(entry.discoveredAt == Fixture.t0)
        }
    }

    @Test func withoutARecordedModificationTimeTheFetchTimeDecides() throws {
        try withFeedStore { store, _ in
            let a = url("news.example", "/a")
            try store.discover([Fixture.discovery("news.example", "/a", source: feed)], now: Fixture.t0)
            try store.complete(a, outcome: .unchanged(etag: nil, lastModified: nil, status: 304), now: Fixture.at(100))
            let before = Fixture.discovery("news.example", "/a", source: feed, modified: Fixture.at(50))
            #expect(try store.discover([before], now: Fixture.at(200)) == 0)
            let after = Fixture.discovery("news.example", "/a", source: feed, modified: Fixture.at(150))
            #expect(try store.discover([after], now: Fixture.at(200)) == 1)
        }
    }

    @Test func pendingURLsTakeALaterDateAndOtherStatesAreLeftAlone() throws {
        try withFeedStore { store, _ in
            let paths = ["/pending", "/failed", "/skipped", "/flying"]
            try store.discover(
                paths.map { Fixture.discovery("news.example", $0, source: feed, modified: Fixture.at(-100)) },
                now: Fixture.t0)
            try store.complete(
                url("news.example", "/failed"), outcome: .failed(error: "gone", status: 410), now: Fixture.at(1))
            try store.complete(
                url("news.example", "/skipped"), outcome: .skipped(reason: "robots.txt"), now: Fixture.at(1))
            try store.markInFlight(url("news.example", "/flying"))

            let update = paths.map { Fixture.discovery("news.example", $0, source: feed, modified: Fixture.at(500)) }
            #expect(try store.discover(update, now: Fixture.at(600)) == 0)
            #expect(try store.frontierEntry(url: url("news.example", "/pending"))?.sourceModifiedAt == Fixture.at(500))
            #expect(try store.frontierEntry(url: url("news.example", "/pending"))?.notBefore == Fixture.t0)
            #expect(try store.frontierEntry(url: url("news.example", "/failed"))?.state == .failed)
            #expect(try store.frontierEntry(url: url("news.example", "/skipped"))?.state == .skipped)
            let flying = try #require(try store.frontierEntry(url: url("news.example", "/flying")))
            #expect(flying.state == .inFlight && flying.sourceModifiedAt == Fixture.at(-100))
            // An earlier date does not overwrite a pending entry's later one.
            try store.discover(
                [Fixture.discovery("news.example", "/pending", source: feed, modified: Fixture.at(0))],
                now: Fixture.at(700))
            #expect(try store.frontierEntry(url: url("news.example", "/pending"))?.sourceModifiedAt == Fixture.at(500))
        }
    }

    // MARK: nextDue

    @Test func nextDueGivesOneEntryPerHostTheMostOverdue() throws {
        try withFeedStore { store, _ in
            // a.example: three entries discovered at different times, one retried into the future.
            try store.discover([Fixture.discovery("a.example", "/1", source: feed)], now: Fixture.at(10))
            try store.discover(
                [
                    Fixture.discovery("a.example", "/2", source: feed),
                    Fixture.discovery("a.example", "/section", source: feed, kind: .listing),
                ], now: Fixture.at(5))
            try store.complete(
                url("a.example", "/2"), outcome: .retry(at: Fixture.at(1000), error: "503", status: 503),
                now: Fixture.at(6))
            // b.example: one listing, discovered first.
            try store.discover(
                [Fixture.discovery("b.example", "/front", source: feed, kind: .listing)], now: Fixture.at(0))
            // c.example: only entries that are not pending, or not due yet.
            try store.discover(
                [
                    Fixture.discovery("c.example", "/done", source: feed),
                    Fixture.discovery("c.example", "/later", source: feed),
                ],
                now: Fixture.at(0))
            try store.complete(
                url("c.example", "/done"), outcome: .failed(error: "404", status: 404), now: Fixture.at(1))
            try store.complete(
                url("c.example", "/later"), outcome: .retry(at: Fixture.at(500), error: "x", status: nil),
                now: Fixture.at(1))

            let due = try store.nextDue(now: Fixture.at(100), limit: 10)
            #expect(due.map(\.url) == [url("b.example", "/front"), url("a.example", "/section")])
            #expect(due.map(\.kind) == [.listing, .listing])

            // Once a.example's listing is in flight, its next entry is the older article /1; a's /2 waits.
            try store.markInFlight(url("a.example", "/section"))
            #expect(
                try store.nextDue(now: Fixture.at(100), limit: 10).map(\.url) == [
                    url("b.example", "/front"), url("a.example", "/1"),
                ])

            // Limit, exclusion, and the not-yet-due entries once their time comes.
            #expect(try store.nextDue(now: Fixture.at(100), limit: 1).map(\.url) == [url("b.example", "/front")])
            #expect(
                try store.nextDue(now: Fixture.at(100), limit: 10, excludingHosts: ["b.example"]).map(\.url) == [
                    url("a.example", "/1")
                ])
            #expect(
                try store.nextDue(now: Fixture.at(100), limit: 10, excludingHosts: ["a.example", "b.example"]).isEmpty)
            #expect(try store.nextDue(now: Fixture.at(100), limit: 0).isEmpty)
            #expect(
                try store.nextDue(now: Fixture.at(600), limit: 10, excludingHosts: ["a.example", "b.example"]).map(
                    \.url)
                    == [url("c.example", "/later")])
        }
    }

    @Test func nextDueBreaksTiesByDiscoveryTime() throws {
        try withFeedStore { store, _ in
            try store.discover([Fixture.discovery("a.example", "/late", source: feed)], now: Fixture.at(20))
            try store.discover([Fixture.discovery("a.example", "/early", source: feed)], now: Fixture.at(10))
            // Both due at the same time: the earlier discovery wins.
            for path in ["/late", "/early"] {
                try store.complete(
                    url("a.example", path), outcome: .retry(at: Fixture.at(50), error: "x", status: nil),
                    now: Fixture.at(30))
            }
            #expect(try store.nextDue(now: Fixture.at(60), limit: 5).map(\.url) == [url("a.example", "/early")])
        }
    }

    @Test func nextDueSkipsHostsInBackoff() throws {
        try withFeedStore { store, _ in
            try store.discover(
                [
                    Fixture.discovery("a.example", "/1", source: feed),
                    Fixture.discovery("b.example", "/1", source: feed),
                ],
                now: Fixture.t0)
            try store.saveHost(HostRecord(host: "a.example", backoffUntil: Fixture.at(300), errorStreak: 3))
            try store.saveHost(HostRecord(host: "b.example", backoffUntil: Fixture.at(-1)))
            #expect(try store.nextDue(now: Fixture.at(299), limit: 5).map(\.host) == ["b.example"])
            #expect(try store.nextDue(now: Fixture.at(300), limit: 5).map(\.host) == ["a.example", "b.example"])
        }
    }

    // MARK: complete, in flight, counts

    @Test func everyOutcomeIsRecorded() throws {
        try withFeedStore { store, _ in
            let paths = ["/written", "/unchanged", "/retry", "/failed", "/skipped"]
            try store.discover(paths.map { Fixture.discovery("a.example", $0, source: feed) }, now: Fixture.t0)
            for path in paths { try store.markInFlight(url("a.example", path)) }
            let story = Fixture.story(url("a.example", "/written"), path: "a.example/written.md")
            try store.reserveStory(story)
            let done = Fixture.at(10)

            try store.complete(
                url("a.example", "/written"),
                outcome: .written(
                    storyKey: story.key, etag: "\"w\"", lastModified: "Mon, 13 Nov 2023 00:00:00 GMT", status: 200),
                now: done)
            let written = try #require(try store.frontierEntry(url: url("a.example", "/written")))
            #expect(written.state == .done && written.storyKey == story.key && written.fetchedAt == done)
            #expect(
                written.etag == "\"w\"" && written.lastModified == "Mon, 13 Nov 2023 00:00:00 GMT"
                    && written.lastStatus == 200)

            // A rewrite without validators drops the old ones: they belonged to the old body.
            try store.complete(
                url("a.example", "/written"),
                outcome: .written(storyKey: story.key, etag: nil, lastModified: nil, status: 200),
                now: done)
            #expect(try store.frontierEntry(url: url("a.example", "/written"))?.etag == nil)

            try store.complete(
                url("a.example", "/unchanged"), outcome: .unchanged(etag: "\"u\"", lastModified: "L1", status: 200),
                now: done)
            // A 304 without validators keeps the recorded ones.
            try store.complete(
                url("a.example", "/unchanged"), outcome: .unchanged(etag: nil, lastModified: nil, status: 304),
                now: done)
            let unchanged = try #require(try store.frontierEntry(url: url("a.example", "/unchanged")))
            #expect(unchanged.state == .done && unchanged.etag == "\"u\"" && unchanged.lastModified == "L1")
            #expect(unchanged.lastStatus == 304 && unchanged.storyKey == nil)

            try store.complete(
                url("a.example", "/retry"), outcome: .retry(at: Fixture.at(70), error: "reset", status: nil), now: done)
            try store.complete(
                url("a.example", "/retry"), outcome: .retry(at: Fixture.at(130), error: "busy", status: 503), now: done)
            let retry = try #require(try store.frontierEntry(url: url("a.example", "/retry")))
            #expect(retry.state == .pending && retry.notBefore == Fixture.at(130) && retry.attempts == 2)
            #expect(retry.lastError == "busy" && retry.lastStatus == 503 && retry.fetchedAt == done)
            // Success after retries resets the attempts and clears the error.
            try store.complete(
                url("a.example", "/retry"), outcome: .unchanged(etag: nil, lastModified: nil, status: 200), now: done)
            let recovered = try #require(try store.frontierEntry(url: url("a.example", "/retry")))
            #expect(recovered.attempts == 0 && recovered.lastError == nil && recovered.state == .done)

            try store.complete(
                url("a.example", "/failed"), outcome: .failed(error: "not found", status: 404), now: done)
            let failed = try #require(try store.frontierEntry(url: url("a.example", "/failed")))
            #expect(
                failed.state == .failed && failed.attempts == 1 && failed.lastError == "not found"
                    && failed.lastStatus == 404)

            try store.complete(
                url("a.example", "/skipped"), outcome: .skipped(reason: "disallowed by robots.txt"), now: done)
            let skipped = try #require(try store.frontierEntry(url: url("a.example", "/skipped")))
            #expect(
                skipped.state == .skipped && skipped.lastError == "disallowed by robots.txt" && skipped.attempts == 0)

            #expect(
                try store.frontierCounts() == [.pending: 0, .inFlight: 0, .done: 3, .failed: 1, .skipped: 1])
        }
    }

    @Test func unknownURLsAndStoriesAreReported() throws {
        try withFeedStore { store, _ in
            let ghost = url("a.example", "/ghost")
            #expect(throws: StateStoreError.unknownURL(ghost)) { try store.markInFlight(ghost) }
            #expect(throws: StateStoreError.unknownURL(ghost)) {
                try store.complete(ghost, outcome: .skipped(reason: "x"), now: Fixture.t0)
            }
            try store.discover([Fixture.discovery("a.example", "/1", source: feed)], now: Fixture.t0)
            #expect(throws: StateStoreError.unknownStory("nope")) {
                try store.complete(
                    url("a.example", "/1"),
                    outcome: .written(storyKey: "nope", etag: nil, lastModified: nil, status: 200),
                    now: Fixture.t0)
            }
            #expect(try store.frontierEntry(url: url("a.example", "/1"))?.state == .pending)
        }
    }

    @Test func inFlightEntriesComeBackAfterACrash() throws {
        try Fixture.withDirectory { directory in
            do {
                let store = try SQLiteStateStore(directory: directory)
                try store.syncSources([feed], now: Fixture.t0)
                try store.discover(
                    ["/1", "/2", "/3"].map { Fixture.discovery("a.example", $0, source: feed) }
                        + [Fixture.discovery("b.example", "/1", source: feed)],
                    now: Fixture.t0)
                try store.markInFlight(url("a.example", "/1"))
                try store.markInFlight(url("b.example", "/1"))
                try store.complete(url("a.example", "/2"), outcome: .skipped(reason: "x"), now: Fixture.t0)
                #expect(try store.nextDue(now: Fixture.t0, limit: 10).map(\.url) == [url("a.example", "/3")])
                // The daemon dies here: no close, no completion of the two in-flight URLs.
            }
            let restarted = try SQLiteStateStore(directory: directory)
            defer { try? restarted.close() }
            #expect(try restarted.frontierCounts()[.inFlight] == 2)
            #expect(try restarted.recoverInFlight() == 2)
            #expect(try restarted.recoverInFlight() == 0)
            #expect(try restarted.frontierCounts() == [.pending: 3, .inFlight: 0, .done: 0, .failed: 0, .skipped: 1])
            #expect(
                try restarted.nextDue(now: Fixture.t0, limit: 10).map(\.url) == [
                    url("a.example", "/1"), url("b.example", "/1"),
                ])
        }
    }

    @Test func pendingCountCountsAHostsPendingEntriesDueOrNot() throws {
        try withFeedStore { store, _ in
            try store.discover(
                ["/1", "/2", "/3", "/4"].map { Fixture.discovery("a.example", $0, source: feed) }
                    + [Fixture.discovery("b.example", "/1", source: feed)],
                now: Fixture.t0)
            try store.complete(
                url("a.example", "/1"), outcome: .retry(at: Fixture.at(3600), error: "x", status: nil), now: Fixture.t0)
            try store.markInFlight(url("a.example", "/2"))
            try store.complete(url("a.example", "/3"), outcome: .failed(error: "x", status: nil), now: Fixture.t0)
            #expect(try store.pendingCount(host: "a.example") == 2)
            #expect(try store.pendingCount(host: "b.example") == 1)
            #expect(try store.pendingCount(host: "c.example") == 0)
            #expect(try store.frontierCounts() == [.pending: 3, .inFlight: 1, .done: 0, .failed: 1, .skipped: 0])
        }
    }
}
