import Testing
@testable import WinnowExtract

@Suite struct VocabularyTests {
    static let groups: [(String, [Category: [String]])] = [
        ("wholeTokens", Vocabulary.wholeTokens), ("tokenParts", Vocabulary.tokenParts),
    ]

    @Test func noEmptyGroupAndTokensAreLowercaseWords() {
        for (name, table) in Self.groups {
            #expect(!table.isEmpty, "\(name) is empty")
            for (category, tokens) in table {
                #expect(!tokens.isEmpty, "\(name) has an empty group for \(category.label)")
                for token in tokens {
                    #expect(token == token.lowercased(), "\(name): \(token) is not lowercase")
                    #expect(!token.isEmpty && !token.contains(" "), "\(name): bad token '\(token)'")
                }
            }
        }
    }

    @Test func tokenPartsHaveNoSeparators() {
        // Parts are matched after splitting on - _ :, so a part containing one could never match.
        let authorBox = Array(Vocabulary.authorBoxNameParts) + Array(Vocabulary.authorBoxParts)
        for tokens in Vocabulary.tokenParts.values + [authorBox] {
            for token in tokens {
                #expect(token == token.lowercased() && !token.isEmpty, "part \(token)")
                #expect(!token.contains("-") && !token.contains("_") && !token.contains(":"), "part \(token)")
            }
        }
    }

    @Test func everyNamedCategoryIsDistinct() {
        var seen: Category = []
        for (name, category) in Category.named {
            #expect(category.rawValue.nonzeroBitCount == 1, "\(name)")
            #expect(seen.isDisjoint(with: category), "\(name) reuses a bit")
            #expect(category.rawValue < 1 << 30, "\(name) takes a bit CategoryMatcher keeps for part flags")
            seen.formUnion(category)
        }
    }

    @Test func phraseListsAreLowercaseAndNonEmpty() {
        let lists: [[String]] = [
            Vocabulary.terminatingPhrases, Array(Vocabulary.shareWords), Array(Vocabulary.labelBlocks),
            Vocabulary.bylineStarts, Array(Vocabulary.chromeRoles), Array(Vocabulary.tableOfContentsTitles),
            Array(Vocabulary.terminatingLabels), Vocabulary.readingTimeUnits, Array(Vocabulary.readingTimeWords),
            Vocabulary.readingTimeLabels, Vocabulary.affiliateCues, Vocabulary.affiliateNoticeCues,
            Vocabulary.labelledBylineStarts, Array(Vocabulary.dateLabelWords), Vocabulary.rightsReservedPhrases,
        ]
        for list in lists {
            #expect(!list.isEmpty)
            for phrase in list { #expect(phrase == phrase.lowercased() && !phrase.isEmpty, "\(phrase)") }
        }
    }

    @Test func shareTriggersAreShareWords() {
        #expect(Vocabulary.shareTriggerWords.isSubset(of: Vocabulary.shareWords))
        #expect(!Vocabulary.reactionWords.isEmpty && !Vocabulary.codeLanguagePrefixes.isEmpty)
    }

    @Test func tagSetsAreConsistent() {
        #expect(!Vocabulary.dropTags.isEmpty && !Vocabulary.blockTags.isEmpty && !Vocabulary.scoringTags.isEmpty)
        #expect(Vocabulary.dropTags.isDisjoint(with: Vocabulary.smallDropTags))
        #expect(Vocabulary.dropTags.isDisjoint(with: Vocabulary.chromeTags))
        #expect(Vocabulary.pageChaff.isDisjoint(with: Vocabulary.contentChaff))
    }

    @Test func placeholderMarkersAreFillerWords() {
        #expect(!Vocabulary.placeholderMarkers.isEmpty)
        for word in Vocabulary.placeholderWords { #expect(word == word.lowercased() && word.allSatisfy(\.isLetter), "\(word)") }
        for marker in Vocabulary.placeholderMarkers {
            #expect(marker.count >= 2 && marker.allSatisfy(Vocabulary.placeholderWords.contains), "\(marker)")
            // `BlockCleanup.mayHoldPlaceholderMarker` looks for "ipsum" or "amet" before splitting into words.
            #expect(marker.contains("ipsum") || marker.contains("amet"), "\(marker)")
        }
    }

    @Test func thresholdsAreSane() {
        let t = Vocabulary.Threshold.self
        #expect(t.maxPrunedShare > 0.5 && t.maxPrunedShare < 1)
        #expect(t.protectedShare > 0 && t.protectedShare < 1)
        #expect(t.paragraphGate < t.lastParagraphGate && t.elementGate < t.lastElementGate)
        #expect(t.anchorInsideShare < t.anchorMinShare)
        #expect(t.fallbackRatio > 1)
    }
}
