/// The parsed form of a CSS selector list, before translation to XPath.
///
/// Only what Winnow supports is representable; everything else is rejected by the parser with a message saying
/// what and where (a 1-based column).
struct CSSSelectorList {
    var selectors: [CSSComplexSelector]
}

/// Compound selectors joined by combinators. The first step's combinator says how it relates to the context
/// node: `.descendant` for an ordinary selector, or the explicit one of a relative selector such as `> p`.
struct CSSComplexSelector {
    var steps: [CSSStep]
}

/// One compound selector and the combinator that leads to it.
struct CSSStep {
    var combinator: CSSCombinator
    var compound: CSSCompound
}

/// How a compound selector relates to the previous one.
enum CSSCombinator: Equatable {
    /// Whitespace: any descendant.
    case descendant
    /// `>`: a child.
    case child
    /// `+`: the next element sibling.
    case adjacent
    /// `~`: any following element sibling.
    case sibling
}

/// A type selector (nil = universal) plus the conditions that must all hold.
struct CSSCompound {
    var tag: String?
    var conditions: [CSSCondition]
}

/// One simple selector other than the type.
indirect enum CSSCondition {
    case id(String)
    case className(String)
    case attribute(CSSAttributeTest)
    case pseudo(CSSPseudoClass)
    /// `:not(a, b)`: none of the compounds match.
    case not([CSSCompound])
    /// `:is(a, b)` / `:where(a, b)`: at least one compound matches.
    case any([CSSCompound])
    /// `:has(rel, rel)`: some relative selector finds an element from here.
    case has([CSSComplexSelector])
}

/// `[name op value flag]`.
struct CSSAttributeTest {
    /// The operator between name and value; nil for a presence test `[name]`.
    enum Operator: String {
        case equals = "="
        case includes = "~="
        case dashMatch = "|="
        case prefix = "^="
        case suffix = "$="
        case substring = "*="
    }

    var name: String
    var op: Operator?
    var value: String
    /// The `i` flag: compare ASCII case-insensitively.
    var caseInsensitive: Bool
}

/// The structural pseudo-classes that XPath 1.0 can express.
enum CSSPseudoClass {
    case firstChild, lastChild, onlyChild, empty, root
    case firstOfType, lastOfType, onlyOfType
    case nthChild(CSSNth), nthLastChild(CSSNth), nthOfType(CSSNth), nthLastOfType(CSSNth)
}

/// The `an+b` of `:nth-child()`: matches positions `a*n + b` for some n >= 0.
struct CSSNth: Equatable {
    var a: Int
    var b: Int
}

/// A recursive-descent parser over the selector's Unicode scalars.
struct CSSSelectorParser {
    private let source: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var nesting = 0

    /// Deepest nesting of `:not()` / `:is()` / `:has()` accepted (keeps recursion bounded).
    static let maximumNesting = 16
    /// Longest selector accepted, in characters.
    static let maximumLength = 8192

    init(_ source: String) {
        self.source = source
        self.scalars = Array(source.unicodeScalars)
    }

    /// Parses a whole selector list (top level allows relative selectors such as `> p`).
    mutating func parse() throws -> CSSSelectorList {
        guard scalars.count <= Self.maximumLength else {
            throw error("the selector is longer than \(Self.maximumLength) characters", at: 0)
        }
        skipWhitespace()
        guard !atEnd else { throw error("the selector is empty", at: index) }
        let list = try parseComplexList(relative: true)
        skipWhitespace()
        if !atEnd { throw error("unexpected \(describe(current))", at: index) }
        return list
    }

    // MARK: Grammar

    private mutating func parseComplexList(relative: Bool) throws -> CSSSelectorList {
        var selectors: [CSSComplexSelector] = []
        while true {
            skipWhitespace()
            if atEnd || current == ")" || current == "," {
                let what = selectors.isEmpty ? "expected a selector" : "expected a selector after ','"
                throw error(what, at: index)
            }
            selectors.append(try parseComplex(relative: relative))
            skipWhitespace()
            guard !atEnd, current == "," else { break }
            index += 1
        }
        return CSSSelectorList(selectors: selectors)
    }

    private mutating func parseComplex(relative: Bool) throws -> CSSComplexSelector {
        var steps: [CSSStep] = []
        var combinator = CSSCombinator.descendant
        if let leading = combinatorAt(index) {
            guard relative else { throw error("a selector cannot start with '\(current)'", at: index) }
            combinator = leading
            index += 1
            skipWhitespace()
        }
        while true {
            if atEnd || current == "," || current == ")" {
                throw error("expected a selector after the combinator", at: index)
            }
            steps.append(CSSStep(combinator: combinator, compound: try parseCompound()))
            // What follows: end of this selector, or a combinator (whitespace alone means descendant).
            let hadWhitespace = skipWhitespace()
            if atEnd || current == "," || current == ")" { break }
            if let explicit = combinatorAt(index) {
                combinator = explicit
                index += 1
                skipWhitespace()
            } else if hadWhitespace {
                combinator = .descendant
            } else {
                throw error("unexpected \(describe(current))", at: index)
            }
        }
        return CSSComplexSelector(steps: steps)
    }

    /// A type or universal selector followed by any number of `#id`, `.class`, `[attr]` and `:pseudo`.
    /// `outerTag` is the enclosing compound's type, for `*-of-type` inside `:not()` / `:is()`.
    private mutating func parseCompound(outerTag: String? = nil) throws -> CSSCompound {
        var compound = CSSCompound(tag: nil, conditions: [])
        var sawSomething = false
        if !atEnd, current == "*" {
            index += 1
            sawSomething = true
            try rejectNamespace()
        } else if startsIdentifier(at: index) {
            compound.tag = try parseIdentifier(what: "element name").lowercasedASCII()
            sawSomething = true
            try rejectNamespace()
        }
        loop: while !atEnd {
            switch current {
            case "#":
                index += 1
                guard startsName(at: index) else { throw error("expected an id after '#'", at: index) }
                compound.conditions.append(.id(try parseName(what: "id")))
            case ".":
                index += 1
                guard startsName(at: index) else { throw error("expected a class name after '.'", at: index) }
                compound.conditions.append(.className(try parseName(what: "class name")))
            case "[":
                compound.conditions.append(.attribute(try parseAttribute()))
            case ":":
                compound.conditions.append(try parsePseudo(tag: compound.tag ?? outerTag))
            default:
                break loop
            }
            sawSomething = true
        }
        guard sawSomething else {
            throw error(atEnd ? "expected a selector" : "unexpected \(describe(current))", at: index)
        }
        // Type pseudo-classes refer to the element's own type: inside :not()/:is() that is the outer type.
        if compound.tag == nil, let outerTag, compound.conditions.contains(where: \.needsType) {
            compound.tag = outerTag
        }
        return compound
    }

    private mutating func rejectNamespace() throws {
        if !atEnd, current == "|", peek(1) != "=" {
            throw error("namespace prefixes ('|') are not supported", at: index)
        }
    }

    private mutating func parseAttribute() throws -> CSSAttributeTest {
        let open = index
        index += 1  // "["
        skipWhitespace()
        guard !atEnd else { throw error("expected an attribute name after '['", at: index) }
        guard startsIdentifier(at: index) else {
            throw error("expected an attribute name, found \(describe(current))", at: index)
        }
        let name = try parseIdentifier(what: "attribute name").lowercasedASCII()
        try rejectNamespace()
        skipWhitespace()
        guard !atEnd else { throw error("unclosed '[' (missing ']')", at: open) }
        if current == "]" {
            index += 1
            return CSSAttributeTest(name: name, op: nil, value: "", caseInsensitive: false)
        }
        var operatorText = String(current)
        if current != "=" {
            guard let next = peek(1), next == "=" else {
                throw error("expected an attribute operator (=, ~=, |=, ^=, $=, *=) or ']'", at: index)
            }
            operatorText.unicodeScalars.append(next)
        }
        guard let op = CSSAttributeTest.Operator(rawValue: operatorText) else {
            throw error("unknown attribute operator '\(operatorText)'", at: index)
        }
        index += operatorText.unicodeScalars.count
        skipWhitespace()
        guard !atEnd else { throw error("expected an attribute value", at: index) }
        let value: String
        if current == "\"" || current == "'" {
            value = try parseString()
        } else if startsIdentifier(at: index) || startsName(at: index) {
            value = try parseName(what: "attribute value")
        } else {
            throw error("expected an attribute value, found \(describe(current))", at: index)
        }
        skipWhitespace()
        var caseInsensitive = false
        if !atEnd, current == "i" || current == "I" || current == "s" || current == "S" {
            caseInsensitive = current == "i" || current == "I"
            index += 1
            skipWhitespace()
        }
        guard !atEnd else { throw error("unclosed '[' (missing ']')", at: open) }
        guard current == "]" else { throw error("expected ']', found \(describe(current))", at: index) }
        index += 1
        return CSSAttributeTest(name: name, op: op, value: value, caseInsensitive: caseInsensitive)
    }

    private mutating func parsePseudo(tag: String?) throws -> CSSCondition {
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

    private static let knownArgumentless: Set<String> = [
        "first-child", "last-child", "only-child", "empty", "root", "first-of-type", "last-of-type", "only-of-type",
    ]
    private static let knownWithArgument: Set<String> = [
        "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "not", "is", "where", "matches", "any",
        "has",
    ]

    private func typeRequired(_ name: String, at position: Int) -> DOMError {
        error("':\(name)' needs a type selector before it (e.g. p:\(name)); XPath 1.0 cannot compare types",
              at: position)
    }

    /// Runs a nested parse (inside parentheses) with the nesting depth checked.
    private mutating func nested<T>(_ body: (inout CSSSelectorParser) throws -> T) throws -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw error("selectors are nested more than \(Self.maximumNesting) levels deep", at: index)
        }
        return try body(&self)
    }

    /// `( compound, compound )` for `:not()` and `:is()`; combinators are not allowed inside.
    private mutating func parseCompoundArgument(name: String, tag: String?) throws -> [CSSCompound] {
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

    private mutating func expectClosingParenthesis(name: String) throws {
        skipWhitespace()
        guard !atEnd else { throw error("':\(name)(' is not closed (missing ')')", at: index) }
        guard current == ")" else { throw error("expected ')', found \(describe(current))", at: index) }
        index += 1
    }

    /// The `an+b` micro-syntax, plus `odd` and `even`.
    private mutating func parseNthArgument(name: String) throws -> CSSNth {
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
    private static func integer(_ text: String) -> Int? {
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

    // MARK: Tokens

    /// A CSS string in single or double quotes, with backslash escapes.
    private mutating func parseString() throws -> String {
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
    private mutating func parseIdentifier(what: String) throws -> String {
        guard startsIdentifier(at: index) else { throw error("expected \(what)", at: index) }
        return try parseName(what: what)
    }

    /// A run of name characters (letters, digits, `-`, `_`, non-ASCII, escapes).
    private mutating func parseName(what: String) throws -> String {
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
    private mutating func parseEscape() throws -> Unicode.Scalar {
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

    private func startsIdentifier(at position: Int) -> Bool {
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

    private func startsName(at position: Int) -> Bool {
        guard position < scalars.count else { return false }
        let scalar = scalars[position]
        if scalar == "\\" { return position + 1 < scalars.count && scalars[position + 1] != "\n" }
        return isNameCharacter(scalar)
    }

    private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar.value >= 0x80
    }

    private func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || (scalar >= "0" && scalar <= "9") || scalar == "-"
    }

    private func combinatorAt(_ position: Int) -> CSSCombinator? {
        guard position < scalars.count else { return nil }
        switch scalars[position] {
        case ">": return .child
        case "+": return .adjacent
        case "~": return .sibling
        default: return nil
        }
    }

    // MARK: Cursor

    private var atEnd: Bool { index >= scalars.count }
    /// The scalar at the cursor; only read after checking `atEnd`.
    private var current: Unicode.Scalar { index < scalars.count ? scalars[index] : "\0" }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Skips CSS whitespace; true when any was skipped.
    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while !atEnd, current.isASCIIWhitespace { index += 1 }
        return index > start
    }

    private func describe(_ scalar: Unicode.Scalar) -> String {
        atEnd ? "end of selector" : "'\(scalar)'"
    }

    /// A one-line error naming the selector, the problem and the 1-based column.
    private func error(_ problem: String, at position: Int) -> DOMError {
        let shown = String(String.UnicodeScalarView(source.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
        let column = min(position, scalars.count) + 1
        return DOMError(.invalidSelector,
                        "invalid CSS selector \"\(shown)\": \(problem.trimmingASCIIWhitespace()) at column \(column)")
    }
}

extension CSSCondition {
    /// True when the condition refers to the element's type (the `*-of-type` pseudo-classes).
    var needsType: Bool {
        switch self {
        case .pseudo(.firstOfType), .pseudo(.lastOfType), .pseudo(.onlyOfType), .pseudo(.nthOfType),
             .pseudo(.nthLastOfType):
            return true
        default:
            return false
        }
    }
}
