import Foundation
import Testing
@testable import WinnowDemoSite

/// The socket-free parts: request heads, path resolution, media types (HTTP dates: WinnowCrawlTests).
@Suite struct ParsingTests {
    @Test func parsesARequestHead() throws {
        let head = try RequestHead.parse(Array("GET /a%20b?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nIf-None-Match:  \"abc\" \r\n".utf8))
        #expect(head.method == "GET")
        #expect(head.target == "/a%20b?x=1")
        #expect(head.version == "HTTP/1.1")
        #expect(head.header("host") == "127.0.0.1:8080")
        #expect(head.header("if-none-match") == "\"abc\"")
        #expect(throws: RequestHead.Failure.unsupportedVersion) { try RequestHead.parse(Array("GET / HTTP/3.0\r\n".utf8)) }
    }

    @Test func findsTheEndOfAHead() {
        #expect(AcceptLoop.headEnd(Array("GET / HTTP/1.0\r\n\r\nbody".utf8), from: 0) == 16)
        #expect(AcceptLoop.headEnd(Array("GET / HTTP/1.0\n\nbody".utf8), from: 0) == 15)
        #expect(AcceptLoop.headEnd(Array("GET / HTTP/1.0\r\nHost: x\r\n".utf8), from: 0) == nil)
    }

    @Test func percentDecoding() {
        #expect(SiteResponder.percentDecode("/a%20b/%C3%A9") == "/a b/é")
        #expect(SiteResponder.percentDecode("/%2e%2E") == "/..")
        #expect(SiteResponder.percentDecode("/%zz") == nil)
        #expect(SiteResponder.percentDecode("/%4") == nil)
        #expect(SiteResponder.percentDecode("/%00") == nil)
        #expect(SiteResponder.percentDecode("/%c0%ae") == nil)  // Overlong UTF-8 for "." is not UTF-8.
    }

    @Test func resolvesPathsInsideTheRootOnly() throws {
        let folder = try ServedFolder()
        let root = try #require(SiteResponder.realPath(folder.root.path))
        let responder = SiteResponder(root: root)
        #expect(responder.resolve(target: "/") == .file(root + "/index.html"))
        #expect(responder.resolve(target: "/sub/page.html?utm_source=feed#top") == .file(root + "/sub/page.html"))
        #expect(responder.resolve(target: "/./sub/./page.html") == .file(root + "/sub/page.html"))
        #expect(responder.resolve(target: "/sub") == .redirect("/sub/"))
        #expect(responder.resolve(target: "/sub/..") == .badRequest)
        #expect(responder.resolve(target: "/%2e%2e/outside/secret.txt") == .badRequest)
        #expect(responder.resolve(target: "/out/secret.txt") == .notFound)
        #expect(responder.resolve(target: "/.secret") == .notFound)
        #expect(responder.resolve(target: "/empty/") == .notFound)
        #expect(responder.resolve(target: "relative.html") == .badRequest)
    }

    @Test func mediaTypesByExtension() {
        #expect(MediaTypes.forPath("/news/2025/06/a.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.forPath("/sitemap-archive.xml.gz") == "application/gzip")
        #expect(MediaTypes.forPath("/robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaTypes.forPath("/IMG/PHOTO.PNG") == "image/png")
        #expect(MediaTypes.forPath("/Makefile") == "application/octet-stream")
        #expect(MediaTypes.forPath("/.profile") == "application/octet-stream")
    }
}
