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

    private static func slow(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }
}

extension String {
    /// Named entities commonly left in double-escaped `<meta content>` values.
    private static let namedEntities: [String: String] = [
        "amp": "&", "nbsp": " ", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—", "hellip": "…",
    ]

    /// Decodes entities that survived HTML parsing because the source escaped them twice
    /// (`Tips &amp;amp; tricks`, `SQL &#x26; AI`); two rounds, so doubly escaped values come out clean.
    func decodingLeftoverEntities() -> String {
        guard contains("&") else { return self }
        var text = self
        for _ in 0..<2 {
            guard text.contains("&") else { break }
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
