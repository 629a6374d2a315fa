import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One in-flight request: owns its easy handle, header list and buffers, and resumes the caller's
/// continuation exactly once. Lives only on the event-loop thread (never crosses threads itself).
final class Transfer {
    let id: UInt64
    /// The CURL easy handle (libcurl's `CURL` is `void`).
    let easy: UnsafeMutableRawPointer
    private let request: PreparedRequest
    private let configuration: HTTPClientConfiguration
    private let connectionGuard: ConnectionGuard
    /// The address the connection guard refused on the latest connection attempt, with why (nil once a later
    /// attempt is allowed): a transfer that fails to connect because of it reports `.blockedAddress`.
    private var refusedAddress: (address: String, kind: AddressClass)?
    private let continuation: CheckedContinuation<HTTPResponse, any Error>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var body: [UInt8] = []
    private var headers: [HTTPHeader] = []
    private var bodyCapHit = false
    /// Header bytes of the current response so far, and whether they passed `maxHeaderBytes`.
    private var headerBytes = 0
    private var headerCapHit = false
    private var resumed = false

    /// Cap on one response's header block. libcurl before 8.3.0 buffers headers without limit (CVE-2023-38039)
    /// and later ones stop at 300,000 bytes with a generic receive error; this cap is lower, so a server
    /// streaming endless headers fails the same way everywhere: `.tooLarge`, after at most this much.
    static let maxHeaderBytes = 256 * 1024

    /// Creates the easy handle and applies every option; throws (leaving nothing allocated) on failure.
    init(
        id: UInt64, request: PreparedRequest, configuration: HTTPClientConfiguration,
        connectionGuard: ConnectionGuard, continuation: CheckedContinuation<HTTPResponse, any Error>
    ) throws(FetchError) {
        guard let easy = curl_easy_init() else {
            throw FetchError(code: .transport, message: "libcurl could not create a transfer", url: request.url)
        }
        self.id = id
        self.easy = easy
        self.request = request
        self.configuration = configuration
        self.connectionGuard = connectionGuard
        self.continuation = continuation
        let size = winnow_curl_error_size()
        self.errorBuffer = .allocate(capacity: size)
        self.errorBuffer.initialize(repeating: 0, count: size)
        try configure()
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The requested URL (for error reports).
    var url: String { request.url }

    // MARK: - Options

    /// Sets every option of the easy handle, one group at a time.
    private func configure() throws(FetchError) {
        try configureProtocolsAndRedirects()
        try configureHTTPVersion()
        try configureEncodingAndLimits()
        try configureConnection()
        try configureHeaders()
        try configureMethod()
        try installCallbacks()
    }

    /// The URL, the allowed schemes, redirects and the per-transfer cookie engine.
    private func configureProtocolsAndRedirects() throws(FetchError) {
        let config = configuration
        try set(CURLOPT_URL, request.url, "the URL")
        try set(CURLOPT_NOSIGNAL, 1, "NOSIGNAL")
        try set(CURLOPT_PROTOCOLS_STR, "http,https", "the allowed protocols")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https", "the allowed redirect protocols")
        try set(CURLOPT_FOLLOWLOCATION, config.maxRedirects > 0 ? 1 : 0, "FOLLOWLOCATION")
        try set(CURLOPT_MAXREDIRS, max(0, config.maxRedirects), "MAXREDIRS")
        try set(CURLOPT_AUTOREFERER, 1, "AUTOREFERER")
        // An in-memory cookie engine for this transfer only: some sites set a cookie on a redirect hop
        // and loop until it comes back.
        try set(CURLOPT_COOKIEFILE, "", "the cookie engine")
    }

    /// HTTP/1.1, HTTP/2 over TLS or HTTP/2 with prior knowledge; multiplexing.
    private func configureHTTPVersion() throws(FetchError) {
        let config = configuration
        switch config.httpVersion {
        case .http1_1:
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1), "the HTTP version")
        case .http2OverTLS:
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS), "the HTTP version")
        case .http2PriorKnowledge:
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE), "the HTTP version")
            if Curl.hasPriorKnowledgeReuseBug {
                // libcurl < 8.0.0 breaks ("Error in the HTTP2 framing layer") when it reuses an h2c
                // prior-knowledge connection (curl issue #10634): give each transfer its own connection.
                try set(CURLOPT_FRESH_CONNECT, 1, "FRESH_CONNECT")
                try set(CURLOPT_FORBID_REUSE, 1, "FORBID_REUSE")
            }
        }
        if config.waitForMultiplexing {
            try set(CURLOPT_PIPEWAIT, 1, "PIPEWAIT")
        }
    }

    /// Compression, User-Agent, timeouts, the low-speed limit and the body-size cap.
    private func configureEncodingAndLimits() throws(FetchError) {
        let config = configuration
        if config.acceptCompression {
            // "" = advertise every encoding this libcurl was built with and decode transparently.
            try set(CURLOPT_ACCEPT_ENCODING, "", "Accept-Encoding")
        }
        try set(CURLOPT_USERAGENT, config.userAgent, "the User-Agent")
        try set(CURLOPT_CONNECTTIMEOUT_MS, max(1, config.connectTimeout.wholeMilliseconds), "the connect timeout")
        try set(CURLOPT_TIMEOUT_MS, max(1, request.totalTimeout.wholeMilliseconds), "the total timeout")
        if let low = config.lowSpeedLimit {
            try set(CURLOPT_LOW_SPEED_LIMIT, max(1, low.bytesPerSecond), "the low-speed limit")
            try set(CURLOPT_LOW_SPEED_TIME, max(1, (low.duration.wholeMilliseconds + 999) / 1000), "the low-speed time")
        }
        // Fails early when Content-Length already announces too much; the write callback covers the rest.
        // A truncating request wants the first part of a large body, so it must not fail before it starts.
        if !request.truncatesBody {
            try Curl.check(
                winnow_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes)),
                "the maximum file size", url: request.url)
        }
    }

    /// The proxy, the CA bundle and the error buffer.
    private func configureConnection() throws(FetchError) {
        let config = configuration
        switch config.proxy {
        case .environment:
            break  // libcurl reads http_proxy / https_proxy / all_proxy / no_proxy itself.
        case .direct:
            try set(CURLOPT_PROXY, "", "the proxy")
        case .url(let proxy):
            try set(CURLOPT_PROXY, proxy, "the proxy")
        }
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1, "SUPPRESS_CONNECT_HEADERS")
        if let bundle = config.caBundlePath {
            try set(CURLOPT_CAINFO, bundle, "the CA bundle")
        }
        try Curl.check(
            winnow_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), "the error buffer", url: request.url)
    }

    /// The request's header lines, as one curl_slist owned by this transfer.
    private func configureHeaders() throws(FetchError) {
        for line in request.headerLines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw FetchError(code: .transport, message: "out of memory building headers", url: request.url)
            }
            headerList = appended
        }
        if let headerList {
            try Curl.check(
                winnow_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "the headers", url: request.url)
        }
    }

    /// GET, HEAD or POST (with its body copied into libcurl).
    private func configureMethod() throws(FetchError) {
        switch request.method {
        case .get:
            break
        case .head:
            try set(CURLOPT_NOBODY, 1, "HEAD")
        case .post:
            let bytes = request.body ?? []
            try set(CURLOPT_POST, 1, "POST")
            try Curl.check(
                winnow_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)),
                "the body size", url: request.url)
            // COPYPOSTFIELDS copies the bytes now, so the Swift array need not outlive this call.
            let code = bytes.withUnsafeBytes { raw -> CURLcode in
                guard let base = raw.baseAddress else {
                    return winnow_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                }
                return winnow_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            try Curl.check(code, "the body", url: request.url)
        }
    }

    /// The write, header and open-socket callbacks, each given this transfer as its context.
    private func installCallbacks() throws(FetchError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try Curl.check(
            winnow_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
                guard let context else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
            }, "the write callback", url: request.url)
        try Curl.check(winnow_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "WRITEDATA", url: request.url)
        try Curl.check(
            winnow_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION) { buffer, size, count, context in
                guard let context else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.receiveHeader(UnsafeRawBufferPointer(start: buffer, count: size * count))
            }, "the header callback", url: request.url)
        try Curl.check(winnow_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "HEADERDATA", url: request.url)
        try Curl.check(
            winnow_easy_setopt_opensocket_callback(easy) { context, _, address in
                guard let context, let address else { return winnow_socket_bad() }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.openSocket(address)
            }, "the open-socket callback", url: request.url)
        try Curl.check(
            winnow_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, context), "OPENSOCKETDATA", url: request.url)
    }

    private func set(_ option: CURLoption, _ value: Int, _ what: String) throws(FetchError) {
        try Curl.check(winnow_easy_setopt_long(easy, option, value), what, url: request.url)
    }

    private func set(_ option: CURLoption, _ value: String, _ what: String) throws(FetchError) {
        try Curl.check(winnow_easy_setopt_string(easy, option, value), what, url: request.url)
    }

    // MARK: - Callbacks (called by libcurl inside curl_multi_perform, on the loop thread)

    /// Appends decoded body bytes, refusing (short count -> CURLE_WRITE_ERROR) past the cap.
    /// libcurl calls this with already-decompressed data, so the cap bounds memory, not wire size.
    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard body.count + chunk.count <= request.maxBodyBytes else {
            bodyCapHit = true
            if request.truncatesBody {
                body.append(contentsOf: chunk.prefix(request.maxBodyBytes - body.count))
            }
            return 0  // any count other than chunk.count aborts the transfer
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    /// Opens the socket for a connection libcurl is about to make (first URL, every redirect hop, every address of
    /// a host tried in turn), unless the connection guard refuses its address; libcurl then tries the host's next
    /// address or fails with CURLE_COULDNT_CONNECT.
    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        var bytes = [UInt8](repeating: 0, count: 16)
        let length = Int(winnow_sockaddr_ip(address, &bytes))
        let ip = Array(bytes.prefix(length))
        if let refusal = connectionGuard.refusal(for: ip) {
            refusedAddress = (Transfer.describe(ip), refusal)
            return winnow_socket_bad()
        }
        refusedAddress = nil
        return winnow_open_socket(address)
    }

    /// An address as text for messages ("127.0.0.1", "::1").
    private static func describe(_ ip: [UInt8]) -> String {
        var text = [CChar](repeating: 0, count: 64)
        let family = ip.count == 4 ? AF_INET : AF_INET6
        guard ip.count == 4 || ip.count == 16, inet_ntop(family, ip, &text, socklen_t(text.count)) != nil else {
            return "an address of an unsupported family"
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Records one header line, refusing (short count -> CURLE_WRITE_ERROR) past `maxHeaderBytes`. A status
    /// line starts a new response (redirect hop, 1xx, final), so headers and body collected so far belong to an
    /// earlier response and are dropped.
    private func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let bytes = Array(line)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let content = bytes[0..<end]
        let isStatusLine = content.starts(with: Array("HTTP/".utf8))
        if isStatusLine {
            headers.removeAll(keepingCapacity: true)
            body.removeAll(keepingCapacity: true)
            headerBytes = 0
        }
        headerBytes += line.count
        guard headerBytes <= Transfer.maxHeaderBytes else {
            headerCapHit = true
            return 0  // any count other than line.count aborts the transfer
        }
        if isStatusLine {
            return line.count  // libcurl reports the status itself
        }
        if let first = content.first, first == 0x20 || first == 0x09, !headers.isEmpty {
            // Obsolete line folding: a continuation of the previous field's value.
            headers[headers.count - 1].value += " " + HTTPResponse.trim(Transfer.decode(content))
        } else if let colon = content.firstIndex(of: UInt8(ascii: ":")) {
            let name = HTTPResponse.trim(Transfer.decode(content[content.startIndex..<colon]))
            let value = HTTPResponse.trim(Transfer.decode(content[(colon + 1)...]))
            if !name.isEmpty { headers.append(HTTPHeader(name: name, value: value)) }
        }
        return line.count
    }

    /// Header bytes are usually ASCII; valid UTF-8 is kept, anything else is read as ISO-8859-1.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    // MARK: - Completion

    /// Resumes the caller with a response (CURLE_OK) or the mapped error.
    func complete(with code: CURLcode) {
        if code != CURLE_OK, bodyCapHit, request.truncatesBody {
            // Stopped at the cap on purpose: what arrived is the answer.
            do {
                var response = try makeResponse()
                response.isTruncated = true
                finish(.success(response))
            } catch {
                fail(error)
            }
            return
        }
        guard code == CURLE_OK else {
            if code == CURLE_COULDNT_CONNECT, let (address, kind) = refusedAddress,
                case .nonPublic(let range) = kind
            {
                fail(FetchError(
                    code: .blockedAddress,
                    message: "refused to connect to \(address), a \(range) address: private networks are not allowed",
                    url: currentURL(), curlCode: Int(code.rawValue)))
                return
            }
            let context = Curl.FailureContext(
                maxBodyBytes: request.maxBodyBytes, bodyCapHit: bodyCapHit, headerCapHit: headerCapHit,
                lastStatus: (try? infoLong(CURLINFO_RESPONSE_CODE)) ?? 0, receivedBodyBytes: body.count)
            fail(Curl.error(for: code, detail: String(cString: errorBuffer), url: request.url, context: context))
            return
        }
        do {
            finish(.success(try makeResponse()))
        } catch {
            fail(error)
        }
    }

    /// Resumes the caller with an error (cancellation, shutdown, or a libcurl failure).
    func fail(_ error: any Error) {
        finish(.failure(error))
    }

    private func finish(_ result: Result<HTTPResponse, any Error>) {
        guard !resumed else { return }
        resumed = true
        continuation.resume(with: result)
    }

    private func makeResponse() throws(FetchError) -> HTTPResponse {
        let status = try infoLong(CURLINFO_RESPONSE_CODE)
        let effectiveURL = try infoString(CURLINFO_EFFECTIVE_URL) ?? request.url
        let redirects = try infoLong(CURLINFO_REDIRECT_COUNT)
        let version: HTTPVersion
        switch try infoLong(CURLINFO_HTTP_VERSION) {
        case Int(CURL_HTTP_VERSION_1_0): version = .http1_0
        case Int(CURL_HTTP_VERSION_1_1): version = .http1_1
        case Int(CURL_HTTP_VERSION_2_0): version = .http2
        case Int(CURL_HTTP_VERSION_3): version = .http3
        default: version = .unknown
        }
        let timings = TransferTimings(
            nameLookup: try infoDuration(CURLINFO_NAMELOOKUP_TIME_T),
            connect: try infoDuration(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: try infoDuration(CURLINFO_APPCONNECT_TIME_T),
            firstByte: try infoDuration(CURLINFO_STARTTRANSFER_TIME_T),
            total: try infoDuration(CURLINFO_TOTAL_TIME_T),
            redirects: try infoDuration(CURLINFO_REDIRECT_TIME_T))
        return HTTPResponse(
            status: status, url: effectiveURL, requestedURL: request.url, headers: HTTPHeaders(headers),
            body: body, httpVersion: version, redirectCount: redirects, timings: timings,
            sentValidators: request.sentValidators)
    }

    /// The URL being fetched when the transfer stopped (a redirect target, or the requested URL).
    private func currentURL() -> String {
        (try? infoString(CURLINFO_EFFECTIVE_URL)).flatMap { $0 } ?? request.url
    }

    private func infoLong(_ info: CURLINFO) throws(FetchError) -> Int {
        var value = 0
        try Curl.check(winnow_easy_getinfo_long(easy, info, &value), "an info query", url: request.url)
        return value
    }

    private func infoString(_ info: CURLINFO) throws(FetchError) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        try Curl.check(winnow_easy_getinfo_string(easy, info, &value), "an info query", url: request.url)
        return value.map { String(cString: $0) }
    }

    private func infoDuration(_ info: CURLINFO) throws(FetchError) -> Duration {
        var micros: curl_off_t = 0
        try Curl.check(winnow_easy_getinfo_off_t(easy, info, &micros), "a timing query", url: request.url)
        return .microseconds(Int64(micros))
    }
}
