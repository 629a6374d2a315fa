import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells the service manager about the daemon's state (the `sd_notify` protocol) without linking libsystemd.
///
/// systemd passes a Unix datagram socket to `Type=notify` services in `$NOTIFY_SOCKET`: a file-system path
/// (`/run/systemd/notify`) or, when it starts with `@`, a name in the abstract namespace. Each notification is
/// one datagram of newline-separated `KEY=VALUE` assignments, such as `READY=1` or `WATCHDOG=1`.
///
/// The initializer returns `nil` when `$NOTIFY_SOCKET` is unset, empty or not a Unix socket address, so a caller
/// keeps an optional and every call through it is a no-op when Winnow does not run under systemd:
///
/// ```swift
/// let notifier = SystemdNotifier()
/// notifier?.ready(status: "watching 12 sources")
/// ```
///
/// Sending never blocks and never raises `SIGPIPE`: each message goes out on a fresh non-blocking socket, and a
/// message the manager cannot take right now is dropped. Failures are counted in ``failedSends``, the first one is
/// logged as a warning and later ones at debug level, and nothing is thrown: a lost status line must not stop a
/// scraper.
public final class SystemdNotifier: Sendable {
    /// Where a notification socket lives.
    public enum Address: Sendable, Hashable, CustomStringConvertible {
        /// A socket bound to a path in the file system (absolute).
        case path(String)
        /// A socket in Linux's abstract namespace, named without the leading `@` of `$NOTIFY_SOCKET`.
        case abstract(String)

        /// Reads a `$NOTIFY_SOCKET` value: an absolute path, or `@name` for an abstract socket. Returns `nil` for
        /// an empty value, a relative path, any other scheme (such as systemd 254's `vsock:`), or a name too long
        /// for `sockaddr_un`.
        public init?(notifySocket value: String) {
            let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
            if value.hasPrefix("@") {
                let name = String(value.dropFirst())
                // One byte goes to the leading NUL that marks the abstract namespace.
                guard !name.isEmpty, name.utf8.count + 1 <= capacity else { return nil }
                self = .abstract(name)
            } else if value.hasPrefix("/") {
                // A path needs room for its terminating NUL.
                guard value.utf8.count + 1 <= capacity, !value.utf8.contains(0) else { return nil }
                self = .path(value)
            } else {
                return nil
            }
        }

        /// The address as `$NOTIFY_SOCKET` spells it.
        public var description: String {
            switch self {
            case .path(let path): path
            case .abstract(let name): "@" + name
            }
        }
    }

    /// The socket notifications are sent to.
    public let address: Address

    /// How often systemd expects `WATCHDOG=1` (`$WATCHDOG_USEC`, i.e. the unit's `WatchdogSec=`), or `nil` when
    /// the watchdog is off or meant for another process (`$WATCHDOG_PID` names a process other than this one).
    /// Ping at half this interval; ``WatchdogGate`` decides when.
    public let watchdogInterval: Duration?

    private let logger: Logger?
    /// Sends that failed so far.
    private let failures = Mutex(0)

    /// Reads `$NOTIFY_SOCKET`, `$WATCHDOG_USEC` and `$WATCHDOG_PID` from `environment`.
    ///
    /// - Parameters:
    ///   - environment: The process environment, or a dictionary standing in for it in tests.
    ///   - logger: Where failed sends are reported; `nil` keeps them to ``failedSends``.
    /// - Returns: `nil` when `$NOTIFY_SOCKET` is unset, empty or unusable (see ``Address/init(notifySocket:)``).
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger? = nil) {
        guard let value = environment["NOTIFY_SOCKET"], let address = Address(notifySocket: value) else {
            return nil
        }
        self.address = address
        self.logger = logger
        self.watchdogInterval = Self.watchdogInterval(environment: environment, pid: getpid())
    }

    /// The watchdog interval that `environment` asks process `pid` to keep, if any.
    ///
    /// `$WATCHDOG_USEC` must be a positive number of microseconds. When `$WATCHDOG_PID` is set, the interval
    /// applies only to that process: a child that inherited the environment must not feed its parent's watchdog.
    public static func watchdogInterval(environment: [String: String], pid: pid_t) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0,
              microseconds <= UInt64(Int64.max) else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty {
            guard let ownerPID = pid_t(owner), ownerPID == pid else { return nil }
        }
        return .microseconds(Int64(microseconds))
    }

    /// How many notifications could not be delivered since this notifier was made.
    public var failedSends: Int { failures.withLock { $0 } }

    // MARK: Messages

    /// Startup is finished: `READY=1` with a one-line `STATUS=`.
    public func ready(status: String) {
        send([("READY", "1"), ("STATUS", status)])
    }

    /// A free-form status line, shown by `systemctl status` (`STATUS=`).
    public func status(_ text: String) {
        send([("STATUS", text)])
    }

    /// A configuration reload has begun: `RELOADING=1` with `MONOTONIC_USEC=`, the `CLOCK_MONOTONIC` time in
    /// microseconds that systemd 253 and later require with it (older versions ignore the extra field).
    /// Follow it with ``readyAfterReload(status:)`` once the new configuration is in force, or it failed.
    public func reloading() {
        send([("RELOADING", "1"), ("MONOTONIC_USEC", String(Self.monotonicMicroseconds()))])
    }

    /// The reload that ``reloading()`` announced is over: `READY=1` with a `STATUS=` line.
    public func readyAfterReload(status: String) {
        send([("READY", "1"), ("STATUS", status)])
    }

    /// Shutdown has begun (`STOPPING=1`), optionally with a `STATUS=` line such as "draining 3 fetches".
    public func stopping(status: String? = nil) {
        var assignments = [("STOPPING", "1")]
        if let status { assignments.append(("STATUS", status)) }
        send(assignments)
    }

    /// Feeds the service watchdog (`WATCHDOG=1`). Call it through ``WatchdogGate`` so a hung scheduler stops
    /// feeding it and systemd restarts the service.
    public func watchdog() {
        send([("WATCHDOG", "1")])
    }

    /// Sends one datagram of `KEY=VALUE` lines.
    ///
    /// A key must be non-empty and made of ASCII letters, digits and `_`; an assignment with any other key is
    /// left out. Line breaks and NUL bytes in a value become spaces, so a value can never start a line of its own.
    ///
    /// - Returns: Whether the datagram was handed to the socket (`true` when no valid assignment was left to
    ///   send); failures are also counted in ``failedSends``.
    @discardableResult
    public func send(_ assignments: [(String, String)]) -> Bool {
        guard let message = Self.message(assignments) else { return true }
        if let errorNumber = deliver(Array(message.utf8)) {
            let count = failures.withLock { count in
                count += 1
                return count
            }
            let level: Logger.Level = count == 1 ? .warning : .debug
            logger?.log(level: level, "systemd notification not delivered",
                        metadata: ["socket": "\(address)", "errno": "\(errorNumber)",
                                   "error": "\(String(cString: strerror(errorNumber)))",
                                   "failures": "\(count)"])
            return false
        }
        return true
    }

    /// The datagram for `assignments`, or `nil` when no valid assignment is left.
    static func message(_ assignments: [(String, String)]) -> String? {
        let lines = assignments.compactMap { key, value -> String? in
            guard isValidKey(key) else { return nil }
            let flat = String(value.unicodeScalars.map { scalar -> Character in
                scalar == "\n" || scalar == "\r" || scalar == "\0" ? " " : Character(scalar)
            })
            return key + "=" + flat
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F
        }
    }

    /// Warns that a watchdog ping is being held back because the scheduler stopped reporting progress.
    func logWatchdogWithheld(interval: Duration) {
        // systemd restarts the service if no progress comes before WatchdogSec= runs out.
        logger?.warning("scheduler reported no progress; withholding the watchdog ping",
                        metadata: ["watchdog": "\(interval)"])
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd compares `MONOTONIC_USEC=` with.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    // MARK: Socket

    /// Sends `bytes` as one datagram on a fresh socket; returns `errno` on failure, `nil` on success.
    private func deliver(_ bytes: [UInt8]) -> Int32? {
        #if os(Linux)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
                            | Int32(SOCK_NONBLOCK.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        #if !os(Linux)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif

        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        let length: Int
        switch address {
        case .path(let path):
            let raw = Array(path.utf8)
            withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: raw) }
            length = pathOffset + raw.count + 1
        case .abstract(let name):
            // The leading NUL is already there (sun_path starts zeroed); the length, not a terminator, ends the name.
            let raw = Array(name.utf8)
            withUnsafeMutableBytes(of: &storage.sun_path) { path in
                UnsafeMutableRawBufferPointer(rebasing: path[1...]).copyBytes(from: raw)
            }
            length = pathOffset + 1 + raw.count
        }

        #if os(Linux)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        let sent = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { buffer in
                    sendto(fd, buffer.baseAddress, buffer.count, flags, socketAddress, socklen_t(length))
                }
            }
        }
        if sent < 0 { return errno }
        return sent == bytes.count ? nil : EMSGSIZE
    }
}
