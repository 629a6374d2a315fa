/// Writes strings as YAML scalars for Markdown front matter.
///
/// A value is left plain only when no YAML reader could take it for anything but the same string; otherwise
/// it is double-quoted with escapes. Plain values must start with a letter (so no indicator characters,
/// numbers, or dates that YAML 1.1 readers would turn into timestamps), must not contain `: ` or ` #`, must
/// not end with `:` or whitespace, must not be a YAML 1.1 boolean/null word, and must be one printable line.
enum YAMLScalar {
    static func render(_ value: String) -> String {
        isSafePlain(value) ? value : doubleQuoted(value)
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nil", "none", "~",
    ]

    static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.first, first.isLetter, let last = value.last else { return false }
        if last == ":" || last.isWhitespace { return false }
        if value.contains(": ") || value.contains(" #") || value.contains(":\t") { return false }
        if reservedWords.contains(value.lowercased()) { return false }
        for scalar in value.unicodeScalars where needsEscape(scalar) || scalar == "\t" { return false }
        return true
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Characters YAML does not allow raw in a scalar (controls) or reads as line breaks.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }
}
