import CCurl

/// Process-wide libcurl state and the single place where C return codes become Swift errors.
enum Curl {
    /// curl_global_init, run exactly once (Swift lazily initialises static lets under a lock).
    private static let globalInitResult: CURLcode = winnow_curl_global_init()

    /// libcurl before 8.0.0 fails when reusing HTTP/2 prior-knowledge connections (curl issue #10634).
    static let hasPriorKnowledgeReuseBug = winnow_curl_version_num() < 0x08_00_00

    /// Ensures curl_global_init has run; throws when libcurl could not initialise.
    static func ensureGlobalInit() throws(FetchError) {
        let code = globalInitResult
        guard code == CURLE_OK else {
            throw FetchError(
                code: .transport, message: "libcurl failed to initialise: \(describe(code))", url: "",
                curlCode: Int(code.rawValue))
        }
    }

    /// Throws unless `code` is CURLE_OK (used for setopt/getinfo while preparing a transfer).
    static func check(_ code: CURLcode, _ what: @autoclosure () -> String, url: String) throws(FetchError) {
        guard code != CURLE_OK else { return }
        throw FetchError(
            code: .transport, message: "libcurl rejected \(what()): \(describe(code))", url: url,
            curlCode: Int(code.rawValue))
    }

    /// Throws unless `code` is CURLM_OK (multi-handle operations).
    static func check(_ code: CURLMcode, _ what: @autoclosure () -> String, url: String) throws(FetchError) {
        guard code != CURLM_OK else { return }
        let text = curl_multi_strerror(code).map { String(cString: $0) } ?? "multi error \(code.rawValue)"
        throw FetchError(code: .transport, message: "libcurl failed to \(what()): \(text)", url: url)
    }

    /// libcurl's generic text for a code.
    static func describe(_ code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
    }

    /// What a transfer knew when libcurl failed it, beyond the CURLcode: enough to tell Winnow's own refusals
    /// (the body or header cap) and a refused redirect apart from libcurl's generic codes.
    struct FailureContext: Sendable {
        /// The body cap in force.
        var maxBodyBytes: Int
        /// Whether our write callback refused data because of the body cap; libcurl then reports
        /// CURLE_WRITE_ERROR, which otherwise means a genuine write failure.
        var bodyCapHit = false
        /// Whether our header callback refused a header line because of `Transfer.maxHeaderBytes` (also
        /// reported as CURLE_WRITE_ERROR).
        var headerCapHit = false
        /// The status of the last response whose status line arrived (0: none, e.g. the server does not speak
        /// HTTP). A 3xx here means libcurl failed while following that redirect.
        var lastStatus = 0
        /// Decoded body bytes accepted before the failure.
        var receivedBodyBytes: Int?
    }

    /// Maps a finished transfer's CURLcode to a `FetchError`; `detail` is libcurl's per-transfer error buffer
    /// (more specific than the generic text), if any.
    static func error(for code: CURLcode, detail: String?, url: String, context: FailureContext) -> FetchError {
        let text = (detail?.isEmpty == false ? detail : nil) ?? describe(code)
        let (kind, summary) = classify(code, context: context)
        return FetchError(code: kind, message: "\(summary): \(text)", url: url, curlCode: Int(code.rawValue),
                          receivedBodyBytes: context.receivedBodyBytes)
    }

    /// The category and a short summary for a CURLcode. Kept separate so it can be tested exhaustively.
    static func classify(_ code: CURLcode, context: FailureContext) -> (FetchError.Code, String) {
        switch code {
        case CURLE_WRITE_ERROR where context.bodyCapHit, CURLE_FILESIZE_EXCEEDED:
            return (.tooLarge, "body exceeds the \(context.maxBodyBytes)-byte limit")
        case CURLE_WRITE_ERROR where context.headerCapHit:
            return (.tooLarge, "response headers exceed the \(Transfer.maxHeaderBytes)-byte limit")
        case CURLE_UNSUPPORTED_PROTOCOL where (300..<400).contains(context.lastStatus):
            // Initial URLs are checked to be http/https before submission, so after a 3xx this means the
            // redirect pointed somewhere CURLOPT_REDIR_PROTOCOLS_STR does not allow.
            return (.disallowedRedirect, "redirect to a scheme other than http/https refused")
        case CURLE_UNSUPPORTED_PROTOCOL:
            // No redirect: the server's answer was not HTTP at all (libcurl refuses HTTP/0.9).
            return (.transport, "the server did not answer in HTTP")
        case CURLE_URL_MALFORMAT:
            return (.invalidURL, "malformed URL")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return (.dns, "could not resolve host")
        case CURLE_COULDNT_CONNECT:
            return (.connect, "could not connect")
        case CURLE_OPERATION_TIMEDOUT:
            return (.timeout, "timed out")
        case CURLE_TOO_MANY_REDIRECTS:
            return (.tooManyRedirects, "too many redirects")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_USE_SSL_FAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return (.tls, "TLS failure")
        default:
            return (.transport, "transfer failed")
        }
    }
}
