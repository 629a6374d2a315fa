/// Translates CSS selectors to XPath 1.0 so they run on libxml2's XPath engine.
///
/// Supported: type and `*`, `#id`, `.class`, attribute tests `[a]` `[a=v]` `[a~=v]` `[a|=v]` `[a^=v]` `[a$=v]`
/// `[a*=v]` (quoted or bare values, optional `i` flag), the combinators space, `>`, `+`, `~`, selector lists,
/// `:not()`, `:is()`/`:where()` (compound selectors), `:has()` (relative selectors), `:first-child`, `:last-child`,
/// `:only-child`, `:nth-child()`, `:nth-last-child()`, `:empty`, `:root`, and with a type selector
/// `:first-of-type`, `:last-of-type`, `:only-of-type`, `:nth-of-type()`, `:nth-last-of-type()`.
///
/// The XPath is relative to the context node and selects its descendants (like `querySelectorAll` scoped to the
/// node); a selector may start with a combinator (`> p`, `+ p`, `~ p`) to select children or siblings instead.
/// Type and attribute names are lowercased, as libxml2's HTML parser stores them.
public enum CSSSelector {
    /// The XPath 1.0 expression equivalent to `selector`; throws `DOMError(.invalidSelector)` with a one-line
    /// message naming the problem and its column.
    public static func xpath(for selector: String) throws -> String {
        var parser = CSSSelectorParser(selector)
        let list = try parser.parse()
        return XPathWriter.list(list)
    }
}

/// Writes XPath for a parsed selector list.
enum XPathWriter {
    static func list(_ list: CSSSelectorList) -> String {
        list.selectors.map(complex).joined(separator: " | ")
    }

    /// A location path relative to the context node, one step per compound selector.
    static func complex(_ selector: CSSComplexSelector) -> String {
        selector.steps.map(step).joined(separator: "/")
    }

    private static func step(_ step: CSSStep) -> String {
        let compound = step.compound
        let predicates = compound.conditions.map { "[\(condition($0, tag: compound.tag))]" }.joined()
        switch step.combinator {
        case .descendant: return "descendant::" + nodeTest(compound.tag) + predicates
        case .child: return "child::" + nodeTest(compound.tag) + predicates
        case .sibling: return "following-sibling::" + nodeTest(compound.tag) + predicates
        case .adjacent:
            // The very next element sibling, then the type test (a type in the step would skip other elements).
            let typeTest = compound.tag.map { "[\(selfTest($0))]" } ?? ""
            return "following-sibling::*[1]" + typeTest + predicates
        }
    }

    /// `p` for an ordinary name, `*` for the universal selector, and a name comparison for names that are not
    /// valid XPath names (e.g. an escaped `\31 0`).
    private static func nodeTest(_ tag: String?) -> String {
        guard let tag else { return "*" }
        return isXPathName(tag) ? tag : "*[name()=\(XPath.literal(tag))]"
    }

    private static func selfTest(_ tag: String) -> String {
        isXPathName(tag) ? "self::\(tag)" : "name()=\(XPath.literal(tag))"
    }

    /// The condition for one simple selector, as a boolean XPath expression about the context element.
    static func condition(_ condition: CSSCondition, tag: String?) -> String {
        switch condition {
        case .id(let id):
            return "@id=\(XPath.literal(id))"
        case .className(let name):
            return "contains(concat(' ', normalize-space(@class), ' '), \(XPath.literal(" \(name) ")))"
        case .attribute(let test):
            return attribute(test)
        case .pseudo(let pseudo):
            return self.pseudo(pseudo, tag: tag)
        case .not(let compounds):
            return "not(" + compounds.map(compoundTest).joined(separator: " or ") + ")"
        case .any(let compounds):
            return "(" + compounds.map(compoundTest).joined(separator: " or ") + ")"
        case .has(let selectors):
            return selectors.map(complex).joined(separator: " | ")
        }
    }

    /// A compound selector as a test on the context element (for `:not()` and `:is()`).
    private static func compoundTest(_ compound: CSSCompound) -> String {
        var parts: [String] = []
        if let tag = compound.tag { parts.append(selfTest(tag)) }
        parts += compound.conditions.map { "(\(condition($0, tag: compound.tag)))" }
        return parts.isEmpty ? "true()" : "(" + parts.joined(separator: " and ") + ")"
    }

    private static func attribute(_ test: CSSAttributeTest) -> String {
        let node = isXPathName(test.name) ? "@\(test.name)" : "@*[name()=\(XPath.literal(test.name))]"
        guard let op = test.op else { return node }
        let value = test.caseInsensitive ? test.value.lowercasedASCII() : test.value
        let subject = test.caseInsensitive
            ? "translate(\(node), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')" : node
        let quoted = XPath.literal(value)
        switch op {
        case .equals:
            return "\(subject)=\(quoted)"
        case .includes:
            // A whitespace-separated token list; an empty or spaced value can never be one token.
            if value.isEmpty || value.unicodeScalars.contains(where: \.isASCIIWhitespace) { return "false()" }
            return "contains(concat(' ', normalize-space(\(subject)), ' '), \(XPath.literal(" \(value) ")))"
        case .dashMatch:
            return "(\(subject)=\(quoted) or starts-with(\(subject), \(XPath.literal(value + "-"))))"
        case .prefix:
            return value.isEmpty ? "false()" : "starts-with(\(subject), \(quoted))"
        case .suffix:
            // XPath 1.0 has no ends-with(): compare the tail of the same length.
            if value.isEmpty { return "false()" }
            return "(\(node) and substring(\(subject), string-length(\(subject)) - string-length(\(quoted)) + 1)"
                + "=\(quoted))"
        case .substring:
            return value.isEmpty ? "false()" : "contains(\(subject), \(quoted))"
        }
    }

    private static func pseudo(_ pseudo: CSSPseudoClass, tag: String?) -> String {
        // Parsing guarantees a tag for the *-of-type cases; "*" is only a safe fallback.
        let sameType = tag.map { isXPathName($0) ? $0 : "*[name()=\(XPath.literal($0))]" } ?? "*"
        switch pseudo {
        case .firstChild: return "not(preceding-sibling::*)"
        case .lastChild: return "not(following-sibling::*)"
        case .onlyChild: return "not(preceding-sibling::*) and not(following-sibling::*)"
        case .empty: return "not(*) and not(text())"
        case .root: return "not(parent::*)"
        case .firstOfType: return "not(preceding-sibling::\(sameType))"
        case .lastOfType: return "not(following-sibling::\(sameType))"
        case .onlyOfType: return "not(preceding-sibling::\(sameType)) and not(following-sibling::\(sameType))"
        case .nthChild(let nth): return position(nth, index: "count(preceding-sibling::*) + 1")
        case .nthLastChild(let nth): return position(nth, index: "count(following-sibling::*) + 1")
        case .nthOfType(let nth): return position(nth, index: "count(preceding-sibling::\(sameType)) + 1")
        case .nthLastOfType(let nth): return position(nth, index: "count(following-sibling::\(sameType)) + 1")
        }
    }

    /// True when the 1-based `index` equals `a*n + b` for some integer n >= 0.
    private static func position(_ nth: CSSNth, index: String) -> String {
        let (a, b) = (nth.a, nth.b)
        if a == 0 { return b >= 1 ? "(\(index)) = \(b)" : "false()" }
        if a > 0 {
            let offset = b >= 0 ? "- \(b)" : "+ \(-b)"
            let congruence = "((\(index)) \(offset)) mod \(a) = 0"
            return b <= 1 ? (a == 1 ? "true()" : congruence) : "(\(index)) >= \(b) and \(congruence)"
        }
        if b < 1 { return "false()" }
        return "(\(index)) <= \(b) and (\(b) - (\(index))) mod \(-a) = 0"
    }

    /// True when `name` can be written as an XPath name test (an NCName).
    static func isXPathName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        func isStart(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" || (s.value >= 0xC0 && s.properties.isAlphabetic)
        }
        func isPart(_ s: Unicode.Scalar) -> Bool {
            isStart(s) || (s >= "0" && s <= "9") || s == "-" || s == "." || s.value == 0xB7
        }
        return isStart(first) && name.unicodeScalars.dropFirst().allSatisfy(isPart)
    }
}
