import Foundation
import GRDB

extension SQLiteStateStore {
    // MARK: Hosts

    /// The record of a host, or nil.
    public func host(_ name: String) throws -> HostRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM hosts WHERE host = ?", arguments: [name]).map(
                HostRecord.init(row:))
        }
    }

    /// Inserts or replaces a host's record.
    public func saveHost(_ host: HostRecord) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO hosts (host, robots_status, robots_body, robots_fetched_at, robots_expires_at,
                                       backoff_until, error_streak)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(host) DO UPDATE SET
                        robots_status = excluded.robots_status, robots_body = excluded.robots_body,
                        robots_fetched_at = excluded.robots_fetched_at, robots_expires_at = excluded.robots_expires_at,
                        backoff_until = excluded.backoff_until, error_streak = excluded.error_streak
                    """,
                arguments: [
                    host.host, host.robotsStatus, host.robotsBody, host.robotsFetchedAt?.unixSeconds,
                    host.robotsExpiresAt?.unixSeconds, host.backoffUntil?.unixSeconds, host.errorStreak,
                ]
            )
        }
    }

    // MARK: Stories

    /// The story with this key, or nil.
    public func story(key: String) throws -> StoryRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM stories WHERE key = ?", arguments: [key]).map(
                StoryRecord.init(row:))
        }
    }

    /// The story whose file is at this path, or nil.
    public func story(path: String) throws -> StoryRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM stories WHERE path = ?", arguments: [path]).map(
                StoryRecord.init(row:))
        }
    }

    /// Reserves a story's path as `.pending`; throws `.pathTaken` when another story owns the path.
    public func reserveStory(_ story: StoryRecord) throws {
        try write { db in
            if let owner = try String.fetchOne(
                db, sql: "SELECT key FROM stories WHERE path = ? AND key <> ?", arguments: [story.path, story.key]
            ) {
                throw StateStoreError.pathTaken(path: story.path, ownerKey: owner)
            }
            try db.execute(
                sql: """
                    INSERT INTO stories (key, path, content_hash, url, canonical_url, title, published, first_written_at,
                                         last_written_at, write_state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
                    ON CONFLICT(key) DO UPDATE SET
                        path = excluded.path, content_hash = excluded.content_hash, url = excluded.url,
                        canonical_url = excluded.canonical_url, title = excluded.title, published = excluded.published,
                        write_state = 'pending'
                    """,
                arguments: [
                    story.key, story.path, story.contentHash, story.url, story.canonicalURL, story.title,
                    story.published?.unixSeconds, story.firstWrittenAt.unixSeconds, story.lastWrittenAt.unixSeconds,
                ]
            )
        }
    }

    /// Marks a reserved story written, with this content hash, last written at `now`.
    public func confirmStory(key: String, contentHash: String, now: Date) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE stories SET write_state = 'written', content_hash = ?, last_written_at = ? WHERE key = ?",
                arguments: [contentHash, now.unixSeconds, key]
            )
            guard db.changesCount == 1 else { throw StateStoreError.unknownStory(key) }
        }
    }

    /// The stories reserved but never confirmed, by key.
    public func pendingStories() throws -> [StoryRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM stories WHERE write_state = 'pending' ORDER BY key")
                .map(StoryRecord.init(row:))
        }
    }

    /// How many stories are recorded.
    public func storyCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0 }
    }

    // MARK: Status

    /// Everything `winnow status` shows, from one snapshot.
    public func status() throws -> StoreStatus {
        try read { db in
            let sources = try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY active DESC, id")
                .map(SourceRecord.init(row:))
            let empty = Dictionary(uniqueKeysWithValues: EntryState.allCases.map { ($0, 0) })
            var bySource: [String: [EntryState: Int]] = [:]
            var frontier = empty
            for row in try Row.fetchAll(
                db, sql: "SELECT source_id, state, COUNT(*) AS n FROM frontier GROUP BY source_id, state"
            ) {
                let state: EntryState = try row.enumeration("state")
                let count = try row.integer("n")
                let sourceID = try row.text("source_id")
                bySource[sourceID, default: empty][state, default: 0] += count
                frontier[state, default: 0] += count
            }
            return StoreStatus(
                sources: sources.map { SourceStatus(source: $0, entries: bySource[$0.id] ?? empty) },
                frontier: frontier,
                hostCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hosts") ?? 0,
                storyCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0,
                pendingStoryCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM stories WHERE write_state = 'pending'")
                    ?? 0
            )
        }
    }
}
