import Foundation
import Testing

@testable import WinnowState

@Suite struct StoryAndHostTests {
    @Test func hostsAreSavedAndReplaced() throws {
        try Fixture.withStore { store, _ in
            #expect(try store.host("a.example") == nil)
            let unreachable = HostRecord(
                host: "a.example", robotsFetchedAt: Fixture.t0, robotsExpiresAt: Fixture.at(600))
            try store.saveHost(unreachable)
            #expect(try store.host("a.example") == unreachable)
            let fetched = HostRecord(
                host: "a.example", robotsStatus: 200, robotsBody: "User-agent: *\nCrawl-delay: 5\n",
                robotsFetchedAt: Fixture.at(700),
                robotsExpiresAt: Fixture.at(87_100), backoffUntil: Fixture.at(760), errorStreak: 1)
            try store.saveHost(fetched)
            #expect(try store.host("a.example") == fetched)
            try store.saveHost(HostRecord(host: "b.example", robotsStatus: 404))
            #expect(try store.status().hostCount == 2)
        }
    }

    @Test func aStoryIsReservedThenConfirmed() throws {
        try Fixture.withStore { store, _ in
            let story = Fixture.story("https://a.example/storm", path: "a.example/storm.md")
            try store.reserveStory(story)
            #expect(try store.story(key: story.key) == story)
            #expect(try store.story(path: "a.example/storm.md") == story)
            #expect(try store.pendingStories() == [story])
            #expect(try store.storyCount() == 1)

            try store.confirmStory(key: story.key, contentHash: "h2", now: Fixture.at(3))
            var written = story
            written.writeState = .written
            written.contentHash = "h2"
            written.lastWrittenAt = Fixture.at(3)
            #expect(try store.story(key: story.key) == written)
            #expect(try store.pendingStories().isEmpty)
            #expect(throws: StateStoreError.unknownStory("https://a.example/nope")) {
                try store.confirmStory(key: "https://a.example/nope", contentHash: "x", now: Fixture.t0)
            }
        }
    }

    @Test func reservingAKnownStoryAgainKeepsItsHistory() throws {
        try Fixture.withStore { store, _ in
            let story = Fixture.story("https://a.example/storm", path: "a.example/storm.md")
            try store.reserveStory(story)
            try store.confirmStory(key: story.key, contentHash: "h1", now: Fixture.at(3))

            // The update gets a new title and a new file name; its first and last write times stay.
            var update = story
            update.path = "a.example/storm-update.md"
            update.title = "Storm, updated"
            update.contentHash = "h2"
            update.firstWrittenAt = Fixture.at(100)
            update.lastWrittenAt = Fixture.at(100)
            try store.reserveStory(update)
            let reserved = try #require(try store.story(key: story.key))
            #expect(reserved.writeState == .pending)
            #expect(reserved.path == "a.example/storm-update.md" && reserved.title == "Storm, updated")
            #expect(reserved.firstWrittenAt == Fixture.t0 && reserved.lastWrittenAt == Fixture.at(3))
            #expect(try store.story(path: "a.example/storm.md") == nil)
            #expect(try store.storyCount() == 1)
        }
    }

    @Test func aPathBelongsToOneStory() throws {
        try Fixture.withStore { store, _ in
            let first = Fixture.story("https://a.example/storm", path: "a.example/storm.md")
            try store.reserveStory(first)
            let other = Fixture.story("https://a.example/other-storm", path: "a.example/storm.md")
            #expect(throws: StateStoreError.pathTaken(path: "a.example/storm.md", ownerKey: first.key)) {
                try store.reserveStory(other)
            }
            #expect(
                StateStoreError.pathTaken(path: "a.example/storm.md", ownerKey: first.key).description
                    == "story path a.example/storm.md already belongs to https://a.example/storm")
            // Confirmed or not, the owner keeps it; another path is fine.
            try store.confirmStory(key: first.key, contentHash: "h", now: Fixture.t0)
            #expect(throws: StateStoreError.pathTaken(path: "a.example/storm.md", ownerKey: first.key)) {
                try store.reserveStory(other)
            }
            var renamed = other
            renamed.path = "a.example/storm-2.md"
            try store.reserveStory(renamed)
            #expect(try store.story(path: "a.example/storm.md")?.key == first.key)
            #expect(try store.story(path: "a.example/storm-2.md")?.key == other.key)
            #expect(try store.pendingStories().map(\.key) == [other.key])
        }
    }

    @Test func statusSummarizesTheStore() throws {
        try Fixture.withStore { store, directory in
            let feed = Fixture.source("a.example")
            let sitemap = Fixture.source("b.example", kind: .sitemap, path: "/sitemap.xml")
            let gone = Fixture.source("gone.example")
            try store.syncSources([feed, sitemap, gone], now: Fixture.t0)
            try store.syncSources([feed, sitemap], now: Fixture.t0)
            var failing = try #require(try store.source(id: sitemap.id))
            failing.lastError = "HTTP 500"
            failing.errorStreak = 4
            try store.updateSource(failing)
            try store.discover(
                [
                    Fixture.discovery("a.example", "/1", source: feed),
                    Fixture.discovery("a.example", "/2", source: feed),
                    Fixture.discovery("b.example", "/1", source: sitemap),
                ], now: Fixture.t0)
            let story = Fixture.story("https://a.example/1", path: "a.example/1.md")
            try store.reserveStory(story)
            try store.confirmStory(key: story.key, contentHash: "h", now: Fixture.t0)
            try store.reserveStory(Fixture.story("https://a.example/2", path: "a.example/2.md"))
            try store.complete(
                "https://a.example/1",
                outcome: .written(storyKey: story.key, etag: nil, lastModified: nil, status: 200),
                now: Fixture.t0)
            try store.incrementStoriesWritten(sourceID: feed.id)
            try store.markInFlight("https://a.example/2")
            try store.saveHost(HostRecord(host: "a.example", robotsStatus: 200))

            let status = try SQLiteStateStore(directory: directory, mode: .readOnly).status()
            #expect(status.sources.map(\.source.id) == [feed.id, sitemap.id, gone.id])
            #expect(status.sources.map(\.source.active) == [true, true, false])
            #expect(status.sources[0].source.storiesWritten == 1)
            #expect(status.sources[0].entries == [.pending: 0, .inFlight: 1, .done: 1, .failed: 0, .skipped: 0])
            #expect(status.sources[1].source.lastError == "HTTP 500" && status.sources[1].source.errorStreak == 4)
            #expect(status.sources[1].entries[.pending] == 1)
            #expect(status.sources[2].entries.values.allSatisfy { $0 == 0 })
            #expect(status.frontier == [.pending: 1, .inFlight: 1, .done: 1, .failed: 0, .skipped: 0])
            #expect(status.hostCount == 1)
            #expect(status.storyCount == 2)
            #expect(status.pendingStoryCount == 1)
        }
    }
}
