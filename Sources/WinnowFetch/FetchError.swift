import Foundation

/// Why a fetch failed: a machine-readable `code`, a one-line human `message`, and the URL involved.
///
/// Every failure the client reports is a `FetchError`, except task cancellation, which surfaces as the
/// standard `CancellationError` so structured-concurrency code can treat it uniformly.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of failure, stable enough to branch on (retry policy, logging, metrics).
    public enum Code: Sendable, Hashable {
        /// The URL could not be parsed, or its scheme is not http/https.
        case invalidURL
        /// The request itself is malformed (e.g. a header containing CR/LF).
        case invalidRequest
        /// The host (or proxy) name could not be resolved.
        case dns
        /// The TCP connection could not be established (refused, unreachable).
        case connect
        /// The TLS handshake or certificate verification failed.
        case tls
        /// A connect, total or low-speed timeout expired.
        case timeout
        /// The decompressed body exceeded the configured cap.
        case tooLarge
        /// A compressed body (e.g. a `.gz` file) is corrupt or truncated, so it cannot be decoded.
        case undecodableBody
        /// The host (or a redirect's host) resolved only to addresses the client may not connect to: loopback,
        /// private, link-local and other non-public ranges, unless `allowPrivateNetworks` is set.
        case blockedAddress
        /// The redirect chain was longer than the configured maximum.
        case tooManyRedirects
        /// A redirect pointed at a scheme other than http/https (ftp://, file://, ...).
        case disallowedRedirect
        /// The server answered with a non-success status and the caller asked for success.
        case httpStatus(Int)
        /// The client was shut down before the transfer finished.
        case shutdown
        /// Any other transport failure (protocol error, reset connection, ...).
        case transport
    }

    /// The category of failure.
    public let code: Code
    /// A one-line explanation meant for logs and CLI output.
    public let message: String
    /// The URL the failure relates to (the requested URL, or the final URL for status errors).
    public let url: String
    /// libcurl's numeric CURLcode when the failure came from libcurl, for diagnostics.
    public let curlCode: Int?
    /// The response's Retry-After header, raw, for a status error (429 and 503 usually carry one).
    public let retryAfter: String?

    /// Creates an error; the message is flattened to a single line.
    public init(code: Code, message: String, url: String, curlCode: Int? = nil, retryAfter: String? = nil) {
        self.code = code
        self.message = FetchError.singleLine(message)
        self.url = url
        self.curlCode = curlCode
        self.retryAfter = retryAfter
    }

    /// The HTTP status of a `.httpStatus` error, else nil.
    public var status: Int? {
        if case .httpStatus(let status) = code { return status }
        return nil
    }

    /// "message (url)", suitable for a one-line CLI error.
    public var description: String { "\(message) (\(url))" }

    static func singleLine(_ text: String) -> String {
        let flattened = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
        return flattened.trimmingCharacters(in: .whitespaces)
    }
}
