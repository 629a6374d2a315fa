import WinnowDOM

/// Text a page declares in its data rather than shows (a shop's JSON-LD `Product.description`, a story's
/// `articleBody`), made into a region the extractor renders like any other (`ProductDescription`,
/// `Extractor.decide`'s last-resort fallback).
enum DeclaredText {
    /// The text as a region of its own tree, not on the page: HTML inside it is parsed (lists and paragraphs
    /// survive), plain text is split at line breaks. Nil when the text is not prose (URL-encoded, or shorter than
    /// `minChars`, by default `descriptionMinChars`). `heuristic` names the region.
    static func region(
        _ text: String, url: String?, heuristic: String,
        minChars: Int = Vocabulary.PageTypeThreshold.descriptionMinChars
    ) -> Region? {
        guard text.count >= minChars, isProse(text) else { return nil }
        let html: String
        if looksLikeHTML(text) {
            html = "<html><body><div>" + text + "</div></body></html>"
        } else {
            let lines = text.split(whereSeparator: \.isNewline).map { escape(String($0)) }
            html = "<html><body><div>" + lines.map { "<p>" + $0 + "</p>" }.joined() + "</div></body></html>"
        }
        guard let document = try? Document(html: html, url: url), let root = document.root ?? document.body else { return nil }
        var tree = PageTree(root: root)
        tree.aggregate()
        return Region(
            tree: tree, roots: [tree.bodyIndex], mode: .recall, heuristic: heuristic, onPage: false)
    }

    /// Markup, not a literal `<` in prose: a closing tag or a bare line-break, paragraph or item tag.
    static func looksLikeHTML(_ text: String) -> Bool {
        let lower = text.lowercased()
        return Vocabulary.descriptionMarkup.contains { lower.contains($0) }
    }

    /// Enough spaces to be words (URL-encoded or base64 text has none).
    static func isProse(_ text: String) -> Bool {
        var spaces = 0
        var total = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar == " " || scalar == "\n" { spaces += 1 }
        }
        return total > 0 && Double(spaces) >= Vocabulary.PageTypeThreshold.descriptionMinSpaceShare * Double(total)
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
