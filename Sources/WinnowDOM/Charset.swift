/// Where the encoding of a page was decided, in the order browsers consult the sources.
public enum EncodingSource: String, Sendable, Equatable {
    /// A byte-order mark at the start of the bytes (it overrides everything, as in browsers).
    case bom
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case http
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes (for XML: the `encoding`
    /// of the XML declaration).
    case meta
    /// Nothing usable was declared: UTF-8 when the bytes are valid UTF-8, otherwise windows-1252.
    case sniffed
}

/// The outcome of decoding a page's bytes.
public struct DecodedHTML: Sendable {
    /// The page as UTF-8, without any byte-order mark.
    public let utf8: [UInt8]
    /// The WHATWG name of the encoding the bytes were decoded from (e.g. `windows-1252`, `shift_jis`).
    public let encoding: String
    /// Which source decided the encoding.
    public let source: EncodingSource
    /// How many invalid or unmappable sequences were replaced by U+FFFD (0 for a clean page).
    public let replacements: Int
}

/// Browser-compatible charset detection and transcoding to UTF-8 for HTML.
///
/// Order (HTML standard, "encoding sniffing algorithm"): BOM, then HTTP `charset`, then the `<meta>` prescan, then
/// a default. A label the standard does not know is ignored and the next source is consulted.
public enum Charset {
    /// Finds the page's encoding and transcodes it to UTF-8. Never fails on content: undecodable bytes become
    /// U+FFFD. (`throws` is kept for API stability; no current path throws.)
    public static func decodeHTML(_ bytes: [UInt8], contentType: String?) throws -> DecodedHTML {
        let choice = detect(bytes, contentType: contentType)
        let body = bytes[(bytes.startIndex + choice.bomLength)...]
        // A page re-encoded to UTF-8 by a CMS, proxy or archiver often keeps its old `<meta charset>`. When only
        // the meta speaks for a legacy encoding and the bytes are valid UTF-8 with multi-byte sequences (which
        // legacy text almost never forms by chance), UTF-8 is what the bytes are. HTTP and BOM still win.
        if choice.source == .meta, choice.entry.decoder != .utf8, containsMultibyteUTF8(body),
            Transcoder.isValidUTF8(body)
        {
            return DecodedHTML(utf8: Array(body), encoding: "utf-8", source: .sniffed, replacements: 0)
        }
        if let output = Transcoder.decode(body, with: choice.entry.decoder) {
            return DecodedHTML(utf8: output.utf8, encoding: choice.entry.name, source: choice.source,
                               replacements: output.replacements)
        }
        // iconv on this system lacks the converter: fall back to the default sniff so text still comes out.
        let fallback = defaultEntry(for: body)
        let output = Transcoder.decode(body, with: fallback.decoder)
            ?? Transcoder.decodeUTF8(body)
        return DecodedHTML(utf8: output.utf8, encoding: fallback.name, source: .sniffed,
                           replacements: output.replacements)
    }

    /// Finds an XML document's encoding and transcodes it to UTF-8: BOM, then the HTTP `charset`, then the XML
    /// declaration's `encoding`, then UTF-8 (or windows-1252 when the bytes are not UTF-8).
    ///
    /// Labels go through the same WHATWG table as HTML, as browsers do for XML: a feed declaring ISO-8859-1 is
    /// read as windows-1252 (so its curly quotes survive), and an unknown label falls through to the default.
    public static func decodeXML(_ bytes: [UInt8], contentType: String?) -> DecodedHTML {
        let choice = detectXML(bytes, contentType: contentType)
        let body = bytes[(bytes.startIndex + choice.bomLength)...]
        if let output = Transcoder.decode(body, with: choice.entry.decoder) {
            return DecodedHTML(utf8: output.utf8, encoding: choice.entry.name, source: choice.source,
                               replacements: output.replacements)
        }
        let fallback = defaultEntry(for: body)
        let output = Transcoder.decode(body, with: fallback.decoder) ?? Transcoder.decodeUTF8(body)
        return DecodedHTML(utf8: output.utf8, encoding: fallback.name, source: .sniffed,
                           replacements: output.replacements)
    }

    /// True when the bytes hold at least one UTF-8 multi-byte lead byte followed by a continuation byte.
    static func containsMultibyteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous >= 0xC2 && previous <= 0xF4 && byte & 0xC0 == 0x80 { return true }
            previous = byte
        }
        return false
    }

    /// The WHATWG encoding name a label selects (`latin1` → `windows-1252`, `sjis` → `shift_jis`), or nil when the
    /// label is unknown.
    public static func encodingName(forLabel label: String) -> String? {
        EncodingLabels.entry(forLabel: label)?.name
    }

    /// The raw `charset` parameter of a `Content-Type` value (quotes removed), or nil when there is none.
    public static func charsetParameter(ofContentType contentType: String) -> String? {
        ContentTypeParameters.charset(in: contentType)
    }

    /// The encoding declared by a `<meta>` in the first 1024 bytes (after the standard's adjustments: a UTF-16
    /// declaration means UTF-8), or nil when there is no effective declaration.
    public static func metaDeclaredEncoding(in bytes: [UInt8]) -> String? {
        var prescan = MetaCharsetPrescan(bytes[...])
        return prescan.run()?.name
    }

    // MARK: Detection

    /// The decision before decoding.
    struct Choice {
        let entry: EncodingLabels.Entry
        let source: EncodingSource
        /// Bytes of byte-order mark to drop before decoding.
        let bomLength: Int
    }

    static func detect(_ bytes: [UInt8], contentType: String?) -> Choice {
        if let bom = byteOrderMark(bytes) { return bom }
        if let contentType, let label = ContentTypeParameters.charset(in: contentType),
           let entry = EncodingLabels.entry(forLabel: label), !isImpossibleUTF16(entry, bytes) {
            return Choice(entry: entry, source: .http, bomLength: 0)
        }
        var prescan = MetaCharsetPrescan(bytes[...])
        if let entry = prescan.run() { return Choice(entry: entry, source: .meta, bomLength: 0) }
        return Choice(entry: defaultEntry(for: bytes[...]), source: .sniffed, bomLength: 0)
    }

    static func detectXML(_ bytes: [UInt8], contentType: String?) -> Choice {
        if let bom = byteOrderMark(bytes) { return bom }
        // UTF-16 without a BOM shows itself by "<?" spread over two-byte units (XML 1.0, appendix F).
        if bytes.count >= 4, let entry = named("utf-16le"), bytes[0] == 0x3C, bytes[1] == 0, bytes[2] == 0x3F,
           bytes[3] == 0 {
            return Choice(entry: entry, source: .bom, bomLength: 0)
        }
        if bytes.count >= 4, let entry = named("utf-16be"), bytes[0] == 0, bytes[1] == 0x3C, bytes[2] == 0,
           bytes[3] == 0x3F {
            return Choice(entry: entry, source: .bom, bomLength: 0)
        }
        if let contentType, let label = ContentTypeParameters.charset(in: contentType),
           let entry = EncodingLabels.entry(forLabel: label), !isImpossibleUTF16(entry, bytes) {
            return Choice(entry: entry, source: .http, bomLength: 0)
        }
        if let label = xmlDeclarationEncoding(bytes), var entry = EncodingLabels.entry(forLabel: label) {
            // Bytes readable as ASCII cannot be UTF-16; like <meta>, such a declaration means UTF-8.
            if entry.name == "utf-16le" || entry.name == "utf-16be", let utf8 = named("utf-8") { entry = utf8 }
            return Choice(entry: entry, source: .meta, bomLength: 0)
        }
        return Choice(entry: defaultEntry(for: bytes[...]), source: .sniffed, bomLength: 0)
    }

    /// True for a UTF-16 label on bytes with no NUL in their first 1024: UTF-16 markup has a NUL in every ASCII
    /// character, so such bytes are ASCII-compatible and the label is wrong. Decoded as UTF-16 they become a page
    /// of CJK garbage; ignoring the label lets the `<meta>` or the bytes decide (as the standard does for a
    /// `<meta>` that names UTF-16).
    static func isImpossibleUTF16(_ entry: EncodingLabels.Entry, _ bytes: [UInt8]) -> Bool {
        (entry.name == "utf-16le" || entry.name == "utf-16be") && !bytes.prefix(1024).contains(0)
    }

    /// The `encoding` pseudo-attribute of a leading `<?xml ...?>` declaration, if any.
    static func xmlDeclarationEncoding(_ bytes: [UInt8]) -> String? {
        let prefix = Array("<?xml".utf8)
        guard bytes.count > prefix.count, Array(bytes[0..<prefix.count]) == prefix else { return nil }
        let limit = min(bytes.count, 512)
        guard let close = (prefix.count..<limit).first(where: { bytes[$0] == UInt8(ascii: ">") }) else { return nil }
        let declaration = String(decoding: bytes[prefix.count..<close], as: UTF8.self)
        let scalars = Array(declaration.unicodeScalars)
        guard let found = declaration.firstRange(of: "encoding") else { return nil }
        var index = declaration.unicodeScalars.distance(from: declaration.unicodeScalars.startIndex,
                                                        to: found.upperBound)
        while index < scalars.count, scalars[index].isASCIIWhitespace { index += 1 }
        guard index < scalars.count, scalars[index] == "=" else { return nil }
        index += 1
        while index < scalars.count, scalars[index].isASCIIWhitespace { index += 1 }
        guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { return nil }
        let quote = scalars[index]
        guard let end = scalars[(index + 1)...].firstIndex(of: quote) else { return nil }
        return String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> Choice? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, let entry = named("utf-8") {
            return Choice(entry: entry, source: .bom, bomLength: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF, let entry = named("utf-16be") {
            return Choice(entry: entry, source: .bom, bomLength: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE, let entry = named("utf-16le") {
            return Choice(entry: entry, source: .bom, bomLength: 2)
        }
        return nil
    }

    /// UTF-8 when the bytes are valid UTF-8 (pure ASCII included), otherwise windows-1252.
    private static func defaultEntry(for bytes: ArraySlice<UInt8>) -> EncodingLabels.Entry {
        let name = Transcoder.isValidUTF8(bytes) ? "utf-8" : "windows-1252"
        return named(name) ?? EncodingLabels.entries[0]
    }

    private static func named(_ name: String) -> EncodingLabels.Entry? { EncodingLabels.entry(named: name) }
}

/// Reads parameters of a MIME type the way the MIME Sniffing standard parses them: `;`-separated `name=value`
/// pairs, names case-insensitive, values optionally quoted with backslash escapes; the first `charset` wins.
enum ContentTypeParameters {
    static func charset(in contentType: String) -> String? {
        let scalars = Array(contentType.unicodeScalars)
        var index = 0
        // Skip the type/subtype.
        while index < scalars.count, scalars[index] != ";" { index += 1 }
        while index < scalars.count {
            index += 1  // past ";"
            while index < scalars.count, isHTTPWhitespace(scalars[index]) { index += 1 }
            var name = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != ";", scalars[index] != "=" {
                name.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            var value = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    value.append(scalars[index])
                    index += 1
                }
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    value.append(scalars[index])
                    index += 1
                }
            }
            let key = String(name).trimmingASCIIWhitespace().lowercasedASCII()
            let text = String(value).trimmingASCIIWhitespace()
            if key == "charset", !text.isEmpty { return text }
        }
        return nil
    }

    private static func isHTTPWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
