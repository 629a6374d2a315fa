import Foundation
import GRDB

extension SQLiteStateStore {
    /// Records URLs a source listed; returns how many became pending. See `StateStore.discover(_:now:)`.
    @discardableResult
    public func discover(_ discoveries: [Discovery], now: Date) throws -> Int {
        try write { db in
            for sourceID in Set(discoveries.map(\.sourceID)).sorted() {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sources WHERE id = ?", arguments: [sourceID]) != nil
                else {
                    throw StateStoreError.unknownSource(sourceID)
                }
            }
            let lookup = try db.cachedStatement(
                sql: "SELECT state, source_modified_at, fetched_at FROM frontier WHERE url = ?"
            )
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO frontier (url, host, source_id, depth, kind, state, not_before, attempts, discovered_at,
                                          source_modified_at)
                    VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?)
                    """
            )
            let requeue = try db.cachedStatement(
                sql:
                    "UPDATE frontier SET state = 'pending', not_before = ?, attempts = 0, source_modified_at = ? WHERE url = ?"
            )
            let touch = try db.cachedStatement(sql: "UPDATE frontier SET source_modified_at = ? WHERE url = ?")
            var becamePending = 0
            for discovery in discoveries {
                guard let known = try Row.fetchOne(lookup, arguments: [discovery.url]) else {
                    try insert.execute(arguments: [
                        discovery.url, discovery.host, discovery.sourceID, discovery.depth, discovery.kind.rawValue,
                        now.unixSeconds, now.unixSeconds, discovery.sourceModifiedAt?.unixSeconds,
                    ])
                    becamePending += 1
                    continue
                }
                guard let modified = discovery.sourceModifiedAt else { continue }
                let recorded = try known.optionalDate("source_modified_at")
                let state: EntryState = try known.enumeration("state")
                switch state {
                case .done:
                    // Updated since it was fetched: by the source's own clock when it gave one before, else by ours.
                    guard let reference = try recorded ?? known.optionalDate("fetched_at"), modified > reference else {
                        continue
                    }
                    try requeue.execute(arguments: [now.unixSeconds, modified.unixSeconds, discovery.url])
                    becamePending += 1
                case .pending:
                    if recorded.map({ modified > $0 }) ?? true {
                        try touch.execute(arguments: [modified.unixSeconds, discovery.url])
                    }
                case .inFlight, .failed, .skipped:
                    // In flight: the worker may have the old version; keeping the old date lets a later
                    // listing with this date requeue it once it is done.
                    continue
                }
            }
            return becamePending
        }
    }

    /// The URLs to fetch next, one per host at most; see `StateStore.nextDue(now:limit:excludingHosts:)`.
    ///
    /// Walks the distinct hosts that have pending entries with one index seek each (a loose index scan over
    /// `frontier_pending`), takes each host's most overdue due entry with one more seek, and sorts those few
    /// candidates: the cost grows with the number of hosts, not with the number of entries.
    public func nextDue(now: Date, limit: Int, excludingHosts: Set<String>) throws -> [FrontierEntry] {
        guard limit > 0 else { return [] }
        let excluded = excludingHosts.sorted()
        var arguments: [(any DatabaseValueConvertible)?] = [now.unixSeconds]
        arguments += excluded.map { $0 as (any DatabaseValueConvertible)? }
        arguments += [now.unixSeconds, limit]
        let sql = Self.nextDueSQL(excludedHosts: excluded.count)
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(FrontierEntry.init(row:))
        }
    }

    /// `nextDue`'s query; its arguments are now, the excluded hosts, now again, and the limit.
    ///
    /// `INDEXED BY` pins every frontier lookup to `frontier_pending`: left to itself the planner prefers
    /// `frontier_state` for `state = 'pending'` and sorts every pending row once per host (seconds, not
    /// milliseconds, on 100,000 entries). With the hint the query fails loudly rather than slowly if the
    /// index ever goes missing.
    static func nextDueSQL(excludedHosts: Int) -> String {
        let exclusion =
            excludedHosts == 0
            ? ""
            : "AND pending_host.name NOT IN (\(Array(repeating: "?", count: excludedHosts).joined(separator: ", ")))"
        return """
            WITH RECURSIVE pending_host(name) AS (
                SELECT (SELECT host FROM frontier INDEXED BY frontier_pending WHERE state = 'pending'
                        ORDER BY host LIMIT 1)
                UNION ALL
                SELECT (SELECT host FROM frontier INDEXED BY frontier_pending
                        WHERE state = 'pending' AND host > pending_host.name ORDER BY host LIMIT 1)
                FROM pending_host WHERE pending_host.name IS NOT NULL
            )
            SELECT frontier.* FROM pending_host
            JOIN frontier ON frontier.rowid = (
                SELECT candidate.rowid FROM frontier AS candidate INDEXED BY frontier_pending
                WHERE candidate.state = 'pending' AND candidate.host = pending_host.name AND candidate.not_before <= ?
                ORDER BY candidate.not_before, candidate.discovered_at LIMIT 1
            )
            WHERE pending_host.name IS NOT NULL \(exclusion)
              AND NOT EXISTS (SELECT 1 FROM hosts WHERE hosts.host = pending_host.name AND hosts.backoff_until > ?)
            ORDER BY frontier.not_before, frontier.discovered_at, frontier.url
            LIMIT ?
            """
    }

    /// The frontier entry for this URL, or nil.
    public func frontierEntry(url: String) throws -> FrontierEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM frontier WHERE url = ?", arguments: [url]).map(
                FrontierEntry.init(row:))
        }
    }

    /// Marks a URL as handed to a worker, whatever its state was.
    public func markInFlight(_ url: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE frontier SET state = 'inFlight' WHERE url = ?", arguments: [url])
            guard db.changesCount == 1 else { throw StateStoreError.unknownURL(url) }
        }
    }

    /// Records how an attempt at a URL ended; see `EntryOutcome`.
    public func complete(_ url: String, outcome: EntryOutcome, now: Date) throws {
        try write { db in
            let assignments: String
            let arguments: [(any DatabaseValueConvertible)?]
            switch outcome {
            case .written(let storyKey, let etag, let lastModified, let status):
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM stories WHERE key = ?", arguments: [storyKey]) != nil
                else {
                    throw StateStoreError.unknownStory(storyKey)
                }
                assignments = """
                    state = 'done', attempts = 0, etag = ?, last_modified = ?, last_status = ?, last_error = NULL,
                    story_key = ?
                    """
                arguments = [etag, lastModified, status, storyKey]
            case .unchanged(let etag, let lastModified, let status):
                assignments = """
                    state = 'done', attempts = 0, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                    last_status = ?, last_error = NULL
                    """
                arguments = [etag, lastModified, status]
            case .retry(let at, let error, let status):
                assignments =
                    "state = 'pending', not_before = ?, attempts = attempts + 1, last_error = ?, last_status = ?"
                arguments = [at.unixSeconds, error, status]
            case .failed(let error, let status):
                assignments = "state = 'failed', attempts = attempts + 1, last_error = ?, last_status = ?"
                arguments = [error, status]
            case .skipped(let reason):
                assignments = "state = 'skipped', last_error = ?"
                arguments = [reason]
            }
            try db.execute(
                sql: "UPDATE frontier SET \(assignments), fetched_at = ? WHERE url = ?",
                arguments: StatementArguments(arguments + [now.unixSeconds, url])
            )
            guard db.changesCount == 1 else { throw StateStoreError.unknownURL(url) }
        }
    }

    /// Makes a done entry pending again at `at`; false when it is not done.
    @discardableResult
    public func scheduleRevisit(_ url: String, at: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE frontier SET state = 'pending', not_before = ? WHERE url = ? AND state = 'done'",
                arguments: [at.unixSeconds, url])
            return db.changesCount == 1
        }
    }

    /// Puts every in-flight entry back to pending; returns how many.
    @discardableResult
    public func recoverInFlight() throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE frontier SET state = 'pending' WHERE state = 'inFlight'")
            return db.changesCount
        }
    }

    /// How many entries are in each state, every state present.
    public func frontierCounts() throws -> [EntryState: Int] {
        try read { db in
            try stateCounts(Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM frontier GROUP BY state"))
        }
    }

    /// How many pending entries a host has, due or not.
    public func pendingCount(host: String) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM frontier INDEXED BY frontier_pending WHERE state = 'pending' AND host = ?",
                arguments: [host]
            ) ?? 0
        }
    }
}
