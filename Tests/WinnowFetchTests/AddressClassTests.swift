import Testing
import WinnowFetch

/// The private-address check as a pure function: addresses are classified from their text, nothing is sent.
@Suite struct AddressClassTests {
    @Test(arguments: [
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
        "127.0.0.2", "127.255.255.255", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1",
        "192.168.1.10", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250",
        "240.0.0.1", "255.255.255.255",
        "::", "::1", "[::1]", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
        "fc00::1", "fd12:3456:789a::1", "fe80::1", "fe80::1%eth0", "[fe80::abcd]", "fec0::1", "ff02::1",
        "2001:db8::1", "2001::1", "100::1", "2002:7f00:1::1", "2002:c0a8:101::1",
    ])
    func nonPublicAddressesAreRefused(address: String) throws {
        let kind = try #require(AddressClass.of(address), "\(address) parses")
        #expect(!kind.isPublic, "\(address) is \(kind)")
    }

    @Test(arguments: [
        "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1", "126.255.255.255",
        "128.0.0.1", "169.253.1.1", "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.167.1.1", "192.169.0.1",
        "198.17.255.255", "198.20.0.1", "203.0.114.1", "223.255.255.255",
        "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
        "[2001:4860:4860::8888]",
    ])
    func publicAddressesAreAllowed(address: String) throws {
        let kind = try #require(AddressClass.of(address), "\(address) parses")
        #expect(kind.isPublic, "\(address) is \(kind)")
    }

    @Test func theReasonNamesTheRange() {
        #expect(AddressClass.of("169.254.169.254") == .nonPublic("link-local (169.254.0.0/16)"))
        #expect(AddressClass.of("::ffff:192.168.0.1") == .nonPublic("private (192.168.0.0/16)"))
        #expect(AddressClass.of("::1") == .nonPublic("loopback (::1)"))
    }

    @Test(arguments: ["example.com", "", "256.1.1.1", "1.2.3", "1.2.3.4.5", "::g", "localhost", "127.1", "0x7f.1"])
    func hostNamesAndGarbageAreNotAddresses(text: String) {
        #expect(AddressClass.of(text) == nil)
    }
}
