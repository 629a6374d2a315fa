import Foundation

// The plain values a `StateStore` reads and writes. Nothing here knows about SQL: a second backend
// (PostgreSQL) stores the same records.

/// What kind of place a source is: where its article URLs come from.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    /// An RSS, Atom or RDF feed.
    case feed
    /// A sitemap or sitemap index.
    case sitemap
    /// A section (listing) page whose links are crawled for articles.
    case section
    /// A fixed list of URLs from the configuration.
    case urlList
}

/// One configured source and its polling state.
///
/// `id` is the stable key the configuration derives (for example `"feed https://example.com/rss"`); every
/// other field except `kind` and `url` is state the daemon owns and keeps across configuration reloads.
public struct SourceRecord: Sendable, Hashable {
    /// The stable key derived from the configuration.
    public var id: String
    /// Feed, sitemap, section page or URL list.
    public var kind: SourceKind
    /// Where the source is fetched from.
    public var url: String
    /// The current (adaptive) polling interval, in seconds.
    public var interval: Double
    /// When the source is next due to be polled.
    public var nextPollAt: Date
    /// The `ETag` of the last successful response, for a conditional request.
    public var etag: String?
    /// The `Last-Modified` of the last successful response, for a conditional request.
    public var lastModified: String?
    /// When the source was last polled, whatever the result.
    public var lastPollAt: Date?
    /// When a poll last succeeded (a 200 or a 304).
    public var lastSuccessAt: Date?
    /// When a poll last found something new.
    public var lastChangeAt: Date?
    /// The last poll's error, or nil when it succeeded.
    public var lastError: String?
    /// How many polls in a row have failed.
    public var errorStreak: Int
    /// How many stories this source has led to being written, ever.
    public var storiesWritten: Int
    /// False once the source is no longer in the configuration; the record is kept for its history.
    public var active: Bool

    /// A source; only `id`, `kind`, `url`, `interval` and `nextPollAt` are required.
    public init(
        id: String, kind: SourceKind, url: String, interval: Double, nextPollAt: Date,
        etag: String? = nil, lastModified: String? = nil, lastPollAt: Date? = nil, lastSuccessAt: Date? = nil,
        lastChangeAt: Date? = nil, lastError: String? = nil, errorStreak: Int = 0, storiesWritten: Int = 0,
        active: Bool = true
    ) {
        self.id = id
        self.kind = kind
        self.url = url
        self.interval = interval
        self.nextPollAt = nextPollAt
        self.etag = etag
        self.lastModified = lastModified
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.lastChangeAt = lastChangeAt
        self.lastError = lastError
        self.errorStreak = errorStreak
        self.storiesWritten = storiesWritten
        self.active = active
    }
}

/// What the daemon does with a fetched frontier URL.
public enum EntryKind: String, Sendable, Hashable, CaseIterable {
    /// A page expected to hold one story.
    case article
    /// A section page crawled for links, not written as a story.
    case listing
}

/// Where a frontier URL is in its life.
public enum EntryState: String, Sendable, Hashable, CaseIterable {
    /// Waiting to be fetched once `notBefore` has passed.
    case pending
    /// Handed to a worker; goes back to `.pending` on `recoverInFlight()` after a crash.
    case inFlight
    /// Fetched and handled (written, or unchanged).
    case done
    /// Given up on (a permanent error, or too many attempts).
    case failed
    /// Deliberately not fetched or not written (robots.txt, not an article, …).
    case skipped
}

/// One URL in the crawl frontier.
public struct FrontierEntry: Sendable, Hashable {
    /// The normalized URL; the entry's key.
    public var url: String
    /// The URL's host, the unit of politeness.
    public var host: String
    /// The source that first discovered the URL.
    public var sourceID: String
    /// Links followed from the source to reach this URL (0 = listed by the source itself).
    public var depth: Int
    /// Article or listing.
    public var kind: EntryKind
    /// Pending, in flight, done, failed or skipped.
    public var state: EntryState
    /// The URL is not fetched before this time (discovery time, or a retry's time).
    public var notBefore: Date
    /// Failed attempts since the last success.
    public var attempts: Int
    /// When the URL was first discovered.
    public var discoveredAt: Date
    /// The modification time the source gave for the URL (sitemap `lastmod`, feed `updated`), if any.
    public var sourceModifiedAt: Date?
    /// When the last attempt at the URL finished.
    public var fetchedAt: Date?
    /// The `ETag` of the last response that had a body.
    public var etag: String?
    /// The `Last-Modified` of the last response that had a body.
    public var lastModified: String?
    /// The HTTP status of the last attempt, nil when there was no response.
    public var lastStatus: Int?
    /// Why the last attempt failed or was skipped; nil after a success.
    public var lastError: String?
    /// The key of the story written from this URL (`StoryRecord.key`).
    public var storyKey: String?

    /// An entry; everything after `discoveredAt` starts out empty.
    public init(
        url: String, host: String, sourceID: String, depth: Int, kind: EntryKind, state: EntryState,
        notBefore: Date, attempts: Int = 0, discoveredAt: Date, sourceModifiedAt: Date? = nil, fetchedAt: Date? = nil,
        etag: String? = nil, lastModified: String? = nil, lastStatus: Int? = nil, lastError: String? = nil,
        storyKey: String? = nil
    ) {
        self.url = url
        self.host = host
        self.sourceID = sourceID
        self.depth = depth
        self.kind = kind
        self.state = state
        self.notBefore = notBefore
        self.attempts = attempts
        self.discoveredAt = discoveredAt
        self.sourceModifiedAt = sourceModifiedAt
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.storyKey = storyKey
    }
}

/// A URL a source listed, handed to `StateStore.discover(_:now:)`.
public struct Discovery: Sendable, Hashable {
    /// The normalized URL.
    public var url: String
    /// The URL's host.
    public var host: String
    /// The source that listed the URL; must be a known source.
    public var sourceID: String
    /// Links followed from the source to reach the URL.
    public var depth: Int
    /// Article or listing.
    public var kind: EntryKind
    /// The modification time the source gave for the URL, if any.
    public var sourceModifiedAt: Date?

    /// A discovered URL.
    public init(
        url: String, host: String, sourceID: String, depth: Int = 0, kind: EntryKind = .article,
        sourceModifiedAt: Date? = nil
    ) {
        self.url = url
        self.host = host
        self.sourceID = sourceID
        self.depth = depth
        self.kind = kind
        self.sourceModifiedAt = sourceModifiedAt
    }
}

/// How an attempt at a frontier URL ended, handed to `StateStore.complete(_:outcome:now:)`.
public enum EntryOutcome: Sendable, Hashable {
    /// A story was written (or rewritten) from the response: the entry is done, its validators replaced.
    case written(storyKey: String, etag: String?, lastModified: String?, status: Int)
    /// Nothing new (a 304, or the same content hash): the entry is done; nil validators keep the recorded ones.
    case unchanged(etag: String?, lastModified: String?, status: Int)
    /// A transient failure: the entry is pending again from `at`, with one more attempt counted.
    case retry(at: Date, error: String, status: Int?)
    /// A permanent failure: the entry is failed, with one more attempt counted.
    case failed(error: String, status: Int?)
    /// Not fetched or not written on purpose: the entry is skipped, `reason` kept as its last error.
    case skipped(reason: String)
}

/// What the daemon knows about one host: its robots.txt and its backoff.
public struct HostRecord: Sendable, Hashable {
    /// The host name.
    public var host: String
    /// The HTTP status of the last robots.txt fetch; nil when the host was unreachable.
    public var robotsStatus: Int?
    /// The robots.txt body, when one was received.
    public var robotsBody: String?
    /// When robots.txt was last fetched.
    public var robotsFetchedAt: Date?
    /// When the cached robots.txt must be fetched again.
    public var robotsExpiresAt: Date?
    /// No request goes to the host before this time.
    public var backoffUntil: Date?
    /// How many requests in a row to the host have failed.
    public var errorStreak: Int

    /// A host record; everything but the name starts out empty.
    public init(
        host: String, robotsStatus: Int? = nil, robotsBody: String? = nil, robotsFetchedAt: Date? = nil,
        robotsExpiresAt: Date? = nil, backoffUntil: Date? = nil, errorStreak: Int = 0
    ) {
        self.host = host
        self.robotsStatus = robotsStatus
        self.robotsBody = robotsBody
        self.robotsFetchedAt = robotsFetchedAt
        self.robotsExpiresAt = robotsExpiresAt
        self.backoffUntil = backoffUntil
        self.errorStreak = errorStreak
    }
}

/// Whether a story's file is known to be on disk.
public enum WriteState: String, Sendable, Hashable, CaseIterable {
    /// The path is reserved but the file is not confirmed written (yet, or ever: after a crash).
    case pending
    /// The file was written and confirmed.
    case written
}

/// One story in the output directory.
public struct StoryRecord: Sendable, Hashable {
    /// The normalized canonical URL (else the URL): the story's identity.
    public var key: String
    /// The story file's path relative to the output directory; no two stories share one.
    public var path: String
    /// The hash of the content last written, to tell an update from a refetch of the same text.
    public var contentHash: String
    /// The URL the story was fetched from.
    public var url: String
    /// The canonical URL the page declared, if any.
    public var canonicalURL: String?
    /// The story's title, if any.
    public var title: String?
    /// When the story says it was published, if it says.
    public var published: Date?
    /// When the story's path was first reserved.
    public var firstWrittenAt: Date
    /// When the story's file was last confirmed written.
    public var lastWrittenAt: Date
    /// Reserved or written.
    public var writeState: WriteState

    /// A story record.
    public init(
        key: String, path: String, contentHash: String, url: String, canonicalURL: String? = nil,
        title: String? = nil, published: Date? = nil, firstWrittenAt: Date, lastWrittenAt: Date,
        writeState: WriteState = .pending
    ) {
        self.key = key
        self.path = path
        self.contentHash = contentHash
        self.url = url
        self.canonicalURL = canonicalURL
        self.title = title
        self.published = published
        self.firstWrittenAt = firstWrittenAt
        self.lastWrittenAt = lastWrittenAt
        self.writeState = writeState
    }
}

/// What `StateStore.syncSources(_:now:)` changed.
public struct SourceSyncResult: Sendable, Hashable {
    /// Sources seen for the first time, due at once.
    public var added: [String]
    /// Sources that were inactive and are configured again.
    public var reactivated: [String]
    /// Sources no longer configured, now inactive.
    public var deactivated: [String]

    /// A sync result.
    public init(added: [String] = [], reactivated: [String] = [], deactivated: [String] = []) {
        self.added = added
        self.reactivated = reactivated
        self.deactivated = deactivated
    }
}

/// One source as `winnow status` shows it: its record (with its health fields) and its frontier.
public struct SourceStatus: Sendable, Hashable {
    /// The source's record: interval, last poll, last error, error streak, stories written, active.
    public var source: SourceRecord
    /// How many of the URLs the source discovered are in each state (every state present, zeros included).
    public var entries: [EntryState: Int]

    /// A source's status.
    public init(source: SourceRecord, entries: [EntryState: Int]) {
        self.source = source
        self.entries = entries
    }
}

/// A snapshot of the whole store for `winnow status`, read in one transaction.
public struct StoreStatus: Sendable, Hashable {
    /// Every source, active ones first, then by id.
    public var sources: [SourceStatus]
    /// How many frontier URLs are in each state (every state present, zeros included).
    public var frontier: [EntryState: Int]
    /// How many hosts have a host record (robots.txt or backoff state).
    public var hostCount: Int
    /// How many stories are recorded, reserved or written.
    public var storyCount: Int
    /// How many stories are reserved but not confirmed written.
    public var pendingStoryCount: Int

    /// A status snapshot.
    public init(
        sources: [SourceStatus], frontier: [EntryState: Int], hostCount: Int, storyCount: Int, pendingStoryCount: Int
    ) {
        self.sources = sources
        self.frontier = frontier
        self.hostCount = hostCount
        self.storyCount = storyCount
        self.pendingStoryCount = pendingStoryCount
    }
}
