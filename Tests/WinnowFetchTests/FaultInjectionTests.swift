import Foundation
import Testing
import WinnowTestSupport
@testable import WinnowFetch

/// The client against a server that misbehaves on purpose: each test names the fault, the limit that must stop
/// it, and the exact outcome (error code, how much body was accepted, how long it took).
///
/// Time bounds: the lower bound is the configured limit itself (less libcurl's millisecond grain), measured by
/// this task's clock (the fetch cannot fail before its limit). The upper bound is generous (limit + `slack`) and
/// measured by the server's own threads (`Delivery.duration`: from the request read to the client hanging up),
/// because on a loaded machine this task may wait seconds for a free cooperative thread after the fetch has
/// already failed.
@Suite("Fault injection: the HTTP client against a misbehaving server")
struct FaultInjectionTests {
    /// How much later than its limit a failure may be noticed on a loaded two-core machine.
    static let slack: Duration = .seconds(5)
    /// How much earlier than its limit, by this task's clock, libcurl may fire a timeout: it times a transfer
    /// from a timestamp it took slightly before the transfer was handed to it, in whole milliseconds (an -O
    /// run measured 1.49992 s for a 1.5 s limit).
    static let timerGrain: Duration = .milliseconds(5)

    /// A client for these tests: direct (no proxy from the environment), short limits, no low-speed check unless
    /// asked for (so each test exercises one limit only), loopback allowed.
    static func configuration(
        totalTimeout: Duration = .seconds(10), lowSpeedLimit: LowSpeedLimit? = nil, maxBodyBytes: Int = 10 << 20,
        maxRedirects: Int = 5
    ) -> HTTPClientConfiguration {
        HTTPClientConfiguration(
            maxRedirects: maxRedirects, connectTimeout: .seconds(5), totalTimeout: totalTimeout,
            lowSpeedLimit: lowSpeedLimit, maxBodyBytes: maxBodyBytes, proxy: .direct, allowPrivateNetworks: true)
    }

    /// A server answering every request with `reply`, and a client with `configuration`.
    struct Rig {
        let server: TestHTTPServer
        let client: HTTPClient

        init(_ configuration: HTTPClientConfiguration = FaultInjectionTests.configuration(),
             addresses: [String] = ["127.0.0.1"],
             reply: @escaping @Sendable (ServerRequest) -> ServerReply) throws {
            server = try TestHTTPServer(addresses: addresses, handler: reply)
            client = try HTTPClient(configuration: configuration)
        }

        func url(_ path: String = "/", host: String? = nil) -> String { server.url(path, host: host) }

        /// The error a GET of `path` ends with (nil if it succeeded) and how long it took by this task's clock.
        func failure(_ path: String = "/") async -> (error: FetchError?, elapsed: Duration) {
            let start = ContinuousClock.now
            let error = await fetchError { try await client.fetch(url(path)) }
            return (error, .now - start)
        }

        /// The server's record of the reply to `path`, once the exchange is over (nil after 20 s without one).
        func delivery(_ path: String = "/") async throws -> Delivery? {
            for _ in 0..<800 {
                if let found = server.deliveries.first(where: { $0.path == path }) { return found }
                try await Task.sleep(for: .milliseconds(25))
            }
            return nil
        }

        func finish() async {
            await client.shutdown()
            server.stop()
        }
    }

    static let page = Array(String(repeating: "0123456789abcdef", count: 625).utf8)  // 10,000 bytes

    // MARK: - Stalls and slow servers

    @Test("a server that reads the request and never answers: timeout at the total limit, nothing received")
    func stallBeforeHeaders() async throws {
        let limit: Duration = .milliseconds(1500)
        let rig = try Rig(Self.configuration(totalTimeout: limit)) { _ in ServerReply(stall: true) }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(error?.curlCode == 28)
        #expect(error?.receivedBodyBytes == 0)
        #expect(elapsed >= limit - Self.timerGrain)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .neverAnswered)
        #expect(delivery.duration < limit + Self.slack, "held \(delivery.duration)")
        await rig.finish()
    }

    @Test("headers and 500 of 10,000 body bytes, then silence: the low-speed limit fires, 500 bytes kept")
    func stallDuringBody() async throws {
        // libcurl averages the speed over the last (up to) 5 s, so a stall right after a burst faster than the
        // floor is noticed only once the burst has left that window: up to 5 s late. 500 bytes are under a
        // 1,000 B/s floor from the first second on, so here the limit fires on time.
        let low = LowSpeedLimit(bytesPerSecond: 1_000, duration: .seconds(1))
        let rig = try Rig(Self.configuration(totalTimeout: .seconds(20), lowSpeedLimit: low)) { _ in
            ServerReply(body: Self.page, cut: .init(afterBodyBytes: 500, .stall))
        }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(error?.message.contains("too slow") == true, "the low-speed check, not the total limit: \(String(describing: error))")
        #expect(error?.receivedBodyBytes == 500)
        #expect(elapsed >= low.duration - Self.timerGrain)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .cut(.stall))
        #expect(delivery.bodyBytesSent == 500)
        #expect(delivery.duration < low.duration + Self.slack, "held \(delivery.duration)")
        await rig.finish()
    }

    @Test("a body stalled part-way with no low-speed check: the total limit fires")
    func stallDuringBodyTotalLimit() async throws {
        let limit: Duration = .milliseconds(1500)
        let rig = try Rig(Self.configuration(totalTimeout: limit)) { _ in
            ServerReply(body: Self.page, framing: .chunked(1_000), cut: .init(afterBodyBytes: 5_000, .stall))
        }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(error?.message.contains("timed out after") == true, "\(String(describing: error))")
        #expect(error?.receivedBodyBytes == 5_000)
        #expect(elapsed >= limit - Self.timerGrain)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .cut(.stall))
        #expect(delivery.duration < limit + Self.slack, "held \(delivery.duration)")
        await rig.finish()
    }

    @Test("one byte every 100 ms (10 B/s) under a 100 B/s floor: the low-speed limit fires after its 1 s window")
    func dripBelowTheFloor() async throws {
        let low = LowSpeedLimit(bytesPerSecond: 100, duration: .seconds(1))
        let rig = try Rig(Self.configuration(totalTimeout: .seconds(20), lowSpeedLimit: low)) { _ in
            ServerReply(body: Self.page, pacing: .init(bytes: 1, every: .milliseconds(100)))
        }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(error?.message.contains("too slow") == true, "\(String(describing: error))")
        #expect(elapsed >= low.duration - Self.timerGrain)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        #expect(delivery.duration < low.duration + Self.slack, "dripped for \(delivery.duration)")
        // Every byte kept was sent, and the drip rate bounds what was sent.
        let received = try #require(error?.receivedBodyBytes)
        #expect(received >= 1 && received <= delivery.bodyBytesSent, "\(received) of \(delivery.bodyBytesSent)")
        #expect(delivery.bodyBytesSent <= Int(delivery.duration / .milliseconds(100)) + 1)
        await rig.finish()
    }

    @Test("an endless drip (50 bytes every 50 ms): the total limit fires while bytes still flow")
    func endlessDripHitsTheTotalLimit() async throws {
        // No low-speed floor here: with every suite running at once, a starved server thread can dip under any
        // floor for a second, and this test is about the total limit alone.
        let limit: Duration = .milliseconds(1500)
        let rig = try Rig(Self.configuration(totalTimeout: limit)) { _ in
            ServerReply(framing: .chunked(100), generated: .init(length: nil),
                        pacing: .init(bytes: 50, every: .milliseconds(50)))
        }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(error?.message.contains("timed out after") == true, "\(String(describing: error))")
        #expect(elapsed >= limit - Self.timerGrain)
        let received = try #require(error?.receivedBodyBytes)
        #expect(received > 0 && received % 50 == 0, "whole pieces only: \(received)")
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        #expect(received <= delivery.bodyBytesSent)
        #expect(delivery.duration < limit + Self.slack)
        await rig.finish()
    }

    // MARK: - Broken connections and lying lengths

    @Test("a connection reset after 4,000 of 10,000 body bytes: a transport error (recv failure), at most 4,000 kept")
    func resetMidBody() async throws {
        let rig = try Rig { _ in ServerReply(body: Self.page, cut: .init(afterBodyBytes: 4_000, .reset)) }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .transport, "got \(String(describing: error))")
        #expect(error?.curlCode == 56, "CURLE_RECV_ERROR: \(String(describing: error))")
        let received = try #require(error?.receivedBodyBytes)
        #expect(received <= 4_000)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .cut(.reset))
        #expect(delivery.bodyBytesSent == 4_000)
        await rig.finish()
    }

    @Test("Content-Length 10,000 but the connection closes after 4,000: a transport error (partial file), 4,000 kept")
    func contentLengthLongerThanTheBody() async throws {
        let rig = try Rig { _ in ServerReply(body: Self.page, cut: .init(afterBodyBytes: 4_000, .close)) }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .transport, "got \(String(describing: error))")
        #expect(error?.curlCode == 18, "CURLE_PARTIAL_FILE: \(String(describing: error))")
        #expect(error?.receivedBodyBytes == 4_000)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .cut(.close))
        await rig.finish()
    }

    @Test("a chunked body closed before its last chunk: a transport error, the bytes before kept")
    func chunkedBodyWithoutItsEnd() async throws {
        let rig = try Rig { _ in
            ServerReply(body: Self.page, framing: .chunked(1_000), cut: .init(afterBodyBytes: 10_000, .close))
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .transport, "got \(String(describing: error))")
        #expect(error?.receivedBodyBytes == 10_000)
        await rig.finish()
    }

    @Test("Content-Length 100 on a 10,000-byte body: exactly the announced 100 bytes are the body")
    func contentLengthShorterThanTheBody() async throws {
        let rig = try Rig { _ in ServerReply(headers: [("Content-Length", "100")], body: Self.page) }
        defer { rig.server.stop() }
        let response = try await rig.client.fetch(rig.url())
        #expect(response.status == 200)
        #expect(response.body == Array(Self.page.prefix(100)))
        await rig.finish()
    }

    @Test("a status line that is not HTTP: a transport error, not a disallowed redirect")
    func notHTTPAtAll() async throws {
        let rig = try Rig { _ in ServerReply(body: Array("SSH-2.0-OpenSSH_9.2\r\n".utf8), rawHead: []) }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .transport, "got \(String(describing: error))")
        await rig.finish()
    }

    @Test("an endless header block: refused as too large once the headers pass their cap, not buffered forever")
    func endlessHeaders() async throws {
        let rig = try Rig(Self.configuration(totalTimeout: .seconds(20))) { _ in
            // The "body" continues the header block: the status line is never followed by a blank line.
            ServerReply(framing: .close, generated: .init(pattern: Array("X-Flood: yes\r\n".utf8), length: nil),
                        rawHead: Array("HTTP/1.1 200 OK\r\n".utf8))
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        #expect(error?.message.contains("headers exceed the \(Transfer.maxHeaderBytes)-byte limit") == true)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        #expect(delivery.duration < Self.slack, "refused at the cap, long before the 20 s limit: \(delivery.duration)")
        await rig.finish()
    }

    // MARK: - Endless and enormous bodies

    @Test("an endless body stops at the 1 MiB cap with tooLarge, whatever the framing", arguments: ["chunked", "close"])
    func endlessBody(framing: String) async throws {
        let cap = 1 << 20
        let rig = try Rig(Self.configuration(maxBodyBytes: cap)) { _ in
            ServerReply(framing: framing == "chunked" ? .chunked(16 * 1024) : .close, generated: .init(length: nil))
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        let received = try #require(error?.receivedBodyBytes)
        #expect(received <= cap && received > cap - 64 * 1024, "stopped at the cap: \(received)")
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        // What the server got out before the hang-up: the cap plus what loopback socket buffers hold.
        #expect(delivery.bodyBytesSent < cap + (64 << 20), "sent \(delivery.bodyBytesSent)")
        await rig.finish()
    }

    @Test("an endless body under the cap, paced at 100 KB/s: the total limit ends it")
    func endlessBodyUnderTheCap() async throws {
        let limit: Duration = .milliseconds(1500)
        let rig = try Rig(Self.configuration(totalTimeout: limit)) { _ in
            ServerReply(framing: .close, generated: .init(length: nil), pacing: .init(bytes: 1_000, every: .milliseconds(10)))
        }
        defer { rig.server.stop() }
        let (error, elapsed) = await rig.failure()
        #expect(error?.code == .timeout, "got \(String(describing: error))")
        #expect(elapsed >= limit - Self.timerGrain)
        let received = try #require(error?.receivedBodyBytes)
        #expect(received > 0 && received < 10 << 20)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.duration < limit + Self.slack)
        await rig.finish()
    }

    @Test("a 64 MiB body announced by Content-Length over a 1 MiB cap: refused before any body is kept")
    func enormousAnnouncedBody() async throws {
        let cap = 1 << 20
        let rig = try Rig(Self.configuration(maxBodyBytes: cap)) { _ in
            ServerReply(generated: .init(length: 64 << 20))
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        #expect(error?.curlCode == 63, "CURLE_FILESIZE_EXCEEDED: \(String(describing: error))")
        #expect(error?.receivedBodyBytes == 0)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        #expect(delivery.bodyBytesSent < 64 << 20)
        await rig.finish()
    }

    @Test("a 64 MiB body without a length over a 1 MiB cap: refused at the cap")
    func enormousUnannouncedBody() async throws {
        let cap = 1 << 20
        let rig = try Rig(Self.configuration(maxBodyBytes: cap)) { _ in
            ServerReply(framing: .close, generated: .init(length: 64 << 20))
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        #expect(error?.curlCode == 23, "CURLE_WRITE_ERROR from the cap: \(String(describing: error))")
        let received = try #require(error?.receivedBodyBytes)
        #expect(received <= cap && received > cap - 64 * 1024)
        let delivery = try #require(try await rig.delivery())
        #expect(delivery.ending == .clientLeft)
        await rig.finish()
    }

    // MARK: - Compression bombs

    /// 1 GiB of zeros as gzip, about 1 MB.
    static let bomb: [UInt8]? = try? CompressionBomb.gzipZeros(mebibytes: 1024)

    @Test("Content-Encoding: gzip that inflates to 1 GiB: tooLarge at the 8 MiB cap, quickly",
          .enabled(if: bomb != nil, "zlib could not build the bomb"))
    func gzipBomb() async throws {
        let bomb = try #require(Self.bomb)
        #expect(bomb.count < 2 << 20, "the bomb is small on the wire: \(bomb.count)")
        let cap = 8 << 20
        let rig = try Rig(Self.configuration(maxBodyBytes: cap)) { _ in
            ServerReply(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure()
        #expect(error?.code == .tooLarge, "got \(String(describing: error))")
        let received = try #require(error?.receivedBodyBytes)
        #expect(received <= cap && received > cap - 64 * 1024, "decoding stopped at the cap: \(received)")
        let delivery = try #require(try await rig.delivery())
        // The client stopped inflating at 8 MiB, i.e. after reading ~1% of the wire bytes; far from 1 GiB of work.
        #expect(delivery.duration < Self.slack, "took \(delivery.duration)")
        await rig.finish()
    }

    @Test("the same bomb served as a .gz file: fetched as 1 MB, then Gzip.decompress stops at its limit",
          .enabled(if: bomb != nil, "zlib could not build the bomb"))
    func gzipFileBomb() async throws {
        let bomb = try #require(Self.bomb)
        let rig = try Rig { _ in ServerReply(headers: [("Content-Type", "application/x-gzip")], body: bomb) }
        defer { rig.server.stop() }
        let response = try await rig.client.fetch(rig.url("/sitemap.xml.gz"))
        #expect(response.body == bomb)
        let start = ContinuousClock.now
        #expect(throws: FetchError.self) { try Gzip.decompress(response.body, limit: 8 << 20) }
        do {
            _ = try Gzip.decompress(response.body, limit: 8 << 20)
        } catch {
            #expect(error.code == .tooLarge)
        }
        #expect(ContinuousClock.now - start < Self.slack)
        await rig.finish()
    }

    // MARK: - Redirects

    @Test("a chain longer than maxRedirects: tooManyRedirects after exactly maxRedirects + 1 requests")
    func redirectChain() async throws {
        let rig = try Rig(Self.configuration(maxRedirects: 3)) { request in
            let n = Int(request.path.dropFirst("/hop/".count)) ?? 0
            return .redirect("/hop/\(n + 1)")
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure("/hop/0")
        #expect(error?.code == .tooManyRedirects, "got \(String(describing: error))")
        #expect(rig.server.deliveries.sorted { $0.started < $1.started }.map(\.path)
            == ["/hop/0", "/hop/1", "/hop/2", "/hop/3"])
        await rig.finish()
    }

    @Test("redirect loops (self, and A to B to A): tooManyRedirects, bounded requests",
          arguments: ["/self", "/a"])
    func redirectLoop(start: String) async throws {
        let rig = try Rig(Self.configuration(maxRedirects: 5)) { request in
            switch request.path {
            case "/self": return .redirect("/self", status: 301)
            case "/a": return .redirect("/b", status: 307)
            default: return .redirect("/a", status: 308)
            }
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure(start)
        #expect(error?.code == .tooManyRedirects, "got \(String(describing: error))")
        #expect(rig.server.stats.connections == 6)
        await rig.finish()
    }

    @Test("redirects to other schemes are refused without connecting anywhere",
          arguments: ["ftp://127.0.0.1:PORT/file", "file:///etc/passwd", "gopher://127.0.0.1:PORT/1",
                      "dict://127.0.0.1:PORT/d:x", "ldap://127.0.0.1:PORT/", "telnet://127.0.0.1:PORT/",
                      "data:text/html,<p>hi</p>", "javascript:alert(1)"])
    func redirectToAnotherScheme(location: String) async throws {
        let rig = try Rig { request in
            request.path == "/go" ? .redirect(location.replacingOccurrences(of: "PORT", with: request.header("host")?
                .split(separator: ":").last.map(String.init) ?? "1")) : .text("followed as a path", status: 404)
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure("/go")
        #expect(error?.code == .disallowedRedirect, "got \(String(describing: error))")
        // The ftp/gopher/dict/ldap/telnet targets point at this very server: none of them reached it.
        try await Task.sleep(for: .milliseconds(200))
        #expect(rig.server.stats.connections == 1)
        await rig.finish()
    }

    @Test("one server, two loopback hosts: a redirect from 127.0.0.1 to 127.0.0.2 lands on the second host")
    func redirectAcrossLoopbackHosts() async throws {
        let rig = try Rig(addresses: ["127.0.0.1", "127.0.0.2"]) { request in
            if request.localAddress == "127.0.0.1" {
                return .redirect("http://127.0.0.2:\(request.header("host")?.split(separator: ":").last ?? "")/inner")
            }
            return .text("inner on \(request.localAddress)")
        }
        defer { rig.server.stop() }
        let response = try await rig.client.fetch(rig.url("/outer"))
        #expect(response.text == "inner on 127.0.0.2")
        #expect(response.url == rig.url("/inner", host: "127.0.0.2"))
        #expect(rig.server.deliveries.sorted { $0.started < $1.started }.map(\.host) == ["127.0.0.1", "127.0.0.2"])
        await rig.finish()
    }

    @Test("private networks refused: a redirect from the one allowed address to another non-public one fails with blockedAddress before connecting",
          arguments: ["http://127.0.0.2:PORT/inner", "http://2130706434:PORT/inner", "http://0x7f000002:PORT/inner",
                      "http://[::ffff:127.0.0.2]:PORT/inner", "http://[::1]:PORT/inner", "http://0.0.0.0:PORT/inner",
                      "http://169.254.169.254/latest/meta-data/"])
    func redirectToAPrivateAddress(location: String) async throws {
        // Only 127.0.0.1 is an allowed exception; the server also listens on 127.0.0.2, so a connection that got
        // through would show up in its counts. 169.254.169.254 is refused in the open-socket callback: no packet
        // ever leaves for it.
        var configuration = Self.configuration()
        configuration.allowPrivateNetworks = false
        configuration.allowedPrivateAddresses = ["127.0.0.1"]
        let rig = try Rig(configuration, addresses: ["127.0.0.1", "127.0.0.2"]) { request in
            let port = request.header("host")?.split(separator: ":").last.map(String.init) ?? ""
            return request.path == "/outer" ? .redirect(location.replacingOccurrences(of: "PORT", with: port))
                : .text("reached \(request.localAddress)")
        }
        defer { rig.server.stop() }
        let (error, _) = await rig.failure("/outer")
        #expect(error?.code == .blockedAddress, "got \(String(describing: error))")
        try await Task.sleep(for: .milliseconds(200))
        #expect(rig.server.stats.connections == 1, "only the allowed first hop connected")
        #expect(rig.server.deliveries.map(\.path) == ["/outer"])
        await rig.finish()
    }

    @Test("one server plays 40 hosts (127.0.1.1 to 127.0.1.40, one port), each with its own behaviour")
    func manyLoopbackHosts() async throws {
        let hosts = (1...40).map { "127.0.1.\($0)" }
        // Even hosts answer, odd ones fail with 503: the handler tells them apart by the address asked.
        let rig = try Rig(addresses: hosts) { request in
            let last = Int(request.localAddress.split(separator: ".").last ?? "") ?? 0
            return last % 2 == 0 ? .text("host \(request.localAddress)") : ServerReply(status: 503)
        }
        defer { rig.server.stop() }
        let client = rig.client, server = rig.server
        let answers = await withTaskGroup(of: String.self) { group in
            for host in hosts {
                group.addTask {
                    let answer: String
                    do {
                        let response = try await client.fetch(server.url("/", host: host))
                        answer = response.status == 200 ? response.text : "\(host) \(response.status)"
                    } catch {
                        answer = "\(host) \(error)"
                    }
                    return answer
                }
            }
            var all: Set<String> = []
            for await answer in group { all.insert(answer) }
            return all
        }
        let expected = Set(hosts.map { host in
            (Int(host.split(separator: ".").last ?? "") ?? 0) % 2 == 0 ? "host \(host)" : "\(host) 503"
        })
        #expect(answers == expected)
        #expect(Set(rig.server.deliveries.map(\.host)) == Set(hosts))
        await rig.finish()
    }

    // MARK: - Status storms

    @Test("429 and 503 carry Retry-After into FetchError; 500 has none", arguments: [
        (429, "2"), (503, "Fri, 04 Dec 2026 23:00:00 GMT"), (500, nil),
    ] as [(Int, String?)])
    func statusWithRetryAfter(status: Int, retryAfter: String?) async throws {
        let rig = try Rig { _ in
            ServerReply(status: status, headers: retryAfter.map { [("Retry-After", $0)] } ?? [], body: Array("busy".utf8))
        }
        defer { rig.server.stop() }
        let response = try await rig.client.fetch(rig.url())
        #expect(response.status == status)
        #expect(throws: FetchError.self) { try response.requireSuccess() }
        do {
            try response.requireSuccess()
        } catch {
            #expect(error.code == .httpStatus(status))
            #expect(error.retryAfter == retryAfter)
        }
        await rig.finish()
    }

    @Test("a storm of 200 concurrent 500/503 answers: every fetch ends with its status, and the client is clean")
    func statusStorm() async throws {
        let rig = try Rig { request in
            request.path.hasSuffix("3") ? ServerReply(status: 503, headers: [("Retry-After", "1")])
                : ServerReply(status: 500, body: Array("down".utf8))
        }
        defer { rig.server.stop() }
        let client = rig.client, server = rig.server
        let statuses = await withTaskGroup(of: Int.self) { group in
            for n in 0..<200 {
                group.addTask {
                    let status: Int
                    do {
                        status = try await client.fetch(server.url("/p\(n)")).status
                    } catch {
                        status = -1
                    }
                    return status
                }
            }
            var all: [Int] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(statuses.count == 200)
        #expect(statuses.filter { $0 == 503 }.count == 20)
        #expect(statuses.filter { $0 == 500 }.count == 180)
        #expect(rig.client.activeTransferCount == 0)
        await rig.finish()
    }
}
