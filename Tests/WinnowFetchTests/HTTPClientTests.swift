import Foundation
import WinnowTestSupport
import Testing
@testable import WinnowFetch

@Suite("HTTPClient against a local HTTP/1.1 server")
struct HTTPClientTests {
    @Test("GET returns status, body, final-response headers, content type and timings")
    func plainGet() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/hello")
        #expect(response.status == 200)
        #expect(response.text == "<p>hello</p>")
        #expect(response.url == harness.url("/hello"))
        #expect(response.requestedURL == harness.url("/hello"))
        #expect(response.httpVersion == .http1_1)
        #expect(response.redirectCount == 0)
        #expect(response.headers["x-route"] == "hello")
        #expect(response.headers["X-ROUTE"] == "hello")
        #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
        #expect(response.mimeType == "text/html")
        #expect(response.charset == "iso-8859-1")
        #expect(response.timings.total > .zero)
        #expect(response.timings.total >= response.timings.firstByte)
        #expect(response.timings.firstByte >= response.timings.connect)
        #expect(response.timings.tlsHandshake == .zero)
        await harness.finish()
    }

    @Test("sends the Winnow User-Agent, Accept-Encoding for every codec, and custom headers")
    func requestHeaders() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let request = HTTPRequest(
            url: harness.url("/echo"), headers: ["X-Test": "yes", "Accept": "text/html", "X-Empty": ""])
        let text = try await harness.client.fetch(request).text
        #expect(text.contains("user-agent: Winnow/\(WinnowVersion.current) (+https://github.com/winnow-scraper/winnow)\n"))
        for coding in ["gzip", "deflate", "br", "zstd"] {
            #expect(text.contains(coding), "Accept-Encoding should offer \(coding): \(text)")
        }
        #expect(text.contains("x-test: yes\n"))
        #expect(text.contains("accept: text/html\n"))
        #expect(!text.contains("accept: */*"))
        #expect(text.contains("x-empty: \n"))

        let custom = try HTTPClient(configuration: HTTPClientConfiguration(
            userAgent: "Custom/2", proxy: .direct, allowPrivateNetworks: true))
        let customText = try await custom.fetch(harness.url("/echo")).text
        #expect(customText.contains("user-agent: Custom/2\n"))
        await custom.shutdown()
        await harness.finish()
    }

    @Test("HEAD returns headers without a body; POST sends its body")
    func headAndPost() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let head = try await harness.client.fetch(HTTPRequest(url: harness.url("/head"), method: .head))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == "1234")

        let post = try await harness.client.fetch(
            HTTPRequest(url: harness.url("/echo"), method: .post, body: Array("a=1&b=two".utf8)))
        #expect(post.text.hasPrefix("POST /echo\n"))
        #expect(post.text.hasSuffix("\na=1&b=two"))
        await harness.finish()
    }

    @Test("redirects are followed; final URL, hop count and only the final headers are reported")
    func redirectsFollowed() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/redirect/3")
        #expect(response.status == 200)
        #expect(response.text == "arrived")
        #expect(response.url == harness.url("/redirect/0"))
        #expect(response.requestedURL == harness.url("/redirect/3"))
        #expect(response.redirectCount == 3)
        #expect(response.headers["X-Hop"] == nil, "headers of redirect hops must be dropped")
        #expect(response.headers.values(for: "content-type") == ["text/plain; charset=utf-8"])

        // Exactly the default cap of 10 is fine.
        let ten = try await harness.fetch("/redirect/10")
        #expect(ten.redirectCount == 10)
        await harness.finish()
    }

    @Test("a redirect chain longer than the cap fails with tooManyRedirects")
    func redirectCap() async throws {
        let harness = try Harness(Harness.configuration(maxRedirects: 3))
        defer { harness.server.stop() }
        let error = await fetchError { try await harness.fetch("/redirect/5") }
        #expect(error?.code == .tooManyRedirects)
        #expect(error?.url == harness.url("/redirect/5"))
        let ok = try await harness.fetch("/redirect/3")
        #expect(ok.redirectCount == 3)

        // maxRedirects 0 disables following: the 3xx itself is the response.
        let noFollow = try Harness(Harness.configuration(maxRedirects: 0))
        let hop = try await noFollow.fetch("/redirect/2")
        #expect(hop.status == 302)
        #expect(hop.headers["Location"] == "/redirect/1")
        #expect(hop.redirectCount == 0)
        await noFollow.finish()

        let defaultCap = try Harness()
        let beyondDefault = await fetchError { try await defaultCap.fetch("/redirect/11") }
        #expect(beyondDefault?.code == .tooManyRedirects)
        await defaultCap.finish()
        await harness.finish()
    }

    @Test("redirects to ftp:// or file:// are refused", arguments: ["/to-ftp", "/to-file"])
    func disallowedRedirect(path: String) async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let error = await fetchError { try await harness.fetch(path) }
        #expect(error?.code == .disallowedRedirect, "got \(String(describing: error))")
        await harness.finish()
    }

    @Test("gzip and deflate bodies are decoded", arguments: ["gzip", "deflate"])
    func storedEncodings(coding: String) async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/encoded/\(coding)")
        #expect(response.status == 200)
        #expect(response.headers["Content-Encoding"] == coding)
        #expect(response.body == Routes.article)
        await harness.finish()
    }

    @Test("brotli bodies are decoded", .enabled(if: Encoders.brotliPath != nil, "needs the brotli CLI (apt brotli)"))
    func brotli() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/encoded/br")
        #expect(response.headers["Content-Encoding"] == "br")
        #expect(response.body == Routes.article)
        await harness.finish()
    }

    @Test("zstd bodies are decoded", .enabled(if: Encoders.zstdPath != nil, "needs the zstd CLI (apt zstd)"))
    func zstd() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/encoded/zstd")
        #expect(response.headers["Content-Encoding"] == "zstd")
        #expect(response.body == Routes.article)
        await harness.finish()
    }

    @Test("the body cap rejects oversized bodies whatever the framing", arguments: ["length", "chunked", "close"])
    func bodyCap(mode: String) async throws {
        let harness = try Harness(Harness.configuration(maxBodyBytes: 4_000))
        defer { harness.server.stop() }
        let error = await fetchError { try await harness.fetch("/big?n=10000&mode=\(mode)") }
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        // At the cap exactly is accepted.
        let fits = try await harness.fetch("/big?n=4000&mode=\(mode)")
        #expect(fits.body.count == 4_000)
        // A per-request override wins over the client's cap.
        let larger = try await harness.client.fetch(
            HTTPRequest(url: harness.url("/big?n=10000&mode=\(mode)"), maxBodyBytes: 20_000))
        #expect(larger.body.count == 10_000)
        await harness.finish()
    }

    @Test("the body cap counts decompressed bytes (a small gzip that inflates past the cap)",
          .enabled(if: Encoders.gzipPath != nil, "needs the gzip CLI"))
    func bodyCapOnDecompressedBytes() async throws {
        let harness = try Harness(Harness.configuration(maxBodyBytes: 1 << 20))
        defer { harness.server.stop() }
        let error = await fetchError { try await harness.fetch("/bomb") }
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        let roomy = try await harness.client.fetch(HTTPRequest(url: harness.url("/bomb"), maxBodyBytes: 4 << 20))
        #expect(roomy.body.count == 2 << 20)
        await harness.finish()
    }

    @Test("a server that accepts and never answers times out quickly")
    func stallTimesOut() async throws {
        let harness = try Harness(Harness.configuration(totalTimeout: .seconds(1)))
        defer { harness.server.stop() }
        let start = ContinuousClock.now
        let error = await fetchError { try await harness.fetch("/stall") }
        let elapsed = ContinuousClock.now - start
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(elapsed >= .milliseconds(900))
        // How long the server held the request until the client gave up: far below the 30 s default, so the
        // 1 s limit fired (loose bound; parallel suites share 2 cores in CI). Timed by the server: this task's
        // clock also counts the wait for a free cooperative thread, which exceeded 30 s under a sanitizer.
        for _ in 0..<400 where harness.server.stats.stallsReleasedByClient == 0 {
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(harness.server.stats.stallsReleasedByClient == 1)
        #expect(harness.server.stats.longestStall < .seconds(15), "held \(harness.server.stats.longestStall)")
        await harness.finish()
    }

    @Test("conditional GET: validators are sent and a 304 comes back as a normal response")
    func conditionalGet() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let first = try await harness.fetch("/conditional")
        #expect(first.status == 200)
        #expect(!first.isNotModified)
        let validators = try #require(first.validators)
        #expect(validators.etag == Routes.etag)
        #expect(validators.lastModified == Routes.lastModified)

        let second = try await harness.client.fetch(HTTPRequest(url: harness.url("/conditional"), validators: validators))
        #expect(second.status == 304)
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
        #expect(second.sentValidators)
        #expect(throws: Never.self) { try second.requireSuccess() }

        let byDate = try await harness.client.fetch(HTTPRequest(
            url: harness.url("/conditional"), validators: ConditionalValidators(lastModified: Routes.lastModified)))
        #expect(byDate.isNotModified)

        let stale = try await harness.client.fetch(HTTPRequest(
            url: harness.url("/conditional"), validators: ConditionalValidators(etag: "\"old\"")))
        #expect(stale.status == 200)
        #expect(stale.text == "fresh")
        await harness.finish()
    }

    @Test("non-2xx statuses are responses, and errors once success is required", arguments: [404, 500])
    func nonSuccess(status: Int) async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let response = try await harness.fetch("/status/\(status)")
        #expect(response.status == status)
        #expect(response.text == "status \(status)")
        #expect(!response.isSuccess)
        do {
            try response.requireSuccess()
            Issue.record("requireSuccess should throw for \(status)")
        } catch {
            #expect(error.code == .httpStatus(status))
            #expect(error.message.contains("\(status)"))
        }
        await harness.finish()
    }

    @Test("a 304 without validators is not a success")
    func unexpectedNotModified() throws {
        let response = HTTPResponse(
            status: 304, url: "http://x/", requestedURL: "http://x/", headers: [:], body: [], httpVersion: .http1_1,
            redirectCount: 0, timings: TransferTimings(nameLookup: .zero, connect: .zero, tlsHandshake: .zero,
                                                       firstByte: .zero, total: .zero, redirects: .zero),
            sentValidators: false)
        #expect(throws: FetchError.self) { try response.requireSuccess() }
    }

    @Test("connection refused maps to a connect error")
    func connectionRefused() async throws {
        let port = try TestHTTPServer.unusedPort()
        let client = try HTTPClient(configuration: Harness.configuration())
        let url = "http://127.0.0.1:\(port)/"
        let error = await fetchError { try await client.fetch(url) }
        #expect(error?.code == .connect, "got \(String(describing: error))")
        #expect(error?.url == url)
        #expect(error.map { !$0.message.contains("\n") } == true)
        await client.shutdown()
    }

    @Test("an explicit proxy receives the absolute-URI request")
    func explicitProxy() async throws {
        let proxy = try TestHTTPServer(handler: Routes.handle)
        defer { proxy.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(
            proxy: .url(proxy.url("")), allowPrivateNetworks: true))
        let response = try await client.fetch("http://story.example/page")
        #expect(response.text == "proxied http://story.example/page")
        #expect(response.headers["X-Proxy"] == "test")
        await client.shutdown()
    }
}
