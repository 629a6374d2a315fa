import Foundation
import Testing
import WinnowTestSupport
@testable import WinnowFetch

/// The private-address guard: as a pure function over addresses, and end to end on loopback only (the refusal of
/// 127.0.0.1 stands for every non-public range, which `AddressClassTests` covers address by address).
@Suite("Network safety: private addresses refused unless allowed")
struct NetworkSafetyTests {
    static let v4Loopback: [UInt8] = [127, 0, 0, 1]
    static let v4Private: [UInt8] = [10, 1, 2, 3]
    static let v4Metadata: [UInt8] = [169, 254, 169, 254]
    static let v4Public: [UInt8] = [93, 184, 216, 34]
    static let v6Loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
    static let v6Public: [UInt8] = [0x26, 0x06, 0x28, 0x00, 0x02, 0x20, 0, 1, 0x02, 0x48, 0x18, 0x93, 0x25, 0xc8, 0x19, 0x46]

    @Test("the default guard refuses non-public addresses, with the range named, and lets public ones through")
    func defaultGuard() {
        let guarded = ConnectionGuard(allowPrivateNetworks: false, allowedAddresses: [])
        #expect(guarded.refusal(for: Self.v4Loopback) == .nonPublic("loopback (127.0.0.0/8)"))
        #expect(guarded.refusal(for: Self.v4Private) == .nonPublic("private (10.0.0.0/8)"))
        #expect(guarded.refusal(for: Self.v4Metadata) == .nonPublic("link-local (169.254.0.0/16)"))
        #expect(guarded.refusal(for: Self.v6Loopback) == .nonPublic("loopback (::1)"))
        #expect(guarded.refusal(for: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 127, 0, 0, 1])
                == .nonPublic("loopback (127.0.0.0/8)"), "IPv4-mapped IPv6 is judged by its IPv4")
        #expect(guarded.refusal(for: Self.v4Public) == nil)
        #expect(guarded.refusal(for: Self.v6Public) == nil)
        #expect(guarded.refusal(for: []) == .nonPublic("not an IP address"), "an unknown family is refused")
    }

    @Test("allow_private_networks lifts the check; named addresses are exceptions to it")
    func exceptions() {
        let open = ConnectionGuard(allowPrivateNetworks: true, allowedAddresses: [])
        #expect(open.refusal(for: Self.v4Loopback) == nil)
        #expect(open.refusal(for: Self.v4Metadata) == nil)
        let configuration = HTTPClientConfiguration(allowedPrivateAddresses: ["10.1.2.3", "::1", "not an address"])
        let guarded = ConnectionGuard(configuration: configuration, environment: [:])
        #expect(guarded.refusal(for: Self.v4Private) == nil)
        #expect(guarded.refusal(for: Self.v6Loopback) == nil)
        #expect(guarded.refusal(for: [10, 1, 2, 4]) != nil, "only the named address, not its network")
        #expect(guarded.refusal(for: Self.v4Loopback) != nil)
    }

    @Test("the proxy's own address is allowed (the operator chose it); nothing else is")
    func proxyExemption() {
        let explicit = ConnectionGuard(
            configuration: HTTPClientConfiguration(proxy: .url("http://user:pw@10.0.0.8:3128")), environment: [:])
        #expect(explicit.refusal(for: [10, 0, 0, 8]) == nil)
        #expect(explicit.refusal(for: [10, 0, 0, 9]) != nil)
        let fromEnvironment = ConnectionGuard(
            configuration: HTTPClientConfiguration(proxy: .environment),
            environment: ["https_proxy": "socks5h://[fd00::3]:1080", "no_proxy": "*"])
        #expect(fromEnvironment.refusal(for: [0xfd] + Array(repeating: 0, count: 14) + [3]) == nil)
        let direct = ConnectionGuard(
            configuration: HTTPClientConfiguration(proxy: .direct), environment: ["http_proxy": "http://10.0.0.8:3128"])
        #expect(direct.refusal(for: [10, 0, 0, 8]) != nil, "a proxy that is not used earns no exemption")
    }

    @Test("proxy URLs are read the way libcurl reads them", arguments: [
        ("http://proxy.internal:3128", "proxy.internal"), ("10.0.0.8:3128", "10.0.0.8"), ("10.0.0.8", "10.0.0.8"),
        ("socks5h://user:p%40ss@[fd00::3]:1080/", "fd00::3"), ("https://a@b@c.example", "c.example"), ("http://", nil),
    ] as [(String, String?)])
    func proxyHost(proxy: String, host: String?) {
        #expect(ConnectionGuard.host(ofProxy: proxy) == host)
    }

    // MARK: End to end, loopback only

    static func defaultClient(_ configure: (inout HTTPClientConfiguration) -> Void = { _ in }) throws -> HTTPClient {
        var configuration = HTTPClientConfiguration(connectTimeout: .seconds(5), totalTimeout: .seconds(10), proxy: .direct)
        configure(&configuration)
        return try HTTPClient(configuration: configuration)
    }

    static func fetchError(_ client: HTTPClient, _ url: String) async -> FetchError? {
        do {
            _ = try await client.fetch(url)
            return nil
        } catch {
            return error as? FetchError
        }
    }

    @Test("by default a loopback server is never connected to: .blockedAddress, and the server sees nothing")
    func loopbackRefused() async throws {
        let server = try TestHTTPServer { _ in .text("secret admin page") }
        defer { server.stop() }
        let client = try Self.defaultClient()
        let error = await Self.fetchError(client, server.url("/admin"))
        #expect(error?.code == .blockedAddress, "\(String(describing: error))")
        #expect(error?.message == "refused to connect to 127.0.0.1, a loopback (127.0.0.0/8) address: private networks are not allowed")
        #expect(error?.url == server.url("/admin"))
        #expect(server.stats.connections == 0)
        await client.shutdown()
    }

    @Test("the check is on the resolved address: a host name that resolves to loopback is refused too")
    func resolvedNameRefused() async throws {
        let server = try TestHTTPServer { _ in .text("secret") }
        defer { server.stop() }
        let client = try Self.defaultClient()
        let error = await Self.fetchError(client, "http://localhost:\(server.port)/")
        #expect(error?.code == .blockedAddress, "\(String(describing: error))")
        #expect(server.stats.connections == 0)
        await client.shutdown()
    }

    @Test("every redirect hop is checked: an allowed host redirecting to a private one is stopped at the hop")
    func redirectRefused() async throws {
        let inner = try TestHTTPServer(address: "127.0.0.2") { _ in .text("internal service") }
        defer { inner.stop() }
        let outer = try TestHTTPServer { _ in ServerReply(status: 302, headers: [("Location", inner.url("/metadata"))]) }
        defer { outer.stop() }
        // 127.0.0.1 stands for a public site here: it is named as an exception, 127.0.0.2 is not.
        let client = try Self.defaultClient { $0.allowedPrivateAddresses = ["127.0.0.1"] }
        let error = await Self.fetchError(client, outer.url("/go"))
        #expect(error?.code == .blockedAddress, "\(String(describing: error))")
        #expect(error?.message.hasPrefix("refused to connect to 127.0.0.2,") == true)
        #expect(error?.url == inner.url("/metadata"), "the error names the hop that was refused")
        #expect(outer.stats.connections == 1)
        #expect(inner.stats.connections == 0)
        await client.shutdown()
    }

    @Test("allowPrivateNetworks fetches the same loopback pages and redirects")
    func allowedWhenAsked() async throws {
        let inner = try TestHTTPServer(address: "127.0.0.2") { _ in .text("internal service") }
        defer { inner.stop() }
        let outer = try TestHTTPServer { _ in ServerReply(status: 302, headers: [("Location", inner.url("/x"))]) }
        defer { outer.stop() }
        let client = try Self.defaultClient { $0.allowPrivateNetworks = true }
        let response = try await client.fetch(outer.url("/go"))
        #expect(response.text == "internal service")
        #expect(response.redirectCount == 1)
        await client.shutdown()
    }
}
