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

/// A list of prefixes tested on a text's bytes: only the prefixes that begin with the text's first byte are
/// compared (most texts begin with none of them), in list order.
struct PrefixList: Sendable {
    private let prefixes: [String]
    private let bytes: [[UInt8]]
    /// Per first byte: the indices of the prefixes starting with it, in list order.
    private let byFirstByte: [[Int]]

    init<S: Sequence>(_ list: S) where S.Element == String {
        prefixes = Array(list)
        bytes = prefixes.map { Array($0.utf8) }
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, prefix) in bytes.enumerated() {
            if let first = prefix.first { buckets[Int(first)].append(index) }
        }
        byFirstByte = buckets
    }

    /// The first prefix of the list that `text` starts with, byte for byte.
    func first(in text: String) -> String? {
        var text = text
        return text.withUTF8 { buffer -> String? in
            guard let first = buffer.first else { return nil }
            for index in byFirstByte[Int(first)] {
                let prefix = bytes[index]
                guard prefix.count <= buffer.count else { continue }
                var k = 1
                while k < prefix.count && buffer[k] == prefix[k] { k += 1 }
                if k == prefix.count { return prefixes[index] }
            }
            return nil
        }
    }

    /// Whether `text` starts with any prefix of the list.
    func matches(_ text: String) -> Bool { first(in: text) != nil }
}
