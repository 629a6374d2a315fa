import Testing
import WinnowExtract
@testable import WinnowOutput

/// The byte-level whitespace collapsing, held to the plain scalar-by-scalar definition it replaced.
@Suite struct InlineNormalizerTests {
    /// The definition: Unicode whitespace (Swift's own property) except the three non-breaking spaces.
    static func referenceIsCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace && !["\u{00A0}", "\u{2007}", "\u{202F}"].contains(scalar)
    }

    static func referenceCollapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            if referenceIsCollapsible(scalar) {
                pending = true
            } else {
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
        }
        if pending { out.append(" ") }
        return String(out)
    }

    @Test func collapsibleListMatchesUnicodeWhitespaceForEveryScalar() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if InlineNormalizer.isCollapsible(scalar) != Self.referenceIsCollapsible(scalar) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test(arguments: [
        "", " ", "plain", "  two  spaces  ", "tab\tand\nnewline\r\n", "nbsp\u{00A0}\u{00A0}kept",
        "em\u{2003}space\u{3000}ideographic", "Ünïcödé  wörds\u{0085}next", "日本語　の　文\u{2028}行",
        "emoji 😀  🎉\t", "\u{202F}narrow\u{2007}figure", "\u{1680}ogham\u{205F}math", "a\u{00AD}soft hyphen",
        "é\u{0301}  combining", " \u{2000}\u{2001}\u{200A} ", "\u{200B}zero width",
    ])
    func collapseMatchesScalarDefinition(_ text: String) {
        #expect(InlineNormalizer.collapseWhitespace(text) == Self.referenceCollapse(text))
    }

    @Test func collapseMatchesScalarDefinitionOnRandomMixes() {
        let pieces = ["a", "Z", " ", "\t", "\n", "é", "日", "😀", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{0085}",
                      "\u{202F}", "\u{2007}", "\u{2028}", "ß", "\u{1680}", "\u{205F}", "x\u{0301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(InlineNormalizer.collapseWhitespace(text) == Self.referenceCollapse(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    /// A random inline tree of text pieces chosen to meet at every kind of seam: whitespace of each kind,
    /// non-breaking spaces, combining marks after a space, line breaks, empty and nested wrappers.
    static func randomInlines(depth: Int, using generator: inout SystemRandomNumberGenerator) -> [Inline] {
        let pieces = ["a", "word", " ", "  ", "\t", "\n", " x ", "\u{00A0}", "\u{2003}", "\u{3000}", "日本", "😀", "",
                      " \u{0301}", "\u{0301}", "é", "\u{2028}", "\r\n", " end", "start "]
        return (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            let kind = Int.random(in: 0..<(depth > 0 ? 8 : 4), using: &generator)
            switch kind {
            case 0, 1: return .text(pieces.randomElement(using: &generator)!)
            case 2: return .lineBreak
            case 3: return .code(pieces.randomElement(using: &generator)!)
            case 4: return .emphasis(randomInlines(depth: depth - 1, using: &generator))
            case 5: return .strong(randomInlines(depth: depth - 1, using: &generator))
            default: return .link(href: "https://example.org/\(kind)", content: randomInlines(depth: depth - 1, using: &generator))
            }
        }
    }

    /// The one-pass plain text is the plain text of the normalised inlines, whatever the tree.
    @Test func normalizedTextIsPlainTextOfNormalize() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let inlines = Self.randomInlines(depth: 3, using: &generator)
            let slow = InlineNormalizer.plainText(InlineNormalizer.normalize(inlines))
            #expect(InlineNormalizer.normalizedText(inlines) == slow, "\(inlines)")
        }
    }

    @Test func normalizedTextCases() {
        #expect(InlineNormalizer.normalizedText([.text("  a \n"), .lineBreak, .text(" "), .lineBreak, .emphasis([.text(" b ")])]) == "a\nb")
        #expect(InlineNormalizer.normalizedText([.lineBreak, .strong([.text("x")]), .text("\u{00A0}"), .code(" y  z ")]) == "x\u{00A0} y z")
        #expect(InlineNormalizer.normalizedText([.text(" \u{0301}"), .lineBreak]) == "\u{0301}")
    }
}
