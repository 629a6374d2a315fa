import CLibXML2

/// One attribute of an element, seen in place inside the libxml2 tree: name and value bytes are read without
/// copying or building Strings. Only valid inside the `Node.forEachAttribute` callback that produced it.
///
/// A per-element walk that needs several attributes (class, id, role, style, hidden...) reads them all in one
/// pass over the element's short attribute list instead of one libxml2 lookup, one C-string conversion and one
/// copy per name.
public struct AttributeView {
    let raw: xmlAttrPtr
    /// The attribute's name bytes (lowercased by the HTML parser), without a terminating NUL.
    public let name: UnsafeBufferPointer<UInt8>

    init(raw: xmlAttrPtr) {
        self.raw = raw
        if let name = raw.pointee.name {
            self.name = UnsafeBufferPointer(start: name, count: shortByteLength(name))
        } else {
            self.name = UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// True when the name is exactly `literal` (compare with a lowercase literal: the HTML parser lowercases
    /// names). Same matching as `Node.attribute(_:)`, which compares names byte for byte.
    public func nameIs(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            guard expected.count == name.count else { return false }
            for offset in 0..<expected.count where expected[offset] != name[offset] { return false }
            return true
        }
    }

    /// Calls `body` with the value's UTF-8 bytes — the same bytes `Node.attribute(_:)` turns into a String —
    /// or with nil where that method returns nil. Values libxml2 keeps as one text node (always, for parsed
    /// HTML) are read in place; anything else is assembled by libxml2 first.
    public func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        guard let first = raw.pointee.children else {
            // libxml2 reports a valueless attribute (`<div hidden>`) as the empty string.
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        if first.pointee.next == nil && (first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE) {
            guard let content = first.pointee.content else { return try body(nil) }
            return try body(UnsafeBufferPointer(start: content, count: byteLength(content)))
        }
        guard let assembled = xmlNodeListGetString(raw.pointee.doc, first, 1) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { winnow_xmlFree(assembled) }
        return try body(UnsafeBufferPointer(start: assembled, count: byteLength(assembled)))
    }

    /// The value as `Node.attribute(_:)` would return it (invalid UTF-8 repaired the same way).
    public var value: String? {
        withValueBytes { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }
}

extension Node {
    /// Calls `body` for each attribute of an element in source order, with zero-copy views of name and value;
    /// `body` returns false to stop early. Does nothing for non-elements.
    ///
    /// Reads only the attributes written on the element (for HTML documents that is all there are; an XML
    /// document's DTD defaults, which `attribute(_:)` also reports, are not visited).
    public func forEachAttribute(_ body: (AttributeView) throws -> Bool) rethrows {
        guard raw.pointee.type == XML_ELEMENT_NODE else { return }
        var cursor = raw.pointee.properties
        while let attr = cursor {
            cursor = attr.pointee.next
            if try !body(AttributeView(raw: attr)) { return }
        }
    }
}

extension Node {
    /// The first attribute written on this element whose name is `name`, found by walking the property list
    /// in Swift (no C-string conversion of `name`); nil when there is none or this is not an element.
    func writtenAttribute(_ name: String) -> xmlAttrPtr? {
        guard raw.pointee.type == XML_ELEMENT_NODE, raw.pointee.properties != nil else { return nil }
        var name = name
        return name.withUTF8 { wanted -> xmlAttrPtr? in
            var cursor = raw.pointee.properties
            while let attr = cursor {
                cursor = attr.pointee.next
                guard let candidate = attr.pointee.name else { continue }
                // Never step over the candidate's terminator: a NUL inside `name` would otherwise match it and
                // the walk would read past the end of libxml2's copy of the name.
                var offset = 0
                while offset < wanted.count && candidate[offset] != 0 && candidate[offset] == wanted[offset] {
                    offset += 1
                }
                if offset == wanted.count && candidate[offset] == 0 { return attr }
            }
            return nil
        }
    }
}
