import Foundation
import GRDB
import Testing

@testable import WinnowState

/// Databases written by hand, as an older (or newer) Winnow left them, opened by this build.
@Suite struct MigrationTests {
    /// The v1 schema exactly as released: a copy, not a call into `Schema`, so an edit to the released
    /// migration shows up here as a mismatch instead of passing silently.
    static let v1SQL = """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, interval_seconds REAL NOT NULL,
            next_poll_at REAL NOT NULL, etag TEXT, last_modified TEXT, last_poll_at REAL, last_success_at REAL,
            last_change_at REAL, last_error TEXT, error_streak INTEGER NOT NULL DEFAULT 0,
            stories_written INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);
        CREATE INDEX sources_due ON sources(next_poll_at) WHERE active = 1;
        CREATE TABLE stories (
            key TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL, url TEXT NOT NULL,
            canonical_url TEXT, title TEXT, published REAL, first_written_at REAL NOT NULL,
            last_written_at REAL NOT NULL, write_state TEXT NOT NULL);
        CREATE INDEX stories_pending ON stories(key) WHERE write_state = 'pending';
        CREATE TABLE frontier (
            url TEXT PRIMARY KEY NOT NULL, host TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES sources(id),
            depth INTEGER NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, not_before REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, discovered_at REAL NOT NULL, source_modified_at REAL,
            fetched_at REAL, etag TEXT, last_modified TEXT, last_status INTEGER, last_error TEXT,
            story_key TEXT REFERENCES stories(key) ON DELETE SET NULL);
        CREATE INDEX frontier_pending ON frontier(host, not_before, discovered_at) WHERE state = 'pending';
        CREATE INDEX frontier_state ON frontier(state);
        CREATE INDEX frontier_source ON frontier(source_id, state);
        CREATE INDEX frontier_story ON frontier(story_key) WHERE story_key IS NOT NULL;
        CREATE TABLE hosts (
            host TEXT PRIMARY KEY NOT NULL, robots_status INTEGER, robots_body TEXT, robots_fetched_at REAL,
            robots_expires_at REAL, backoff_until REAL, error_streak INTEGER NOT NULL DEFAULT 0);
        """

    /// Rows a v1 daemon could have left: a source mid-life, a done and an in-flight entry, a host, a story.
    static let v1Rows = """
        INSERT INTO sources VALUES ('feed https://example.com/rss', 'feed', 'https://example.com/rss', 1800,
            1700000900, '"e1"', NULL, 1700000000, 1700000000, 1699990000, NULL, 0, 7, 1);
        INSERT INTO stories VALUES ('https://example.com/a', 'example.com/a.md', 'abc', 'https://example.com/a',
            NULL, 'A', NULL, 1699999000, 1699999500, 'written');
        INSERT INTO frontier VALUES ('https://example.com/a', 'example.com', 'feed https://example.com/rss', 0,
            'article', 'done', 1699999000, 0, 1699999000, 1699998000, 1699999500, '"a"', NULL, 200, NULL,
            'https://example.com/a');
        INSERT INTO frontier VALUES ('https://example.com/b', 'example.com', 'feed https://example.com/rss', 0,
            'article', 'inFlight', 1699999000, 1, 1699999000, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        INSERT INTO hosts VALUES ('example.com', 200, 'User-agent: *', 1699999000, 1700085400, NULL, 0);
        """

    /// Writes `state.sqlite` in `directory` with the v1 schema, rows and migration record.
    static func writeV1Database(in directory: String, recordMigration: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory + "/state.sqlite")
        try queue.write { db in
            try db.execute(sql: v1SQL)
            try db.execute(sql: v1Rows)
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            if recordMigration { try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')") }
        }
        try queue.close()
    }

    @Test func aHandWrittenV1DatabaseOpensAndReadsBack() throws {
        try Fixture.withDirectory { directory in
            try Self.writeV1Database(in: directory)
            let store = try SQLiteStateStore(directory: directory)
            defer { try? store.close() }

            let source = try #require(try store.source(id: "feed https://example.com/rss"))
            #expect(source.interval == 1800)
            #expect(source.nextPollAt == Date(timeIntervalSince1970: 1_700_000_900))
            #expect(source.etag == "\"e1\"")
            #expect(source.lastChangeAt == Date(timeIntervalSince1970: 1_699_990_000))
            #expect(source.storiesWritten == 7)
            #expect(source.active)

            let done = try #require(try store.frontierEntry(url: "https://example.com/a"))
            #expect(done.state == .done && done.storyKey == "https://example.com/a" && done.lastStatus == 200)
            #expect(done.sourceModifiedAt == Date(timeIntervalSince1970: 1_699_998_000))
            #expect(try store.recoverInFlight() == 1)
            #expect(try store.nextDue(now: Fixture.t0, limit: 10).map(\.url) == ["https://example.com/b"])
            #expect(try store.host("example.com")?.robotsBody == "User-agent: *")
            #expect(try store.story(path: "example.com/a.md")?.writeState == .written)

            let journal = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(journal == "wal")
        }
    }

    @Test func theCurrentV1SchemaMatchesTheReleasedOne() throws {
        try Fixture.withDirectory { parent in
            let handWritten = parent + "/hand"
            let fresh = parent + "/fresh"
            try Self.writeV1Database(in: handWritten)
            try SQLiteStateStore(directory: fresh).close()
            #expect(try Self.schema(of: fresh) == Self.schema(of: handWritten))
        }
    }

    @Test func theMigratorTakesAV1DatabaseToAV2() throws {
        try Fixture.withDirectory { directory in
            try Self.writeV1Database(in: directory)
            // What a v2 will look like: the released migrator, one more migration appended.
            var migrator = Schema.migrator()
            migrator.registerMigration("v2") { db in
                try db.execute(sql: "ALTER TABLE sources ADD COLUMN label TEXT")
                try db.execute(sql: "UPDATE sources SET label = 'migrated'")
            }
            let queue = try DatabaseQueue(path: directory + "/state.sqlite")
            try migrator.migrate(queue)
            let (applied, label, title) = try queue.read { db in
                (
                    try migrator.appliedMigrations(db),
                    try String.fetchOne(db, sql: "SELECT label FROM sources"),
                    try String.fetchOne(db, sql: "SELECT title FROM stories")
                )
            }
            try queue.close()
            #expect(applied == ["v1", "v2"])
            #expect(label == "migrated")
            #expect(title == "A")

            // This build knows only v1: it refuses the newer database rather than misread it.
            #expect(throws: StateStoreError.schemaTooNew(directory: directory, unknownMigrations: ["v2"])) {
                try SQLiteStateStore(directory: directory)
            }
            #expect(throws: StateStoreError.schemaTooNew(directory: directory, unknownMigrations: ["v2"])) {
                try SQLiteStateStore(directory: directory, mode: .readOnly)
            }
            // The failed open left the lock free.
            #expect(throws: StateStoreError.schemaTooNew(directory: directory, unknownMigrations: ["v2"])) {
                try SQLiteStateStore(directory: directory)
            }
        }
    }

    @Test func anEmptyDatabaseIsMigratedOnAWriteOpenOnly() throws {
        try Fixture.withDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try DatabaseQueue(path: directory + "/state.sqlite").close()
            #expect(throws: StateStoreError.schemaOutdated(directory: directory, missingMigrations: ["v1"])) {
                try SQLiteStateStore(directory: directory, mode: .readOnly)
            }
            let store = try SQLiteStateStore(directory: directory)
            #expect(try store.status().sources.isEmpty)
            try store.close()
            let reader = try SQLiteStateStore(directory: directory, mode: .readOnly)
            #expect(try reader.storyCount() == 0)
            try reader.close()
        }
    }

    @Test func anUnknownEnumerationValueIsReportedAsCorrupt() throws {
        try Fixture.withStore { store, _ in
            try store.syncSources([Fixture.source()], now: Fixture.t0)
            try store.pool.write { try $0.execute(sql: "UPDATE sources SET kind = 'carrierPigeon'") }
            #expect(throws: StateStoreError.corrupt("unknown SourceKind 'carrierPigeon' in column kind")) {
                try store.activeSources()
            }
        }
    }

    /// Tables, indexes and every table's columns, in a comparable form.
    static func schema(of directory: String) throws -> [String] {
        let queue = try DatabaseQueue(path: directory + "/state.sqlite")
        defer { try? queue.close() }
        return try queue.read { db in
            var lines: [String] = []
            let objects = try Row.fetchAll(
                db,
                sql: """
                    SELECT type, name, tbl_name FROM sqlite_master
                    WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY type, name
                    """)
            for object in objects {
                let type: String = object["type"]
                let name: String = object["name"]
                let table: String = object["tbl_name"]
                lines.append("\(type) \(name) on \(table)")
                if type == "table" {
                    for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(name))") {
                        lines.append("  \(column)")
                    }
                    for key in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name))") {
                        lines.append("  fk \(key)")
                    }
                } else {
                    for column in try Row.fetchAll(db, sql: "PRAGMA index_xinfo(\(name))") {
                        lines.append("  \(column)")
                    }
                    let sql = try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name])
                    // A partial index's WHERE clause, whitespace normalized.
                    if let sql, let range = sql.range(of: " WHERE ") {
                        lines.append(
                            "  where "
                                + sql[range.upperBound...].split(whereSeparator: \.isWhitespace).joined(separator: " "))
                    }
                }
            }
            return lines
        }
    }
}
