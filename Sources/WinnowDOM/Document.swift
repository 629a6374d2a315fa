import CLibXML2

/// A parsed HTML or XML document. It owns the libxml2 tree and frees it when the last reference goes.
///
/// Every `Node` holds a strong reference to its document, so a node can never outlive its tree. Nodes removed
/// from the tree are kept (detached) until the document goes, so a stale `Node` value never points at freed memory.
/// A document is not `Sendable`: parse, query and discard it on one task.
public final class Document {
    /// Which parser built the tree.
    public enum Kind: Sendable { case html, xml }

    let raw: xmlDocPtr
    /// Which parser built the tree.
    public let kind: Kind
    /// The URL the document was fetched from, if known; relative links resolve against it.
    public let url: String?
    /// The character encoding the source bytes were decoded from (a WHATWG name such as `windows-1252`).
    public let sourceEncoding: String
    /// Where `sourceEncoding` was decided (BOM, HTTP header, `<meta>` or XML declaration, or sniffed); nil for
    /// documents parsed from a Swift `String`.
    public let encodingSource: EncodingSource?
    private var xpathContext: xmlXPathContextPtr?
    /// Roots of subtrees unlinked by `Node.remove()` & co.; freed with the document (see `detach(_:)`).
    private var detachedRoots: [xmlNodePtr] = []
    private var detachedSet: Set<xmlNodePtr> = []

    /// Largest input accepted (libxml2 refuses more than 1 GB anyway; real pages are far below this).
    public static let maximumInputSize = 256 * 1024 * 1024

    /// Parses HTML from raw bytes, decoding them the way browsers do: a byte-order mark, then the HTTP
    /// `Content-Type` charset, then `<meta charset>` / `http-equiv`, then a default (see `Charset`).
    ///
    /// libxml2 runs with recovery on and network access off, so any byte sequence yields a tree.
    public convenience init(html bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws {
        guard bytes.count <= Document.maximumInputSize else {
            throw DOMError(.tooLarge, "document is \(bytes.count) bytes; the limit is \(Document.maximumInputSize)")
        }
        let decoded = try Charset.decodeHTML(bytes, contentType: contentType)
        try self.init(htmlUTF8: decoded.utf8, url: url, sourceEncoding: decoded.encoding,
                      encodingSource: decoded.source)
    }

    /// Parses HTML from a Swift string (already Unicode, so no charset sniffing is needed).
    public convenience init(html string: String, url: String? = nil) throws {
        try self.init(htmlUTF8: Array(string.utf8), url: url, sourceEncoding: "utf-8", encodingSource: nil)
    }

    /// Parser options for HTML.
    ///
    /// - `HTML_PARSE_IGNORE_ENC`: the bytes are already UTF-8; a `<meta charset>` left in them must not make
    ///   libxml2 switch decoders again.
    /// - `NODEFDTD`: libxml2 would otherwise invent an HTML 4.0 doctype.
    /// - `XML_PARSE_HUGE`: without it libxml2 2.9 stops at nesting depth 256 with a fatal error and drops the rest
    ///   of the page (tag soup with hundreds of unclosed `<font>`/`<div>` reaches that). The HTML parser, the
    ///   serializer and `xmlFreeDoc` are iterative, so deep trees are safe; input size is capped separately.
    static let htmlOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | HTML_PARSE_NODEFDTD.rawValue | XML_PARSE_HUGE.rawValue)

    init(htmlUTF8 utf8: [UInt8], url: String?, sourceEncoding: String, encodingSource: EncodingSource?) throws {
        Document.prepare()
        guard utf8.count <= Document.maximumInputSize else {
            throw DOMError(.tooLarge, "document is \(utf8.count) bytes; the limit is \(Document.maximumInputSize)")
        }
        // Empty or whitespace-only input makes libxml2 return NULL or a rootless tree; callers always get <html>.
        let repaired = AttributeNameRepair.repair(CharacterReferenceRepair.repair(Document.removingNUL(utf8)))
        var doc = Document.parseHTML(repaired, url: url)
        if let parsed = doc, xmlDocGetRootElement(parsed) == nil {
            xmlFreeDoc(parsed)
            doc = nil
        }
        if doc == nil { doc = Document.parseHTML(Array("<html><head></head><body></body></html>".utf8), url: url) }
        guard let doc else { throw DOMError(.unparsable, "the HTML could not be parsed") }
        HTMLTreeNormalizer(document: doc).run()
        self.raw = doc
        self.kind = .html
        self.url = url
        self.sourceEncoding = sourceEncoding
        self.encodingSource = encodingSource
    }

    /// The bytes without NUL (U+0000). libxml2 2.9 ends a tag at a NUL and drops the rest of the page (an
    /// attribute value `"a\0b"` loses everything after it); browsers ignore a NUL in text and read one in a
    /// tag as U+FFFD, so either way the page's text is the text without it. Returns the input (no copy) when
    /// it holds no NUL, which is every real page.
    static func removingNUL(_ bytes: [UInt8]) -> [UInt8] {
        // memchr, not `contains`: this reads every byte of every page.
        guard bytes.withUnsafeBufferPointer({ MarkupBytes.find(0, in: $0, from: 0) }) != nil else { return bytes }
        return bytes.filter { $0 != 0 }
    }

    private static func parseHTML(_ utf8: [UInt8], url: String?) -> xmlDocPtr? {
        guard !utf8.isEmpty else { return nil }
        return utf8.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), url, "UTF-8", htmlOptions)
            }
        }
    }

    /// Parses XML (feeds, sitemaps) safely: no entity expansion by the parser, no DTD loading, no network, no
    /// file access. Recovery is on, so feeds with small well-formedness errors still parse.
    ///
    /// References to internal entities declared in the document's own DTD are replaced by their text once,
    /// within a budget (`entityExpansionBudget`), so the tree holds only plain text nodes and an "entity bomb"
    /// cannot blow up `text` later.
    ///
    /// The encoding is decided by `Charset.decodeXML` (BOM, HTTP `charset`, XML declaration, default) and the
    /// bytes are handed to libxml2 as UTF-8 with the declaration ignored, exactly as for HTML.
    public init(xml bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws {
        Document.prepare()
        guard !bytes.isEmpty else { throw DOMError(.unparsable, "the XML document is empty") }
        guard bytes.count <= Document.maximumInputSize else {
            throw DOMError(.tooLarge, "document is \(bytes.count) bytes; the limit is \(Document.maximumInputSize)")
        }
        let decoded = Charset.decodeXML(bytes, contentType: contentType)
        // XML forbids NUL; libxml2's recovery stops at one, so it is dropped as for HTML.
        let utf8 = Document.removingNUL(decoded.utf8)
        guard !utf8.isEmpty, utf8.count <= Document.maximumInputSize else {
            throw DOMError(.unparsable, "the XML document is empty or too large after decoding")
        }
        // Deliberately absent: XML_PARSE_NOENT (expands entities), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
        // XML_PARSE_HUGE (keeps libxml2's depth and size limits).
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue
                | XML_PARSE_IGNORE_ENC.rawValue)
        let doc: xmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReadMemory(chars, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let doc, xmlDocGetRootElement(doc) != nil else {
            if let doc { xmlFreeDoc(doc) }
            throw DOMError(.unparsable, "the XML could not be parsed (no root element)")
        }
        var flattener = EntityFlattener(document: doc, budget: max(Document.entityExpansionBudget, utf8.count))
        flattener.run()
        self.raw = doc
        self.kind = .xml
        self.url = url
        self.sourceEncoding = decoded.encoding
        self.encodingSource = decoded.source
    }

    /// Most bytes of entity replacement text an XML document may add (at least its own size).
    public static let entityExpansionBudget = 1 << 20

    deinit {
        if let xpathContext { xmlXPathFreeContext(xpathContext) }
        // Detached subtrees first: freeing a node consults its document's dictionary.
        for node in detachedRoots { xmlFreeNode(node) }
        xmlFreeDoc(raw)
    }

    /// One-time libxml2 set-up, plus silencing of its error printers on the calling thread (libxml2 keeps them
    /// per thread, and Swift tasks move between threads, so every entry point calls this).
    static func prepare() {
        _ = Document.initialized
        winnow_xml_silence_errors()
    }
    private static let initialized: Void = { winnow_xml_global_setup() }()

    /// The XPath context for this document, created on first use and reused.
    func context() -> xmlXPathContextPtr? {
        if let xpathContext { return xpathContext }
        let created = xmlXPathNewContext(raw)
        xpathContext = created
        return created
    }

    /// Takes ownership of a node just unlinked from the tree; it is freed with the document. Idempotent.
    func detach(_ node: xmlNodePtr) {
        guard detachedSet.insert(node).inserted else { return }
        detachedRoots.append(node)
    }

    /// The document node itself (XPath's root node `/`), as a `Node` for queries.
    var documentNode: Node {
        Node(raw: UnsafeMutableRawPointer(raw).assumingMemoryBound(to: xmlNode.self), document: self)
    }

    // MARK: Navigation

    /// The root element (`<html>` for HTML documents).
    public var root: Node? {
        xmlDocGetRootElement(raw).map { Node(raw: $0, document: self) }
    }

    /// The `<head>` element, if the document has one.
    public var head: Node? { root?.firstChild(named: "head") }

    /// The `<body>` element, if the document has one.
    public var body: Node? { root?.firstChild(named: "body") }

    /// The text of `<title>`, whitespace-collapsed; nil when absent or empty.
    public var title: String? {
        guard let node = (head?.firstChild(named: "title") ?? firstDescendant(named: "title")) else { return nil }
        let text = node.text.collapsingWhitespace()
        return text.isEmpty ? nil : text
    }

    private func firstDescendant(named name: String) -> Node? {
        root?.descendants.first { $0.isElement && $0.name == name }
    }

    // MARK: Queries

    /// Nodes matching a compiled XPath expression. The context node is the document node (XPath's `/`), so
    /// `//p`, `/html/body` and `.//p` all work; a relative path starts with the root element's name (`html/body`).
    public func select(_ xpath: XPath) -> [Node] {
        xpath.nodes(from: documentNode)
    }

    /// Nodes matching an XPath 1.0 expression; throws `DOMError.invalidXPath` on a bad expression.
    public func select(xpath expression: String) throws -> [Node] {
        select(try XPath(expression))
    }

    /// Elements matching a CSS selector anywhere in the document (the common subset; see `CSSSelector`).
    public func select(css selector: String) throws -> [Node] {
        select(try XPath(css: selector))
    }

    // MARK: Serialization

    /// The whole document serialized as UTF-8 HTML (or XML for XML documents), without reformatting.
    ///
    /// A `<meta charset>` from the source is kept as it was, even though the output is UTF-8.
    public var serialized: String {
        switch kind {
        case .html:
            return Serializer.html(documentNode.raw, document: raw)
        case .xml:
            var buffer: UnsafeMutablePointer<xmlChar>?
            var size: Int32 = 0
            xmlDocDumpMemoryEnc(raw, &buffer, &size, "UTF-8")
            guard let buffer else { return "" }
            defer { winnow_xmlFree(buffer) }
            return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
        }
    }
}

/// Serializes nodes through a libxml2 output buffer with no encoder (so the bytes stay UTF-8) and no formatting.
enum Serializer {
    static func html(_ node: xmlNodePtr, document: xmlDocPtr?) -> String {
        guard let output = xmlAllocOutputBuffer(nil) else { return "" }
        defer { xmlOutputBufferClose(output) }
        htmlNodeDumpFormatOutput(output, document, node, nil, 0)
        return contents(of: output)
    }

    static func xml(_ node: xmlNodePtr, document: xmlDocPtr?) -> String {
        guard let output = xmlAllocOutputBuffer(nil) else { return "" }
        defer { xmlOutputBufferClose(output) }
        xmlNodeDumpOutput(output, document, node, 0, 0, nil)
        return contents(of: output)
    }

    private static func contents(of output: xmlOutputBufferPtr) -> String {
        xmlOutputBufferFlush(output)
        guard let content = xmlOutputBufferGetContent(output) else { return "" }
        let size = Int(xmlOutputBufferGetSize(output))
        return String(decoding: UnsafeBufferPointer(start: content, count: size), as: UTF8.self)
    }
}
