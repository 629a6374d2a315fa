/// Text measures and searches on UTF-8 bytes, for the stages that test every block: `Character` iteration
/// (grapheme breaking) and Foundation's locale-aware search cost more there than the tests themselves.
extension String {
    /// `count` (characters), without grapheme breaking when it cannot matter: in ASCII text without a carriage
    /// return (a CR LF pair is one character) every byte is one character.
    var characterCount: Int {
        var text = self
        let bytes: Int? = text.withUTF8 { buffer in
            for byte in buffer where byte >= 0x80 || byte == 0x0D { return nil }
            return buffer.count
        }
        return bytes ?? count
    }

    /// `characterCount <= limit`, decided by the byte count when that is enough (there are never more
    /// characters than bytes).
    func hasCharacters(atMost limit: Int) -> Bool {
        utf8.count <= limit || characterCount <= limit
    }

    /// Byte-for-byte equality (no Unicode normalisation: the texts compared come from one page).
    func sameBytes(_ other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
    }

    /// FNV-1a over the UTF-8 bytes: a dictionary key that costs no normalisation.
    var byteHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Whether `needle` occurs in this string, byte for byte (no locale: Foundation's `contains` is locale-aware
    /// and many times slower).
    func containsText(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
                let first = n[0]
                for start in 0...(h.count - n.count) where h[start] == first {
                    var k = 1
                    while k < n.count && h[start + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
    }
}
