import CLibXML2

/// A node in a `Document`'s tree. Holds its document strongly, so the tree lives as long as any node does.
///
/// Nodes are cheap values (a pointer and a reference); two nodes are equal when they are the same tree node.
public struct Node {
    let raw: xmlNodePtr
    /// The document that owns this node.
    public let document: Document

    init(raw: xmlNodePtr, document: Document) {
        self.raw = raw
        self.document = document
    }

    /// What kind of tree node this is.
    public enum Kind: Sendable, Equatable {
        case element, text, cdata, comment, document, other
    }

    /// What kind of tree node this is (attributes selected by XPath report `.other`).
    public var kind: Kind {
        switch raw.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE: .text
        case XML_CDATA_SECTION_NODE: .cdata
        case XML_COMMENT_NODE: .comment
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: .document
        default: .other
        }
    }

    /// True for element nodes.
    public var isElement: Bool { raw.pointee.type == XML_ELEMENT_NODE }
    /// True for an attribute node (XPath such as `//a/@href` returns them; `kind` reports them as `.other`).
    public var isAttribute: Bool { raw.pointee.type == XML_ATTRIBUTE_NODE }
    /// True for text and CDATA nodes.
    public var isText: Bool { raw.pointee.type == XML_TEXT_NODE || raw.pointee.type == XML_CDATA_SECTION_NODE }

    /// The tag name as the parser stored it (libxml2's HTML parser lowercases tags), without namespace prefix.
    public var name: String {
        guard let name = raw.pointee.name else { return "" }
        return String(cString: name)
    }

    /// True when this is an element with the given (lowercase) tag name; avoids building a String.
    ///
    /// Compares through `withUTF8Buffer`: a one-character literal such as `"p"` is stored as a scalar, and
    /// `StaticString.utf8Start` would trap on it.
    public func isElement(named tag: StaticString) -> Bool {
        guard raw.pointee.type == XML_ELEMENT_NODE, let name = raw.pointee.name else { return false }
        return tag.withUTF8Buffer { expected in
            // A NUL in `tag` must not match the name's terminator: the compare would go on past its end.
            for (offset, byte) in expected.enumerated() where byte == 0 || name[offset] != byte { return false }
            return name[expected.count] == 0
        }
    }

    /// An opaque token for the tag name: the address of libxml2's copy of it. Equal tokens mean equal names,
    /// but libxml2's SAX builder copies the name for every element, so equal names almost never share a token;
    /// memo tables should key on `shortNameKey` instead.
    public var nameToken: Int {
        raw.pointee.name.map { Int(bitPattern: UnsafeRawPointer($0)) } ?? 0
    }

    /// The name's bytes packed into an integer (first byte lowest) when it is 1–8 bytes long, else nil. Distinct
    /// short names give distinct keys, so a per-walk memo can look tag names up without building a String
    /// (every HTML tag name but `blockquote` and `figcaption` fits).
    public var shortNameKey: UInt64? {
        guard let name = raw.pointee.name else { return nil }
        var key: UInt64 = 0
        for offset in 0..<9 {
            let byte = name[offset]
            if byte == 0 { return offset == 0 ? nil : key }
            if offset == 8 { return nil }
            key |= UInt64(byte) << (8 * UInt64(offset))
        }
        return nil
    }

    /// True when the element carries at least one attribute; most text-level elements carry none, and a walk
    /// can skip its attribute lookups for them.
    public var hasAttributes: Bool {
        raw.pointee.type == XML_ELEMENT_NODE && raw.pointee.properties != nil
    }

    /// The namespace URI of an element or attribute-bearing node, if any (XML documents).
    public var namespaceURI: String? {
        guard raw.pointee.type == XML_ELEMENT_NODE || raw.pointee.type == XML_ATTRIBUTE_NODE,
              let ns = raw.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    // MARK: Tree navigation

    /// The parent node; nil for the root element's document node and detached nodes.
    public var parent: Node? {
        guard let p = raw.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Node(raw: p, document: document)
    }

    /// The first child node of any kind.
    public var firstChild: Node? {
        hasTreeChildren ? raw.pointee.children.map { Node(raw: $0, document: document) } : nil
    }
    /// The last child node of any kind.
    public var lastChild: Node? {
        hasTreeChildren ? raw.pointee.last.map { Node(raw: $0, document: document) } : nil
    }
    /// The following sibling of any kind.
    public var nextSibling: Node? { raw.pointee.next.map { Node(raw: $0, document: document) } }
    /// The preceding sibling of any kind.
    public var previousSibling: Node? { raw.pointee.prev.map { Node(raw: $0, document: document) } }

    /// The nearest following element sibling.
    public var nextElementSibling: Node? {
        var cursor = raw.pointee.next
        while let c = cursor {
            if c.pointee.type == XML_ELEMENT_NODE { return Node(raw: c, document: document) }
            cursor = c.pointee.next
        }
        return nil
    }

    /// The nearest preceding element sibling.
    public var previousElementSibling: Node? {
        var cursor = raw.pointee.prev
        while let c = cursor {
            if c.pointee.type == XML_ELEMENT_NODE { return Node(raw: c, document: document) }
            cursor = c.pointee.prev
        }
        return nil
    }

    /// All child nodes (elements, text, comments) in document order. Walks the linked list; no copying.
    /// Attribute and entity nodes have no walkable children here.
    public var children: ChildSequence {
        ChildSequence(first: hasTreeChildren ? raw.pointee.children : nil, document: document)
    }

    /// Element and document nodes own child lists that are part of this tree.
    var hasTreeChildren: Bool {
        let type = raw.pointee.type
        return type == XML_ELEMENT_NODE || type == XML_DOCUMENT_NODE || type == XML_HTML_DOCUMENT_NODE
    }

    /// Child elements only.
    public var elementChildren: [Node] { children.filter(\.isElement) }

    /// The first child element with this tag name.
    public func firstChild(named name: String) -> Node? {
        children.first { $0.isElement && $0.name == name }
    }

    /// Every node below this one, in document (pre-)order, not including this node.
    public var descendants: DescendantSequence { DescendantSequence(root: self) }

    /// Ancestors from the parent upwards.
    public var ancestors: [Node] {
        var result: [Node] = []
        var cursor = parent
        while let c = cursor {
            result.append(c)
            cursor = c.parent
        }
        return result
    }

    /// Nesting depth below the root element (the root element is 0).
    public var depth: Int {
        var d = 0
        var cursor = raw.pointee.parent
        while let c = cursor, c.pointee.type == XML_ELEMENT_NODE {
            d += 1
            cursor = c.pointee.parent
        }
        return d
    }

    /// True when `other` is this node or lies below it.
    public func contains(_ other: Node) -> Bool {
        var cursor: xmlNodePtr? = other.raw
        while let c = cursor {
            if c == raw { return true }
            cursor = c.pointee.parent
        }
        return false
    }

    // MARK: Attributes

    /// The value of an attribute, or nil when absent.
    ///
    /// HTML documents have no DTD attribute defaults, so there the element's own attribute list is walked
    /// directly; XML documents go through libxml2 (which also reports DTD defaults).
    public func attribute(_ name: String) -> String? {
        guard raw.pointee.type == XML_ELEMENT_NODE else { return nil }
        if document.kind == .html {
            guard let attr = writtenAttribute(name) else { return nil }
            return AttributeView(raw: attr).value
        }
        guard let value = name.withCString({ xmlGetProp(raw, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) })
        else { return nil }
        defer { winnow_xmlFree(value) }
        return String(cString: value)
    }

    /// True when the element carries the attribute (with any value).
    public func hasAttribute(_ name: String) -> Bool {
        guard raw.pointee.type == XML_ELEMENT_NODE else { return false }
        if document.kind == .html { return writtenAttribute(name) != nil }
        return name.withCString { xmlHasProp(raw, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != nil }
    }

    /// All attributes in source order, as name/value pairs.
    public var attributes: [Attribute] {
        var result: [Attribute] = []
        var cursor = raw.pointee.type == XML_ELEMENT_NODE ? raw.pointee.properties : nil
        while let attr = cursor {
            let name = String(cString: attr.pointee.name)
            var value = ""
            if let content = xmlNodeListGetString(raw.pointee.doc, attr.pointee.children, 1) {
                value = String(cString: content)
                winnow_xmlFree(content)
            }
            result.append(Attribute(name: name, value: value))
            cursor = attr.pointee.next
        }
        return result
    }

    /// Sets (or replaces) an attribute.
    public func setAttribute(_ name: String, _ value: String) {
        guard raw.pointee.type == XML_ELEMENT_NODE else { return }
        xmlSetProp(raw, name, value)
    }

    /// Removes an attribute if present. (It is unlinked and kept until the document goes, like removed nodes.)
    public func removeAttribute(_ name: String) {
        guard raw.pointee.type == XML_ELEMENT_NODE, let attr = xmlHasProp(raw, name) else { return }
        let node = UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self)
        xmlUnlinkNode(node)
        document.detach(node)
    }

    /// The `id` attribute.
    public var id: String? { attribute("id") }

    /// The whitespace-separated tokens of the `class` attribute.
    public var classNames: [Substring] {
        attribute("class")?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) ?? []
    }

    // MARK: Text

    /// All text below this node, concatenated as it appears (libxml2's textContent).
    public var text: String {
        guard let content = xmlNodeGetContent(raw) else { return "" }
        defer { winnow_xmlFree(content) }
        return String(cString: content)
    }

    /// Only these node types keep their text in `content` (for documents and attributes that field is
    /// something else entirely, so it must never be read there).
    private var hasOwnContent: Bool {
        let type = raw.pointee.type
        return type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE || type == XML_COMMENT_NODE
            || type == XML_PI_NODE
    }

    /// For a text, CDATA, comment or processing-instruction node, its own content; "" for other nodes.
    public var ownText: String {
        guard hasOwnContent, let content = raw.pointee.content else { return "" }
        return String(cString: content)
    }

    /// Calls `body` with the raw UTF-8 bytes of a text node's content, without allocating a String.
    public func withOwnTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard hasOwnContent, let content = raw.pointee.content else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: content, count: byteLength(content)))
    }

    // MARK: Mutation

    /// Node types that `remove()` may take out of the tree.
    private var isRemovable: Bool {
        switch raw.pointee.type {
        case XML_ELEMENT_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE,
             XML_ENTITY_REF_NODE, XML_ATTRIBUTE_NODE:
            return true
        default:
            return false
        }
    }

    /// Detaches this node (and everything below it) from the tree.
    ///
    /// The memory is kept until the document is freed, so `Node` values that still point into the removed
    /// subtree stay safe to read; they just no longer belong to the tree (`parent` is nil). Calling it twice, or
    /// on the document node, does nothing.
    public func remove() {
        guard isRemovable else { return }
        xmlUnlinkNode(raw)
        document.detach(raw)
    }

    /// Replaces this element with its children (keeps the content, drops the wrapper).
    ///
    /// Children are relinked by hand rather than with `xmlAddPrevSibling`, which merges adjacent text nodes and
    /// frees one of them (leaving any `Node` value for it dangling). Does nothing on a detached node.
    public func unwrap() {
        guard raw.pointee.type == XML_ELEMENT_NODE, let parent = raw.pointee.parent else { return }
        while let child = raw.pointee.children {
            // Unlink `child` from this element.
            raw.pointee.children = child.pointee.next
            if let next = child.pointee.next { next.pointee.prev = nil } else { raw.pointee.last = nil }
            // Link it just before this element.
            child.pointee.parent = parent
            child.pointee.next = raw
            child.pointee.prev = raw.pointee.prev
            if let previous = raw.pointee.prev { previous.pointee.next = child } else { parent.pointee.children = child }
            raw.pointee.prev = child
        }
        remove()
    }

    /// Moves this element's children, in order, to just before `anchor` (under `anchor`'s parent), leaving
    /// this element empty: how a script relocates streamed content into its placeholder.
    ///
    /// Relinked by hand, as in `unwrap()`, so no adjacent text nodes are merged or freed. Does nothing (and
    /// returns false) when `anchor` is detached, is this element, or lies inside it.
    @discardableResult
    public func moveChildren(before anchor: Node) -> Bool {
        guard raw.pointee.type == XML_ELEMENT_NODE, let parent = anchor.raw.pointee.parent else { return false }
        var ancestor: xmlNodePtr? = anchor.raw
        while let current = ancestor {
            if current == raw { return false }
            ancestor = current.pointee.parent
        }
        while let child = raw.pointee.children {
            raw.pointee.children = child.pointee.next
            if let next = child.pointee.next { next.pointee.prev = nil } else { raw.pointee.last = nil }
            child.pointee.parent = parent
            child.pointee.next = anchor.raw
            child.pointee.prev = anchor.raw.pointee.prev
            if let previous = anchor.raw.pointee.prev { previous.pointee.next = child } else { parent.pointee.children = child }
            anchor.raw.pointee.prev = child
        }
        return true
    }

    /// Renames an element (e.g. `div` to `p`).
    public func rename(to name: String) {
        guard raw.pointee.type == XML_ELEMENT_NODE else { return }
        xmlNodeSetName(raw, name)
    }

    /// Replaces all children with one text node (or, for a text node, its content).
    public func setText(_ text: String) {
        switch raw.pointee.type {
        case XML_ELEMENT_NODE:
            for child in Array(children) { child.remove() }
            if !text.isEmpty, let node = xmlNewDocText(raw.pointee.doc, text) {
                if xmlAddChild(raw, node) == nil { xmlFreeNode(node) }
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE:
            xmlNodeSetContent(raw, text)
        default:
            break
        }
    }

    // MARK: Serialization

    /// This node serialized as UTF-8 HTML (outerHTML), or XML in XML documents, without added formatting.
    public var html: String {
        switch document.kind {
        case .html: Serializer.html(raw, document: document.raw)
        case .xml: Serializer.xml(raw, document: document.raw)
        }
    }

    /// The children serialized (innerHTML).
    public var innerHTML: String { children.map(\.html).joined() }

    // MARK: Queries

    /// Nodes matching a compiled XPath expression, with this node as the context node.
    public func select(_ xpath: XPath) -> [Node] { xpath.nodes(from: self) }

    /// Nodes matching an XPath expression relative to this node.
    public func select(xpath expression: String) throws -> [Node] { try XPath(expression).nodes(from: self) }

    /// Descendants matching a CSS selector.
    public func select(css selector: String) throws -> [Node] { try XPath(css: selector).nodes(from: self) }
}

extension Node: Equatable, Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(UInt(bitPattern: raw)) }
}

/// One attribute of an element.
public struct Attribute: Sendable, Equatable {
    /// The attribute name (lowercased by the HTML parser).
    public let name: String
    /// The value with character references resolved.
    public let value: String
}

/// The children of a node, walked through libxml2's sibling links.
public struct ChildSequence: Sequence {
    let first: xmlNodePtr?
    let document: Document

    /// Walks the sibling links.
    public struct Iterator: IteratorProtocol {
        var cursor: xmlNodePtr?
        let document: Document
        /// The next child, or nil after the last.
        public mutating func next() -> Node? {
            guard let c = cursor else { return nil }
            cursor = c.pointee.next
            return Node(raw: c, document: document)
        }
    }

    /// Starts at the first child.
    public func makeIterator() -> Iterator { Iterator(cursor: first, document: document) }
}

/// Every node below a root, in document order; iterative, so deep trees cannot overflow the stack.
public struct DescendantSequence: Sequence {
    let root: Node

    /// A pre-order walk that keeps no stack.
    public struct Iterator: IteratorProtocol {
        let root: xmlNodePtr
        var cursor: xmlNodePtr?
        let document: Document

        /// The next node in document order, or nil when the subtree is done.
        public mutating func next() -> Node? {
            guard let current = cursor else { return nil }
            // Advance: first child, else next sibling, else climb until an ancestor has a next sibling.
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                cursor = child
            } else {
                var climb: xmlNodePtr? = current
                cursor = nil
                while let c = climb, c != root {
                    if let sibling = c.pointee.next { cursor = sibling; break }
                    climb = c.pointee.parent
                }
            }
            return Node(raw: current, document: document)
        }
    }

    /// Starts at the root's first child.
    public func makeIterator() -> Iterator {
        Iterator(root: root.raw, cursor: root.hasTreeChildren ? root.raw.pointee.children : nil,
                 document: root.document)
    }
}

extension String {
    /// Runs of whitespace (Unicode White_Space: ASCII whitespace, no-break and other spaces, line and
    /// paragraph separators) become one space; ends are trimmed. Works on the UTF-8 bytes.
    public func collapsingWhitespace() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        var text = self
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let width = String.whitespaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte length of the White_Space scalar starting at `i`, or 0: U+0009–U+000D, U+0020, U+0085,
    /// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        switch byte {
        case 0xC2:
            let next = bytes[i + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1:
            return bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            let second = bytes[i + 1], third = bytes[i + 2]
            if second == 0x80 { return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            return bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

/// A node that does not hold its document: copying one costs no reference counting, which matters for mirrors
/// with one entry per node that are copied and scanned many times. Whoever stores these must keep the
/// document alive itself (the mirror holds it); `node` turns one back into an ordinary `Node`.
public struct UnretainedNode {
    let raw: xmlNodePtr
    unowned(unsafe) let document: Document

    public init(_ node: Node) {
        raw = node.raw
        document = node.document
    }

    /// The node, holding its document again.
    @inline(__always) public var node: Node { Node(raw: raw, document: document) }
}
