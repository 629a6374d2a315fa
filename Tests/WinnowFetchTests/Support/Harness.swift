import Foundation
import WinnowTestSupport
@testable import WinnowFetch

/// A running test server plus a client configured to reach it directly.
struct Harness {
    let server: TestHTTPServer
    let client: HTTPClient

    init(_ configuration: HTTPClientConfiguration = Harness.configuration()) throws {
        server = try TestHTTPServer(handler: Routes.handle)
        client = try HTTPClient(configuration: configuration)
    }

    /// Test defaults: no proxy from the environment (tests must stay on loopback), short timeouts.
    static func configuration(
        maxRedirects: Int = 10, totalTimeout: Duration = .seconds(10), maxBodyBytes: Int = 10 << 20
    ) -> HTTPClientConfiguration {
        HTTPClientConfiguration(
            maxRedirects: maxRedirects, connectTimeout: .seconds(5), totalTimeout: totalTimeout,
            maxBodyBytes: maxBodyBytes, proxy: .direct, allowPrivateNetworks: true)
    }

    func url(_ path: String) -> String { server.url(path) }

    func fetch(_ path: String) async throws -> HTTPResponse {
        try await client.fetch(url(path))
    }

    func finish() async {
        await client.shutdown()
        server.stop()
    }
}

/// The `FetchError` a fetch threw, or nil if it succeeded or threw something else.
func fetchError(_ body: () async throws -> HTTPResponse) async -> FetchError? {
    do {
        _ = try await body()
        return nil
    } catch let error as FetchError {
        return error
    } catch {
        return nil
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
