import Foundation
import Testing
@testable import WinnowExtract

/// The byte paths the cleanup rules take for speed must decide exactly as the Character paths they stand in for.
@Suite struct TextScreenTests {
    /// Texts covering every branch of `normalizeBytes`: ASCII case and spacing, Latin-1 capitals (and ×, ß),
    /// no-break spaces, curly quotes and dashes, CJK punctuation, kana, ideographs, and trailing marks to trim.
    static let simpleTexts = [
        "  Related   ARTICLES: ", "Read more »", "Next story ›", "ÉCOLE ÀÖÞ × ßÿ", "It’s “QUOTED” — ok…",
        "Über\u{00A0}uns", "関連記事", "スポンサードリンク", "「タグ」、次へ。", "Tab\tand\nnewline!", "...",
        "Price: 12×3 µm", "A\u{00A0}\u{00A0}B »  › .",
    ]

    @Test(arguments: simpleTexts)
    func byteNormalizationMatchesTheUnicodePath(_ text: String) throws {
        let bytes = try #require(BlockCleanup.normalizeBytes(text))
        #expect(bytes == BlockCleanup.normalizeCharacters(text))
    }

    /// Characters with case rules or that join the one before them go the Unicode way.
    @Test(arguments: ["ΑΘΗΝΑ", "Москва", "cafe\u{0301}", "İstanbul", "a\u{200D}b", "→ next", "한국어"])
    func otherTextIsLeftToTheUnicodePath(_ text: String) {
        #expect(BlockCleanup.normalizeBytes(text) == nil)
        #expect(BlockCleanup.normalize(text) == BlockCleanup.normalizeCharacters(text))
    }

    /// Each phrase screen finds what a search for each phrase in turn finds, in every language of its list.
    @Test func phraseScreensAgreeWithPhraseBySearch() {
        let lists: [(FragmentScreen, [String])] = [
            (BlockCleanup.subscribeScreen, Vocabulary.subscribeCues),
            (BlockCleanup.rightsReservedScreen, Vocabulary.rightsReservedPhrases),
            (BlockCleanup.commentWordScreen, Vocabulary.commentWords),
            (BlockCleanup.commentPolicyScreen, Vocabulary.commentPolicyWords),
            (BlockCleanup.shareTriggerScreen, Array(Vocabulary.shareTriggerWords)),
        ]
        for (screen, phrases) in lists {
            for phrase in phrases {
                let lower = "text before " + phrase + " and after"
                #expect(screen.matches(lower), "\(phrase)")
                // One byte short of the phrase is no match, unless a shorter phrase of the list is in it.
                let cut = String(decoding: Array(phrase.utf8).dropLast(), as: UTF8.self)
                let expected = phrases.contains { ("x " + cut + " y").containsText($0) }
                #expect(screen.matches("x " + cut + " y") == expected, "\(phrase)")
            }
        }
        #expect(!BlockCleanup.subscribeScreen.matches("the council met on thursday"))
    }

    @Test func publicationDateKeysByTheirWords() {
        #expect(MetaNames.isPublicationDateKey("w-published-date"))
        #expect(MetaNames.isPublicationDateKey("page.publish_time"))
        #expect(!MetaNames.isPublicationDateKey("article:publisher"))
        #expect(!MetaNames.isPublicationDateKey("publish-date-updated"))
    }

    /// Space trimming on bytes leaves what trimming `" "` Characters leaves, including next to combining marks
    /// (a space a mark follows is no space Character) and prepended marks (U+0600 joins the space after it).
    @Test(arguments: ["", " ", "   ", "  two  ", "word", " \u{301}x ", "x \u{301}", "é  ", "  é", "\u{600} ", "a \u{600} ", "中 ", " 中"])
    func spaceTrimmingOnBytesMatchesCharacters(_ text: String) {
        var leading = Substring(text)
        while leading.first == " " { leading = leading.dropFirst() }
        var trailing = Substring(text)
        while trailing.last == " " { trailing = trailing.dropLast() }
        #expect(InlineText.droppingLeadingSpaces(text) == leading)
        #expect(InlineText.droppingTrailingSpaces(text) == trailing)
        #expect(InlineText.endsWithSpace(Substring(text)) == (text.last == " "))
    }

    /// Each start list finds the same first prefix as testing its phrases in order, for texts starting with each
    /// phrase, with each phrase cut short, and with none.
    @Test func prefixListsAgreeWithPrefixByPrefix() {
        let lists = [Vocabulary.bylineStarts, Vocabulary.tagLineLabels, Vocabulary.callToActionStarts, Vocabulary.finePrintStarts]
        for phrases in lists {
            let list = PrefixList(phrases)
            var texts = ["", "the council met", "b", "ü"]
            for phrase in phrases {
                texts.append(phrase + "jane doe")
                texts.append(String(phrase.dropLast()))
            }
            for text in texts {
                #expect(list.first(in: text) == phrases.first(where: { text.hasPrefix($0) }), "\(text)")
            }
        }
    }

    /// Counting scalars gives the Character count for text of standalone scalars: every range's ends and middle,
    /// next to each other and to ASCII; text with CR LF, combining marks or emoji sequences is counted by
    /// Characters.
    @Test func characterCountMatchesCharacters() {
        var samples: [String] = []
        for range in String.standaloneScalars {
            for value in [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound] {
                guard let scalar = Unicode.Scalar(value) else { continue }
                samples.append("a" + String(Character(scalar)) + " " + String(Character(scalar)) + String(Character(scalar)))
            }
        }
        samples.append(samples.joined())
        samples += ["line\r\nnext", "cafe\u{301}", "👩‍💻 dev", "🇫🇷", "ก่อน", "한\u{11A8}", "\u{600}1", "plain ascii"]
        for text in samples {
            #expect(text.characterCount == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Equal bytes hash equal whatever their length (the eight-byte steps and the tail), and texts one byte
    /// apart, in a step or in the tail, hash apart.
    @Test func byteHashFollowsTheBytes() {
        let base = "Posted by the editors of the weekly science column"
        for length in 0...base.utf8.count {
            let text = String(base.prefix(length))
            let copy = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(text.byteHash == copy.byteHash)
            if length > 0 {
                let changed = String(text.dropLast()) + (text.last == "x" ? "y" : "x")
                #expect(text.byteHash != changed.byteHash, "\(text)")
            }
        }
        #expect("é".byteHash != "e\u{301}".byteHash)  // bytes, not canonical equivalence
    }

    /// The name-line test gives the same answer on bytes (ASCII text) as by Characters.
    @Test func nameLineOnBytesMatchesCharacters() {
        func byCharacters(_ text: String) -> Bool {
            let t = Vocabulary.Threshold.self
            guard text.utf8.count <= 4 * t.authorNameMaxChars, text.hasCharacters(atMost: t.authorNameMaxChars),
                  let first = text.first, first.isUppercase,
                  !text.contains(where: { $0.isNumber || $0 == ":" || $0 == "?" || $0 == "!" }), !text.hasSuffix(".")
            else { return false }
            let words = text.split(separator: " ")
            return words.count >= 2 && words.count <= t.authorNameMaxWords && words.allSatisfy { $0.first?.isUppercase == true }
        }
        let samples = [
            "Ada Holliday-Bell", "Ada Holliday-Bell.", "ada Holliday", "Ada holliday", "Ada", "Ada  Moyo", " Ada Moyo",
            "Ada Moyo ", "Ada Moyo 2", "Ada: Moyo", "Ada Moyo?", "Ada Moyo!", "A B C D E", "A B C D E F",
            "Ada\r\nMoyo", "Ada Moyo\r\n", "Zoë Moyo", "Ana Ñúñez", "Ada Moyo ²", "Ада Мойо",
            String(repeating: "Ab ", count: 30), "Ada Moyo Senior Correspondent",
        ]
        let paragraph = Block.paragraph([.text("x")])
        for text in samples {
            #expect(BlockCleanup.isNameLine(paragraph, text) == byCharacters(text), "\(text)")
        }
    }
}

/// The speed paths added for bylines, names, prices and character limits decide exactly as the Character and
/// String code they stand in for.
@Suite struct SpeedPathEquivalenceTests {
    /// Texts with CR LF, combining marks, emoji sequences, prepended marks and non-ASCII letters around ASCII.
    static let mixedTexts = [
        "", "a", "plain ascii words", "line\r\nnext\r\n", "\r\n\r\n\r\n", "cafe\u{301} au lait", "👩‍💻 dev ops",
        "🇫🇷🇩🇪 flags", "ก่อน text", "한\u{11A8} mixed", "\u{600}1 2 3", "Zoë Ñúñez — 12 €", "x\u{301}\u{302}\u{303}y",
        String(repeating: "ab\r\n", count: 20), String(repeating: "e\u{301}", count: 30), String(repeating: "中文", count: 25),
        // Long enough for the eight-byte words of `hasCharacters(atMost:)`, with CR and marks inside and across them.
        String(repeating: "plain text ", count: 9), String(repeating: "abcdefg\r\n", count: 9), "0123456789abcdef\r\n" + String(repeating: "x\u{301}", count: 40),
        String(repeating: "abcdef\u{301}", count: 12), String(repeating: "a", count: 81) + "\u{301}", String(repeating: "\r", count: 90) + "abc",
    ]

    @Test(arguments: mixedTexts)
    func characterLimitMatchesCount(_ text: String) {
        for limit in [0, 1, 2, 3, 5, 8, 13, 20, 40, 60, 80] {
            #expect(text.hasCharacters(atMost: limit) == (text.count <= limit), "\(limit) \(text.debugDescription)")
        }
    }

    /// A rendering's length counted over its blocks' texts equals the count of the texts joined by blank lines
    /// (CR before the separator's LF, marks and joiners after it, emoji and jamo on both sides).
    @Test func joinedCharacterCountMatchesTheJoinedText() {
        var cases: [[String]] = [[], [""], ["a"], ["abc\r", "def"], ["x\r", "\ny"], ["\r", "\r", "\r"], ["a\r\n", "b\r"],
                                 ["e\u{301}", "\u{301}x"], ["👍", "\u{1F3FD}"], ["🇫", "🇷"], ["\u{1100}", "\u{1161}"],
                                 ["x\u{200D}", "\u{200D}y"], ["\u{600}", "1"], ["ก", "\u{E48}"], ["\n", "\n"], ["\r\n", "\r"]]
        cases += Self.mixedTexts.indices.map { [Self.mixedTexts[$0], Self.mixedTexts[(7 * $0 + 3) % Self.mixedTexts.count]] }
        cases.append(Self.mixedTexts)
        for parts in cases {
            #expect(BlocksText.characterCount(ofJoined: parts) == parts.joined(separator: "\n\n").characterCount,
                    "\(parts.debugDescription)")
            #expect(BlocksText.characterCount(ofJoined: parts) == parts.joined(separator: "\n\n").count, "\(parts.debugDescription)")
        }
    }

    /// The short-text sets answer as their `Set<String>` does, for ASCII texts (looked up by bytes) and others,
    /// and a set with a member that only decomposes to ASCII keeps String lookups.
    @Test func shortTextSetMatchesTheStringSet() {
        let sets = [BlockCleanup.tableOfContentsTitles, BlockCleanup.labelBlocks, BlockCleanup.terminatingLabels,
                    BlockCleanup.terminatingBare, BlockCleanup.teaserLabels]
        for set in sets {
            var queries = Array(set.members)
            queries += set.members.map { $0.uppercased() } + set.members.map { $0 + " " } + set.members.map { String($0.dropLast()) }
            queries += ["", " ", "comments", "related posts", "contents", "table of contents", "advertisement",
                        "caf\u{E9}", "cafe\u{301}", "\u{212A}", "k", "K", "a;b", "a\u{037E}b", String(repeating: "x", count: 300)]
            for query in queries {
                #expect(set.contains(query) == (query.utf8.count <= set.maxBytes && set.members.contains(query)), "\(query.debugDescription)")
            }
        }
        let kelvin = ShortTextSet(["\u{212A}m", "café"])
        #expect(kelvin.contains("Km") && kelvin.contains("\u{212A}m") && kelvin.contains("cafe\u{301}") && !kelvin.contains("km"))
        let accented = ShortTextSet(["café", "menu"])
        #expect(accented.contains("cafe\u{301}") && accented.contains("menu") && !accented.contains("cafe") && !accented.contains("Menu"))
        #expect("\u{212A}" == "K" && "\u{037E}" == ";" && "\u{1FEF}" == "`")
    }

    /// A vocabulary table's leading-pair screen turns away only texts that are no key: every lookup answers as
    /// the dictionary it was built from, by bytes (keys of one and many bytes, non-ASCII, shared leading pairs).
    @Test func tokenTableScreenMatchesTheDictionary() {
        var dictionary: [String: Category] = ["a": [.share], "ab": [.related], "abc": [.ads], "b": [.byline], "nav": [.navigation],
                                              "navigation": [.navigation], "zz": [.footer], "é": [.sidebar], "éa": [.comments]]
        for (k, word) in ["related", "share", "sidebar", "comment", "footer", "cookie", "author", "byline"].enumerated() {
            dictionary[word] = Category(rawValue: 1 << UInt32(k))
        }
        let table = TokenTable(dictionary)
        // The table compares bytes (a decomposed "é" is another key), so the reference is keyed by bytes too.
        let byBytes = Dictionary(uniqueKeysWithValues: dictionary.map { (Array($0.key.utf8), $0.value) })
        var queries = Array(dictionary.keys)
        queries += dictionary.keys.flatMap { [String($0.dropLast()), String($0.dropFirst()), $0 + "s", "x" + $0, $0.uppercased()] }
        queries += ["", "\u{0}", "a\u{0}", "ba", "na", "é\u{0}", "e\u{301}", "zzz", "relate", "relatedx"]
        for query in queries {
            var bytes = Array(query.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { table[UnsafeBufferPointer($0)] }
            #expect(found == byBytes[Array(query.utf8)], "\(query.debugDescription)")
        }
    }

    /// A name trimmed by indices equals the name trimmed through two reversed Character sequences.
    @Test func nameTrimMatchesReversedDrops() {
        func reference(_ name: String) -> String {
            String(name.drop { !$0.isLetter }.reversed().drop { !$0.isLetter && $0 != "." && $0 != ")" }.reversed())
        }
        var samples = ["", " ", "Jane Doe", " - Jane Doe, ", "(Jane) Doe)", "J. Doe Jr.", "123", "...", "\"Ana Ruiz\"",
                       "Zoë Ñúñez —", "e\u{301}ric", "\u{301}x", "x\u{301}", "👩‍💻 Ann 👩‍💻", "김민준 기자", "A)", ")A(", "a.b.", "—"]
        samples += Self.mixedTexts
        for name in samples { #expect(AuthorCleaner.trimmedToName(name) == reference(name), "\(name.debugDescription)") }
    }

    /// Title words keyed with the ASCII fast path equal the words keyed by scalar properties alone.
    @Test func textKeyWordsMatchScalarProperties() {
        func reference(_ text: String) -> [String] {
            var words: [String] = []
            var current = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            if !current.isEmpty { words.append(String(current)) }
            return words
        }
        var samples = ["8 Recent Trends", "It's A-OK: 2026 [Update]", "ÀÉÎ õü İstanbul ΣΑΣ", "ﬁnal straße", "x_y@z.com 10%",
                       "Ⅻ ① ٣ 中文 한국어", "`~!^*()+={}|\\;'<>?/", String((0..<128).compactMap { Unicode.Scalar($0).map(Character.init) })]
        samples += Self.mixedTexts
        for text in samples { #expect(TextKey.words(text) == reference(text), "\(text.debugDescription)") }
    }

    /// The byte paths for ASCII text answer as the Character code: code kept verbatim (CR LF is one character,
    /// never a line break of its own), two words of a headline line, a class list re-showing an element.
    @Test func asciiBytePathsMatchCharacterCode() {
        func verbatimByCharacters(_ text: String) -> String {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                var l = line
                while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
                return l
            }
            while let first = lines.first, first.isEmpty { lines.removeFirst() }
            while let last = lines.last, last.isEmpty { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
        let code = ["", "\n", "\n\n", "a", "  a  \n", "\n\n  x = 1 \t\n\ty = 2\r\n\n", "a\r\nb", "a\r\n\nb \r", "a\r\r\nb", "\r\n",
                    " \r", "a \r\n", "\t\n\t", "x\n\r\ny", "  \n  \n", "if a {\n    b()\n}\n\n\n"]
        for text in code { #expect(InlineText.verbatim(text) == verbatimByCharacters(text), "\(text.debugDescription)") }
        for text in code + Self.mixedTexts + ["Ana Ruiz", " Ana ", "Ana  Ruiz", "a b", "ab", "  ", "\u{600} x", "a \u{301}b"] {
            #expect(text.hasTwoSpaceSeparatedWords == (text.split(separator: " ").count >= 2), "\(text.debugDescription)")
        }
        func responsiveByCharacters(_ value: String) -> Bool {
            value.split(separator: " ").contains { token in
                token.contains(":") || token.hasPrefix("d-") && (token.hasSuffix("-block") || token.hasSuffix("-flex") || token.hasSuffix("-inline"))
            }
        }
        let classes = ["hidden md:block", "d-none d-lg-flex", "d-inline", "d-", "d--block", "x-d-block", "d-block-x", "a  b", "",
                       "hidden", "D-BLOCK", "d-nonex-inline", "-flex d-", "sm:\u{301}", "d-é-block", "d-block\u{301}"]
        for value in classes { #expect(PageTree.hasResponsiveShow(value) == responsiveByCharacters(value), "\(value)") }
    }

    /// A link's path read on bytes for an ASCII address equals the path read by Characters.
    @Test func linkPathOnBytesMatchesCharacters() {
        func byCharacters(_ rest: Substring) -> String {
            let end = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
            return rest[..<end].isEmpty ? "/" : String(rest[..<end])
        }
        let samples = ["", "/", "/a/b?x=1", "/a#top", "?q", "#", "/news/2026/quay-works", "/a?b#c", "/é?x", "/\u{600}?x",
                       "/a?\u{301}b", "/x\r\n?y", "/path/"]
        for text in samples {
            let rest = Substring(text)
            #expect(SiteLink.path(of: rest) == byCharacters(rest), "\(text.debugDescription)")
        }
    }

    /// The named-chrome screen passes exactly the tags the dictionary has an entry for.
    @Test func namedChromeScreenMatchesTheDictionary() {
        for raw in UInt8.min...UInt8.max {
            guard let tag = HTMLTag(rawValue: raw) else { continue }
            #expect(ChaffRemoval.namedChromeTags.contains(tag) == (Vocabulary.namedChrome[tag] != nil), "\(tag)")
        }
    }

    /// A tree's block copy holds the same entries as the tree, and flags set on it stay off the original.
    @Test func treeBlockCopyIsAnEntryForEntryCopy() throws {
        #expect(_isPOD(PageTree.Entry.self))
        let fixture = try TreeFixture("""
            <html><body><div id="story" class="entry-content"><h1>Title</h1><p>One, two <a href="/x">three</a>.</p>
            <ul><li>Item</li><li>Other</li></ul></div><nav class="menu"><a href="/">Home</a></nav><!-- note --></body></html>
            """)
        let original = fixture.tree
        var copy = original.copied()
        #expect(copy.entries.count == original.entries.count)
        for (a, b) in zip(original.entries, copy.entries) {
            #expect(a.node == b.node && a.tag == b.tag && a.parent == b.parent && a.end == b.end)
            #expect(a.firstChild == b.firstChild && a.nextSibling == b.nextSibling && a.categories == b.categories)
            #expect(a.chars == b.chars && a.linkChars == b.linkChars && a.commas == b.commas && a.proseChars == b.proseChars)
            #expect(a.hidden == b.hidden && a.removed == b.removed && a.scored == b.scored && a.score == b.score)
        }
        let story = try fixture.index(id: "story")
        copy.entries[story].removed = true
        copy.entries[story].score = 9
        #expect(!original.entries[story].removed && original.entries[story].score == 0)
        let grown = PageTree.blockCopy(original.entries, capacity: 4 * original.entries.count)
        #expect(grown.count == original.entries.count && grown.capacity >= 4 * original.entries.count)
        #expect(zip(grown, original.entries).allSatisfy { $0.node == $1.node && $0.end == $1.end && $0.ownChars == $1.ownChars })
    }

    @Test func bareLabelOnBytesMatchesTheStringTest() {
        let samples = ["By", "by:", "BY ", "Written By", "written by:\n", "Posted  by", "Author", "AUTHOR:", "About the author",
                       "By Jane", "par", "Von", "Autor", "by\u{00A0}", "Ｂy", "by\u{301}", "\u{2003}by", "words by\t"]
        for text in samples {
            var copy = text
            let onBytes = copy.withUTF8 { PageScanner.isBareLabel($0) }
            #expect(onBytes == PageScanner.bareLabels.contains(text.lowercased().trimmedWhitespace()), "\(text.debugDescription)")
        }
    }

    @Test func punctuationTrimMatchesReversedDrops() {
        for text in ["", "...", "«Jane Doe»", "Jane Doe.", "(Jane Doe),", "—Jane—", "J. R. R. Tolkien", "¡Hola!", "\"Ada\"\u{301}"] {
            let reference = String(text.drop { $0.isPunctuation }.reversed().drop { $0.isPunctuation && $0 != "." }.reversed())
            #expect(text.trimmingPunctuation() == reference, "\(text)")
        }
    }

    @Test func textKeyOfAccentedTextMatchesScalarMapping() {
        for text in ["Zoë Ñúñez", "İstanbul Times", "Straße 42", "ΑΘΗΝΑ News", "Ａｂｃ ①②", "Café—Bar", "日本 Times 2026"] {
            var reference = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                reference.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
            #expect(TextKey.make(text) == String(reference), "\(text)")
        }
    }

    @Test func priceTestMatchesCharacterProperties() {
        func reference(_ text: String) -> Bool {
            var previous: Character = " "
            for c in text {
                if previous.isNumber && Vocabulary.currencySigns.contains(c) { return true }
                if c.isNumber && Vocabulary.currencySigns.contains(previous) { return true }
                if !c.isWhitespace { previous = c }
            }
            return false
        }
        let samples = ["$19", "19 €", "€ 5", "only $ signs", "12,99 $", "£\u{301}5", "٣ $", "½$", "$ \u{00A0} 7", "¥", "no price"]
        for text in samples { #expect(CardCollection.hasPrice(text) == reference(text), "\(text)") }
    }

    @Test func dateTokenizerLetterTestMatchesScalarProperties() {
        for value in 0..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DateParser.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
        for scalar in ["ß", "Ж", "中", "\u{0301}", "\u{093E}", "٣", "①", "Ⅻ"].flatMap(\.unicodeScalars) {
            #expect(DateParser.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "\(scalar)")
        }
    }

    @Test func classMemoReadsAsTheMatchersDo() {
        var cache = PageTree.ClassifyCache()
        let values = ["entry-meta", "post-title", "nav menu", "", "entry-meta", "BYLINE", "card", "card", "x-date y",
                      "nav menu", "cookie-banner  nav", "article__body--wide", "Related-Posts card", "sidebar widget"]
        for value in values {
            var bytes = Array(value.utf8)
            let reading = bytes.withUnsafeMutableBufferPointer { cache.reading(ofClassBytes: UnsafeBufferPointer($0)) }
            #expect(reading.categories == CategoryMatcher.categories(ofTokens: value), "\(value)")
            #expect(reading.triggersScan == PageScanner.triggers.matches(value), "\(value)")
        }
    }

    @Test func bylineLabelBucketsMatchEveryLabel() {
        let samples = ["By Jane", "by:", "BY: Jane", "Written by Ann", "Posted By", "Por Ana", "Автор: Иван", "АВТОР: Иван",
                       "作者：张", "Bylaw", "b", "", "written", "Von Hans", "yazar: Ali", "\u{00A0}by"]
        for text in samples {
            var bytes = Array(text.utf8)
            let bucketed = bytes.withUnsafeMutableBufferPointer { PageScanner.startsWithBylineLabel(UnsafeBufferPointer($0)) }
            let linear = PageScanner.bylineLabels.contains { label in
                label.count <= bytes.count && zip(label, bytes).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
            }
            #expect(bucketed == linear, "\(text)")
        }
    }

    @Test func fragmentScreenMatchesAPlainSearch() {
        let fragments = ["comment", "auth", "byl", "date", "x", "é", "a-b", "€"]
        let screen = FragmentScreen(fragments)
        func reference(_ text: String) -> Bool {
            let lowered = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            return fragments.contains { fragment in
                let needle = Array(fragment.utf8)
                guard needle.count <= lowered.count else { return false }
                return (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<($0 + needle.count)]) == needle }
            }
        }
        let texts = ["", "x", "X", "ax", "xa", "COMMENTS", "commen", "Authored", "post-byline", "publish DATE", "a-b", "a_b",
                     "café", "CAFÉ", "5 €", "nothing here", "Byl", "by", "zzzzx", "comment-count", "ÉÉ", "a-", "-b"]
        for text in texts { #expect(screen.matches(text) == reference(text), "\(text)") }
        let noOneByte = FragmentScreen(["comment", "date"])
        for text in texts {
            let lowered = text.lowercased()
            #expect(noOneByte.matches(text) == (lowered.contains("comment") || lowered.contains("date")), "\(text)")
        }
    }

    @Test func readerAppealFirstByteScreenMatchesTheFullTest() {
        func reference(_ text: String) -> Bool {
            let head = text.drop { !$0.isLetter && $0 != "¿" }.prefix(BlockCleanup.readerAppealStartMaxChars).lowercased()
            return BlockCleanup.readerAppealStartList.first(in: head) != nil
        }
        var samples = ["", "…", "Zebra crossing", "quiet night", "¿Te gustó?", "1. Item", "Ärger", "Étoile"]
        samples += BlockCleanup.readerAppealStarts.map { $0 + " and more" }
        samples += BlockCleanup.readerAppealStarts.map { "— " + $0.uppercased() }
        for text in samples { #expect(BlockCleanup.isReaderAppeal(text) == reference(text), "\(text)") }
    }

    @Test func seenTextsAnswerAsASet() {
        var seen = SeenTexts()
        var reference: Set<String> = []
        for (k, text) in ["a", "b", "cafe\u{301}", "a", "café", "d"].enumerated() {
            let found = seen.contains(text)
            #expect(found == reference.contains(text), "\(k) \(text)")
            seen.insert(text)
            reference.insert(text)
            if k == 1 {
                let foundAgain = seen.contains("b")
                #expect(foundAgain)
            }
        }
    }

    @Test func agencyCutTriesOnlyAgenciesThatFit() {
        let names = ["Jane Doe", "Jane Doe Reuters", "Jane Doe Associated Press", "Jane Doe The Associated Press", "Reuters",
                     "Ann Lee Agence France-Presse", "Ann B. Lee AFP", "Kim  Lee  AP", "Jo Bloomberg News", "Jo Ro Bloomberg News",
                     "María José dpa", "A B C D E United Press International", ""]
        for name in names {
            let reference = AuthorCleaner.newsAgencies.lazy.compactMap { AuthorCleaner.withoutTrailingOutlet(name, outlet: $0) }.first
            #expect(AuthorCleaner.withoutTrailingAgency(name) == reference, "\(name)")
        }
    }

    @Test func tickerOpeningWordsOnBytesMatchCharacters() {
        let samples = ["Breaking news Breaking news Breaking news", "one, two; three four five six seven eight nine",
                       "ALL CAPS all caps", "a1 b2 c3", "", "   ", "x\r\ny", "café cafe", "cafe\u{301} x", "12 3 45 6 78",
                       "Zoë Zoë Zoë", "plain ascii then ü later words here and more", "tab\tsep-arated_words"]
        for text in samples {
            for max in [0, 2, 6] {
                guard let onBytes = BlockCleanup.asciiOpeningWords(text, max: max) else { continue }
                #expect(onBytes == BlockCleanup.openingWords(text, max: max), "\(max) \(text.debugDescription)")
            }
        }
    }

    @Test func adBreakOnBytesMatchesCharacters() {
        let samples = ["advertisement - scroll to continue", "story continues below this ad", "skip ad", "ad", "ads ads",
                       "the story continues.", "--advertisement--", "'ad' 'below'", "advertisement\r\nscroll down",
                       "article continues after this advertisement", "read more", "ad2 below", "ad_below", "sponsored content",
                       "advertisement · scroll", "- -", "", "Advertisement Below", "anzeige weiter unten", "scroll-down ad"]
        for text in samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(BlockCleanup.isASCIIAdBreak(text) == BlockCleanup.isAdBreakByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func nameLineWordCountMatchesSplit() {
        func reference(_ text: String) -> Bool {
            let t = Vocabulary.Threshold.self
            guard text.utf8.count <= 4 * t.authorNameMaxChars, text.count <= t.authorNameMaxChars,
                  let first = text.first, first.isUppercase, !text.hasSuffix("."),
                  !text.contains(where: { $0.isNumber || $0 == ":" || $0 == "?" || $0 == "!" }) else { return false }
            let words = text.split(separator: " ")
            return words.count >= 2 && words.count <= t.authorNameMaxWords && words.allSatisfy { $0.first?.isUppercase == true }
        }
        let samples = ["Jane Doe", "Jane  Doe", " Jane Doe", "Jane Doe ", "Jane doe", "Jane", "Jane Q. Public", "Jane Doe.",
                       "A B C D E F G H", "Ann Lee Kim", "Jane Doe 2", "J R R Tolkien", "Jane\tDoe", "Ada Byron King Lovelace"]
        for text in samples {
            #expect(BlockCleanup.isNameLine(.paragraph([.text(text)]), text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func byteSearchMatchesFoundationContains() {
        let hints = ["entry-date published", "post-date updated", "date modified ", "", "café modified", "modifie\u{301}d x",
                     "created\u{301}", "publishes", "no hint", "updated\u{301}"]
        for text in hints {
            for needle in ["modified", "updated", "publish", "entry-date", "post-date", "created"] {
                #expect(text.containsFoundationText(needle) == text.contains(needle), "\(needle) in \(text.debugDescription)")
            }
        }
        func reference(_ classValue: String) -> Bool {
            for token in classValue.split(separator: " ") {
                if token.contains(":") { return true }
                if token.hasPrefix("d-") && (token.hasSuffix("-block") || token.hasSuffix("-flex") || token.hasSuffix("-inline")) {
                    return true
                }
            }
            return false
        }
        for value in ["hidden md:flex", "d-none d-lg-block", "hidden", "x:\u{301} hidden", "é:a", "sm:hidden", "plain words"] {
            #expect(PageTree.hasResponsiveShow(value) == reference(value), "\(value.debugDescription)")
        }
    }

    /// Short texts around the byte screens of the paragraph rules: ASCII and not, marks after the first
    /// character, CR LF, labels, numbers and symbols first.
    static let screenTexts = [
        "By signing up, you agree to the terms", "by clicking subscribe", "W\u{301}as this forwarded", "Was this newsletter forwarded?",
        "\r\nBy signing up", "b", "", "Über uns", "5 min read", "~5 min read", "≈ 7 min", "  3 min", "Reading time: 4 min",
        "–5 min", "-5 min", "a5 min read", "5\u{301} min", "photo 3 of 8", "3 of 8", "4/9", "image 4/9", "1 2 3 4 5",
        "photo 1 of 2 more", "3  of  8", "фото 2 из 5", "Enjoyed this piece? We need your help", "Got a story? Email us",
        "got a story", "GOT A STORY? email the newsdesk today", "Gota storyline", "Got a story\u{301}", "¿Te gustó?",
    ]

    @Test(arguments: screenTexts)
    func paragraphRuleScreensMatchCharacters(_ text: String) {
        // Fine print: the first Character lowercased, as before the byte screen.
        let finePrintReference: Bool = {
            guard text.utf8.count <= Vocabulary.Threshold.finePrintMaxBytes, let first = text.first?.lowercased().first,
                  BlockCleanup.finePrintInitials.contains(first) else { return false }
            return BlockCleanup.finePrintStarts.matches(String(text.prefix(Vocabulary.Threshold.finePrintHeadChars)).lowercased())
        }()
        #expect(BlockCleanup.isFinePrint(text) == finePrintReference, "\(text.debugDescription)")
        let lower = text.lowercased()
        #expect(BlockCleanup.isReadingTime(lower) == Self.readingTimeReference(lower), "\(lower.debugDescription)")
        if lower.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(BlockCleanup.asciiTokenCount(lower) == lower.split(separator: " ").count, "\(lower.debugDescription)")
        }
        for maxChars in [0, 1, 4, 12] {
            if let head = BlockCleanup.asciiLowercasedHead(Substring(text), maxChars: maxChars) {
                #expect(head == text.prefix(maxChars).lowercased(), "\(maxChars) \(text.debugDescription)")
            }
        }
    }

    /// `isReadingTime` as it read before its first-byte screen.
    static func readingTimeReference(_ lower: String) -> Bool {
        guard let first = lower.utf8.first, lower.count <= Vocabulary.Threshold.readingTimeMaxChars else { return false }
        var rest = Substring(lower)
        var labelled = false
        if first < 0x30 || first > 0x39 {
            if let label = BlockCleanup.readingTimeLabels.first(in: lower) {
                labelled = true
                rest = rest.dropFirst(label.count).drop { $0 == " " || $0 == ":" || $0 == "：" }
            } else {
                rest = rest.drop { $0 == "~" || $0 == "≈" || $0 == " " }
            }
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "–" || $0 == "." || $0 == ",") }
        guard number.first?.isNumber == true else { return false }
        rest = rest.dropFirst(number.count).drop { $0 == " " }
        guard let unit = BlockCleanup.readingTimeUnits.first(in: String(rest)) else { return false }
        rest = rest.dropFirst(unit.count)
        if let next = rest.first, next.isLetter, unit.utf8.first.map({ $0 < 0x80 }) == true { return false }
        let word = rest.drop { $0 == " " || $0 == "." }
        if word.isEmpty { return labelled }
        return !labelled && Vocabulary.readingTimeWords.contains(String(word))
    }

    @Test func asciiSplitMatchesCharacterSplit() {
        let samples = ["march 3, 2026 · 6 min read", "a | b | c", "|a||b|", "updated: 12.05.2026 - 14:30 // by ada", "x - - y",
                       " - ", "", "a", "a\r\n| b", "a  |  b", "a // b//c", "-- a --"]
        for text in samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            for separator in Vocabulary.metaLineSeparators {
                #expect(BlockCleanup.asciiSplit(text, separator: separator) == text.split(separator: separator).map(String.init),
                        "\(separator.debugDescription) in \(text.debugDescription)")
            }
        }
    }

    @Test func styleScreenMatchesCompactedArraySearch() {
        func reference(_ style: String) -> Bool {
            var compact: [UInt8] = []
            for byte in style.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                compact.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return compact.containsBytes(PageTree.displayNone) || compact.containsBytes(PageTree.visibilityHidden)
        }
        let styles = ["display: none", "DISPLAY :\tNONE;", "color: red", "", " ", "visibility:\nhidden", "display:block;visibility : hidden",
                      "display:nonE", "displaynone", "content:'display:none'", "display:\u{00A0}none", "Ünïcode: display : none"]
        for style in styles { #expect(PageTree.styleHides(style) == reference(style), "\(style.debugDescription)") }
    }

    @Test func dateTokenizerWordsMatchScalarViewWords() {
        // The tokenizer as it built words before: in a `String.UnicodeScalarView`.
        func reference(_ text: String) -> [DateParser.Token] {
            var tokens: [DateParser.Token] = []
            var number = 0
            var digits = 0
            var word = String.UnicodeScalarView()
            func flush() {
                if digits > 0 {
                    tokens.append(.number(value: digits > 9 ? Int.max : number, digits: digits))
                    number = 0
                    digits = 0
                }
                if !word.isEmpty {
                    tokens.append(.word(String(word)))
                    word = String.UnicodeScalarView()
                }
            }
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v >= 48 && v <= 57 {
                    if !word.isEmpty { flush() }
                    if digits <= 9 { number = number * 10 + Int(v - 48) }
                    digits += 1
                } else if DateParser.isAlphabetic(scalar) {
                    if digits > 0 { flush() }
                    if v >= 65 && v <= 90 {
                        word.append(Unicode.Scalar(v + 32) ?? scalar)
                    } else if v < 128 {
                        word.append(scalar)
                    } else {
                        word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                    }
                } else if !word.isEmpty, v >= 128, scalar.properties.generalCategory == .nonspacingMark {
                    word.append(scalar)
                } else {
                    flush()
                    if v < 128, v != 32, v != 9, v != 10, v != 13 { tokens.append(.punct(UInt8(v))) }
                }
            }
            flush()
            return tokens
        }
        let samples = ["Updated: March 3, 2026 14:30", "AKTUALISIERT AM 12.05.2026", "İstanbul 3 Mart", "ÚLTIMA ACTUALIZACIÓN",
                       "मार्च 2026", "Straße 1", "ΣΕΠΤΕΜΒΡΊΟΥ", "12345678901 x", "", "a\u{301}b", "日本 2026年3月3日", "ǅemal"]
        for text in samples { #expect(DateParser.tokenize(text) == reference(text), "\(text)") }
    }
}
/// `BlockCleanup.mayBePageNumberLine` never rejects a line `isPageNumberLine`'s tokenizer would count as one.
@Suite struct PageNumberScreenTests {
    @Test func theScreenPassesEveryLineTheTokenizerCounts() {
        let pieces = ["1", "2", "3", "12", "Page", "Página", "of", "…", " ", "  ", "·", "|", "«", "»", "\u{00A0}", "Seite", "a2", "–", "\t"]
        var generator = SystemRandomNumberGenerator()
        let t = Vocabulary.Threshold.self
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var numbers = 0
            var words = 0
            for token in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                if token.allSatisfy({ $0.isASCII && $0.isNumber }) { numbers += 1 } else { words += 1 }
            }
            if numbers >= t.pageNumberLineMinNumbers && words <= t.pageNumberLineMaxWords {
                #expect(BlockCleanup.mayBePageNumberLine(text), "\(text)")
            }
        }
        #expect(!BlockCleanup.mayBePageNumberLine("Only one 7 here"))
        #expect(BlockCleanup.mayBePageNumberLine("Pages: 1 2 3"))
    }
}

/// The byte paths added to cut the extractor's instructions answer exactly as the String, Character and
/// Foundation code they stand in for, on random and corpus-like texts.
@Suite struct BytePathEquivalenceTests {
    /// Pieces that random texts are made of: ASCII words and punctuation, CR LF, combining marks, the scalars
    /// that decompose to ASCII, and non-ASCII letters.
    static let pieces = ["a", "B", "and", " ", "  ", "://", "http", "(c)", "©", "2026", "-", "_", "\r\n", "\n", "\r",
                         "é", "e\u{301}", "\u{212A}", "K", "\u{037E}", ";", "и", " и ", " et ", " & ", "Ω", "中", "·", "?"]

    static func randomText(_ generator: inout SystemRandomNumberGenerator, maxPieces: Int = 12) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func foundationRangeMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        let needles = AuthorCleaner.nameJoiners + Vocabulary.copyrightSigns + ["://", "a", "and", "\r\n", "\n", "K", ";", "e\u{301}", "é"]
        for _ in 0..<4_000 {
            let text = Self.randomText(&generator)
            for needle in needles + [Self.randomText(&generator, maxPieces: 2)] {
                #expect(text.foundationRange(of: needle) == text.range(of: needle), "\(text.debugDescription) \(needle.debugDescription)")
                let sub = text.dropFirst(min(2, text.count))
                #expect(sub.foundationRange(of: needle) == sub.range(of: needle), "\(text.debugDescription) \(needle.debugDescription)")
                if let middle = text.indices.randomElement(using: &generator) {
                    #expect(text.foundationRange(of: needle, range: middle..<text.endIndex) == text.range(of: needle, range: middle..<text.endIndex),
                            "\(text.debugDescription) \(needle.debugDescription)")
                }
            }
        }
    }

    /// The slug test on bytes (ASCII heading text and id) decides as the Unicode scalar filter does.
    @Test func slugOnBytesMatchesScalars() {
        func byScalars(_ text: String, _ id: String) -> Bool {
            func alphanumerics(_ text: String) -> String {
                String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
            }
            let text = alphanumerics(text)
            guard text.unicodeScalars.count >= Vocabulary.Threshold.slugMinChars else { return false }
            return alphanumerics(id).contains(text)
        }
        var generator = SystemRandomNumberGenerator()
        let words = ["Verifying", "signatures", "Setup", "2", "of", " ", "-", "_", "Ünïcode", "user-content-", "ABC", "x1", "!"]
        func phrase() -> String { (0..<Int.random(in: 0...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined() }
        var cases = [("Verifying signatures", "verifying-signatures"), ("Configuring the Sidebar", "user-content-configuring-the-sidebar-1"),
                     ("Short", "short"), ("Café au lait", "cafe-au-lait"), ("Café au lait", "café-au-lait"), ("Step 12 of 20", "step-12-of-20")]
        for _ in 0..<3_000 {
            let text = phrase()
            cases.append((text, Bool.random(using: &generator) ? text.lowercased().replacingOccurrences(of: " ", with: "-") + phrase() : phrase()))
        }
        for (text, id) in cases {
            #expect(PageTree.isSlug(of: text, id: id) == byScalars(text, id), "\(text.debugDescription) \(id.debugDescription)")
        }
    }

    /// A lowercased text's opening number, read off an ASCII first byte, is `first?.isNumber`.
    @Test func startsWithNumberMatchesCharacters() {
        var generator = SystemRandomNumberGenerator()
        var samples = ["", "1", "12 comments", "a1", "\r\n1", "1\u{301}", "٣ تعليقات", "Ⅻ", "½ off", " 1"]
        for _ in 0..<2_000 { samples.append(Self.randomText(&generator, maxPieces: 4)) }
        for text in samples {
            #expect(BlockCleanup.startsWithNumber(text) == (text.first?.isNumber == true), "\(text.debugDescription)")
        }
    }

    /// The character count's eight-byte steps count as `count` does, CR and non-ASCII falling anywhere in a step.
    @Test func characterCountMatchesCountOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = Self.randomText(&generator, maxPieces: 40)
            #expect(text.characterCount == text.count, "\(text.debugDescription)")
        }
    }
}
