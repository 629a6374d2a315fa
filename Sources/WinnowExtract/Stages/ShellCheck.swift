/// Stage: recognises results that are only labels — what a client-rendered page's static HTML shows
/// (menu items, a slogan, "Loading…"). Returning nothing is better than returning chaff.
enum ShellCheck {
    /// True when the blocks hold fewer than `shellMaxWords` words, no paragraph has a sentence's worth of
    /// words, and the page around them is much larger (a tiny page whose whole text is tiny is not a shell).
    static func isShell(_ blocks: [Block], pageChars: Int) -> Bool {
        isShell(blocks, text: BlocksText(blocks), pageChars: pageChars)
    }

    /// `isShell` with the blocks' text already built (`Rendering.text`).
    static func isShell(_ blocks: [Block], text: BlocksText, pageChars: Int) -> Bool {
        guard !blocks.isEmpty else { return false }
        let chars = text.text.utf8.count
        guard chars * Vocabulary.Threshold.shellPageRatio < pageChars else { return false }
        var total = 0
        for block in blocks {
            let words = wordCount(block.plainText)
            total += words
            if total >= Vocabulary.Threshold.shellMaxWords { return false }
            if case .paragraph = block, words >= Vocabulary.Threshold.sentenceMinWords { return false }
        }
        return true
    }

    /// True when the blocks are only labels — under `labelShellMaxWords` words with no line (paragraph,
    /// heading, list item, cell) of a sentence's length other than a list of names — and the page holds `labelShellPageRatio` times their
    /// text: a footer's link columns or a category menu left over when the page's content never rendered.
    static func isLabelShell(_ blocks: [Block], pageChars: Int) -> Bool {
        isLabelShell(blocks, text: BlocksText(blocks), pageChars: pageChars)
    }

    /// `isLabelShell` with the blocks' text already built (`Rendering.text`). The lines are the same whether
    /// blocks are joined by one newline or a blank line (empty lines are skipped); the size is measured as one.
    static func isLabelShell(_ blocks: [Block], text: BlocksText, pageChars: Int) -> Bool {
        guard !blocks.isEmpty else { return false }
        guard text.singleSpacedBytes * Vocabulary.PageTypeThreshold.labelShellPageRatio < pageChars else { return false }
        var total = 0
        // Line by line as `split(whereSeparator: \.isNewline)` cuts them (empty lines skipped), but lazily: most
        // texts fail within their first lines, and splitting a whole story first walked all of its Characters.
        var rest = Substring(text.text)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if line.isEmpty { continue }
            let words = wordCount(String(line))
            total += words
            if total >= Vocabulary.PageTypeThreshold.labelShellMaxWords { return false }
            if words >= Vocabulary.Threshold.sentenceMinWords && !isLabelList(String(line)) { return false }
        }
        return true
    }

    /// A line of short names joined by commas or bars ("Blog, Video, Wiki, Help"): labels, not a sentence.
    static func isLabelList(_ line: String) -> Bool {
        let parts = line.split(whereSeparator: { Vocabulary.labelListSeparators.contains($0) })
        guard parts.count >= Vocabulary.PageTypeThreshold.labelListMinParts else { return false }
        return parts.allSatisfy { wordCount(String($0)) <= Vocabulary.PageTypeThreshold.labelListMaxWords }
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}
