import WinnowDOM

/// Product pages: the shop's JSON-LD `Product.description` is the description annotators keep, while the DOM
/// around it holds reviews, marketing panels and related products. When the DOM result is not much longer
/// than the description, the description is the better content.
enum ProductDescription {
    /// The description's rendering when it should replace `blocks`: the description has at least
    /// `descriptionMinChars` of text and `blocks` are at most `descriptionMaxRatio` times as long.
    static func preferred(over blocks: [Block], description: String, url: String?) -> Rendering? {
        let t = Vocabulary.PageTypeThreshold.self
        guard let region = self.region(description, url: url) else { return nil }
        // The shop's own text: no cleanup (its short lines are specifications, not labels).
        let described = region.render(url: url, titles: [], cleanup: false, explain: false)
        let length = Block.plainText(of: blocks, separator: "\n\n").count
        guard !described.blocks.isEmpty, described.length >= t.descriptionMinChars,
              Double(length) <= t.descriptionMaxRatio * Double(described.length) else { return nil }
        return described
    }

    /// The description as a region of its own tree: HTML inside it is parsed (lists and paragraphs survive),
    /// plain text is split at line breaks. Nil when the text is not prose (URL-encoded, too short).
    /// `heuristic` names the region (also used for a story's JSON-LD `articleBody`).
    static func region(_ description: String, url: String?, heuristic: String = "pagetype:product-description") -> Region? {
        let t = Vocabulary.PageTypeThreshold.self
        guard description.count >= t.descriptionMinChars, isProse(description) else { return nil }
        let html: String
        if looksLikeHTML(description) {
            html = "<html><body><div>" + description + "</div></body></html>"
        } else {
            let lines = description.split(whereSeparator: \.isNewline).map { escape(String($0)) }
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
