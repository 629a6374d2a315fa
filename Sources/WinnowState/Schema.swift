import GRDB

/// The database schema as a list of migrations, "v1", "v2", … applied in order and recorded in
/// `grdb_migrations`.
///
/// A released migration is never edited: a schema change is a new migration appended to `migrator()`, and
/// `StateMigrationTests` opens a hand-written v1 database to prove the whole chain still applies to it.
///
/// Conventions: times are Unix seconds (`REAL`), durations seconds (`REAL`), booleans 0/1, enumerations
/// their Swift raw values (`TEXT`). Enumeration columns have no `CHECK`: a new case must not need a table
/// rebuild, and the decoder rejects values it does not know.
enum Schema {
    /// Every migration, in order.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        return migrator
    }

    /// The first schema: sources, stories, the frontier and hosts, with the indexes the scheduler's queries use.
    static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sources (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    interval_seconds REAL NOT NULL,
                    next_poll_at REAL NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    last_poll_at REAL,
                    last_success_at REAL,
                    last_change_at REAL,
                    last_error TEXT,
                    error_streak INTEGER NOT NULL DEFAULT 0,
                    stories_written INTEGER NOT NULL DEFAULT 0,
                    active INTEGER NOT NULL DEFAULT 1
                );
                -- dueSources: the active sources by next poll.
                CREATE INDEX sources_due ON sources(next_poll_at) WHERE active = 1;

                CREATE TABLE stories (
                    key TEXT PRIMARY KEY NOT NULL,
                    path TEXT NOT NULL UNIQUE,
                    content_hash TEXT NOT NULL,
                    url TEXT NOT NULL,
                    canonical_url TEXT,
                    title TEXT,
                    published REAL,
                    first_written_at REAL NOT NULL,
                    last_written_at REAL NOT NULL,
                    write_state TEXT NOT NULL
                );
                -- pendingStories: the few reserved-but-unconfirmed stories.
                CREATE INDEX stories_pending ON stories(key) WHERE write_state = 'pending';

                CREATE TABLE frontier (
                    url TEXT PRIMARY KEY NOT NULL,
                    host TEXT NOT NULL,
                    source_id TEXT NOT NULL REFERENCES sources(id),
                    depth INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    state TEXT NOT NULL,
                    not_before REAL NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    discovered_at REAL NOT NULL,
                    source_modified_at REAL,
                    fetched_at REAL,
                    etag TEXT,
                    last_modified TEXT,
                    last_status INTEGER,
                    last_error TEXT,
                    story_key TEXT REFERENCES stories(key) ON DELETE SET NULL
                );
                -- nextDue and pendingCount: the pending entries host by host, the most overdue first.
                CREATE INDEX frontier_pending ON frontier(host, not_before, discovered_at) WHERE state = 'pending';
                -- frontierCounts and recoverInFlight.
                CREATE INDEX frontier_state ON frontier(state);
                -- status: each source's entries by state (also the foreign key's child index).
                CREATE INDEX frontier_source ON frontier(source_id, state);
                -- the story_key foreign key's child index.
                CREATE INDEX frontier_story ON frontier(story_key) WHERE story_key IS NOT NULL;

                CREATE TABLE hosts (
                    host TEXT PRIMARY KEY NOT NULL,
                    robots_status INTEGER,
                    robots_body TEXT,
                    robots_fetched_at REAL,
                    robots_expires_at REAL,
                    backoff_until REAL,
                    error_streak INTEGER NOT NULL DEFAULT 0
                );
                """
        )
    }
}
