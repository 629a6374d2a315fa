/// FNV-1a, 64-bit: a stable, dependency-free content hash for fallback names and story identities
/// (not for security).
public enum ContentHash {
    /// The 16-hex-digit FNV-1a hash of `text`'s UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
