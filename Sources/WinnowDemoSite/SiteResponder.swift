import Foundation
import WinnowCrawl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response before it is written: status, header fields, body (omitted on the wire for HEAD and 304).
struct SiteResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// A short plain-text answer for errors and redirects.
    static func text(_ status: Int, _ extraHeaders: [(String, String)] = []) -> SiteResponse {
        let body = Array("\(status) \(reasonPhrase(status))\n".utf8)
        return SiteResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + extraHeaders, body: body)
    }
}

/// The standard reason phrase for the statuses this server sends.
func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 301: "Moved Permanently"
    case 304: "Not Modified"
    case 400: "Bad Request"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 503: "Service Unavailable"
    case 505: "HTTP Version Not Supported"
    default: "Unknown"
    }
}

/// Maps a parsed request onto the folder: path resolution, validators, conditional requests, media types.
///
/// No sockets here, so every rule can be tested directly. The root is resolved once (symlinks included);
/// a request can only ever reach a regular file whose resolved path lies inside it.
struct SiteResponder: Sendable {
    /// The served folder, absolute, symlinks resolved, no trailing slash.
    let root: String
    /// "Now" in seconds since 1970, injectable for tests of If-Modified-Since dates in the future.
    let clock: @Sendable () -> Int64

    /// Largest file served (64 MiB); a bigger one is answered 500 rather than read into memory.
    static let maximumFileBytes: Int64 = 64 << 20

    init(root: String, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.root = root
        self.clock = clock
    }

    /// Where a request target leads.
    enum Resolution: Equatable {
        /// A regular file inside the root (absolute path).
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this target.
        case redirect(String)
        case notFound
        /// Undecodable percent-escapes, a NUL, a `..` segment or an unusable target form.
        case badRequest
    }

    /// The answer to `head`.
    func respond(to head: RequestHead) -> SiteResponse {
        guard head.method == "GET" || head.method == "HEAD" else {
            return .text(405, [("Allow", "GET, HEAD")])
        }
        switch resolve(target: head.target) {
        case .badRequest: return .text(400)
        case .notFound: return .text(404)
        case .redirect(let location): return .text(301, [("Location", location)])
        case .file(let path): return serveFile(path, head: head)
        }
    }

    /// Resolves a request target to a file, a redirect or a refusal. Never touches anything outside the root.
    func resolve(target: String) -> Resolution {
        var path = Substring(target)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        var query: Substring?
        if let mark = path.firstIndex(of: "?") {
            query = path[path.index(after: mark)...]
            path = path[..<mark]
        }
        if !path.hasPrefix("/") {
            // absolute-form (RFC 9112 §3.2.2): take the path after the authority.
            let lower = path.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return .badRequest }
            let afterScheme = path[path.index(path.startIndex, offsetBy: lower.hasPrefix("http://") ? 7 : 8)...]
            path = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        guard let decoded = Self.percentDecode(path) else { return .badRequest }

        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return .badRequest }
            // Hidden files (.git, .htpasswd, editor droppings) are never served.
            if segment.hasPrefix(".") { return .notFound }
            segments.append(String(segment))
        }
        let candidate = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let real = Self.realPath(candidate), real == root || real.hasPrefix(root + "/") else { return .notFound }

        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard path.hasSuffix("/") else {
                return .redirect(String(path) + "/" + (query.map { "?" + $0 } ?? ""))
            }
            let index = real + "/index.html"
            var indexInfo = stat()
            guard stat(index, &indexInfo) == 0, (indexInfo.st_mode & S_IFMT) == S_IFREG else { return .notFound }
            return .file(index)
        }
        // A file asked for as a folder (`/page.html/`) is not there.
        return (info.st_mode & S_IFMT) == S_IFREG && !path.hasSuffix("/") ? .file(real) : .notFound
    }

    private func serveFile(_ path: String, head: RequestHead) -> SiteResponse {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .text(404) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .text(404) }

        let size = Int64(info.st_size)
        // Bodies are read whole; a demo site has no business serving anything near this big.
        guard size <= Self.maximumFileBytes else { return .text(500) }
        #if canImport(Darwin)
        let (modified, nanoseconds) = (Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
        #else
        let (modified, nanoseconds) = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
        #endif
        // Strong validator from size and modification time (to the nanosecond): a rewritten file gets a new tag.
        let etag = "\"\(String(size, radix: 16))-\(String(modified, radix: 16))-\(String(nanoseconds, radix: 16))\""
        let validators: [(String, String)] = [
            ("ETag", etag), ("Last-Modified", HTTPDate.format(modified)), ("Cache-Control", "no-cache"),
        ]
        if isNotModified(head: head, etag: etag, modified: modified) {
            return SiteResponse(status: 304, headers: validators, body: [])
        }

        var body = [UInt8](repeating: 0, count: Int(size))
        var filled = 0
        while filled < body.count {
            let count = body.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        body.removeSubrange(filled...)  // The file shrank while we read it: send what is there.
        return SiteResponse(
            status: 200, headers: [("Content-Type", MediaTypes.forPath(path))] + validators, body: body)
    }

    /// RFC 9110 §13.2.2: If-None-Match first (weak comparison; `*` matches any file); If-Modified-Since only
    /// when If-None-Match is absent, and only for a valid date that is not in the future.
    func isNotModified(head: RequestHead, etag: String, modified: Int64) -> Bool {
        if let tags = head.header("if-none-match") {
            if tags.trimmedOfSpaces == "*" { return true }
            let ours = Self.opaqueTag(etag)
            return tags.split(separator: ",").contains { Self.opaqueTag(String($0).trimmedOfSpaces) == ours }
        }
        if let since = head.header("if-modified-since"), let date = HTTPDate.secondsSince1970(since, now: Date()), date <= clock() {
            return modified <= date
        }
        return false
    }

    /// An entity tag without its weakness marker, for weak comparison.
    private static func opaqueTag(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    /// Percent-decodes a path; nil for a bad escape, a NUL, or bytes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `realpath(3)`: absolute, symlinks and dot segments resolved; nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
