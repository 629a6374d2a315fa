#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which kind of network an IP address belongs to, so that a fetch can refuse the machine's own network:
/// a feed or a redirect that names `127.0.0.1`, `10.0.0.5` or `169.254.169.254` must not turn a scraper
/// against the services beside it. Pure: the address is classified from its bytes, nothing is resolved.
///
/// The ranges are IANA's special-purpose registries (RFC 6890 and its updates): everything that is not
/// globally reachable unicast is `.nonPublic`, with the reason named for error messages.
public enum AddressClass: Sendable, Equatable {
    /// A globally routable unicast address.
    case publicUnicast
    /// Anything else, with the range it falls in ("loopback", "private", "link-local", …).
    case nonPublic(String)

    /// True for `.publicUnicast`.
    public var isPublic: Bool { self == .publicUnicast }

    /// The class of a textual IPv4 or IPv6 address (`"10.1.2.3"`, `"::1"`, `"[fe80::1]"`); nil when the text is
    /// not an IP address (a host name must be resolved first).
    public static func of(_ text: String) -> AddressClass? {
        guard let bytes = bytes(of: text) else { return nil }
        return bytes.count == 4 ? ipv4(bytes) : ipv6(bytes)
    }

    /// The 4 or 16 bytes (network order) of a textual IPv4 or IPv6 address, brackets and an IPv6 zone
    /// (`%eth0`) allowed; nil for anything else.
    public static func bytes(of text: String) -> [UInt8]? {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        if let zone = literal.firstIndex(of: "%") { literal = String(literal[..<zone]) }  // fe80::1%eth0
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 { return withUnsafeBytes(of: v4.s_addr) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    /// The class of an IPv4 address given as its 4 bytes, network order.
    public static func ipv4(_ b: [UInt8]) -> AddressClass {
        precondition(b.count == 4, "an IPv4 address has 4 bytes")
        switch (b[0], b[1], b[2]) {
        case (0, _, _): return .nonPublic("'this network' (0.0.0.0/8)")
        case (10, _, _): return .nonPublic("private (10.0.0.0/8)")
        case (100, 64...127, _): return .nonPublic("shared address space (100.64.0.0/10)")
        case (127, _, _): return .nonPublic("loopback (127.0.0.0/8)")
        case (169, 254, _): return .nonPublic("link-local (169.254.0.0/16)")
        case (172, 16...31, _): return .nonPublic("private (172.16.0.0/12)")
        case (192, 0, 0): return .nonPublic("IETF protocol assignments (192.0.0.0/24)")
        case (192, 0, 2): return .nonPublic("documentation (192.0.2.0/24)")
        case (192, 88, 99): return .nonPublic("6to4 relay anycast (192.88.99.0/24)")
        case (192, 168, _): return .nonPublic("private (192.168.0.0/16)")
        case (198, 18...19, _): return .nonPublic("benchmarking (198.18.0.0/15)")
        case (198, 51, 100): return .nonPublic("documentation (198.51.100.0/24)")
        case (203, 0, 113): return .nonPublic("documentation (203.0.113.0/24)")
        case (224...239, _, _): return .nonPublic("multicast (224.0.0.0/4)")
        case (240...255, _, _): return .nonPublic("reserved (240.0.0.0/4)")
        default: return .publicUnicast
        }
    }

    /// The class of an IPv6 address given as its 16 bytes. IPv4-mapped, IPv4-compatible and NAT64 addresses
    /// are judged by the IPv4 address they carry.
    public static func ipv6(_ b: [UInt8]) -> AddressClass {
        precondition(b.count == 16, "an IPv6 address has 16 bytes")
        let zeros = { (range: Range<Int>) in b[range].allSatisfy { $0 == 0 } }
        if zeros(0..<16) { return .nonPublic("unspecified (::)") }
        if zeros(0..<15) && b[15] == 1 { return .nonPublic("loopback (::1)") }
        if zeros(0..<10) && b[10] == 0xFF && b[11] == 0xFF { return ipv4(Array(b[12..<16])) }  // ::ffff:a.b.c.d
        if zeros(0..<12) { return ipv4(Array(b[12..<16])) }  // ::a.b.c.d (deprecated IPv4-compatible)
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xFF, b[3] == 0x9B, zeros(4..<12) {
            return ipv4(Array(b[12..<16]))  // 64:ff9b::/96, NAT64
        }
        if b[0] == 0x01, b[1] == 0x00, zeros(2..<8) { return .nonPublic("discard-only (100::/64)") }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return .nonPublic("documentation (2001:db8::/32)") }
        if b[0] == 0x20, b[1] == 0x01, b[2] < 0x02 { return .nonPublic("IETF protocol assignments (2001::/23)") }
        if b[0] == 0x20, b[1] == 0x02 { return ipv4(Array(b[2..<6])) }  // 2002::/16, 6to4: the embedded IPv4
        if b[0] & 0xFE == 0xFC { return .nonPublic("unique local (fc00::/7)") }
        if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return .nonPublic("link-local (fe80::/10)") }
        if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return .nonPublic("site-local (fec0::/10)") }
        if b[0] == 0xFF { return .nonPublic("multicast (ff00::/8)") }
        return .publicUnicast
    }
}
