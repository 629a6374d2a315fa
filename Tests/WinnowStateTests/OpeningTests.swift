import Foundation
import GRDB
import Testing

@testable import WinnowState

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct OpeningTests {
    @Test func createsTheDirectoryPrivateWithDatabaseAndLock() throws {
        try Fixture.withDirectory { parent in
            let directory = parent + "/nested/state"
            let store = try SQLiteStateStore(directory: directory)
            defer { try? store.close() }
            let attributes = try FileManager.default.attributesOfItem(atPath: directory)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            #expect(FileManager.default.fileExists(atPath: directory + "/state.sqlite"))
            let lock = try String(contentsOfFile: directory + "/lock", encoding: .utf8)
            #expect(lock == "\(getpid())\n")
        }
    }

    @Test func aFileWhereTheDirectoryShouldBeIsRefused() throws {
        try Fixture.withDirectory { directory in
            try FileManager.default.createDirectory(
                atPath: (directory as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: directory, contents: Data("x".utf8))
            #expect(throws: StateStoreError.unusableDirectory(directory: directory, reason: "not a directory")) {
                try SQLiteStateStore(directory: directory)
            }
        }
    }

    @Test func connectionsUseWALNormalSyncAndForeignKeys() throws {
        try Fixture.withStore { store, _ in
            let (journal, synchronous, foreignKeys, busy) = try store.pool.write { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
                )
            }
            #expect(journal == "wal")
            #expect(synchronous == 1)  // NORMAL
            #expect(foreignKeys == 1)
            #expect(busy == 10_000)
        }
    }

    @Test func aSecondStoreOnTheSameDirectoryGetsTheLockError() throws {
        try Fixture.withStore { first, directory in
            #expect(throws: StateStoreError.locked(directory: directory, pid: getpid())) {
                try SQLiteStateStore(directory: directory)
            }
            let message = StateStoreError.locked(directory: directory, pid: getpid()).description
            #expect(message == "another winnow is running with state dir \(directory) (pid \(getpid()))")
            #expect(StateStoreError.locked(directory: "/s", pid: nil).description.hasSuffix("(pid unknown)"))

            // The first store is unharmed, and once it is closed the directory can be opened again.
            try first.syncSources([Fixture.source()], now: Fixture.t0)
            try first.close()
            let second = try SQLiteStateStore(directory: directory)
            #expect(try second.activeSources().count == 1)
            try second.close()
        }
    }

    @Test func aLockFileLeftByADeadProcessDoesNotBlock() throws {
        try Fixture.withDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try "999999\n".write(toFile: directory + "/lock", atomically: false, encoding: .utf8)
            let store = try SQLiteStateStore(directory: directory)
            #expect(try String(contentsOfFile: directory + "/lock", encoding: .utf8) == "\(getpid())\n")
            try store.close()
        }
    }

    @Test func restartKeepsEveryRecord() throws {
        try Fixture.withDirectory { directory in
            let feed = Fixture.source()
            var polled = feed
            polled.nextPollAt = Fixture.at(900)
            polled.interval = 900
            polled.etag = "\"v2\""
            polled.lastModified = "Tue, 14 Nov 2023 22:00:00 GMT"
            polled.lastPollAt = Fixture.t0
            polled.lastSuccessAt = Fixture.t0
            polled.lastChangeAt = Fixture.at(-60)
            polled.errorStreak = 0
            polled.storiesWritten = 3
            let host = HostRecord(
                host: "example.com", robotsStatus: 200, robotsBody: "User-agent: *\nDisallow: /private\n",
                robotsFetchedAt: Fixture.t0, robotsExpiresAt: Fixture.at(86_400), backoffUntil: Fixture.at(30),
                errorStreak: 2
            )
            let story = Fixture.story("https://example.com/a", path: "example.com/a.md")

            let store = try SQLiteStateStore(directory: directory)
            try store.syncSources([feed], now: Fixture.t0)
            try store.updateSource(polled)
            try store.discover(
                [
                    Fixture.discovery("example.com", "/a", source: feed, modified: Fixture.at(-120)),
                    Fixture.discovery("example.com", "/b", source: feed),
                ], now: Fixture.t0)
            try store.saveHost(host)
            try store.reserveStory(story)
            try store.confirmStory(key: story.key, contentHash: "h2", now: Fixture.at(5))
            try store.markInFlight("https://example.com/a")
            try store.complete(
                "https://example.com/a",
                outcome: .written(storyKey: story.key, etag: "\"a1\"", lastModified: nil, status: 200),
                now: Fixture.at(5))
            let before = (
                try store.source(id: feed.id), try store.frontierEntry(url: "https://example.com/a"),
                try store.frontierEntry(url: "https://example.com/b"), try store.host("example.com"),
                try store.story(key: story.key), try store.status()
            )
            try store.close()

            let reopened = try SQLiteStateStore(directory: directory)
            defer { try? reopened.close() }
            #expect(try reopened.source(id: feed.id) == before.0)
            #expect(before.0 == polled)
            #expect(try reopened.frontierEntry(url: "https://example.com/a") == before.1)
            #expect(try reopened.frontierEntry(url: "https://example.com/b") == before.2)
            #expect(try reopened.host("example.com") == host)
            #expect(try reopened.story(key: story.key) == before.4)
            #expect(try reopened.status() == before.5)
            #expect(before.1?.state == .done)
            #expect(before.4?.writeState == .written)
        }
    }

    @Test func readOnlyOpenWorksWhileTheWriterRuns() throws {
        try Fixture.withStore { writer, directory in
            let feed = Fixture.source()
            try writer.syncSources([feed], now: Fixture.t0)
            try writer.discover([Fixture.discovery("example.com", "/a", source: feed)], now: Fixture.t0)

            let reader = try SQLiteStateStore(directory: directory, mode: .readOnly)
            defer { try? reader.close() }
            #expect(reader.mode == .readOnly)
            #expect(try reader.status().frontier[.pending] == 1)
            #expect(try reader.activeSources() == writer.activeSources())

            // The reader sees what the writer commits after it opened.
            try writer.discover([Fixture.discovery("example.com", "/b", source: feed)], now: Fixture.t0)
            #expect(try reader.frontierCounts()[.pending] == 2)

            // The reader never writes, and it did not take the lock: a second reader opens too.
            #expect(throws: StateStoreError.readOnly) { try reader.recoverInFlight() }
            #expect(throws: StateStoreError.readOnly) { try reader.saveHost(HostRecord(host: "x")) }
            let secondReader = try SQLiteStateStore(directory: directory, mode: .readOnly)
            #expect(try secondReader.storyCount() == 0)
            try secondReader.close()
        }
    }

    @Test func readOnlyOpenWorksAfterTheWriterClosed() throws {
        try Fixture.withDirectory { directory in
            let writer = try SQLiteStateStore(directory: directory)
            try writer.syncSources([Fixture.source()], now: Fixture.t0)
            try writer.close()
            let reader = try SQLiteStateStore(directory: directory, mode: .readOnly)
            #expect(try reader.activeSources().count == 1)
            try reader.close()
        }
    }

    @Test func readOnlyOpenOfAnEmptyDirectoryIsNotFound() throws {
        try Fixture.withDirectory { directory in
            #expect(throws: StateStoreError.notFound(directory: directory)) {
                try SQLiteStateStore(directory: directory, mode: .readOnly)
            }
            #expect(!FileManager.default.fileExists(atPath: directory))
        }
    }

    @Test func aClosedStoreThrowsAndReleasesItsLock() throws {
        try Fixture.withDirectory { directory in
            let store = try SQLiteStateStore(directory: directory)
            try store.close()
            try store.close()  // twice is harmless
            #expect(throws: StateStoreError.closed) { try store.storyCount() }
            #expect(throws: StateStoreError.closed) { try store.recoverInFlight() }
            let again = try SQLiteStateStore(directory: directory)
            try again.close()
        }
    }

    @Test func droppingAStoreWithoutClosingReleasesItsLock() throws {
        try Fixture.withDirectory { directory in
            do {
                let store = try SQLiteStateStore(directory: directory)
                try store.syncSources([Fixture.source()], now: Fixture.t0)
            }
            let again = try SQLiteStateStore(directory: directory)
            #expect(try again.activeSources().count == 1)
            try again.close()
        }
    }
}
