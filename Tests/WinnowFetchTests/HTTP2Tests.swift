import Foundation
import WinnowTestSupport
import Testing
@testable import WinnowFetch
#if canImport(Glibc)
import Glibc
#endif

/// nghttpd (apt package nghttp2-server) serves h2 and h2c; without it these tests are skipped.
private let nghttpdPath: String? = ["/usr/sbin/nghttpd", "/usr/bin/nghttpd", "/usr/local/bin/nghttpd"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
private let opensslPath: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// A throwaway nghttpd serving one page from a temporary directory.
private final class NGHTTPD {
    let port: UInt16
    let root: URL
    let page = Array("<html><body><p>served over HTTP/2</p></body></html>".utf8)
    /// The self-signed certificate (PEM) when serving TLS.
    let certificate: URL?
    private let process = Process()

    init(tls: Bool) throws {
        let nghttpd = try #require(nghttpdPath)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-h2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(page).write(to: root.appendingPathComponent("page.html"))
        port = try TestHTTPServer.unusedPort()
        var arguments = ["-d", root.path, "--address=127.0.0.1", String(port)]
        if tls {
            let key = root.appendingPathComponent("key.pem"), cert = root.appendingPathComponent("cert.pem")
            _ = try Encoders.run(try #require(opensslPath), [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", cert.path, "-batch",
            ], input: nil)
            arguments += [key.path, cert.path]
            certificate = cert
        } else {
            arguments.insert("--no-tls", at: 0)
            certificate = nil
        }
        process.executableURL = URL(fileURLWithPath: nghttpd)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try TestHTTPServer.waitForListener(port: port, timeout: .seconds(5))
    }

    func url(_ path: String) -> String { "\(certificate == nil ? "http" : "https")://127.0.0.1:\(port)\(path)" }

    func stop() {
        // nghttpd ignores SIGTERM while serving; SIGKILL it so waitUntilExit returns.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite("HTTP/2 (needs nghttpd: apt-get install nghttp2-server)")
struct HTTP2Tests {
    @Test("h2c with prior knowledge, several streams at once",
          .enabled(if: nghttpdPath != nil, "nghttpd not installed: apt-get install nghttp2-server"))
    func http2PriorKnowledge() async throws {
        let server = try NGHTTPD(tls: false)
        defer { server.stop() }
        let client = try HTTPClient(configuration: HTTPClientConfiguration(
            httpVersion: .http2PriorKnowledge, connectTimeout: .seconds(2), totalTimeout: .seconds(5), proxy: .direct,
            allowPrivateNetworks: true))
        let result = try await client.fetch(server.url("/page.html"))
        #expect(result.status == 200)
        #expect(result.httpVersion == .http2)
        #expect(result.body == server.page)
        #expect(result.headers["content-type"] == "text/html")

        let pageURL = server.url("/page.html")
        let versions = try await withThrowingTaskGroup(of: HTTPVersion.self) { group in
            for _ in 0..<8 { group.addTask { try await client.fetch(pageURL).httpVersion } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(versions == Array(repeating: .http2, count: 8))
        let missing = try await client.fetch(server.url("/missing.html"))
        #expect(missing.status == 404)
        #expect(missing.httpVersion == .http2)
        await client.shutdown()
    }

    @Test("default configuration negotiates HTTP/2 over TLS via ALPN; untrusted certificates fail as .tls",
          .enabled(if: nghttpdPath != nil && opensslPath != nil, "needs nghttpd (nghttp2-server) and openssl"))
    func http2OverTLS() async throws {
        let server = try NGHTTPD(tls: true)
        defer { server.stop() }
        let certificate = try #require(server.certificate)

        let untrusting = try HTTPClient(configuration: HTTPClientConfiguration(
            connectTimeout: .seconds(2), totalTimeout: .seconds(5), proxy: .direct,
            allowPrivateNetworks: true))
        let error = await fetchError { try await untrusting.fetch(server.url("/page.html")) }
        #expect(error?.code == .tls, "got \(String(describing: error))")
        await untrusting.shutdown()

        let trusting = try HTTPClient(configuration: HTTPClientConfiguration(
            connectTimeout: .seconds(2), totalTimeout: .seconds(5), proxy: .direct, caBundlePath: certificate.path,
            allowPrivateNetworks: true))
        let response = try await trusting.fetch(server.url("/page.html"))
        #expect(response.status == 200)
        #expect(response.httpVersion == .http2)
        #expect(response.body == server.page)
        #expect(response.timings.tlsHandshake > .zero)
        #expect(response.timings.tlsHandshake >= response.timings.connect)
        await trusting.shutdown()
    }
}
