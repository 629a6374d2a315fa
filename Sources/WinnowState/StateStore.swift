import Foundation

/// The daemon's durable state: sources, the URL frontier, hosts and stories.
///
/// Every method is synchronous, runs as one transaction, and throws `StateStoreError`. Times are passed in
/// (`now`) rather than read from a clock, so the scheduler and the tests decide what time it is. The
/// protocol names no storage engine: `SQLiteStateStore` implements it on SQLite, and a server-backed store
/// can follow.
public protocol StateStore: Sendable {
    // MARK: Sources

    /// Reconciles the stored sources with the configured ones.
    ///
    /// A source seen for the first time is inserted as given, active and due at `now`. A known source takes
    /// the configured `kind` and `url` and becomes active again, but keeps its state (interval, next poll,
    /// validators, streaks, counters). A stored source missing from `configured` becomes inactive and is kept.
    @discardableResult
    func syncSources(_ configured: [SourceRecord], now: Date) throws -> SourceSyncResult

    /// Every active source, by id.
    func activeSources() throws -> [SourceRecord]

    /// The active sources whose `nextPollAt` is at or before `now`, the most overdue first.
    func dueSources(now: Date) throws -> [SourceRecord]

    /// The source with this id, active or not, or nil.
    func source(id: String) throws -> SourceRecord?

    /// Replaces a known source's record (after a poll). Throws `.unknownSource` for an unknown id.
    func updateSource(_ source: SourceRecord) throws

    /// Adds one to a source's `storiesWritten`. Throws `.unknownSource` for an unknown id.
    func incrementStoriesWritten(sourceID: String) throws

    // MARK: Frontier

    /// Records URLs a source listed; returns how many became pending.
    ///
    /// An unknown URL is inserted as pending, due at `now`. A known `.done` URL whose new `sourceModifiedAt`
    /// is later than the recorded one (or, when none was recorded, later than its `fetchedAt`) goes back to
    /// pending, due at `now`, with its attempts reset: the article was updated. A pending URL takes a later
    /// `sourceModifiedAt`; any other known URL is left alone. A URL listed twice in one call counts once.
    @discardableResult
    func discover(_ discoveries: [Discovery], now: Date) throws -> Int

    /// The URLs to fetch next: at most one per host, the most overdue one of each (listings and articles
    /// alike, ties broken by discovery time), most overdue first, at most `limit` of them.
    ///
    /// Only `.pending` entries whose `notBefore` is at or before `now` count. Hosts in `excludingHosts`
    /// (typically the ones with a request in flight) and hosts whose `HostRecord.backoffUntil` is later than
    /// `now` are skipped.
    func nextDue(now: Date, limit: Int, excludingHosts: Set<String>) throws -> [FrontierEntry]

    /// The frontier entry for this URL, or nil.
    func frontierEntry(url: String) throws -> FrontierEntry?

    /// Marks a URL as handed to a worker. Throws `.unknownURL` for a URL not in the frontier.
    func markInFlight(_ url: String) throws

    /// Records how an attempt at a URL ended (see `EntryOutcome`); `now` becomes its `fetchedAt`. Throws
    /// `.unknownURL` for a URL not in the frontier, and `.unknownStory` when `.written` names a story that
    /// was never reserved (reserve, write the file, confirm, then complete).
    func complete(_ url: String, outcome: EntryOutcome, now: Date) throws

    /// Schedules a `.done` entry to be fetched again: it becomes `.pending`, due at `at`, its attempts and
    /// validators kept (so the refetch is conditional). Returns false, changing nothing, for an entry that is not
    /// `.done` (or not known). For `revisit_after`: pages re-read now and then to catch silent updates.
    @discardableResult
    func scheduleRevisit(_ url: String, at: Date) throws -> Bool

    /// Puts every `.inFlight` entry back to `.pending` (at startup, after a crash); returns how many.
    @discardableResult
    func recoverInFlight() throws -> Int

    /// How many frontier entries are in each state; every state is present, zeros included.
    func frontierCounts() throws -> [EntryState: Int]

    /// How many `.pending` entries a host has, due or not.
    func pendingCount(host: String) throws -> Int

    // MARK: Hosts

    /// The record of a host, or nil when it has none.
    func host(_ name: String) throws -> HostRecord?

    /// Inserts or replaces a host's record.
    func saveHost(_ host: HostRecord) throws

    // MARK: Stories

    /// The story with this key, or nil.
    func story(key: String) throws -> StoryRecord?

    /// The story whose file is at this path (relative to the output directory), or nil.
    func story(path: String) throws -> StoryRecord?

    /// Reserves a story's path before its file is written: inserts the record, or updates the story with
    /// this key (keeping its `firstWrittenAt` and `lastWrittenAt`), as `.pending` either way. Throws
    /// `.pathTaken` when another story owns the path.
    func reserveStory(_ story: StoryRecord) throws

    /// Records that a reserved story's file is written: `.written`, with this content hash, last written
    /// at `now`. Throws `.unknownStory` for an unknown key.
    func confirmStory(key: String, contentHash: String, now: Date) throws

    /// The stories reserved but never confirmed (after a crash their files may be missing or stale), by key.
    func pendingStories() throws -> [StoryRecord]

    /// How many stories are recorded, reserved or written.
    func storyCount() throws -> Int

    // MARK: Whole store

    /// A snapshot of everything `winnow status` shows, read in one transaction.
    func status() throws -> StoreStatus

    /// Closes the store and releases its lock; every later call throws `.closed`. Closing twice is harmless.
    func close() throws
}

extension StateStore {
    /// The URLs to fetch next, no host excluded; see `nextDue(now:limit:excludingHosts:)`.
    public func nextDue(now: Date, limit: Int) throws -> [FrontierEntry] {
        try nextDue(now: now, limit: limit, excludingHosts: [])
    }
}
