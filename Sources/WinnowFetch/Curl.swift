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

    /// Maps a finished transfer's CURLcode to a `FetchError`.
    ///
    /// - Parameters:
    ///   - detail: libcurl's per-transfer error buffer (more specific than the generic text), if any.
    ///   - bodyCapHit: whether our write callback refused data because of the body cap; libcurl then
    ///     reports CURLE_WRITE_ERROR, which otherwise means a genuine write failure.
    static func error(
        for code: CURLcode, detail: String?, url: String, bodyCapHit: Bool, maxBodyBytes: Int
    ) -> FetchError {
        let text = (detail?.isEmpty == false ? detail : nil) ?? describe(code)
        let (kind, summary) = classify(code, bodyCapHit: bodyCapHit, maxBodyBytes: maxBodyBytes)
        return FetchError(code: kind, message: "\(summary): \(text)", url: url, curlCode: Int(code.rawValue))
    }

    /// The category and a short summary for a CURLcode. Kept separate so it can be tested exhaustively.
    static func classify(_ code: CURLcode, bodyCapHit: Bool, maxBodyBytes: Int) -> (FetchError.Code, String) {
        switch code {
        case CURLE_WRITE_ERROR where bodyCapHit, CURLE_FILESIZE_EXCEEDED:
            return (.tooLarge, "body exceeds the \(maxBodyBytes)-byte limit")
        case CURLE_URL_MALFORMAT:
            return (.invalidURL, "malformed URL")
        case CURLE_UNSUPPORTED_PROTOCOL:
            // Initial URLs are checked to be http/https before submission, so this only happens when a
            // redirect pointed somewhere CURLOPT_REDIR_PROTOCOLS_STR does not allow.
            return (.disallowedRedirect, "redirect to a scheme other than http/https refused")
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
