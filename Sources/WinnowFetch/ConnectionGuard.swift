#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides, for every connection a transfer opens, whether its address may be used. libcurl asks through its
/// open-socket callback after resolving the host, so the check sees the address actually dialled: a name that
/// resolves to `127.0.0.1` (DNS rebinding included) and every redirect hop are judged the same way as a literal
/// address in the first URL.
///
/// By default only public unicast addresses (`AddressClass.publicUnicast`) are allowed. Two exceptions:
/// `allowPrivateNetworks` lifts the check entirely, and the configured proxy's own addresses are always allowed
/// (the operator chose the proxy; with a proxy the target's address is resolved by the proxy, which must enforce
/// its own egress policy).
struct ConnectionGuard: Sendable {
    /// Whether non-public addresses are allowed at all.
    let allowPrivateNetworks: Bool
    /// Addresses allowed although not public: the proxy's, and the configuration's named exceptions.
    let allowedAddresses: Set<[UInt8]>

    init(allowPrivateNetworks: Bool, allowedAddresses: Set<[UInt8]>) {
        self.allowPrivateNetworks = allowPrivateNetworks
        self.allowedAddresses = allowedAddresses
    }

    /// The guard for a client configuration; resolves the proxy's host name once when there is a proxy and the
    /// check is on.
    init(configuration: HTTPClientConfiguration, environment: [String: String]) {
        allowPrivateNetworks = configuration.allowPrivateNetworks
        guard !configuration.allowPrivateNetworks else {
            allowedAddresses = []
            return
        }
        var allowed = Set(configuration.allowedPrivateAddresses.compactMap(AddressClass.bytes(of:)))
        for proxy in ConnectionGuard.proxies(configuration.proxy, environment: environment) {
            guard let host = ConnectionGuard.host(ofProxy: proxy) else { continue }
            allowed.formUnion(ConnectionGuard.resolve(host))
        }
        allowedAddresses = allowed
    }

    /// Nil when a connection to `address` (4 or 16 bytes, network order) is allowed; otherwise the address's
    /// class, which names why it is refused.
    func refusal(for address: [UInt8]) -> AddressClass? {
        if allowPrivateNetworks || allowedAddresses.contains(address) { return nil }
        let kind: AddressClass
        switch address.count {
        case 4: kind = AddressClass.ipv4(address)
        case 16: kind = AddressClass.ipv6(address)
        default: return .nonPublic("not an IP address")
        }
        return kind.isPublic ? nil : kind
    }

    /// The proxy URLs a transfer may connect through: the configured one, or those named by the environment
    /// variables libcurl reads (lower case, plus the upper-case forms it honours for HTTPS and ALL).
    static func proxies(_ policy: ProxyPolicy, environment: [String: String]) -> [String] {
        switch policy {
        case .direct: return []
        case .url(let url): return [url]
        case .environment:
            return ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
                .compactMap { environment[$0] }.filter { !$0.isEmpty }
        }
    }

    /// The host of a proxy URL as libcurl reads it: an optional `scheme://`, optional `user:password@`, then a
    /// host name, IPv4 address or bracketed IPv6 address, then an optional `:port` and path.
    static func host(ofProxy proxy: String) -> String? {
        var rest = Substring(proxy)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        return rest.isEmpty ? nil : String(rest)
    }

    /// Every address `host` resolves to (an address literal resolves to itself without a lookup).
    static func resolve(_ host: String) -> Set<[UInt8]> {
        if let literal = AddressClass.bytes(of: host) { return [literal] }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var found: Set<[UInt8]> = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry?.pointee {
            if let raw = info.ai_addr {
                if info.ai_family == AF_INET {
                    raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                        found.insert(withUnsafeBytes(of: v4.pointee.sin_addr) { Array($0) })
                    }
                } else if info.ai_family == AF_INET6 {
                    raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                        found.insert(withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) })
                    }
                }
            }
            entry = info.ai_next
        }
        return found
    }
}
