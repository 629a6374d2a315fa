/// A request as the test server parsed it.
public struct ServerRequest: Sendable {
    public let method: String
    /// Request target: a path (or an absolute URI when we act as a proxy), query included.
    public let target: String
    /// Header fields, names lowercased, in arrival order.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// The loopback address the request arrived on (one server can listen on several: one "host" each).
    public let localAddress: String

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

/// How the test server answers one request: a normal reply, or one that misbehaves in a chosen way (stalls,
/// drips, resets, lies about its length, never ends) so tests can check what a client does about it.
public struct ServerReply: Sendable {
    public enum Framing: Sendable {
        /// Content-Length header (the body's true length unless `headers` names one: a lie, on purpose).
        case length
        /// Transfer-Encoding: chunked, body split into chunks of this size (paced bodies: one chunk per piece).
        case chunked(Int)
        /// No length at all: the body ends when the connection closes.
        case close
    }

    /// A body produced while it is sent instead of held in memory: `pattern` repeated until `length` bytes have
    /// gone out, or forever when `length` is nil (the server still gives up after `TestHTTPServer.longestReply`).
    public struct GeneratedBody: Sendable {
        public var pattern: [UInt8]
        public var length: Int?

        public init(pattern: [UInt8] = Array("winnow ".utf8), length: Int?) {
            precondition(!pattern.isEmpty, "a generated body needs a non-empty pattern")
            self.pattern = pattern
            self.length = length
        }
    }

    /// Send the body in pieces of `bytes`, waiting `interval` before each one (a slow or dripping server).
    public struct Pacing: Sendable {
        public var bytes: Int
        public var interval: Duration

        public init(bytes: Int, every interval: Duration) {
            self.bytes = max(1, bytes)
            self.interval = interval
        }
    }

    /// Stop after `afterBodyBytes` bytes of body (0: right after the header block) and then misbehave.
    public struct Cut: Sendable {
        public enum Action: Sendable {
            /// Keep the connection open, sending nothing more, until the client hangs up.
            case stall
            /// Abort the connection: SO_LINGER 0, then close, so the client gets a TCP RST.
            case reset
            /// Close the connection cleanly (FIN), whatever the framing promised.
            case close
        }

        public var afterBodyBytes: Int
        public var action: Action

        public init(afterBodyBytes: Int, _ action: Action) {
            self.afterBodyBytes = max(0, afterBodyBytes)
            self.action = action
        }
    }

    public var status: Int = 200
    public var headers: [(String, String)] = []
    public var body: [UInt8] = []
    public var framing: Framing = .length
    /// Sleep before answering (to make concurrent transfers overlap).
    public var delay: Duration? = nil
    /// Read the request and never answer; hold the socket until the client gives up.
    public var stall = false
    /// Replaces `body` when set: a body generated as it is sent (enormous or endless).
    public var generated: GeneratedBody? = nil
    /// Drip the body instead of sending it at once.
    public var pacing: Pacing? = nil
    /// Misbehave part-way through the body.
    public var cut: Cut? = nil
    /// Sent byte for byte instead of the status line and header block the server would write (framing headers
    /// included). Without a final blank line, the "body" that follows reads as more header lines.
    public var rawHead: [UInt8]? = nil

    public init(
        status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], framing: Framing = .length,
        delay: Duration? = nil, stall: Bool = false, generated: GeneratedBody? = nil, pacing: Pacing? = nil,
        cut: Cut? = nil, rawHead: [UInt8]? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.framing = framing
        self.delay = delay
        self.stall = stall
        self.generated = generated
        self.pacing = pacing
        self.cut = cut
        self.rawHead = rawHead
    }

    public static func text(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> ServerReply {
        ServerReply(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
                    body: Array(text.utf8))
    }

    /// A redirect to `location` (sent as given: relative, absolute, or any scheme at all).
    public static func redirect(_ location: String, status: Int = 302) -> ServerReply {
        ServerReply(status: status, headers: [("Location", location)], body: Array("moved".utf8))
    }

    /// The body's length when it is known in advance (nil for an endless generated body).
    var bodyLength: Int? { generated.map(\.length) ?? body.count }
}

/// What happened to one reply, as the server saw it: how much body went out and how the exchange ended.
public struct Delivery: Sendable {
    public enum Ending: Sendable, Equatable {
        /// Everything was sent and the server closed the connection.
        case complete
        /// `stall`: nothing was sent; the server held the connection until the client left.
        case neverAnswered
        /// The client hung up (or the socket failed) before the server was done sending.
        case clientLeft
        /// A `Cut` ended it: stalled until the client left, reset, or closed early.
        case cut(ServerReply.Cut.Action)
        /// The server gave up on its own (stopped, or the reply ran past `TestHTTPServer.longestReply`).
        case serverGaveUp
    }

    /// The address the request arrived on.
    public let host: String
    public let path: String
    public let status: Int
    /// Body bytes handed to the kernel (framing excluded). Loopback socket buffers hold a few MiB, so the client
    /// may have read fewer.
    public let bodyBytesSent: Int
    /// When the request had been read, and when the exchange ended (the client left, or the server finished).
    public let started: ContinuousClock.Instant
    public let ended: ContinuousClock.Instant
    public let ending: Ending

    public var duration: Duration { ended - started }
}
