/// The HTML standard's "prescan a byte stream to determine its encoding": a tiny tokenizer over the first
/// 1024 bytes that finds `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...charset=...">`
/// while skipping comments, other tags' attributes, `<!...>`, `</...>` and `<?...>`.
///
/// It works on raw bytes because the encoding is not known yet; every byte it cares about is ASCII.
struct MetaCharsetPrescan {
    /// How many leading bytes browsers look at.
    static let limit = 1024

    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private let end: Int

    /// Scans `bytes` (only the first `limit` bytes are looked at).
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
        self.end = bytes.startIndex + min(bytes.count, MetaCharsetPrescan.limit)
    }

    /// The encoding entry declared by the first effective `<meta>`, or nil when there is none.
    mutating func run() -> EncodingLabels.Entry? {
        while position < end {
            if matches("<!--") {
                // A comment ends at the first "-->" whose dashes may overlap the opening "<!--" dashes.
                position += 2
                guard skipPast("-->") else { return nil }
            } else if matchesCaseInsensitive("<meta"), position + 5 < end,
                      isSpaceOrSlash(bytes[position + 5]) {
                position += 6
                if let entry = metaDeclaration() { return entry }
            } else if matches("<"), position + 1 < end, MarkupBytes.isASCIILetter(bytes[position + 1])
                        || (bytes[position + 1] == UInt8(ascii: "/") && position + 2 < end
                            && MarkupBytes.isASCIILetter(bytes[position + 2])) {
                skipTag()
            } else if matches("<!") || matches("</") || matches("<?") {
                guard skipPast(">") else { return nil }
            } else {
                position += 1
            }
        }
        return nil
    }

    // MARK: Steps of the algorithm

    /// Processes the attributes of one `<meta>`; returns its charset when the element is an effective declaration.
    private mutating func metaDeclaration() -> EncodingLabels.Entry? {
        var seen: Set<String> = []
        var gotPragma = false
        var needPragma: Bool?
        var charset: EncodingLabels.Entry?
        var charsetFailed = false
        while let attribute = nextAttribute() {
            guard seen.insert(attribute.name).inserted else { continue }
            switch attribute.name {
            case "http-equiv":
                if attribute.value.lowercasedASCII() == "content-type" { gotPragma = true }
            case "content":
                // An unknown label inside `content` is simply no declaration (unlike an unknown `charset`).
                if charset == nil, !charsetFailed, let label = Self.charsetFromContent(attribute.value),
                   let entry = EncodingLabels.entry(forLabel: label) {
                    charset = entry
                    needPragma = true
                }
            case "charset":
                charset = EncodingLabels.entry(forLabel: attribute.value)
                charsetFailed = charset == nil
                needPragma = false
            default:
                break
            }
        }
        guard let needPragma, !(needPragma && !gotPragma), let charset else { return nil }
        // A document that could be read as ASCII bytes cannot really be UTF-16; the standard means UTF-8.
        if charset.name == "utf-16le" || charset.name == "utf-16be" { return EncodingLabels.entry(named: "utf-8") }
        if charset.name == "x-user-defined" { return EncodingLabels.entry(named: "windows-1252") }
        return charset
    }

    /// One name/value pair of the prescan's "get an attribute"; nil at `>` or the end of the scanned bytes.
    private mutating func nextAttribute() -> PrescanAttribute? {
        while position < end, isSpaceOrSlash(bytes[position]) { position += 1 }
        guard position < end, bytes[position] != UInt8(ascii: ">") else { return nil }
        var name: [UInt8] = []
        let value: [UInt8] = []
        // Attribute name.
        nameLoop: while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "="), !name.isEmpty {
                position += 1
                return attributeValue(name: name)
            } else if MarkupBytes.isSpace(byte) {
                break nameLoop
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                return PrescanAttribute(name: name, value: value)
            } else {
                name.append(lowercased(byte))
                position += 1
            }
        }
        guard position < end else { return nil }
        // Whitespace after the name: an "=" may still follow.
        while position < end, MarkupBytes.isSpace(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        guard bytes[position] == UInt8(ascii: "=") else { return PrescanAttribute(name: name, value: value) }
        position += 1
        return attributeValue(name: name)
    }

    /// The value part of "get an attribute", after the `=`.
    private mutating func attributeValue(name: [UInt8]) -> PrescanAttribute? {
        var value: [UInt8] = []
        while position < end, MarkupBytes.isSpace(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        let first = bytes[position]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            position += 1
            while position < end {
                let byte = bytes[position]
                position += 1
                if byte == first { return PrescanAttribute(name: name, value: value) }
                value.append(lowercased(byte))
            }
            return nil
        }
        if first == UInt8(ascii: ">") { return PrescanAttribute(name: name, value: value) }
        while position < end {
            let byte = bytes[position]
            if MarkupBytes.isSpace(byte) || byte == UInt8(ascii: ">") { return PrescanAttribute(name: name, value: value) }
            value.append(lowercased(byte))
            position += 1
        }
        return nil
    }

    /// Skips a start or end tag other than `<meta>`, attributes included, so `>` inside quotes does not confuse us.
    private mutating func skipTag() {
        position += 1
        while position < end, !MarkupBytes.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        while nextAttribute() != nil {}
        if position < end { position += 1 }  // the ">"
    }

    /// The standard's "extract a character encoding from a meta element" on a `content` value.
    static func charsetFromContent(_ content: String) -> String? {
        let scalars = Array(content.unicodeScalars)
        var index = 0
        while index < scalars.count {
            // Find "charset" (the value is already lowercased by the prescan, but callers may pass any case).
            guard let found = find("charset", in: scalars, from: index) else { return nil }
            index = found + 7
            while index < scalars.count, scalars[index].isASCIIWhitespace { index += 1 }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, scalars[index].isASCIIWhitespace { index += 1 }
            guard index < scalars.count else { return nil }
            let first = scalars[index]
            if first == "\"" || first == "'" {
                guard let close = scalars[(index + 1)...].firstIndex(of: first) else { return nil }
                return String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            }
            let stop = scalars[index...].firstIndex { $0.isASCIIWhitespace || $0 == ";" } ?? scalars.count
            return String(String.UnicodeScalarView(scalars[index..<stop]))
        }
        return nil
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard scalars.count >= pattern.count, start <= scalars.count - pattern.count else { return nil }
        for candidate in start...(scalars.count - pattern.count) {
            var matched = true
            for offset in 0..<pattern.count {
                let value = scalars[candidate + offset].value
                let lower = (value >= 0x41 && value <= 0x5A) ? value + 0x20 : value
                if lower != pattern[offset].value { matched = false; break }
            }
            if matched { return candidate }
        }
        return nil
    }

    // MARK: Byte helpers

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
        return true
    }

    private func matchesCaseInsensitive(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where lowercased(bytes[position + offset]) != pattern[offset] { return false }
        return true
    }

    /// Moves just past the next occurrence of `literal`; false when it does not occur in the scanned bytes.
    private mutating func skipPast(_ literal: StaticString) -> Bool {
        while position < end {
            if matches(literal) {
                position += literal.utf8CodeUnitCount
                return true
            }
            position += 1
        }
        return false
    }

    private func isSpaceOrSlash(_ byte: UInt8) -> Bool { MarkupBytes.isSpace(byte) || byte == UInt8(ascii: "/") }

    private func lowercased(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte }
}

/// One attribute as the prescan sees it: lowercased ASCII bytes, decoded leniently for comparison.
private struct PrescanAttribute {
    let name: String
    let value: String

    init(name: [UInt8], value: [UInt8]) {
        self.name = String(decoding: name, as: UTF8.self)
        self.value = String(decoding: value, as: UTF8.self)
    }
}
