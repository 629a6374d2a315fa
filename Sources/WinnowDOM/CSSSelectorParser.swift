/// A recursive-descent parser over the selector's Unicode scalars.
struct CSSSelectorParser {
    let source: String
    let scalars: [Unicode.Scalar]
    var index = 0
    var nesting = 0

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

    mutating func parseComplexList(relative: Bool) throws -> CSSSelectorList {
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

    mutating func parseComplex(relative: Bool) throws -> CSSComplexSelector {
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
    mutating func parseCompound(outerTag: String? = nil) throws -> CSSCompound {
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

    mutating func rejectNamespace() throws {
        if !atEnd, current == "|", peek(1) != "=" {
            throw error("namespace prefixes ('|') are not supported", at: index)
        }
    }

    mutating func parseAttribute() throws -> CSSAttributeTest {
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
}
