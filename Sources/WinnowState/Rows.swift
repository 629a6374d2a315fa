import Foundation
import GRDB

// Reading records from rows and turning values into SQL arguments. Kept internal: GRDB never appears in
// the public records.

extension Date {
    /// The date as stored: Unix seconds.
    var unixSeconds: Double { timeIntervalSince1970 }
}

extension Row {
    /// A required text column.
    func text(_ column: String) throws -> String {
        try decode(String.self, forColumn: column)
    }

    /// An optional text column.
    func optionalText(_ column: String) throws -> String? {
        try decode(String?.self, forColumn: column)
    }

    /// A required integer column.
    func integer(_ column: String) throws -> Int {
        try decode(Int.self, forColumn: column)
    }

    /// An optional integer column.
    func optionalInteger(_ column: String) throws -> Int? {
        try decode(Int?.self, forColumn: column)
    }

    /// A required time column (Unix seconds).
    func date(_ column: String) throws -> Date {
        Date(timeIntervalSince1970: try decode(Double.self, forColumn: column))
    }

    /// An optional time column (Unix seconds).
    func optionalDate(_ column: String) throws -> Date? {
        try decode(Double?.self, forColumn: column).map(Date.init(timeIntervalSince1970:))
    }

    /// An enumeration stored as its raw value; an unknown value is `.corrupt`.
    func enumeration<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        let raw = try text(column)
        guard let value = Value(rawValue: raw) else {
            throw StateStoreError.corrupt("unknown \(Value.self) '\(raw)' in column \(column)")
        }
        return value
    }
}

extension SourceRecord {
    init(row: Row) throws {
        self.init(
            id: try row.text("id"), kind: try row.enumeration("kind"), url: try row.text("url"),
            interval: try row.decode(Double.self, forColumn: "interval_seconds"),
            nextPollAt: try row.date("next_poll_at"),
            etag: try row.optionalText("etag"), lastModified: try row.optionalText("last_modified"),
            lastPollAt: try row.optionalDate("last_poll_at"), lastSuccessAt: try row.optionalDate("last_success_at"),
            lastChangeAt: try row.optionalDate("last_change_at"), lastError: try row.optionalText("last_error"),
            errorStreak: try row.integer("error_streak"), storiesWritten: try row.integer("stories_written"),
            active: try row.integer("active") != 0
        )
    }

    /// The values of every column but `id`, in the order of `SourceRecord.stateColumns`.
    var stateArguments: [(any DatabaseValueConvertible)?] {
        [
            kind.rawValue, url, interval, nextPollAt.unixSeconds, etag, lastModified, lastPollAt?.unixSeconds,
            lastSuccessAt?.unixSeconds, lastChangeAt?.unixSeconds, lastError, errorStreak, storiesWritten,
            active ? 1 : 0,
        ]
    }

    /// Every column but `id`, matching `stateArguments`.
    static let stateColumns = [
        "kind", "url", "interval_seconds", "next_poll_at", "etag", "last_modified", "last_poll_at", "last_success_at",
        "last_change_at", "last_error", "error_streak", "stories_written", "active",
    ]
}

extension FrontierEntry {
    init(row: Row) throws {
        self.init(
            url: try row.text("url"), host: try row.text("host"), sourceID: try row.text("source_id"),
            depth: try row.integer("depth"), kind: try row.enumeration("kind"), state: try row.enumeration("state"),
            notBefore: try row.date("not_before"), attempts: try row.integer("attempts"),
            discoveredAt: try row.date("discovered_at"), sourceModifiedAt: try row.optionalDate("source_modified_at"),
            fetchedAt: try row.optionalDate("fetched_at"), etag: try row.optionalText("etag"),
            lastModified: try row.optionalText("last_modified"), lastStatus: try row.optionalInteger("last_status"),
            lastError: try row.optionalText("last_error"), storyKey: try row.optionalText("story_key")
        )
    }
}

extension HostRecord {
    init(row: Row) throws {
        self.init(
            host: try row.text("host"), robotsStatus: try row.optionalInteger("robots_status"),
            robotsBody: try row.optionalText("robots_body"), robotsFetchedAt: try row.optionalDate("robots_fetched_at"),
            robotsExpiresAt: try row.optionalDate("robots_expires_at"),
            backoffUntil: try row.optionalDate("backoff_until"),
            errorStreak: try row.integer("error_streak")
        )
    }
}

extension StoryRecord {
    init(row: Row) throws {
        self.init(
            key: try row.text("key"), path: try row.text("path"), contentHash: try row.text("content_hash"),
            url: try row.text("url"), canonicalURL: try row.optionalText("canonical_url"),
            title: try row.optionalText("title"), published: try row.optionalDate("published"),
            firstWrittenAt: try row.date("first_written_at"), lastWrittenAt: try row.date("last_written_at"),
            writeState: try row.enumeration("write_state")
        )
    }
}

/// Counts per state from `(state, n)` rows, every state present.
func stateCounts(_ rows: [Row]) throws -> [EntryState: Int] {
    var counts = Dictionary(uniqueKeysWithValues: EntryState.allCases.map { ($0, 0) })
    for row in rows {
        let state: EntryState = try row.enumeration("state")
        counts[state, default: 0] += try row.integer("n")
    }
    return counts
}
