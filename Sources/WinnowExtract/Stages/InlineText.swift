import Foundation

/// Whitespace handling for inline content: HTML collapses runs of whitespace to one space and a block's
/// edges are trimmed; `<pre>` keeps its text verbatim.
enum InlineText {
    /// Whitespace runs (including no-break spaces) become one space; a leading/trailing run stays one space,
    /// so words in neighbouring text nodes stay apart.
    static func collapse(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { collapse(bytes: $0) }
    }

    /// `collapse` on UTF-8 bytes: ASCII whitespace, no-break space (C2 A0), the U+2000–U+200B spaces,
    /// U+202F, U+205F and U+3000 count as whitespace.
    static func collapse(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the String's storage: the output is never longer than the input.
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var length = 0
            var inSpace = false
            var k = 0
            let n = bytes.count
            while k < n {
                // Eight printable ASCII bytes or spaces with no run of spaces to collapse are copied as they are.
                if k + 8 <= n, let base = bytes.baseAddress, let word = ASCIIWord(base, at: k),
                   !word.hasSpaceRun, !(inSpace && word.startsWithSpace), let to = out.baseAddress {
                    UnsafeMutableRawPointer(to + length).storeBytes(of: word.bits, as: UInt64.self)
                    length += 8
                    inSpace = word.endsWithSpace
                    k += 8
                    continue
                }
                let b = bytes[k]
                var width = 0
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    width = 1
                } else if b == 0xC2, k + 1 < n, bytes[k + 1] == 0xA0 {
                    width = 2
                } else if b == 0xE2, k + 2 < n, bytes[k + 1] == 0x80,
                    bytes[k + 2] <= 0x8B || bytes[k + 2] == 0xAF
                {
                    width = 3
                } else if b == 0xE2, k + 2 < n, bytes[k + 1] == 0x81, bytes[k + 2] == 0x9F {
                    width = 3
                } else if b == 0xE3, k + 2 < n, bytes[k + 1] == 0x80, bytes[k + 2] == 0x80 {
                    width = 3
                }
                if width > 0 {
                    if !inSpace {
                        out[length] = 0x20
                        length += 1
                    }
                    inSpace = true
                    k += width
                } else {
                    out[length] = b
                    length += 1
                    inSpace = false
                    k += 1
                }
            }
            return length
        }
    }

    /// The original scalar-based collapse (kept for non-UTF-8 callers).
    static func collapseScalars(_ text: String) -> String {
        var out = String()
        out.reserveCapacity(text.utf8.count)
        var inSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                if !inSpace { out.unicodeScalars.append(" ") }
                inSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return out
    }

    /// Code text as written: tabs kept, trailing whitespace and surrounding blank lines removed.
    static func verbatim(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return verbatimASCII(text) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            return l
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `verbatim` on the bytes of ASCII text, where every character is one byte but CR LF: lines split at a line
    /// feed not after a carriage return (CR LF is one character, no "\n"), and each loses its trailing spaces,
    /// tabs and carriage returns (a line ending in CR LF ends in that character, which stays).
    static func verbatimASCII(_ text: String) -> String {
        var lines: [ArraySlice<UInt8>] = []
        let bytes = Array(text.utf8)
        var start = 0
        func endLine(at end: Int) {
            var last = end
            while last > start, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 || bytes[last - 1] == 0x0D { last -= 1 }
            lines.append(bytes[start..<last])
        }
        for k in bytes.indices where bytes[k] == 0x0A && (k == 0 || bytes[k - 1] != 0x0D) {
            endLine(at: k)
            start = k + 1
        }
        endLine(at: bytes.count)
        let first = lines.firstIndex { !$0.isEmpty } ?? lines.count
        let last = lines.lastIndex { !$0.isEmpty } ?? -1
        guard first <= last else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (k, line) in lines[first...last].enumerated() {
            if k > 0 { out.append(0x0A) }
            out.append(contentsOf: line)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Trims block edges, drops doubled spaces between neighbouring runs, merges adjacent text and removes
    /// empty wrappers and leading/trailing line breaks.
    static func normalize(_ inlines: consuming [Inline]) -> [Inline] {
        // Both trimming passes edit in place: most pieces need no change, and rebuilding every array and text
        // was most of this function's cost. Taken over from the caller (most pass a fresh array), so the first
        // edit does not copy it.
        var trimmed = consume inlines
        var spaceBefore = true
        trimLeading(&trimmed, spaceBefore: &spaceBefore)
        var spaceAfter = true
        trimTrailing(&trimmed, spaceAfter: &spaceAfter)
        var result = compact(trimmed)
        while let first = result.first, first == .lineBreak { result.removeFirst() }
        while let last = result.last, last == .lineBreak { result.removeLast() }
        return result
    }

    /// Forward pass: a space right after a space (or at the start, or after a line break) is dropped.
    private static func trimLeading(_ inlines: inout [Inline], spaceBefore: inout Bool) {
        for i in inlines.indices {
            switch inlines[i] {
            case .text(let s):
                let t = spaceBefore ? droppingLeadingSpaces(s) : Substring(s)
                if !t.isEmpty { spaceBefore = endsWithSpace(t) }
                if t.startIndex != s.startIndex { inlines[i] = .text(String(t)) }
            case .lineBreak:
                spaceBefore = true
            case .code(let s):
                spaceBefore = false
                if needsSpaceTrimming(s) { inlines[i] = .code(s.trimmingCharacters(in: .whitespaces)) }
            case .emphasis(var c):
                inlines[i] = .lineBreak  // drops the array's second reference, so `c` is edited in place
                trimLeading(&c, spaceBefore: &spaceBefore)
                inlines[i] = .emphasis(c)
            case .strong(var c):
                inlines[i] = .lineBreak
                trimLeading(&c, spaceBefore: &spaceBefore)
                inlines[i] = .strong(c)
            case .link(let href, var c):
                inlines[i] = .lineBreak
                trimLeading(&c, spaceBefore: &spaceBefore)
                inlines[i] = .link(href: href, content: c)
            }
        }
    }

    /// Backward pass: a space right before a line break or at the end is dropped.
    private static func trimTrailing(_ inlines: inout [Inline], spaceAfter: inout Bool) {
        for i in inlines.indices.reversed() {
            switch inlines[i] {
            case .text(let s):
                let t = spaceAfter ? droppingTrailingSpaces(s) : Substring(s)
                if !t.isEmpty { spaceAfter = false }
                if t.endIndex != s.endIndex { inlines[i] = .text(String(t)) }
            case .lineBreak:
                spaceAfter = true
            case .code:
                spaceAfter = false
            case .emphasis(var c):
                inlines[i] = .lineBreak
                trimTrailing(&c, spaceAfter: &spaceAfter)
                inlines[i] = .emphasis(c)
            case .strong(var c):
                inlines[i] = .lineBreak
                trimTrailing(&c, spaceAfter: &spaceAfter)
                inlines[i] = .strong(c)
            case .link(let href, var c):
                inlines[i] = .lineBreak
                trimTrailing(&c, spaceAfter: &spaceAfter)
                inlines[i] = .link(href: href, content: c)
            }
        }
    }

    // Space trimming on bytes. A space is a Character of its own unless the character next to it joins it (a
    // combining mark after it, a prepended mark before it), and those are never ASCII: when the neighbouring
    // byte is ASCII, the bytes decide; otherwise the Characters do.

    /// `s` without its leading spaces, as dropping leading `" "` Characters would leave it.
    static func droppingLeadingSpaces(_ s: String) -> Substring {
        let bytes = s.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex && bytes[index] == 0x20 { index = bytes.index(after: index) }
        if index == bytes.startIndex { return Substring(s) }
        if index == bytes.endIndex || bytes[index] < 0x80 { return s[index...] }
        var t = Substring(s)
        while t.first == " " { t = t.dropFirst() }
        return t
    }

    /// `s` without its trailing spaces, as dropping trailing `" "` Characters would leave it.
    static func droppingTrailingSpaces(_ s: String) -> Substring {
        let bytes = s.utf8
        var index = bytes.endIndex
        while index > bytes.startIndex && bytes[bytes.index(before: index)] == 0x20 { index = bytes.index(before: index) }
        if index == bytes.endIndex { return Substring(s) }
        if index == bytes.startIndex || bytes[bytes.index(before: index)] < 0x80 { return s[..<index] }
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return t
    }

    /// Whether the last Character of `t` is a space.
    static func endsWithSpace(_ t: Substring) -> Bool {
        let bytes = t.utf8
        guard let last = bytes.last else { return false }
        if last != 0x20 { return false }
        let before = bytes.index(before: bytes.endIndex)
        if before == bytes.startIndex || bytes[bytes.index(before: before)] < 0x80 { return true }
        return t.last == " "
    }

    /// False when the first and last bytes are visible ASCII: then `trimmingCharacters(in: .whitespaces)`
    /// cannot change the text.
    private static func needsSpaceTrimming(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return !(first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F)
    }

    /// Removes empty pieces, merges neighbouring text, and limits line breaks to two in a row.
    private static func compact(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var breaks = 0
        for inline in inlines {
            switch inline {
            case .text(let s):
                if s.isEmpty { continue }
                breaks = 0
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + s)
                } else {
                    out.append(inline)
                }
            case .lineBreak:
                breaks += 1
                if breaks <= Vocabulary.Threshold.maxConsecutiveLineBreaks { out.append(.lineBreak) }
            case .code(let s):
                if s.isEmpty { continue }
                breaks = 0
                out.append(inline)
            case .emphasis(let c):
                let inner = compact(c)
                if !inner.isEmpty { breaks = 0; out.append(.emphasis(inner)) }
            case .strong(let c):
                let inner = compact(c)
                if !inner.isEmpty { breaks = 0; out.append(.strong(inner)) }
            case .link(let href, let c):
                let inner = compact(c)
                if !inner.isEmpty { breaks = 0; out.append(.link(href: href, content: inner)) }
            }
        }
        return out
    }

    /// The plain text of inline content; line breaks become newlines.
    static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        append(inlines, to: &out)
        return out
    }

    private static func append(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .lineBreak: out += "\n"
            case .emphasis(let c), .strong(let c), .link(_, let c): append(c, to: &out)
            }
        }
    }
}
