import Foundation
import WinnowCrawl
import WinnowTestSupport
import Testing
@testable import WinnowDemoSite
#if canImport(Glibc)
import Glibc
#endif

/// A folder to serve, beside a folder the server must never reach:
///
///     base/root/{index.html, feed.xml, notes.txt, archive.xml.gz, style.css, pic.png, blob.bin, .secret}
///     base/root/sub/{index.html, page.html}   base/root/empty/   base/root/out -> ../outside
///     base/outside/secret.txt
final class ServedFolder {
    let base: URL
    var root: URL { base.appendingPathComponent("root") }
    static let secret = "TOP SECRET: outside the root"

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-demo-site-\(UUID().uuidString)")
        let files: [String: String] = [
            "root/index.html": "<!doctype html><h1>Home page</h1>",
            "root/feed.xml": "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
            "root/notes.txt": "plain notes\n",
            "root/archive.xml.gz": "not really gzip, but the extension decides",
            "root/style.css": "body { color: black; }",
            "root/pic.png": "\u{89}PNG",
            "root/blob.bin": "bytes",
            "root/.secret": "hidden file",
            "root/sub/index.html": "<p>Sub index</p>",
            "root/sub/page.html": "<p>Sub page</p>",
            "outside/secret.txt": Self.secret,
        ]
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: base.appendingPathComponent("root/empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: base.appendingPathComponent("root/out").path, withDestinationPath: "../outside")
    }

    deinit { try? FileManager.default.removeItem(at: base) }
}

@Suite struct StaticSiteServerTests {
    @Test func bindsAnEphemeralLoopbackPort() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        #expect(server.port != 0)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/")
        #expect(server.url(for: "/news/a.html").absoluteString == "http://127.0.0.1:\(server.port)/news/a.html")
        #expect(server.isRunning)
    }

    @Test(arguments: [
        ("/index.html", "text/html; charset=utf-8"), ("/feed.xml", "application/xml"),
        ("/notes.txt", "text/plain; charset=utf-8"), ("/archive.xml.gz", "application/gzip"),
        ("/style.css", "text/css; charset=utf-8"), ("/pic.png", "image/png"),
        ("/blob.bin", "application/octet-stream"),
    ])
    func getServesFilesWithTheirMediaType(path: String, type: String) throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let response = try RawHTTPClient.request(port: server.port, path)
        let onDisk = try Data(contentsOf: folder.root.appendingPathComponent(String(path.dropFirst())))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
        #expect(response.body == [UInt8](onDisk))
        #expect(response.header("Content-Length") == "\(onDisk.count)")
        #expect(response.header("Connection") == "close")
        #expect(response.header("ETag")?.hasPrefix("\"") == true)
        #expect(response.header("Last-Modified")?.hasSuffix(" GMT") == true)
        #expect(response.header("Content-Encoding") == nil)
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutSlash() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let home = try RawHTTPClient.request(port: server.port, "/")
        #expect(home.status == 200)
        #expect(home.text.contains("Home page"))
        let sub = try RawHTTPClient.request(port: server.port, "/sub/?from=test")
        #expect(sub.status == 200)
        #expect(sub.text.contains("Sub index"))
        let redirect = try RawHTTPClient.request(port: server.port, "/sub?x=1")
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/sub/?x=1")
        #expect(try RawHTTPClient.request(port: server.port, "/empty/").status == 404)
        let absolute = try RawHTTPClient.request(port: server.port, "http://127.0.0.1:\(server.port)/sub/page.html")
        #expect(absolute.status == 200)
        #expect(absolute.text.contains("Sub page"))
    }

    @Test func headSendsTheHeadersWithoutTheBody() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let get = try RawHTTPClient.request(port: server.port, "/sub/page.html")
        let head = try RawHTTPClient.request(port: server.port, "/sub/page.html", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == "\(get.body.count)")
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        #expect(head.header("ETag") == get.header("ETag"))
        #expect(head.header("Last-Modified") == get.header("Last-Modified"))
    }

    @Test func ifNoneMatchAnswers304() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let first = try RawHTTPClient.request(port: server.port, "/feed.xml")
        let etag = try #require(first.header("ETag"))
        for value in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
            let again = try RawHTTPClient.request(port: server.port, "/feed.xml", headers: [("If-None-Match", value)])
            #expect(again.status == 304, "If-None-Match: \(value)")
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
            #expect(again.header("Last-Modified") == first.header("Last-Modified"))
        }
        let head = try RawHTTPClient.request(port: server.port, "/feed.xml", method: "HEAD", headers: [("If-None-Match", etag)])
        #expect(head.status == 304)
        let other = try RawHTTPClient.request(port: server.port, "/feed.xml", headers: [("If-None-Match", "\"nope\"")])
        #expect(other.status == 200)
        #expect(other.body == first.body)
    }

    @Test func ifModifiedSinceAnswers304AndDefersToIfNoneMatch() throws {
        let folder = try ServedFolder()
        // Last modified at the start of 2025, so dates after it are not in the future.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_735_689_600)],
            ofItemAtPath: folder.root.appendingPathComponent("notes.txt").path)
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let first = try RawHTTPClient.request(port: server.port, "/notes.txt")
        #expect(first.header("Last-Modified") == "Wed, 01 Jan 2025 00:00:00 GMT")
        let lastModified = try #require(first.header("Last-Modified"))
        let seconds = try #require(HTTPDate.secondsSince1970(lastModified, now: Date()))
        func status(_ headers: [(String, String)]) throws -> Int {
            try RawHTTPClient.request(port: server.port, "/notes.txt", headers: headers).status
        }
        #expect(try status([("If-Modified-Since", lastModified)]) == 304)
        #expect(try status([("If-Modified-Since", HTTPDate.format(seconds + 60))]) == 304)
        #expect(try status([("If-Modified-Since", HTTPDate.format(seconds - 86_400))]) == 200)
        #expect(try status([("If-Modified-Since", "yesterday, roughly")]) == 200)
        #expect(try status([("If-Modified-Since", HTTPDate.format(Int64(Date().timeIntervalSince1970) + 86_400 * 365))]) == 200)
        // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
        #expect(try status([("If-None-Match", "\"stale\""), ("If-Modified-Since", lastModified)]) == 200)
    }

    @Test func rewritingAFileChangesItsETag() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let first = try RawHTTPClient.request(port: server.port, "/notes.txt")
        let etag = try #require(first.header("ETag"))
        try Data("plain notes, now longer\n".utf8).write(to: folder.root.appendingPathComponent("notes.txt"))
        let second = try RawHTTPClient.request(port: server.port, "/notes.txt", headers: [("If-None-Match", etag)])
        #expect(second.status == 200)
        #expect(second.text == "plain notes, now longer\n")
        #expect(second.header("ETag") != etag)
    }

    @Test func missingFilesAre404() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        for path in ["/nope.html", "/sub/nope/", "/index.html/extra", "/sub/page.html/"] {
            #expect(try RawHTTPClient.request(port: server.port, path).status == 404, "\(path)")
        }
    }

    @Test(arguments: [
        "/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E/outside/secret.txt",
        "/%2e%2e%2foutside%2fsecret.txt", "/..%2Foutside/secret.txt", "/sub/../../outside/secret.txt",
        "/sub/%2e%2e/%2e%2e/outside/secret.txt", "/./../outside/secret.txt", "/..", "/../",
        "//etc/passwd", "/etc/passwd", "/out/secret.txt", "/out/", "/.secret", "/%2esecret",
        "/sub/.%2e/.%2e/outside/secret.txt", "/%00", "/index.html%00.txt", "/%c0%ae%c0%ae/outside/secret.txt",
        "http://127.0.0.1/../outside/secret.txt", "../outside/secret.txt", "*",
    ])
    func pathsCannotLeaveTheRoot(target: String) throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let response = try RawHTTPClient.request(port: server.port, target)
        #expect([400, 404].contains(response.status), "\(target) -> \(response.status)")
        #expect(!response.text.contains("TOP SECRET"))
        #expect(!response.text.contains("hidden file"))
        #expect(!response.text.contains("root:"))
    }

    @Test func doubleSlashIsAPathInsideTheRoot() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        #expect(try RawHTTPClient.request(port: server.port, "//etc/passwd").status == 404)
        #expect(try RawHTTPClient.request(port: server.port, "//sub//page.html").status == 200)
    }

    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400), ("GET\r\n\r\n", 400), ("GET /index.html\r\n\r\n", 400),
        ("GET  /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("GET /index.html HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400),
        ("GET /index.html HTTP/1.1\r\n\r\n", 400), ("GET /index.html HTTP/1.1\r\nHost x\r\n\r\n", 400),
        ("GET /index.html HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400), ("GET /index.html HTTP/1.1\r\nBad Name: x\r\nHost: x\r\n\r\n", 400),
        ("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("GET /a%2 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET /index.html HTTP/1.1\r\nHost: x\u{7}y\r\n\r\n", 400), ("GET /index.html HTTX/1.1\r\nHost: x\r\n\r\n", 400),
        ("G(T /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400), ("GET /index.html HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 405),
        ("DELETE /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        ("GET /index.html HTTP/1.0\r\n\r\n", 200), ("\r\nGET /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 200),
        ("GET /index.html HTTP/1.1\nHost: x\n\n", 200),
    ])
    func malformedRequestsGetAStatusNotACrash(request: String, status: Int) throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let response = try RawHTTPClient.exchange(port: server.port, request)
        #expect(response.status == status)
        if status == 405 { #expect(response.header("Allow") == "GET, HEAD") }
        #expect(try RawHTTPClient.request(port: server.port, "/").status == 200)
    }

    @Test func binaryJunkOversizedHeadsAndCutRequestsAreAnswered() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        defer { server.stop() }
        let junk: [UInt8] = [0, 1, 2, 0xFF, 0xFE, 0x80, 13, 10, 13, 10]
        #expect(try RawHTTPClient.exchange(port: server.port, junk).status == 400)
        let huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n"
        #expect(try RawHTTPClient.exchange(port: server.port, huge).status == 431)
        let cut = try RawHTTPClient.exchange(port: server.port, "GET /index.html HTTP/1.1\r\nHost: x\r\n", halfClose: true)
        #expect(cut.status == 400)
        // Connect and hang up without a byte: nothing to answer, nothing broken.
        for _ in 0..<20 {
            if let fd = RawHTTPClient.connect(port: server.port) { close(fd) }
        }
        #expect(try RawHTTPClient.request(port: server.port, "/").status == 200)
    }

    @Test func servesConcurrentRequests() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path, maximumConnections: 64)
        defer { server.stop() }
        let paths = ["/", "/sub/page.html", "/feed.xml", "/notes.txt"]
        let port = server.port
        let results = onThreads(40) { index -> String in
            guard let response = try? RawHTTPClient.request(port: port, paths[index % paths.count]) else { return "failed" }
            return "\(response.status) \(response.body.count)"
        }
        #expect(results.count == 40)
        let expected = try paths.map { path -> String in
            let response = try RawHTTPClient.request(port: port, path)
            return "\(response.status) \(response.body.count)"
        }
        for (index, result) in results.enumerated() {
            #expect(result == expected[index % paths.count], "request \(index)")
        }
    }

    @Test func connectionsOverTheCapGet503() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path, maximumConnections: 2)
        defer { server.stop() }
        let idle = [RawHTTPClient.connect(port: server.port), RawHTTPClient.connect(port: server.port)].compactMap { $0 }
        #expect(idle.count == 2)
        let deadline = Date().addingTimeInterval(5)
        while server.activeConnections < 2, Date() < deadline { usleep(10_000) }
        #expect(server.activeConnections == 2)
        let refused = try RawHTTPClient.request(port: server.port, "/")
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        for fd in idle { close(fd) }
        while server.activeConnections > 0, Date() < deadline.addingTimeInterval(5) { usleep(10_000) }
        #expect(try RawHTTPClient.request(port: server.port, "/").status == 200)
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.10", "10.0.0.1", "::1", "::", "127.0.0.256", "127.1", "128.0.0.1",
                      "127.0.0.1.5", "example.com", ""])
    func refusesEveryAddressButLoopback(host: String) throws {
        let folder = try ServedFolder()
        #expect(throws: StaticSiteServerError.notLoopback(host)) {
            _ = try StaticSiteServer(root: folder.root.path, host: host)
        }
    }

    /// Any 127.x.y.z is loopback: benchmarks and tests serve several "hosts" on one machine.
    @Test func otherLoopbackAddressesAreServed() throws {
        #expect(StaticSiteServer.loopbackAddress("127.0.0.2") == "127.0.0.2")
        #expect(StaticSiteServer.loopbackAddress("127.000.0.50") == "127.0.0.50")
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path, host: "127.0.0.2")
        defer { server.stop() }
        #expect(server.baseURL.absoluteString == "http://127.0.0.2:\(server.port)/")
    }

    @Test func localhostMeans127001() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path, host: "localhost")
        defer { server.stop() }
        #expect(server.baseURL.host == "127.0.0.1")
        #expect(try RawHTTPClient.request(port: server.port, "/").status == 200)
    }

    @Test func rootMustBeAFolder() throws {
        let folder = try ServedFolder()
        let missing = folder.base.appendingPathComponent("missing").path
        #expect(throws: StaticSiteServerError.notADirectory(missing)) { _ = try StaticSiteServer(root: missing) }
        let file = folder.root.appendingPathComponent("notes.txt").path
        #expect(throws: StaticSiteServerError.notADirectory(file)) { _ = try StaticSiteServer(root: file) }
    }

    @Test func aTakenPortIsAnError() throws {
        let folder = try ServedFolder()
        let first = try StaticSiteServer(root: folder.root.path)
        defer { first.stop() }
        #expect {
            _ = try StaticSiteServer(root: folder.root.path, port: first.port)
        } throws: { error in
            guard case .socket(let text) = error as? StaticSiteServerError else { return false }
            return text.contains("bind 127.0.0.1:\(first.port)")
        }
    }

    @Test func stopClosesThePortAndCanBeRepeated() throws {
        let folder = try ServedFolder()
        let server = try StaticSiteServer(root: folder.root.path)
        let port = server.port
        #expect(try RawHTTPClient.request(port: port, "/").status == 200)
        server.stop()
        server.stop()
        #expect(!server.isRunning)
        #expect(RawHTTPClient.connect(port: port) == nil)
        // The port is free again.
        let again = try StaticSiteServer(root: folder.root.path, port: port)
        defer { again.stop() }
        #expect(try RawHTTPClient.request(port: port, "/").status == 200)
    }

    @Test func droppingTheServerStopsIt() throws {
        let folder = try ServedFolder()
        var port: UInt16 = 0
        do {
            let server = try StaticSiteServer(root: folder.root.path)
            port = server.port
            #expect(try RawHTTPClient.request(port: port, "/").status == 200)
        }
        #expect(RawHTTPClient.connect(port: port) == nil)
    }

    @Test func accessLogSeesEveryAnswer() throws {
        let folder = try ServedFolder()
        let log = Shared<[AccessLogEntry]>([])
        let server = try StaticSiteServer(root: folder.root.path, accessLog: { entry in log.withLock { $0.append(entry) } })
        defer { server.stop() }
        let first = try RawHTTPClient.request(port: server.port, "/notes.txt")
        _ = try RawHTTPClient.request(port: server.port, "/notes.txt", headers: [("If-None-Match", first.header("ETag") ?? "")])
        _ = try RawHTTPClient.request(port: server.port, "/nope")
        _ = try RawHTTPClient.exchange(port: server.port, "NONSENSE\r\n\r\n")
        let deadline = Date().addingTimeInterval(5)
        while log.value.count < 4, Date() < deadline { usleep(10_000) }
        #expect(log.value.map(\.description) == [
            "GET /notes.txt 200 12", "GET /notes.txt 304 0", "GET /nope 404 14", "- - 400 16",
        ])
    }
}
