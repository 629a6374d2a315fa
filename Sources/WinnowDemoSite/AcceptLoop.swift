import Foundation
import WinnowCrawl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's accept thread and the per-connection work: read one request head, answer, close.
struct AcceptLoop: Sendable {
    let listener: Int32
    let state: ServerState
    let responder: SiteResponder
    let limit: Int
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?

    /// Largest request head accepted (request line and fields); more is answered 431.
    static let maximumHeadBytes = 16 * 1024
    /// How long a client may take to send its request head.
    static let headTimeout: TimeInterval = 10

    /// Accepts until the server is stopped, then closes the listening socket.
    func run() {
        defer {
            close(listener)
            state.acceptLoopEnded()
        }
        while !state.isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            // Close-on-exec, so a process started meanwhile (a test running `winnow`) does not inherit it.
            let connection = accept(listener, nil, nil)
            if connection >= 0 { _ = fcntl(connection, F_SETFD, FD_CLOEXEC) }
            guard connection >= 0 else { continue }
            guard state.tryBeginConnection(limit: limit) else {
                // Over the cap: a quick 503 from this thread, then close.
                Self.configureTimeouts(connection, seconds: 1)
                _ = Self.send(Self.serialize(SiteResponse.text(503, [("Retry-After", "1")]), method: "GET"), to: connection)
                Self.closeGracefully(connection, linger: 100)
                log(method: "-", target: "-", status: 503, bytes: 0)
                continue
            }
            Thread { [self] in
                defer { state.endConnection() }
                serve(connection)
            }.start()
        }
    }

    /// One connection: one request, one response, then close.
    func serve(_ fd: Int32) {
        Self.configureTimeouts(fd, seconds: 10)
        defer { Self.closeGracefully(fd, linger: 200) }
        let response: SiteResponse
        var method = "-", target = "-"
        switch readHead(fd) {
        case .closed:
            return
        case .timedOut:
            response = .text(408)
        case .tooLarge:
            response = .text(431)
        case .incomplete:
            response = .text(400)
        case .head(let bytes):
            do {
                let head = try RequestHead.parse(bytes)
                (method, target) = (head.method, head.target)
                response = responder.respond(to: head)
            } catch .unsupportedVersion {
                response = .text(505)
            } catch {
                response = .text(400)
            }
        }
        let wire = Self.serialize(response, method: method)
        _ = Self.send(wire, to: fd)
        let bodyBytes = method == "HEAD" || response.status == 304 ? 0 : response.body.count
        log(method: method, target: target, status: response.status, bytes: bodyBytes)
    }

    private func log(method: String, target: String, status: Int, bytes: Int) {
        accessLog?(AccessLogEntry(method: method, target: target, status: status, bytes: bytes))
    }

    enum HeadResult: Equatable {
        case head([UInt8])
        /// The client closed (or was stopped) before sending anything.
        case closed
        case timedOut
        case tooLarge
        /// The client half-closed in the middle of its head.
        case incomplete
    }

    /// Reads up to the empty line that ends the head (CRLF CRLF, or LF LF from lenient clients).
    func readHead(_ fd: Int32) -> HeadResult {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(Self.headTimeout)
        while true {
            if state.isStopped { return buffer.isEmpty ? .closed : .timedOut }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return buffer.isEmpty ? .closed : .timedOut }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(100, max(1, remaining * 1000))))
            if ready < 0 && errno != EINTR { return .closed }
            guard ready > 0 else { continue }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else {
                // EOF: a head cut short is answered 400; a bare connect-and-close is not answered.
                return buffer.isEmpty ? .closed : .incomplete
            }
            let searchFrom = max(0, buffer.count - 3)
            buffer.append(contentsOf: chunk[0..<count])
            if let end = Self.headEnd(buffer, from: searchFrom) { return .head(Array(buffer[..<end])) }
            if buffer.count > Self.maximumHeadBytes { return .tooLarge }
        }
    }

    /// Index of the empty line ending the head: the first LF LF or LF CR LF (the head is what precedes it).
    static func headEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = max(0, start)
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// Status line, fields and (unless HEAD, 304) the body.
    static func serialize(_ response: SiteResponse, method: String) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        head += "Date: \(HTTPDate.format(Int64(Date().timeIntervalSince1970)))\r\n"
        head += "Server: winnow-demo-site\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.status != 304 {
            head += "Content-Length: \(response.body.count)\r\n"
            head += "X-Content-Type-Options: nosniff\r\n"
        }
        head += "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if method != "HEAD" && response.status != 304 { bytes += response.body }
        return bytes
    }

    /// Sends everything (no SIGPIPE); false when the client went away.
    static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                #if canImport(Glibc)
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(fd, $0.baseAddress, $0.count, 0)
                #endif
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    static func configureTimeouts(_ fd: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Half-closes, reads what the client still sends for up to `linger` ms (so closing does not reset the
    /// connection under an unread response), then closes.
    static func closeGracefully(_ fd: Int32, linger: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(Double(linger) / 1000)
        while deadline.timeIntervalSinceNow > 0 {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, max(1, Int32(deadline.timeIntervalSinceNow * 1000))) > 0 else { break }
            if recv(fd, &scratch, scratch.count, 0) <= 0 { break }
        }
        close(fd)
    }
}
