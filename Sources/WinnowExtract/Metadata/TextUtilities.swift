import WinnowDOM

/// Small string helpers for the metadata stages, written for speed (Foundation's trimming and case folding go
/// through NSString on Linux and dominate a profile when called per element).
extension StringProtocol {
    /// The text without leading and trailing whitespace (including newlines and no-break spaces).
    func trimmedWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

enum TextKey {
    /// Lowercased letters and digits only: the form titles, names and outlets are compared in. ASCII text takes
    /// a byte fast path.
    static func make(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte >= 128 { return slow(text) }
            if byte >= 97 && byte <= 122 || byte >= 48 && byte <= 57 { bytes.append(byte) }
            else if byte >= 65 && byte <= 90 { bytes.append(byte | 0x20) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text's words as keys: runs of letters and digits, lowercased ("8 Recent Trends" → ["8", "recent",
    /// "trends"]). Apostrophes and other punctuation split words, as in `make` they vanish.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // ASCII without property lookups (as in `slow`): letters and digits, lowercased by their bit.
            if scalar.isASCII, case let value = UInt8(scalar.value),
               value >= 97 && value <= 122 || value >= 48 && value <= 57 || value >= 65 && value <= 90 {
                current.append(Unicode.Scalar(value | (value >= 65 && value <= 90 ? 0x20 : 0)))
            } else if !scalar.isASCII && scalar.properties.isAlphabetic {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    private static func slow(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            // ASCII scalars (most, even in text with some accents) without property lookups: a letter or digit,
            // lowercased by its bit.
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if value >= 97 && value <= 122 || value >= 48 && value <= 57 { out.unicodeScalars.append(scalar) }
                else if value >= 65 && value <= 90 { out.unicodeScalars.append(Unicode.Scalar(value | 0x20)) }
            } else if scalar.properties.isAlphabetic {
                out += scalar.properties.lowercaseMapping
            }
        }
        return out
    }
}

extension String {
    /// Named entities commonly left in double-escaped `<meta content>` values.
    private static let namedEntities: [String: String] = [
        "amp": "&", "nbsp": " ", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—", "hellip": "…", "shy": "\u{00AD}",
    ]

    /// Decodes entities that survived HTML parsing because the source escaped them twice
    /// (`Tips &amp;amp; tricks`, `SQL &#x26; AI`); two rounds, so doubly escaped values come out clean.
    func decodingLeftoverEntities() -> String {
        // A byte search: Foundation's `contains("&")` costs a bridged search per call.
        guard utf8.contains(UInt8(ascii: "&")) else { return self }
        var text = self
        for _ in 0..<2 {
            guard text.utf8.contains(UInt8(ascii: "&")) else { break }
            var out = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semi = after.prefix(10).firstIndex(of: ";") {
                    let name = after[..<semi]
                    var replacement: String?
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else if name.hasPrefix("#") {
                        replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                    } else {
                        replacement = String.namedEntities[String(name)]
                    }
                    if let replacement {
                        out += replacement
                        rest = after[after.index(after: semi)...]
                        continue
                    }
                }
                out += "&"
                rest = after
            }
            out += rest
            text = out
        }
        return text
    }
}

extension String {
    /// `collapsingWhitespace()`, skipped when the text is already collapsed (the common case for `<meta>`
    /// values): one byte scan instead of a Unicode-property walk and a copy.
    func collapsedWhitespace() -> String {
        var previousSpace = true  // a leading space needs collapsing
        var clean = true
        for byte in utf8 {
            if byte == 32 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte == 9 || byte == 10 || byte == 13 || byte == 12 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 {
                clean = false  // tabs/newlines, or a lead byte of NBSP / Unicode spaces
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace { return self }
        if clean && isEmpty { return self }
        return collapsingWhitespace()
    }
}

extension String {
    /// The text with double-encoded UTF-8 undone ("Investorâ€™s" → "Investor’s"): when every non-ASCII
    /// character maps back to one byte (Latin-1, or Windows-1252 for its 0x80–0x9F letters) and those bytes
    /// form valid UTF-8 with at least one multi-byte character and no C1 control, the page's UTF-8 was decoded
    /// once too often (or re-encoded) and the bytes are read again. Any other text is returned as it is: a
    /// character outside those code pages, or bytes that are no valid UTF-8, mean the text is what it says.
    func repairingDoubleEncodedUTF8() -> String {
        // Every double-encoded lead byte (0xC2–0xF4) is a character U+00C2–U+00F4, whose UTF-8 starts 0xC3.
        guard utf8.contains(0xC3) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x100 {
                bytes.append(UInt8(value))
            } else if let byte = String.windows1252Bytes[value] {
                bytes.append(byte)
            } else {
                return self
            }
        }
        guard bytes.contains(where: { $0 >= 0xC2 }),
              let decoded = String(validating: bytes, as: UTF8.self), decoded.unicodeScalars.count < unicodeScalars.count,
              !decoded.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value < 0xA0 }) else { return self }
        return decoded
    }

    /// The text without characters that are never seen (`Vocabulary.invisibleCharacters`: a soft hyphen, a word
    /// joiner, a byte-order mark), which would otherwise split the word they sit in when text is cut into words.
    func removingInvisibleCharacters() -> String {
        // Every such character is outside ASCII: its UTF-8 starts 0xC2 (U+00AD), 0xE2 (U+2060) or 0xEF (U+FEFF).
        guard utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }),
              unicodeScalars.contains(where: Vocabulary.invisibleCharacters.contains) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars where !Vocabulary.invisibleCharacters.contains(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Windows-1252's characters at 0x80–0x9F, by the byte they stand for.
    private static let windows1252Bytes: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
