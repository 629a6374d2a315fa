/// The lexical layer of `CSSSelectorParser`: strings, identifiers, escapes, combinators, and the cursor over the
/// selector's Unicode scalars (with the errors that name a column).
extension CSSSelectorParser {
    // MARK: Tokens

    /// A CSS string in single or double quotes, with backslash escapes.
    mutating func parseString() throws -> String {
        let open = index
        let quote = current
        index += 1
        var value = String.UnicodeScalarView()
        while !atEnd {
            let scalar = current
            if scalar == quote {
                index += 1
                return String(value)
            }
            if scalar == "\n" { throw error("unterminated string (newline inside quotes)", at: index) }
            if scalar == "\\" {
                if let next = peek(1), next == "\n" {
                    index += 2  // an escaped newline continues the string
                    continue
                }
                if peek(1) == nil { throw error("unterminated string (missing \(quote))", at: open) }
                value.append(try parseEscape())
                continue
            }
            value.append(scalar)
            index += 1
        }
        throw error("unterminated string (missing \(quote))", at: open)
    }

    /// An identifier: optional `-`, then a name-start character, then name characters.
    mutating func parseIdentifier(what: String) throws -> String {
        guard startsIdentifier(at: index) else { throw error("expected \(what)", at: index) }
        return try parseName(what: what)
    }

    /// A run of name characters (letters, digits, `-`, `_`, non-ASCII, escapes).
    mutating func parseName(what: String) throws -> String {
        var name = String.UnicodeScalarView()
        while !atEnd {
            if current == "\\" {
                guard let next = peek(1), next != "\n" else { throw error("invalid escape in \(what)", at: index) }
                name.append(try parseEscape())
            } else if isNameCharacter(current) {
                name.append(current)
                index += 1
            } else {
                break
            }
        }
        guard !name.isEmpty else { throw error("expected \(what)", at: index) }
        return String(name)
    }

    /// `\` followed by 1-6 hex digits (and one optional whitespace) or by any other character.
    mutating func parseEscape() throws -> Unicode.Scalar {
        index += 1  // "\"
        guard !atEnd else { throw error("the selector ends inside an escape", at: index) }
        var hex = ""
        while !atEnd, hex.count < 6, current.properties.isASCIIHexDigit {
            hex.unicodeScalars.append(current)
            index += 1
        }
        if hex.isEmpty {
            let literal = current
            index += 1
            return literal
        }
        if !atEnd, current.isASCIIWhitespace { index += 1 }
        guard let value = UInt32(hex, radix: 16), value != 0, let scalar = Unicode.Scalar(value) else {
            return "\u{FFFD}"
        }
        return scalar
    }

    func startsIdentifier(at position: Int) -> Bool {
        guard position < scalars.count else { return false }
        var cursor = position
        if scalars[cursor] == "-" {
            cursor += 1
            guard cursor < scalars.count else { return false }
            if scalars[cursor] == "-" { return true }
        }
        let scalar = scalars[cursor]
        if scalar == "\\" { return cursor + 1 < scalars.count && scalars[cursor + 1] != "\n" }
        return isNameStart(scalar)
    }

    func startsName(at position: Int) -> Bool {
        guard position < scalars.count else { return false }
        let scalar = scalars[position]
        if scalar == "\\" { return position + 1 < scalars.count && scalars[position + 1] != "\n" }
        return isNameCharacter(scalar)
    }

    func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar.value >= 0x80
    }

    func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || (scalar >= "0" && scalar <= "9") || scalar == "-"
    }

    func combinatorAt(_ position: Int) -> CSSCombinator? {
        guard position < scalars.count else { return nil }
        switch scalars[position] {
        case ">": return .child
        case "+": return .adjacent
        case "~": return .sibling
        default: return nil
        }
    }

    // MARK: Cursor

    var atEnd: Bool { index >= scalars.count }
    /// The scalar at the cursor; only read after checking `atEnd`.
    var current: Unicode.Scalar { index < scalars.count ? scalars[index] : "\0" }
    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Skips CSS whitespace; true when any was skipped.
    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = index
        while !atEnd, current.isASCIIWhitespace { index += 1 }
        return index > start
    }

    func describe(_ scalar: Unicode.Scalar) -> String {
        atEnd ? "end of selector" : "'\(scalar)'"
    }

    /// A one-line error naming the selector, the problem and the 1-based column.
    func error(_ problem: String, at position: Int) -> DOMError {
        let shown = String(String.UnicodeScalarView(source.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        let column = min(position, scalars.count) + 1
        return DOMError(.invalidSelector,
                        "invalid CSS selector \"\(shown)\": \(problem.trimmingASCIIWhitespace()) at column \(column)")
    }
}
