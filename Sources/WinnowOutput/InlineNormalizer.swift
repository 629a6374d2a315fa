import WinnowExtract

/// Puts inline content into the one canonical shape every renderer relies on.
///
/// Extracted HTML carries source formatting whitespace everywhere ("Hello <em> world </em>\n  again"). After
/// normalising:
/// - whitespace runs are a single space (non-breaking spaces are kept: they are content);
/// - emphasis, strong, code and links never start or end with whitespace or a line break (it is moved
///   outside, where Markdown's delimiter rules need it), and empty ones are dropped;
/// - emphasis inside emphasis (and strong inside strong, link inside link) is unwrapped;
/// - there is no whitespace at the start or end of the block, or next to a line break, and line breaks
///   never come in runs or at the block's edges.
enum InlineNormalizer {
    /// Normalises the inline content of one block.
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var level = normalizeLevel(inlines, context: Context())
        trimEdges(&level)
        return level
    }

    /// The plain text of (normalised) inline content: link text without URLs, line breaks as "\n".
    static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        appendPlainText(inlines, to: &out)
        return out
    }

    /// Normalises and flattens to plain text in one step: the text of `plainText(normalize(inlines))` (a test
    /// holds them equal), made in one pass over the bytes with no normalised inlines in between. Without
    /// wrappers, normalising is only this: whitespace runs become one space, whitespace next to a line break
    /// goes, runs of line breaks become one, and nothing is left at the block's edges. (The plain-text renderer
    /// makes every block's text here; building the normalised tree first cost the batch command 4% of its time.)
    static func normalizedText(_ inlines: [Inline]) -> String {
        var flat = FlatText()
        flat.append(inlines)
        return flat.finish()
    }

    /// The one-pass plain text of `normalizedText`: separators are held back until text follows them, so none
    /// is ever written at an edge.
    private struct FlatText {
        private var bytes: [UInt8] = []
        private var pendingSpace = false
        private var pendingBreak = false

        mutating func append(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let text), .code(let text): appendText(text)
                case .emphasis(let content), .strong(let content), .link(_, let content): append(content)
                case .lineBreak: pendingBreak = true
                }
            }
        }

        private mutating func appendText(_ text: String) {
            var text = text
            text.withUTF8 { input in
                // Runs of text between whitespace are copied whole.
                var index = 0
                var runStart = 0
                while index < input.count {
                    let lead = input[index]
                    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    if lead > 0x20 && lead < 0x80 || !isCollapsibleSequence(input, at: index, length: length) {
                        if index == runStart {
                            if !bytes.isEmpty && (pendingBreak || pendingSpace) { bytes.append(pendingBreak ? 0x0A : 0x20) }
                            pendingBreak = false
                            pendingSpace = false
                        }
                    } else {
                        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index])) }
                        runStart = index + length
                        pendingSpace = true
                    }
                    index += length
                }
                if runStart < input.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...])) }
            }
        }

        func finish() -> String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Collapses whitespace runs to one space, keeping non-breaking spaces. Does not trim.
    ///
    /// One pass over the UTF-8 bytes, writing straight into the result: only a scalar that may be whitespace
    /// is decoded, every other sequence is copied as it is. (Appending scalar by scalar to a
    /// `String.UnicodeScalarView` cost more than extracting a story in another language.)
    static func collapseWhitespace(_ text: String) -> String {
        var source = text
        return source.withUTF8 { input in
            guard !input.isEmpty else { return "" }
            // Collapsing only shrinks: the result never needs more bytes than the input.
            return String(unsafeUninitializedCapacity: input.count) { output in
                var written = 0
                var pending = false
                var index = 0
                while index < input.count {
                    let lead = input[index]
                    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    if isCollapsibleSequence(input, at: index, length: length) {
                        pending = true
                    } else {
                        if pending {
                            output[written] = 0x20
                            written += 1
                            pending = false
                        }
                        for offset in 0..<length { output[written + offset] = input[index + offset] }
                        written += length
                    }
                    index += length
                }
                if pending {
                    output[written] = 0x20
                    written += 1
                }
                return written
            }
        }
    }

    /// Whether the UTF-8 sequence of `length` bytes at `index` (valid: it comes from a `String`) is whitespace
    /// that formatting may collapse.
    private static func isCollapsibleSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        let lead = bytes[index]
        switch length {
        case 1: return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
        // Only U+0085 and U+00A0 (kept) are whitespace among two-byte scalars; U+1680 and U+2000-U+3000 among
        // three-byte ones (leads E1-E3); no four-byte scalar is.
        case 2: return lead == 0xC2 && isCollapsible(value: UInt32(bytes[index + 1] & 0x3F) | 0x80)
        case 3:
            guard lead >= 0xE1 && lead <= 0xE3 else { return false }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return isCollapsible(value: value)
        default: return false
        }
    }

    /// Whitespace that formatting may collapse: everything but the non-breaking spaces.
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        isCollapsible(value: scalar.value)
    }

    /// Unicode's White_Space scalars (a closed list, held to Swift's own property by a test) less the three
    /// non-breaking spaces U+00A0, U+2007 and U+202F.
    static func isCollapsible(value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x85, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000: true
        default: false
        }
    }

    private struct Context {
        var inEmphasis = false
        var inStrong = false
        var inLink = false
    }

    private static func appendPlainText(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .emphasis(let content), .strong(let content), .link(_, let content):
                appendPlainText(content, to: &out)
            case .lineBreak: out += "\n"
            }
        }
    }

    private static func normalizeLevel(_ inlines: [Inline], context: Context) -> [Inline] {
        var out = Builder()
        for inline in inlines {
            switch inline {
            case .text(let text):
                out.appendText(collapseWhitespace(text))
            case .lineBreak:
                out.append(.lineBreak)
            case .code(let code):
                let collapsed = collapseWhitespace(code)
                let trimmed = trimmingCollapsible(collapsed)
                if startsCollapsible(collapsed) { out.appendText(" ") }
                if !trimmed.isEmpty { out.append(.code(trimmed)) }
                if endsCollapsible(collapsed), !trimmed.isEmpty { out.appendText(" ") }
            case .emphasis(let content):
                if context.inEmphasis {
                    out.appendAll(normalizeLevel(content, context: context))
                } else {
                    var inner = context
                    inner.inEmphasis = true
                    wrap(normalizeLevel(content, context: inner), in: { .emphasis($0) }, into: &out)
                }
            case .strong(let content):
                if context.inStrong {
                    out.appendAll(normalizeLevel(content, context: context))
                } else {
                    var inner = context
                    inner.inStrong = true
                    wrap(normalizeLevel(content, context: inner), in: { .strong($0) }, into: &out)
                }
            case .link(let href, let content):
                if context.inLink {
                    out.appendAll(normalizeLevel(content, context: context))
                } else {
                    var inner = context
                    inner.inLink = true
                    wrap(normalizeLevel(content, context: inner), in: { .link(href: href, content: $0) }, into: &out)
                }
            }
        }
        var level = out.finish()
        tidyAroundLineBreaks(&level)
        return mergingAdjacent(level)
    }

    /// Accumulates a level's inlines, merging consecutive text (whose whitespace is already collapsed)
    /// into one buffer so that many small text nodes cost linear, not quadratic, time.
    private struct Builder {
        private var items: [Inline] = []
        private var pending = ""

        /// Appends collapsed text, keeping a single space across the seam with the text before it.
        mutating func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if startsCollapsible(text), endsCollapsible(pending) {
                pending += Substring(text.unicodeScalars.dropFirst())
            } else {
                pending += text
            }
        }

        mutating func append(_ inline: Inline) {
            flush()
            items.append(inline)
        }

        mutating func appendAll(_ inlines: [Inline]) {
            for inline in inlines {
                if case .text(let text) = inline { appendText(text) } else { append(inline) }
            }
        }

        mutating func finish() -> [Inline] {
            flush()
            return items
        }

        private mutating func flush() {
            guard !pending.isEmpty else { return }
            items.append(.text(pending))
            pending = ""
        }
    }

    /// Appends `content` wrapped by `make`, moving edge whitespace and line breaks outside the wrapper.
    private static func wrap(_ content: [Inline], in make: ([Inline]) -> Inline, into out: inout Builder) {
        var inner = content
        var leading: [Inline] = []
        var trailing: [Inline] = []
        while let first = inner.first {
            if case .lineBreak = first {
                leading.append(.lineBreak)
                inner.removeFirst()
            } else if case .text(let text) = first, startsCollapsible(text) {
                leading.append(.text(" "))
                let rest = droppingLeadingCollapsible(text)
                if rest.isEmpty { inner.removeFirst() } else { inner[0] = .text(rest) }
            } else {
                break
            }
        }
        while let last = inner.last {
            if case .lineBreak = last {
                trailing.insert(.lineBreak, at: 0)
                inner.removeLast()
            } else if case .text(let text) = last, endsCollapsible(text) {
                trailing.insert(.text(" "), at: 0)
                let rest = trimmingTrailingCollapsible(text)
                if rest.isEmpty { inner.removeLast() } else { inner[inner.count - 1] = .text(rest) }
            } else {
                break
            }
        }
        out.appendAll(leading)
        if !inner.isEmpty { out.append(make(inner)) }
        out.appendAll(trailing)
    }

    /// Merges neighbours of the same kind (`<b>a</b><b>b</b>`, split code, one link in two pieces), which
    /// Markdown could not otherwise write: `**a****b**` is not two strong spans.
    private static func mergingAdjacent(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch (out.last, inline) {
            case (.emphasis(let first)?, .emphasis(let second)):
                out[out.count - 1] = .emphasis(merged(first, second))
            case (.strong(let first)?, .strong(let second)):
                out[out.count - 1] = .strong(merged(first, second))
            case (.code(let first)?, .code(let second)):
                out[out.count - 1] = .code(first + second)
            case (.link(let href, let first)?, .link(let nextHref, let second)) where href == nextHref:
                out[out.count - 1] = .link(href: href, content: merged(first, second))
            default:
                out.append(inline)
            }
        }
        return out
    }

    private static func merged(_ first: [Inline], _ second: [Inline]) -> [Inline] {
        var out = Builder()
        out.appendAll(first)
        out.appendAll(second)
        return mergingAdjacent(out.finish())
    }

    /// Drops whitespace next to line breaks and collapses runs of line breaks.
    private static func tidyAroundLineBreaks(_ inlines: inout [Inline]) {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .lineBreak:
                if case .text(let text) = out.last {
                    let trimmed = trimmingTrailingCollapsible(text)
                    if trimmed.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(trimmed) }
                }
                if case .lineBreak = out.last { continue }
                out.append(.lineBreak)
            case .text(let text):
                var value = text
                if case .lineBreak = out.last { value = droppingLeadingCollapsible(value) }
                if !value.isEmpty { out.append(.text(value)) }
            default:
                out.append(inline)
            }
        }
        inlines = out
    }

    /// Removes whitespace and line breaks at the start and end of a block.
    private static func trimEdges(_ inlines: inout [Inline]) {
        while let first = inlines.first {
            if case .lineBreak = first {
                inlines.removeFirst()
            } else if case .text(let text) = first {
                let rest = droppingLeadingCollapsible(text)
                if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest); break }
            } else {
                break
            }
        }
        while let last = inlines.last {
            if case .lineBreak = last {
                inlines.removeLast()
            } else if case .text(let text) = last {
                let rest = trimmingTrailingCollapsible(text)
                if rest.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(rest); break }
            } else {
                break
            }
        }
    }

    static func trimmingCollapsible(_ text: String) -> String {
        trimmingTrailingCollapsible(droppingLeadingCollapsible(text))
    }

    // Edges are read scalar by scalar, as `collapseWhitespace` reads them (a space followed by a combining mark
    // is one Character, and would otherwise go whole with the mark, or not at all).

    private static func startsCollapsible(_ text: String) -> Bool {
        text.unicodeScalars.first.map(isCollapsible) ?? false
    }

    private static func endsCollapsible(_ text: String) -> Bool {
        text.unicodeScalars.last.map(isCollapsible) ?? false
    }

    private static func droppingLeadingCollapsible(_ text: String) -> String {
        String(text.unicodeScalars.drop(while: isCollapsible))
    }

    private static func trimmingTrailingCollapsible(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let last = scalars.lastIndex(where: { !isCollapsible($0) }) else { return "" }
        return String(scalars[...last])
    }
}
