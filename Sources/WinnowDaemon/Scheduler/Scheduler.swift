import Foundation
import Logging
import Synchronization
import WinnowCrawl
import WinnowExtract
import WinnowFetch
import WinnowPipeline
import WinnowState

/// The daemon's loop: polls sources, fetches what they list, politely, and keeps the output directory current.
///
/// One task runs the loop and is the only writer of the state store and the output directory; fetches, polls
/// and robots.txt requests run as child tasks (their transfers on the shared curl multi handle, their parsing
/// and extraction on the `ExtractionPool`). Each turn of the loop:
///
/// 1. **Sources.** Every due source is polled (`SourcePoller`); what it lists goes into the frontier, and its
///    next poll is set by how much it changed (`PollInterval`) or, after a failure, by its error streak.
/// 2. **Frontier.** Free fetch slots take the most overdue URL of each host that can take a request
///    (`StateStore.nextDue`), each admitted by `HostTable`: per-host delay and concurrency, Retry-After
///    backoff and the rest after a run of server-side failures, robots.txt (fetched first when unknown or
///    expired).
/// 3. **Results.** A finished page is published (`publish`: new file, in-place update, or nothing when the
///    text is unchanged or another URL already wrote the story) or its failure decided (`FailurePolicy`).
///
/// Every URL's state is in the store before its fetch starts and after its result is applied, so a restart
/// after any crash resumes where the loop stopped (`recover`). `requestStop` lets the fetches in flight
/// finish, then ends the loop; `--once` ends it when nothing is due and nothing is in flight.
public final class Scheduler: Sendable {
    /// Counters for status lines and the benchmark.
    public struct Progress: Sendable, Equatable {
        public var storiesCreated = 0
        public var storiesUpdated = 0
        public var unchanged = 0
        public var failed = 0
        public var skipped = 0
        public var pagesFetched = 0
        public var sourcesPolled = 0
        public var inFlight = 0
        /// When the loop last completed a turn (the watchdog is fed only while this advances).
        public var lastTurn = Date.distantPast
    }

    private struct Mutable {
        var settings: DaemonConfiguration
        var fetcher: StoryFetcher
        var stopRequested = false
        var settingsChanged = true
        var progress = Progress()
        var onTurn: (@Sendable () -> Void)?
        /// Stories reserved but not confirmed (a crash, or a write that failed), by key: the last line the index
        /// has for each one's path (nil: none). See `publish`.
        var unconfirmed: [String: LoggedVersion?] = [:]
    }

    /// A story text the index records: its hash, and whether the line said created or updated.
    private struct LoggedVersion: Sendable {
        var hash: String
        var action: StoryArchive.IndexEntry.Action
    }

    private let store: any StateStore
    private let archive: StoryArchive
    private let client: HTTPClient
    private let pool: ExtractionPool
    private let logger: Logger
    private let state: Mutex<Mutable>
    /// How long the loop sleeps when nothing finishes sooner.
    private let tick: Duration

    public init(settings: DaemonConfiguration, store: any StateStore, archive: StoryArchive, client: HTTPClient,
                pipeline: StoryPipeline, pool: ExtractionPool, logger: Logger, tick: Duration = .milliseconds(200)) {
        self.store = store
        self.archive = archive
        self.client = client
        self.pool = pool
        self.logger = logger
        self.tick = tick
        let fetcher = StoryFetcher(client: client, pipeline: pipeline, pool: pool)
        self.state = Mutex(Mutable(settings: settings, fetcher: fetcher))
    }

    /// The counters so far.
    public var progress: Progress { state.withLock { $0.progress } }

    /// Called at every turn of the loop, idle turns included (the systemd watchdog's heartbeat).
    public var onTurn: (@Sendable () -> Void)? {
        get { state.withLock { $0.onTurn } }
        set { state.withLock { $0.onTurn = newValue } }
    }

    /// Asks the loop to stop: nothing new starts; the fetches in flight finish and are recorded.
    public func requestStop() {
        state.withLock { $0.stopRequested = true }
    }

    /// Swaps in new settings and site rules (a reload); the queue and every URL's state are kept.
    public func reload(settings: DaemonConfiguration, pipeline: StoryPipeline) {
        state.withLock {
            $0.settings = settings
            $0.fetcher = StoryFetcher(client: client, pipeline: pipeline, pool: pool)
            $0.settingsChanged = true
        }
    }

    // MARK: The loop

    /// What a child task reports back.
    private enum Job: Sendable {
        case tick
        case polled(SourcePoller.Result, SourceConfiguration)
        case robots(host: String, status: Int?, body: String?)
        case page(PageJob.Result, followedFrom: SourceConfiguration?)
    }

    /// Runs until `requestStop` (or, with `once`, until the frontier has nothing due and nothing in flight).
    /// `onReady` is called once the state is recovered, before the first fetch.
    public func run(once: Bool = false, onReady: @Sendable () -> Void = {}) async throws {
        try recover()
        onReady()
        var hosts = HostTable()
        var polling = Set<String>()
        var polledOnce = Set<String>()
        var random = SystemRandomNumberGenerator()

        await withTaskGroup(of: Job.self) { group in
            var running = 0
            group.addTask { [tick] in try? await Task.sleep(for: tick); return .tick }
            while true {
                let (settings, fetcher, stopping, changed, onTurn) = state.withLock { state in
                    defer { state.settingsChanged = false }
                    return (state.settings, state.fetcher, state.stopRequested, state.settingsChanged, state.onTurn)
                }
                onTurn?()
                if changed {
                    syncSources(settings)
                    if once { makeEverySourceDue() }
                }
                let now = Date()

                if !stopping {
                    running += startPolls(settings, now: now, polling: &polling, group: &group)
                    running += startFetches(settings, fetcher: fetcher, hosts: &hosts, now: now, group: &group,
                                            random: &random)
                }
                state.withLock {
                    $0.progress.inFlight = running
                    $0.progress.lastTurn = now
                }
                if running == 0 && (stopping || (once && isIdle(settings, polledOnce: polledOnce, now: now))) {
                    break
                }

                guard let job = await group.next() else { break }
                switch job {
                case .tick:
                    group.addTask { [tick] in try? await Task.sleep(for: tick); return .tick }
                case .polled(let result, let source):
                    running -= 1
                    polling.remove(source.id)
                    polledOnce.insert(source.id)
                    record(result, source: source, now: Date())
                case .robots(let host, let status, let body):
                    running -= 1
                    let record = hosts.robotsFetched(host, status: status, body: body, now: Date(), settings: settings)
                    save(host: record)
                    logger.debug("robots.txt", metadata: ["host": "\(host)", "status": "\(status.map(String.init) ?? "unreachable")"])
                case .page(let result, let source):
                    running -= 1
                    hosts.finish(result.entry.host)
                    apply(result, source: source, settings: settings, hosts: &hosts, random: &random)
                }
            }
            group.cancelAll()
        }
        state.withLock { $0.progress.inFlight = 0 }
    }

    /// After a crash: URLs that were in flight go back to pending, a half-appended index line is cut, and
    /// temporary files of interrupted writes are removed. Stories reserved but never confirmed are fetched
    /// again through their URLs, which are pending again, and finished by `publish`; what the index already
    /// says about each is read here, once, so that finishing one neither rewrites its file nor repeats its line.
    private func recover() throws {
        let requeued = try store.recoverInFlight()
        let cut = try archive.repairIndex()
        let removed = archive.removeAbandonedTemporaryFiles(olderThan: 0)
        let pending = try store.pendingStories()
        let indexed = try archive.lastIndexEntries(for: Set(pending.map(\.path)))
        state.withLock { state in
            for story in pending {
                state.unconfirmed[story.key] = .some(indexed[story.path].map { LoggedVersion(hash: $0.hash, action: $0.action) })
            }
        }
        let unconfirmed = pending.count
        if requeued + cut + removed + unconfirmed > 0 {
            logger.notice("recovered after an unclean stop", metadata: [
                "requeued": "\(requeued)", "index_bytes_cut": "\(cut)", "temp_files_removed": "\(removed)",
                "unconfirmed_stories": "\(unconfirmed)",
            ])
        }
    }

    private func syncSources(_ settings: DaemonConfiguration) {
        do {
            let result = try store.syncSources(settings.sourceRecords(now: Date()), now: Date())
            for id in result.added { logger.info("source added", metadata: ["source": "\(id)"]) }
            for id in result.deactivated { logger.info("source removed", metadata: ["source": "\(id)"]) }
        } catch {
            logger.error("cannot record the sources", metadata: ["error": "\(error)"])
        }
    }

    /// A `--once` pass polls every source, whatever its schedule says.
    private func makeEverySourceDue() {
        let now = Date()
        for var source in (try? store.activeSources()) ?? [] where source.nextPollAt > now {
            source.nextPollAt = now
            try? store.updateSource(source)
        }
    }

    /// True when a `--once` pass is over: every source polled once, nothing due in the frontier.
    private func isIdle(_ settings: DaemonConfiguration, polledOnce: Set<String>, now: Date) -> Bool {
        guard settings.sources.allSatisfy({ polledOnce.contains($0.id) }) else { return false }
        return ((try? store.nextDue(now: now, limit: 1, excludingHosts: [])) ?? []).isEmpty
    }

    // MARK: Sources

    private func startPolls(_ settings: DaemonConfiguration, now: Date, polling: inout Set<String>,
                            group: inout TaskGroup<Job>) -> Int {
        guard let due = try? store.dueSources(now: now) else { return 0 }
        let byID = settings.sourcesByID
        var started = 0
        let poller = SourcePoller(client: client, maxChildSitemaps: settings.fetch.maxChildSitemaps,
                                  maxSitemapBytes: settings.fetch.maxSitemapSize)
        for record in due where !polling.contains(record.id) {
            guard let source = byID[record.id] else { continue }
            polling.insert(record.id)
            started += 1
            let validators = ConditionalValidators(etag: record.etag, lastModified: record.lastModified)
            group.addTask {
                .polled(await poller.poll(source, validators: validators.isEmpty ? nil : validators, now: now), source)
            }
        }
        return started
    }

    /// Records a poll: new URLs into the frontier, the next poll time by how the source changed.
    private func record(_ result: SourcePoller.Result, source: SourceConfiguration, now: Date) {
        guard var record = try? store.source(id: source.id) else { return }
        record.lastPollAt = now
        let current = Duration.seconds(record.interval)
        switch result.outcome {
        case .unchanged:
            record.lastSuccessAt = now
            record.errorStreak = 0
            record.lastError = nil
            record.interval = PollInterval.next(current: current, changed: false, bounds: source.intervalBounds).seconds
        case .listed(let discoveries):
            let added = (try? store.discover(discoveries, now: now)) ?? 0
            record.lastSuccessAt = now
            record.errorStreak = 0
            record.lastError = nil
            if added > 0 { record.lastChangeAt = now }
            record.interval = PollInterval.next(current: current, changed: added > 0,
                                                bounds: source.intervalBounds).seconds
            if let validators = result.validators {
                record.etag = validators.etag
                record.lastModified = validators.lastModified
            }
            logger.info("source polled", metadata: [
                "source": "\(source.id)", "listed": "\(discoveries.count)", "new": "\(added)",
                "next_poll_s": "\(Int(record.interval))",
            ])
        case .failed(let message):
            record.errorStreak += 1
            record.lastError = message
            let wait = PollInterval.afterFailure(streak: record.errorStreak, base: source.intervalBounds.lowerBound,
                                                 cap: source.intervalBounds.upperBound)
            record.nextPollAt = now.addingTimeInterval(wait.seconds)
            logger.warning("source failed", metadata: [
                "source": "\(source.id)", "error": "\(message)", "streak": "\(record.errorStreak)",
                "retry_in_s": "\(Int(wait.seconds))",
            ])
            try? store.updateSource(record)
            state.withLock { $0.progress.sourcesPolled += 1 }
            return
        }
        record.nextPollAt = now.addingTimeInterval(record.interval)
        do { try store.updateSource(record) } catch {
            logger.error("cannot record a poll", metadata: ["source": "\(source.id)", "error": "\(error)"])
        }
        state.withLock { $0.progress.sourcesPolled += 1 }
    }

    // MARK: Frontier

    private func startFetches(_ settings: DaemonConfiguration, fetcher: StoryFetcher, hosts: inout HostTable, now: Date,
                              group: inout TaskGroup<Job>, random: inout SystemRandomNumberGenerator) -> Int {
        let free = settings.totalConcurrency - hosts.inFlight
        guard free > 0 else { return 0 }
        let busy = hosts.busyHosts(now: now, settings: settings)
        guard let due = try? store.nextDue(now: now, limit: free, excludingHosts: busy) else { return 0 }
        let sources = settings.sourcesByID
        let job = PageJob(fetcher: fetcher, archive: archive, pool: pool)
        var started = 0
        for entry in due {
            hosts.load(entry.host, from: store)
            switch hosts.admit(entry.url, host: entry.host, now: now, settings: settings) {
            case .wait:
                continue
            case .fetchRobots:
                hosts.robotsStarted(entry.host)
                started += 1
                group.addTask { [client] in await Self.fetchRobots(host: entry.host, url: entry.url, client: client) }
            case .disallowed:
                complete(entry.url, .skipped(reason: "disallowed by robots.txt"), now: now)
                state.withLock { $0.progress.skipped += 1 }
            case .robotsUnavailable(let until):
                complete(entry.url, .retry(at: until, error: "robots.txt unavailable", status: nil), now: now)
            case .go:
                do { try store.markInFlight(entry.url) } catch {
                    logger.error("cannot mark a URL in flight", metadata: ["url": "\(entry.url)", "error": "\(error)"])
                    continue
                }
                hosts.start(entry.host, now: now, settings: settings)
                started += 1
                let source = sources[entry.sourceID]
                let follow = source.map { $0.kind == .section && entry.depth < $0.depth } ?? false
                let policy = settings.policy(forHost: entry.host)
                group.addTask {
                    .page(await job.run(entry, followLinks: follow, policy: policy), followedFrom: follow ? source : nil)
                }
            }
        }
        return started
    }

    /// robots.txt of the host of `url` (following redirects, as RFC 9309 allows).
    private static func fetchRobots(host: String, url: String, client: HTTPClient) async -> Job {
        guard var components = URLComponents(string: url) else { return .robots(host: host, status: nil, body: nil) }
        components.path = "/robots.txt"
        components.query = nil
        components.fragment = nil
        guard let robotsURL = components.string else { return .robots(host: host, status: nil, body: nil) }
        do {
            // RFC 9309 §2.5: a larger file is read up to the parsing limit, not refused. One byte past the limit
            // lets `RobotsTxt` see that the file goes on and drop the line cut there.
            let request = HTTPRequest(url: robotsURL, maxBodyBytes: RobotsTxt.maxBytes + 1, truncatesBody: true)
            let response = try await client.fetch(request)
            let body = response.isSuccess ? String(decoding: response.body, as: UTF8.self) : nil
            return .robots(host: host, status: response.status, body: body)
        } catch {
            return .robots(host: host, status: nil, body: nil)
        }
    }

    // MARK: Results

    private func apply(_ result: PageJob.Result, source: SourceConfiguration?, settings: DaemonConfiguration,
                       hosts: inout HostTable, random: inout SystemRandomNumberGenerator) {
        let now = Date()
        let entry = result.entry
        if let source, !result.links.isEmpty {
            let poller = SourcePoller(client: client)
            let deeper = result.links.compactMap { link -> Discovery? in
                guard SourcePoller.sameSite(link, as: entry.url),
                      var discovery = poller.discovery(link, modified: nil, source: source, now: now) else { return nil }
                discovery.depth = entry.depth + 1
                return discovery
            }
            _ = try? store.discover(deeper, now: now)
        }
        switch result.outcome {
        case .story(let article, let rendered, let hash, let response):
            hostAnswered(entry.host, hosts: &hosts)
            do {
                let outcome = try publish(article, rendered: rendered, hash: hash, entry: entry, response: response,
                                          now: now)
                complete(entry.url, outcome, now: now)
                scheduleRevisit(entry.url, settings: settings, now: now)
            } catch {
                // The story could not be written (disk full, permissions): the URL is retried later and nothing
                // already written is touched.
                logger.error("cannot write a story", metadata: ["url": "\(entry.url)", "error": "\(error)"])
                let decision = FailurePolicy(settings).decide(error, attempt: entry.attempts + 1, now: now,
                                                              random: &random)
                complete(entry.url, decision.outcome, now: now)
            }
            state.withLock { $0.progress.pagesFetched += 1 }
        case .notModified(let response):
            hostAnswered(entry.host, hosts: &hosts)
            complete(entry.url, .unchanged(etag: response.validators?.etag,
                                           lastModified: response.validators?.lastModified, status: response.status),
                     now: now)
            scheduleRevisit(entry.url, settings: settings, now: now)
            state.withLock {
                $0.progress.pagesFetched += 1
                $0.progress.unchanged += 1
            }
        case .failed(let error):
            let policy = FailurePolicy(settings)
            let decision = policy.decide(error, attempt: entry.attempts + 1, now: now, random: &random)
            if let until = decision.hostBackoffUntil {
                let parked = hosts.backOff(entry.host, until: until)
                var record = (try? store.host(entry.host)) ?? HostRecord(host: entry.host)
                record.backoffUntil = parked
                save(host: record)
                logger.warning("host backs off", metadata: [
                    "host": "\(entry.host)", "until": "\(KeyValueLogHandler.timestamp(parked))",
                ])
            }
            if decision.hostFault {
                hostFailed(entry.host, error: FailurePolicy.describe(error), settings: settings, hosts: &hosts,
                           now: now, random: &random)
            } else if decision.hostBackoffUntil == nil {
                hostAnswered(entry.host, hosts: &hosts)
            }
            complete(entry.url, decision.outcome, now: now)
            state.withLock {
                switch decision.outcome {
                case .failed: $0.progress.failed += 1
                case .skipped: $0.progress.skipped += 1
                default: break
                }
            }
            switch decision.outcome {
            case .failed(let message, _):
                logger.warning("page failed", metadata: ["url": "\(entry.url)", "error": "\(message)"])
            case .retry(let at, let message, _):
                logger.info("page will be retried", metadata: [
                    "url": "\(entry.url)", "error": "\(message)", "at": "\(KeyValueLogHandler.timestamp(at))",
                ])
            case .skipped(let reason):
                logger.info("page skipped", metadata: ["url": "\(entry.url)", "reason": "\(reason)"])
            default: break
            }
        }
    }

    /// A host fault (timeout, refused or dropped connection, 5xx): from the `HostTable.faultsBeforeBackoff`-th in
    /// a row, the host is parked (`retry_base` doubling to `retry_cap`), so a stalled or dead host gives its
    /// fetch slots to the others instead of holding one for a whole timeout after another.
    private func hostFailed(_ host: String, error: String, settings: DaemonConfiguration, hosts: inout HostTable,
                            now: Date, random: inout SystemRandomNumberGenerator) {
        let (streak, parked) = hosts.failed(host, now: now, base: settings.fetch.retryBase,
                                            cap: settings.fetch.retryCap, random: &random)
        var record = (try? store.host(host)) ?? HostRecord(host: host)
        record.errorStreak = streak
        if let parked {
            record.backoffUntil = parked
            logger.warning("host failing, backing off", metadata: [
                "host": "\(host)", "streak": "\(streak)", "error": "\(error)",
                "until": "\(KeyValueLogHandler.timestamp(parked))",
            ])
        }
        save(host: record)
    }

    /// Any answer that is not a host fault ends the host's fault streak.
    private func hostAnswered(_ host: String, hosts: inout HostTable) {
        guard hosts.answered(host) else { return }
        if var record = try? store.host(host) {
            record.errorStreak = 0
            save(host: record)
        }
    }

    /// Writes a fetched story where it belongs and says what the frontier should record.
    ///
    /// A story is known by its normalized canonical URL (else its final URL). Known with the same text: nothing
    /// is written. Known with new text: its file is rewritten in place. New: it gets a path of its own (a
    /// numbered one when another story has its name).
    ///
    /// **Crash safety.** Reserve the path in the store (`.pending`, new hash), write the file atomically, append
    /// the index line, confirm (`.written`). A crash anywhere leaves the old whole file or the new whole one, and
    /// a pending record; the URL is in flight, so it is fetched again after the restart and comes back here. A
    /// pending story is then finished without repeating what already happened: its file is written only if it
    /// does not already hold these exact bytes, and its index line appended only if the last line for its path
    /// does not already record this text (`unconfirmed`, read by `recover`). So a restart never rewrites a
    /// story file that is current, and never logs one write twice.
    private func publish(_ article: Article, rendered: [UInt8], hash: String, entry: FrontierEntry,
                         response: PageResponse, now: Date) throws -> EntryOutcome {
        let canonical = article.metadata.canonicalURL.flatMap { URLNormalizer.normalize($0) }
        let key = canonical ?? URLNormalizer.normalize(response.url) ?? entry.url
        let validators = (etag: response.validators?.etag, lastModified: response.validators?.lastModified)
        let existing = try store.story(key: key)
        if let existing, existing.writeState == .written, existing.contentHash == hash {
            state.withLock { $0.progress.unchanged += 1 }
            return .unchanged(etag: validators.etag, lastModified: validators.lastModified, status: response.status)
        }
        let path: String
        if let existing {
            path = existing.path
        } else {
            var attempt = 1
            var candidate = archive.relativePath(for: article, firstSeen: entry.discoveredAt)
            while let owner = try store.story(path: candidate), owner.key != key {
                attempt += 1
                candidate = archive.relativePath(for: article, firstSeen: entry.discoveredAt, attempt: attempt)
            }
            path = candidate
        }
        // The last index line for this story's path: none for a new story; for a written one, the line of the
        // text it was confirmed with; for an unconfirmed one, what recovery (or the failed attempt) found.
        var lastLine: LoggedVersion?
        switch existing?.writeState {
        case .written?:
            lastLine = LoggedVersion(hash: existing!.contentHash, action: .updated)
        case .pending?:
            lastLine = try state.withLock { $0.unconfirmed[key] }
                ?? archive.lastIndexEntries(for: [path])[path].map { LoggedVersion(hash: $0.hash, action: $0.action) }
        case nil:
            lastLine = nil
        }
        // This text's line may already be there (appended just before a crash): then it says what this write is.
        let logged = lastLine?.hash == hash
        let action: StoryArchive.IndexEntry.Action = lastLine.map { logged ? $0.action : .updated } ?? .created
        try store.reserveStory(StoryRecord(
            key: key, path: path, contentHash: hash, url: response.url, canonicalURL: article.metadata.canonicalURL,
            title: article.metadata.title, published: article.metadata.publishedDate?.instant,
            firstWrittenAt: existing?.firstWrittenAt ?? now, lastWrittenAt: now))
        do {
            if existing?.writeState != .pending || !archive.holds(rendered, at: path) {
                try archive.write(rendered, to: path)
            }
            if !logged {
                let line = StoryArchive.IndexEntry(time: now, action: action, url: response.url,
                                                   canonical: article.metadata.canonicalURL, path: path, hash: hash,
                                                   title: article.metadata.title)
                try archive.appendIndex(line)
                lastLine = LoggedVersion(hash: hash, action: action)
            }
            try store.confirmStory(key: key, contentHash: hash, now: now)
        } catch {
            state.withLock { $0.unconfirmed[key] = .some(lastLine) }
            throw error
        }
        _ = state.withLock { $0.unconfirmed.removeValue(forKey: key) }
        if action == .created { try? store.incrementStoriesWritten(sourceID: entry.sourceID) }
        state.withLock {
            if action == .created { $0.progress.storiesCreated += 1 } else { $0.progress.storiesUpdated += 1 }
        }
        logger.info(action == .created ? "story written" : "story updated", metadata: [
            "path": "\(path)", "url": "\(response.url)",
        ])
        return .written(storyKey: key, etag: validators.etag, lastModified: validators.lastModified,
                        status: response.status)
    }

    /// With `[fetch] revisit_after`, a page just fetched is due again that much later (conditionally: an
    /// unchanged page costs a 304), so updates its source never announces are caught too.
    private func scheduleRevisit(_ url: String, settings: DaemonConfiguration, now: Date) {
        guard let after = settings.fetch.revisitAfter, after > .zero else { return }
        do { try store.scheduleRevisit(url, at: now.addingTimeInterval(after.seconds)) } catch {
            logger.error("cannot schedule a revisit", metadata: ["url": "\(url)", "error": "\(error)"])
        }
    }

    private func complete(_ url: String, _ outcome: EntryOutcome, now: Date) {
        do { try store.complete(url, outcome: outcome, now: now) } catch {
            logger.error("cannot record a result", metadata: ["url": "\(url)", "error": "\(error)"])
        }
    }

    private func save(host record: HostRecord) {
        do { try store.saveHost(record) } catch {
            logger.error("cannot record a host", metadata: ["host": "\(record.host)", "error": "\(error)"])
        }
    }
}

extension FailurePolicy {
    /// The policy of `[fetch]`: `retries` retries after the first attempt, backoff from `retry_base` to
    /// `retry_cap`, and no Retry-After honoured beyond `retry_cap` either.
    init(_ settings: DaemonConfiguration) {
        self.init(retries: settings.fetch.retries + 1, retryBase: settings.fetch.retryBase,
                  retryCap: settings.fetch.retryCap, retryAfterCap: settings.fetch.retryCap)
    }
}
