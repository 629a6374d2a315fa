import Foundation
import GRDB

extension SQLiteStateStore {
    /// Reconciles the stored sources with the configured ones; see `StateStore.syncSources(_:now:)`.
    @discardableResult
    public func syncSources(_ configured: [SourceRecord], now: Date) throws -> SourceSyncResult {
        try write { db in
            var result = SourceSyncResult()
            var seen = Set<String>()
            for source in configured where seen.insert(source.id).inserted {
                let wasActive = try Bool.fetchOne(
                    db, sql: "SELECT active FROM sources WHERE id = ?", arguments: [source.id])
                switch wasActive {
                case nil:
                    var fresh = source
                    fresh.nextPollAt = now
                    fresh.active = true
                    try insert(fresh, db)
                    result.added.append(source.id)
                case let active?:
                    try db.execute(
                        sql: "UPDATE sources SET kind = ?, url = ?, active = 1 WHERE id = ?",
                        arguments: [source.kind.rawValue, source.url, source.id]
                    )
                    if !active { result.reactivated.append(source.id) }
                }
            }
            let stored = try String.fetchAll(db, sql: "SELECT id FROM sources WHERE active = 1 ORDER BY id")
            for id in stored where !seen.contains(id) {
                try db.execute(sql: "UPDATE sources SET active = 0 WHERE id = ?", arguments: [id])
                result.deactivated.append(id)
            }
            return result
        }
    }

    /// Every active source, by id.
    public func activeSources() throws -> [SourceRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sources WHERE active = 1 ORDER BY id").map(SourceRecord.init(row:))
        }
    }

    /// The active sources due at `now`, the most overdue first.
    public func dueSources(now: Date) throws -> [SourceRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM sources WHERE active = 1 AND next_poll_at <= ? ORDER BY next_poll_at, id",
                arguments: [now.unixSeconds]
            ).map(SourceRecord.init(row:))
        }
    }

    /// The source with this id, or nil.
    public func source(id: String) throws -> SourceRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE id = ?", arguments: [id]).map(
                SourceRecord.init(row:))
        }
    }

    /// Replaces a known source's record.
    public func updateSource(_ source: SourceRecord) throws {
        try write { db in
            let assignments = SourceRecord.stateColumns.map { "\($0) = ?" }.joined(separator: ", ")
            try db.execute(
                sql: "UPDATE sources SET \(assignments) WHERE id = ?",
                arguments: StatementArguments(source.stateArguments + [source.id])
            )
            guard db.changesCount == 1 else { throw StateStoreError.unknownSource(source.id) }
        }
    }

    /// Adds one to a source's `storiesWritten`.
    public func incrementStoriesWritten(sourceID: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE sources SET stories_written = stories_written + 1 WHERE id = ?", arguments: [sourceID])
            guard db.changesCount == 1 else { throw StateStoreError.unknownSource(sourceID) }
        }
    }

    private func insert(_ source: SourceRecord, _ db: Database) throws {
        let columns = ["id"] + SourceRecord.stateColumns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO sources (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
            arguments: StatementArguments([source.id] + source.stateArguments)
        )
    }
}
