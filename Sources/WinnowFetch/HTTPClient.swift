/// An async HTTP client for fetching pages, built on libcurl's multi interface.
///
/// All transfers share one event-loop thread and one connection pool (HTTP/1.1 keep-alive and HTTP/2
/// multiplexing), so hundreds of concurrent fetches cost sockets, not threads. The client is `Sendable`:
/// share one instance across tasks. Call `shutdown()` when done; dropping the last reference also stops
/// the loop, failing anything still in flight with `.shutdown`.
///
/// Proxies: with the default `ProxyPolicy.environment`, libcurl honours `http_proxy`, `https_proxy`,
/// `all_proxy` and `no_proxy` (the lowercase `http_proxy` only, as libcurl ignores `HTTP_PROXY` for
/// safety in CGI environments).
public final class HTTPClient: Sendable {
    /// The policy this client was created with.
    public let configuration: HTTPClientConfiguration
    private let loop: TransferLoop

    /// Starts the event loop. Throws only if libcurl cannot initialise.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(FetchError) {
        self.configuration = configuration
        self.loop = try TransferLoop(configuration: configuration)
    }

    deinit {
        loop.requestStop()
    }

    /// Performs `request` and returns the final response (after redirects), whatever its status.
    ///
    /// Throws `FetchError` for transport failures and bad input, `CancellationError` when the calling task
    /// is cancelled (the transfer is aborted and its connection closed). Non-2xx statuses are not errors
    /// here: chain `.requireSuccess()` to turn them into `.httpStatus`.
    public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        let prepared = try PreparedRequest(request, configuration: configuration)
        let id = loop.makeID()
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(TransferLoop.Submission(id: id, request: prepared, continuation: continuation))
            }
        } onCancel: {
            loop.cancel(id)
        }
    }

    /// Throws `.invalidURL` unless `url` is an absolute http or https URL with a host: the only URLs this client
    /// fetches, checked by libcurl's own parser. For validating user input before any transfer starts.
    public static func validate(url: String) throws(FetchError) {
        try PreparedRequest.validateURL(url)
    }

    /// Convenience for a plain GET of `url`.
    public func fetch(_ url: String) async throws -> HTTPResponse {
        try await fetch(HTTPRequest(url: url))
    }

    /// Transfers queued or running right now.
    public var activeTransferCount: Int { loop.activeTransferCount }

    /// Fails in-flight and future fetches with `.shutdown`, and waits until libcurl's handles are released.
    /// Safe to call more than once.
    public func shutdown() async {
        await loop.stop()
    }
}
