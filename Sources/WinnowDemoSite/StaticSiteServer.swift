import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `StaticSiteServer` could not start.
public enum StaticSiteServerError: Error, Equatable, CustomStringConvertible {
    /// The server binds loopback addresses (127.0.0.0/8) only; this address was asked for instead.
    case notLoopback(String)
    /// The folder to serve does not exist or is not a folder.
    case notADirectory(String)
    /// socket(), bind() or listen() failed (the port is taken, say); the text names the call and the errno.
    case socket(String)

    /// One line for a person: what went wrong and with which address, folder or call.
    public var description: String {
        switch self {
        case .notLoopback(let host): "refusing to listen on \(host): the demo server binds loopback addresses (127.x.y.z) only"
        case .notADirectory(let path): "\(path): not a folder"
        case .socket(let text): text
        }
    }
}

/// One request the server answered, for an access log.
public struct AccessLogEntry: Sendable, Equatable, CustomStringConvertible {
    /// The request method, or `-` when the request could not be parsed.
    public let method: String
    /// The request target as sent (path and query), or `-`.
    public let target: String
    /// The status sent.
    public let status: Int
    /// Body bytes sent (0 for HEAD and 304).
    public let bytes: Int

    /// `GET /feed.xml 304 0`.
    public var description: String { "\(method) \(target) \(status) \(bytes)" }
}

/// A small static file server for Winnow's offline demo and tests: serves one folder over HTTP/1.1 on
/// 127.0.0.1, never on any other address.
///
/// - GET and HEAD (anything else: 405); `index.html` for folder paths (a folder without its trailing slash is
///   redirected to it); 404 for anything missing, hidden (a `.name` segment) or not a regular file.
/// - `Content-Type` by extension (see `MediaTypes`); `ETag` from size and modification time, and
///   `Last-Modified`; `If-None-Match` and `If-Modified-Since` answered with 304, so a crawler's conditional
///   GET can be seen working.
/// - Paths are percent-decoded before they are checked; a `..` segment is a 400, and whatever a path resolves
///   to (symlinks included) must lie inside the root or it is a 404.
/// - Every response closes its connection. Each connection gets its own thread, up to `maximumConnections`
///   at once (more are answered 503); a malformed request gets a 400, an oversized head a 431, a silent
///   client is dropped after 10 seconds. Nothing a client sends can crash the server.
///
/// ```swift
/// let server = try StaticSiteServer(root: "samples/site")
/// print(server.baseURL)  // http://127.0.0.1:PORT/
/// server.stop()
/// ```
public final class StaticSiteServer: Sendable {
    /// Connections served at once unless the initializer says otherwise.
    public static let defaultMaximumConnections = 32
    /// The address the server binds unless told another loopback address.
    public static let loopbackAddress = "127.0.0.1"

    /// The served folder, absolute, symlinks resolved.
    public let root: URL
    /// The bound port (the kernel's choice when 0 was asked for).
    public let port: UInt16
    /// Connections served at once; one more is answered 503.
    public let maximumConnections: Int
    /// The loopback address the server listens on (127.0.0.1 unless another 127.x.y.z address was asked for).
    public let address: String
    /// `http://ADDRESS:PORT/`.
    public var baseURL: URL { URL(string: "http://\(address):\(port)/")! }

    private let listener: Int32
    private let state = ServerState()

    /// Starts serving `root` on 127.0.0.1:`port` (0: an ephemeral port; read `port` afterwards).
    ///
    /// - Parameters:
    ///   - root: The folder to serve.
    ///   - host: `localhost` or an IPv4 loopback address (127.0.0.0/8, so that tests and benchmarks can serve
    ///     several "hosts" on one machine); any other address throws `.notLoopback`.
    ///   - port: The port to bind, 0 for any free one.
    ///   - maximumConnections: Connections served at once (at least 1).
    ///   - accessLog: Called once per answered request, on the connection's thread.
    /// - Throws: `StaticSiteServerError`.
    public init(
        root: String, host: String = StaticSiteServer.loopbackAddress, port: UInt16 = 0,
        maximumConnections: Int = StaticSiteServer.defaultMaximumConnections,
        accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil
    ) throws {
        guard let address = Self.loopbackAddress(host) else { throw StaticSiteServerError.notLoopback(host) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
              let resolvedRoot = SiteResponder.realPath(root) else {
            throw StaticSiteServerError.notADirectory(root)
        }
        let listener = try Self.listen(address: address, port: port)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.address = address
        self.port = UInt16(bigEndian: bound.sin_port)
        self.root = URL(fileURLWithPath: resolvedRoot, isDirectory: true)
        self.maximumConnections = max(1, maximumConnections)

        // The accept thread holds what it needs, not the server, so dropping the server stops it (deinit).
        let loop = AcceptLoop(
            listener: listener, state: state, responder: SiteResponder(root: resolvedRoot),
            limit: self.maximumConnections, accessLog: accessLog)
        Thread { loop.run() }.start()
    }

    deinit { stop() }

    /// An absolute URL on this server for a root-relative `path` (`/news/` or `news/`).
    public func url(for path: String) -> URL {
        URL(string: path.hasPrefix("/") ? String(path.dropFirst()) : path, relativeTo: baseURL)!.absoluteURL
    }

    /// True until `stop()`.
    public var isRunning: Bool { !state.isStopped }

    /// Connections being served right now.
    var activeConnections: Int { state.activeConnections }

    /// Stops accepting, closes the listening socket (the port is free when this returns), and waits up to a
    /// second for requests in progress. Safe to call more than once, from any thread.
    public func stop() {
        state.requestStop()
        state.waitForAcceptLoop()
        state.waitForConnections(until: Date().addingTimeInterval(1))
    }

    /// The dotted IPv4 loopback address `host` names (`localhost` is 127.0.0.1), or nil when it names anything
    /// that is not in 127.0.0.0/8.
    static func loopbackAddress(_ host: String) -> String? {
        if host.lowercased() == "localhost" { return loopbackAddress }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127",
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil })
        else { return nil }
        return parts.map { String(UInt8($0)!) }.joined(separator: ".")
    }

    /// A listening TCP socket on `address`:`port`, close-on-exec.
    private static func listen(address text: String, port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #endif
        guard fd >= 0 else { throw StaticSiteServerError.socket("socket(): \(Self.errnoText())") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(text)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let text = "bind \(loopbackAddress):\(port): \(errnoText())"
            close(fd)
            throw StaticSiteServerError.socket(text)
        }
        guard systemListen(fd, 128) == 0 else {
            let text = "listen(): \(errnoText())"
            close(fd)
            throw StaticSiteServerError.socket(text)
        }
        return fd
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// `listen(2)`, named so it does not collide with `StaticSiteServer.listen(port:)`.
private func systemListen(_ fd: Int32, _ backlog: Int32) -> Int32 {
    listen(fd, backlog)
}
