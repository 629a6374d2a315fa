extension BlockCleanup {
    /// Template filler left in the page ("Lorem ipsum dolor sit amet, consectetur adipiscing elit …" under a
    /// theme's demo heading, a card's dummy blurb, "Lorem ipsum 1"): a paragraph, heading or quote, or a list
    /// item's, that is filler (`isPlaceholder`) goes (`placeholder-text`), when the output keeps at least
    /// `placeholderKeepMinChars` characters of text that is not filler-like: a page that is nothing but filler (a
    /// theme's sample post) keeps it, there being nothing else to read. `texts` are the blocks' plain texts; both
    /// are updated when something goes.
    static func dropPlaceholders(_ output: inout BlockOutput, texts: inout [String], trace: inout Trace) {
        // Most pages: no block holds a marker's key word, and nothing is split into words.
        guard texts.contains(where: mayHoldPlaceholderMarker) else { return }
        guard otherTextChars(output, texts: texts) >= Vocabulary.Threshold.placeholderKeepMinChars else { return }
        var dropped = false
        let filtered = BlockOutput.filtered(output) { block, k in
            guard isPlaceholderCandidate(block), isPlaceholder(texts[k]) else { return false }
            trace.record(.dropped, block: texts[k], heuristic: "placeholder-text", sources: output.nodes(of: k))
            dropped = true
            return true
        } listItem: { item, nodes in
            BlockOutput.keptBlocks(of: item, nodes: nodes) { inner, innerNodes in
                guard isPlaceholderCandidate(inner) else { return true }
                let text = inner.plainText
                guard isPlaceholder(text) else { return true }
                trace.record(.dropped, block: text, heuristic: "placeholder-text", sources: innerNodes)
                dropped = true
                return false
            }
        }
        guard dropped else { return }
        output = filtered
        texts = output.blocks.map(\.plainText)
    }

    /// The characters of the output's text that is not filler-like (`PlaceholderWords.isFillerLike`), counted
    /// per block and, in a list, per item block; it stops counting at `placeholderKeepMinChars`.
    static func otherTextChars(_ output: BlockOutput, texts: [String]) -> Int {
        let enough = Vocabulary.Threshold.placeholderKeepMinChars
        var chars = 0
        for (k, block) in output.blocks.enumerated() where chars < enough {
            if case .list(_, let items) = block {
                for item in items {
                    for inner in item {
                        let text = inner.plainText
                        if !PlaceholderWords(text).isFillerLike { chars += text.count }
                    }
                }
            } else if !PlaceholderWords(texts[k]).isFillerLike {
                chars += texts[k].count
            }
        }
        return chars
    }

    /// The blocks filler can be: prose (a paragraph, a heading, a quote), not a table, code or a picture.
    static func isPlaceholderCandidate(_ block: Block) -> Bool {
        switch block {
        case .paragraph, .heading, .quote: return true
        default: return false
        }
    }

    /// Template filler: its words are mostly `Vocabulary.placeholderWords` (at least `placeholderMinWordShare`;
    /// numbers aside, so "Lorem ipsum 2" counts) and it holds a run of `Vocabulary.placeholderMarkers` ("lorem
    /// ipsum", "dolor sit amet"). A sentence about the filler ("Designers use lorem ipsum as dummy text") is
    /// English, and Latin prose seldom holds the marker runs.
    static func isPlaceholder(_ text: String) -> Bool {
        guard mayHoldPlaceholderMarker(text) else { return false }
        let words = PlaceholderWords(text)
        return words.hasMarker && words.isFillerLike
    }

    /// A cheap test before splitting into words: the text holds "ipsum" or "amet" in any ASCII case (every
    /// marker run has one of them), found in one pass.
    static func mayHoldPlaceholderMarker(_ text: String) -> Bool {
        placeholderScreen.matches(text)
    }

    static let placeholderScreen = FragmentScreen(["ipsum", "amet"])
}

/// A text's words as template filler reads them: how many there are, how many are
/// `Vocabulary.placeholderWords`, and whether a run of `Vocabulary.placeholderMarkers` is among them.
struct PlaceholderWords {
    var words = 0
    var fillerWords = 0
    var hasMarker = false

    /// The longest marker run, in words: how many of the last words are kept to find one.
    static let markerMaxWords = Vocabulary.placeholderMarkers.map(\.count).max() ?? 0

    init(_ text: String) {
        let tokens = text.lowercased().split { !$0.isLetter }
        words = tokens.count
        var previous: [Substring] = []
        for token in tokens {
            if Vocabulary.placeholderWords.contains(String(token)) { fillerWords += 1 }
            previous.append(token)
            if !hasMarker {
                hasMarker = Vocabulary.placeholderMarkers.contains { marker in
                    previous.count >= marker.count && zip(previous.suffix(marker.count), marker).allSatisfy { $0 == $1 }
                }
            }
            if previous.count > Self.markerMaxWords { previous.removeFirst() }
        }
    }

    /// At least `placeholderMinWordShare` of the words (and at least one) are filler words.
    var isFillerLike: Bool {
        words > 0 && Double(fillerWords) >= Vocabulary.Threshold.placeholderMinWordShare * Double(words)
    }
}
