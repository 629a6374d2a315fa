/// Rewrites the character references libxml2 2.9 decodes differently from browsers, before parsing, so the text
/// an extractor sees is the text a reader saw.
///
/// - `&#150;` / `&#x93;`: numeric references to 0x80-0x9F mean windows-1252 characters in browsers (– “ ”), not C1
///   controls; `&#0;`, surrogates and values past U+10FFFF become U+FFFD, and a digitless `&#;` stays literal
///   (libxml2 drops all of these).
/// - `&nbsp` / `&copy` without the semicolon: browsers accept the legacy Latin-1 names bare; libxml2 leaves the
///   text literally. Only a bare name followed by neither a letter, a digit nor `=` is completed, so URLs such as
///   `?a=1&copy=2` are never touched.
/// - A few HTML5-only names (`&check;`, `&lbrace;`, `&ZeroWidthSpace;`, ...) that libxml2's HTML 4 table lacks.
///
/// `<script>` and `<style>` contents are copied unchanged.
enum CharacterReferenceRepair {
    /// The page with its references repaired; the input itself (no copy) when nothing needs rewriting,
    /// which is most pages. Output is built lazily, in slices between rewrites.
    static func repair(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            var out: [UInt8] = []
            var copied = 0  // bytes[..<copied] are already in `out`
            var index = 0
            // Each "&" outside `<script>` and `<style>`: the raw-text elements starting before it are skipped.
            while let ampersand = MarkupBytes.find(UInt8(ascii: "&"), in: buffer, from: index) {
                if let rawEnd = rawTextEnd(around: ampersand, in: buffer, from: index) {
                    index = rawEnd
                    continue
                }
                guard let rewrite = numericReference(bytes, at: ampersand) ?? namedReference(bytes, at: ampersand) else {
                    index = ampersand + 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: bytes[copied..<ampersand])
                out.append(contentsOf: rewrite.replacement)
                index = rewrite.end
                copied = index
            }
            guard copied > 0 else { return bytes }
            out.append(contentsOf: bytes[copied...])
            return out
        }
    }

    /// The end of a `<script>` or `<style>` element that starts in `bytes[start..<position]` and runs past
    /// `position`, or nil when `position` is not inside one.
    private static func rawTextEnd(around position: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while let lessThan = MarkupBytes.find(UInt8(ascii: "<"), in: bytes, from: index, to: position) {
            if let end = MarkupBytes.rawTextEnd(bytes, from: lessThan) {
                if end > position { return end }
                index = end
            } else {
                index = lessThan + 1
            }
        }
        return nil
    }

    /// A rewritten reference and where the original ended.
    private struct Rewrite {
        let replacement: [UInt8]
        let end: Int
    }

    // MARK: Numeric

    private static func numericReference(_ bytes: [UInt8], at start: Int) -> Rewrite? {
        var index = start + 1
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        var hex = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            hex = true
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.count, let digit = digitValue(bytes[index], hex: hex) {
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)  // saturate past the Unicode range
            digits += 1
            index += 1
        }
        guard digits > 0 else {
            // "&#;" is literal text in browsers; libxml2 would drop it, so escape the ampersand.
            let literal = hex ? "&amp;#\(UnicodeScalar(bytes[index - 1]))" : "&amp;#"
            return Rewrite(replacement: Array(literal.utf8), end: index)
        }
        let hasSemicolon = index < bytes.count && bytes[index] == UInt8(ascii: ";")
        if hasSemicolon { index += 1 }
        let target: UInt32
        if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) {
            target = 0xFFFD
        } else if (0x80...0x9F).contains(value) {
            target = windows1252[Int(value - 0x80)]
        } else if hasSemicolon {
            return nil  // libxml2 gets this one right; leave the source as it is
        } else {
            target = value
        }
        return Rewrite(replacement: Array("&#\(target);".utf8), end: index)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Code points for references to 0x80-0x9F (the windows-1252 interpretation browsers apply).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    // MARK: Named

    private static func namedReference(_ bytes: [UInt8], at start: Int) -> Rewrite? {
        var index = start + 1
        while index < bytes.count, index - start <= 32, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > start + 1 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";"), isCommonName(bytes[(start + 1)..<index]) {
            return nil  // &amp; &lt; &gt; &quot; &nbsp; are by far the most frequent and libxml2 decodes them
        }
        let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            guard let scalars = html5Only[name] else { return nil }
            let replacement = scalars.map { "&#\($0);" }.joined()
            return Rewrite(replacement: Array(replacement.utf8), end: index + 1)
        }
        // Bare legacy name: only when nothing name-like or "=" follows.
        guard legacyBare.contains(name) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "=") { return nil }
        return Rewrite(replacement: Array("&\(name);".utf8), end: index)
    }

    private static func isCommonName(_ name: ArraySlice<UInt8>) -> Bool {
        switch name.count {
        case 2: return name.elementsEqual("lt".utf8) || name.elementsEqual("gt".utf8)
        case 3: return name.elementsEqual("amp".utf8)
        case 4: return name.elementsEqual("quot".utf8) || name.elementsEqual("nbsp".utf8)
        default: return false
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The names browsers decode without a semicolon (the HTML 4 Latin-1 set plus the markup escapes).
    static let legacyBare: Set<String> = [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
        "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
        "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
        "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
        "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
        "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
        "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
        "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
        "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ]

    /// HTML5 names absent from libxml2's HTML 4 table that turn up in real pages, with their code points.
    static let html5Only: [String: [UInt32]] = [
        "AMP": [0x26], "LT": [0x3C], "GT": [0x3E], "QUOT": [0x22], "COPY": [0xA9], "REG": [0xAE],
        "Tab": [0x09], "NewLine": [0x0A], "excl": [0x21], "num": [0x23], "dollar": [0x24], "percnt": [0x25],
        "lpar": [0x28], "rpar": [0x29], "ast": [0x2A], "midast": [0x2A], "plus": [0x2B], "comma": [0x2C],
        "period": [0x2E], "sol": [0x2F], "colon": [0x3A], "semi": [0x3B], "equals": [0x3D], "quest": [0x3F],
        "commat": [0x40], "lsqb": [0x5B], "lbrack": [0x5B], "bsol": [0x5C], "rsqb": [0x5D], "rbrack": [0x5D],
        "Hat": [0x5E], "lowbar": [0x5F], "UnderBar": [0x5F], "grave": [0x60], "lcub": [0x7B], "lbrace": [0x7B],
        "verbar": [0x7C], "vert": [0x7C], "VerticalLine": [0x7C], "rcub": [0x7D], "rbrace": [0x7D],
        "NonBreakingSpace": [0xA0], "centerdot": [0xB7], "half": [0xBD], "hyphen": [0x2010], "dash": [0x2010],
        "horbar": [0x2015], "Vert": [0x2016], "nldr": [0x2025], "ZeroWidthSpace": [0x200B],
        "NegativeVeryThinSpace": [0x200B], "hairsp": [0x200A], "ThinSpace": [0x2009], "MediumSpace": [0x205F],
        "NoBreak": [0x2060], "dot": [0x2D9], "star": [0x2606], "starf": [0x2605], "bigstar": [0x2605],
        "check": [0x2713], "checkmark": [0x2713], "cross": [0x2717], "phone": [0x260E], "female": [0x2640],
        "male": [0x2642], "sharp": [0x266F], "flat": [0x266D], "natural": [0x266E], "copysr": [0x2117],
        "incare": [0x2105], "numero": [0x2116], "trade": [0x2122], "TRADE": [0x2122], "bullet": [0x2022],
        "mldr": [0x2026], "lsquor": [0x201A], "ldquor": [0x201E], "apos": [0x27],
    ]
}
