import Foundation

/// Text measures and searches on UTF-8 bytes, for the stages that test every block: `Character` iteration
/// (grapheme breaking) and Foundation's locale-aware search cost more there than the tests themselves.
extension String {
    /// `count` (characters), without grapheme breaking when it cannot matter: when every scalar is one of
    /// `standaloneScalars` (ASCII but CR, which pairs with LF; Latin, Greek, Cyrillic, punctuation, CJK, kana,
    /// Hangul syllables), no two join, so each scalar is one character. Other text is counted by Characters.
    var characterCount: Int {
        var text = self
        let scalars: Int? = text.withUTF8 { buffer in
            var count = 0
            var i = 0
            while i < buffer.count {
                // Eight ASCII bytes none of which is CR are eight characters (the usual run of a long text).
                if i + 8 <= buffer.count, let base = buffer.baseAddress,
                   String.isStandaloneASCII(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    count += 8
                    i += 8
                    continue
                }
                let byte = buffer[i]
                if byte < 0x80 {
                    if byte == 0x0D { return nil }
                    i += 1
                } else {
                    let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    guard width < 4 else { return nil }
                    var scalar = UInt32(byte & (width == 2 ? 0x1F : 0x0F))
                    for k in 1..<width { scalar = scalar << 6 | UInt32(buffer[i + k] & 0x3F) }
                    guard String.standaloneScalars.contains(where: { $0.contains(scalar) }) else { return nil }
                    i += width
                }
                count += 1
            }
            return count
        }
        return scalars ?? count
    }

    /// Scalars that neither join the character before them nor take the next one in (no combining marks,
    /// joiners, prepended marks, jamo or emoji modifiers), so each is a character of its own.
    static let standaloneScalars: [ClosedRange<UInt32>] = [
        0x00A0...0x02FF, 0x0370...0x03FF, 0x0400...0x0482, 0x048A...0x052F, 0x2010...0x2027, 0x2030...0x205E,
        0x20A0...0x20C0, 0x2100...0x23FF, 0x3001...0x3029, 0x3041...0x3096, 0x30A1...0x30FF, 0x4E00...0x9FFF,
        0xAC00...0xD7A3, 0xFF01...0xFF60,
    ]

    /// Whether eight bytes read as one word are all ASCII and none is CR (which pairs with LF): eight characters.
    static func isStandaloneASCII(_ word: UInt64) -> Bool {
        let crFree = word ^ 0x0D0D_0D0D_0D0D_0D0D
        // `crFree` has a zero byte exactly where `word` has CR.
        let hasCR = (crFree &- 0x0101_0101_0101_0101) & ~crFree & 0x8080_8080_8080_8080 != 0
        return word & 0x8080_8080_8080_8080 == 0 && !hasCR
    }

    /// `characterCount <= limit`, decided by the byte count when that is enough (there are never more
    /// characters than bytes), or else by the ASCII bytes as far as they go: every ASCII byte but CR (which
    /// pairs with LF) is a character of its own, so `limit` of them settle it without counting the rest.
    func hasCharacters(atMost limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        var text = self
        let tooMany = text.withUTF8 { bytes -> Bool in
            var standalone = 0
            var i = 0
            // Eight bytes at a time: a word of ASCII bytes none of which is CR is eight such characters (the
            // usual run of a long text); any other word is counted byte by byte.
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= bytes.count {
                    if String.isStandaloneASCII(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                        standalone += 8
                    } else {
                        for k in i..<(i + 8) where bytes[k] < 0x80 && bytes[k] != 0x0D { standalone += 1 }
                    }
                    if standalone > limit { return true }
                    i += 8
                }
            }
            while i < bytes.count {
                if bytes[i] < 0x80 && bytes[i] != 0x0D {
                    standalone += 1
                    if standalone > limit { return true }
                }
                i += 1
            }
            return false
        }
        return !tooMany && characterCount <= limit
    }

    /// Byte-for-byte equality (no Unicode normalisation: the texts compared come from one page).
    func sameBytes(_ other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
    }

    /// A hash of the UTF-8 bytes, eight at a time (the tail byte by byte): a dictionary key that costs no
    /// normalisation. Equal bytes give equal hashes; users compare the bytes on a hit.
    var byteHash: UInt64 {
        var text = self
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
            guard let base = bytes.baseAddress else { return hash }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 32
                i += 8
            }
            while i < bytes.count {
                hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01b3
                i += 1
            }
            return hash
        }
    }

    /// Whether `needle` occurs in this string, byte for byte (no locale: Foundation's `contains` is locale-aware
    /// and many times slower). An empty needle occurs everywhere.
    func containsText(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in n.isEmpty || h.firstOffset(of: n) != nil } }
    }

    /// Foundation's `contains(needle)`, on bytes when this text is ASCII: there no combining mark or canonical
    /// equivalent can make Foundation's answer differ from the bytes'. Other text is searched by Foundation.
    func containsFoundationText(_ needle: String) -> Bool {
        utf8.allSatisfy { $0 < 0x80 } ? containsText(needle) : range(of: needle) != nil
    }
}

extension StringProtocol where Index == String.Index {
    /// Foundation's `range(of: needle)`, found on bytes when this text is ASCII. There Foundation's search (by
    /// canonical equivalence) agrees with the bytes': an ASCII needle matches where its bytes are, and a needle
    /// with another scalar matches nowhere, as its decomposition is not ASCII. Left to Foundation: other text,
    /// needles with CR or LF (CR LF is one character to it), and needles holding one of the three scalars that
    /// decompose to ASCII (`asciiEquivalentScalars`).
    ///
    /// With `searchRange`, Foundation's `range(of: needle, range: searchRange)`.
    func foundationRange(of needle: String, range searchRange: Range<String.Index>? = nil) -> Range<String.Index>? {
        let needleBytes = Array(needle.utf8)
        guard !needleBytes.isEmpty, !needleBytes.contains(0x0A), !needleBytes.contains(0x0D),
              !needle.unicodeScalars.contains(where: { Self.asciiEquivalentScalars.contains($0.value) }),
              utf8.allSatisfy({ $0 < 0x80 })
        else { return range(of: needle, range: searchRange) }
        // ASCII: every byte offset is a character boundary.
        let searched = self[searchRange ?? startIndex..<endIndex].utf8
        let offset: Int?? = searched.withContiguousStorageIfAvailable { haystack in
            needleBytes.withUnsafeBufferPointer { haystack.firstOffset(of: $0) }
        }
        guard let found = offset ?? Array(searched).firstOffset(of: needleBytes) else { return nil }
        let start = searched.index(searched.startIndex, offsetBy: found)
        return start..<searched.index(start, offsetBy: needleBytes.count)
    }

    /// The scalars whose canonical decomposition is ASCII: KELVIN SIGN (K), GREEK QUESTION MARK (;) and GREEK
    /// VARIA (`).
    static var asciiEquivalentScalars: [UInt32] { [0x212A, 0x037E, 0x1FEF] }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The start of the first occurrence of `needle`, byte for byte; nil when absent or `needle` is empty. The
    /// one naive substring search the byte helpers share (texts, style attributes, JSON-LD, echoed quotes).
    func firstOffset(of needle: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, count >= needle.count, let base = baseAddress, let wanted = needle.baseAddress else {
            return nil
        }
        // Each candidate start (the needle's first byte) found by `memchr`, the rest compared by `memcmp`: libc's
        // vectorised loops, where JSON-LD and long texts are scanned.
        let last = count - needle.count
        var start = 0
        while start <= last {
            guard let hit = memchr(base + start, Int32(wanted[0]), last - start + 1) else { return nil }
            let offset = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            if needle.count == 1 || memcmp(base + offset + 1, wanted + 1, needle.count - 1) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// `firstOffset(of:)` on arrays.
    func firstOffset(of needle: [UInt8]) -> Int? {
        withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in h.firstOffset(of: n) } }
    }

    /// True when `needle` occurs in the array (false for an empty needle).
    func containsBytes(_ needle: [UInt8]) -> Bool { firstOffset(of: needle) != nil }
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

    /// Whether some prefix of the list starts with `byte` (a text starting otherwise matches none).
    func hasPrefix(startingWith byte: UInt8) -> Bool { !byFirstByte[Int(byte)].isEmpty }
}

/// A set of short texts (labels, titles) whose lookups skip hashing a text too long to be one of them: most texts
/// asked about are paragraphs, and hashing a `String` normalises all of it. "Too long" allows for the text being
/// in another normalisation form than the member it equals (UTF-8 grows at most threefold between forms).
///
/// An ASCII text (most asked about) is looked up by its bytes, without hashing a `String`: it equals a member
/// (`==`, canonical equivalence) exactly when it has the member's bytes, as long as no member outside ASCII is
/// canonically equivalent to ASCII text. Only scalars that decompose to ASCII make such a member
/// (`asciiEquivalentScalars`); a set holding one looks every text up as a String.
struct ShortTextSet: Sendable {
    let members: Set<String>
    let maxBytes: Int
    /// The ASCII members by bytes; nil when a member outside ASCII could equal an ASCII text.
    private let asciiMembers: TokenTable?

    /// The scalars outside ASCII whose canonical decomposition is ASCII (KELVIN SIGN to "K", GREEK QUESTION MARK
    /// to ";", GREEK VARIA to "`"): a text of these and ASCII alone can equal an ASCII text.
    static let asciiEquivalentScalars: Set<Unicode.Scalar> = ["\u{212A}", "\u{037E}", "\u{1FEF}"]

    init(_ members: Set<String>) {
        self.members = members
        maxBytes = 3 * (members.map(\.utf8.count).max() ?? 0)
        let ambiguous = members.contains { member in
            !member.utf8.allSatisfy { $0 < 0x80 }
                && member.unicodeScalars.allSatisfy { $0.isASCII || Self.asciiEquivalentScalars.contains($0) }
        }
        if ambiguous {
            asciiMembers = nil
        } else {
            var table = TokenTable()
            for var member in members where member.utf8.allSatisfy({ $0 < 0x80 }) {
                member.withUTF8 { table.insert($0, rawValue: 1) }
            }
            asciiMembers = table
        }
    }

    func contains(_ text: String) -> Bool {
        guard text.utf8.count <= maxBytes else { return false }
        if let asciiMembers {
            var text = text
            let byBytes: Bool? = text.withUTF8 { bytes in
                bytes.allSatisfy { $0 < 0x80 } ? asciiMembers.rawValue(for: bytes) != nil : nil
            }
            if let byBytes { return byBytes }
        }
        return members.contains(text)
    }
}

/// A set of texts that is filled often and searched rarely: texts wait in a list until the first search, which
/// hashes them into a set once (hashing each text as it came cost more than the few searches most uses make).
struct SeenTexts {
    private var pending: [String] = []
    private var hashed: Set<String>?

    mutating func insert(_ text: String) {
        if hashed != nil { hashed!.insert(text) } else { pending.append(text) }
    }

    mutating func contains(_ text: String) -> Bool {
        if hashed == nil {
            hashed = Set(pending)
            pending = []
        }
        return hashed!.contains(text)
    }
}

extension Collection where Element == UInt8 {
    /// Whether the bytes end with `suffix`'s UTF-8 bytes.
    func ends(with suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return dropFirst(self.count - count).elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: count))
    }
}

extension String {
    /// Whether the text holds a character of Chinese, Japanese or Korean script (`Vocabulary.cjkScalarRanges`),
    /// where a headline takes fewer characters; ASCII text is ruled out on its bytes.
    var containsCJK: Bool {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return unicodeScalars.contains { scalar in Vocabulary.cjkScalarRanges.contains { $0.contains(scalar.value) } }
    }

    /// Whether the text has at least two words between single spaces (`split(separator: " ").count >= 2`), on
    /// bytes for ASCII text, where every character but CR LF is one byte.
    var hasTwoSpaceSeparatedWords: Bool {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return split(separator: " ").count >= 2 }
        var words = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words == 2 { return true }
            }
        }
        return false
    }
}

#if _endian(big)
#error("ASCIIWord reads byte k of a text as bits 8k–8k+7 of a word (little-endian)")
#endif

/// Eight bytes of text read as one little-endian word, when every one is printable ASCII or a space (0x20–0x7F,
/// most of a page's text): the byte loops that collapse and lowercase text take such a run of eight at
/// once. Each byte's high bit (free in ASCII) flags what is asked of it, so a question costs a few word
/// operations, not eight.
struct ASCIIWord {
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    let bits: UInt64
    /// The high bit of each byte that is a space.
    let spaces: UInt64

    /// The word at `offset` of `base` (eight bytes must be there), nil unless all eight are 0x20–0x7F.
    init?(_ base: UnsafeRawPointer, at offset: Int) {
        let bits = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        // No high bit, and each byte plus 0x60 reaches 0x80 (the byte is at least 0x20), without carries.
        guard bits & Self.high == 0, (bits &+ 0x60 &* Self.ones) & Self.high == Self.high else { return nil }
        self.bits = bits
        spaces = Self.flags(bits, equalTo: 0x20)
    }

    /// The high bit of each byte of `bits` equal to `byte` (exact: no borrow runs between bytes).
    static func flags(_ bits: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = bits ^ (UInt64(byte) &* ones)
        return ~(((x & ~high) &+ ~high) | x) & high
    }

    /// Two spaces side by side.
    var hasSpaceRun: Bool { spaces & (spaces << 8) != 0 }
    var startsWithSpace: Bool { spaces & 0x80 != 0 }
    var endsWithSpace: Bool { spaces >> 63 != 0 }

    /// The word with A–Z lowercased.
    var lowercased: UInt64 {
        // High bit where the byte is at least "A" (0x41), and where it is past "Z" (0x5B): upper case between.
        let fromA = bits &+ 0x3F &* Self.ones
        let pastZ = bits &+ 0x25 &* Self.ones
        return bits | (fromA & ~pastZ & Self.high) >> 2
    }
}
