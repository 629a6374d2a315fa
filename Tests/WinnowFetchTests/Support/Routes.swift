import Foundation
import WinnowTestSupport

/// The test server's routes, shared by every fetch test.
enum Routes {
    /// A body long enough to span several DEFLATE blocks when repeated, with non-ASCII text in it.
    static let article: [UInt8] = Array(
        String(repeating: "Winnow keeps the story and drops the chaff — café, naïve, 東京. ", count: 2_000).utf8)

    static let etag = "\"v1-abc\""
    static let lastModified = "Wed, 21 Oct 2025 07:28:00 GMT"

    static func handle(_ request: ServerRequest) -> ServerReply {
        let parts = request.path.split(separator: "/").map(String.init)
        switch parts.first ?? "" {
        case "hello":
            return ServerReply(
                headers: [("Content-Type", "text/html; Charset=\"ISO-8859-1\""), ("X-Route", "hello"),
                          ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
                body: Array("<p>hello</p>".utf8))
        case "echo":
            var text = "\(request.method) \(request.target)\n"
            for field in request.headers { text += "\(field.name): \(field.value)\n" }
            text += "\n" + String(decoding: request.body, as: UTF8.self)
            return .text(text)
        case "head":
            return ServerReply(headers: [("Content-Length", "1234")], body: [])
        case "redirect":
            let remaining = Int(parts.count > 1 ? parts[1] : "0") ?? 0
            if remaining <= 0 { return .text("arrived") }
            return ServerReply(status: 302, headers: [("Location", "/redirect/\(remaining - 1)"), ("X-Hop", "\(remaining)")],
                               body: Array("hop \(remaining)".utf8))
        case "to-ftp":
            return ServerReply(status: 302, headers: [("Location", "ftp://127.0.0.1:1/file.txt")])
        case "to-file":
            return ServerReply(status: 301, headers: [("Location", "file:///etc/hostname")])
        case "encoded":
            return encoded(parts.count > 1 ? parts[1] : "", request: request)
        case "big":
            let size = Int(request.query("n") ?? "0") ?? 0
            let framing: ServerReply.Framing
            switch request.query("mode") {
            case "chunked": framing = .chunked(700)
            case "close": framing = .close
            default: framing = .length
            }
            return ServerReply(headers: [("Content-Type", "application/octet-stream")],
                               body: [UInt8](repeating: 0x61, count: size), framing: framing)
        case "bomb":
            // 2 MiB of zeros, gzip-compressed to about 2 KiB on the wire.
            guard let gzip = Encoders.gzipPath,
                  let compressed = try? Encoders.run(gzip, ["-c", "-9"], input: [UInt8](repeating: 0, count: 2 << 20))
            else { return .text("gzip unavailable", status: 500) }
            return ServerReply(headers: [("Content-Encoding", "gzip")], body: compressed)
        case "stall":
            return ServerReply(stall: true)
        case "slow":
            let millis = Int(request.query("ms") ?? "150") ?? 150
            return ServerReply(status: 200, headers: [], body: Array("slow".utf8), delay: .milliseconds(millis))
        case "conditional":
            let matchesTag = request.header("if-none-match").map { $0.contains(etag) } ?? false
            let matchesDate = request.header("if-modified-since") == lastModified
            let validators = [("ETag", etag), ("Last-Modified", lastModified)]
            if matchesTag || (request.header("if-none-match") == nil && matchesDate) {
                return ServerReply(status: 304, headers: validators)
            }
            return ServerReply(status: 200, headers: validators + [("Content-Type", "text/plain")],
                               body: Array("fresh".utf8))
        case "status":
            let code = Int(parts.count > 1 ? parts[1] : "500") ?? 500
            return .text("status \(code)", status: code)
        default:
            if request.target.hasPrefix("http://") {
                // Acting as a forward proxy: the request line carries an absolute URI.
                return .text("proxied \(request.target)", headers: [("X-Proxy", "test")])
            }
            return .text("no such route", status: 404)
        }
    }

    private static func encoded(_ coding: String, request: ServerRequest) -> ServerReply {
        let body: [UInt8]?
        switch coding {
        case "gzip": body = Encoders.gzip(article)
        case "deflate": body = Encoders.zlib(article)
        case "br": body = Encoders.brotliPath.flatMap { try? Encoders.run($0, ["-c"], input: article) }
        case "zstd": body = Encoders.zstdPath.flatMap { try? Encoders.run($0, ["-c", "-q"], input: article) }
        default: body = nil
        }
        guard let body else { return .text("cannot encode \(coding)", status: 500) }
        return ServerReply(headers: [("Content-Type", "text/plain; charset=utf-8"), ("Content-Encoding", coding),
                                     ("X-Accept-Encoding-Seen", request.header("accept-encoding") ?? "")],
                           body: body)
    }
}
