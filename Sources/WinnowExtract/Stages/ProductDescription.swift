import WinnowDOM

/// Product pages: the shop's JSON-LD `Product.description` is the description annotators keep, while the DOM
/// around it holds reviews, marketing panels and related products. When the DOM result is not much longer
/// than the description, the description is the better content.
enum ProductDescription {
    /// The description's rendering when it should replace `blocks`: the description has at least
    /// `descriptionMinChars` of text and `blocks` are at most `descriptionMaxRatio` times as long.
    static func preferred(over blocks: [Block], description: String, url: String?) -> Rendering? {
        let t = Vocabulary.PageTypeThreshold.self
        guard let region = DeclaredText.region(description, url: url, heuristic: "pagetype:product-description") else {
            return nil
        }
        // The shop's own text: no cleanup (its short lines are specifications, not labels).
        let described = region.render(url: url, titles: [], cleanup: false, explain: false)
        let length = Block.plainText(of: blocks, separator: "\n\n").count
        guard !described.blocks.isEmpty, described.length >= t.descriptionMinChars,
              Double(length) <= t.descriptionMaxRatio * Double(described.length) else { return nil }
        return described
    }
}
