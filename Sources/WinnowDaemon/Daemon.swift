import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import WinnowExtract
import WinnowFetch
import WinnowOutput
import WinnowPipeline
import WinnowRules
import WinnowState
import Synchronization

/// `winnow run`: opens the state, the HTTP client, the extraction pool and the output directory, and runs the
/// `Scheduler` as a service until SIGTERM or SIGINT (or, with `once`, until one full pass is done).
///
/// - SIGTERM / SIGINT: graceful stop — nothing new starts, fetches in flight finish and are recorded, exit 0.
/// - SIGHUP: the configuration file and the site rules are read again and swapped in without dropping the
///   queue; a configuration with errors is logged with every diagnostic and the running one is kept.
/// - systemd: READY once the state is open and recovered, STATUS every few seconds, RELOADING around a
///   reload, STOPPING on shutdown, and WATCHDOG pings only while the scheduler's loop turns.
public final class Daemon: Sendable {
    /// Where the configuration came from: a file (reloadable) or the command line (fixed).
    public enum Origin: Sendable {
        case file(String)
        case commandLine
    }

    private let initial: DaemonConfiguration
    private let origin: Origin
    /// The command line's options, already in `initial`, laid again over every file a reload reads.
    private let overrides: CommandLineOverrides
    private let logger: Logger

    /// `configuration`: what to run, the command line's `overrides` already applied.
    public init(
        configuration: DaemonConfiguration, origin: Origin, overrides: CommandLineOverrides = CommandLineOverrides(),
        logger: Logger
    ) {
        self.initial = configuration
        self.origin = origin
        self.overrides = overrides
        self.logger = logger
    }

    /// Runs the daemon; returns after a graceful stop or a finished `once` pass. Throws when the state cannot be
    /// opened (another daemon holds it, the disk is unwritable) — before anything is fetched.
    public func run(once: Bool = false) async throws {
        let configuration = initial
        let store = try SQLiteStateStore(directory: configuration.daemon.stateDirectory)
        defer { try? store.close() }
        let client = try HTTPClient(configuration: Self.clientConfiguration(configuration))
        let pool = ExtractionPool()
        defer { pool.shutdown() }
        let archive = Self.archive(configuration)
        let scheduler = Scheduler(
            settings: configuration, store: store, archive: archive, client: client,
            pipeline: loadPipeline(configuration), pool: pool, logger: logger)
        let notifier = SystemdNotifier(logger: logger)
        let clock = ContinuousClock()
        let heartbeat = Heartbeat<ContinuousClock.Instant>()
        scheduler.onTurn = { heartbeat.beat(at: clock.now) }

        logger.info("winnow started", metadata: [
            "sources": "\(configuration.sources.count)", "state_dir": "\(configuration.daemon.stateDirectory)",
            "output_dir": "\(configuration.output.directory)", "once": "\(once)",
        ])
        let service = SchedulerService(scheduler: scheduler, once: once, notifier: notifier, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))

        // The service group runs until the scheduler is done (a stop signal, or the end of a --once pass);
        // reload, watchdog and status run beside it and are cancelled then.
        await withTaskGroup(of: Void.self) { helpers in
            helpers.addTask { [self] in await self.reloadOnSIGHUP(scheduler: scheduler, notifier: notifier) }
            helpers.addTask { await notifier?.feedWatchdog(clock: clock, heartbeat: heartbeat) }
            helpers.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Console.standardError.isTerminal ? .seconds(1) : .seconds(5))
                    let line = Self.statusLine(scheduler.progress)
                    notifier?.status(line)
                    Console.standardError.setStatus(line)
                }
            }
            do { try await group.run() } catch {
                logger.error("winnow stopped on an error", metadata: ["error": "\(error)"])
            }
            helpers.cancelAll()
        }
        await client.shutdown()
        Console.standardError.clearStatus()
        let progress = scheduler.progress
        logger.info("winnow stopped", metadata: [
            "stories_written": "\(progress.storiesCreated)", "stories_updated": "\(progress.storiesUpdated)",
            "pages_fetched": "\(progress.pagesFetched)", "failed": "\(progress.failed)",
        ])
        if let failure = service.failure.withLock({ $0 }) { throw failure }
    }

    /// "12 stories written, 3 updated, 4 in flight": the systemd STATUS and the terminal progress line.
    static func statusLine(_ progress: Scheduler.Progress) -> String {
        let stories = progress.storiesCreated == 1 ? "1 story" : "\(progress.storiesCreated) stories"
        let pages = progress.pagesFetched == 1 ? "1 page" : "\(progress.pagesFetched) pages"
        return "\(stories) written, \(progress.storiesUpdated) updated, \(pages) fetched, \(progress.failed) failed, "
            + "\(progress.inFlight) in flight"
    }

    // MARK: Reload

    private func reloadOnSIGHUP(scheduler: Scheduler, notifier: SystemdNotifier?) async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals {
            notifier?.reloading()
            let outcome = reload(scheduler: scheduler)
            notifier?.readyAfterReload(status: outcome + "; " + Self.statusLine(scheduler.progress))
        }
    }

    /// Reads the configuration file and the site rules again and swaps them in; keeps the running ones when the
    /// new configuration has errors. Returns what happened, for systemd's status line.
    func reload(scheduler: Scheduler) -> String {
        guard case .file(let path) = origin else {
            logger.notice("SIGHUP: reloading site rules (the configuration came from the command line)")
            scheduler.reload(settings: initial, pipeline: loadPipeline(initial))
            return "site rules reloaded"
        }
        do {
            let next = overrides.applied(to: try ConfigurationLoader.load(path: path))
            if next.daemon.stateDirectory != initial.daemon.stateDirectory
                || next.output.directory != initial.output.directory
            {
                logger.warning("state_dir and output.dir changes take effect at the next start, not on reload")
            }
            if next.fetch.allowPrivateNetworks != initial.fetch.allowPrivateNetworks
                || next.fetch.allowedPrivateAddresses != initial.fetch.allowedPrivateAddresses
            {
                logger.warning(
                    "allow_private_networks and allowed_private_addresses changes take effect at the next start")
            }
            scheduler.reload(settings: next, pipeline: loadPipeline(next))
            logger.notice("configuration reloaded", metadata: ["file": "\(path)", "sources": "\(next.sources.count)"])
            return "configuration reloaded"
        } catch {
            for diagnostic in error.diagnostics { logger.error("\(diagnostic)") }
            logger.error("configuration not reloaded: it has errors; the running configuration is kept",
                         metadata: ["file": "\(path)"])
            return "reload failed (\(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in \(path)); "
                + "running the previous configuration"
        }
    }

    // MARK: Parts

    /// The site rules of the configured folders (over the default search path), with their diagnostics logged.
    func loadPipeline(_ configuration: DaemonConfiguration) -> StoryPipeline {
        let folders = RuleFolders(sites: configuration.daemon.siteFolders)
        if folders.isEmpty {
            logger.warning("no site-rule folder found; generic extraction only",
                           metadata: ["searched": "\(folders.searched.map(\.path).joined(separator: ", "))"])
        }
        let library = folders.load()
        if !library.errors.isEmpty {
            logger.warning("site rules have errors; files with errors are not applied",
                           metadata: ["errors": "\(library.errors.count)", "hint": "winnow rules check"])
        }
        logger.info("site rules loaded", metadata: [
            "files": "\(library.filesRead)", "folders": "\(folders.entries.map(\.path).joined(separator: ", "))",
        ])
        return StoryPipeline(library: library)
    }

    static func clientConfiguration(_ configuration: DaemonConfiguration) -> HTTPClientConfiguration {
        var client = HTTPClientConfiguration()
        client.userAgent = configuration.daemon.userAgent
        client.totalTimeout = configuration.fetch.timeout
        client.maxBodyBytes = configuration.fetch.maxSize
        client.maxRedirects = configuration.fetch.maxRedirects
        client.maxConnections = max(configuration.fetch.concurrency * 2, 8)
        client.allowPrivateNetworks = configuration.fetch.allowPrivateNetworks
        client.allowedPrivateAddresses = configuration.fetch.allowedPrivateAddresses
        return client
    }

    static func archive(_ configuration: DaemonConfiguration) -> StoryArchive {
        StoryArchive(root: configuration.output.directory, format: configuration.output.format,
                     synchronizesToDisk: configuration.output.fsync)
    }
}

/// The scheduler as a swift-service-lifecycle service: graceful shutdown asks it to stop and waits for it.
final class SchedulerService: Service, Sendable {
    let scheduler: Scheduler
    let once: Bool
    let notifier: SystemdNotifier?
    let logger: Logger
    /// Why the scheduler ended abnormally, if it did (reported after the group stops).
    let failure = Mutex<(any Error)?>(nil)

    init(scheduler: Scheduler, once: Bool, notifier: SystemdNotifier?, logger: Logger) {
        self.scheduler = scheduler
        self.once = once
        self.notifier = notifier
        self.logger = logger
    }

    func run() async throws {
        try await withGracefulShutdownHandler {
            do {
                try await scheduler.run(once: once, onReady: { [notifier] in
                    notifier?.ready(status: "running")
                })
            } catch {
                failure.withLock { $0 = error }
                throw error
            }
        } onGracefulShutdown: { [scheduler, notifier, logger] in
            logger.notice("stopping: finishing the fetches in flight")
            notifier?.stopping(status: "finishing the fetches in flight")
            scheduler.requestStop()
        }
    }
}
