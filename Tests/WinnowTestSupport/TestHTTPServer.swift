import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server parsed it.
public struct ServerRequest: Sendable {
    public let method: String
    /// Request target: a path (or an absolute URI when we act as a proxy), query included.
    public let target: String
    /// Header fields, names lowercased, in arrival order.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

    public func header(_ name: String) -> String? {
        headers.first(where: { $0.name == name.lowercased() })?.value
    }

    public func query(_ key: String) -> String? {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.first.map(String.init) == key { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}

/// How the test server answers one request.
public struct ServerReply: Sendable {
    public enum Framing: Sendable {
        /// Content-Length header.
        case length
        /// Transfer-Encoding: chunked, body split into chunks of this size.
        case chunked(Int)
        /// No length at all: the body ends when the connection closes.
        case close
    }

    public var status: Int = 200
    public var headers: [(String, String)] = []
    public var body: [UInt8] = []
    public var framing: Framing = .length
    /// Sleep before answering (to make concurrent transfers overlap).
    public var delay: Duration? = nil
    /// Read the request and never answer; hold the socket until the client gives up.
    public var stall = false

    public init(
        status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], framing: Framing = .length,
        delay: Duration? = nil, stall: Bool = false
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.framing = framing
        self.delay = delay
        self.stall = stall
    }

    public static func text(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> ServerReply {
        ServerReply(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
                    body: Array(text.utf8))
    }
}

/// Shared by the test targets (fetch and CLI tests); never linked into the product.
///
/// A small threaded HTTP/1.1 server on 127.0.0.1 and an ephemeral port, written for these tests.
/// One thread accepts; each connection gets its own thread; every response closes the connection.
public final class TestHTTPServer: @unchecked Sendable {
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

    public let port: UInt16
    /// The loopback address the server listens on (127.0.0.1 unless another 127.x address was asked for).
    public let address: String
    private let listenFD: Int32
    private let handler: @Sendable (ServerRequest) -> ServerReply
    private let lock = NSLock()
    private var stopped = false
    private var statsValue = Stats()

    /// A server on `address` (a 127.0.0.0/8 loopback address: two "hosts" can run on 127.0.0.1 and 127.0.0.2).
    public init(address: String = "127.0.0.1", handler: @escaping @Sendable (ServerRequest) -> ServerReply) throws {
        precondition(address.hasPrefix("127."), "test servers listen on loopback only")
        self.handler = handler
        self.address = address
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = TestHTTPServer.loopback(port: 0, address: address)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 256) == 0 else {
            close(fd)
            throw ServerError("bind/listen failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listenFD = fd
        self.port = UInt16(bigEndian: socketAddress.sin_port)
        Thread { [self] in self.acceptLoop() }.start()
    }

    deinit { stop() }

    /// An absolute URL for `path` on this server.
    public func url(_ path: String) -> String { "http://\(address):\(port)\(path)" }

    public var stats: Stats { lock.withLock { statsValue } }

    /// Stops accepting; stalled handlers let go within ~100 ms.
    public func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }

    static func loopback(port: UInt16, address text: String = "127.0.0.1") -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(text)
        return address
    }

    /// A loopback port nothing listens on (bound, then closed).
    public static func unusedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw ServerError("bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
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
        defer { close(listenFD) }
        while !isStopped {
            var poller = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let connection = accept(listenFD, nil, nil)
            guard connection >= 0 else { continue }
            lock.withLock { statsValue.connections += 1 }
            Thread { [self] in self.serve(connection) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        lock.withLock {
            statsValue.current += 1
            statsValue.maxConcurrent = max(statsValue.maxConcurrent, statsValue.current)
        }
        defer { lock.withLock { statsValue.current -= 1 } }
        guard let request = readRequest(fd) else { return }
        lock.withLock {
            if statsValue.firstRequest == nil { statsValue.firstRequest = ContinuousClock.now }
        }
        let reply = handler(request)
        if reply.stall {
            holdUntilClientLeaves(fd)
            return
        }
        if let delay = reply.delay { Thread.sleep(forTimeInterval: Double(delay.components.seconds)
            + Double(delay.components.attoseconds) / 1e18) }
        write(reply, for: request, to: fd)
        lock.withLock { statsValue.lastReply = ContinuousClock.now }
    }

    private func holdUntilClientLeaves(_ fd: Int32) {
        let held = ContinuousClock.now
        let deadline = Date().addingTimeInterval(20)
        var scratch = [UInt8](repeating: 0, count: 512)
        while !isStopped, Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            if recv(fd, &scratch, scratch.count, 0) <= 0 {
                let released = ContinuousClock.now
                lock.withLock {
                    statsValue.stallsReleasedByClient += 1
                    statsValue.longestStall = max(statsValue.longestStall, released - held)
                    statsValue.lastStallRelease = released
                }
                return
            }
        }
    }

    // MARK: - HTTP/1.1

    private func readRequest(_ fd: Int32) -> ServerRequest? {
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
                             headers: headers, body: body)
    }

    private func write(_ reply: ServerReply, for request: ServerRequest, to fd: Int32) {
        var head = "HTTP/1.1 \(reply.status) \(TestHTTPServer.reason(reply.status))\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        let sendBody = request.method != "HEAD" && reply.status != 304 && reply.status != 204
        switch reply.framing {
        case .length:
            if !reply.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
                head += "Content-Length: \(reply.body.count)\r\n"
            }
        case .chunked:
            head += "Transfer-Encoding: chunked\r\n"
        case .close:
            break
        }
        head += "Connection: close\r\n\r\n"
        var out = Array(head.utf8)
        if sendBody {
            switch reply.framing {
            case .length, .close:
                out += reply.body
            case .chunked(let size):
                var index = 0
                while index < reply.body.count {
                    let next = min(reply.body.count, index + max(1, size))
                    out += Array(String(next - index, radix: 16).utf8) + [13, 10]
                    out += reply.body[index..<next] + [13, 10]
                    index = next
                }
                out += Array("0\r\n\r\n".utf8)
            }
        }
        var offset = 0
        while offset < out.count {
            let sent = out[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
        shutdown(fd, Int32(SHUT_WR))
        // Drain briefly so the client sees a clean close rather than a reset.
        var scratch = [UInt8](repeating: 0, count: 256)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 200) > 0 { _ = recv(fd, &scratch, scratch.count, 0) }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}

public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
