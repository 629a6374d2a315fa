extension String.UTF8View {
    /// Whether the lowercase ASCII `needle` occurs in this text, ignoring ASCII case; no allocation for
    /// native strings (far cheaper than `lowercased()` plus `String.contains`).
    func containsASCIICaseInsensitive(_ needle: [UInt8]) -> Bool {
        if let result = withContiguousStorageIfAvailable({ $0.containsASCIICaseInsensitive(needle) }) { return result }
        return Array(self).withUnsafeBufferPointer { $0.containsASCIICaseInsensitive(needle) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    func containsASCIICaseInsensitive(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        let last = count - needle.count
        var i = 0
        while i <= last {
            let byte = self[i] | (self[i] >= 65 && self[i] <= 90 ? 0x20 : 0)
            if byte == first {
                var k = 1
                while k < needle.count {
                    let b = self[i + k]
                    if (b >= 65 && b <= 90 ? b | 0x20 : b) != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// A set of fragments searched for in one pass, ignoring ASCII case: each position is looked up by its
/// (lowercased) byte in a 256-entry table listing only the fragments that start with it, once a bit table of byte
/// pairs says some fragment can start there. Fragments are UTF-8 with any ASCII letters in lowercase; their other
/// bytes must match exactly.
struct FragmentScreen: Sendable {
    /// All fragments back to back.
    private let arena: [UInt8]
    /// Per fragment: where it starts in `arena` and how long it is.
    private let starts: [Int]
    private let lengths: [Int]
    /// Per lowercased first byte: the range of `order` holding the fragments that start with it.
    private let firstFrom: [Int]
    private let firstTo: [Int]
    private let order: [Int]
    /// One bit per pair of bytes (the first lowercased, the second lowercased ASCII): set when a fragment starts
    /// with the pair, or for every pair starting with a one-byte fragment. Most positions of a text start no
    /// fragment, and the bit rules them out before any fragment is compared.
    private let pairStarts: [UInt64]

    init(_ list: [String]) {
        self.init(bytes: list.map { Array($0.utf8) })
    }

    /// A screen of fragments given as UTF-8 bytes.
    init(bytes list: [[UInt8]]) {
        let fragments = list.filter { !$0.isEmpty }
        var arena: [UInt8] = []
        var starts: [Int] = []
        for fragment in fragments {
            starts.append(arena.count)
            arena.append(contentsOf: fragment)
        }
        var from = [Int](repeating: 0, count: 256)
        var to = [Int](repeating: 0, count: 256)
        var order: [Int] = []
        for byte in 0..<256 {
            from[byte] = order.count
            for (index, fragment) in fragments.enumerated() where Int(fragment[0]) == byte { order.append(index) }
            to[byte] = order.count
        }
        self.arena = arena
        self.starts = starts
        self.lengths = fragments.map(\.count)
        firstFrom = from
        firstTo = to
        self.order = order
        var pairs = [UInt64](repeating: 0, count: 65536 / 64)
        func mark(_ first: UInt8, _ second: UInt8) {
            let pair = Int(first) << 8 | Int(second)
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        for fragment in fragments {
            if fragment.count == 1 {
                for second in 0...255 { mark(fragment[0], UInt8(second)) }
            } else {
                mark(fragment[0], fragment[1])
            }
        }
        pairStarts = pairs
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// `matches` on UTF-8 bytes.
    func matches(bytes buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        search(buffer, all: false) != 0
    }

    /// Which fragments occur in the bytes: bit `k` set when the list's `k`-th fragment does. One pass answers for
    /// every fragment, where asking `containsASCIICaseInsensitive` for each in turn read the text once per
    /// fragment. For lists of at most 64 fragments, none of them empty.
    func occurrences(bytes buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        precondition(lengths.count <= 64, "FragmentScreen.occurrences: more fragments than bits")
        return search(buffer, all: true)
    }

    /// The search behind `matches` (`all` false: nonzero at the first fragment found) and `occurrences` (`all`
    /// true: a bit per fragment found anywhere).
    @inline(__always)
    private func search(_ buffer: UnsafeBufferPointer<UInt8>, all: Bool) -> UInt64 {
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    firstFrom.withUnsafeBufferPointer { firstFrom in
                        firstTo.withUnsafeBufferPointer { firstTo in
                            order.withUnsafeBufferPointer { order in
                              pairStarts.withUnsafeBufferPointer { pairStarts in
                                var found: UInt64 = 0
                                // Notes the fragments starting at position `i`; true when the search is over.
                                func startsFragment(at i: Int) -> Bool {
                                    let b = buffer[i]
                                    let first = Int(b >= 65 && b <= 90 ? b | 0x20 : b)
                                    var n = firstFrom[first]
                                    while n < firstTo[first] {
                                        let fragment = order[n]
                                        let length = lengths[fragment]
                                        if length <= buffer.count - i {
                                            let start = starts[fragment]
                                            var k = 1
                                            while k < length {
                                                let c = buffer[i + k]
                                                if (c >= 65 && c <= 90 ? c | 0x20 : c) != arena[start + k] { break }
                                                k += 1
                                            }
                                            if k == length {
                                                guard all else {
                                                    found = 1
                                                    return true
                                                }
                                                found |= 1 << UInt64(fragment)
                                            }
                                        }
                                        n += 1
                                    }
                                    return false
                                }
                                guard let head = buffer.first else { return 0 }
                                var previous = head >= 65 && head <= 90 ? head | 0x20 : head
                                var i = 1
                                while i < buffer.count {
                                    let b = buffer[i]
                                    let current = b >= 65 && b <= 90 ? b | 0x20 : b
                                    let pair = Int(previous) << 8 | Int(current)
                                    if pairStarts[pair >> 6] & (1 << UInt64(pair & 63)) != 0, startsFragment(at: i - 1) {
                                        return found
                                    }
                                    previous = current
                                    i += 1
                                }
                                // The last position has no pair: only a one-byte fragment fits there.
                                _ = startsFragment(at: buffer.count - 1)
                                return found
                              }
                            }
                        }
                    }
                }
            }
        }
    }
}
