import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the test targets (fetch and CLI tests); never linked into the product.
///
/// A small threaded HTTP/1.1 server on loopback, written for these tests. It listens on one or several
/// 127.0.0.0/8 addresses, all on the same ephemeral port, so a single server can play many hosts (the handler
/// sees which address a request arrived on). One thread accepts for every address; each connection gets its
/// own thread; every response closes the connection. Replies can misbehave on demand (see `ServerReply`), and
/// every reply leaves a `Delivery` record saying how much body went out and how it ended.
public final class TestHTTPServer: Sendable {
    /// Counters and times measured on the server's own threads. Tests that bound how long something took use
    /// these rather than the awaiting task's clock: with every suite running at once (and slowed further by a
    /// sanitizer), a resumed task can wait seconds for a free thread of the cooperative pool before it reads
    /// the clock.
    public struct Stats: Sendable {
        public var connections = 0
        public var current = 0
        public var maxConcurrent = 0
        public var stallsReleasedByClient = 0
        /// The longest time a stalled request was held before its client hung up.
        public var longestStall: Duration = .zero
        /// When the client last hung up on a stalled request.
        public var lastStallRelease: ContinuousClock.Instant?
        /// When the first request was read, and when the last reply was sent.
        public var firstRequest: ContinuousClock.Instant?
        public var lastReply: ContinuousClock.Instant?

        /// From the first request read to the last reply sent (zero before any reply).
        public var servingSpan: Duration {
            guard let firstRequest, let lastReply else { return .zero }
            return lastReply - firstRequest
        }
    }

    /// How long one reply may go on (an endless body, a drip) before the server gives up on its own, so a
    /// client that never hangs up cannot keep a test's thread forever.
    public static let longestReply: Duration = .seconds(30)

    public let port: UInt16
    /// The first loopback address the server listens on (127.0.0.1 unless another 127.x address was asked for).
    public let address: String
    /// Every address the server listens on, all on `port`.
    public let addresses: [String]
    /// One listening socket and the address it is bound to.
    private struct Listener {
        let fd: Int32
        let address: String
    }

    private let listeners: [Listener]
    private let handler: @Sendable (ServerRequest) -> ServerReply
    /// What the server's threads record, and whether it was asked to stop.
    private struct Record: Sendable {
        var stopped = false
        var stats = Stats()
        var deliveries: [Delivery] = []
    }
    private let record = Mutex(Record())

    /// A server on `address` (a 127.0.0.0/8 loopback address: two "hosts" can run on 127.0.0.1 and 127.0.0.2).
    public convenience init(address: String = "127.0.0.1",
                            handler: @escaping @Sendable (ServerRequest) -> ServerReply) throws {
        try self.init(addresses: [address], handler: handler)
    }

    /// A server listening on every address in `addresses` (127.0.0.0/8 only) on one shared ephemeral port; the
    /// handler tells the hosts apart by `ServerRequest.localAddress`.
    public init(addresses: [String], handler: @escaping @Sendable (ServerRequest) -> ServerReply) throws {
        precondition(!addresses.isEmpty, "a test server needs an address")
        precondition(addresses.allSatisfy { $0.hasPrefix("127.") }, "test servers listen on loopback only")
        precondition(Set(addresses).count == addresses.count, "each address once")
        self.handler = handler
        self.address = addresses[0]
        self.addresses = addresses
        // The first address picks the port; the others take the same one. Another socket may already hold that
        // port on one of them: then start over with a fresh port.
        var bound: [Listener]?
        var lastError: (any Error)?
        for _ in 0..<8 where bound == nil {
            do {
                bound = try TestHTTPServer.makeListeners(on: addresses)
            } catch {
                lastError = error
            }
        }
        guard let bound else { throw lastError ?? ServerError("could not listen on \(addresses)") }
        self.port = TestHTTPServer.boundPort(bound[0].fd)
        self.listeners = bound
        Thread { [self] in self.acceptLoop() }.start()
    }

    deinit { stop() }

    /// An absolute URL for `path` on this server (on `host`, one of its addresses; the first by default).
    public func url(_ path: String, host: String? = nil) -> String { "http://\(host ?? address):\(port)\(path)" }

    public var stats: Stats { record.withLock { $0.stats } }

    /// One record per reply, in the order the replies ended.
    public var deliveries: [Delivery] { record.withLock { $0.deliveries } }

    /// Stops accepting; stalled handlers let go within ~100 ms.
    public func stop() { record.withLock { $0.stopped = true } }

    var isStopped: Bool { record.withLock { $0.stopped } }

    static func loopback(port: UInt16, address text: String = "127.0.0.1") -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(text)
        return address
    }

    /// Listening sockets on every address, the first on an ephemeral port and the rest on the same port.
    private static func makeListeners(on addresses: [String]) throws -> [Listener] {
        var listeners: [Listener] = []
        var port: UInt16 = 0
        do {
            for address in addresses {
                let fd = try bound(address, port: port)
                listeners.append(Listener(fd: fd, address: address))
                if port == 0 { port = boundPort(fd) }
            }
        } catch {
            for listener in listeners { close(listener.fd) }
            throw error
        }
        return listeners
    }

    /// A socket bound to `address`:`port` (0: any free port) and listening.
    private static func bound(_ address: String, port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = TestHTTPServer.loopback(port: port, address: address)
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0, listen(fd, 256) == 0 else {
            let failure = errno
            close(fd)
            throw ServerError("bind/listen on \(address):\(port) failed: errno \(failure)")
        }
        return fd
    }

    private static func boundPort(_ fd: Int32) -> UInt16 {
        var socketAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: socketAddress.sin_port)
    }

    /// A loopback port nothing listens on (bound, then closed).
    public static func unusedPort() throws -> UInt16 {
        let fd = try bound("127.0.0.1", port: 0)
        defer { close(fd) }
        return boundPort(fd)
    }

    /// Waits until something accepts TCP connections on 127.0.0.1:`port` (for servers run as processes).
    public static func waitForListener(port: UInt16, timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw ServerError("socket() failed") }
            var address = loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return }
            usleep(20_000)
        }
        throw ServerError("nothing listening on port \(port) after \(timeout)")
    }

    // MARK: - Accepting

    private func acceptLoop() {
        defer { for listener in listeners { close(listener.fd) } }
        var pollers = listeners.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        while !isStopped {
            guard poll(&pollers, nfds_t(pollers.count), 100) > 0 else { continue }
            for index in pollers.indices where pollers[index].revents & Int16(POLLIN) != 0 {
                pollers[index].revents = 0
                let connection = accept(listeners[index].fd, nil, nil)
                guard connection >= 0 else { continue }
                record.withLock { $0.stats.connections += 1 }
                let local = listeners[index].address
                Thread { [self] in self.serve(connection, on: local) }.start()
            }
        }
    }

    private func serve(_ fd: Int32, on local: String) {
        var abort = false
        defer {
            if abort {
                // SO_LINGER with a zero timeout makes close() abort the connection: the peer gets a RST.
                var option = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            }
            close(fd)
        }
        record.withLock {
            $0.stats.current += 1
            $0.stats.maxConcurrent = max($0.stats.maxConcurrent, $0.stats.current)
        }
        defer { record.withLock { $0.stats.current -= 1 } }
        guard let request = readRequest(fd, on: local) else { return }
        let started = ContinuousClock.now
        record.withLock {
            if $0.stats.firstRequest == nil { $0.stats.firstRequest = started }
        }
        let reply = handler(request)
        let outcome: SendOutcome
        if reply.stall {
            holdUntilClientLeaves(fd)
            outcome = SendOutcome(bodyBytes: 0, ending: .neverAnswered)
        } else {
            if let delay = reply.delay { TestHTTPServer.sleep(delay) }
            outcome = write(reply, for: request, to: fd, deadline: started + TestHTTPServer.longestReply)
            abort = outcome.ending == .cut(.reset)
            record.withLock { $0.stats.lastReply = ContinuousClock.now }
        }
        let delivery = Delivery(host: local, path: request.path, status: reply.status, bodyBytesSent: outcome.bodyBytes,
                                started: started, ended: .now, ending: outcome.ending)
        record.withLock { $0.deliveries.append(delivery) }
    }

    /// Holds a connection, reading and discarding, until the client closes it; true when it did (false: the
    /// server stopped or 20 s passed).
    @discardableResult
    func holdUntilClientLeaves(_ fd: Int32) -> Bool {
        let held = ContinuousClock.now
        let deadline = Date().addingTimeInterval(20)
        var scratch = [UInt8](repeating: 0, count: 512)
        while !isStopped, Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            if recv(fd, &scratch, scratch.count, 0) <= 0 {
                let released = ContinuousClock.now
                record.withLock {
                    $0.stats.stallsReleasedByClient += 1
                    $0.stats.longestStall = max($0.stats.longestStall, released - held)
                    $0.stats.lastStallRelease = released
                }
                return true
            }
        }
        return false
    }

    static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
    }

    // MARK: - HTTP/1.1

    private func readRequest(_ fd: Int32, on local: String) -> ServerRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 5000) > 0 else { return nil }
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.count >= 4 {
                for index in 0...(buffer.count - 4) where Array(buffer[index..<index + 4]) == terminator {
                    headerEnd = index
                    break
                }
            }
            if buffer.count > 1 << 20 { return nil }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(buffer[(end + 4)...])
        let expected = Int(headers.first(where: { $0.name == "content-length" })?.value ?? "0") ?? 0
        while body.count < expected {
            let count = recv(fd, &chunk, chunk.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return ServerRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                             headers: headers, body: body, localAddress: local)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
