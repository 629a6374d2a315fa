#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the byte-level readers of markup before parsing share (`CharacterReferenceRepair`,
/// `AttributeNameRepair`, `MetaCharsetPrescan`): HTML's whitespace and letters, a byte search, and the raw-text
/// elements (`<script>`, `<style>`) whose contents are not markup, where a "<" or "&" is code.
enum MarkupBytes {
    /// HTML's ASCII whitespace: space, tab, LF, FF, CR.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// For `<script` or `<style` at `start`, the index of its end tag's "<" (or the end of input); nil when no
    /// raw-text element starts there.
    static func rawTextEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Cheap reject first: this runs at every "<" of the page.
        guard start + 1 < bytes.count, bytes[start + 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        for (open, close) in rawTextTags {
            guard matchesCaseInsensitive(bytes, at: start, open) else { continue }
            let after = start + open.count
            guard after < bytes.count else { return bytes.count }
            let next = bytes[after]
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || isSpace(next) else { continue }
            var index = after
            while let lessThan = find(UInt8(ascii: "<"), in: bytes, from: index) {
                if matchesCaseInsensitive(bytes, at: lessThan, close) { return lessThan }
                index = lessThan + 1
            }
            return bytes.count
        }
        return nil
    }

    /// The index of the first `byte` in `bytes[start..<end]` (`end` defaults to the whole buffer), or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// `<script`/`</script` and `<style`/`</style`, lowercase, as bytes.
    private static let rawTextTags: [(open: [UInt8], close: [UInt8])] = ["script", "style"].map {
        (Array("<\($0)".utf8), Array("</\($0)".utf8))
    }

    /// True when `bytes` at `start` spell `pattern` (lowercase ASCII), ignoring ASCII case.
    static func matchesCaseInsensitive(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: [UInt8]) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count {
            var byte = bytes[start + offset]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != pattern[offset] { return false }
        }
        return true
    }
}
