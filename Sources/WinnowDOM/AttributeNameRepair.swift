/// Rewrites attribute names libxml2 2.9 cannot read, before parsing, so a tag ends where a browser ends it.
///
/// Browsers take any run of bytes up to a space, `/`, `>` or `=` as an attribute name; libxml2's HTML parser
/// takes only a letter, `_`, `:` or `.` first and letters, digits, `:`, `-`, `_`, `.` after. On any other name
/// it gives up on the attribute and skips to the next space or `>`, even inside the attribute's quoted value,
/// so markup written for client frameworks (Vue's and Alpine's `@click="open = a > b"`, Angular's
/// `[class.active]`, `(click)`, `#ref`, `*ngIf`) ends its tag early and the rest of the value becomes page
/// text. Each byte libxml2 would refuse in a name becomes `_` (same length, so nothing else moves); the names
/// are never read as content, and class, id and the other attributes the extractor reads are untouched.
///
/// Comments, doctypes, end tags and `<script>`/`<style>` contents are copied unchanged.
enum AttributeNameRepair {
    /// The page with its attribute names repaired; the input itself (no copy) when every name is readable,
    /// which is most pages.
    static func repair(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            var out: [UInt8]? = nil
            var index = 0
            while let open = MarkupBytes.find(UInt8(ascii: "<"), in: buffer, from: index) {
                let next = open + 1 < buffer.count ? buffer[open + 1] : 0
                if MarkupBytes.isASCIILetter(next) {
                    if let rawEnd = MarkupBytes.rawTextEnd(buffer, from: open) {
                        // The start tag's own attributes are left alone too: `<script>` and `<style>` carry none
                        // a reader sees.
                        index = rawEnd
                        continue
                    }
                    index = startTag(buffer, from: open + 1, original: bytes, repairing: &out)
                } else if next == UInt8(ascii: "!") {
                    index = declarationEnd(buffer, from: open)
                } else {
                    index = open + 1
                }
            }
            return out ?? bytes
        }
    }

    /// Past a comment (`<!-- … -->`) or a doctype or other declaration (`<! … >`) at `start`.
    private static func declarationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        if start + 3 < count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
            var index = start + 4
            while let greaterThan = MarkupBytes.find(UInt8(ascii: ">"), in: bytes, from: index) {
                if greaterThan >= start + 6, bytes[greaterThan - 1] == UInt8(ascii: "-"),
                   bytes[greaterThan - 2] == UInt8(ascii: "-") {
                    return greaterThan + 1
                }
                index = greaterThan + 1
            }
            return count
        }
        return (MarkupBytes.find(UInt8(ascii: ">"), in: bytes, from: start + 2) ?? count) + 1
    }

    /// Reads a start tag whose name begins at `start`, repairing its attribute names into `out`; returns the
    /// index past its `>` (or the end of input).
    private static func startTag(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, original: [UInt8], repairing out: inout [UInt8]?
    ) -> Int {
        let count = bytes.count
        var index = start
        while index < count, !endsName(bytes[index]) { index += 1 }  // the tag name
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if MarkupBytes.isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            // An attribute name: up to a space, "/", ">" or "=" (a leading "=" belongs to the name).
            let nameStart = index
            index += 1
            while index < count, !endsName(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
            for position in nameStart..<index where !libxml2Accepts(bytes[position], first: position == nameStart) {
                if out == nil { out = original }
                out![position] = UInt8(ascii: "_")
            }
            while index < count, MarkupBytes.isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < count, MarkupBytes.isSpace(bytes[index]) { index += 1 }
            guard index < count else { return count }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                index = (MarkupBytes.find(quote, in: bytes, from: index + 1) ?? count) + 1
            } else {
                while index < count, !MarkupBytes.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            }
        }
        return count
    }

    /// Whether libxml2 2.9's HTML parser takes `byte` in an attribute name (`htmlParseHTMLName`).
    static func libxml2Accepts(_ byte: UInt8, first: Bool) -> Bool {
        if MarkupBytes.isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") {
            return true
        }
        return !first && ((byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-"))
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        MarkupBytes.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }
}
