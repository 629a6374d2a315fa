/// The HTTP version a response was received over.
public enum HTTPVersion: String, Sendable, Hashable {
    /// HTTP/1.0 (old servers and some proxies).
    case http1_0 = "HTTP/1.0"
    /// HTTP/1.1.
    case http1_1 = "HTTP/1.1"
    /// HTTP/2, over TLS (ALPN) or h2c.
    case http2 = "HTTP/2"
    /// HTTP/3 (only if libcurl was built with it).
    case http3 = "HTTP/3"
    /// libcurl reported no version (should not happen for a completed transfer).
    case unknown = "unknown"
}

/// Where a transfer's time went. Each value is measured from the start of the transfer (libcurl's
/// cumulative timers), so `connect >= nameLookup`, `firstByte >= tlsHandshake`, and so on.
public struct TransferTimings: Sendable, Hashable {
    /// Until name resolution finished.
    public var nameLookup: Duration
    /// Until the TCP connection was up.
    public var connect: Duration
    /// Until the TLS handshake finished (zero for plain HTTP).
    public var tlsHandshake: Duration
    /// Until the first response byte arrived.
    public var firstByte: Duration
    /// The whole transfer, redirects included.
    public var total: Duration
    /// Time spent on redirect hops before the final request started.
    public var redirects: Duration

    /// Creates a timing record.
    public init(
        nameLookup: Duration, connect: Duration, tlsHandshake: Duration,
        firstByte: Duration, total: Duration, redirects: Duration
    ) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tlsHandshake = tlsHandshake
        self.firstByte = firstByte
        self.total = total
        self.redirects = redirects
    }
}

/// A completed exchange: the FINAL response after redirects, with its body already decompressed.
///
/// Non-2xx statuses are returned, not thrown: call `requireSuccess()` when only success is useful.
public struct HTTPResponse: Sendable {
    /// The final response's status code.
    public let status: Int
    /// The URL the final response came from (after redirects).
    public let url: String
    /// The URL that was requested.
    public let requestedURL: String
    /// Headers of the final response only (redirect hops' headers are dropped).
    public let headers: HTTPHeaders
    /// The decoded (decompressed) body; empty for HEAD and 304.
    public let body: [UInt8]
    /// The protocol version of the final response.
    public let httpVersion: HTTPVersion
    /// How many redirects were followed.
    public let redirectCount: Int
    /// Timing breakdown reported by libcurl.
    public let timings: TransferTimings
    /// Whether the request carried conditional validators.
    public let sentValidators: Bool
    /// True when the body is only the first part of a larger one (a request with `truncatesBody`).
    public var isTruncated = false

    /// Creates a response (the client builds these; tests and callers may too).
    public init(
        status: Int, url: String, requestedURL: String, headers: HTTPHeaders, body: [UInt8],
        httpVersion: HTTPVersion, redirectCount: Int, timings: TransferTimings, sentValidators: Bool
    ) {
        self.status = status
        self.url = url
        self.requestedURL = requestedURL
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
        self.redirectCount = redirectCount
        self.timings = timings
        self.sentValidators = sentValidators
    }

    /// True for 304: the copy the caller already has (per its validators) is still current.
    public var isNotModified: Bool { status == 304 }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Returns self for 2xx, and for 304 when validators were sent; otherwise throws
    /// `FetchError` with code `.httpStatus(status)`.
    @discardableResult
    public func requireSuccess() throws(FetchError) -> HTTPResponse {
        if isSuccess || (isNotModified && sentValidators) { return self }
        throw FetchError(
            code: .httpStatus(status), message: "server answered HTTP \(status)", url: url,
            retryAfter: headers["Retry-After"])
    }

    /// The raw Content-Type header.
    public var contentType: String? { headers["Content-Type"] }

    /// The media type from Content-Type, lowercased, without parameters (e.g. "text/html").
    public var mimeType: String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = HTTPResponse.trim(type).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The charset parameter from Content-Type, lowercased and unquoted (e.g. "utf-8"), or nil.
    public var charset: String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, HTTPResponse.trim(String(pair[0])).lowercased() == "charset" else {
                continue
            }
            var value = HTTPResponse.trim(String(pair[1]))
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }

    /// Validators to send with the next request for this URL, or nil when the server offered none.
    public var validators: ConditionalValidators? { ConditionalValidators(from: self) }

    static func trim(_ text: String) -> String {
        var view = Substring(text)
        while let c = view.first, c == " " || c == "\t" { view.removeFirst() }
        while let c = view.last, c == " " || c == "\t" { view.removeLast() }
        return String(view)
    }
}
