import WinnowDOM

/// Visible-text readers of the scan: "By ..." lines and bare byline labels, short date texts near the headline,
/// and bounded text of marked elements.
extension PageScanner {
    /// A short text node that starts with a byline label ("By Jane Doe") is a byline; a bare label ("Written by")
    /// makes the next text node one.
    /// Whether a text is a byline label alone: `bareLabels.contains(text.lowercased().trimmedWhitespace())`,
    /// compared on bytes for ASCII text (where lowercasing and whitespace are ASCII's), so the many short texts
    /// that open with a label's letter make no Strings.
    static func isBareLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return bareLabels.contains(String(decoding: bytes, as: UTF8.self).lowercased().trimmedWhitespace())
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        guard let first = trimmed.first else { return false }  // no label is empty
        return bareLabelsByFirstByte[Int(first >= 65 && first <= 90 ? first | 0x20 : first)].contains { label in
            label.count == trimmed.count
                && zip(label, trimmed).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
        }
    }

    /// Whether the text starts with one of `bylineLabels`, ASCII letters compared case-insensitively. Only the
    /// labels starting with the text's first byte are compared (`bylineLabelsByFirstByte`).
    static func startsWithBylineLabel(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        bylineLabelLength(text) != nil
    }

    /// Whether the text starts with one of `namedBylineLabels` ("di "), ASCII letters compared case-insensitively.
    static func startsWithNamedBylineLabel(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        namedBylineLabels.contains { startsWithLabel(text, $0) }
    }

    /// Whether the text opens with two words that start with a capital ("Giulia Ranieri", "Élodie Marchal").
    static func twoCapitalisedWords(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let words = text.split(separator: 32, maxSplits: 2, omittingEmptySubsequences: true).prefix(2)
        return words.count == 2 && words.allSatisfy { isCapitalStart($0.first) }
    }

    /// A byte that starts a capitalised word: an ASCII capital, or the lead byte of a non-ASCII letter (taken as
    /// one: a name in another script has no case to test).
    static func isCapitalStart(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte >= 65 && byte <= 90) || byte >= 0xC0
    }

    /// The byte length of the byline label `text` starts with, or nil.
    static func bylineLabelLength(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = text.first else { return nil }  // no label is empty
        return bylineLabelsByFirstByte[Int(first >= 65 && first <= 90 ? first | 0x20 : first)]
            .first { startsWithLabel(text, $0) }?.count
    }

    /// Whether `text` starts with `label` (lowercase), ASCII letters of the text compared case-insensitively.
    static func startsWithLabel(_ text: UnsafeBufferPointer<UInt8>, _ label: [UInt8]) -> Bool {
        label.count <= text.count && zip(label, text).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
    }

    static func readBylineText(_ node: Node, order: Int, labelPending: inout Bool, into signals: inout PageSignals) {
        let candidate: String? = node.withOwnTextBytes { buffer in
            var start = 0
            while start < buffer.count, buffer[start] == 32 || buffer[start] == 10 || buffer[start] == 9 || buffer[start] == 13 {
                start += 1
            }
            let length = buffer.count - start
            guard length > 0 else { return nil }
            if labelPending { return length <= 80 ? String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self) : "" }
            guard length <= maximumTextBylineBytes, buffer[start] | 0x20 == 98 || buffer[start] | 0x20 == 119 || buffer[start] | 0x20 == 112
                    || buffer[start] | 0x20 == 97 || buffer[start] | 0x20 == 118 || buffer[start] | 0x20 == 115
                    || buffer[start] | 0x20 == 99 || buffer[start] | 0x20 == 121 || buffer[start] | 0x20 == 100
                    || buffer[start] >= 0xC0 else { return nil }
            let slice = UnsafeBufferPointer(rebasing: buffer[start...])
            let label = bylineLabelLength(slice)
            guard label != nil || (slice.count <= 24 && isBareLabel(slice)) else { return nil }
            if let label, startsWithNamedBylineLabel(slice), !twoCapitalisedWords(slice.dropFirst(label)) { return nil }
            // A long one carries the story's dates, and a name follows its label; a sentence that opens with "By"
            // ("By the end of this guide, …") does not.
            if slice.count > maximumNameLineBytes, let label {
                guard hasYear(slice), isCapitalStart(slice.dropFirst(label).first(where: { $0 != 32 && $0 != 58 }))
                else { return nil }
            }
            return String(decoding: slice, as: UTF8.self)
        }
        guard let candidate else { return }
        if !labelPending {
            // A link reading "By Category" is a menu entry (a credit links the name, not the "By"); a lowercase
            // "by ..." after inline markup continues a sentence ("reached <a>easily</a> by Muni").
            if let link = node.parent, link.isElement(named: "a"),
               !authorLinkFragments.contains(where: { (link.attribute("href") ?? "").utf8.containsASCIICaseInsensitive($0) }) {
                return
            }
            if candidate.first?.isLowercase ?? false, node.previousSibling != nil { return }
            // Above the headline, a "By ..." list item is a menu entry ("By Company Size", "Shop by Room").
            if signals.firstHeadingOrder == nil, isInMenu(node) { return }
        }
        if labelPending {
            labelPending = false
            guard !candidate.isEmpty else { return }
            signals.bylines.append(RankedText(rank: textBylineRank(signals), order: order, text: candidate, node: node))
            signals.textBylines += 1
            return
        }
        let trimmed = candidate.trimmedWhitespace()
        if bareLabels.contains(trimmed.lowercased()) {
            labelPending = true
        } else {
            signals.bylines.append(RankedText(rank: textBylineRank(signals), order: order, text: trimmed, node: node))
            signals.textBylines += 1
            // Like a marked byline, a "By …" line with the headline that shows a date dates the story
            // ("Par Jeanne Roux - Publié le 14/03/2026 à 08h30").
            let withHeadline = signals.firstHeadingOrder.map { order - $0 <= headlineDateWindow } ?? false
            if withHeadline, hasYear(trimmed.utf8), DateParser.parse(trimmed) != nil {
                signals.publishedDates.append(RankedText(rank: bylineDateRank, order: order, text: trimmed, node: node))
            }
        }
    }

    /// Whether a text sits in a list item or a `<nav>`, at most `menuDepth` elements up.
    static func isInMenu(_ node: Node) -> Bool {
        var cursor = node.parent
        for _ in 0..<menuDepth {
            guard let element = cursor else { return false }
            if element.isElement(named: "li") || element.isElement(named: "nav") { return true }
            cursor = element.parent
        }
        return false
    }

    /// A "By ..." text ranks as a byline below the headline, and after all marked bylines above it.
    static func textBylineRank(_ signals: PageSignals) -> Int {
        signals.firstHeadingOrder == nil ? preHeadlineTextBylineRank : textBylineRank
    }

    /// A short text (6–60 bytes) with a date in it: near the headline, it may be the visible publication date.
    static func dateText(_ node: Node) -> String? {
        // Screened on the bytes (length, a year) before any String is built: most short texts are no date.
        let text: String? = node.withOwnTextBytes { buffer in
            guard buffer.count >= 6, buffer.count <= 80, hasYear(buffer),
                  buffer.count - buffer.filter({ $0 == 32 || $0 == 10 || $0 == 9 }).count <= 60 else { return nil }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let text, DateParser.parse(text) != nil else { return nil }
        return text
    }

    /// Whether the text has a 4-digit run starting 19 or 20 (a year): a cheap screen before date parsing.
    static func hasYear<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var run = 0
        var runStart: UInt8 = 0
        for byte in bytes {
            if byte >= 48 && byte <= 57 {
                if run == 0 { runStart = byte }
                if run == 1 && !((runStart == 49 && byte == 57) || (runStart == 50 && byte == 48)) { run = 99 }
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// The text below `element` with a space where a `<br>` or block element breaks the line
    /// (`Top 10<br>Picks` reads "Top 10 Picks", not "Top 10Picks").
    /// Text in a `<script>`, `<template>` or `<svg>` below the element is not read: an icon's `<svg>` in a
    /// heading (a logo, a badge) carries its own `<title>` ("Created with Sketch."), which is no words on screen.
    static func readableText(_ element: Node) -> String {
        var bytes: [UInt8] = []
        for node in element.descendants {
            if node.isText {
                if isNeverShown(node, below: element) || PageTree.isPermalinkMark(node) { continue }
                node.withOwnTextBytes { bytes.append(contentsOf: $0) }
            } else if node.isElement(named: "br") || node.isElement(named: "div") || node.isElement(named: "p")
                        || node.isElement(named: "li") || node.isElement(named: "small") || node.isElement(named: "span") && bytes.last != 32 {
                bytes.append(32)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a text node below `element` sits in an element whose text is never shown as text.
    static func isNeverShown(_ text: Node, below element: Node) -> Bool {
        var cursor = text.parent
        while let node = cursor, node != element {
            if node.isElement(named: "script") || node.isElement(named: "template") || node.isElement(named: "svg") {
                return true
            }
            cursor = node.parent
        }
        return false
    }

    /// Whether an element sits in a pop-up: a `<dialog>`, an element declared a dialog (`role="dialog"`,
    /// `aria-modal`) or a popover, or a box whose class or id names a pop-up (`Vocabulary.popUpCategories`: a
    /// sign-up modal, a lightbox, a consent banner). A pop-up opens over the page and is never its headline.
    /// Hidden elements are not pop-ups: a carousel's other slides, a tab panel, the headline's copy for another
    /// screen size are the page's own content, shown at another moment.
    static func isInPopUp(_ element: Node) -> Bool {
        var cursor: Node? = element
        while let node = cursor, node.isElement, !node.isElement(named: "body") {
            if node.isElement(named: "dialog") { return true }
            if node.hasAttributes {
                if node.hasAttribute("popover") || node.attribute("aria-modal")?.lowercased() == "true" { return true }
                if let role = node.attribute("role")?.lowercased(), role == "dialog" || role == "alertdialog" { return true }
                if let classValue = node.attribute("class"),
                   !CategoryMatcher.categories(ofTokens: classValue).isDisjoint(with: Vocabulary.popUpCategories) {
                    return true
                }
                if let id = node.attribute("id"),
                   !CategoryMatcher.categories(ofTokens: id).isDisjoint(with: Vocabulary.popUpCategories) {
                    return true
                }
            }
            cursor = node.parent
        }
        return false
    }

    /// The text below `element` when it has at most `limit` bytes, else nil (without building the whole text).
    static func boundedText(_ element: Node, limit: Int) -> String? {
        var bytes: [UInt8] = []
        for node in element.descendants {
            if node.isElement {
                if bytes.last != 32 && !bytes.isEmpty { bytes.append(32) }
                continue
            }
            guard node.isText else { continue }
            let fits = node.withOwnTextBytes { buffer -> Bool in
                guard bytes.count + buffer.count <= limit else { return false }
                bytes.append(contentsOf: buffer)
                return true
            }
            if !fits { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
