import CLibXML2

/// Replaces every entity-reference node of a freshly parsed XML tree (in content and in attribute values) with a
/// plain text node holding its replacement text, until a byte budget is spent; later references become empty.
///
/// Why: without `XML_PARSE_NOENT` libxml2 leaves `&name;` as reference nodes whose text is expanded again on every
/// `xmlNodeGetContent`, which both hides text from tree walkers and lets a small document multiply itself. After
/// this pass the tree holds only ordinary nodes, and the total added text is bounded. External entities were never
/// loaded (the loader refuses everything), so they have no text and become empty.
struct EntityFlattener {
    let document: xmlDocPtr
    /// Bytes of replacement text still allowed.
    private var remaining: Int

    init(document: xmlDocPtr, budget: Int) {
        self.document = document
        self.remaining = budget
    }

    mutating func run() {
        guard let root = xmlDocGetRootElement(document) else { return }
        var references: [xmlNodePtr] = []
        // Iterative pre-order walk over elements; collect references first, then replace (no mutation mid-walk).
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            if node.pointee.type == XML_ENTITY_REF_NODE {
                references.append(node)
                continue  // its children belong to the entity declaration, not to this tree
            }
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            var attribute = node.pointee.properties
            while let current = attribute {
                var child = current.pointee.children
                while let value = child {
                    if value.pointee.type == XML_ENTITY_REF_NODE { references.append(value) }
                    child = value.pointee.next
                }
                attribute = current.pointee.next
            }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        for reference in references { replace(reference) }
    }

    private mutating func replace(_ reference: xmlNodePtr) {
        var text = ""
        if remaining > 0, let content = xmlNodeGetContent(reference) {
            let length = byteLength(content)
            if length <= remaining {
                text = String(cString: content)
                remaining -= length
            } else {
                remaining = 0
            }
            winnow_xmlFree(content)
        }
        guard let replacement = xmlNewDocText(document, text) else { return }
        if xmlReplaceNode(reference, replacement) == nil {
            xmlFreeNode(replacement)
            return
        }
        xmlFreeNode(reference)
    }
}
