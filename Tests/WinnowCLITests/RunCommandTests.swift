import Foundation
import Synchronization
import Testing
import WinnowTestSupport

/// `winnow run` as a process (the release binary too, through scripts/test): a configuration file, `status`,
/// SIGTERM draining, SIGHUP reloads good and bad, the sd_notify protocol, and resuming after `kill -9`.
@Suite(.serialized) struct RunCommandTests {
    /// A loopback site of `count` numbered stories behind an RSS feed; every answer can be slowed down.
    final class Site: Sendable {
        let server: TestHTTPServer
        let articleDelay: Shared<Duration?>

        init(count: Int, articleDelay: Duration? = nil) throws {
            let delay = Shared(articleDelay)
            let log = Shared<[String]>([])
            self.articleDelay = delay
            self.requestsLog = log
            server = try TestHTTPServer { request in
                log.withLock { $0.append(request.path) }
                let host = request.header("host") ?? "127.0.0.1"
                if request.path == "/feed.xml" || request.path == "/feed2.xml" {
                    let range = request.path == "/feed.xml" ? 1...count : (count + 1)...(count + 2)
                    let items = range.map { "<item><title>s</title><link>http://\(host)/news/\($0)</link></item>" }
                    return ServerReply(headers: [("Content-Type", "application/rss+xml")], body: Array(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>c</title>\(items.joined())</channel></rss>".utf8))
                }
                if request.path.hasPrefix("/news/"), let n = Int(request.path.dropFirst(6)) {
                    return ServerReply(headers: [("Content-Type", "text/html")],
                                       body: Array(FetchCommandTests.numberedStory(n).utf8), delay: delay.withLock { $0 })
                }
                return .text("not found", status: 404)
            }
        }

        private let requestsLog: Shared<[String]>
        func hits(_ path: String) -> Int { requestsLog.withLock { $0.filter { $0 == path }.count } }
        func url(_ path: String) -> String { server.url(path) }
        func stop() { server.stop() }
    }

    /// A `winnow run` process with its stderr in a file.
    final class Daemon {
        let process = Process()
        let log: URL

        init(_ arguments: [String], environment: [String: String] = [:], in folder: URL) throws {
            log = folder.appendingPathComponent("daemon-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CLITests.executable
            process.arguments = ["run"] + arguments
            process.currentDirectoryURL = folder
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "NOTIFY_SOCKET")
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let handle = try FileHandle(forWritingTo: log)
            process.standardError = handle
            process.standardOutput = handle
            try process.run()
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        /// Waits for the process to exit (killing it after `timeout`); returns its exit status. Sleeps between
        /// checks without holding a thread, so the tests running beside it keep theirs.
        @discardableResult
        func wait(timeout: Duration = .seconds(30)) async -> Int32 {
            let deadline = ContinuousClock.now + timeout
            while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()  // also lets Foundation release its hold on the finished process
            return process.terminationStatus
        }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    static func eventually(_ timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    /// Story files under `folder` (relative path → contents).
    static func stories(in folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            found[path] = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        return found
    }

    static func config(_ site: Site, feeds: [String] = ["/feed.xml"], folder: URL, delay: String = "0s",
                       extra: String = "") -> String {
        """
        [daemon]
        state_dir = "\(folder.path)/state"
        log_level = "info"

        [output]
        dir = "\(folder.path)/stories"
        fsync = false

        [fetch]
        allow_private_networks = true
        delay = "\(delay)"
        concurrency = 8
        retry_base = "1s"
        \(extra)
        """ + feeds.map { "\n[[source]]\nfeed = \"\(site.url($0))\"\n" }.joined()
    }

    @Test func runOnceWritesTheStoriesAndStatusReportsThem() async throws {
        let site = try Site(count: 3), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let configFile = folder.appendingPathComponent("winnow.toml")
        try Self.config(site, folder: folder).write(to: configFile, atomically: true, encoding: .utf8)
        let check = try CLITests.winnow(["check-config", configFile.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let daemon = try Daemon(["--config", configFile.path, "--once"], in: folder)
        #expect(await daemon.wait() == 0, "\(daemon.output)")
        let stories = Self.stories(in: folder.appendingPathComponent("stories"))
        #expect(stories.count == 3, "\(daemon.output)")
        #expect(stories.values.allSatisfy { $0.contains("begins on the river bank") && !$0.contains("Related Articles") })
        #expect(daemon.output.contains("msg=\"story written\""))

        let status = try CLITests.winnow(["status", "--config", configFile.path])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("stories: 3 written"), "\(status.stdout)")
        #expect(status.stdout.contains("[ok]") && status.stdout.contains("stories written: 3"), "\(status.stdout)")
        let json = try CLITests.winnow(["status", "--state-dir", folder.appendingPathComponent("state").path, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["stories"] as? Int == 3)
    }

    @Test func aFeedOnAPrivateAddressIsRefusedWithoutTheSwitch() async throws {
        let site = try Site(count: 2), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let daemon = try Daemon(["--feed", site.url("/feed.xml"), "--output-dir", "stories", "--state-dir", "state",
                                 "--once"], in: folder)
        #expect(await daemon.wait() == 0, "\(daemon.output)")
        #expect(daemon.output.contains("private networks are not allowed"), "\(daemon.output)")
        #expect(site.hits("/feed.xml") == 0)
        #expect(Self.stories(in: folder.appendingPathComponent("stories")).isEmpty)
    }

    @Test func badConfigurationIsReportedBeforeAnythingRuns() async throws {
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configFile = folder.appendingPathComponent("bad.toml")
        try "[fetch]\ndealy = \"1s\"\n".write(to: configFile, atomically: true, encoding: .utf8)
        let run = try CLITests.winnow(["run", "--config", configFile.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.toml:2: error: unknown key `dealy` in [fetch]; did you mean `delay`?"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("winnow-state").path))
    }

    @Test func sigtermLetsTheFetchesInFlightFinish() async throws {
        let site = try Site(count: 1, articleDelay: .milliseconds(1500)), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let daemon = try Daemon(["--feed", site.url("/feed.xml"), "--output-dir", "stories", "--state-dir", "state",
                                 "--allow-private-networks"],
                                in: folder)
        #expect(await Self.eventually { site.hits("/news/1") == 1 }, "\(daemon.output)")
        daemon.signal(SIGTERM)
        #expect(await daemon.wait() == 0, "\(daemon.output)")
        // The page was in flight when SIGTERM came: it was finished and written before the exit.
        #expect(Self.stories(in: folder.appendingPathComponent("stories")).count == 1, "\(daemon.output)")
        #expect(daemon.output.contains("stopping: finishing the fetches in flight"))
    }

    @Test func sighupReloadsAGoodConfigurationAndKeepsTheOldOneOverABadOne() async throws {
        let site = try Site(count: 2), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let configFile = folder.appendingPathComponent("winnow.toml")
        try Self.config(site, folder: folder).write(to: configFile, atomically: true, encoding: .utf8)
        let stories = folder.appendingPathComponent("stories")
        let daemon = try Daemon(["--config", configFile.path], in: folder)
        defer { daemon.signal(SIGKILL) }
        #expect(await Self.eventually { Self.stories(in: stories).count == 2 }, "\(daemon.output)")

        // A bad file: rejected with its diagnostics, the daemon keeps running on the old configuration.
        try "[fetch]\nconcurrency = 0\n".write(to: configFile, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await Self.eventually { daemon.output.contains("configuration not reloaded") }, "\(daemon.output)")
        #expect(daemon.output.contains("winnow.toml:2: error: `concurrency` must be between 1 and 512 (got 0)"))
        #expect(daemon.process.isRunning)

        // A good file with a second feed: its stories arrive without a restart.
        try Self.config(site, feeds: ["/feed.xml", "/feed2.xml"], folder: folder)
            .write(to: configFile, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await Self.eventually { Self.stories(in: stories).count == 4 }, "\(daemon.output)")
        #expect(daemon.output.contains("configuration reloaded"))
        daemon.signal(SIGTERM)
        #expect(await daemon.wait() == 0)
        #expect(site.hits("/news/1") == 1, "the queue and the state survived the reloads")
    }

    @Test func sighupKeepsTheCommandLineOptionsOverTheReloadedFile() async throws {
        let site = try Site(count: 2), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        // The file allows no private network and names another output folder; the command line overrides both.
        func file(_ feeds: [String]) -> String {
            "[daemon]\nstate_dir = \"\(folder.path)/state\"\n[output]\ndir = \"\(folder.path)/from-file\"\nfsync = false\n"
                + "[fetch]\ndelay = \"0s\"\n" + feeds.map { "[[source]]\nfeed = \"\(site.url($0))\"\n" }.joined()
        }
        let configFile = folder.appendingPathComponent("winnow.toml")
        try file(["/feed.xml"]).write(to: configFile, atomically: true, encoding: .utf8)
        let stories = folder.appendingPathComponent("from-command-line")
        let daemon = try Daemon(["--config", configFile.path, "--output-dir", stories.path, "--allow-private-networks"],
                                in: folder)
        defer { daemon.signal(SIGKILL) }
        #expect(await Self.eventually { Self.stories(in: stories).count == 2 }, "\(daemon.output)")

        try file(["/feed.xml", "/feed2.xml"]).write(to: configFile, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        // The second feed's stories are fetched (private networks still allowed) into the same folder.
        #expect(await Self.eventually { Self.stories(in: stories).count == 4 }, "\(daemon.output)")
        #expect(daemon.output.contains("configuration reloaded"))
        #expect(!daemon.output.contains("take effect at the next start"), "\(daemon.output)")
        #expect(!daemon.output.contains("refused unless"), "the flag allows the loopback feed: \(daemon.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("from-file").path))
        daemon.signal(SIGTERM)
        #expect(await daemon.wait() == 0)
    }

    @Test func sdNotifyTellsSystemdReadyStatusReloadingAndStopping() async throws {
        let site = try Site(count: 1), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let socketPath = folder.appendingPathComponent("notify.sock").path
        let listener = try DatagramListener(path: socketPath)
        defer { listener.close() }
        let daemon = try Daemon(["--feed", site.url("/feed.xml"), "--output-dir", "stories", "--state-dir", "state",
                                 "--allow-private-networks"],
                                environment: ["NOTIFY_SOCKET": socketPath], in: folder)
        #expect(await Self.eventually { listener.messages.contains { $0.contains("READY=1") } }, "\(daemon.output)")
        daemon.signal(SIGHUP)
        #expect(await Self.eventually { listener.messages.contains { $0.contains("RELOADING=1") } })
        daemon.signal(SIGTERM)
        #expect(await daemon.wait() == 0)
        #expect(await Self.eventually { listener.messages.contains { $0.contains("STOPPING=1") } })
        let messages = listener.messages
        let ready = messages.firstIndex { $0.contains("READY=1") }, reloading = messages.firstIndex { $0.contains("RELOADING=1") }
        let stopping = messages.firstIndex { $0.contains("STOPPING=1") }
        #expect(ready != nil && reloading != nil && stopping != nil && ready! < reloading! && reloading! < stopping!,
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("RELOADING=1") && $0.contains("MONOTONIC_USEC=") })
        // After the reload the service says it is ready again.
        #expect(messages[(reloading ?? 0)...].contains { $0.contains("READY=1") }, "\(messages)")
    }

    @Test func killDashNineAtRandomMomentsLosesAndDuplicatesNothing() async throws {
        let count = 40
        let site = try Site(count: count, articleDelay: .milliseconds(30)), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let configFile = folder.appendingPathComponent("winnow.toml")
        try Self.config(site, folder: folder).write(to: configFile, atomically: true, encoding: .utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let daemon = try Daemon(["--config", configFile.path], in: folder)
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...700, using: &generator)))
            daemon.signal(SIGKILL)
            await daemon.wait()
        }
        let finish = try Daemon(["--config", configFile.path, "--once"], in: folder)
        #expect(await finish.wait(timeout: .seconds(60)) == 0, "\(finish.output)")

        let output = folder.appendingPathComponent("stories")
        let stories = Self.stories(in: output)
        #expect(stories.count == count, "\(stories.keys.sorted())")
        for n in 1...count {
            let files = stories.filter { $0.value.contains("Report \(n) begins") }
            #expect(files.count == 1, "story \(n) is in \(files.count) files")
            #expect(files.values.first?.contains("Report \(n) ends at midnight") == true, "story \(n) is complete")
        }
        let leftovers = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }
            .filter { $0.contains(".tmp-") } ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
        let index = (try? String(contentsOf: output.appendingPathComponent("index.jsonl"), encoding: .utf8)) ?? ""
        let lines = index.split(separator: "\n")
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }, "every index line is whole")
        #expect(Set(lines.compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String])?["path"]
        }).count == count)
    }
}

/// A Unix datagram socket standing in for systemd's notification socket.
final class DatagramListener: Sendable {
    private let descriptor: Int32
    private let received = Shared<[String]>([])
    private let running = Shared(true)

    init(path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
        let received = received, running = running
        Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while running.withLock({ $0 }) {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count > 0 { received.withLock { $0.append(String(decoding: buffer[0..<count], as: UTF8.self)) } }
            }
        }.start()
    }

    var messages: [String] { received.withLock { $0 } }

    func close() {
        running.withLock { $0 = false }
        usleep(100_000)
        Glibc.close(descriptor)
    }
}
