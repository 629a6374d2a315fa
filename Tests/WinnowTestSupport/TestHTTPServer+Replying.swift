import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a reply: head, then the body piece by piece, so a reply can be paced, cut short, reset or made
/// endless (`ServerReply`'s fault settings).
extension TestHTTPServer {
    /// How sending a reply went.
    struct SendOutcome {
        var bodyBytes: Int
        var ending: Delivery.Ending
    }

    /// Body bytes per piece when the reply is not paced and not chunked.
    static let pieceSize = 64 * 1024

    /// Sends `reply` to `fd`, giving up at `deadline`. With `Cut.Action.reset` the caller must abort the
    /// connection (SO_LINGER 0) when it closes the socket.
    func write(_ reply: ServerReply, for request: ServerRequest, to fd: Int32,
              deadline: ContinuousClock.Instant) -> SendOutcome {
        var head = "HTTP/1.1 \(reply.status) \(TestHTTPServer.reason(reply.status))\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        let hasBody = request.method != "HEAD" && reply.status != 304 && reply.status != 204
        var chunked = false
        var pieceSize = TestHTTPServer.pieceSize
        switch reply.framing {
        case .length:
            // An explicit Content-Length in `headers` wins (a lie, when a test wants one); an endless body has
            // no length to announce, so it is framed by the close.
            if !reply.headers.contains(where: { $0.0.lowercased() == "content-length" }), let length = reply.bodyLength {
                head += "Content-Length: \(length)\r\n"
            }
        case .chunked(let size):
            head += "Transfer-Encoding: chunked\r\n"
            chunked = true
            pieceSize = max(1, size)
        case .close:
            break
        }
        head += "Connection: close\r\n\r\n"
        guard sendAll(reply.rawHead ?? Array(head.utf8), to: fd, deadline: deadline) else { return SendOutcome(bodyBytes: 0, ending: .clientLeft) }

        var sent = 0
        if hasBody {
            if let pacing = reply.pacing { pieceSize = pacing.bytes }
            var end = reply.bodyLength ?? Int.max
            if let cut = reply.cut { end = min(end, cut.afterBodyBytes) }
            let source = BodySource(reply)
            while sent < end {
                if isStopped || ContinuousClock.now >= deadline { return SendOutcome(bodyBytes: sent, ending: .serverGaveUp) }
                if let pacing = reply.pacing {
                    TestHTTPServer.sleep(pacing.interval)
                    if TestHTTPServer.clientHasLeft(fd) { return SendOutcome(bodyBytes: sent, ending: .clientLeft) }
                }
                let count = min(pieceSize, end - sent)
                var piece = source.bytes(at: sent, count: count)
                if chunked { piece = Array(String(count, radix: 16).utf8) + [13, 10] + piece + [13, 10] }
                guard sendAll(piece, to: fd, deadline: deadline) else {
                    return SendOutcome(bodyBytes: sent, ending: .clientLeft)
                }
                sent += count
            }
        }

        if let cut = reply.cut, hasBody {
            switch cut.action {
            case .stall:
                let left = holdUntilClientLeaves(fd)
                return SendOutcome(bodyBytes: sent, ending: left ? .cut(.stall) : .serverGaveUp)
            case .reset:
                return SendOutcome(bodyBytes: sent, ending: .cut(.reset))
            case .close:
                finishSending(fd)
                return SendOutcome(bodyBytes: sent, ending: .cut(.close))
            }
        }
        if chunked && hasBody {
            guard sendAll(Array("0\r\n\r\n".utf8), to: fd, deadline: deadline) else {
                return SendOutcome(bodyBytes: sent, ending: .clientLeft)
            }
        }
        finishSending(fd)
        return SendOutcome(bodyBytes: sent, ending: .complete)
    }

    /// Half-closes, then drains briefly so the client sees a clean close rather than a reset.
    private func finishSending(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 256)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 200) > 0 { _ = recv(fd, &scratch, scratch.count, 0) }
    }

    /// Sends every byte unless the client goes away, the server stops, or `deadline` passes (false then).
    private func sendAll(_ bytes: [UInt8], to fd: Int32, deadline: ContinuousClock.Instant) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if isStopped || ContinuousClock.now >= deadline { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            if poller.revents & Int16(POLLERR | POLLHUP) != 0 { return false }
            let sent = bytes[offset...].withUnsafeBytes {
                send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// True when the client has closed its end (its request was read in full, so a readable socket with
    /// nothing to read means end of file).
    static func clientHasLeft(_ fd: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        var scratch: UInt8 = 0
        let count = recv(fd, &scratch, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        if count == 0 { return true }
        return count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
    }

    /// The body's bytes by offset, from the reply's array or its generated pattern.
    private struct BodySource {
        let fixed: [UInt8]?
        let pattern: [UInt8]
        /// `pattern` repeated to cover any piece at any phase.
        let tiled: [UInt8]

        init(_ reply: ServerReply) {
            if let generated = reply.generated {
                fixed = nil
                pattern = generated.pattern
                let copies = TestHTTPServer.pieceSize / generated.pattern.count + 2
                tiled = Array([[UInt8]](repeating: generated.pattern, count: copies).joined())
            } else {
                fixed = reply.body
                pattern = []
                tiled = []
            }
        }

        func bytes(at offset: Int, count: Int) -> [UInt8] {
            if let fixed { return Array(fixed[offset..<offset + count]) }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            var position = offset
            while out.count < count {
                let phase = position % pattern.count
                let take = min(count - out.count, tiled.count - phase)
                out += tiled[phase..<phase + take]
                position += take
            }
            return out
        }
    }
}
