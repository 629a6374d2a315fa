import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import WinnowFetch

/// nghttpd (apt package nghttp2-server) serves h2c; without it this test is skipped.
private let nghttpdPath: String? = ["/usr/sbin/nghttpd", "/usr/bin/nghttpd", "/usr/local/bin/nghttpd"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("HTTP/2")
struct HTTP2Tests {
    @Test("h2c prior knowledge against nghttpd",
          .enabled(if: nghttpdPath != nil, "nghttpd not installed: apt-get install nghttp2-server"))
    func http2PriorKnowledge() async throws {
        let nghttpd = try #require(nghttpdPath)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-h2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = Array("<html><body><p>served over h2c</p></body></html>".utf8)
        try Data(page).write(to: root.appendingPathComponent("page.html"))

        let port = try TestHTTPServer.unusedPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nghttpd)
        process.arguments = ["--no-tls", "-d", root.path, "--address=127.0.0.1", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // nghttpd ignores SIGTERM while serving; SIGKILL it so waitUntilExit returns.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        let client = try HTTPClient(configuration: HTTPClientConfiguration(
            httpVersion: .http2PriorKnowledge, connectTimeout: .seconds(2), totalTimeout: .seconds(5), proxy: .direct))
        let url = "http://127.0.0.1:\(port)/page.html"
        // nghttpd needs a moment to bind; retry connect failures briefly.
        var response: HTTPResponse?
        for _ in 0..<50 where response == nil {
            do {
                response = try await client.fetch(url)
            } catch let error as FetchError where error.code == .connect {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let result = try #require(response)
        #expect(result.status == 200)
        #expect(result.httpVersion == .http2)
        #expect(result.body == page)

        // Several streams multiplexed at once over the same client.
        let versions = try await withThrowingTaskGroup(of: HTTPVersion.self) { group in
            for _ in 0..<8 { group.addTask { try await client.fetch(url).httpVersion } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(versions == Array(repeating: .http2, count: 8))
        let missing = try await client.fetch("http://127.0.0.1:\(port)/missing.html")
        #expect(missing.status == 404)
        await client.shutdown()
    }
}
