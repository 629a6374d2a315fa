#ifndef WINNOW_CCURL_SHIM_H
#define WINNOW_CCURL_SHIM_H

// The only place Winnow touches libcurl's C surface directly.
// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call,
// so each argument type gets one typed, non-variadic wrapper here. Swift sees only these.

#ifndef CURL_DISABLE_TYPECHECK
#define CURL_DISABLE_TYPECHECK 1
#endif
#include <curl/curl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

/// Signature of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*winnow_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);

/// Signature of CURLOPT_OPENSOCKETFUNCTION callbacks.
typedef curl_socket_t (*winnow_opensocket_callback)(void *clientp, curlsocktype purpose,
                                                    struct curl_sockaddr *address);

// MARK: - Global

/// curl_global_init with the default flags (SSL + platform init); call once per process.
static inline CURLcode winnow_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/// The size libcurl requires for a CURLOPT_ERRORBUFFER buffer.
static inline size_t winnow_curl_error_size(void) { return CURL_ERROR_SIZE; }

/// The runtime libcurl version as 0xXXYYZZ (major, minor, patch), for working around known bugs.
static inline unsigned int winnow_curl_version_num(void) {
    return curl_version_info(CURLVERSION_NOW)->version_num;
}

// MARK: - Easy options

static inline CURLcode winnow_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_data_callback(CURL *handle, CURLoption option,
                                                        winnow_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode winnow_easy_setopt_opensocket_callback(CURL *handle, winnow_opensocket_callback value) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, value);
}

// MARK: - Sockets (for the open-socket callback)

/// Copies the IP address libcurl is about to connect to into `out` (16 bytes of room) and returns its length:
/// 4 for IPv4, 16 for IPv6, 0 for any other family (which the caller refuses).
static inline int winnow_sockaddr_ip(const struct curl_sockaddr *address, unsigned char *out) {
    if (address->family == AF_INET && address->addrlen >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&address->addr;
        memcpy(out, &v4->sin_addr, 4);
        return 4;
    }
    if (address->family == AF_INET6 && address->addrlen >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&address->addr;
        memcpy(out, &v6->sin6_addr, 16);
        return 16;
    }
    return 0;
}

/// Opens the socket libcurl asked for (what libcurl does itself when no callback is set).
static inline curl_socket_t winnow_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}

/// The "no socket" value an open-socket callback returns to refuse a connection.
static inline curl_socket_t winnow_socket_bad(void) { return CURL_SOCKET_BAD; }

// MARK: - Easy info

static inline CURLcode winnow_easy_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}

static inline CURLcode winnow_easy_getinfo_string(CURL *handle, CURLINFO info, char **out) {
    return curl_easy_getinfo(handle, info, out);
}

static inline CURLcode winnow_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *out) {
    return curl_easy_getinfo(handle, info, out);
}

static inline CURLcode winnow_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **out) {
    return curl_easy_getinfo(handle, info, out);
}

// MARK: - Multi options

static inline CURLMcode winnow_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

// MARK: - Multi messages

/// The easy handle a CURLMSG_DONE message refers to (avoids reaching into the struct from Swift).
static inline CURL *winnow_msg_easy_handle(const CURLMsg *msg) { return msg->easy_handle; }

/// Whether the message reports a finished transfer.
static inline int winnow_msg_is_done(const CURLMsg *msg) { return msg->msg == CURLMSG_DONE; }

/// The transfer's result code (only meaningful when winnow_msg_is_done is true).
static inline CURLcode winnow_msg_result(const CURLMsg *msg) { return msg->data.result; }

#endif
