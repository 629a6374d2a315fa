import CCurl
import Testing
@testable import WinnowFetch

@Suite("Headers, content type, validation and error mapping")
struct FetchUnitTests {
    @Test("header lookup ignores case and keeps repeated fields in order")
    func headers() {
        var headers: HTTPHeaders = ["Content-Type": "text/html", "Set-Cookie": "a=1"]
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["content-type"] == "text/html")
        #expect(headers["CONTENT-TYPE"] == "text/html")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["Missing"] == nil)
        headers.set(name: "SET-COOKIE", value: "c=3")
        #expect(headers.values(for: "set-cookie") == ["c=3"])
        headers.remove(name: "content-TYPE")
        #expect(!headers.contains("Content-Type"))
        #expect(headers.count == 1)
    }

    @Test("content type and charset parsing", arguments: [
        ("text/html; charset=UTF-8", "text/html", "utf-8"),
        ("Text/HTML;charset=\"windows-1252\"", "text/html", "windows-1252"),
        ("application/xhtml+xml; q=1; Charset = iso-8859-1 ", "application/xhtml+xml", "iso-8859-1"),
        ("text/plain", "text/plain", nil),
        ("text/plain; charset=", "text/plain", nil),
    ] as [(String, String, String?)])
    func contentType(header: String, mime: String, charset: String?) {
        let response = HTTPResponse(
            status: 200, url: "http://x/", requestedURL: "http://x/", headers: ["Content-Type": header], body: [],
            httpVersion: .http1_1, redirectCount: 0,
            timings: TransferTimings(nameLookup: .zero, connect: .zero, tlsHandshake: .zero, firstByte: .zero,
                                     total: .zero, redirects: .zero),
            sentValidators: false)
        #expect(response.mimeType == mime)
        #expect(response.charset == charset)
    }

    @Test("bad URLs are rejected before any transfer", arguments: [
        "ftp://example.com/file", "file:///etc/passwd", "not a url", "http://", "", "example.com/page",
        "gopher://example.com/",
    ])
    func invalidURL(url: String) async throws {
        let client = try HTTPClient(configuration: Harness.configuration())
        let error = await fetchError { try await client.fetch(url) }
        #expect(error?.code == .invalidURL, "got \(String(describing: error))")
        #expect(error?.url == url)
        await client.shutdown()
    }

    @Test("header injection and misplaced bodies are invalid requests")
    func invalidRequests() async throws {
        let client = try HTTPClient(configuration: Harness.configuration())
        let injected = await fetchError {
            try await client.fetch(HTTPRequest(url: "http://127.0.0.1:1/", headers: ["X-A": "1\r\nX-B: 2"]))
        }
        #expect(injected?.code == .invalidRequest)
        let badName = await fetchError {
            try await client.fetch(HTTPRequest(url: "http://127.0.0.1:1/", headers: ["Bad Name": "1"]))
        }
        #expect(badName?.code == .invalidRequest)
        let getWithBody = await fetchError {
            try await client.fetch(HTTPRequest(url: "http://127.0.0.1:1/", body: [1, 2, 3]))
        }
        #expect(getWithBody?.code == .invalidRequest)
        let badEtag = await fetchError {
            try await client.fetch(HTTPRequest(
                url: "http://127.0.0.1:1/", validators: ConditionalValidators(etag: "\"a\"\nX: y")))
        }
        #expect(badEtag?.code == .invalidRequest)
        await client.shutdown()
    }

    @Test("CURLcode mapping", arguments: [
        (CURLE_COULDNT_RESOLVE_HOST, FetchError.Code.dns),
        (CURLE_COULDNT_RESOLVE_PROXY, .dns),
        (CURLE_COULDNT_CONNECT, .connect),
        (CURLE_OPERATION_TIMEDOUT, .timeout),
        (CURLE_SSL_CONNECT_ERROR, .tls),
        (CURLE_PEER_FAILED_VERIFICATION, .tls),
        (CURLE_SSL_CERTPROBLEM, .tls),
        (CURLE_SSL_CACERT_BADFILE, .tls),
        (CURLE_TOO_MANY_REDIRECTS, .tooManyRedirects),
        (CURLE_UNSUPPORTED_PROTOCOL, .disallowedRedirect),
        (CURLE_FILESIZE_EXCEEDED, .tooLarge),
        (CURLE_URL_MALFORMAT, .invalidURL),
        (CURLE_WRITE_ERROR, .transport),
        (CURLE_RECV_ERROR, .transport),
        (CURLE_GOT_NOTHING, .transport),
        (CURLE_HTTP2, .transport),
    ] as [(CURLcode, FetchError.Code)])
    func mapping(code: CURLcode, expected: FetchError.Code) {
        // A 302 was the last response: CURLE_UNSUPPORTED_PROTOCOL then means its redirect was refused.
        let error = Curl.error(for: code, detail: "detail\nsecond line", url: "http://x/",
                               context: Curl.FailureContext(maxBodyBytes: 100, lastStatus: 302))
        #expect(error.code == expected)
        #expect(error.curlCode == Int(code.rawValue))
        #expect(!error.message.contains("\n"))
        #expect(error.message.hasSuffix("detail second line"))
    }

    @Test("a write error caused by the body cap maps to tooLarge")
    func writeErrorFromCap() {
        let error = Curl.error(for: CURLE_WRITE_ERROR, detail: nil, url: "http://x/",
                               context: Curl.FailureContext(maxBodyBytes: 1234, bodyCapHit: true, receivedBodyBytes: 1200))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("1234"))
        #expect(error.receivedBodyBytes == 1200)
        #expect(error.description == "\(error.message) (http://x/)")
    }

    @Test("a write error caused by the header cap maps to tooLarge, naming the header limit")
    func writeErrorFromHeaderCap() {
        let error = Curl.error(for: CURLE_WRITE_ERROR, detail: nil, url: "http://x/",
                               context: Curl.FailureContext(maxBodyBytes: 1234, headerCapHit: true))
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("headers exceed the \(Transfer.maxHeaderBytes)-byte limit"))
    }

    @Test("unsupported protocol is a refused redirect only after a 3xx; otherwise the answer was not HTTP",
          arguments: [(301, FetchError.Code.disallowedRedirect), (308, .disallowedRedirect), (0, .transport),
                      (200, .transport)] as [(Int, FetchError.Code)])
    func unsupportedProtocol(lastStatus: Int, expected: FetchError.Code) {
        let error = Curl.error(for: CURLE_UNSUPPORTED_PROTOCOL, detail: nil, url: "http://x/",
                               context: Curl.FailureContext(maxBodyBytes: 1, lastStatus: lastStatus))
        #expect(error.code == expected)
    }

    @Test("default User-Agent names Winnow, its version and the project URL")
    func userAgent() {
        let agent = HTTPClientConfiguration.defaultUserAgent
        #expect(agent.hasPrefix("Winnow/\(WinnowVersion.current) "))
        #expect(agent.contains("https://github.com/winnow-scraper/winnow"))
        #expect(WinnowVersion.projectURL == "https://github.com/winnow-scraper/winnow")
        #expect(agent == "Winnow/\(WinnowVersion.current) (+\(WinnowVersion.projectURL))")
        #expect(HTTPClientConfiguration().userAgent == HTTPClientConfiguration.defaultUserAgent)
        #expect(HTTPClientConfiguration().maxRedirects == 10)
        #expect(HTTPClientConfiguration().maxBodyBytes == 10 * 1024 * 1024)
        #expect(HTTPClientConfiguration().httpVersion == .http2OverTLS)
        #expect(HTTPClientConfiguration().proxy == .environment)
    }

    @Test("durations round up to whole milliseconds")
    func milliseconds() {
        #expect(Duration.seconds(1).wholeMilliseconds == 1000)
        #expect(Duration.microseconds(1).wholeMilliseconds == 1)
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
    }

    @Test("test gzip encoder's CRC-32 and Adler-32 match the standard check values")
    func checksums() {
        #expect(Encoders.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Encoders.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }
}
