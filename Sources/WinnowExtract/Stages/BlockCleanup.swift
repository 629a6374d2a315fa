/// Stage: text-level hygiene on the converted blocks — the title heading and a short kicker above it,
/// bylines/datelines (also set as headings; a byline's label left alone; a lone meta line of date, reading time
/// and byline), label blocks
/// ("Advertisement"), share-word lines, reading-time lines ("5 min read"), affiliate disclosures, a teaser
/// labelled as related on its first line, and
/// everything from a terminating block ("Related Articles", "Next Story", "Leave a comment", "Was this article
/// helpful?", a list whose first item is such a label) onwards, when the rest is no longer than the story or is a
/// feed of teaser cards (most of its headings wholly links), and from a site's appeal for its readers' support
/// in the story's last half ("Enjoyed this piece? We need your help …"); an unmarked author box under the story
/// (a name, a biography starting with it); template filler ("Lorem ipsum dolor sit amet …") beside other text;
/// trailing headings go last.
enum BlockCleanup {
    static func run(_ blocks: [Block], titles: [String], trace: inout Trace) -> [Block] {
        run(BlockOutput(blocks: blocks, sources: Array(blocks.indices)), titles: titles, trace: &trace).blocks
    }

    /// The cleaned blocks, each still with its source node; a dropped block's source is recorded in the trace.
    /// With `tree` (the tree the blocks' sources index), quotes echoing an earlier post are dropped too; with
    /// `dropCopies` (a product's page or a thread: the shortest copy in bytes), every block or list item of at
    /// least that length repeating an earlier one word for word; with `thread` (a forum or Q&A page), lone
    /// counters (a post's votes or number).
    /// `authors`: the story's credited authors (the metadata's), whose name alone on the last line is the
    /// byline's sign-off. `story`: the page says it is a story, so a line of text that is its title in the header
    /// is the headline (`title-line`).
    static func run(
        _ input: BlockOutput, titles: [String], authors: [String] = [], tree: PageTree? = nil, dropCopies: Int? = nil,
        thread: Bool = false, product: Bool = false, story: Bool = false, trace: inout Trace
    ) -> BlockOutput {
        let blocks = input.blocks
        let normalizedTitles = titles.map(normalize)
        var out = BlockOutput()
        out.omitted = input.omitted
        out.blocks.reserveCapacity(blocks.count)
        out.sources.reserveCapacity(blocks.count)
        var outTexts: [String] = []
        outTexts.reserveCapacity(blocks.count)
        var precedingChars = 0
        let texts = blocks.map(\.plainText)
        // Byte counts: cheap, and the length rules below only need proportions.
        let totalChars = texts.reduce(0) { $0 + $1.utf8.count }
        // Counted on the first byline only: most results have none.
        var cardBylines: Bool?
        // A meta line given once is the story's; one per card (a feed) is the cards' text. Counted on the first
        // meta line only, likewise.
        var metaLines: Int?
        func isLoneMetaLine(_ text: String) -> Bool {
            guard isMetaLine(text) else { return false }
            if metaLines == nil { metaLines = metaLineCount(blocks, texts) }
            return metaLines == 1
        }
        // Likewise a labelled date line under the story's header: once it is the story's update line, one per
        // card is a feed's post stamps. Counted on the first such line only.
        var labelledDatelines: Int?
        func isLoneLabelledDateline() -> Bool {
            if labelledDatelines == nil {
                labelledDatelines = blocks.indices.filter { isParagraph(blocks[$0]) && labelledDatelineOtherWords(texts[$0]) == 0 }.count
            }
            return (labelledDatelines ?? 0) <= Vocabulary.Threshold.labelledDatelinesMax
        }
        // Short texts already kept, to drop a caption given twice under a picture (a gallery's thumbnail and full
        // view, an image credit under each copy of a picture).
        var shortTexts = SeenTexts()
        // Blocks of a related box set inside the story, already dropped (see `inlineBoxEnd`).
        var skipUntil = 0
        func recordDropped(_ range: Range<Int>, heuristic: String) {
            for i in range { trace.record(.dropped, block: texts[i], heuristic: heuristic, sources: input.nodes(of: i)) }
        }
        for (k, block) in blocks.enumerated() {
            if k < skipUntil { continue }
            let text = texts[k]
            if text.isEmpty {
                // A picture without caption stays in the story (Markdown and HTML show it); it adds no text.
                if case .figure(let figure) = block, figure.source != nil {
                    out.append(block, from: input, at: k)
                    outTexts.append(text)
                }
                continue
            }
            // Every rule below looks at short blocks only; long ones skip the lowercasing. Headings are compared
            // with titles (up to 400 bytes); paragraph rules stop at 240 bytes (terminating, byline, share, label).
            let isHeading: Bool
            if case .heading = block { isHeading = true } else { isHeading = false }
            let lower = text.utf8.count <= (isHeading ? Vocabulary.Threshold.titleHeadingMaxBytes : Self.paragraphRuleMaxBytes) ? normalize(text) : ""
            if isHeading {
                // A heading in double-encoded UTF-8 or with invisible characters (a soft hyphen) is compared as the
                // metadata reads it (repaired, the invisible characters dropped).
                let repaired = lower.isEmpty ? lower : text.repairingDoubleEncodedUTF8().removingInvisibleCharacters()
                let repairedLower = repaired == text ? lower : normalize(repaired)
                let isTitleText = !lower.isEmpty
                    && normalizedTitles.contains { isTitle(lower, $0) || (repairedLower != lower && isTitle(repairedLower, $0)) }
                // Only the title's own text goes: another `<h1>` (a landing page's section name) is content.
                if isTitleText {
                    // The one short label the output holds above the headline is its kicker ("Energie",
                    // "Opinion"): the section's name over the title, not the story's first line.
                    if out.blocks.count == 1, isParagraph(out.blocks[0]), isKicker(outTexts[0]) {
                        trace.record(.dropped, block: outTexts[0], heuristic: "kicker", sources: out.nodes(of: 0))
                        out.removeLast()
                        outTexts.removeLast()
                        precedingChars = 0
                    }
                    trace.record(.dropped, block: text, heuristic: "title-heading", sources: input.nodes(of: k))
                    continue
                }
            }
            // The headline set as a line of text rather than a heading (bold type in a table layout's cell, a
            // styled `<div>`), word for word the page's title, in the header of a page that says it is a story:
            // the title, as above. Elsewhere such a line is the page's own text (a product's name over its price,
            // a thread's subject, a service's name).
            if story, !isHeading, !product, !thread, isParagraph(block), !lower.isEmpty,
               precedingChars < Vocabulary.Threshold.datelineMaxPreceding,
               normalizedTitles.contains(where: { lower == $0 && isTitle(lower, $0) }) {
                trace.record(.dropped, block: text, heuristic: "title-line", sources: input.nodes(of: k))
                continue
            }
            if !lower.isEmpty, tableOfContentsTitles.contains(lower), isHeading || isParagraph(block) {
                trace.record(.dropped, block: text, heuristic: "contents-title", sources: input.nodes(of: k))
                continue
            }
            // Asked twice below (a terminating block, then a related box's label): decided once. A heading that only
            // starts like a label ("More from Tuesday's meeting", "Up next for the Hawks") and is followed by the
            // story's own prose, in the container of the story's paragraph before it, is a section of the story.
            let terminating = isTerminating(block, lower)
                && !(isHeading && isLabelPrefixOnly(lower) && tree.map { headsStoryProse(at: k, input, texts, tree: $0) } == true)
            if precedingChars >= Vocabulary.Threshold.terminatingMinPreceding,
                // On a thread the replies under "Comments" or "12 Replies" are the page's posts.
                terminating && !(thread && isReplySectionLabel(lower)) || (isParagraph(block) && isCopyrightLine(text, lower: lower))
                    || isRelatedList(block)
                    || ((isParagraph(block) || isHeading) && Double(precedingChars) >= Vocabulary.Threshold.readerAppealMinPrecedingShare
                        * Double(totalChars) && isReaderAppeal(text)),
                totalChars - precedingChars <= max(precedingChars, Vocabulary.Threshold.terminatingMinTail)
                    || isCardTail(blocks[(k + 1)...], after: blocks[..<k])
                    // Readers' comments may run longer than the story: a comment section's label with its count
                    // ("Diskussion (31)", a heading "24 Comments") ends it whatever follows.
                    || (terminating && isCountedCommentLabel(lower, heading: isHeading))
            {
                // A box of links under the label, set between two paragraphs of the story: only the box goes.
                if let tree, let end = relatedBoxEnd(at: k, input, texts, tree: tree) {
                    recordDropped(k..<end, heuristic: "inline-related-box")
                    skipUntil = end
                    continue
                }
                // The terminating block and everything after it.
                recordDropped(k..<blocks.count, heuristic: "terminating-block")
                break
            }
            // A related box's label with more story after it than before: the story goes on, but the box (its
            // label, and its links when an earlier stage left them) is not the story's ("Related stories" over
            // two links, between two paragraphs of the story). Here the story need not be long yet: the box sits
            // between two paragraphs of one container (`inlineBoxEnd`), a lead may be short.
            if k > 0, terminating, let tree, let end = relatedBoxEnd(at: k, input, texts, tree: tree) {
                recordDropped(k..<end, heuristic: "inline-related-box")
                skipUntil = end
                continue
            }
            if let tree, let end = adUnitEnd(at: k, input, texts, lower: lower, tree: tree) {
                recordDropped(k..<end, heuristic: "ad-unit")
                skipUntil = end
                continue
            }
            // The site's dated copyright notice left as the story's last line ("© 2026 Example Inc."): without
            // "all rights reserved" it is not a terminating block (a credit can say "©" mid-story), but nothing
            // follows it, so it is the footer's first line and the story's end.
            if k == blocks.count - 1, precedingChars >= Vocabulary.Threshold.datedCopyrightMinPreceding,
               isParagraph(block), isDatedCopyrightLine(text) {
                trace.record(.dropped, block: text, heuristic: "copyright-line", sources: input.nodes(of: k))
                continue
            }
            if isParagraph(block), isTicker(text) {
                trace.record(.dropped, block: text, heuristic: "ticker", sources: input.nodes(of: k))
                continue
            }
            if isLabelledTeaser(block, text) {
                trace.record(.dropped, block: text, heuristic: "related-teaser", sources: input.nodes(of: k))
                continue
            }
            // A byline set as a one-item list under the headline (a post-info widget's "Reviewed by: …" once its date
            // went, "Geprüft von …" as a list's only item): a credit, not a list of the story.
            if case .list(_, let items) = block, items.count == 1, !lower.isEmpty,
               precedingChars < Vocabulary.Threshold.datelineMaxPreceding, isByline(text, lower) {
                trace.record(.dropped, block: text, heuristic: "byline", sources: input.nodes(of: k))
                continue
            }
            // A byline set as a heading over the story ("#### Written by Jane Doe"): a credit, not a section.
            if isHeading, !lower.isEmpty, precedingChars < Vocabulary.Threshold.datelineMaxPreceding, isByline(text, lower) {
                trace.record(.dropped, block: text, heuristic: "byline", sources: input.nodes(of: k))
                continue
            }
            // A date right above a table is the table's label (a schedule's day over its games), not the story's.
            if isParagraph(block), precedingChars < Vocabulary.Threshold.datelineMaxPreceding,
               !(k + 1 < blocks.count && isTable(blocks[k + 1])),
               isDateline(text) || isLabelledDateline(lower) || isLabelledDates(lower) || isLoneMetaLine(text) {
                trace.record(.dropped, block: text, heuristic: "dateline", sources: input.nodes(of: k))
                continue
            }
            // A labelled publication or update line: in the story's header, also when it names a place or the author
            // ("Madrid - 12/05/2026 - 10:45 h. Actualizado: 12/05/2026 - 13:20 h."); further down when it holds only
            // the label and the date ("Aktualisiert am 03.07.2026 um 11:40 Uhr" under the story) and the page has
            // few such lines.
            if isParagraph(block), let others = labelledDatelineOtherWords(text),
               precedingChars < Vocabulary.Threshold.datelineMaxPreceding || (others == 0 && isLoneLabelledDateline()) {
                trace.record(.dropped, block: text, heuristic: "dateline", sources: input.nodes(of: k))
                continue
            }
            // A disclosure sits above or under the story, not in its middle (where it is the story's subject).
            let edge = Vocabulary.Threshold.affiliateNoticeEdgeShare * Double(totalChars)
            if isParagraph(block), Double(precedingChars) <= edge || Double(precedingChars) >= Double(totalChars) - edge,
               isAffiliateNotice(text) {
                trace.record(.dropped, block: text, heuristic: "affiliate-notice", sources: input.nodes(of: k))
                continue
            }
            // An ad break's notice parts the story's paragraphs; after the last of them it parts nothing, and the
            // heading above it (a listing's last section title) stays with the story.
            if isParagraph(block), k < blocks.count - 1, isAdBreak(lower) {
                trace.record(.dropped, block: text, heuristic: "ad-break", sources: input.nodes(of: k))
                continue
            }
            // On a story's page, a byline in two lines under the headline ("Written by" over "Jane Doe", the name
            // often given twice, as an avatar's caption and as the name): the story's credit, not its first lines.
            if story, isParagraph(block), precedingChars < Vocabulary.Threshold.datelineMaxPreceding, bylineLabels.contains(lower),
               let end = labelledNameEnd(after: k, blocks, texts) {
                recordDropped(k..<end, heuristic: "byline")
                skipUntil = end
                continue
            }
            if isParagraph(block), !lower.isEmpty,
               isOrphanBylineLabel(lower, next: blocks.indices.contains(k + 1) ? blocks[k + 1] : nil,
                                   nextText: blocks.indices.contains(k + 1) ? texts[k + 1] : nil) {
                trace.record(.dropped, block: text, heuristic: "byline-label", sources: input.nodes(of: k))
                continue
            }
            // On a story's page, a line of short links ("Print | Order reprints | Subscribe") is a tools or nav bar.
            if story, case .paragraph(let content) = block, isLinkBar(content) {
                trace.record(.dropped, block: text, heuristic: "link-bar", sources: input.nodes(of: k))
                continue
            }
            // On one product's page, the review widget's summary ("Rated 4.8 out of 5", "Based on 312 reviews"); on
            // a story's page, a rating widget's line that draws its stars ("Rate this article: ★★★★☆ 4.2 (38 votes)").
            if isParagraph(block), product ? isRatingSummary(lower) : story && hasRatingStars(text) && isRatingSummary(lower) {
                trace.record(.dropped, block: text, heuristic: "rating-summary", sources: input.nodes(of: k))
                continue
            }
            // An embedded post that never loaded: the quote holds only the platform's link to it ("View on
            // Threads"), a label and no post.
            if case .quote = block, !lower.isEmpty, labelBlocks.contains(lower) {
                trace.record(.dropped, block: text, heuristic: "label-block", sources: input.nodes(of: k))
                continue
            }
            if isParagraph(block), let reason = paragraphDropReason(block, text, lower) {
                // Many "By Ebern Designs" / "Published by: Ubisoft" lines are the cards' maker lines, not the
                // story's byline.
                if reason == "byline" {
                    if cardBylines == nil { cardBylines = bylineCount(blocks, texts) >= Vocabulary.Threshold.cardBylinesMin }
                    if cardBylines == true {
                        precedingChars += text.utf8.count
                        out.append(block, from: input, at: k)
                        outTexts.append(text)
                        continue
                    }
                }
                trace.record(.dropped, block: text, heuristic: reason, sources: input.nodes(of: k))
                continue
            }
            if isParagraph(block), lower.utf8.count >= Vocabulary.Threshold.repeatedShortBlockMinBytes {
                // A caption sits under its picture; a coupon's or a product tile's repeated fine print does not.
                var underPicture = false
                if case .figure? = out.blocks.last { underPicture = true }
                if underPicture, text.hasCharacters(atMost: Vocabulary.Threshold.repeatedCaptionMaxChars), shortTexts.contains(lower) {
                    trace.record(.dropped, block: text, heuristic: "repeated-short-block", sources: input.nodes(of: k))
                    continue
                }
                shortTexts.insert(lower)
            }
            var kept = block
            // A list loses its label blocks (recorded dropped); it keeps the nodes of the rest.
            var itemNodes = input.items[k]
            if case .list(let ordered, let items) = block {
                guard let labelFree = dropLabels(in: items, nodes: &itemNodes, trace: &trace) else {
                    trace.record(.dropped, block: text, heuristic: "label-block", sources: input.nodes(of: k))
                    continue
                }
                kept = .list(ordered: ordered, items: labelFree)
                for item in labelFree {
                    let itemText = Block.plainText(of: item, separator: " ")
                    if itemText.utf8.count <= Self.paragraphRuleMaxBytes { shortTexts.insert(normalize(itemText)) }
                }
            }
            precedingChars += text.utf8.count
            out.append(kept, from: input.sources[k], run: input.runs[k], items: itemNodes)
            outTexts.append(text)
        }
        // Pictures alone are not a story: without any text the result stays empty (and the fallbacks run).
        if outTexts.allSatisfy(\.isEmpty) { return BlockOutput() }
        dropPlaceholders(&out, texts: &outTexts, trace: &trace)
        out = dropRepeatedRuns(out, texts: outTexts, trace: &trace)
        // Nothing repeated (most pages): the texts already made still match the blocks.
        out = dropAuthorBio(out, texts: out.blocks.count == outTexts.count ? outTexts : out.blocks.map(\.plainText), trace: &trace)
        if let tree { out = dropEchoedQuotes(out, tree: tree, trace: &trace) }
        if let minBytes = dropCopies { out = dropCopiedTexts(out, minBytes: minBytes, trace: &trace) }
        if thread { out = dropCounters(out, trace: &trace) }
        // The comment section's notice, a picture's credit, or the author's name signing the story off, left after
        // the story's last paragraph. (Inside the story a credit line stays: the WCXB truth keeps those as often as
        // it drops them.)
        let authorNames = authors.map(nameKey).filter { !$0.isEmpty }
        while let last = out.blocks.last, isParagraph(last) {
            let text = last.plainText
            guard let reason = isCommentNotice(text) ? "comment-notice" : isPhotoCredit(text.lowercased()) ? "photo-credit"
                : out.blocks.count > 1 && isAuthorSignoff(text, authorNames) ? "author-signoff"
                : out.blocks.count > 1 && isEditorInitials(text) ? "editor-initials" : nil
            else { break }
            trace.record(.dropped, block: text, heuristic: reason, sources: out.nodes(of: out.blocks.count - 1))
            out.removeLast()
        }
        // A heading, or a short label ending in a colon ("More from HomeWise:") whose list an earlier rule
        // dropped, left last: it introduces nothing.
        while let last = out.blocks.last, isTrailingLabel(last) {
            trace.record(.dropped, block: last.plainText, heuristic: "trailing-heading", sources: out.nodes(of: out.blocks.count - 1))
            out.removeLast()
        }
        return out
    }

    /// A line of nothing but a credited author's name ("Trần Thị Mai", "— Ana Ruiz."), `authorNames` being
    /// the credits' `nameKey`s: the story's sign-off, a byline set under it.
    /// A line with anything else around the name ("<3 Ana", "xo, Ana" closing a blog post) is the writer's own.
    static func isAuthorSignoff(_ text: String, _ authorNames: [String]) -> Bool {
        guard !authorNames.isEmpty, text.hasCharacters(atMost: Vocabulary.Threshold.authorNameMaxChars),
              text.allSatisfy({ $0.isLetter || $0.isWhitespace || Self.nameLinePunctuation.contains($0) })
        else { return false }
        let key = nameKey(text)
        return !key.isEmpty && authorNames.contains(key)
    }

    /// The writer's and editor's initials closing a story in brackets ("(rk/rk)", "[ant/mdk]", as Indonesian news
    /// sites sign off): two or more runs of letters, each at most `editorInitialsMaxLetters` long, joined by "/".
    static func isEditorInitials(_ text: String) -> Bool {
        // Cheap reject first: this runs on every story's last paragraph.
        guard text.utf8.count <= Vocabulary.Threshold.editorInitialsMaxBytes else { return false }
        let trimmed = text.filter { !$0.isWhitespace }
        guard let first = trimmed.first, let last = trimmed.last, (first == "(" && last == ")") || (first == "[" && last == "]")
        else { return false }
        let runs = trimmed.dropFirst().dropLast().split(separator: "/", omittingEmptySubsequences: false)
        return runs.count >= 2 && runs.allSatisfy { run in
            !run.isEmpty && run.count <= Vocabulary.Threshold.editorInitialsMaxLetters && run.allSatisfy(\.isLetter)
        }
    }

    /// What a sign-off line holds besides the name's letters: initials' dots, apostrophes, hyphens and dashes.
    static let nameLinePunctuation: Set<Character> = [".", "'", "’", "-", "–", "—"]

    /// A name compared as a name: lowercased, its words joined by single spaces, without the punctuation around
    /// them ("— Ana Ruiz." and "Ana  Ruiz" are one).
    static func nameKey(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }.joined(separator: " ")
    }

    /// A label of at most `kickerMaxWords` words and `kickerMaxChars` characters that ends no sentence.
    static func isKicker(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        guard text.hasCharacters(atMost: t.kickerMaxChars), let last = text.last, !".!?…".contains(last) else {
            return false
        }
        return text.split(whereSeparator: \.isWhitespace).count <= t.kickerMaxWords
    }

    /// A heading, or a one-line paragraph of at most `Threshold.labelMaxBytes` ending in a colon.
    static func isTrailingLabel(_ block: Block) -> Bool {
        if case .heading = block { return true }
        guard isParagraph(block) else { return false }
        let text = block.plainText.trimmingSuffixSpaces()
        return text.utf8.count <= Vocabulary.Threshold.labelMaxBytes && !text.contains("\n")
            && (text.hasSuffix(":") || text.hasSuffix("："))
    }

    /// The short-text sets cleanup looks every block up in (long blocks skip the hashing).
    static let tableOfContentsTitles = ShortTextSet(Vocabulary.tableOfContentsTitles)
    static let labelBlocks = ShortTextSet(Vocabulary.labelBlocks)
    static let terminatingLabels = ShortTextSet(Vocabulary.terminatingLabels)

    /// A list's items without the label blocks inside them (a shop tile's "In stock" or "Quick view"), items
    /// left empty dropped; nil when no item is left. The list is returned unchanged when nothing matched.
    /// `nodes` holds, per item, the nodes of each block; it is left holding those of the blocks kept.
    static func dropLabels(in items: [[Block]], nodes: inout [[[Int]]], trace: inout Trace) -> [[Block]]? {
        var changed = false
        var out: [[Block]] = []
        var outNodes: [[[Int]]] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            var kept: [Block] = []
            var itemNodes: [[Int]] = []
            for (b, block) in item.enumerated() {
                let sources = nodes.indices.contains(i) && nodes[i].indices.contains(b) ? nodes[i][b] : []
                switch block {
                case .paragraph, .heading:
                    let text = block.plainText
                    if text.utf8.count <= Vocabulary.Threshold.labelMaxBytes,
                       case let lower = normalize(text), labelBlocks.contains(lower) || isReadingTime(lower) {
                        trace.record(.dropped, block: text, heuristic: "label-block", sources: sources)
                        changed = true
                        continue
                    }
                default: break
                }
                kept.append(block)
                itemNodes.append(sources)
            }
            if !kept.isEmpty {
                out.append(kept)
                outNodes.append(itemNodes)
            }
        }
        guard changed else { return items }
        nodes = outNodes
        return out.isEmpty ? nil : out
    }

    /// How many paragraphs of `blocks` read as bylines.
    static func bylineCount(_ blocks: [Block], _ texts: [String]) -> Int {
        var count = 0
        for (k, block) in blocks.enumerated() where isParagraph(block) && texts[k].utf8.count <= Vocabulary.Threshold.bylineMaxBytes {
            if isByline(texts[k], normalize(texts[k])) { count += 1 }
        }
        return count
    }

    /// Drops the author's box under the story when nothing marks it but its shape: a paragraph with the author's
    /// name (maybe a role line under it), then a biography that starts with the same name, first and last
    /// word ("Mara Quint",
    /// "Staff Writer", "Mara Quint covers transport …"), or with the first name and a verb ("Mara covers …"). Only in the last part of the text, and only when the
    /// pattern occurs once (a listicle of people, each a name heading and a paragraph about them, is content).
    /// `texts`: the blocks' plain texts.
    static func dropAuthorBio(_ input: BlockOutput, texts: [String], trace: inout Trace) -> BlockOutput {
        let t = Vocabulary.Threshold.self
        let total = texts.reduce(0) { $0 + $1.utf8.count }
        var found: (start: Int, end: Int)?
        var preceding = 0
        for k in texts.indices {
            defer { preceding += texts[k].utf8.count }
            guard let nameLine = authorNameLine(input.blocks[k], texts[k]) else { continue }
            let name = nameLine.prefix { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
            guard name.count >= t.authorNameMinChars else { continue }
            var j = k + 1
            while j < texts.count && j <= k + 1 + t.authorBioMaxRoleLines {
                let text = texts[j]
                if isParagraph(input.blocks[j]), text.utf8.count >= t.authorBioMinBytes, text.hasPrefix(name),
                   let next = text.dropFirst(name.count).first, !next.isLetter,
                   text.prefix(nameLine.count + t.authorNameMaxChars / 2).contains(surname(nameLine))
                    || continuesByFirstName(text, name: name) {
                    guard found == nil else { return input }  // a second one: names and paragraphs are the content
                    found = (k, j)
                    break
                }
                // Role lines: a short paragraph or heading ("Staff Writer").
                guard isNameLine(input.blocks[j], text) || (isParagraph(input.blocks[j]) || isHeading(input.blocks[j]))
                    && text.hasCharacters(atMost: t.authorNameMaxChars) else { break }
                j += 1
            }
            if let found, found.start == k, Double(preceding) < t.authorBioMinPrecedingShare * Double(total) {
                return input  // in the first part of the text: the story's own subject
            }
        }
        guard let found else { return input }
        var out = BlockOutput()
        out.omitted = input.omitted
        for k in input.blocks.indices {
            if k >= found.start && k <= found.end {
                trace.record(.dropped, block: texts[k], heuristic: "author-bio", sources: input.nodes(of: k))
            } else {
                out.append(input.blocks[k], from: input, at: k)
            }
        }
        return out
    }

    /// The name an author box opens with: a name line ("Mara Quint"), or a paragraph or heading crediting the
    /// name ("Written by Mara Quint", "By Mara Quint"), which heads a box by its words, not only by its shape.
    static func authorNameLine(_ block: Block, _ text: String) -> String? {
        if isNameLine(block, text) { return text }
        guard isParagraph(block) || isHeading(block), text.hasCharacters(atMost: Vocabulary.Threshold.bylineMaxChars),
              let start = bylineStarts.first(in: normalize(text)) else { return nil }
        let name = String(text.dropFirst(start.count))
        return isNameLine(.paragraph([.text(name)]), name) ? name : nil
    }

    /// A biography that names its author by the first name only ("Mara Quint" over "Mara covers transport …"):
    /// the first word is the name line's first word, then a space and a verb of `Vocabulary.biographyVerbs`.
    /// A label over its section goes on with a noun ("Lab Info" over "Lab exercises run …"), so it stays.
    static func continuesByFirstName(_ text: String, name: Substring) -> Bool {
        let rest = text.dropFirst(name.count)
        guard rest.first == " ", let verbStart = rest.dropFirst().first, verbStart.isLowercase else { return false }
        let verb = rest.dropFirst().prefix { $0.isLetter }
        return Vocabulary.biographyVerbs.contains(String(verb))
    }

    /// The last word of a name line, without punctuation around it ("Holliday-Bell" of "Ada Holliday-Bell*").
    static func surname(_ name: String) -> Substring {
        let last = name.split(separator: " ").last { $0.contains(where: \.isLetter) } ?? Substring(name)
        guard let from = last.firstIndex(where: \.isLetter), let to = last.lastIndex(where: \.isLetter) else { return last }
        return last[from...to]
    }

    /// A short paragraph that could be a person's name: two to five capitalised words, no sentence's end, no
    /// digits.
    static func isNameLine(_ block: Block, _ text: String) -> Bool {
        // A heading over a paragraph that repeats its first word is a section of the story ("Digital tools").
        guard isParagraph(block) else { return false }
        let t = Vocabulary.Threshold.self
        // The length test both paths make, first: it settles most short paragraphs within their first bytes.
        guard text.utf8.count <= 4 * t.authorNameMaxChars, text.hasCharacters(atMost: t.authorNameMaxChars) else {
            return false
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same tests on bytes (a capital is A-Z, a digit 0-9).
            let bytes = text.utf8
            func isCapital(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
            guard isCapital(bytes.first), bytes.last != 0x2E,
                  !bytes.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x3F || $0 == 0x21 })
            else { return false }
            // The words between spaces (`split(separator: 0x20)`), counted without an array of them.
            var words = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if previous == 0x20 && byte != 0x20 {
                    guard isCapital(byte) else { return false }
                    words += 1
                }
                previous = byte
            }
            return words >= 2 && words <= t.authorNameMaxWords
        }
        guard let first = text.first, first.isUppercase, !text.hasSuffix("."),
              !text.contains(where: { $0.isNumber || $0 == ":" || $0 == "?" || $0 == "!" })
        else { return false }
        let words = text.split(separator: " ")
        return words.count >= 2 && words.count <= t.authorNameMaxWords && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// Drops runs of blocks that repeat an earlier run (responsive copies of a whole story rendered once per
    /// breakpoint), and a short run given twice in a row (a card's headline and summary rendered once per
    /// breakpoint). A single repeated paragraph is kept: authors do repeat themselves, and shingle scoring
    /// counts the repeat.
    static func dropRepeatedRuns(_ input: BlockOutput, texts: [String], trace: inout Trace) -> BlockOutput {
        let blocks = input.blocks
        let t = Vocabulary.Threshold.self
        let minRun = t.duplicateRunBlocks
        guard blocks.count >= 2 * t.adjacentRepeatMinBlocks else { return input }
        // Keyed by a hash of the text's bytes (hashing a `String` normalises it first), checked on a hit.
        var firstIndex: [UInt64: Int] = [:]
        let keys = texts.map(\.byteHash)
        var drop = [Bool](repeating: false, count: input.blocks.count)
        var k = 0
        while k < texts.count {
            if let length = adjacentRepeat(blocks, texts, at: k, drop: drop) {
                for d in k..<(k + length) {
                    drop[d] = true
                    trace.record(.dropped, block: texts[d], heuristic: "adjacent-repeat:\(length)", sources: input.nodes(of: d))
                }
                k += length
                continue
            }
            if texts[k].utf8.count >= Vocabulary.Threshold.duplicateMinChars, let j = firstIndex[keys[k]], j < k,
               texts[j].sameBytes(texts[k]) {
                var length = 0
                while k + length < texts.count && j + length < k && texts[j + length].sameBytes(texts[k + length]) {
                    length += 1
                }
                if length >= minRun {
                    for d in k..<(k + length) {
                        drop[d] = true
                        trace.record(.dropped, block: texts[d], heuristic: "repeated-run:\(length)", sources: input.nodes(of: d))
                    }
                    k += length
                    continue
                }
            }
            if firstIndex[keys[k]] == nil { firstIndex[keys[k]] = k }
            k += 1
        }
        var out = BlockOutput()
        out.omitted = input.omitted
        for k in input.blocks.indices where !drop[k] { out.append(input.blocks[k], from: input, at: k) }
        return out
    }

    /// The length of the shortest run of `adjacentRepeatMinBlocks` to `adjacentRepeatMaxBlocks` card-sized blocks
    /// (each at most `adjacentRepeatMaxChars` characters) starting at `k` that repeats, block for block, the kept
    /// run right before it and holds at least `duplicateMinChars` bytes and two different texts; nil when there is
    /// none. Blocks are compared whole, links included: two cards with the same words that link to different
    /// pages are two items of a listing. Long paragraphs given twice are the author's.
    static func adjacentRepeat(_ blocks: [Block], _ texts: [String], at k: Int, drop: [Bool]) -> Int? {
        let t = Vocabulary.Threshold.self
        guard k >= t.adjacentRepeatMinBlocks, !texts[k].isEmpty else { return nil }
        for length in t.adjacentRepeatMinBlocks...min(t.adjacentRepeatMaxBlocks, k) where k + length <= texts.count {
            let start = k - length
            guard texts[start].sameBytes(texts[k]), !drop[start] else { continue }
            var bytes = 0
            var same = true
            for d in 0..<length {
                if !texts[start + d].sameBytes(texts[k + d]) || drop[start + d] || blocks[start + d] != blocks[k + d]
                    || !texts[k + d].hasCharacters(atMost: t.adjacentRepeatMaxChars) { same = false; break }
                bytes += texts[k + d].utf8.count
            }
            // One paragraph given over and over (identical tabs) is not a card: a card has a headline and a summary.
            let varied = (1..<length).contains { !texts[k + $0].sameBytes(texts[k]) }
            if same && varied && bytes >= t.duplicateMinChars { return length }
        }
        return nil
    }

    /// The longest paragraph (in UTF-8 bytes) any paragraph rule below can match.
    static let paragraphRuleMaxBytes = max(
        Vocabulary.Threshold.terminatingMaxBytes, Vocabulary.Threshold.bylineMaxBytes,
        Vocabulary.Threshold.shareLineMaxBytes)

    /// Lowercased, whitespace-collapsed, with trailing punctuation and colons removed.
    static func normalize(_ text: String) -> String {
        normalizeBytes(text) ?? normalizeCharacters(text)
    }

    /// `normalize` for any text, by Unicode case mapping and Characters. The Turkish capital dotted İ lowercases
    /// to "i" and a combining dot (U+0307) without a Turkish locale; the dot is dropped, so "İlgili Haberler"
    /// reads as the label "ilgili haberler".
    static func normalizeCharacters(_ text: String) -> String {
        var lower = text.lowercased().collapsingWhitespaceSimple()
        if text.unicodeScalars.contains("\u{130}") {
            var scalars = String.UnicodeScalarView()
            var previous: Unicode.Scalar?
            for scalar in lower.unicodeScalars {
                if scalar == "\u{307}", previous == "i" { continue }
                scalars.append(scalar)
                previous = scalar
            }
            lower = String(scalars)
        }
        while let last = lower.last, last == ":" || last == "." || last == "!" || last == "»" || last == "›"
            || last == ">" || last == " " || last == "→"
        {
            lower.removeLast()
        }
        return lower
    }

    /// `normalize` on bytes, for text whose characters need no Unicode case or grapheme rules (most short
    /// blocks): ASCII, Latin-1, general punctuation (’ “ ” – — …), CJK punctuation, kana and ideographs. One
    /// allocation, no Character iteration; nil for text with any other character.
    static func normalizeBytes(_ text: String) -> String? {
        var source = text
        var simple = true
        // Written straight into the new String's storage (the output is never longer than the input: only
        // whitespace runs shrink), not appended to an array and copied.
        let normalized = source.withUTF8 { input in
            String(unsafeUninitializedCapacity: input.count) { out -> Int in
                var count = 0
                var pendingSpace = false
                var i = 0
                while i < input.count {
                    // Eight printable ASCII bytes with single spaces inside (none at either end) are lowercased
                    // as a word: their spaces are kept as they are, and a space left pending goes first.
                    if i + 8 <= input.count, let base = input.baseAddress, let word = ASCIIWord(base, at: i),
                       !word.hasSpaceRun, !word.startsWithSpace, !word.endsWithSpace, let to = out.baseAddress {
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        UnsafeMutableRawPointer(to + count).storeBytes(of: word.lowercased, as: UInt64.self)
                        count += 8
                        i += 8
                        continue
                    }
                    let byte = input[i]
                    var width = 1
                    var lowered = byte
                    if byte < 0x80 {
                        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                            pendingSpace = count > 0
                            i += 1
                            continue
                        }
                        if byte >= 0x41 && byte <= 0x5A { lowered = byte + 0x20 }
                    } else if byte == 0xC2 || byte == 0xC3 {
                        width = 2
                        let second = input[i + 1]
                        if byte == 0xC2 && second == 0xA0 {  // no-break space
                            pendingSpace = count > 0
                            i += 2
                            continue
                        }
                    } else if byte >= 0xE2 && byte <= 0xE9 {
                        width = 3
                        let scalar = UInt32(byte & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                        guard Self.caselessRanges.contains(where: { $0.contains(scalar) }) else {
                            simple = false
                            return 0
                        }
                    } else {
                        simple = false
                        return 0
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    if width == 2 && byte == 0xC3 {
                        // À–Þ (not ×) lowercase to à–þ: 0x20 further on in the second byte.
                        let second = input[i + 1]
                        out[count] = byte
                        out[count + 1] = second >= 0x80 && second <= 0x9E && second != 0x97 ? second + 0x20 : second
                    } else {
                        out[count] = lowered
                        for k in 1..<width { out[count + k] = input[i + k] }
                    }
                    count += width
                    i += width
                }
                // Trailing ":", ".", "!", ">", "»", "›" (and spaces between them) go, as in `normalize`.
                while count > 0 {
                    let last = out[count - 1]
                    if last == 0x3A || last == 0x2E || last == 0x21 || last == 0x3E || last == 0x20 {
                        count -= 1
                    } else if count >= 2 && last == 0xBB && out[count - 2] == 0xC2 {
                        count -= 2
                    } else if count >= 3 && last == 0xBA && out[count - 2] == 0x80 && out[count - 3] == 0xE2 {
                        count -= 3
                    } else {
                        break
                    }
                }
                return count
            }
        }
        return simple ? normalized : nil
    }

    /// Three-byte scalars `normalizeBytes` copies as they are: no case, not whitespace, never joined to the
    /// character before them (general punctuation, CJK punctuation, hiragana, katakana, CJK ideographs).
    static let caselessRanges: [ClosedRange<UInt32>] = [
        0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3029, 0x3041...0x3096, 0x30A1...0x30FF, 0x4E00...0x9FFF,
    ]

    /// Why a paragraph is not story text (the rule's name), or nil to keep it.
    static func paragraphDropReason(_ block: Block, _ text: String, _ lower: String) -> String? {
        // "- Advertisement -", "··3 min read": the label or reading time inside decoration, trimmed once.
        let core = undecorated(lower)
        if labelBlocks.contains(lower) || isReactionCount(lower) || core.map(labelBlocks.contains) == true {
            return "label-block"
        }
        if let core, isReadingTime(core) { return "reading-time" }
        if isGalleryCounter(lower) { return "gallery-counter" }
        if isPlayerLine(lower) { return "player-line" }
        if isPageNumberLine(block, text) { return "page-numbers" }
        if isEmbedNotice(lower) { return "embed-notice" }
        if isNextPageLine(lower) || isPagerPositionLine(lower) { return "next-page" }
        if isSymbolLine(text) { return "symbol-line" }
        if isMemberStat(lower) { return "member-stat" }
        if isCounterLine(lower) { return "counter-line" }
        if isFinePrint(text) { return "fine-print" }
        if isCallToAction(block, lower) { return "call-to-action" }
        if isShareLine(lower) { return "share-line" }
        if isTagLine(lower) { return "tag-line" }
        if isPostFooterLine(text, lower) { return "post-footer" }
        if isEditorCredit(lower) { return "editor-credit" }
        if isSubscribeLine(lower) { return "subscribe-line" }
        if isFollowLine(lower) { return "follow-line" }
        if isByline(text, lower) { return "byline" }
        if isReadingTime(lower) { return "reading-time" }
        if isReporterSignoff(text) { return "reporter-signoff" }
        return nil
    }

    /// A short text without the `Vocabulary.labelDecorations` around it ("··3 min read" → "3 min read"), or nil
    /// when nothing decorates it or nothing is left.
    static func undecorated(_ lower: String) -> String? {
        // Most texts open and end with an ASCII byte that is no decoration: such a text's first and last Characters
        // hold an ASCII scalar that no decoration is (nor composes to), ruled out before any Character is made.
        guard let head = lower.utf8.first, let tail = lower.utf8.last else { return nil }
        if head < 0x80, tail < 0x80, !asciiDecorations[Int(head)], !asciiDecorations[Int(tail)] { return nil }
        guard lower.utf8.count <= Vocabulary.Threshold.labelMaxBytes, let first = lower.first, let last = lower.last,
              Vocabulary.labelDecorations.contains(first) || Vocabulary.labelDecorations.contains(last),
              let start = lower.firstIndex(where: { !Vocabulary.labelDecorations.contains($0) }),
              let end = lower.lastIndex(where: { !Vocabulary.labelDecorations.contains($0) }) else { return nil }
        return String(lower[start...end])
    }

    /// The ASCII `Vocabulary.labelDecorations`, by byte value (ASCII bytes only).
    static let asciiDecorations: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for decoration in Vocabulary.labelDecorations {
            if let byte = decoration.asciiValue { table[Int(byte)] = true }
        }
        return table
    }()

    /// A picture's credit as a short paragraph of its own: a `Vocabulary.photoCreditLabels` label and a few words
    /// ("Photo: City press office", "Фото: пресс-служба мэрии"). Dropped when it is left last.
    static func isPhotoCredit(_ lower: String) -> Bool {
        guard photoCreditLabels.first(in: lower) != nil else { return false }
        return lower.hasCharacters(atMost: Vocabulary.Threshold.photoCreditMaxChars)
    }

    static let photoCreditLabels = PrefixList(Vocabulary.photoCreditLabels)

    /// A photo gallery's position ("1 of 12", "Photo 3 of 8", "Bild 2 von 10", "Image 4/9"): an optional
    /// `Vocabulary.galleryCounterWords` word, a number, one of `galleryCounterOf`, a number, and nothing else but
    /// the gallery's buttons' words around them (`Vocabulary.galleryNavWords`).
    static func isGalleryCounter(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.labelMaxBytes,
              lower.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // A counter has at most four space-separated tokens (a word, a number, "of", a number): ASCII text with
        // more is none, counted on bytes (where a space is a Character of its own) before splitting.
        if lower.utf8.allSatisfy({ $0 < 0x80 }), asciiTokenCount(lower) > Vocabulary.Threshold.galleryCounterMaxTokens {
            return false
        }
        // "4/9" is split into "4", "/", "9".
        var words: [Substring] = []
        for word in lower.split(separator: " ") {
            if word.count > 1, let slash = word.firstIndex(of: "/") {
                for piece in [word[..<slash], word[slash...slash], word[word.index(after: slash)...]] where !piece.isEmpty {
                    words.append(piece)
                }
            } else {
                words.append(word)
            }
        }
        // The gallery's buttons' words around the counter ("Zurück Bild 3 von 8 Weiter") mark it as the gallery's.
        var labelled = false
        while let first = words.first, Vocabulary.galleryNavWords.contains(String(first)) {
            words.removeFirst()
            labelled = true
        }
        while let last = words.last, Vocabulary.galleryNavWords.contains(String(last)) {
            words.removeLast()
            labelled = true
        }
        if let first = words.first, Vocabulary.galleryCounterWords.contains(String(first)) {
            words.removeFirst()
            labelled = true
        }
        guard words.count == 3, words[0].allSatisfy({ $0.isASCII && $0.isNumber }), words[2].allSatisfy({ $0.isASCII && $0.isNumber }),
              Vocabulary.galleryCounterOf.contains(String(words[1])),
              let position = Int(words[0]), let count = Int(words[2]) else { return false }
        // A position inside the count ("3 of 2" is no counter); "4/5" alone is as often a rating or a fraction,
        // so the slash needs the picture's word before it.
        return position >= 1 && position <= count && (labelled || words[1] != "/")
    }

    /// A pager's line left in the story ("Pages: 1 2 3", "« 1 2 3 4 … 9 »", "Strana: 1 2 3 Další"): at least
    /// `pageNumberLineMinNumbers` numbers, counting up by one (the last may jump, after an ellipsis), at least one of
    /// them a link of its own, and besides them at most `pageNumberLineMaxWords` words (a label, "Next"). Structure
    /// only, no word list: a sentence never reads so, and a list of years or scores neither counts up by one nor
    /// links its numbers.
    static func isPageNumberLine(_ block: Block, _ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        guard text.utf8.count <= t.pageNumberLineMaxBytes, case .paragraph(let content) = block,
              mayBePageNumberLine(text) else { return false }
        var numbers: [Int] = []
        var words = 0
        // In ASCII text without CR every byte is a Character, a letter or a number when it is A–Z, a–z or 0–9:
        // the tokens are split on bytes there.
        let tokens: [Substring]
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            tokens = text.utf8.split(whereSeparator: { byte in
                !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39)
            }).map { Substring($0) }
        } else {
            tokens = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        }
        for token in tokens {
            if token.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard token.count <= 3, let value = Int(token) else { return false }
                numbers.append(value)
            } else {
                words += 1
                if words > t.pageNumberLineMaxWords { return false }
            }
        }
        guard numbers.count >= t.pageNumberLineMinNumbers, numbers[0] >= 1 else { return false }
        for k in 1..<numbers.count where numbers[k] != numbers[k - 1] + 1 {
            // Only the last number may jump ahead ("1 2 3 … 9").
            guard k == numbers.count - 1, numbers[k] > numbers[k - 1] else { return false }
        }
        return hasNumberLink(content)
    }

    /// A byte screen in front of `isPageNumberLine`'s tokenizer, never false for a line it accepts: at least
    /// `pageNumberLineMinNumbers` runs of ASCII digits (every number token is one), and at most
    /// `pageNumberLineMaxWords` space-separated chunks holding an ASCII letter (each holds a word token).
    static func mayBePageNumberLine(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        var digitRuns = 0
        var letterChunks = 0
        var inDigits = false
        var chunkHasLetter = false
        for byte in text.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit && !inDigits { digitRuns += 1 }
            inDigits = isDigit
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                chunkHasLetter = false
            } else if !chunkHasLetter, (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                chunkHasLetter = true
                letterChunks += 1
                if letterChunks > t.pageNumberLineMaxWords { return false }
            }
        }
        return digitRuns >= t.pageNumberLineMinNumbers
    }

    /// Whether a link in `content` reads as a number alone ("2").
    static func hasNumberLink(_ content: [Inline]) -> Bool {
        for inline in content {
            switch inline {
            case .link(_, let inner):
                let label = InlineText.plainText(inner).filter { !$0.isWhitespace }
                if !label.isEmpty, label.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
            case .emphasis(let inner), .strong(let inner):
                if hasNumberLink(inner) { return true }
            default: continue
            }
        }
        return false
    }

    /// Runs of non-space bytes (`split(separator: " ")` of ASCII text).
    static func asciiTokenCount(_ text: String) -> Int {
        var tokens = 0
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if previous == 0x20 && byte != 0x20 { tokens += 1 }
            previous = byte
        }
        return tokens
    }

    /// An ad break's notice: a short block whose words are all `Vocabulary.adBreakWords`, one of them an
    /// `adBreakAnchors` word ("Advertisement - scroll to continue", "Story continues below this ad").
    static func isAdBreak(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.adBreakMaxBytes else { return false }
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return isASCIIAdBreak(lower) }
        return isAdBreakByCharacters(lower)
    }

    /// `isAdBreak` for ASCII text, on its bytes: a letter is A-Z or a-z there, every byte a character of its
    /// own (CR LF, one Character, is no letter, as CR and LF are not), so the words and the verdict are the same.
    static func isASCIIAdBreak(_ lower: String) -> Bool {
        var text = lower
        return text.withUTF8 { bytes in
            var words = 0
            var anchored = false
            // The word between `from` and `to` without its edge hyphens and apostrophes, as `check` below.
            func check(_ from: Int, _ to: Int) -> Bool {
                var first = from
                var last = to
                while first < last && (bytes[first] == 0x2D || bytes[first] == 0x27) { first += 1 }
                while last > first && (bytes[last - 1] == 0x2D || bytes[last - 1] == 0x27) { last -= 1 }
                guard first < last else { return true }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
                guard Vocabulary.adBreakWords.contains(word) else { return false }
                words += 1
                if !anchored, Vocabulary.adBreakAnchors.contains(word) { anchored = true }
                return true
            }
            var start: Int?
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let inWord = ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x27 || byte == 0x2D
                if inWord, start == nil { start = index }
                if !inWord, let from = start {
                    guard check(from, index) else { return false }
                    start = nil
                }
            }
            if let from = start, !check(from, bytes.count) { return false }
            return words >= 2 && anchored
        }
    }

    /// `isAdBreak` by Characters, for text beyond ASCII.
    static func isAdBreakByCharacters(_ lower: String) -> Bool {
        // Word by word, stopping at the first that is no ad-break word (most short blocks stop at once).
        var words = 0
        var anchored = false
        func check(_ piece: Substring) -> Bool {
            guard let first = piece.firstIndex(where: { $0 != "-" && $0 != "'" }),
                  let last = piece.lastIndex(where: { $0 != "-" && $0 != "'" }) else { return true }
            let word = String(piece[first...last])
            guard Vocabulary.adBreakWords.contains(word) else { return false }
            words += 1
            if !anchored, Vocabulary.adBreakAnchors.contains(word) { anchored = true }
            return true
        }
        var start: String.Index?
        var index = lower.startIndex
        while index < lower.endIndex {
            let character = lower[index]
            let inWord = character.isLetter || character == "'" || character == "-"
            if inWord, start == nil { start = index }
            if !inWord, let from = start {
                guard check(lower[from..<index]) else { return false }
                start = nil
            }
            index = lower.index(after: index)
        }
        if let from = start, !check(lower[from...]) { return false }
        return words >= 2 && anchored
    }

    /// An embed's placeholder notice (`Vocabulary.embedNoticeStarts`). Asked of every paragraph: one whose bytes
    /// start with no notice's ASCII lead is ruled out without comparing Characters (an ASCII character other than
    /// "K", ";" and "`", which no lead holds, is equal only to itself, so a text starting with a notice starts
    /// with the bytes of its lead).
    static func isEmbedNotice(_ lower: String) -> Bool {
        guard embedNoticeLeads.matches(lower) else { return false }
        return Vocabulary.embedNoticeStarts.contains { lower.hasPrefix($0) }
    }

    /// Each of `Vocabulary.embedNoticeStarts` up to its first byte beyond ASCII ("ce contenu est import" of "ce
    /// contenu est importé de"); every notice opens with an ASCII letter.
    static let embedNoticeLeads = PrefixList(Vocabulary.embedNoticeStarts.map { start -> String in
        let lead = String(decoding: start.utf8.prefix { $0 < 0x80 }, as: UTF8.self)
        precondition(!lead.isEmpty, "an embed notice opens with an ASCII letter")
        // The ASCII characters a scalar beyond ASCII is canonically equal to (`ShortTextSet.asciiEquivalentScalars`).
        precondition(!lead.utf8.contains { $0 == 0x4B || $0 == 0x3B || $0 == 0x60 }, "no K, ; or ` in a lead")
        return lead
    })

    /// A paragraph without a word character ("💡", "* * *", "▶"): a separator or an icon, no text. Underscores
    /// are word characters: a wire story's "___" rule before its credits stays with them.
    static func isSymbolLine(_ text: String) -> Bool {
        text.utf8.count <= Vocabulary.Threshold.labelMaxBytes && !text.contains { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// A reporter's sign-off under a Korean, Japanese or Chinese story: a short line holding a reporter's title
    /// (`Vocabulary.reporterTitles`, as a word or a name's suffix) and an email address ("김민준 기자
    /// minjun@example.com").
    static func isReporterSignoff(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        // The length first: it reads at most `signoffMaxChars` ASCII bytes, where the "@" is sought through all.
        guard text.utf8.count <= 4 * t.signoffMaxChars, text.hasCharacters(atMost: t.signoffMaxChars),
              text.utf8.contains(0x40) else { return false }
        let words = text.split { $0 == " " || $0 == "(" || $0 == ")" || $0 == "（" || $0 == "）" || $0 == "=" }
        guard words.contains(where: { $0.contains("@") && $0.contains(".") }) else { return false }
        return words.contains { word in Vocabulary.reporterTitles.contains { word.hasSuffix($0) } }
    }

    /// How many words other than date words a labelled publication or update line holds, or nil when `text` is
    /// no such line. The line parses as a date and holds a word of `Vocabulary.dateLabelWords` ("Opublikowano:
    /// 12.05.2026, 14:30 · Aktualizacja: 12.05.2026, 16:02", "03/02/2026 08h15 · Atualizado há 2 horas"); its
    /// other words are month names and short tokens ("am", "um", "h") but for at most
    /// `Threshold.labelledDatelineOtherWords` (a place, the author's name).
    static func labelledDatelineOtherWords(_ text: String) -> Int? {
        let t = Vocabulary.Threshold.self
        guard text.utf8.count <= 4 * t.labelledDatelineMaxChars, text.hasCharacters(atMost: t.labelledDatelineMaxChars),
              text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var labelled = false
        var others = 0
        var words = 0
        for token in DateParser.tokenize(text) {
            // "2026年3月10日 18時05分": the units of an East Asian date and time are not words.
            guard case .word(let word) = token, !DateParser.eastAsianUnits.contains(word) else { continue }
            words += 1
            if Vocabulary.dateLabelWords.contains(word) { labelled = true; continue }
            if Vocabulary.weekdayNames.contains(word) { continue }
            if word.count <= t.datelineShortWordChars || DateParser.monthNames[word] != nil { continue }
            others += 1
            if others > t.labelledDatelineOtherWords { return nil }
        }
        // The date is parsed last: few lines get this far.
        return labelled && words <= t.labelledDatelineMaxWords && DateParser.parse(text) != nil ? others : nil
    }

    /// How many paragraphs of `blocks` are meta lines.
    static func metaLineCount(_ blocks: [Block], _ texts: [String]) -> Int {
        var count = 0
        for (k, block) in blocks.enumerated() where isParagraph(block) && isMetaLine(texts[k]) { count += 1 }
        return count
    }

    /// A story's meta line above its text: parts split by `Vocabulary.metaLineSeparators`, each a date, a
    /// reading time or a byline, one of them a reading time ("March 3, 2026 · 6 min read · By Ada Moyo").
    static func isMetaLine(_ text: String) -> Bool {
        // A reading time has an ASCII digit, and two parts need a separator: byte screens before any splitting.
        guard text.utf8.count <= 4 * Vocabulary.Threshold.terminatingMaxChars,
              text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), metaLineSeparatorScreen.matches(text),
              text.hasCharacters(atMost: 2 * Vocabulary.Threshold.terminatingMaxChars) else { return false }
        let trimmed = metaLineParts(text)
        guard trimmed.count >= 2 else { return false }
        var readingTime = false
        for part in trimmed {
            let lower = normalize(part)
            if isReadingTime(lower) { readingTime = true; continue }
            if isDateline(part) || isByline(part, lower) { continue }
            return false
        }
        return readingTime
    }

    static let metaLineSeparatorScreen = FragmentScreen(Vocabulary.metaLineSeparators)
    /// An audio or video player's readout as a line of text: a time code ("5:32"), a `Vocabulary.playerWords`
    /// word, and nothing but other time codes, numbers and such words ("0:00 / 5:32 Listen (6 min)", "Duration
    /// 2:14"). A time code alone ("8:09") stays: a video's length over its title, which both corpora's truths keep.
    static func isPlayerLine(_ lower: String) -> Bool {
        // The length first (it stops counting past the limit), then a byte screen: a time code has a colon.
        guard lower.hasCharacters(atMost: Vocabulary.Threshold.playerLineMaxChars), lower.utf8.contains(0x3A) else {
            return false
        }
        var timeCode = false
        var playerWord = false
        let words = lower.split {
            $0 == " " || $0 == "/" || $0 == "(" || $0 == ")" || $0 == "|" || $0 == "·" || $0 == "（" || $0 == "）"
        }
        for word in words {
            if isTimeCode(word) {
                timeCode = true
            } else if Vocabulary.playerWords.contains(String(word)) {
                playerWord = true
            } else if !word.allSatisfy(\.isNumber) && !Vocabulary.playerFillerWords.contains(String(word)) {
                return false
            }
        }
        return timeCode && playerWord
    }

    /// "5:32", "1:02:45": minutes and seconds (and hours), digits between colons, two digits after each colon.
    static func isTimeCode(_ word: Substring) -> Bool {
        let groups = word.split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count >= 2, groups.count <= 3, let first = groups.first, !first.isEmpty, first.count <= 2,
              first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A blog post's footer line: parts split by `Vocabulary.metaLineSeparators`, at least one opening with a
    /// `Vocabulary.postFooterLabels` label ("Posted in News", "Tagged water, weather", "Leave a comment") and the
    /// others so too, or a date, a byline or a comment count ("3 Comments").
    static func isPostFooterLine(_ text: String, _ lower: String) -> Bool {
        // The length first (it stops counting past the limit), then byte screens before any splitting: most
        // short paragraphs hold no label at all.
        guard text.hasCharacters(atMost: 2 * Vocabulary.Threshold.terminatingMaxChars), postFooterScreen.matches(lower),
              metaLineSeparatorScreen.matches(text) else { return false }
        let parts = metaLineParts(text)
        guard parts.count >= 2 else { return false }
        var labelled = false
        for part in parts {
            let lower = normalize(part)
            if postFooterLabels.first(in: lower) != nil {
                labelled = true
                continue
            }
            if isTerminating(.paragraph([.text(part)]), lower) || isDateline(part) || isByline(part, lower) { continue }
            return false
        }
        return labelled
    }

    static let postFooterLabels = PrefixList(Vocabulary.postFooterLabels)
    static let postFooterScreen = FragmentScreen(Vocabulary.postFooterLabels)

    static let readingTimeLabels = PrefixList(Vocabulary.readingTimeLabels)
    static let readingTimeUnits = PrefixList(Vocabulary.readingTimeUnits)

    /// "5 min read", "~12 minutes to read", "Lesezeit: 4 Min.", "5分で読めます": how long the story takes to
    /// read, a line of the story's header, not of the story.
    static func isReadingTime(_ lower: String) -> Bool {
        guard let first = lower.utf8.first, lower.hasCharacters(atMost: Vocabulary.Threshold.readingTimeMaxChars)
        else { return false }
        var rest = Substring(lower)
        var labelled = false
        // A label first ("Reading time: 5 min"), or a digit (after a "~" or "≈").
        if first < 0x30 || first > 0x39 {
            if let label = readingTimeLabels.first(in: lower) {
                labelled = true
                rest = rest.dropFirst(label.count).drop { $0 == " " || $0 == ":" || $0 == "：" }
            } else {
                // Without a label the number comes first, maybe after "~", "≈" (E2 89 88) or spaces: a text starting
                // with any other byte holds no reading time.
                guard first == 0x7E || first == 0x20 || first == 0xE2 else { return false }
                rest = rest.drop { $0 == "~" || $0 == "≈" || $0 == " " }
            }
        }
        // The number: digits, maybe a range ("5-7") or a decimal.
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "–" || $0 == "." || $0 == ",") }
        guard number.first?.isNumber == true else { return false }
        rest = rest.dropFirst(number.count).drop { $0 == " " }
        guard let unit = readingTimeUnits.first(in: String(rest)) else { return false }
        rest = rest.dropFirst(unit.count)
        // "min" must end its word ("minimal" is not a unit); CJK units are followed by the reading word directly.
        if let next = rest.first, next.isLetter, unit.utf8.first.map({ $0 < 0x80 }) == true { return false }
        let word = rest.drop { $0 == " " || $0 == "." }
        if word.isEmpty { return labelled }
        return !labelled && Vocabulary.readingTimeWords.contains(String(word))
    }

    /// UTF-8 bytes of the text inside links.
    static func linkedBytes(_ content: [Inline]) -> Int {
        var bytes = 0
        for inline in content {
            switch inline {
            case .link(_, let inner): bytes += InlineText.plainText(inner).utf8.count
            case .emphasis(let inner), .strong(let inner): bytes += linkedBytes(inner)
            default: break
            }
        }
        return bytes
    }

    static let affiliateScreen = FragmentScreen(Vocabulary.affiliateCues)
    static let affiliateNoticeScreen = FragmentScreen(Vocabulary.affiliateNoticeCues)

    /// An affiliate disclosure ("This post contains affiliate links: we may earn a commission if you buy …"):
    /// a short paragraph that names the commission and the reader's purchase or the notice itself.
    static func isAffiliateNotice(_ text: String) -> Bool {
        text.utf8.count <= Vocabulary.Threshold.affiliateNoticeMaxBytes
            && affiliateScreen.matches(text) && affiliateNoticeScreen.matches(text)
    }

    /// A widget's counters as a line of their own ("342 Aufrufe · 17 Kommentare", "1.2K shares", "조회수 1,204",
    /// "👍 214 😢 9"): counts (grouped, decimal, with a magnitude: "2,3 mil"), `Vocabulary.counterWords` and reaction
    /// emoji, nothing else; at least one count, and a counter word or two emoji. A score ("3 – 1") has neither.
    static func isCounterLine(_ lower: String) -> Bool {
        guard let first = lower.utf8.first, lower.utf8.count <= 4 * Vocabulary.Threshold.counterLineMaxChars else {
            return false
        }
        // A line opening with a letter opens with a counter word ("Aufrufe 342", "조회수 1,204") or is a sentence
        // (most paragraphs): its first word, found on bytes, settles it. (0xE2 opens symbols and emoji such as "❤".)
        if first < 0x80 ? (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A : first >= 0xC3 && first < 0xF0 && first != 0xE2 {
            guard let word = counterWordStarts.first(in: lower) else { return false }
            let after = lower.utf8.dropFirst(word.utf8.count).first
            guard after == nil || after == 0x20 || after == 0xC2 || (after! >= 0x30 && after! <= 0x39) else { return false }
        }
        // A line opening with a digit opens with a count: up to its first space or symbol, digits and marks, ending
        // in a digit or a magnitude letter ("1,204", "1.2k"), not a list's number ("1.") or a year's range.
        if first >= 0x30 && first <= 0x39 {
            var last: UInt8 = 0
            for byte in lower.utf8 {
                if byte == 0x20 || byte >= 0x80 { break }
                guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2C || byte == 0x2E || byte == 0x6B || byte == 0x6D else {
                    return false
                }
                last = byte
            }
            guard (last >= 0x30 && last <= 0x39) || last == 0x6B || last == 0x6D else { return false }
        }
        guard lower.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
              lower.hasCharacters(atMost: Vocabulary.Threshold.counterLineMaxChars) else { return false }
        var counts = 0, words = 0, emoji = 0
        var previousWasCount = false
        // Token by token, each read as soon as it ends: a sentence fails at its first word that is none of these,
        // and the rest of it is never split.
        func read(_ token: Substring) -> Bool {
            // Counts and emoji glued together ("214😢") are read piece by piece.
            var start = token.startIndex
            var index = token.startIndex
            while index < token.endIndex {
                let next = token.index(after: index)
                if next == token.endIndex || (isCountCharacter(token[index]) != isCountCharacter(token[next])
                                              && (isEmoji(token[index]) || isEmoji(token[next]))) {
                    let piece = token[start..<next]
                    start = next
                    if isWidgetCount(piece) {
                        counts += 1
                        previousWasCount = true
                    } else {
                        // A magnitude after a count ("2,3 mil") is part of it.
                        let magnitude = previousWasCount && Vocabulary.counterMagnitudes.contains(String(piece))
                        previousWasCount = false
                        if magnitude {
                            continue
                        } else if Vocabulary.counterWords.contains(String(piece)) {
                            words += 1
                        } else if piece.allSatisfy(isEmoji) {
                            emoji += 1
                        } else {
                            return false
                        }
                    }
                }
                index = next
            }
            return true
        }
        var tokenStart = lower.startIndex
        var index = lower.startIndex
        while index <= lower.endIndex {
            if index == lower.endIndex || isCounterSeparator(lower[index]) {
                if tokenStart < index, !read(lower[tokenStart..<index]) { return false }
                if index == lower.endIndex { break }
                tokenStart = lower.index(after: index)
            }
            index = lower.index(after: index)
        }
        return counts > 0 && (words > 0 || emoji >= 2)
    }

    /// The counter words, longest first (so "views" is tried before "view"), tested on a line's first bytes.
    static let counterWordStarts = PrefixList(Vocabulary.counterWords.sorted { ($0.utf8.count, $0) > ($1.utf8.count, $1) })

    /// What parts a widget's counters on a line: a space, a middle dot, a bar, a bullet, a slash.
    static func isCounterSeparator(_ character: Character) -> Bool {
        character == " " || character == "·" || character == "|" || character == "•" || character == "/"
    }

    /// A digit, or a count's grouping or decimal mark, or a magnitude letter ("1.2k").
    static func isCountCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == "," || character == "." || character == "k" || character == "m")
    }

    /// "1,204", "2,3", "1.2k", "12": digits, grouping or decimal marks between them, maybe a "k" or "m" after.
    static func isWidgetCount(_ piece: Substring) -> Bool {
        var body = piece
        if let last = body.last, last == "k" || last == "m" { body = body.dropLast() }
        guard let head = body.first, let tail = body.last, head.isASCII, head.isNumber, tail.isASCII, tail.isNumber
        else { return false }
        return body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
    }

    /// An emoji a reaction bar shows ("👍", "❤️", "😢"): a Character whose first scalar is an emoji above the
    /// ASCII and Latin ranges (not a digit or "#", which Unicode also counts as emoji).
    static func isEmoji(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value >= 0x2190 else { return false }
        return scalar.properties.isEmoji
    }

    /// "1 Like", "12 likes", "3 Reactions", a poll's "1,204 votes": a post's or widget's counter.
    static func isReactionCount(_ lower: String) -> Bool {
        // Most paragraphs are ruled out by their first byte and length, without splitting.
        guard let first = lower.utf8.first, first >= 0x30 && first <= 0x39,
              lower.utf8.count <= Vocabulary.Threshold.reactionCountMaxBytes else { return false }
        let words = lower.split(separator: " ")
        // Thousands may be grouped ("1,204", "1.204").
        guard words.count == 2, let count = words.first,
              count.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else { return false }
        return Vocabulary.reactionCountWords.contains(String(words[1]))
    }

    /// A multi-page story's pointer to its next page ("Continue reading on the next page »"): a short line that
    /// starts with one of `Vocabulary.nextPageStarts`.
    static func isNextPageLine(_ lower: String) -> Bool {
        nextPageStarts.matches(lower) && lower.hasCharacters(atMost: Vocabulary.Threshold.nextPageLineMaxChars)
    }

    static let nextPageStarts = PrefixList(Vocabulary.nextPageStarts)
    static let pagerPageStarts = PrefixList(Vocabulary.pagerPageWords.map { $0 + " " })

    /// A pager's position line: "<page> N <of> M" opening a short line ("Page 2 of 5", "Seite 1 von 3 Nächste Seite"),
    /// in `Vocabulary.pagerPageWords`' languages. A sentence about a page goes on with words ("Page 3 of the report").
    static func isPagerPositionLine(_ lower: String) -> Bool {
        // Asked of every short paragraph: its first word, found on bytes, rules out nearly all of them.
        guard lower.utf8.count <= 4 * Vocabulary.Threshold.pagerLineMaxChars, pagerPageStarts.matches(lower),
              lower.hasCharacters(atMost: Vocabulary.Threshold.pagerLineMaxChars) else { return false }
        let words = lower.split(separator: " ", maxSplits: 4)
        guard words.count >= 4, Vocabulary.pagerPageWords.contains(String(words[0])),
              Vocabulary.pagerOfWords.contains(String(words[2])) else { return false }
        return [words[1], words[3]].allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Whether a short text (a rating summary's length at most) draws a rating's stars: at least
    /// `Threshold.ratingStarsMin` star signs. Asked of every paragraph of a story: the length and a byte every
    /// star sign's UTF-8 opens with (0xE2) rule out nearly all of them before any scalar is decoded.
    static func hasRatingStars(_ text: String) -> Bool {
        guard text.utf8.count <= Vocabulary.Threshold.ratingSummaryMaxBytes, text.utf8.contains(0xE2) else { return false }
        var stars = 0
        for scalar in text.unicodeScalars where Vocabulary.ratingStarSigns.contains(scalar) {
            stars += 1
            if stars >= Vocabulary.Threshold.ratingStarsMin { return true }
        }
        return false
    }

    /// "Posts: 1,204", "Joined: Mar 2015": a label of `Vocabulary.memberStatLabels`, a colon and a short value
    /// with a digit (a forum member's counters beside a post).
    static func isMemberStat(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.memberStatMaxBytes,
              let label = memberStatLabels.first(in: lower) else { return false }
        let rest = lower.utf8.dropFirst(label.utf8.count)
        guard rest.first == 0x3A else { return false }
        return rest.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    static let memberStatLabels = PrefixList(Vocabulary.memberStatLabels)

    /// A short line summing up a product's reviews: a count of reviews or ratings ("Based on 312 reviews",
    /// "(5 customer reviews)", "4.6 (88 seller ratings)") or an average out of five ("Rated 4.8 out of 5",
    /// "4,5 von 5 Sternen"). A bare score ("4.2/5") is not one: comparison tables and spec lists give those.
    static func isRatingSummary(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.ratingSummaryMaxBytes,
              lower.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let words = ratingWords(lower)
        guard words.count <= Vocabulary.Threshold.ratingSummaryMaxWords else { return false }
        for (i, word) in words.enumerated() {
            if Vocabulary.ratingCountNouns.contains(word), i > 0 {
                if isCount(words[i - 1]) { return true }
                if i > 1, Vocabulary.ratingCountQualifiers.contains(words[i - 1]), isCount(words[i - 2]) { return true }
            }
            if isCount(word) {
                var j = i + 1
                if j < words.count, Vocabulary.ratingStarWords.contains(words[j]) { j += 1 }
                for phrase in Vocabulary.ratingOutOf where j + phrase.count < words.count
                    && Array(words[j..<(j + phrase.count)]) == phrase
                    && Vocabulary.ratingScaleTops.contains(words[j + phrase.count]) {
                    return true
                }
            }
        }
        return false
    }

    /// The words of a short line, numbers kept whole ("4.8", "46,971"), trailing dots and commas cut.
    static func ratingWords(_ lower: String) -> [String] {
        lower.split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == ",") }
            .map { word -> String in
                var word = word
                while let last = word.last, last == "." || last == "," { word.removeLast() }
                return String(word)
            }
            .filter { !$0.isEmpty }
    }

    /// A count or score: digits with thousands or decimal separators, nothing else.
    static func isCount(_ word: String) -> Bool {
        guard let first = word.first, first.isNumber else { return false }
        return word.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    /// First letters of `Vocabulary.finePrintStarts`: most paragraphs are ruled out without lowercasing.
    static let finePrintInitials: Set<Character> = Set(Vocabulary.finePrintStarts.compactMap(\.first))
    /// The ASCII ones among them, as bytes.
    static let finePrintASCIIInitials: Set<UInt8> = Set(finePrintInitials.compactMap { $0.isASCII ? $0.asciiValue : nil })

    /// Sign-up fine print ("By signing up, you agree to ..."): the legal line under a newsletter form.
    static func isFinePrint(_ text: String) -> Bool {
        guard text.utf8.count <= Vocabulary.Threshold.finePrintMaxBytes else { return false }
        // An ASCII first character standing alone (no CR, which joins LF; no mark or joiner after it) lowercases
        // to its ASCII lowercase byte: most paragraphs are ruled out by it without a Character.
        let bytes = text.utf8
        if let lead = bytes.first, lead < 0x80, lead != 0x0D, bytes.dropFirst().first.map({ $0 < 0x80 }) ?? true,
           !finePrintASCIIInitials.contains(lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead) {
            return false
        }
        // An ASCII head (no CR) lowercases byte by byte (`asciiLowercasedHead`); its first byte is then the first
        // letter, which no start begins with unless it is one of the initials.
        if let head = asciiLowercasedHead(text[...], maxChars: Vocabulary.Threshold.finePrintHeadChars) {
            return finePrintStarts.matches(head)
        }
        guard let first = text.first?.lowercased().first,
            finePrintInitials.contains(first)
        else { return false }
        let head = String(text.prefix(Vocabulary.Threshold.finePrintHeadChars)).lowercased()
        return finePrintStarts.matches(head)
    }

    /// A paragraph that is one link and reads as a button ("Read our full review", "Learn more about ...",
    /// "View on Amazon"): a call to action, not a sentence of the story.
    static func isCallToAction(_ block: Block, _ lower: String) -> Bool {
        guard !lower.isEmpty, lower.hasCharacters(atMost: Vocabulary.Threshold.terminatingMaxChars), !lower.hasSuffix("."),
            case .paragraph(let content) = block, content.count == 1, case .link = content[0]
        else { return false }
        return callToActionStarts.matches(lower)
    }

    /// A site's appeal for its readers' money or subscription ("Enjoyed this piece? We need your help …"):
    /// `Vocabulary.readerAppealStarts`.
    /// A newsroom's call for tips or letters ("Got a story? Email our newsdesk …"), `Vocabulary.newsTipStarts`,
    /// and a paywall's prompt ("Subscribe to continue reading"), `Vocabulary.paywallStarts`, are read the same
    /// way: all are the site speaking to its readers after the story.
    static func isReaderAppeal(_ text: String) -> Bool {
        // "¿" opens a Spanish question and is part of its start. A text opening with an ASCII letter (most) starts
        // there: that letter is its first Character's first scalar, so the Character is a letter.
        let start: Substring
        if let lead = text.utf8.first, (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A {
            start = text[...]
        } else {
            start = text.drop { !$0.isLetter && $0 != "¿" }
        }
        // An ASCII first letter lowercases to its ASCII lowercase byte, the first of the lowercased head: when no
        // start begins with it, the head need not be lowercased.
        if let lead = start.utf8.first, lead < 0x80,
           !readerAppealStartList.hasPrefix(startingWith: lead >= 65 && lead <= 90 ? lead | 0x20 : lead) { return false }
        if let head = asciiLowercasedHead(start, maxChars: Self.readerAppealStartMaxChars) {
            return readerAppealStartList.first(in: head) != nil
        }
        let head = start.prefix(Self.readerAppealStartMaxChars).lowercased()
        return readerAppealStartList.first(in: head) != nil
    }

    /// `text.prefix(maxChars).lowercased()`, when the first `maxChars` bytes and the one after them are ASCII
    /// without CR: each is then a character of its own (nothing joins the last), lowercased to one byte. Nil for
    /// other text.
    static func asciiLowercasedHead(_ text: Substring, maxChars: Int) -> String? {
        let head: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let window = min(bytes.count, maxChars + 1)
            for k in 0..<window where bytes[k] >= 0x80 || bytes[k] == 0x0D { return nil }
            return asciiLowercased(UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, maxChars)]))
        }
        return head ?? nil
    }

    static let readerAppealStarts = Vocabulary.readerAppealStarts + Vocabulary.newsTipStarts + Vocabulary.paywallStarts
    static let readerAppealStartList = PrefixList(readerAppealStarts)
    static let readerAppealStartMaxChars = readerAppealStarts.map(\.count).max() ?? 0

    /// The blocks after a terminating label are a feed of teaser cards when at least
    /// `Vocabulary.Threshold.cardTailMinHeadings` of them are headings and most of those
    /// (`cardTailMinLinkedShare`) are wholly links: each card's title links to another story, while a story's own
    /// section headings are not links. Such a tail goes however long it is, but only after a story (`story`: the
    /// blocks before the label) with no linked heading of its own: on a feed or a listicle of linked titles the
    /// cards after the label are more of the same.
    static func isCardTail(_ tail: ArraySlice<Block>, after story: ArraySlice<Block>) -> Bool {
        var headings = 0
        var linked = 0
        for block in tail {
            guard case .heading(_, let content) = block else { continue }
            headings += 1
            if isWhollyLinked(content) { linked += 1 }
        }
        guard headings >= Vocabulary.Threshold.cardTailMinHeadings,
              Double(linked) >= Vocabulary.Threshold.cardTailMinLinkedShare * Double(headings) else { return false }
        return !story.contains(where: holdsLinkedHeading)
    }

    /// A heading that is wholly a link, or a list with one in an item.
    static func holdsLinkedHeading(_ block: Block) -> Bool {
        switch block {
        case .heading(_, let content): return isWhollyLinked(content)
        case .list(_, let items): return items.contains { $0.contains(where: holdsLinkedHeading) }
        case .quote(let blocks): return blocks.contains(where: holdsLinkedHeading)
        default: return false
        }
    }

    /// A bar of short links set as a line ("Order reprints | Today's paper | Subscribe", "Home · Contact · Jobs"):
    /// at least `Threshold.linkBarMinLinks` links of a few words each, with nothing between them but separators.
    /// A story's sentence that links words has words of its own between its links.
    static func isLinkBar(_ content: [Inline]) -> Bool {
        var links = 0
        for inline in content {
            switch inline {
            case .link(_, let inner):
                let text = InlineText.plainText(inner)
                guard text.utf8.count <= Vocabulary.Threshold.linkBarMaxLinkBytes,
                      text.split(separator: " ").count <= Vocabulary.Threshold.linkBarMaxLinkWords else { return false }
                links += 1
            case .text(let text):
                guard text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || Vocabulary.linkBarSeparators.contains($0) })
                else { return false }
            case .lineBreak: continue
            default: return false
            }
        }
        return links >= Vocabulary.Threshold.linkBarMinLinks
    }

    /// Inline content that is one link (maybe emphasised), with nothing but spaces beside it.
    static func isWhollyLinked(_ content: [Inline]) -> Bool {
        var links = 0
        for inline in content {
            switch inline {
            case .link: links += 1
            case .emphasis(let inner), .strong(let inner):
                guard isWhollyLinked(inner) else { return false }
                links += 1
            case .text(let text):
                guard text.allSatisfy(\.isWhitespace) else { return false }
            case .lineBreak: continue
            default: return false
            }
        }
        return links == 1
    }

    static func isParagraph(_ block: Block) -> Bool {
        if case .paragraph = block { return true }
        return false
    }

    static func isHeading(_ block: Block) -> Bool {
        if case .heading = block { return true }
        return false
    }

    static func isTable(_ block: Block) -> Bool {
        if case .table = block { return true }
        return false
    }

    static func isTitle(_ heading: String, _ title: String) -> Bool {
        guard !title.isEmpty else { return false }
        let headingChars = heading.characterCount
        let t = Vocabulary.Threshold.self
        guard headingChars >= t.titleHeadingMinChars || (headingChars >= t.titleHeadingMinCharsCJK && heading.containsCJK)
        else { return false }
        return heading == title
            || (title.containsText(heading) && Double(headingChars) >= Vocabulary.Threshold.titlePartMinShare * Double(title.characterCount))
    }

    /// Terminating phrases without a trailing colon, for whole-text matches.
    static let terminatingBare = ShortTextSet(Set(
        Vocabulary.terminatingPhrases.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }))
    /// Multi-word phrases followed by a space, for heading prefixes ("Related stories from Europe"); a
    /// one-word phrase ("Recommended courses") may be the story's own heading.
    static let terminatingMultiword = PrefixList(terminatingBare.members.filter { $0.contains(" ") }.sorted().map { $0 + " " })

    /// A short heading or paragraph whose first line is a terminating label and whose next line is another
    /// story's title ("Related article" / "The smart thermostat buying guide"), or that starts with such a
    /// label and a colon before a linked title ("Related: …"): one teaser set in the story.
    static func isLabelledTeaser(_ block: Block, _ text: String) -> Bool {
        let content: [Inline]
        switch block {
        case .heading(_, let inlines), .paragraph(let inlines): content = inlines
        default: return false
        }
        guard text.utf8.count <= Vocabulary.Threshold.terminatingMaxBytes else { return false }
        guard let br = content.firstIndex(of: .lineBreak), br > 0, br < content.count - 1 else {
            return isColonTeaser(content, text)
        }
        let label = normalize(InlineText.plainText(Array(content[..<br])))
        let rest = InlineText.plainText(Array(content[(br + 1)...])).trimmingSuffixSpaces()
        // "Related article" is the singular of a terminating "Related articles".
        let isLabel = terminatingBare.contains(label) || terminatingBare.contains(label + "s")
        guard isLabel, !rest.isEmpty else { return false }
        // One title, or lines that are each wholly a link (a box of headlines set with `<br>`s).
        return !rest.contains("\n") || content[(br + 1)...].allSatisfy { inline in
            switch inline {
            case .link, .lineBreak: true
            case .text(let text): text.allSatisfy(\.isWhitespace)
            default: false
            }
        }
    }

    static let teaserLabels = ShortTextSet(Vocabulary.teaserLabels)

    /// Whether the first inline with text (inside emphasis or bold) is a link.
    static func startsWithLink(_ content: [Inline]) -> Bool {
        for inline in content {
            switch inline {
            case .link: return true
            case .emphasis(let inner), .strong(let inner):
                if InlineText.plainText(inner).contains(where: { !$0.isWhitespace }) { return startsWithLink(inner) }
            case .text(let s), .code(let s):
                if s.contains(where: { !$0.isWhitespace }) { return false }
            case .lineBreak: continue
            }
        }
        return false
    }

    /// "Related: <a>Another story</a>", "» See also: <a>…</a>": a short line of a teaser label, a colon and
    /// another story's title, mostly linked. A paragraph whose label is anything else ("Note: …") is the story's.
    static func isColonTeaser(_ content: [Inline], _ text: String) -> Bool {
        let bytes = text.utf8
        // The colon ends a short label: ASCII ":" or full-width "：" (EF BC 9A), within the first
        // `teaserLabelMaxBytes` + 1 bytes.
        var source = text
        let found: (offset: Int, width: Int)? = source.withUTF8 { b in
            var p = 0
            while p < b.count && p <= Vocabulary.Threshold.teaserLabelMaxBytes {
                if b[p] == 0x3A { return (p, 1) }
                if b[p] == 0xEF, p + 2 < b.count, b[p + 1] == 0xBC, b[p + 2] == 0x9A { return (p, 3) }
                p += 1
            }
            return nil
        }
        guard let found else { return isSeparatedTeaser(content, text) }
        let colon = bytes.index(bytes.startIndex, offsetBy: found.offset)
        let width = found.width
        // The label is set before the link, not words of it (a link reading "Related: …" is the author's).
        guard !startsWithLink(content) else { return false }
        let label = normalize(String(text[..<colon].drop { !$0.isLetter }))
        guard !label.isEmpty, terminatingBare.contains(label) || terminatingBare.contains(label + "s")
            || teaserLabels.contains(label) else { return false }
        let rest = text.utf8[bytes.index(colon, offsetBy: width)...]
        let restBytes = rest.count - rest.prefix { $0 == 0x20 }.count
        guard restBytes > 0, !rest.contains(0x0A) else { return false }
        return Double(linkedBytes(content)) >= Vocabulary.Threshold.relatedListMinLinkShare * Double(restBytes)
    }

    /// The end (exclusive) of the blocks of a related box that block `k`, a terminating label, heads inside the
    /// story, or nil when the label ends the story. The box is the outermost element around the label that does
    /// not hold the paragraph before it; it is inside the story when it holds the label and another element
    /// (its links), and the block after it is a paragraph of prose that is a sibling of the paragraph
    /// before it: the story goes on in its own container after the box ("Te puede interesar" and two links
    /// between two paragraphs). Or the story's text comes in chunks, one container each, and the box sits
    /// between two of them: the paragraphs' containers are siblings of one tag and class (`isTextChunkTwin`), and
    /// the box leaves no heading of its own in the output (a next story's headline under "Up next" does).
    /// Comments, an author box or a feed after the label sit in containers of their own, so the label still ends
    /// the story there.
    static func inlineBoxEnd(at k: Int, _ input: BlockOutput, _ texts: [String], tree: PageTree) -> Int? {
        // Sources only, never `runs`: those are recorded for `explain` alone, and the decision must not depend on it.
        guard k > 0, k + 2 < texts.count, isParagraph(input.blocks[k - 1]),
              let end = labelBox(at: k, input, tree: tree)?.end else { return nil }
        let before = input.sources[k - 1]
        let entries = tree.entries
        guard end < texts.count, isParagraph(input.blocks[end]),
              texts[end].utf8.count >= Vocabulary.Threshold.inlineBoxMinNextBytes else { return nil }
        let after = input.sources[end]
        guard after >= 0, after < entries.count else { return nil }
        if entries[after].parent == entries[before].parent { return end }
        guard !input.blocks[(k + 1)..<end].contains(where: { if case .heading = $0 { true } else { false } }),
              isTextChunkTwin(Int(entries[after].parent), of: Int(entries[before].parent), tree: tree)
        else { return nil }
        return end
    }

    /// The end of a related box that label block `k` heads inside the story, wrapped (`inlineBoxEnd`) or set flat
    /// among the paragraphs (`flatBoxEnd`); nil when the label ends the story.
    static func relatedBoxEnd(at k: Int, _ input: BlockOutput, _ texts: [String], tree: PageTree) -> Int? {
        inlineBoxEnd(at: k, input, texts, tree: tree) ?? flatBoxEnd(at: k, input, texts, tree: tree)
    }

    /// A related box set flat among the story's paragraphs, with no wrapper of its own (`<h3>Related</h3><ul>…</ul>`
    /// between two `<p>` of one container): the label, then blocks at least `flatBoxMinLinkDensity` links, then a
    /// paragraph of the story (at least `inlineBoxMinNextBytes`, mostly not links), all children of the container
    /// that holds the paragraph before the label. Returns the end of the box's blocks.
    static func flatBoxEnd(at k: Int, _ input: BlockOutput, _ texts: [String], tree: PageTree) -> Int? {
        guard k > 0, k + 2 < texts.count, isParagraph(input.blocks[k - 1]) else { return nil }
        let entries = tree.entries
        let before = input.sources[k - 1]
        let label = input.sources[k]
        guard before >= 0, label >= 0, before < entries.count, label < entries.count,
              entries[label].parent == entries[before].parent else { return nil }
        let container = entries[before].parent
        func inContainer(_ block: Int) -> Int? {
            let source = input.sources[block]
            return source >= 0 && source < entries.count && entries[source].parent == container ? source : nil
        }
        var end = k + 1
        while end < texts.count, let source = inContainer(end),
              entries[source].linkDensity >= Vocabulary.Threshold.flatBoxMinLinkDensity {
            end += 1
        }
        guard end > k + 1, end < texts.count, isParagraph(input.blocks[end]), let after = inContainer(end),
              texts[end].utf8.count >= Vocabulary.Threshold.inlineBoxMinNextBytes,
              entries[after].linkDensity < Vocabulary.Threshold.flatBoxMinLinkDensity else { return nil }
        return end
    }

    /// The box a label block at `k` opens: its largest ancestor that does not hold block `k - 1`, when that is more
    /// than the label (it has at least two child elements: its links or card, even when an earlier stage removed
    /// them), with the end of the run of blocks from `k` inside it. Nil at the first block.
    static func labelBox(at k: Int, _ input: BlockOutput, tree: PageTree) -> (box: Int, end: Int)? {
        guard k > 0, k < input.blocks.count else { return nil }
        let before = input.sources[k - 1]
        let label = input.sources[k]
        let entries = tree.entries
        guard label >= 0, before >= 0, label < entries.count, before < entries.count else { return nil }
        var box = label
        while entries[box].parent >= 0, !tree.contains(Int(entries[box].parent), before) { box = Int(entries[box].parent) }
        guard box != label, entries[box].parent >= 0, tree.elementChildren(of: box).count >= 2 else { return nil }
        var end = k + 1
        while end < input.blocks.count, input.sources[end] >= 0, tree.contains(box, input.sources[end]) {
            end += 1
        }
        return (box, end)
    }

    /// A native ad set in the story's column: a sponsor's label ("Sponsored", "Anzeige", "Promoted") opening a small
    /// box of its own (`labelBox`) that links somewhere and holds at most `adUnitMaxChars` of text after the label
    /// (the advertiser's headline, a line of pitch, its name). Returns the end of the box's blocks. A label set among
    /// the story's paragraphs, in their own container, opens no box and goes alone (`label-block`).
    static func adUnitEnd(at k: Int, _ input: BlockOutput, _ texts: [String], lower: String, tree: PageTree) -> Int? {
        // Bytes first: asked of every block, and few are short enough to be a label.
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.labelMaxBytes, isParagraph(input.blocks[k]),
              Vocabulary.adUnitLabels.contains(undecorated(lower) ?? lower),
              let (box, end) = labelBox(at: k, input, tree: tree), end > k + 1, tree.entries[box].links > 0
        else { return nil }
        var chars = 0
        for inBox in (k + 1)..<end { chars += texts[inBox].count }
        return chars <= Vocabulary.Threshold.adUnitMaxChars ? end : nil
    }

    /// Whether `chunk` is a container of the story's text like `other`: its sibling, with the same tag and the
    /// same class names, or the other's names and more (a CMS's body chunks, `<div class="article-body">` twice
    /// with an ad or a box of links between them, the second maybe `article-body article-body--locked`); or, class
    /// names aside, the same component name in the same `data-` attribute (`<div data-component="text-block">`,
    /// one of them styled and one not).
    static func isTextChunkTwin(_ chunk: Int, of other: Int, tree: PageTree) -> Bool {
        let entries = tree.entries
        guard chunk >= 0, other >= 0, chunk != other, entries[chunk].parent >= 0,
              entries[chunk].parent == entries[other].parent, entries[chunk].tag == entries[other].tag
        else { return false }
        let chunkNames = Set(entries[chunk].node.classNames)
        let otherNames = Set(entries[other].node.classNames)
        if !chunkNames.isEmpty, !otherNames.isEmpty,
           chunkNames.isSubset(of: otherNames) || otherNames.isSubset(of: chunkNames) {
            return true
        }
        return tree.sharesDataAttribute(chunk, other)
    }

    /// "Also Read | <a>…</a>", "**ALSO READ** <a>…</a>", "Read more – <a>…</a>": a teaser label set before the
    /// link with a bar, a dash or a guillemet instead of a colon, or in bold alone; the link ends the line. A
    /// label run into a sentence ("Read <a>keeping state</a> to learn more", "See also <a>the FAQ</a>") is text.
    /// A box's label set inline before its links ("On the same topic <a>…</a> <a>…</a>") needs no separator
    /// when two or more links follow it with nothing but punctuation between them: no sentence reads so.
    static func isSeparatedTeaser(_ content: [Inline], _ text: String) -> Bool {
        guard let (before, emphasized) = labelBeforeFirstLink(content),
              before.utf8.count <= Vocabulary.Threshold.teaserLabelMaxBytes,
              let first = before.firstIndex(where: \.isLetter), let last = before.lastIndex(where: \.isLetter)
        else { return false }
        let separated = before[before.index(after: last)...].contains { teaserSeparators.contains($0) }
        let label = normalize(String(before[first...last]))
        // Unmarked ("Lire aussi <a>…</a>", the label maybe in a span of its own): a label of two words or more, then
        // one link holding the rest, another story's headline (`isHeadlineLink`). A lone word ("Watch <a>…</a>")
        // may open a sentence, and so may a label before words that go on in lower case ("See also <a>the notes</a>");
        // a manual's cross-reference ("See also <a>FAQ#Why is there only one version?</a>.") is its own text.
        let links = linksOnlyAfterLabel(content)
        guard separated || emphasized || links >= 2
            || (links == 1 && label.contains(" ") && !Vocabulary.crossReferenceLabels.contains(label) && isHeadlineLink(content))
        else { return false }
        guard terminatingBare.contains(label) || teaserLabels.contains(label) else { return false }
        // Nothing but punctuation after the last link.
        guard let lastLink = content.lastIndex(where: { linkedBytes([$0]) > 0 }),
              !InlineText.plainText(Array(content[(lastLink + 1)...])).contains(where: { $0.isLetter || $0.isNumber })
        else { return false }
        let restBytes = text.utf8.count - before.utf8.count
        return restBytes > 0 && !text.contains("\n")
            && Double(linkedBytes(content)) >= Vocabulary.Threshold.relatedListMinLinkShare * Double(restBytes)
    }

    /// Whether the first link in `content` reads as a headline: at least `teaserHeadlineMinWords` words, the first
    /// letter not lower case (a capital, or a script without case).
    static func isHeadlineLink(_ content: [Inline]) -> Bool {
        for inline in content {
            switch inline {
            case .link(_, let inner):
                let text = InlineText.plainText(inner)
                guard let first = text.first(where: \.isLetter), !first.isLowercase else { return false }
                return text.split(whereSeparator: \.isWhitespace).count >= Vocabulary.Threshold.teaserHeadlineMinWords
            case .emphasis(let inner), .strong(let inner):
                if holdsLink(inner) { return isHeadlineLink(inner) }
            default:
                continue
            }
        }
        return false
    }

    /// How many links follow the first one's label in `content` when they hold the rest of it, with nothing
    /// between and after them but spaces and punctuation; 0 when words stand among them.
    static func linksOnlyAfterLabel(_ content: [Inline]) -> Int {
        var links = 0
        for inline in content {
            if case .link = inline {
                links += 1
            } else if links > 0, InlineText.plainText([inline]).contains(where: { $0.isLetter || $0.isNumber }) {
                return 0
            }
        }
        return links
    }

    /// What sets a teaser label off from its link besides a colon ("Also Read | …", "Read more – …"), and the
    /// closing brackets of a label in brackets ("【関連】…", "[관련기사] …", "【相关阅读】…").
    static let teaserSeparators: Set<Character> = ["|", "-", "–", "—", "»", ">", "•", "›", "】", "]", "」", "》"]

    /// The plain text before the first link of `content` (inside emphasis too), and whether its words are set
    /// in bold or italics; nil without a link.
    static func labelBeforeFirstLink(_ content: [Inline]) -> (String, Bool)? {
        // Most paragraphs hold no link: ruled out before any text is gathered.
        guard holdsLink(content) else { return nil }
        var before = ""
        var emphasized: Bool?
        func walk(_ inlines: [Inline], inEmphasis: Bool) -> Bool {
            for inline in inlines {
                switch inline {
                case .link: return true
                case .emphasis(let inner), .strong(let inner): if walk(inner, inEmphasis: true) { return true }
                case .text(let s), .code(let s):
                    if emphasized == nil, s.contains(where: \.isLetter) { emphasized = inEmphasis }
                    before += s
                case .lineBreak: before += "\n"
                }
            }
            return false
        }
        return walk(content, inEmphasis: false) ? (before, emphasized ?? false) : nil
    }

    /// Whether `content` holds a link, at its top level or inside emphasis (where `labelBeforeFirstLink` looks).
    static func holdsLink(_ content: [Inline]) -> Bool {
        content.contains { inline in
            switch inline {
            case .link: return true
            case .emphasis(let inner), .strong(let inner): return holdsLink(inner)
            case .text, .code, .lineBreak: return false
            }
        }
    }

    /// A list whose first item is a terminating label ("Related posts", then the links): the list is the
    /// related widget, and the story is over.
    static func isRelatedList(_ block: Block) -> Bool {
        guard case .list(_, let items) = block, items.count >= 2, let first = items.first?.first else { return false }
        switch first {
        case .paragraph, .heading: break
        default: return false
        }
        let text = first.plainText
        guard text.utf8.count <= Vocabulary.Threshold.terminatingMaxBytes else { return false }
        guard terminatingBare.contains(normalize(text)) else { return false }
        // The rest are links (a spec list headed "Recommended:" is not a widget).
        var bytes = 0
        var linked = 0
        for item in items.dropFirst() {
            for block in item {
                switch block {
                case .paragraph(let content), .heading(_, let content):
                    bytes += block.plainText.utf8.count
                    linked += linkedBytes(content)
                default:
                    continue
                }
            }
        }
        return bytes > 0 && Double(linked) >= Vocabulary.Threshold.relatedListMinLinkShare * Double(bytes)
    }

    /// `lower` without a leading "¿" and trailing question marks ("was this article helpful?").
    static func withoutQuestionMarks(_ lower: String) -> String {
        // A byte screen first: a text ending in "?" ends in byte 0x3F, one ending in "？" in 0x9F, one opening
        // with "¿" opens with 0xC2; most texts have none of them and skip the Character comparisons.
        let bytes = lower.utf8
        guard bytes.last == 0x3F || bytes.last == 0x9F || bytes.first == 0xC2 else { return lower }
        guard lower.hasSuffix("?") || lower.hasSuffix("？") || lower.hasPrefix("¿") else { return lower }
        var text = Substring(lower)
        if text.hasPrefix("¿") { text = text.dropFirst() }
        while let last = text.last, last == "?" || last == "？" || last == " " { text = text.dropLast() }
        return String(text)
    }

    static func isTerminating(_ block: Block, _ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.terminatingMaxBytes,
            lower.hasCharacters(atMost: Vocabulary.Threshold.terminatingMaxChars)
        else { return false }
        switch block {
        case .heading, .paragraph: break
        default: return false
        }
        if terminatingBare.contains(lower) { return true }
        if let label = withoutTrailingCount(lower),
           terminatingBare.contains(label) || Vocabulary.countedDiscussionLabels.contains(label) { return true }
        if terminatingLabels.contains(withoutQuestionMarks(lower)) { return true }
        if case .heading = block, lower.hasCharacters(atMost: Vocabulary.Threshold.terminatingHeadingPrefixMaxChars) {
            if terminatingMultiword.matches(lower) { return true }
        }
        // "12 Comments", "3 responses to ..." (`lower` is normalised: its first character starts the first word).
        guard startsWithNumber(lower) else { return false }
        let words = lower.split(separator: " ")
        if words.count <= Vocabulary.Threshold.commentCountMaxWords, let first = words.first, first.allSatisfy(\.isNumber),
            words.count > 1, Vocabulary.reactionWords.contains(String(words[1]))
        {
            return true
        }
        return false
    }

    /// A heading that matched a terminating label only as its first words ("More from Tuesday's meeting"), not whole
    /// ("More from", "Related articles (3)").
    static func isLabelPrefixOnly(_ lower: String) -> Bool {
        !terminatingBare.contains(lower) && !(withoutTrailingCount(lower).map(terminatingBare.contains) ?? false)
            && !terminatingLabels.contains(withoutQuestionMarks(lower))
    }

    /// Whether the heading at `k` is followed by the story's prose: the heading, the paragraph before it and the
    /// blocks after it (the next two, or the one left) are children of one container, and those after are prose
    /// paragraphs (each at least `inlineBoxMinNextBytes`, mostly not links). A widget's label sits in a box of its
    /// own, or over links, cards and calls to act ("More from CFR" over a pitch and a list of links).
    static func headsStoryProse(at k: Int, _ input: BlockOutput, _ texts: [String], tree: PageTree) -> Bool {
        guard k > 0, k + 1 < texts.count, isParagraph(input.blocks[k - 1]) else { return false }
        let entries = tree.entries
        func source(_ i: Int) -> Int? {
            let s = input.sources[i]
            return s >= 0 && s < entries.count ? s : nil
        }
        guard let before = source(k - 1), let heading = source(k) else { return false }
        let container = entries[before].parent
        guard entries[heading].parent == container else { return false }
        return ((k + 1)...min(k + 2, texts.count - 1)).allSatisfy { i in
            guard isParagraph(input.blocks[i]), texts[i].utf8.count >= Vocabulary.Threshold.inlineBoxMinNextBytes,
                  let after = source(i) else { return false }
            return entries[after].parent == container && entries[after].linkDensity < Vocabulary.Threshold.flatBoxMinLinkDensity
        }
    }

    /// A label without the count in brackets after it ("みんなの感想（3件）" → "みんなの感想", "comments (12)" →
    /// "comments"): the brackets, ASCII or full-width, hold a digit and at most `Threshold.labelCountMaxBytes`
    /// bytes. Nil when the text does not end so.
    static func withoutTrailingCount(_ lower: String) -> String? {
        // Asked of every short block: most end in neither bracket (")", or the last byte of "）").
        guard let last = lower.utf8.last, last == 0x29 || last == 0x89, lower.hasSuffix(")") || lower.hasSuffix("）"),
              let open = lower.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return nil }
        let count = lower[open...]
        guard count.utf8.count <= Vocabulary.Threshold.labelCountMaxBytes,
              count.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let label = lower[..<open].trimmingCharacters(in: .whitespaces)
        return label.isEmpty ? nil : label
    }

    /// `lower.first?.isNumber == true` (a Character is a number when its first scalar has a numeric type),
    /// read off the first byte when it is ASCII: there the first scalar is that byte, a number when a digit.
    static func startsWithNumber(_ lower: String) -> Bool {
        guard let first = lower.utf8.first else { return false }
        if first < 0x80 { return first >= 0x30 && first <= 0x39 }
        return lower.first?.isNumber == true
    }

    /// A comment section's label with its count: a label of comments or discussion and a count in brackets
    /// ("Diskussion (31)", "Okur yorumları (24)", "Comments (12)"), or as a heading a count and the word ("24
    /// Comments"; a card's "9 comments" line in a feed is no heading).
    static func isCountedCommentLabel(_ lower: String, heading: Bool) -> Bool {
        if let label = withoutTrailingCount(lower) {
            return Vocabulary.countedDiscussionLabels.contains(label) || isReplySectionLabel(label)
                || Vocabulary.commentSectionLabels.contains(label)
        }
        guard heading, startsWithNumber(lower) else { return false }
        let words = lower.split(separator: " ")
        return words.count == 2 && words[0].allSatisfy(\.isNumber) && isReplySectionLabel(String(words[1]))
    }

    /// A reply section's label: words from `Vocabulary.replySectionWords` with at most a count ("Comments",
    /// "12 replies", "Antworten (4)").
    static func isReplySectionLabel(_ lower: String) -> Bool {
        let words = lower.split(whereSeparator: { !$0.isLetter })
        return !words.isEmpty && words.count <= Vocabulary.Threshold.commentCountMaxWords
            && words.allSatisfy { Vocabulary.replySectionWords.contains(String($0)) }
    }

    static func isShareLine(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= Vocabulary.Threshold.shareLineMaxBytes, lower.hasCharacters(atMost: Vocabulary.Threshold.shareLineMaxChars),
              shareTriggerScreen.matches(lower) else { return false }
        let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard !words.isEmpty else { return false }
        return words.allSatisfy { Vocabulary.shareWords.contains(String($0)) }
            && words.contains { Vocabulary.shareTriggerWords.contains(String($0)) }
    }

    /// "Tags: budget, council", "タグ: 図書館": a label of `Vocabulary.tagLineLabels` and a colon.
    static func isTagLine(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.hasCharacters(atMost: Vocabulary.Threshold.tagLineMaxChars) else { return false }
        guard tagLineLabels.matches(lower) else { return false }
        for label in Vocabulary.tagLineLabels where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count).drop { $0 == " " }
            if rest.hasPrefix(":") || rest.hasPrefix("：") { return true }
        }
        return false
    }

    /// "责任编辑：王小明": a label of `Vocabulary.editorCreditLabels`, a colon and a name, on a short line.
    /// Compared on bytes: asked of every paragraph, and most open with a byte no label opens with.
    static func isEditorCredit(_ lower: String) -> Bool {
        let bytes = lower.utf8
        guard let first = bytes.first, editorCreditFirstBytes.contains(first),
              lower.hasCharacters(atMost: Vocabulary.Threshold.signoffMaxChars) else { return false }
        for label in editorCreditLabelBytes where bytes.starts(with: label) {
            let rest = bytes.dropFirst(label.count).drop { $0 == 0x20 }
            if rest.starts(with: [0x3A]) || rest.starts(with: [0xEF, 0xBC, 0x9A]) { return true }  // ":" or "："
        }
        return false
    }

    static let editorCreditLabelBytes = Vocabulary.editorCreditLabels.map { Array($0.utf8) }
    static let editorCreditFirstBytes = Set(editorCreditLabelBytes.compactMap(\.first))

    /// A short call to subscribe ("Get updates by email"), in any of `Vocabulary.subscribeCues`' languages.
    static func isSubscribeLine(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.hasCharacters(atMost: Vocabulary.Threshold.subscribeLineMaxChars) else { return false }
        return subscribeScreen.matches(lower)
    }

    /// A short call to follow the site on social media ("Follow us on X and Telegram for updates"), starting
    /// with one of `Vocabulary.followCueStarts`. Whole text "follow us" is a label of its own.
    /// An icon before the call ("📲 Siga o canal … no WhatsApp") does not hide it: the call is read from its
    /// first letter.
    static func isFollowLine(_ lower: String) -> Bool {
        guard let lead = lower.utf8.first, lower.utf8.count <= 4 * Vocabulary.Threshold.followLineMaxChars,
              lower.hasCharacters(atMost: Vocabulary.Threshold.followLineMaxChars) else { return false }
        // Most lines open with a letter: they are read as they are, without looking for a first letter. Read off the
        // first byte: an ASCII letter, or a lead byte of letters (not 0xC2, punctuation such as "»", nor 0xE2,
        // symbols such as "▶", nor 0xF0 and above, emoji).
        let opensWithLetter = lead < 0x80 ? (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A
            : lead != 0xC2 && lead != 0xE2 && lead < 0xF0
        let call = opensWithLetter ? lower : String(lower.drop { !$0.isLetter })
        guard !call.isEmpty else { return false }
        return call == "follow us" || followCueStarts.first(in: call) != nil || isFollowByName(call)
            || isFollowCueEnding(call) || isTagUsCall(call)
    }

    /// A call to tag the site in one's own posts: a handle ("@roofandhive") and a hashtag ("#roofandhive") and a
    /// word asking for it (`Vocabulary.tagUsCues`). A sentence that quotes a post names a handle or a hashtag, and
    /// asks nothing.
    static func isTagUsCall(_ lower: String) -> Bool {
        func marks(_ sign: UInt8) -> Bool {
            var previous: UInt8 = 0x20
            for byte in lower.utf8 {
                if previous == sign, (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 { return true }
                previous = byte
            }
            return false
        }
        guard lower.utf8.contains(0x40), lower.utf8.contains(0x23), marks(0x40), marks(0x23) else { return false }
        return tagUsScreen.matches(lower)
    }

    static let tagUsScreen = FragmentScreen(Vocabulary.tagUsCues)

    /// A short line ending with a follow verb of a verb-last language (`Vocabulary.followCueEnds`), trailing
    /// punctuation aside. On bytes: asked of every short paragraph, and Unicode-aware suffix tests cost more than
    /// the rest of the paragraph's screening together.
    static func isFollowCueEnding(_ lower: String) -> Bool {
        var lower = lower
        return lower.withUTF8 { bytes in
            var end = bytes.count
            // Trailing ASCII punctuation and spaces, the full stop and exclamation mark of CJK text, and the
            // Devanagari full stop (danda, E0 A5 A4).
            while end > 0 {
                let byte = bytes[end - 1]
                let asciiAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if byte < 0x80 && !asciiAlphanumeric {
                    end -= 1
                } else if end >= 3, (bytes[end - 3], bytes[end - 2], byte) == (0xE3, 0x80, 0x82)
                    || (bytes[end - 3], bytes[end - 2], byte) == (0xEF, 0xBC, 0x81)
                    || (bytes[end - 3], bytes[end - 2], byte) == (0xE0, 0xA5, 0xA4) {
                    end -= 3
                } else {
                    break
                }
            }
            let body = UnsafeBufferPointer(rebasing: bytes[..<end])
            return followCueEndBytes.contains { body.count >= $0.count && body.suffix($0.count).elementsEqual($0) }
        }
    }

    static let followCueEndBytes = Vocabulary.followCueEnds.map { Array($0.utf8) }

    /// "Follow The Daily Post on Google News": a follow verb (`Vocabulary.followVerbStarts`) opening a short line
    /// that ends with a network (`Vocabulary.followNetworks`), trailing punctuation and symbols aside.
    static func isFollowByName(_ lower: String) -> Bool {
        guard followVerbStarts.first(in: lower) != nil,
              lower.hasCharacters(atMost: Vocabulary.Threshold.followByNameMaxChars) else { return false }
        guard let lastLetter = lower.lastIndex(where: \.isLetter) else { return false }
        let body = lower[...lastLetter]
        return Vocabulary.followNetworks.contains { network in
            if body.hasSuffix(" " + network) { return true }
            // Or the network, then what following brings ("… on Google News for more local stories").
            guard let at = body.range(of: " " + network + " ") else { return false }
            let tail = body[at.upperBound...]
            return Vocabulary.followPurposeStarts.contains { tail.hasPrefix($0) }
                && tail.count <= Vocabulary.Threshold.followPurposeMaxChars
        }
    }

    /// The page's copyright line: a short paragraph reserving all rights, in any of
    /// `Vocabulary.rightsReservedPhrases`' languages. What follows it is the page's footer.
    /// `lower`: the text already normalised (lowercased, whitespace collapsed), or empty.
    /// A sentence quoting the words ("“All rights reserved,” he wrote on every notebook.") opens with a quotation
    /// mark: the story's, not the page's notice.
    static func isCopyrightLine(_ text: String, lower normalized: String = "") -> Bool {
        // Bytes first: counting characters of every long paragraph would cost more than the test.
        guard text.utf8.count <= 4 * Vocabulary.Threshold.copyrightLineMaxChars,
              text.hasCharacters(atMost: Vocabulary.Threshold.copyrightLineMaxChars) else { return false }
        let lower = normalized.isEmpty ? text.lowercased() : normalized
        guard rightsReservedScreen.matches(lower) else { return false }
        return !(text.first.map(Vocabulary.openingQuotes.contains) ?? false)
    }

    /// A short paragraph with a copyright sign (`Vocabulary.copyrightSigns`) followed by a year or year range:
    /// "© 2026 Example Inc.", "Example Docs © 2010-2018 Example Ltd.". A sign without a year ("Photo: © Agency")
    /// is a picture credit, not the page's notice.
    static func isDatedCopyrightLine(_ text: String) -> Bool {
        guard text.utf8.count <= 4 * Vocabulary.Threshold.copyrightLineMaxChars,
              text.hasCharacters(atMost: Vocabulary.Threshold.copyrightLineMaxChars) else { return false }
        let lower = text.lowercased()
        for sign in Vocabulary.copyrightSigns {
            var from = lower.startIndex
            while let range = lower.foundationRange(of: sign, range: from..<lower.endIndex) {
                from = range.upperBound
                let rest = lower[range.upperBound...].drop { $0 == " " || $0 == "\u{00A0}" || $0 == "©" }
                let digits = rest.prefix(4)
                if digits.count == 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                   digits.hasPrefix("19") || digits.hasPrefix("20") {
                    return true
                }
            }
        }
        return false
    }

    /// The first words of a text, lowercased: runs of letters and digits, up to the first `max + 1` of them.
    static func openingWords(_ text: String, max: Int) -> [String] {
        var opening: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                opening.append(current.lowercased())
                current = ""
                if opening.count > max { break }
            }
        }
        if !current.isEmpty { opening.append(current.lowercased()) }
        return opening
    }

    /// `openingWords` read on the bytes while they are ASCII (where every Character is one byte, CR LF aside,
    /// which is neither letter nor digit, and the letters and digits are A–Z, a–z and 0–9); nil when a non-ASCII
    /// byte comes before the words are complete (a combining mark could join the letter before it).
    static func asciiOpeningWords(_ text: String, max: Int) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var opening: [String] = []
            var start = -1
            for k in bytes.indices {
                let b = bytes[k]
                if b >= 0x80 { return nil }
                let lower = b | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = k }
                } else if start >= 0 {
                    opening.append(asciiLowercased(UnsafeBufferPointer(rebasing: bytes[start..<k])))
                    start = -1
                    if opening.count > max { return opening }
                }
            }
            if start >= 0 {
                // The last word runs to the end: only ASCII follows it, so no mark can join it.
                opening.append(asciiLowercased(UnsafeBufferPointer(rebasing: bytes[start...])))
            }
            return opening
        }
    }

    /// ASCII bytes lowercased into a String.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for k in bytes.indices { out[k] = bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] | 0x20 : bytes[k] }
            return bytes.count
        }
    }

    /// Whether the text holds a ".", "!" or "?" (read on its contiguous bytes, not through the UTF-8 view).
    static func endsASentence(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } }
    }

    /// A marquee's text: one short phrase ("Book now ✱", "Free returns •") given over and over in one block, so
    /// that a scrolling animation never shows a gap. At most `tickerMaxPhraseWords` words, repeated at least
    /// `tickerMinRepeats` times with nothing else (symbols between copies do not count), and no sentence's end.
    static func isTicker(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        // A marquee repeats a label; a sentence given over and over ("It works. It works. …") is the author's.
        guard text.utf8.count >= t.tickerMinBytes, !endsASentence(text) else { return false }
        // First the opening words alone: without the first word given again among them there is no phrase.
        let opening = asciiOpeningWords(text, max: t.tickerMaxPhraseWords) ?? openingWords(text, max: t.tickerMaxPhraseWords)
        guard let head = opening.first, opening.dropFirst().contains(head) else { return false }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard let first = words.first else { return false }
        // The phrase ends where its first word comes back.
        guard let period = words.dropFirst().prefix(t.tickerMaxPhraseWords).firstIndex(of: first),
              words.count >= period * t.tickerMinRepeats else { return false }
        for k in period..<words.count where words[k] != words[k % period] { return false }
        return true
    }

    /// A date (and time) alone on a line: it parses as a date, ends no sentence, and its only words are month
    /// names, date units and short tokens ("am", "de", "th"): "2026年11月20日 10:15", "3 March 2026, 10:15 am".
    static func isDateline(_ text: String) -> Bool {
        let t = Vocabulary.Threshold.self
        guard text.utf8.count <= 4 * t.datelineMaxChars, text.hasCharacters(atMost: t.datelineMaxChars), let last = text.last,
            last != ".", last != "。",
            DateParser.parse(text) != nil
        else { return false }
        var words = 0, connectors = 0
        for token in DateParser.tokenize(text) {
            // "2026年3月10日 18時05分": the units of an East Asian date and time are not words.
            guard case .word(let word) = token, !DateParser.eastAsianUnits.contains(word) else { continue }
            // "Tuesday, 20 November 2026": the weekday is the date's, not a word of a sentence.
            if Vocabulary.weekdayNames.contains(word) { continue }
            // "20 de novembro de 2026 às 10h15": the joining words of a spelled-out date and the hour's unit are
            // counted apart, up to `datelineMaxConnectors`.
            if word.count <= t.datelineConnectorChars && connectors < t.datelineMaxConnectors {
                connectors += 1
                continue
            }
            words += 1
            let isDateWord = word.count <= t.datelineShortWordChars || DateParser.monthNames[word] != nil
            if !isDateWord || words > t.datelineMaxWords { return false }
        }
        return true
    }

    /// A date under a label ("Published: Apr. 7, 2026, 3:30 PM", "Aktualisiert am 3. Mai 2026"): one of
    /// `Vocabulary.dateLabels`, an optional colon, then a dateline. `lower`: the normalised text.
    static func isLabelledDateline(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= 4 * Vocabulary.Threshold.datelineMaxChars + Self.dateLabelMaxBytes,
              lower.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        for label in Vocabulary.dateLabels where lower.hasPrefix(label) {
            let rest = lower.dropFirst(label.count)
            // The label ends its word.
            guard let next = rest.first, next == " " || next == ":" else { continue }
            let date = rest.drop { $0 == " " || $0 == ":" }
            if !date.isEmpty, isDateline(String(date)) { return true }
        }
        return false
    }

    static let dateLabelMaxBytes = Vocabulary.dateLabels.map(\.utf8.count).max() ?? 0

    /// Two or more labelled dates on one line, split by `Vocabulary.metaLineSeparators` ("Posted: May 12, 2026 |
    /// Updated: May 14, 2026"). `lower`: the normalised text.
    static func isLabelledDates(_ lower: String) -> Bool {
        guard !lower.isEmpty, lower.utf8.count <= 2 * (4 * Vocabulary.Threshold.datelineMaxChars + Self.dateLabelMaxBytes),
              metaLineSeparatorScreen.matches(lower) else { return false }
        let parts = metaLineParts(lower)
        return parts.count >= 2 && parts.allSatisfy(isLabelledDateline)
    }

    /// The parts of a meta line between `Vocabulary.metaLineSeparators`, spaces trimmed, empty parts left out
    /// (`isMetaLine`, `isPostFooterLine`, `isLabelledDates`). ASCII text is split on its bytes: no separator
    /// holds CR or LF, so each ASCII byte stands for the Character it is, and the matches are the same.
    static func metaLineParts(_ text: String) -> [String] {
        var parts = [text]
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        for separator in Vocabulary.metaLineSeparators {
            parts = parts.flatMap { ascii ? asciiSplit($0, separator: separator) : $0.split(separator: separator).map(String.init) }
        }
        return parts.map { String($0.drop { $0 == " " }).trimmingSuffixSpaces() }.filter { !$0.isEmpty }.map(String.init)
    }

    /// `text.split(separator: separator)` (empty pieces omitted) for ASCII `text`, matched on bytes, left to right.
    static func asciiSplit(_ text: String, separator: String) -> [String] {
        var text = text
        var separator = separator
        return text.withUTF8 { bytes in
            separator.withUTF8 { sep in
                guard !sep.isEmpty, bytes.count >= sep.count else { return bytes.isEmpty ? [] : [String(decoding: bytes, as: UTF8.self)] }
                var pieces: [String] = []
                var start = 0
                var i = 0
                while i + sep.count <= bytes.count {
                    if bytes[i] == sep[0] && (1..<sep.count).allSatisfy({ bytes[i + $0] == sep[$0] }) {
                        if i > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                        i += sep.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                if bytes.count > start {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                }
                return pieces
            }
        }
    }

    /// The comment section's moderation notice left at the end of a story: it names the comments and the
    /// moderation (or responsibility, opinion, removal), in a short paragraph.
    static func isCommentNotice(_ text: String) -> Bool {
        guard text.utf8.count <= 4 * Vocabulary.Threshold.trailingNoticeMaxChars,
              text.hasCharacters(atMost: Vocabulary.Threshold.trailingNoticeMaxChars) else { return false }
        let lower = text.lowercased()
        return commentWordScreen.matches(lower) && commentPolicyScreen.matches(lower)
    }

    // The phrase lists, each searched in one pass over the text (the texts are lowercased first, so the
    // screens' ASCII case folding changes nothing).
    static let shareTriggerScreen = FragmentScreen(Array(Vocabulary.shareTriggerWords))
    static let subscribeScreen = FragmentScreen(Vocabulary.subscribeCues)
    static let rightsReservedScreen = FragmentScreen(Vocabulary.rightsReservedPhrases)
    static let commentWordScreen = FragmentScreen(Vocabulary.commentWords)
    static let commentPolicyScreen = FragmentScreen(Vocabulary.commentPolicyWords)

    // The start lists, each tested on the text's bytes.
    static let finePrintStarts = PrefixList(Vocabulary.finePrintStarts)
    static let callToActionStarts = PrefixList(Vocabulary.callToActionStarts)
    static let tagLineLabels = PrefixList(Vocabulary.tagLineLabels)
    static let followCueStarts = PrefixList(Vocabulary.followCueStarts)
    static let followVerbStarts = PrefixList(Vocabulary.followVerbStarts)
    static let bylineStarts = PrefixList(Vocabulary.bylineStarts)
    static let labelledBylineStarts = PrefixList(Vocabulary.labelledBylineStarts)
    static let namedBylineStarts = PrefixList(Vocabulary.namedBylineStarts)

    /// The words that start a byline, alone ("by", "written by", "autor"): what a byline line keeps when the
    /// name and date it labelled went as byline-classed fields (`isOrphanBylineLabel`).
    /// A `ShortTextSet`: asked of every paragraph, most far longer than any label.
    static let bylineLabels = ShortTextSet(Set(
        (Vocabulary.bylineStarts + Vocabulary.namedBylineStarts + Vocabulary.labelledBylineStarts).map { start in
            var label = Substring(start)
            while let last = label.last, last == " " || last == ":" || last == "：" { label.removeLast() }
            return String(label)
        }))

    /// A paragraph that is only a byline's label ("By", "Written by:") with no short line after it for it to
    /// label: the name and date it introduced were byline-classed fields, removed by the pruning, and the label
    /// is left over. Followed by a short line ("Written By" / "Our Research Team"), it labels that line and stays (under
    /// the headline, the pair goes as a byline: `labelledNameEnd`).
    /// Another byline's label next ("By" over "Edited by" over "Reviewed by") is no line it labels either.
    static func isOrphanBylineLabel(_ lower: String, next: Block?, nextText: String?) -> Bool {
        if isLabelWithConnectors(lower) { return true }
        guard bylineLabels.contains(lower) else { return false }
        guard let next, let nextText else { return true }
        guard isParagraph(next), nextText.hasCharacters(atMost: Vocabulary.Threshold.bylineMaxChars) else { return true }
        return bylineLabels.contains(normalize(nextText))
    }

    /// Where a byline's name lines end after the label at `k`: the name line ("Jane Doe") and any repeats of it
    /// right after; nil when no name line follows the label.
    static func labelledNameEnd(after k: Int, _ blocks: [Block], _ texts: [String]) -> Int? {
        let first = k + 1
        guard first < blocks.count, isNameLine(blocks[first], texts[first]) else { return nil }
        var end = first + 1
        while end < blocks.count, isParagraph(blocks[end]), texts[end] == texts[first] { end += 1 }
        return end
    }

    /// A byline's label with only the joining words of the fields it introduced left ("By on" from "By <a
    /// class=author>…</a> on <time>…</time>", "by and"): words of at most `bylineConnectorChars` letters, at most
    /// `bylineConnectorsMax` of them. Such a line labels nothing that follows.
    static func isLabelWithConnectors(_ lower: String) -> Bool {
        let t = Vocabulary.Threshold.self
        // The space sought on bytes (Foundation's `contains(" ")` cost more than the test): a text without byte
        // 0x20 has no " " to split on either.
        guard lower.utf8.count <= t.bylineLabelWithConnectorsMaxBytes, lower.utf8.contains(0x20) else { return false }
        // In ASCII text (no CR, which pairs with LF) every byte is a Character: a last word longer than a
        // connector, counted in bytes, leaves nothing to drop (most texts asked), before any splitting.
        let bytes = lower.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }),
           bytes.reversed().drop(while: { $0 == 0x20 }).prefix(while: { $0 != 0x20 }).count > t.bylineConnectorChars {
            return false
        }
        var words = lower.split(separator: " ")
        var connectors = 0
        while words.count > 1, let last = words.last, last.count <= t.bylineConnectorChars,
              !last.contains(where: \.isNumber), connectors < t.bylineConnectorsMax {
            words.removeLast()
            connectors += 1
            if bylineLabels.contains(words.joined(separator: " ")) { return true }
        }
        return false
    }

    static func isByline(_ text: String, _ lower: String) -> Bool {
        guard text.utf8.count <= Vocabulary.Threshold.bylineMaxBytes else { return false }
        let start: String
        if let english = bylineStarts.first(in: lower) {
            start = english
        } else if let label = labelledBylineStarts.first(in: lower) {
            start = label
        } else if let other = namedBylineStarts.first(in: lower) {
            // "Por Lucía Fernández 03/02/2026": two capitalised words without digits after the word for "by" (in a
            // script without case, "โดย สมชาย ใจดี", two words of letters).
            let name = text.dropFirst(other.count).split(separator: " ").prefix(2)
            guard name.count == 2, name.allSatisfy({ word in
                guard let first = word.first, first.isUppercase || (first.isLetter && !first.isCased) else { return false }
                return !word.contains(where: \.isNumber)
            }) else { return false }
            start = other
        } else {
            return false
        }
        guard text.hasCharacters(atMost: Vocabulary.Threshold.bylineMaxChars) else { return false }
        let words = text.split(separator: " ")
        guard words.count <= Vocabulary.Threshold.bylineMaxWords, let firstChar = text.dropFirst(start.count).first else { return false }
        // "by the river", "reviewed by the board": a credit names someone, capitalised.
        if (start.hasSuffix("by ") || start.hasSuffix("by: ")) && !firstChar.isUppercase { return false }
        let endsSentence = text.hasSuffix(".") && !(text.last?.isNumber ?? false)
        return !endsSentence || words.count <= Vocabulary.Threshold.bylineSentenceMaxWords
    }
}

extension String {
    /// Runs of spaces/newlines/tabs become one space; ends trimmed (ASCII whitespace and no-break space).
    func collapsingWhitespaceSimple() -> String {
        // Already collapsed (single inner spaces, no other whitespace, nothing to trim): the split would rejoin
        // the same text, so skip it.
        var text = self
        let collapsed = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20)
                    || (byte == 0xA0 && previous == 0xC2) { return false }
                previous = byte
            }
            return true
        }
        if collapsed { return self }
        return split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" })
            .joined(separator: " ")
    }
}
