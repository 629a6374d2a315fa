/// The request methods Winnow issues. A scraper reads pages; POST exists for form-style endpoints.
public enum HTTPMethod: String, Sendable, Hashable {
    /// Fetch a resource.
    case get = "GET"
    /// Fetch only the headers (existence, size, type checks).
    case head = "HEAD"
    /// Submit `HTTPRequest.body`.
    case post = "POST"
}

/// Validators from an earlier response, sent so the server can answer 304 Not Modified.
public struct ConditionalValidators: Sendable, Hashable {
    /// The earlier response's ETag, sent as If-None-Match.
    public var etag: String?
    /// The earlier response's Last-Modified (an HTTP-date), sent as If-Modified-Since.
    public var lastModified: String?

    /// Creates validators; at least one should be non-nil to have any effect.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// The validators an earlier response offered, or nil when it offered none.
    public init?(from response: HTTPResponse) {
        let etag = response.headers["ETag"], lastModified = response.headers["Last-Modified"]
        guard etag != nil || lastModified != nil else { return nil }
        self.init(etag: etag, lastModified: lastModified)
    }

    /// Whether any validator is present.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// What to fetch and how. Client-wide policy (timeouts, caps, redirects) lives in `HTTPClientConfiguration`;
/// the optional fields here override it for one request.
public struct HTTPRequest: Sendable {
    /// An absolute http:// or https:// URL.
    public var url: String
    /// The method; HEAD transfers no body.
    public var method: HTTPMethod
    /// Extra request headers. A header given here replaces libcurl's default of the same name
    /// (e.g. Accept, User-Agent); names and values must not contain CR or LF.
    public var headers: HTTPHeaders
    /// Validators for a conditional GET; a 304 answer is then a normal response with `isNotModified`.
    public var validators: ConditionalValidators?
    /// The request body (POST only).
    public var body: [UInt8]?
    /// Overrides the configured body cap (decompressed bytes) for this request.
    public var maxBodyBytes: Int?
    /// What a body over the cap gives: false (the default) fails the fetch with `.tooLarge`; true ends the
    /// transfer at the cap and returns the first `maxBodyBytes` bytes with `HTTPResponse.isTruncated` set
    /// (robots.txt: RFC 9309 §2.5 has crawlers parse the first 500 KiB of a larger file, not give up on it).
    public var truncatesBody: Bool
    /// Overrides the configured total timeout for this request.
    public var totalTimeout: Duration?

    /// Creates a request.
    public init(
        url: String,
        method: HTTPMethod = .get,
        headers: HTTPHeaders = [:],
        validators: ConditionalValidators? = nil,
        body: [UInt8]? = nil,
        maxBodyBytes: Int? = nil,
        truncatesBody: Bool = false,
        totalTimeout: Duration? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.validators = validators
        self.body = body
        self.maxBodyBytes = maxBodyBytes
        self.truncatesBody = truncatesBody
        self.totalTimeout = totalTimeout
    }
}
