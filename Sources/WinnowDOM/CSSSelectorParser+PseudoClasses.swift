/// The pseudo-class part of `CSSSelectorParser`'s grammar: `:not()`, `:is()`, `:has()`, the structural
/// pseudo-classes and the `an+b` micro-syntax of `:nth-child()`.
extension CSSSelectorParser {
    mutating func parsePseudo(tag: String?) throws -> CSSCondition {
        let start = index
        index += 1  // ":"
        if !atEnd, current == ":" {
            throw error("pseudo-elements ('::') select no nodes and are not supported", at: start)
        }
        guard startsIdentifier(at: index) else { throw error("expected a pseudo-class name after ':'", at: index) }
        let name = try parseIdentifier(what: "pseudo-class").lowercasedASCII()
        let takesArgument = !atEnd && current == "("
        switch (name, takesArgument) {
        case ("first-child", false): return .pseudo(.firstChild)
        case ("last-child", false): return .pseudo(.lastChild)
        case ("only-child", false): return .pseudo(.onlyChild)
        case ("empty", false): return .pseudo(.empty)
        case ("root", false): return .pseudo(.root)
        case ("first-of-type", false), ("last-of-type", false), ("only-of-type", false):
            guard tag != nil else { throw typeRequired(name, at: start) }
            return .pseudo(name == "first-of-type" ? .firstOfType : name == "last-of-type" ? .lastOfType : .onlyOfType)
        case ("nth-child", true), ("nth-last-child", true), ("nth-of-type", true), ("nth-last-of-type", true):
            if name.hasSuffix("of-type"), tag == nil { throw typeRequired(name, at: start) }
            let nth = try parseNthArgument(name: name)
            switch name {
            case "nth-child": return .pseudo(.nthChild(nth))
            case "nth-last-child": return .pseudo(.nthLastChild(nth))
            case "nth-of-type": return .pseudo(.nthOfType(nth))
            default: return .pseudo(.nthLastOfType(nth))
            }
        case ("not", true), ("is", true), ("where", true), ("matches", true), ("any", true):
            let compounds = try nested { parser in try parser.parseCompoundArgument(name: name, tag: tag) }
            return name == "not" ? .not(compounds) : .any(compounds)
        case ("has", true):
            let list = try nested { parser -> CSSSelectorList in
                parser.index += 1  // "("
                let list = try parser.parseComplexList(relative: true)
                try parser.expectClosingParenthesis(name: name)
                return list
            }
            return .has(list.selectors)
        case (_, true) where Self.knownArgumentless.contains(name):
            throw error("':\(name)' takes no argument", at: start)
        case (_, false) where Self.knownWithArgument.contains(name):
            throw error("':\(name)' needs an argument in parentheses", at: start)
        default:
            throw error("unsupported pseudo-class ':\(name)' (only structural ones can match a static document)",
                        at: start)
        }
    }

    static let knownArgumentless: Set<String> = [
        "first-child", "last-child", "only-child", "empty", "root", "first-of-type", "last-of-type", "only-of-type",
    ]
    static let knownWithArgument: Set<String> = [
        "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "not", "is", "where", "matches", "any",
        "has",
    ]

    func typeRequired(_ name: String, at position: Int) -> DOMError {
        error("':\(name)' needs a type selector before it (e.g. p:\(name)); XPath 1.0 cannot compare types",
              at: position)
    }

    /// Runs a nested parse (inside parentheses) with the nesting depth checked.
    mutating func nested<T>(_ body: (inout CSSSelectorParser) throws -> T) throws -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw error("selectors are nested more than \(Self.maximumNesting) levels deep", at: index)
        }
        return try body(&self)
    }

    /// `( compound, compound )` for `:not()` and `:is()`; combinators are not allowed inside.
    mutating func parseCompoundArgument(name: String, tag: String?) throws -> [CSSCompound] {
        index += 1  // "("
        var compounds: [CSSCompound] = []
        while true {
            skipWhitespace()
            if atEnd || current == ")" || current == "," {
                throw error("':\(name)()' expected a selector", at: index)
            }
            let compound = try parseCompound(outerTag: tag)
            compounds.append(compound)
            skipWhitespace()
            if !atEnd, current == "," {
                index += 1
                continue
            }
            if !atEnd, current != ")" {
                throw error("':\(name)()' accepts only compound selectors (no combinators)", at: index)
            }
            break
        }
        try expectClosingParenthesis(name: name)
        return compounds
    }

    mutating func expectClosingParenthesis(name: String) throws {
        skipWhitespace()
        guard !atEnd else { throw error("':\(name)(' is not closed (missing ')')", at: index) }
        guard current == ")" else { throw error("expected ')', found \(describe(current))", at: index) }
        index += 1
    }

    /// The `an+b` micro-syntax, plus `odd` and `even`.
    mutating func parseNthArgument(name: String) throws -> CSSNth {
        let open = index
        index += 1  // "("
        var text = String.UnicodeScalarView()
        while !atEnd, current != ")" {
            text.append(current)
            index += 1
        }
        guard !atEnd else { throw error("':\(name)(' is not closed (missing ')')", at: open) }
        index += 1
        let argument = String(text).trimmingASCIIWhitespace().lowercasedASCII()
        guard let nth = Self.nth(from: argument) else {
            throw error("invalid ':\(name)()' argument '\(argument)' (expected an+b, odd or even)", at: open + 1)
        }
        return nth
    }

    static func nth(from argument: String) -> CSSNth? {
        if argument == "odd" { return CSSNth(a: 2, b: 1) }
        if argument == "even" { return CSSNth(a: 2, b: 0) }
        let compact = argument.unicodeScalars.filter { !$0.isASCIIWhitespace }
        let text = String(String.UnicodeScalarView(compact))
        guard !text.isEmpty, text.count <= 24 else { return nil }
        if let nIndex = text.firstIndex(of: "n") {
            let coefficient = String(text[..<nIndex])
            let rest = String(text[text.index(after: nIndex)...])
            let a: Int
            switch coefficient {
            case "", "+": a = 1
            case "-": a = -1
            default:
                guard let parsed = integer(coefficient) else { return nil }
                a = parsed
            }
            if rest.isEmpty { return CSSNth(a: a, b: 0) }
            guard rest.first == "+" || rest.first == "-", let b = integer(rest) else { return nil }
            return CSSNth(a: a, b: b)
        }
        guard let b = integer(text) else { return nil }
        return CSSNth(a: 0, b: b)
    }

    /// An optionally signed decimal integer made only of ASCII digits.
    static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        var sign = 1
        if digits.first == "+" { digits = digits.dropFirst() } else if digits.first == "-" {
            sign = -1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(digits) else { return nil }
        return sign * value
    }
}
