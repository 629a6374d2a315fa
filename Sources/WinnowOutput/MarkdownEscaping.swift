/// Escaping for Markdown (CommonMark + GFM) text, code spans and link destinations.
///
/// Text is escaped where a character would otherwise change meaning, not everywhere: `*`, `` ` ``, `[`,
/// `]`, `\` and `~` always; `_` unless it sits between two letters/digits (intraword underscores never
/// emphasise); `<` only before something that could open a tag or autolink; `&` only when it looks like an
/// entity. Block-level markers (`#`, `>`, `-`, `+`, `1.`, `=`, a table delimiter row) are only special at
/// a line start, so they are handled per line by `escapeLineStart`.
enum MarkdownEscaping {
    static func escapeText(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\", "*", "`", "[", "]", "~":
                out += "\\"
            case "_":
                if !(isWordCharacter(previous) && isWordCharacter(next)) { out += "\\" }
            case "<":
                if let next, next.isLetter || next == "/" || next == "!" || next == "?" { out += "\\" }
            case "&":
                if looksLikeEntity(characters, from: index) { out += "\\" }
            default:
                break
            }
            out.append(character)
        }
        return out
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
        let characters = Array(url)
        for (index, character) in characters.enumerated() {
            // Entity references are decoded inside destinations too (`&amp;` would become `&`).
            if character == "&" && looksLikeEntity(characters, from: index) {
                out += "\\&"
                continue
            }
            for scalar in character.unicodeScalars { appendDestinationScalar(scalar, to: &out) }
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

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber
    }

    /// `&name;`, `&#123;` or `&#x1F;` starting at `index`.
    private static func looksLikeEntity(_ characters: [Character], from index: Int) -> Bool {
        var position = index + 1
        var length = 0
        while position < characters.count, length <= 32 {
            let character = characters[position]
            if character == ";" { return length > 0 }
            guard character.isASCII, character.isLetter || character.isNumber || character == "#" else { return false }
            position += 1
            length += 1
        }
        return false
    }
}
