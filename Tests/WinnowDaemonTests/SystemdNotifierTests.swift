import Foundation
import Testing
@testable import WinnowDaemon

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemBind = Glibc.bind
#else
private let systemBind = Darwin.bind
#endif

/// A bound `AF_UNIX` datagram socket standing in for systemd's notification socket.
final class NotifySocket {
    let fd: Int32
    /// The `$NOTIFY_SOCKET` value that reaches this socket.
    let environmentValue: String
    private let folder: URL?

    /// A socket bound to a path in a fresh temporary folder.
    init() throws {
        let folder = URL(fileURLWithPath: "/tmp/winnow-notify-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        let path = folder.appendingPathComponent("notify").path
        environmentValue = path
        fd = try Self.bind(nameBytes: Array(path.utf8) + [0])
    }

    /// A socket bound to a name in the abstract namespace.
    init(abstract name: String) throws {
        folder = nil
        environmentValue = "@" + name
        fd = try Self.bind(nameBytes: [0] + Array(name.utf8))
    }

    deinit {
        close(fd)
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    struct Failure: Error { let call: String; let errorNumber: Int32 }

    private static func bind(nameBytes: [UInt8]) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(call: "socket", errorNumber: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: nameBytes) }
        let length = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + nameBytes.count
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemBind(fd, $0, socklen_t(length)) }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw Failure(call: "bind", errorNumber: error)
        }
        return fd
    }

    /// The next datagram, or `nil` if none arrives within `timeout` milliseconds.
    func receive(timeout: Int32 = 2_000) -> String? {
        var pollEntry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pollEntry, 1, timeout) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Every datagram already queued.
    func drain() -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: 0) { messages.append(message) }
        return messages
    }
}

@Suite struct SystemdNotifierTests {
    @Test func absentOrUnusableSocketGivesNoNotifier() {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "run/notify"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "vsock:2:9999"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/" + String(repeating: "x", count: 200)]) == nil)
    }

    @Test func parsesBothAddressKinds() throws {
        #expect(SystemdNotifier.Address(notifySocket: "/run/systemd/notify") == .path("/run/systemd/notify"))
        #expect(SystemdNotifier.Address(notifySocket: "@winnow/notify") == .abstract("winnow/notify"))
        #expect(SystemdNotifier.Address(notifySocket: "@winnow/notify")?.description == "@winnow/notify")
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/systemd/notify"]))
        #expect(notifier.address == .path("/run/systemd/notify"))
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func sendsEachMessageToAPathSocket() throws {
        let socket = try NotifySocket()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.environmentValue]))

        notifier.ready(status: "watching 3 sources")
        #expect(socket.receive() == "READY=1\nSTATUS=watching 3 sources")
        notifier.status("fetching 2 of 40")
        #expect(socket.receive() == "STATUS=fetching 2 of 40")
        notifier.readyAfterReload(status: "reloaded: 4 sources")
        #expect(socket.receive() == "READY=1\nSTATUS=reloaded: 4 sources")
        notifier.watchdog()
        #expect(socket.receive() == "WATCHDOG=1")
        notifier.stopping()
        #expect(socket.receive() == "STOPPING=1")
        notifier.stopping(status: "draining 2 fetches")
        #expect(socket.receive() == "STOPPING=1\nSTATUS=draining 2 fetches")
        #expect(socket.drain().isEmpty)
        #expect(notifier.failedSends == 0)
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let socket = try NotifySocket()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.environmentValue]))
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let before = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
        notifier.reloading()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let after = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000

        let message = try #require(socket.receive())
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2, "\(message)")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last.flatMap {
            $0.hasPrefix("MONOTONIC_USEC=") ? UInt64($0.dropFirst("MONOTONIC_USEC=".count)) : nil
        })
        #expect(stamp >= before && stamp <= after, "\(before) <= \(stamp) <= \(after)")
    }

    @Test func sendsToAnAbstractSocket() throws {
        let socket = try NotifySocket(abstract: "winnow-test-\(UUID().uuidString)")
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.environmentValue]))
        guard case .abstract = notifier.address else {
            Issue.record("expected an abstract address, got \(notifier.address)")
            return
        }
        notifier.ready(status: "ok")
        #expect(socket.receive() == "READY=1\nSTATUS=ok")
        #expect(notifier.send([("STATUS", "still ok")]))
        #expect(socket.receive() == "STATUS=still ok")
    }

    @Test func flattensLineBreaksAndDropsInvalidKeys() throws {
        let socket = try NotifySocket()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.environmentValue]))
        notifier.status("one\ntwo\r\nthree")
        #expect(socket.receive() == "STATUS=one two  three")
        notifier.send([("READY", "1"), ("BAD KEY", "x"), ("", "y"), ("BAD=KEY", "z"), ("X_Winnow2", "a=b")])
        #expect(socket.receive() == "READY=1\nX_Winnow2=a=b")
        // Nothing valid left: nothing is sent, and that is no failure.
        #expect(notifier.send([("NO\nKEY", "1")]))
        #expect(socket.receive(timeout: 100) == nil)
        #expect(notifier.failedSends == 0)
    }

    @Test func countsFailuresInsteadOfThrowing() throws {
        // A socket path in a folder that does not exist: every send fails (ENOENT).
        let missing = "/tmp/winnow-gone-\(UUID().uuidString.prefix(8))/notify"
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": missing]))
        #expect(!notifier.send([("STATUS", "lost")]))
        notifier.watchdog()
        #expect(notifier.failedSends == 2)
    }

    @Test func neverBlocksOnAFullSocket() throws {
        let socket = try NotifySocket()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.environmentValue]))
        // Nobody reads: the receiver's queue fills, and further sends fail at once instead of waiting.
        let started = ContinuousClock.now
        for _ in 0..<5_000 { notifier.watchdog() }
        #expect(notifier.failedSends > 0)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(socket.receive() == "WATCHDOG=1")
    }

    @Test func watchdogIntervalFollowsWatchdogPID() {
        let pid = getpid()
        func interval(_ environment: [String: String]) -> Duration? {
            SystemdNotifier.watchdogInterval(environment: environment, pid: pid)
        }
        #expect(interval(["WATCHDOG_USEC": "120000000"]) == .seconds(120))
        #expect(interval(["WATCHDOG_USEC": "1500", "WATCHDOG_PID": "\(pid)"]) == .microseconds(1_500))
        #expect(interval(["WATCHDOG_USEC": "120000000", "WATCHDOG_PID": "\(pid + 1)"]) == nil)
        #expect(interval(["WATCHDOG_USEC": "120000000", "WATCHDOG_PID": "x"]) == nil)
        #expect(interval(["WATCHDOG_USEC": "0"]) == nil)
        #expect(interval(["WATCHDOG_USEC": "-5"]) == nil)
        #expect(interval(["WATCHDOG_USEC": "soon"]) == nil)
        #expect(interval(["WATCHDOG_PID": "\(pid)"]) == nil)

        // Through the initializer, with this process's own PID.
        let base = ["NOTIFY_SOCKET": "@winnow-unused", "WATCHDOG_USEC": "60000000"]
        func notifier(pid watchdogPID: String?) -> SystemdNotifier? {
            var environment = base
            environment["WATCHDOG_PID"] = watchdogPID
            return SystemdNotifier(environment: environment)
        }
        #expect(notifier(pid: nil)?.watchdogInterval == .seconds(60))
        #expect(notifier(pid: "\(pid)")?.watchdogInterval == .seconds(60))
        #expect(notifier(pid: "1")?.watchdogInterval == nil)
    }
}

/// Instants of a clock that moves only when a test says so.
struct ManualInstant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> ManualInstant { ManualInstant(offset: offset + duration) }
    func duration(to other: ManualInstant) -> Duration { other.offset - offset }
    static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool { lhs.offset < rhs.offset }
    static func at(_ seconds: Int) -> ManualInstant { ManualInstant(offset: .seconds(seconds)) }
}

@Suite struct WatchdogGateTests {
    typealias Gate = WatchdogGate<ManualInstant>

    @Test func pingsEveryHalfIntervalWhileTheSchedulerProgresses() {
        var gate = Gate(interval: .seconds(120), start: .at(0))
        #expect(gate.pingSpacing == .seconds(60))
        #expect(gate.nextCheck(after: .at(0)) == .at(60))
        gate.recordProgress(at: .at(10))
        #expect(gate.decide(at: .at(59)) == .notDue)
        #expect(gate.decide(at: .at(60)) == .ping)
        #expect(gate.lastPing == .at(60))
        #expect(gate.nextCheck(after: .at(60)) == .at(120))

        gate.recordProgress(at: .at(100))
        #expect(gate.decide(at: .at(110)) == .notDue)
        #expect(gate.decide(at: .at(125)) == .ping)
        #expect(gate.nextCheck(after: .at(125)) == .at(185))
    }

    @Test func withholdsWithoutProgressSinceThePreviousPing() {
        var gate = Gate(interval: .seconds(120), start: .at(0))
        // No heartbeat at all since start: systemd is left to time the service out.
        #expect(gate.decide(at: .at(60)) == .withheld)
        #expect(gate.nextCheck(after: .at(60)) == .at(60).advanced(by: .milliseconds(7_500)))
        #expect(gate.decide(at: .at(119)) == .withheld)

        gate.recordProgress(at: .at(70))
        #expect(gate.decide(at: .at(75)) == .ping)
        // The same (stale) heartbeat again is no new progress, however often it is recorded.
        gate.recordProgress(at: .at(70))
        gate.recordProgress(at: .at(30))
        #expect(gate.lastProgress == .at(70))
        #expect(gate.decide(at: .at(135)) == .withheld)
        #expect(gate.decide(at: .at(190)) == .withheld)
        #expect(gate.lastPing == .at(75))

        // The scheduler recovers: the next check pings.
        gate.recordProgress(at: .at(191))
        #expect(gate.decide(at: .at(192)) == .ping)
        #expect(gate.decide(at: .at(193)) == .notDue)
    }

    @Test func progressExactlyAtThePingCountsOnce() {
        var gate = Gate(interval: .seconds(10), start: .at(0))
        gate.recordProgress(at: .at(5))
        #expect(gate.decide(at: .at(5)) == .ping)
        #expect(gate.decide(at: .at(10)) == .withheld)
        gate.recordProgress(at: .at(10))
        #expect(gate.decide(at: .at(10)) == .ping)
    }

    @Test func heartbeatKeepsTheNewestInstant() {
        let heartbeat = Heartbeat<ManualInstant>()
        #expect(heartbeat.latest == nil)
        heartbeat.beat(at: .at(5))
        heartbeat.beat(at: .at(3))
        #expect(heartbeat.latest == .at(5))
        heartbeat.beat(at: .at(8))
        #expect(heartbeat.latest == .at(8))
    }

    /// The real loop on the real clock, with a 400 ms watchdog: pings flow while the heartbeat beats and stop
    /// when it stops. (Generous spans: the whole suite shares two cores with this loop.)
    @Test func feedWatchdogPingsOnlyWhileTheHeartbeatBeats() async throws {
        let socket = try NotifySocket()
        let environment = ["NOTIFY_SOCKET": socket.environmentValue, "WATCHDOG_USEC": "400000"]
        let notifier = try #require(SystemdNotifier(environment: environment))
        let clock = ContinuousClock()
        let heartbeat = Heartbeat<ContinuousClock.Instant>()
        let feeder = Task { await notifier.feedWatchdog(clock: clock, heartbeat: heartbeat) }
        defer { feeder.cancel() }

        // Beat until two pings arrive. A busy machine (the whole suite on two cores, or under a sanitizer) may
        // hold the feeder back for a long while, so the deadline is generous; pings, not time, end the wait.
        let deadline = clock.now + .seconds(180)
        var whileBeating: [String] = []
        while clock.now < deadline && whileBeating.count < 2 {
            heartbeat.beat(at: clock.now)
            try await clock.sleep(for: .milliseconds(20))
            whileBeating += socket.drain()
        }
        #expect(whileBeating.count >= 2, "\(whileBeating)")
        #expect(whileBeating.allSatisfy { $0 == "WATCHDOG=1" }, "\(whileBeating)")

        // At most one more ping can vouch for the last beats; after that the gate stays shut.
        try await clock.sleep(for: .milliseconds(1_500))
        let afterStopping = socket.drain()
        #expect(afterStopping.count <= 1, "\(afterStopping)")
        feeder.cancel()
        await feeder.value
    }

    @Test func feedWatchdogReturnsAtOnceWithoutAWatchdog() async throws {
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": "@winnow-unused"]))
        await notifier.feedWatchdog(clock: ContinuousClock(), heartbeat: Heartbeat())
    }
}
