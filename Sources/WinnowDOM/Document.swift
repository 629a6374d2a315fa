import CLibXML2

/// A parsed HTML or XML document. It owns the libxml2 tree and frees it when the last reference goes.
///
/// Every `Node` holds a strong reference to its document, so a node can never outlive its tree.
/// A document is not `Sendable`: parse, query and discard it on one task.
public final class Document {
    /// Which parser built the tree.
    public enum Kind: Sendable { case html, xml }

    let raw: xmlDocPtr
    /// Which parser built the tree.
    public let kind: Kind
    /// The URL the document was fetched from, if known; relative links resolve against it.
    public let url: String?
    /// The character encoding the source bytes were decoded from (a WHATWG label such as `windows-1252`).
    public let sourceEncoding: String
    private var xpathContext: xmlXPathContextPtr?

    /// Largest input accepted (libxml2 refuses more than 1 GB anyway; real pages are far below this).
    public static let maximumInputSize = 256 * 1024 * 1024

    /// Parses HTML from raw bytes, decoding them the way browsers do: the HTTP `Content-Type` charset,
    /// then a byte-order mark, then `<meta charset>` / `http-equiv`, then a default.
    ///
    /// libxml2 runs with recovery on and network access off, so any byte sequence yields a tree.
    public convenience init(html bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws {
        let decoded = try Charset.decodeHTML(bytes, contentType: contentType)
        try self.init(htmlUTF8: decoded.utf8, url: url, sourceEncoding: decoded.encoding)
    }

    /// Parses HTML from a Swift string (already Unicode, so no charset sniffing is needed).
    public convenience init(html string: String, url: String? = nil) throws {
        try self.init(htmlUTF8: Array(string.utf8), url: url, sourceEncoding: "utf-8")
    }

    init(htmlUTF8 utf8: [UInt8], url: String?, sourceEncoding: String) throws {
        Document.prepare()
        guard utf8.count <= Document.maximumInputSize else {
            throw DOMError(.tooLarge, "document is \(utf8.count) bytes; the limit is \(Document.maximumInputSize)")
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        // An empty buffer makes libxml2 return NULL; parse a blank document instead so callers always get a tree.
        let input = utf8.isEmpty ? Array("<html></html>".utf8) : utf8
        let doc: xmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let doc else { throw DOMError(.unparsable, "the HTML could not be parsed") }
        self.raw = doc
        self.kind = .html
        self.url = url
        self.sourceEncoding = sourceEncoding
    }

    /// Parses XML (feeds, sitemaps) safely: no entity expansion, no DTD loading, no network.
    /// Recovery is on, so feeds with small well-formedness errors still parse.
    public init(xml bytes: [UInt8], url: String? = nil) throws {
        Document.prepare()
        guard !bytes.isEmpty else { throw DOMError(.unparsable, "the XML document is empty") }
        guard bytes.count <= Document.maximumInputSize else {
            throw DOMError(.tooLarge, "document is \(bytes.count) bytes; the limit is \(Document.maximumInputSize)")
        }
        // Deliberately absent: XML_PARSE_NOENT (expands entities), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR.
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlReadMemory(chars, Int32(buffer.count), url, nil, options)
            }
        }
        guard let doc, xmlDocGetRootElement(doc) != nil else {
            if let doc { xmlFreeDoc(doc) }
            throw DOMError(.unparsable, "the XML could not be parsed (no root element)")
        }
        self.raw = doc
        self.kind = .xml
        self.url = url
        self.sourceEncoding = doc.pointee.encoding.map { String(cString: $0).lowercased() } ?? "utf-8"
    }

    deinit {
        if let xpathContext { xmlXPathFreeContext(xpathContext) }
        xmlFreeDoc(raw)
    }

    /// One-time libxml2 set-up, plus per-thread silencing of its stderr error printer.
    static func prepare() {
        _ = Document.initialized
        winnow_xml_silence_errors()
    }
    private static let initialized: Void = { xmlInitParser() }()

    /// The XPath context for this document, created on first use and reused.
    func context() -> xmlXPathContextPtr {
        if let xpathContext { return xpathContext }
        let created = xmlXPathNewContext(raw)!
        xpathContext = created
        return created
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

    /// Nodes matching a compiled XPath expression, evaluated from the document root.
    public func select(_ xpath: XPath) -> [Node] {
        root.map { xpath.nodes(from: $0) } ?? []
    }

    /// Nodes matching an XPath 1.0 expression; throws `DOMError.invalidXPath` on a bad expression.
    public func select(xpath expression: String) throws -> [Node] {
        select(try XPath(expression))
    }

    /// Nodes matching a CSS selector (the common subset; see `CSSSelector`).
    public func select(css selector: String) throws -> [Node] {
        select(try XPath(css: selector))
    }

    // MARK: Serialization

    /// The whole document serialized as HTML (or XML for XML documents).
    public var serialized: String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        switch kind {
        case .html: htmlDocDumpMemory(raw, &buffer, &size)
        case .xml: xmlDocDumpMemory(raw, &buffer, &size)
        }
        guard let buffer else { return "" }
        defer { winnow_xmlFree(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }
}
