import CLibXML2

/// A compiled XPath 1.0 expression. Compile once, evaluate against many documents on the same task.
///
/// Not `Sendable`: a compiled libxml2 expression is used by one task at a time.
public final class XPath {
    let compiled: xmlXPathCompExprPtr
    /// The source expression, for messages.
    public let expression: String
    /// Prefix → namespace URI bindings registered before each evaluation (for feeds: atom, media, ...).
    public let namespaces: [String: String]

    /// Compiles an expression; throws `DOMError.invalidXPath` with the expression in the message.
    ///
    /// libxml2 checks syntax here but resolves function names and namespace prefixes only when evaluating:
    /// an unknown function or prefix then yields an empty result (empty string, NaN, false).
    public init(_ expression: String, namespaces: [String: String] = [:]) throws {
        Document.prepare()
        let shown = expression.isEmpty ? "(empty)" : expression.replacing("\n", with: " ")
        // libxml2 2.9 accepts some truncated expressions (e.g. "count("); catch unbalanced ones first.
        if let problem = XPath.balanceProblem(in: expression) {
            throw DOMError(.invalidXPath, "invalid XPath expression: \(shown) (\(problem))")
        }
        guard let compiled = xmlXPathCompile(expression) else {
            throw DOMError(.invalidXPath, "invalid XPath expression: \(shown)")
        }
        self.compiled = compiled
        self.expression = expression
        self.namespaces = namespaces
    }

    /// Compiles a CSS selector by translating it to XPath (see `CSSSelector`).
    public convenience init(css selector: String) throws {
        try self.init(CSSSelector.xpath(for: selector))
    }

    deinit { xmlXPathFreeCompExpr(compiled) }

    /// Why the brackets or quotes of an expression do not balance, or nil when they do.
    static func balanceProblem(in expression: String) -> String? {
        var open: [Character] = []
        var quote: Character?
        for character in expression {
            if let current = quote {
                if character == current { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "(", "[": open.append(character)
            case ")", "]":
                let expected: Character = character == ")" ? "(" : "["
                guard open.popLast() == expected else { return "unbalanced '\(character)'" }
            default: break
            }
        }
        if let quote { return "unterminated string starting with \(quote)" }
        if let last = open.last { return "unclosed '\(last)'" }
        return nil
    }

    /// Evaluates with `node` as the context node. Namespace bindings are registered for this evaluation only
    /// (the context is shared by every expression run on the document). The caller frees the result.
    private func evaluate(from node: Node) -> xmlXPathObjectPtr? {
        Document.prepare()
        guard let context = node.document.context() else { return nil }
        context.pointee.node = node.raw
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        defer {
            for prefix in namespaces.keys { xmlXPathRegisterNs(context, prefix, nil) }
            context.pointee.node = nil
        }
        return xmlXPathCompiledEval(compiled, context)
    }

    /// The nodes the expression selects, in document order; empty when it yields no node-set.
    public func nodes(from node: Node) -> [Node] {
        guard let object = evaluate(from: node) else { return [] }
        defer { xmlXPathFreeObject(object) }
        let count = Int(winnow_nodeset_count(object))
        var result: [Node] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            // Namespace nodes are copies libxml2 frees with the result, so they cannot be handed out.
            guard let item = winnow_nodeset_item(object, Int32(i)), item.pointee.type != XML_NAMESPACE_DECL else {
                continue
            }
            result.append(Node(raw: item, document: node.document))
        }
        return result
    }

    /// The first selected node, if any.
    public func first(from node: Node) -> Node? { nodes(from: node).first }

    /// The expression's string value (XPath `string()` semantics), e.g. for `normalize-space(//title)`.
    public func string(from node: Node) -> String {
        guard let object = evaluate(from: node) else { return "" }
        defer { xmlXPathFreeObject(object) }
        guard let value = xmlXPathCastToString(object) else { return "" }
        defer { winnow_xmlFree(value) }
        return String(cString: value)
    }

    /// The expression's numeric value (XPath `number()` semantics), e.g. for `count(//p)`.
    public func number(from node: Node) -> Double {
        guard let object = evaluate(from: node) else { return .nan }
        defer { xmlXPathFreeObject(object) }
        return xmlXPathCastToNumber(object)
    }

    /// The expression's boolean value, e.g. for `contains(., 'x')`.
    public func bool(from node: Node) -> Bool {
        guard let object = evaluate(from: node) else { return false }
        defer { xmlXPathFreeObject(object) }
        return xmlXPathCastToBoolean(object) != 0
    }
}

extension XPath {
    /// An XPath 1.0 string literal for any text. XPath has no escapes, so a value holding both quote kinds is
    /// built with concat().
    public static func literal(_ value: String) -> String {
        if !value.contains("'") { return "'\(value)'" }
        if !value.contains("\"") { return "\"\(value)\"" }
        let pieces = value.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + pieces.joined(separator: ", \"'\", ") + ")"
    }
}
