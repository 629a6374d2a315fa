/// Stage: recognises results that are only labels — what a client-rendered page's static HTML shows
/// (menu items, a slogan, "Loading…"). Returning nothing is better than returning chaff.
enum ShellCheck {
    /// True when the blocks hold fewer than `shellMaxWords` words, no paragraph has a sentence's worth of
    /// words, and the page around them is much larger (a tiny page whose whole text is tiny is not a shell).
    static func isShell(_ blocks: [Block], pageChars: Int) -> Bool {
        guard !blocks.isEmpty else { return false }
        let chars = Block.plainText(of: blocks, separator: "\n\n").utf8.count
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
