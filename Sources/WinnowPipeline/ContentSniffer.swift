/// What a page's bytes are, decided from the declared Content-Type and the bytes themselves, so that only
/// web pages reach the extractor and anything else is refused by name ("image/png", "application/json").
///
/// It follows the WHATWG MIME Sniffing standard's shape, with choices made for a scraper:
/// - A declared HTML or XHTML type is a page, unless the bytes are plainly not text: no leading markup, and a
///   known binary signature (refused by name) or binary control bytes (refused as `application/octet-stream`).
///   Misconfigured servers label images, PDFs and gzip files `text/html`; extracted, they become garbage stories.
///   A declared XML type is a page only when its root element is
///   `<html>`; a feed or sitemap is refused (the daemon reads those, not the extractor).
/// - `text/plain` is passed through as plain text, unless its bytes are binary (refused as
///   `application/octet-stream`) or it plainly starts with markup (servers mislabel pages; read as HTML).
/// - No type (a saved file, standard input), `application/octet-stream` or an unknown type: the bytes decide.
///   Leading markup (after a byte-order mark, white space and comments) is HTML; a known binary signature
///   names its type; JSON is refused; other text with no binary bytes is plain text.
/// - Any other declared type (`text/markdown`, `application/json`, `image/*`, …) is refused with that type.
public enum ContentSniffer {
    /// The verdict for one body.
    public enum Verdict: Sendable, Equatable {
        /// An HTML (or XHTML) page: extract its story.
        case html
        /// Plain text: the story is the text itself, in paragraphs.
        case plainText
        /// Empty, or only white space.
        case empty
        /// Not a page: the media type it was declared as or sniffed to be.
        case refused(mediaType: String)
    }

    /// How many leading bytes the binary checks read (WHATWG's resource header size).
    static let headerLength = 1445

    /// Classifies `bytes`, declared as `contentType` (the HTTP header value, nil when unknown).
    public static func classify(_ bytes: [UInt8], contentType: String?) -> Verdict {
        if bytes.allSatisfy(isWhitespace) { return .empty }
        let declared = essence(of: contentType)
        switch declared {
        case nil, "unknown/unknown", "application/unknown", "*/*", "application/octet-stream":
            return sniffUnknown(bytes)
        case "text/html", "application/xhtml+xml":
            return declaredHTML(bytes)
        case "text/plain":
            if hasBinaryBytes(bytes) { return .refused(mediaType: "application/octet-stream") }
            return startsWithMarkup(bytes) ? .html : .plainText
        case let type? where isXML(type):
            return rootIsHTML(bytes) ? .html : .refused(mediaType: type)
        case let type?:
            return .refused(mediaType: type)
        }
    }

    /// A body declared as HTML: a page unless it is plainly binary. UTF-16 without a byte-order mark has NUL bytes
    /// in its markup, so the markup check also reads the leading bytes with NULs dropped.
    static func declaredHTML(_ bytes: [UInt8]) -> Verdict {
        if startsWithMarkup(bytes) || startsWithMarkup(bytes.prefix(4096).filter { $0 != 0 }) { return .html }
        if let type = signatureType(bytes) { return .refused(mediaType: type) }
        if hasBinaryBytes(bytes) { return .refused(mediaType: "application/octet-stream") }
        return .html
    }

    /// The lowercased `type/subtype` of a Content-Type value, nil when absent or malformed.
    static func essence(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        let trimmed = String(type.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
            .reversed()).lowercased()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return trimmed
    }

    static func isXML(_ type: String) -> Bool {
        type == "text/xml" || type == "application/xml" || type.hasSuffix("+xml")
    }

    // MARK: Sniffing an unknown type

    static func sniffUnknown(_ bytes: [UInt8]) -> Verdict {
        if startsWithMarkup(bytes) { return .html }
        if let type = signatureType(bytes) { return .refused(mediaType: type) }
        if hasBinaryBytes(bytes) { return .refused(mediaType: "application/octet-stream") }
        if let type = leadingXMLType(bytes) { return .refused(mediaType: type) }
        if looksLikeJSON(bytes) { return .refused(mediaType: "application/json") }
        return .plainText
    }

    /// Binary signatures, in the WHATWG order where they overlap, plus executables (refused by name).
    static func signatureType(_ bytes: [UInt8]) -> String? {
        func has(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { has(Array(text.utf8), at: offset) }
        if ascii("%PDF-") { return "application/pdf" }
        if ascii("%!PS-Adobe-") { return "application/postscript" }
        if has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if has([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if ascii("GIF87a") || ascii("GIF89a") { return "image/gif" }
        if ascii("RIFF") && ascii("WEBPVP", at: 8) { return "image/webp" }
        if ascii("RIFF") && ascii("WAVE", at: 8) { return "audio/wave" }
        if ascii("RIFF") && ascii("AVI ", at: 8) { return "video/avi" }
        if ascii("BM") && bytes.count >= 14 && bytes[6...9].allSatisfy({ $0 == 0 }) { return "image/bmp" }
        if has([0x00, 0x00, 0x01, 0x00]) || has([0x00, 0x00, 0x02, 0x00]) { return "image/x-icon" }
        if ascii("ftyp", at: 4) { return "video/mp4" }
        if has([0x1A, 0x45, 0xDF, 0xA3]) { return "video/webm" }
        if ascii("OggS") && bytes.count > 4 && bytes[4] == 0 { return "application/ogg" }
        if ascii("ID3") { return "audio/mpeg" }
        if ascii("fLaC") { return "audio/flac" }
        if ascii("MThd") && has([0, 0, 0, 6], at: 4) { return "audio/midi" }
        if ascii("wOFF") { return "font/woff" }
        if ascii("wOF2") { return "font/woff2" }
        if has([0x1F, 0x8B, 0x08]) { return "application/x-gzip" }
        if has([0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        if has([0x52, 0x61, 0x72, 0x20, 0x1A, 0x07, 0x00]) || has([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]) {
            return "application/x-rar-compressed"
        }
        if has([0x7F, 0x45, 0x4C, 0x46]) { return "application/x-executable" }
        return nil
    }

    /// WHATWG's binary data bytes (control characters other than tab, newlines, form feed, escape) in the
    /// resource header. A UTF-16 byte-order mark makes NULs ordinary, so such text is not binary.
    static func hasBinaryBytes(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        return bytes.prefix(headerLength).contains { byte in
            byte <= 0x08 || byte == 0x0B || (0x0E...0x1A).contains(byte) || (0x1C...0x1F).contains(byte)
        }
    }

    // MARK: Markup

    /// The first byte after a UTF-8/UTF-16 byte-order mark and white space; UTF-16 text is read as its
    /// ASCII subset by skipping NUL bytes, which is all the tag checks need.
    static func leadingText(_ bytes: [UInt8], limit: Int = 4096) -> [UInt8] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 } else if bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0xFF, 0xFE]) { start = 2 }
        var text: [UInt8] = []
        var index = start
        while index < bytes.count && text.count < limit {
            let byte = bytes[index]
            index += 1
            if byte == 0 && start == 2 { continue }
            if text.isEmpty && isWhitespace(byte) { continue }
            text.append(byte)
        }
        return text
    }

    /// Element names that start an HTML document or fragment; a page that opens with one of them (or with a
    /// doctype, or an XML declaration whose root is `<html>`) is markup.
    static let documentTags: Set<String> = [
        "html", "head", "body", "meta", "link", "title", "base", "script", "style", "noscript", "iframe",
        "div", "p", "a", "b", "br", "font", "table", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
        "main", "header", "footer", "nav", "aside", "span", "ul", "ol", "img", "form", "center", "template",
    ]

    /// True when the text opens (after comments) with a doctype or one of `documentTags`, or is XML whose root
    /// element is `<html>`.
    static func startsWithMarkup(_ bytes: [UInt8]) -> Bool {
        var text = leadingText(bytes)[...]
        while true {
            guard text.first == UInt8(ascii: "<") else { return false }
            if text.starts(with: Array("<!--".utf8)) {
                guard let end = firstIndex(of: Array("-->".utf8), in: text) else { return true }
                text = text[(end + 3)...].drop(while: isWhitespace)
                continue
            }
            let name = tagName(text.dropFirst())
            if name == "!doctype" {
                let rest = String(decoding: text.prefix(64), as: UTF8.self).lowercased()
                return rest.contains("html") || !rest.contains("rss") && !rest.contains("svg")
            }
            if name == "?xml" { return rootIsHTML(bytes) }
            return documentTags.contains(name)
        }
    }

    /// The XML media type of a document that starts with an XML declaration or a known XML root (for the
    /// refusal message): feeds and sitemaps name themselves.
    static func leadingXMLType(_ bytes: [UInt8]) -> String? {
        let text = leadingText(bytes)
        guard text.first == UInt8(ascii: "<") else { return nil }
        switch rootElement(text[...]) {
        case "rss", "rdf:rdf": return "application/rss+xml"
        case "feed": return "application/atom+xml"
        case "svg": return "image/svg+xml"
        case nil: return nil
        default: return tagName(text.dropFirst()) == "?xml" ? "application/xml" : nil
        }
    }

    /// True when the document's first element (past the XML declaration, doctype, comments and processing
    /// instructions) is `html`, with or without a namespace prefix.
    static func rootIsHTML(_ bytes: [UInt8]) -> Bool {
        guard let root = rootElement(leadingText(bytes)[...]) else { return false }
        return root == "html" || root.hasSuffix(":html")
    }

    /// The lowercased name of the first element, skipping declarations, doctypes, comments and PIs.
    static func rootElement(_ start: ArraySlice<UInt8>) -> String? {
        var text = start
        while let open = text.firstIndex(of: UInt8(ascii: "<")) {
            text = text[open...]
            if text.starts(with: Array("<!--".utf8)) {
                guard let end = firstIndex(of: Array("-->".utf8), in: text) else { return nil }
                text = text[(end + 3)...]
                continue
            }
            let name = tagName(text.dropFirst())
            if name.hasPrefix("?") || name.hasPrefix("!") {
                guard let end = text.firstIndex(of: UInt8(ascii: ">")) else { return nil }
                text = text[(end + 1)...]
                continue
            }
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The lowercased name at the start of `text` (up to white space, `>`, or `/`).
    static func tagName(_ text: ArraySlice<UInt8>) -> String {
        let name = text.prefix(32).prefix { byte in
            !isWhitespace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/")
        }
        return String(decoding: name, as: UTF8.self).lowercased()
    }

    /// A body that opens with `{` or `[` and reads as JSON (checked on its first line's shape only: an object
    /// key or an array value), so prose that starts with a bracket is not refused.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        let text = leadingText(bytes, limit: 256)
        guard let first = text.first else { return false }
        let rest = text.dropFirst().drop(while: isWhitespace)
        if first == UInt8(ascii: "{") {
            return rest.first == UInt8(ascii: "\"") || rest.first == UInt8(ascii: "}")
        }
        if first == UInt8(ascii: "[") {
            guard let next = rest.first else { return false }
            return "{[\"]-0123456789tfn".utf8.contains(next)
        }
        return false
    }

    static func firstIndex(of needle: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        guard text.count >= needle.count else { return nil }
        var index = text.startIndex
        while index <= text.endIndex - needle.count {
            if text[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
