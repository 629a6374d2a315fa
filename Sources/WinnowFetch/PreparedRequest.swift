import CCurl

/// A request checked and flattened into exactly what libcurl needs, with per-request overrides resolved.
/// Built on the caller's task so bad input fails immediately, before it reaches the event loop.
struct PreparedRequest: Sendable {
    let url: String
    let method: HTTPMethod
    /// "Name: value" lines for CURLOPT_HTTPHEADER.
    let headerLines: [String]
    let body: [UInt8]?
    let maxBodyBytes: Int
    let truncatesBody: Bool
    let totalTimeout: Duration
    let sentValidators: Bool

    init(_ request: HTTPRequest, configuration: HTTPClientConfiguration) throws(FetchError) {
        try PreparedRequest.validateURL(request.url)
        var lines: [String] = []
        for field in request.headers {
            try PreparedRequest.validateHeader(field, url: request.url)
            // "Name;" is libcurl's spelling for a header with an empty value ("Name:" would delete it).
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        var sentValidators = false
        if let validators = request.validators {
            if let etag = validators.etag, !request.headers.contains("If-None-Match") {
                try PreparedRequest.validateHeader(HTTPHeader(name: "If-None-Match", value: etag), url: request.url)
                lines.append("If-None-Match: \(etag)")
                sentValidators = true
            }
            if let date = validators.lastModified, !request.headers.contains("If-Modified-Since") {
                try PreparedRequest.validateHeader(
                    HTTPHeader(name: "If-Modified-Since", value: date), url: request.url)
                lines.append("If-Modified-Since: \(date)")
                sentValidators = true
            }
        }
        if request.headers.contains("If-None-Match") || request.headers.contains("If-Modified-Since") {
            sentValidators = true
        }
        if request.body != nil, request.method != .post {
            throw FetchError(
                code: .invalidRequest, message: "a request body is only allowed with POST", url: request.url)
        }
        let cap = request.maxBodyBytes ?? configuration.maxBodyBytes
        guard cap >= 0 else {
            throw FetchError(code: .invalidRequest, message: "body cap must not be negative", url: request.url)
        }
        self.url = request.url
        self.method = request.method
        self.headerLines = lines
        self.body = request.body
        self.maxBodyBytes = cap
        self.truncatesBody = request.truncatesBody
        self.totalTimeout = request.totalTimeout ?? configuration.totalTimeout
        self.sentValidators = sentValidators
    }

    /// Accepts only absolute http/https URLs with a host, parsed by libcurl's own URL parser so the
    /// check agrees with what the transfer will do.
    /// Throws `FetchError` with code `.invalidURL` and a one-line reason.
    static func validateURL(_ url: String) throws(FetchError) {
        guard let handle = curl_url() else {
            throw FetchError(code: .transport, message: "libcurl could not allocate a URL parser", url: url)
        }
        defer { curl_url_cleanup(handle) }
        // NON_SUPPORT_SCHEME: parse any scheme, so that ours is the message for `ftp:` or `mailto:`.
        let parsed = curl_url_set(handle, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME))
        guard parsed == CURLUE_OK else {
            let reason = curl_url_strerror(parsed).map { String(cString: $0) } ?? "unparsable"
            throw FetchError(code: .invalidURL, message: "invalid URL: \(reason)", url: url)
        }
        let scheme = (part(handle, CURLUPART_SCHEME) ?? "").lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw FetchError(
                code: .invalidURL, message: "unsupported URL scheme \"\(scheme)\" (only http and https)", url: url)
        }
        guard let host = part(handle, CURLUPART_HOST), !host.isEmpty else {
            throw FetchError(code: .invalidURL, message: "URL has no host", url: url)
        }
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }

    /// Header names must be RFC 9110 tokens; values must not smuggle extra lines.
    static func validateHeader(_ field: HTTPHeader, url: String) throws(FetchError) {
        let tokenExtras = Set("!#$%&'*+-.^_`|~".utf8)
        let nameOK = !field.name.isEmpty && field.name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || tokenExtras.contains(byte)
        }
        guard nameOK else {
            throw FetchError(code: .invalidRequest, message: "invalid header name \"\(field.name)\"", url: url)
        }
        guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
            throw FetchError(
                code: .invalidRequest, message: "header \(field.name) contains a line break or NUL", url: url)
        }
    }
}
