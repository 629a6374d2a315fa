/// Turns an element's class, id, role and itemprop into a `Category` mask.
///
/// Matching is token-anchored: a whole class token is looked up first (`entry-content`, `cookie-banner`), then
/// each part of it split on `-`/`_` (`related` in `td-related-posts`). Substrings never match, so `shareholder`
/// is not a share bar and `navy` is not navigation.
enum CategoryMatcher {
    private static let whole: [String: Category] = build(Vocabulary.wholeTokens)
    private static let parts: [String: Category] = build(Vocabulary.tokenParts)
    /// The same tables keyed by bytes, so token matching builds no Strings (the vocabulary is ASCII, where byte
    /// equality and String equality agree).
    private static let wholeBytes = TokenTable(whole)
    /// Per part, in one lookup: its categories, plus two flag bits above every category for the parts that name
    /// an author box only together (`Vocabulary.authorBoxNameParts`, then `authorBoxParts`).
    private static let partBytes: TokenTable = {
        var table = parts
        for part in Vocabulary.authorBoxParts where !Vocabulary.authorBoxNameParts.contains(part) {
            table[part, default: []].insert(authorBoxFlag)
        }
        for part in Vocabulary.authorBoxNameParts { table[part, default: []].insert(authorNameFlag) }
        return TokenTable(table)
    }()
    private static let authorNameFlag = Category(rawValue: 1 << 30)
    private static let authorBoxFlag = Category(rawValue: 1 << 31)

    private static func build(_ groups: [Category: [String]]) -> [String: Category] {
        var table: [String: Category] = [:]
        for (category, tokens) in groups {
            for token in tokens { table[token, default: []].formUnion(category) }
        }
        return table
    }

    /// The categories one class or id token signals.
    static func categories(ofToken rawToken: Substring) -> Category {
        var bytes = Array(rawToken.utf8)
        return bytes.withUnsafeMutableBufferPointer { categories(ofTokenBytes: $0) }
    }

    /// Token matching on bytes (lowercased here, in place): whole token, then its `-`/`_`/`:` parts, then a
    /// BEM block name.
    private static func categories(ofTokenBytes bytes: UnsafeMutableBufferPointer<UInt8>) -> Category {
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] += 0x20 }
        let token = UnsafeBufferPointer(bytes)
        if let hit = wholeBytes[token] { return hit }
        var result: Category = []
        var start = 0
        var authorName = false
        var authorBox = false
        for k in 0...token.count {
            if k == token.count || token[k] == 0x2D || token[k] == 0x5F || token[k] == 0x3A {
                if k > start {
                    let part = UnsafeBufferPointer(rebasing: token[start..<k])
                    if var hit = partBytes[part] {
                        if hit.contains(authorNameFlag) { authorName = true } else if hit.contains(authorBoxFlag) { authorBox = true }
                        hit.subtract([authorNameFlag, authorBoxFlag])
                        result.formUnion(hit)
                    }
                }
                start = k + 1
            }
        }
        if authorName && authorBox { result.insert(.authorBio) }
        // BEM element/modifier names like `article__body--wide` keep their block name's meaning.
        if !result.contains(.articleBody) {
            let cuts = bemCuts(token)
            if let cut = cuts.modifier, let hit = wholeBytes[UnsafeBufferPointer(rebasing: token[0..<cut])] {
                result.formUnion(hit)
            } else if let cut = cuts.element, let hit = wholeBytes[UnsafeBufferPointer(rebasing: token[0..<cut])] {
                result.formUnion(hit)
            }
        }
        return result
    }

    /// Where a BEM name can be cut, tried longest first: before a `--modifier`, then before an `__element`.
    private struct BEMCuts {
        var modifier: Int?
        var element: Int?
    }

    private static func bemCuts(_ bytes: UnsafeBufferPointer<UInt8>) -> BEMCuts {
        var cuts = BEMCuts()
        guard bytes.count > 2 else { return cuts }
        for k in 1..<bytes.count where bytes[k] == bytes[k - 1] {
            if bytes[k] == 0x2D && cuts.modifier == nil { cuts.modifier = k - 1 }
            if bytes[k] == 0x5F && cuts.element == nil { cuts.element = k - 1 }
        }
        return cuts
    }

    /// The categories of a whole attribute value holding whitespace-separated tokens.
    static func categories(ofTokens value: String) -> Category {
        var value = value
        return value.withUTF8 { categories(ofValueBytes: $0) }
    }

    /// `categories(ofTokens:)` on the value's UTF-8 bytes; each token is lowercased into a scratch buffer.
    static func categories(ofValueBytes value: UnsafeBufferPointer<UInt8>) -> Category {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(value.count, 1)) { scratch in
            var result: Category = []
            var length = 0
            for byte in value {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    if length > 0 {
                        result.formUnion(categories(ofTokenBytes: UnsafeMutableBufferPointer(rebasing: scratch[0..<length])))
                        length = 0
                    }
                } else {
                    scratch[length] = byte
                    length += 1
                }
            }
            if length > 0 {
                result.formUnion(categories(ofTokenBytes: UnsafeMutableBufferPointer(rebasing: scratch[0..<length])))
            }
            return result
        }
    }

    /// The id part of `categories(class:id:role:itemprop:)` on the id's UTF-8 bytes; nil when the id is not
    /// plain ASCII (then the String path's Unicode lowercasing and Character splitting must decide).
    static func categories(ofIDBytes id: UnsafeBufferPointer<UInt8>) -> Category? {
        guard !id.isEmpty else { return [] }
        var parts = 0
        var inPart = false
        for byte in id {
            if byte >= 0x80 { return nil }
            if byte == 0x2D || byte == 0x5F {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: id.count) { scratch in
            _ = scratch.initialize(from: id)
            if parts > Vocabulary.Threshold.slugParts {
                // Long ids are slugs of headings: only a whole match counts.
                for k in scratch.indices where scratch[k] >= 0x41 && scratch[k] <= 0x5A { scratch[k] += 0x20 }
                return wholeBytes[UnsafeBufferPointer(scratch)] ?? []
            }
            return categories(ofTokenBytes: scratch)
        }
    }

    /// True for a microdata `itemtype` naming a person (`https://schema.org/Person`): see
    /// `Vocabulary.authorItemTypes`.
    static func isPersonItemType(_ itemtype: String) -> Bool {
        itemtype.utf8.split(separator: UInt8(ascii: " ")).contains { type in
            let name = type.split(separator: UInt8(ascii: "/")).last.map { Substring($0).lowercased() } ?? ""
            return Vocabulary.authorItemTypes.contains(name)
        }
    }

    /// The categories of an element from its attributes.
    static func categories(class classValue: String?, id: String?, role: String?, itemprop: String?) -> Category {
        var result: Category = []
        if let classValue, !classValue.isEmpty { result.formUnion(categories(ofTokens: classValue)) }
        if let id, !id.isEmpty {
            // Long ids are slugs of headings (`sharing-with-a-single-developer`): only a whole match counts.
            let parts = id.utf8.split(whereSeparator: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }).count
            if parts > Vocabulary.Threshold.slugParts {
                if let hit = whole[id.lowercased()] { result.formUnion(hit) }
            } else {
                result.formUnion(categories(ofToken: Substring(id)))
            }
        }
        if let role {
            let lower = role.lowercased()
            if Vocabulary.chromeRoles.contains(lower) { result.insert(.chromeRole) }
            if Vocabulary.widgetRoles.contains(lower) { result.insert(.widgetRole) }
            if Vocabulary.bodyRoles.contains(lower) { result.insert(.contentArea) }
            if Vocabulary.tableRoles.contains(lower) { result.insert(.tableRole) }
        }
        if let itemprop, itemprop.lowercased() == "articlebody" { result.insert(.articleBody) }
        // A body-class element that also names chrome (`post-sidebar`) is chrome; `articleBody` alone stays.
        return result
    }
}

/// A hash table from byte strings to categories (FNV-1a, open addressing), looked up with a buffer so no
/// String is built per key. Static vocabularies are built once; per-page memos grow with `insert`.
struct TokenTable: Sendable {
    private struct Slot: Sendable {
        var offset: Int32 = 0
        var length: Int32 = -1
        /// A `Category`'s raw value, or (a per-page memo's) any 64-bit answer.
        var value: UInt64 = 0
    }

    private var arena: [UInt8] = []
    private var slots: [Slot]
    private var count = 0
    /// For a vocabulary (`init(_:)`): one bit per pair of leading bytes some key starts with (a one-byte key's
    /// byte and 0), so most texts that are no key are turned away before they are hashed. Keys of a length are
    /// only ever equal to texts of that length, whose leading pair is then the same.
    private var leadingPairs: [UInt64]?

    /// An empty table.
    init() {
        slots = [Slot](repeating: Slot(), count: 64)
    }

    /// A table holding every entry of `table`.
    init(_ table: [String: Category]) {
        var size = 16
        while size < table.count * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
        leadingPairs = [UInt64](repeating: 0, count: 65536 / 64)
        for (key, value) in table {
            var key = key
            key.withUTF8 { insert($0, value) }
        }
    }

    /// Multiplicative hash eight bytes at a time (class values on utility-class pages run to hundreds of
    /// bytes, and every element's value is hashed).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var k = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= bytes.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 32
                k += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while k < bytes.count {
            tail |= UInt64(bytes[k]) << shift
            shift += 8
            k += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Byte equality of two equally long buffers, eight bytes at a time.
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        var k = 0
        while k + 8 <= count {
            if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                return false
            }
            k += 8
        }
        while k < count {
            if a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
            k += 1
        }
        return true
    }

    /// The categories stored for exactly these bytes, or nil.
    subscript(_ key: UnsafeBufferPointer<UInt8>) -> Category? {
        rawValue(for: key).map { Category(rawValue: UInt32(truncatingIfNeeded: $0)) }
    }

    /// The bit of `leadingPairs` for a key or text (none for the empty one).
    private static func leadingPair(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        return Int(first) << 8 | Int(bytes.count > 1 ? bytes[1] : 0)
    }

    /// The value stored for exactly these bytes, or nil.
    func rawValue(for key: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if let leadingPairs, let pair = TokenTable.leadingPair(key),
           leadingPairs.withUnsafeBufferPointer({ $0[pair >> 6] & (1 << UInt64(pair & 63)) == 0 }) {
            return nil
        }
        let mask = slots.count - 1
        var slot = TokenTable.hash(key) & mask
        return arena.withUnsafeBufferPointer { arena in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = slots[slot]
                    if entry.length < 0 { return nil }
                    if Int(entry.length) == key.count {
                        if key.isEmpty { return entry.value }
                        if let stored = arena.baseAddress, let wanted = key.baseAddress,
                           TokenTable.equal(stored + Int(entry.offset), wanted, count: key.count) {
                            return entry.value
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Stores `value` for `key` (a key already present keeps its first value).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Category) {
        insert(key, rawValue: UInt64(value.rawValue))
    }

    /// Stores `value` for `key` (a key already present keeps its first value).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, rawValue value: UInt64) {
        if rawValue(for: key) != nil { return }
        insertAbsent(key, rawValue: value)
    }

    /// `insert` of a key the caller has just looked up and not found: the table is not searched again (a
    /// per-page memo's every miss is followed by an insert).
    mutating func insertAbsent(_ key: UnsafeBufferPointer<UInt8>, rawValue value: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        if leadingPairs != nil, let pair = TokenTable.leadingPair(key) { leadingPairs![pair >> 6] |= 1 << UInt64(pair & 63) }
        place(offset: arena.count, length: key.count, value: value, hash: TokenTable.hash(key))
        arena.append(contentsOf: key)
    }

    private mutating func place(offset: Int, length: Int, value: UInt64, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot].length >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(offset: Int32(offset), length: Int32(length), value: value)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        count = 0
        let arena = self.arena
        arena.withUnsafeBufferPointer { bytes in
            for entry in old where entry.length >= 0 {
                let key = UnsafeBufferPointer(rebasing: bytes[Int(entry.offset)..<Int(entry.offset + entry.length)])
                place(offset: Int(entry.offset), length: Int(entry.length), value: entry.value, hash: TokenTable.hash(key))
            }
        }
    }
}
