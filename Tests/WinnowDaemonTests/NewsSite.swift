import Foundation
import Logging
import Synchronization
import WinnowDaemon
import WinnowFetch
import WinnowPipeline
import WinnowState
import WinnowTestSupport

/// A loopback news site for the scheduler tests: articles whose text names their number, feeds, sitemaps and
/// section pages over them, and a log of every request (path, time, conditional headers).
final class NewsSite: @unchecked Sendable {  // `server` is set once, in init; the rest is behind mutexes
    struct Hit: Sendable {
        let path: String
        let target: String
        let time: Date
        let ifNoneMatch: String?
        let userAgent: String?
    }

    /// How the site answers; tests replace parts of it while a daemon runs.
    struct Behaviour: Sendable {
        /// Extra text that makes article n's story different (an update).
        var revision: [Int: Int] = [:]
        /// Paths answered with this status (and Retry-After, if set) a number of times before answering normally.
        var failures: [String: (status: Int, times: Int, retryAfter: String?)] = [:]
        /// Routes that override everything.
        var routes: [String: @Sendable (ServerRequest) -> ServerReply] = [:]
    }

    let hits = Mutex<[Hit]>([])
    let behaviour = Mutex(Behaviour())
    private(set) var server: TestHTTPServer!

    init(address: String = "127.0.0.1") throws {
        server = try TestHTTPServer(address: address) { [unowned self] request in self.answer(request) }
    }

    /// Stops the server and drops the routes (route closures capture the site: a retain cycle until now).
    func stop() {
        server.stop()
        behaviour.withLock { $0 = Behaviour() }
    }

    func url(_ path: String) -> String { server.url(path) }

    /// Requests to `path` so far.
    func requests(to path: String) -> [Hit] { hits.withLock { $0.filter { $0.path == path } } }

    private func answer(_ request: ServerRequest) -> ServerReply {
        hits.withLock {
            $0.append(Hit(path: request.path, target: request.target, time: Date(),
                          ifNoneMatch: request.header("if-none-match"), userAgent: request.header("user-agent")))
        }
        let override: (@Sendable (ServerRequest) -> ServerReply)? = behaviour.withLock { state in
            if var failure = state.failures[request.path], failure.times > 0 {
                failure.times -= 1
                state.failures[request.path] = failure
                let headers = failure.retryAfter.map { [("Retry-After", $0)] } ?? []
                let status = failure.status
                return { _ in ServerReply(status: status, headers: headers, body: Array("busy".utf8)) }
            }
            return state.routes[request.path]
        }
        if let override { return override(request) }
        if request.path.hasPrefix("/news/"), let n = Int(request.path.dropFirst("/news/".count).prefix { $0.isNumber }) {
            let revision = behaviour.withLock { $0.revision[n] ?? 0 }
            let html = Self.article(n, revision: revision, canonical: url("/news/\(n)"))
            let etag = "\"a\(n)-r\(revision)\""
            if request.header("if-none-match") == etag { return ServerReply(status: 304, headers: [("ETag", etag)]) }
            return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8"), ("ETag", etag)],
                               body: Array(html.utf8))
        }
        return .text("not found", status: 404)
    }

    /// Article `n`: a story, then the chaff every news page carries.
    static func article(_ n: Int, revision: Int = 0, canonical: String) -> String {
        let update = revision > 0 ? "<p>Update \(revision): the council confirmed the figures for story \(n) on Friday.</p>" : ""
        return """
            <!DOCTYPE html><html><head><title>Harbour report \(n) | The Courier</title>
            <link rel="canonical" href="\(canonical)">
            <meta property="article:published_time" content="2026-11-\(10 + n % 15)T08:00:00Z">
            </head><body>
            <nav><a href="/">Home</a> <a href="/news/">News</a></nav>
            <article><h1>Harbour report \(n)</h1>
            <p class="byline">By Ada Lindqvist</p>
            <p>Report \(n) opens at the north quay, where \(n) fishing boats came in before dawn and the auction \
            hall filled up long before the first crates were opened for the buyers from the city.</p>
            <p>Report \(n) closes with the harbour master, who said the new breakwater has kept the moorings calm \
            through three autumn storms, which nobody in the village had expected.</p>
            \(update)
            </article>
            <aside class="related"><h3>Related Articles</h3><ul><li><a href="/news/\(n + 100)">Another story</a></li></ul></aside>
            <div class="next-story"><span>Next Story</span><a href="/news/\(n + 1)"><h5>Teaser headline for a different \
            story</h5></a><p>by Someone Else, November 2, 2026</p></div>
            </body></html>
            """
    }

    static func rss(_ items: [(path: String, updated: String?)], base: String) -> String {
        let entries = items.map { item in
            "<item><title>t</title><link>\(base)\(item.path)</link>"
                + (item.updated.map { "<pubDate>\($0)</pubDate>" } ?? "") + "</item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Courier</title>\(entries)</channel></rss>"
    }
}

/// Builds configurations, stores and schedulers in temporary folders, and reads back what was written.
struct DaemonHarness {
    let root: URL
    var output: URL { root.appendingPathComponent("stories") }
    var state: URL { root.appendingPathComponent("state") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A configuration writing into this harness's folders: no politeness delay unless asked, fast retries.
    func configuration(_ sources: [SourceConfiguration], delay: Duration = .zero, respectRobots: Bool = true,
                       retries: Int = 3) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        configuration.sources = sources
        configuration.output.directory = output.path
        configuration.output.fsync = false
        configuration.daemon.stateDirectory = state.path
        configuration.fetch.delay = delay
        configuration.fetch.respectRobots = respectRobots
        configuration.fetch.retries = retries
        configuration.fetch.retryBase = .milliseconds(200)
        configuration.fetch.retryCap = .seconds(2)
        configuration.fetch.timeout = .seconds(10)
        return configuration
    }

    /// A source polled every `interval` (test-sized: under the file format's 30 s floor).
    static func source(_ kind: SourceConfiguration.Kind, _ url: String, interval: Duration = .seconds(1),
                       include: [String] = [], exclude: [String] = [], depth: Int = 0) throws -> SourceConfiguration {
        SourceConfiguration(kind: kind, url: url, interval: interval, minInterval: interval, maxInterval: interval * 4,
                            include: try include.map(URLPattern.init), exclude: try exclude.map(URLPattern.init),
                            depth: depth)
    }

    /// Runs one `--once` pass of a scheduler over `configuration`.
    @discardableResult
    func runOnce(_ configuration: DaemonConfiguration) async throws -> Scheduler.Progress {
        let (scheduler, store, client) = try make(configuration)
        try await scheduler.run(once: true)
        await client.shutdown()
        try store.close()
        return scheduler.progress
    }

    /// Runs a scheduler until `condition` holds (checked every 50 ms) or `timeout` passes; then stops it
    /// gracefully and returns whether the condition was met.
    func run(_ configuration: DaemonConfiguration, timeout: Duration = .seconds(60),
             until condition: @escaping @Sendable () -> Bool) async throws -> Bool {
        let (scheduler, store, client) = try make(configuration)
        let task = Task { try await scheduler.run() }
        let deadline = ContinuousClock.now + timeout
        var met = false
        while ContinuousClock.now < deadline {
            if condition() { met = true; break }
            try await Task.sleep(for: .milliseconds(50))
        }
        scheduler.requestStop()
        try await task.value
        await client.shutdown()
        try store.close()
        return met
    }

    func make(_ configuration: DaemonConfiguration) throws -> (Scheduler, SQLiteStateStore, HTTPClient) {
        let store = try SQLiteStateStore(directory: configuration.daemon.stateDirectory)
        let client = try HTTPClient(configuration: HTTPClientConfiguration(allowPrivateNetworks: true))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let scheduler = Scheduler(
            settings: configuration, store: store,
            archive: StoryArchive(root: configuration.output.directory, format: configuration.output.format,
                                  synchronizesToDisk: false),
            client: client, pipeline: StoryPipeline(library: nil), pool: ExtractionPool(width: 2), logger: logger,
            tick: .milliseconds(20))
        return (scheduler, store, client)
    }

    /// Every story file written, relative path → contents.
    func stories() -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md"), !(path as NSString).lastPathComponent.hasPrefix(".") else { continue }
            found[path] = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        return found
    }

    /// The index lines, parsed.
    func index() -> [[String: String]] {
        guard let text = try? String(contentsOf: output.appendingPathComponent("index.jsonl"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String]
        }
    }

    func status() throws -> StoreStatus {
        let store = try SQLiteStateStore(directory: state.path, mode: .readOnly)
        defer { try? store.close() }
        return try store.status()
    }
}
