import Foundation
import WinnowTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A response as read off the wire by `RawHTTPClient`.
struct RawResponse: Sendable {
    let status: Int
    /// Header fields, names lowercased.
    let headers: [String: String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A deliberately dumb HTTP client over a plain socket to 127.0.0.1: it sends exactly the bytes it is given
/// (no path normalization, so `/../` reaches the server as written) and reads until the server closes.
enum RawHTTPClient {
    /// Connects to 127.0.0.1:`port`; the socket, or nil when nothing listens.
    static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends `request` as is; with `halfClose`, shuts down the sending side afterwards.
    static func exchange(port: UInt16, _ request: [UInt8], halfClose: Bool = false) throws -> RawResponse {
        guard let fd = connect(port: port) else { throw ClientError("cannot connect to port \(port)") }
        defer { close(fd) }
        var offset = 0
        while offset < request.count {
            let sent = request[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { break }  // The server may answer (431) and close before reading everything.
            offset += sent
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        return try parse(readAll(fd))
    }

    static func exchange(port: UInt16, _ request: String, halfClose: Bool = false) throws -> RawResponse {
        try exchange(port: port, Array(request.utf8), halfClose: halfClose)
    }

    /// A GET (or other method) for `target` with a Host header and any `headers`.
    static func request(
        port: UInt16, _ target: String, method: String = "GET", headers: [(String, String)] = []
    ) throws -> RawResponse {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUser-Agent: raw-test\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return try exchange(port: port, text + "\r\n")
    }

    static func readAll(_ fd: Int32, timeout: TimeInterval = 15) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        throw ClientError("no end of response after \(timeout) s (\(bytes.count) bytes so far)")
    }

    static func parse(_ bytes: [UInt8]) throws -> RawResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes.count >= 4 && Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw ClientError("no response head in \(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw ClientError("bad status line: \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError("bad header line: \(line)") }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }
}

/// Runs `body` on `count` threads at once and returns the results in index order.
func onThreads<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Shared<[T?]>(Array(repeating: nil, count: count))
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            let value = body(index)
            results.withLock { $0[index] = value }
            group.leave()
        }.start()
    }
    group.wait()
    return results.value.compactMap { $0 }
}
