import Foundation
import Synchronization
import Testing
import WinnowDaemon
import WinnowState
import WinnowTestSupport

/// What a restart does after the daemon died at each step of publishing a story (reserve the path, write the
/// file, append the index line, confirm, complete the URL). Each test runs one story through, then puts the
/// state store and the output directory back to exactly what a kill at that step leaves, then runs again.
/// (The same through the `winnow run` binary, killed for real at random moments, is in
/// Tests/WinnowCLITests/CrashConsistencyTests.swift.)
@Suite(.serialized) struct CrashRecoveryTests {
    /// A site with one story at `/plain/1`, answered without validators (so every fetch is a full one, as the
    /// first fetch of a page is), in revision `revision`.
    final class Site: Sendable {
        /// The story's revision, shared with the route closures.
        final class Revision: Sendable {
            private let value = Mutex(0)
            func withLock<R>(_ body: (inout Int) -> R) -> R { value.withLock { body(&$0) } }
        }

        let site: NewsSite
        let revision = Revision()

        init() throws {
            let site = try NewsSite()
            self.site = site
            let revision = revision
            let canonical = site.url("/plain/1")
            site.behaviour.withLock {
                $0.routes["/feed.xml"] = { _ in
                    ServerReply(body: Array(NewsSite.rss([("/plain/1", nil)], base: site.url("")).utf8))
                }
                $0.routes["/plain/1"] = { _ in
                    ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(
                        NewsSite.article(1, revision: revision.withLock { $0 }, canonical: canonical).utf8))
                }
            }
        }

        var url: String { site.url("/plain/1") }
        func stop() { site.stop() }
    }

    /// The identity of a file on disk: a rewrite (temporary file renamed over it) changes the inode.
    struct FileStamp: Equatable {
        let inode: UInt64
        let modified: Int
        let contents: String

        init?(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                return nil
            }
            inode = UInt64(info.st_ino)
            modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            self.contents = contents
        }
    }

    /// The step a simulated kill interrupts.
    enum KilledAfter {
        /// Path reserved (`.pending`), nothing written.
        case reserve
        /// File renamed into place, no index line yet.
        case fileWrite
        /// Index line appended, store not confirmed.
        case indexAppend
        /// Story confirmed, its URL still in flight.
        case confirm
    }

    /// Runs the story through, then rewinds the store and the output to what a kill after `step` of its last
    /// write leaves. With `update`, the last write is of revision 1 over revision 0 (for `.reserve`, revision 1
    /// is only due: the file still holds revision 0).
    static func prepare(_ harness: DaemonHarness, site: Site, killedAfter step: KilledAfter, update: Bool) async throws
        -> (configuration: DaemonConfiguration, story: StoryRecord)
    {
        let configuration = harness.configuration([try DaemonHarness.source(.feed, site.site.url("/feed.xml"))])
        try await harness.runOnce(configuration)
        if update {
            site.revision.withLock { $0 = 1 }
            if step != .reserve {
                // The feed gives no dates, so mark the URL due by hand, as a poll announcing the change would.
                try await harness.runOnce(configuration, requeue: [site.url])
            }
        }
        let store = try SQLiteStateStore(directory: harness.state.path)
        defer { try? store.close() }
        let key = try #require(try store.frontierEntry(url: site.url)?.storyKey)
        let story = try #require(try store.story(key: key))
        let indexFile = harness.output.appendingPathComponent("index.jsonl").path
        let storyFile = harness.output.appendingPathComponent(story.path).path
        // The URL was being fetched when the daemon died.
        try store.markInFlight(site.url)
        switch step {
        case .reserve:
            var reserved = story
            reserved.contentHash = "reserved-hash-of-the-text-being-written"
            try store.reserveStory(reserved)
            if !update {
                // A new story: no file and no index line yet.
                try FileManager.default.removeItem(atPath: storyFile)
                try Data().write(to: URL(fileURLWithPath: indexFile))
            }
        case .fileWrite:
            try store.reserveStory(story)
            let lines = try String(contentsOfFile: indexFile, encoding: .utf8).split(separator: "\n")
            try (lines.dropLast().map { $0 + "\n" }.joined()).write(toFile: indexFile, atomically: true, encoding: .utf8)
        case .indexAppend:
            try store.reserveStory(story)
        case .confirm:
            break
        }
        return (configuration, story)
    }

    @Test(arguments: [KilledAfter.fileWrite, .indexAppend, .confirm])
    func aWholeStoryLeftByAKillIsNeitherRewrittenNorLoggedTwice(step: KilledAfter) async throws {
        let site = try Site(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let (configuration, story) = try await Self.prepare(harness, site: site, killedAfter: step, update: false)
        let file = harness.output.appendingPathComponent(story.path).path
        let before = try #require(FileStamp(file))

        let progress = try await harness.runOnce(configuration)
        #expect(site.site.requests(to: "/plain/1").count == 2, "the URL in flight is fetched again")
        #expect(FileStamp(file) == before, "the file already held this text: not rewritten")
        #expect(harness.index().map { $0["action"] } == ["created"], "one line for one write")
        let status = try harness.status()
        #expect(status.storyCount == 1 && status.pendingStoryCount == 0)
        #expect(progress.storiesCreated == (step == .confirm ? 0 : 1))
        #expect(harness.stories().count == 1)
    }

    @Test func aNewStoryKilledBeforeItsFileIsWrittenIsWrittenOnRestart() async throws {
        let site = try Site(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let (configuration, story) = try await Self.prepare(harness, site: site, killedAfter: .reserve, update: false)
        #expect(harness.stories().isEmpty)

        try await harness.runOnce(configuration)
        let stories = harness.stories()
        #expect(stories.keys.sorted() == [story.path])
        #expect(stories[story.path]?.contains("Report 1 closes with the harbour master") == true)
        #expect(harness.index().map { $0["action"] } == ["created"])
        #expect(harness.index().first?["path"] == story.path)
        #expect(try harness.status().pendingStoryCount == 0)
    }

    @Test(arguments: [KilledAfter.reserve, .fileWrite, .indexAppend])
    func anUpdateKilledHalfwayIsFinishedOnRestart(step: KilledAfter) async throws {
        let site = try Site(), harness = try DaemonHarness()
        defer { site.stop(); harness.remove() }
        let (configuration, story) = try await Self.prepare(harness, site: site, killedAfter: step, update: true)
        let file = harness.output.appendingPathComponent(story.path).path
        let before = try #require(FileStamp(file))

        try await harness.runOnce(configuration)
        let after = try #require(FileStamp(file))
        #expect(after.contents.contains("Update 1: the council confirmed"))
        #expect(harness.stories().count == 1)
        if step == .reserve {
            // The old text was still in the file: replaced by the new one.
            #expect(after.inode != before.inode)
        } else {
            // The new text was already in place: left alone.
            #expect(after == before)
        }
        // Either way one line for the first write and one for the update.
        #expect(harness.index().map { $0["action"] } == ["created", "updated"])
        let status = try harness.status()
        #expect(status.pendingStoryCount == 0 && status.storyCount == 1)
    }
}
