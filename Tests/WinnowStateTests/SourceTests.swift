import Foundation
import Testing

@testable import WinnowState

@Suite struct SourceTests {
    @Test func syncInsertsNewSourcesDueNow() throws {
        try Fixture.withStore { store, _ in
            let feed = Fixture.source("a.example")
            let sitemap = Fixture.source("b.example", kind: .sitemap, path: "/sitemap.xml")
            let result = try store.syncSources([feed, sitemap, feed], now: Fixture.t0)
            #expect(result == SourceSyncResult(added: [feed.id, sitemap.id]))
            var expected = feed
            expected.nextPollAt = Fixture.t0
            #expect(try store.source(id: feed.id) == expected)
            #expect(try store.activeSources().map(\.id) == [feed.id, sitemap.id].sorted())
            #expect(try store.dueSources(now: Fixture.t0).count == 2)
            #expect(try store.dueSources(now: Fixture.at(-1)).isEmpty)
        }
    }

    @Test func syncKeepsTheStateOfKnownSourcesAndDeactivatesRemovedOnes() throws {
        try Fixture.withStore { store, _ in
            let feed = Fixture.source("a.example")
            let section = Fixture.source("b.example", kind: .section, path: "/news")
            try store.syncSources([feed, section], now: Fixture.t0)
            var polled = try #require(try store.source(id: feed.id))
            polled.interval = 7200
            polled.nextPollAt = Fixture.at(7200)
            polled.etag = "\"x\""
            polled.lastModified = "Tue, 14 Nov 2023 22:13:20 GMT"
            polled.lastPollAt = Fixture.t0
            polled.lastSuccessAt = Fixture.t0
            polled.lastChangeAt = Fixture.t0
            polled.lastError = "timeout"
            polled.errorStreak = 2
            try store.updateSource(polled)
            try store.incrementStoriesWritten(sourceID: feed.id)
            try store.incrementStoriesWritten(sourceID: feed.id)
            polled.storiesWritten = 2

            // The configuration now lists the feed under a new URL and kind, drops the section, adds a list.
            var moved = Fixture.source("a.example")
            moved.url = "https://a.example/atom.xml"
            moved.kind = .sitemap
            moved.interval = 60
            moved.nextPollAt = Fixture.at(1)
            let list = SourceRecord(
                id: "urls", kind: .urlList, url: "file:///etc/winnow/urls.txt", interval: 86_400, nextPollAt: Fixture.t0
            )
            let later = Fixture.at(100)
            let result = try store.syncSources([moved, list], now: later)
            #expect(result == SourceSyncResult(added: ["urls"], deactivated: [section.id]))

            var expected = polled
            expected.url = "https://a.example/atom.xml"
            expected.kind = .sitemap
            #expect(try store.source(id: feed.id) == expected)
            #expect(try store.source(id: section.id)?.active == false)
            #expect(try store.activeSources().map(\.id) == [feed.id, "urls"])
            // Inactive sources are never due; the feed keeps its own next poll.
            #expect(try store.dueSources(now: Fixture.at(100_000)).map(\.id) == ["urls", feed.id])
            #expect(try store.dueSources(now: later).map(\.id) == ["urls"])

            // Configured again: active again, its history intact.
            let back = try store.syncSources([moved, list, section], now: Fixture.at(200))
            #expect(back == SourceSyncResult(reactivated: [section.id]))
            let revived = try #require(try store.source(id: section.id))
            #expect(revived.active && revived.nextPollAt == Fixture.t0)
        }
    }

    @Test func dueSourcesComeMostOverdueFirst() throws {
        try Fixture.withStore { store, _ in
            let sources = ["c.example", "a.example", "b.example"].map { Fixture.source($0) }
            try store.syncSources(sources, now: Fixture.t0)
            for (offset, source) in sources.enumerated() {
                var updated = source
                updated.nextPollAt = Fixture.at(Double(10 * (3 - offset)))
                try store.updateSource(updated)
            }
            #expect(
                try store.dueSources(now: Fixture.at(20)).map(\.url) == [
                    "https://b.example/rss", "https://a.example/rss",
                ])
        }
    }

    @Test func unknownSourcesAreReported() throws {
        try Fixture.withStore { store, _ throws in
            let ghost = Fixture.source("ghost.example")
            #expect(throws: StateStoreError.unknownSource(ghost.id)) { try store.updateSource(ghost) }
            #expect(throws: StateStoreError.unknownSource(ghost.id)) {
                try store.incrementStoriesWritten(sourceID: ghost.id)
            }
            #expect(try store.source(id: ghost.id) == nil)
        }
    }
}
