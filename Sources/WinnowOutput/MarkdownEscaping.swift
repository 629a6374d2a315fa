/// Escaping for Markdown (CommonMark + GFM) text, code spans and link destinations.
///
/// Text is escaped where a character would otherwise change meaning, not everywhere: `*`, `` ` ``, `[`,
/// `]`, `\` and `~` always; `_` unless it sits between two letters/digits (intraword underscores never
/// emphasise); `<` only before something that could open a tag or autolink; `&` only when it looks like an
/// entity. Block-level markers (`#`, `>`, `-`, `+`, `1.`, `=`, a table delimiter row) are only special at
/// a line start, so they are handled per line by `escapeLineStart`.
enum MarkdownEscaping {
    static func escapeText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return escapeASCII(Array(text.utf8)) }
        // Scalar by scalar: every character escaped is ASCII, so only its neighbours need Unicode properties.
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\\", "*", "`", "[", "]", "~":
                out.append("\\")
            case "_":
                if !(isWordScalar(previous) && isWordScalar(next)) { out.append("\\") }
            case "<":
                if let next, next.properties.isAlphabetic || next == "/" || next == "!" || next == "?" { out.append("\\") }
            case "&":
                if looksLikeEntity(scalars, from: index) { out.append("\\") }
            default:
                break
            }
            out.append(scalar)
        }
        return String(out)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `&name;`, `&#123;` or `&#x1F;` starting at `index`.
    private static func looksLikeEntity(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        var position = index + 1
        var length = 0
        while position < scalars.count, length <= 32 {
            let scalar = scalars[position]
            if scalar == ";" { return length > 0 }
            guard scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "#"
            else { return false }
            position += 1
            length += 1
        }
        return false
    }

    /// Escapes a marker at the start of one line that would make it a heading, quote, list item, thematic
    /// break or setext underline.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let rest = line.dropFirst()
        // A line like `--- | :---` under a line with pipes would turn the paragraph into a GFM table.
        if line.contains("|"), line.contains("-"), line.allSatisfy({ "|:- \t".contains($0) }) { return "\\" + line }
        switch first {
        case "#":
            let hashes = line.prefix { $0 == "#" }.count
            let after = line.dropFirst(hashes).first
            if hashes <= 6 && (after == nil || after == " " || after == "\t") { return "\\" + line }
        case ">":
            return "\\" + line
        case "-", "+":
            if rest.first == nil || rest.first == " " || rest.first == "\t" { return "\\" + line }
            if line.allSatisfy({ $0 == first || $0 == " " }) { return "\\" + line }
        case "=":
            if line.allSatisfy({ $0 == "=" || $0 == " " }) { return "\\" + line }
        case "0"..."9":
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard digits.count <= 9 else { break }
            let remainder = line.dropFirst(digits.count)
            if let marker = remainder.first, marker == "." || marker == ")" {
                let after = remainder.dropFirst().first
                if after == nil || after == " " || after == "\t" { return digits + "\\" + remainder }
            }
        default:
            break
        }
        return line
    }

    /// Escapes the start of every line of a rendered paragraph.
    static func escapeLineStarts(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapeLineStart(String($0)) }
            .joined(separator: "\n")
    }

    /// A code span whose backtick fence is longer than any backtick run inside it.
    static func codeSpan(_ code: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let needsPadding = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" "))
        let padding = needsPadding ? " " : ""
        return fence + padding + code + padding + fence
    }

    /// A link or image destination: spaces, angle brackets and controls percent-encoded, parentheses,
    /// backslashes and entity-like `&` backslash-escaped, so the destination ends at the right `)` and
    /// reads back as the same URL.
    static func destination(_ url: String) -> String {
        guard !url.isEmpty else { return "<>" }
        var out = ""
        let scalars = Array(url.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            // Entity references are decoded inside destinations too (`&amp;` would become `&`).
            if scalar == "&" && looksLikeEntity(scalars, from: index) {
                out += "\\&"
                continue
            }
            appendDestinationScalar(scalar, to: &out)
        }
        return out
    }

    private static func appendDestinationScalar(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "(", ")", "\\": out += "\\" + String(scalar)
        case " ": out += "%20"
        case "<": out += "%3C"
        case ">": out += "%3E"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Length of the longest run of `character` in `text`.
    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            if each == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }

    /// `escapeText` for ASCII text, on bytes: the same rules, without building Characters.
    private static func escapeASCII(_ bytes: [UInt8]) -> String {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isWord(_ byte: UInt8?) -> Bool { byte.map { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) } ?? false }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "~"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "_"):
                if !(isWord(previous) && isWord(next)) { out.append(UInt8(ascii: "\\")) }
            case UInt8(ascii: "<"):
                if let next, isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
                    || next == UInt8(ascii: "?") {
                    out.append(UInt8(ascii: "\\"))
                }
            case UInt8(ascii: "&"):
                var position = index + 1, length = 0, entity = false
                while position < bytes.count, length <= 32 {
                    let candidate = bytes[position]
                    if candidate == UInt8(ascii: ";") { entity = length > 0; break }
                    guard isWord(candidate) || candidate == UInt8(ascii: "#") else { break }
                    position += 1
                    length += 1
                }
                if entity { out.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
