import Foundation

/// Chooses the story title from the `<title>` element, the page's `<h1>`s and the declared titles (JSON-LD
/// headline, og:title, twitter:title, DC/Parse.ly titles).
///
/// Steps, after newspaper4k and Readability: (1) a `<title>` equal to a reference (ignoring case and
/// punctuation) is kept; (2) a `<title>` made of a reference plus site-name pieces (split on ` | `, ` - `, ` – `,
/// ` — `, ` :: `, ` » `, ` · `, `: `) yields that reference's piece; (3) a `<title>` that is only the site name
/// (or longer than `maximumTitleBytes`) gives way to the first reference; (4) otherwise site-name and
/// domain-looking pieces are cut from its ends, and a short trailing piece after a long one is treated as the
/// site name. Headings are weighed against them in `choose`: an `<h1>` the `<title>` or a declared title confirms,
/// else a sole `<h1>` on a story page or under a `<title>` cut short with an ellipsis (or an `<h2>` the page
/// declares as its title, when the `<h1>` is a kicker). Headings in a pop-up (a sign-up modal) are left out by
/// the caller while another is shown with the page.
public enum TitleReconciler {
    /// Separators that join a title and a site name, longest first so " :: " wins over ": ".
    static let separators = [" :: ", " | ", " – ", " — ", " - ", " » ", " « ", " · ", " • ", " / ", ": ", " ~ "]
    /// Separators safe to cut on without a reference to confirm the cut (a colon often belongs to the title).
    static let blindSeparators: Set<String> = [" :: ", " | ", " – ", " — ", " - ", " » ", " « ", " · ", " • ", " ~ "]
    /// A `<title>` or declared title longer than this many UTF-8 bytes is not a title: it is what an unclosed
    /// `<title>` swallowed (the rest of the page), or junk. Matching cuts the title at every separator and
    /// compares every cut, so the work grows with the square of the length; real titles stay far below this.
    static let maximumTitleBytes = 2048

    /// The reconciled title, or nil when the page offers none.
    /// - Parameters:
    ///   - titleTag: the `<title>` text.
    ///   - headings: the `<h1>` texts in document order.
    ///   - declared: declared titles, most trusted first (JSON-LD headline, og:title, twitter:title...).
    ///   - siteName: the site's name, when known, to recognise the site piece.
    ///   - host: the page's host name, to recognise domain-like pieces.
    ///   - isStory: whether the page has story evidence (an article in its JSON-LD or og:type, a byline, a story
    ///     URL): only there does a sole `<h1>` that the `<title>` does not confirm win over it (step 4 of `choose`).
    ///   - subheadings: the first `<h2>` texts, in document order (see step 4 of `choose`).
    ///   - url: the page's address, whose last path segment is often the story's title as a slug (step 4).
    public static func reconcile(titleTag: String?, headings: [String], subheadings: [String] = [], declared: [String],
                                 siteName: String?, host: String?, isStory: Bool = true, url: String? = nil) -> String? {
        reconciled(titleTag: titleTag, headings: headings, subheadings: subheadings, declared: declared,
                   siteName: siteName, host: host, isStory: isStory, slug: slugWords(url)).title
    }

    /// The reconciled title and the page's visible headline as a title.
    struct Reconciled {
        let title: String?
        /// `title`, or on a page without story evidence the sole `<h1>` that the title did not take (the content
        /// stages drop it from the text as the headline).
        let headline: String?
    }

    /// As `reconcile`, with the headline the title passed over.
    static func reconciled(titleTag: String?, headings: [String], subheadings: [String] = [], declared: [String],
                           siteName: String?, host: String?, isStory: Bool, slug: Set<String> = []) -> Reconciled {
        let siteKeys = siteKeySet(siteName: siteName, host: host)
        var passedOver: String?
        var title = choose(titleTag: titleTag, headings: headings, subheadings: subheadings, declared: declared,
                           siteKeys: siteKeys, isStory: isStory, slug: slug, passedOver: &passedOver)
            .map { tidy($0, siteKeys: siteKeys) }
        if let chosen = title, isAllCapitals(chosen) {
            let others = (titleTag.map { split($0).map(\.text) } ?? []) + declared + headings
            title = others.first { !isAllCapitals($0) && key($0) == key(chosen) }?.trimmedWhitespace() ?? chosen
        }
        return Reconciled(title: title, headline: passedOver.map { tidy($0, siteKeys: siteKeys) } ?? title)
    }

    /// Whether a title is set in capitals only ("FERRY FARES FROZEN"): the CMS's display style, which another
    /// source of the same words (the `<title>`, og:title) gives in the headline's own case.
    static func isAllCapitals(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isUppercase { letters += 1 }
        }
        return letters >= minimumCapitalLetters
    }

    /// Capital letters a title needs to count as set in capitals (an acronym title such as "NASA" does not).
    static let minimumCapitalLetters = 8

    /// The chosen title with what still marks it as a page title rather than a headline cut off: a site piece
    /// at either end (headings and declared titles repeat the site name too: "Story – Site"), and everything
    /// from the first ` | ` on when what precedes it is a headline of three words or more (a pipe separates
    /// title segments — section, tagline, site — and is not headline punctuation).
    static func tidy(_ title: String, siteKeys: Set<String>) -> String {
        var pieces = mergeNonBlind(split(title))
        while pieces.count > 1, let last = pieces.last, isSitePiece(last.text, siteKeys: siteKeys) { pieces.removeLast() }
        while pieces.count > 1, let first = pieces.first, isSitePiece(first.text, siteKeys: siteKeys) {
            pieces.removeFirst()
            if let next = pieces.first { pieces[0] = Piece(separator: "", text: next.text) }
        }
        var result = join(pieces[...])
        // The site's domain written before the title with no separator ("example.com Ten ways to…").
        if let space = result.firstIndex(of: " "), result[..<space].contains("."),
           siteKeys.contains(key(String(result[..<space]))) {
            result = result[space...].trimmedWhitespace()
        }
        if let pipe = result.range(of: " | ") {
            let head = result[..<pipe.lowerBound].trimmedWhitespace()
            if head.split(separator: " ").count >= minimumWordsBeforePipe { result = head }
        }
        return result
    }

    /// Words a title must keep before a ` | ` for the rest to be cut.
    static let minimumWordsBeforePipe = 3

    static func choose(titleTag: String?, headings: [String], declared: [String], siteKeys: Set<String>,
                       isStory: Bool = true) -> String? {
        var passedOver: String?
        return choose(titleTag: titleTag, headings: headings, declared: declared, siteKeys: siteKeys, isStory: isStory,
                      passedOver: &passedOver)
    }

    /// `passedOver`: the sole heading step 4 would take on a story page, when the page has no story evidence.
    static func choose(titleTag: String?, headings: [String], subheadings: [String] = [], declared: [String],
                       siteKeys: Set<String>, isStory: Bool, slug: Set<String> = [], passedOver: inout String?) -> String? {
        let headings = headings.filter { !$0.isEmpty && $0.count <= 300 }
        let declared = declared.filter { !$0.isEmpty && $0.utf8.count <= maximumTitleBytes }
        let references = declared + headings

        guard let title = titleTag?.trimmedWhitespace(), !title.isEmpty, title.utf8.count <= maximumTitleBytes,
              !siteKeys.contains(key(title)) else {
            // No usable <title>: the first declared title, else the first heading, each with site pieces cut; one cut
            // short with an ellipsis only when no source gives the title whole.
            let whole = declared.first { !isCutShort($0) } ?? headings.first { !isCutShort($0) }
            let fallback = whole ?? declared.first ?? headings.first
            return fallback.map { stripSite($0, siteKeys: siteKeys, references: []) }
        }
        let titleKey = key(title)
        let pieces = split(title)
        let candidates = headings.filter { !isSitePiece($0, siteKeys: siteKeys) && key($0).count >= 2 }
        let declaredKeys = declared.map { key(stripSite($0, siteKeys: siteKeys, references: [])) }
        // Keys of every head/tail cut of the <title> at a separator.
        var cutKeys: Set<String> = [titleKey]
        if pieces.count > 1 {
            for cut in 1..<pieces.count {
                cutKeys.insert(key(join(pieces[..<cut])))
                cutKeys.insert(key(join(pieces[cut...])))
            }
        }
        // (1) A heading that is the <title>, or the <title> minus site pieces; unless a declared title is the rest
        // of the <title> ("Blog Name: Story" with the blog's name in the <h1> and the story in og:title).
        if let heading = candidates.first(where: { cutKeys.contains(key($0)) }) {
            if let story = declaredComplement(of: heading, pieces: pieces, declaredKeys: declared.map(key), siteKeys: siteKeys) {
                return story
            }
            return heading
        }
        // (2) A heading that a declared title (og:title, JSON-LD headline) confirms, or the <title> piece that is
        // that heading with the list's count or the year the heading left out.
        if let heading = candidates.first(where: { h in declaredKeys.contains { $0 == key(h) } }) {
            return numberedPiece(extending: heading, pieces: pieces) ?? heading
        }
        // (2b) A heading that is a <title> cut plus a date ("… Posted on July 1, 2024 by Jane", "Dec 18 2025 …"):
        // the dateline is markup nested in the <h1>, not words of the headline.
        if let cut = datedHeadingCut(candidates, pieces: pieces) { return cut }
        // (3) A heading contained in the <title> (the title adds a site name or a teaser).
        if let heading = candidates.first(where: { key($0).count >= 10 && titleKey.contains(key($0)) }) {
            return numberedPiece(extending: heading, pieces: pieces) ?? heading
        }
        // (3b) A heading that is a <title> cut behind a short label ("Blog: …", "Review: …"): the section's name.
        if let cut = labelledHeadingCut(candidates, cutKeys: cutKeys) { return cut }
        // (4) On a story page, the sole substantial heading: the visible headline beats an SEO <title>, unless the
        // page declares one title twice (<title> and og:title or JSON-LD) and the heading has no headline's shape.
        // On other pages (products, services, listings, documentation) the sole <h1> is as often a banner line or a
        // section's name ("Marketing made to meet your goals", "Webcams") and the <title> names the page.
        // Headings repeated word for word (a desktop and a mobile copy of the same headline) count once.
        var seen: Set<String> = []
        let distinct = candidates.filter { seen.insert(key($0)).inserted }
        let substantial = distinct.filter { $0.split(separator: " ").count >= 2 }
        let declaredTwice = declaredKeys.contains(key(stripSite(title, siteKeys: siteKeys, references: [])))
        if substantial.count == 1, distinct.count <= 2, !(declaredTwice && isNoHeadline(substantial[0])),
           !isSectionLabel(substantial[0], comparedWith: declared.first.map { stripSite($0, siteKeys: siteKeys, references: []) }
                ?? stripSite(title, siteKeys: siteKeys, references: references)) {
            // On a story page, an <h2> that is word for word the title the page declares (its <title> without the
            // site, og:title or JSON-LD headline as they stand) is the headline, and the <h1> a kicker, pull quote
            // or teaser.
            if isStory, let subheading = declaredSubheading(
                subheadings, besides: substantial[0],
                declaredKeys: declared.map(key) + [key(stripSite(title, siteKeys: siteKeys, references: []))]) {
                return subheading
            }
            // A heading that is the <title> with characters lost to a broken encoding ("Beginner? Guide" for
            // "Beginner’s Guide") is a damaged copy of it: the <title> reads right.
            let strippedTitle = stripSite(title, siteKeys: siteKeys, references: references)
            if isStory, isGarbledCopy(substantial[0], of: strippedTitle) { return strippedTitle }
            // The URL's slug, which CMSs make from the story's title when it is first saved, names the <title>'s
            // words clearly more than the heading's: the heading is a display line written for the page ("Form
            // your LLC today"), the <title> the story's own title.
            if isStory, slugFavours(strippedTitle, over: substantial[0], slug: slug) { return strippedTitle }
            // A heading that is the <title> with one number changed ("… in 2025" where the <title> still says
            // 2024) is the headline brought up to date, story page or not; and a <title> cut short with an
            // ellipsis ("Ten Ways to Keep Bees in a…") names no page whole, where the heading does.
            if isStory || differsInOneNumber(substantial[0], strippedTitle)
                || isCutShort(title) && !isCutShort(substantial[0]) {
                return substantial[0]
            }
            passedOver = substantial[0]
        }
        // (5) A declared title or the <title>, site pieces cut; the one a heading most overlaps is preferred.
        if pieces.count > 1 {
            for reference in declared {
                let referenceKey = key(reference)
                guard referenceKey.count >= 4 else { continue }
                for cut in 1..<pieces.count {
                    let head = join(pieces[..<cut]), tail = join(pieces[cut...])
                    if key(head) == referenceKey { return head }
                    if key(tail) == referenceKey { return tail }
                }
            }
        }
        return stripSite(title, siteKeys: siteKeys, references: references)
    }

    /// The first `<h2>` of at least `Vocabulary.Threshold.titleSubheadingMinWords` words whose key is one of
    /// `declaredKeys` and differs from the `<h1>`'s, or nil. An `<h2>` whose every word is in the `<h1>` does not
    /// count: the `<h1>` is then the same headline with more detail ("… AG 65 …" over "… 65 …").
    static func declaredSubheading(_ subheadings: [String], besides heading: String, declaredKeys: [String]) -> String? {
        let headingKey = key(heading)
        let headingWords = Set(TextKey.words(heading))
        return subheadings.first { sub in
            let subKey = key(sub)
            return sub.split(separator: " ").count >= Vocabulary.Threshold.titleSubheadingMinWords && subKey != headingKey
                && declaredKeys.contains(subKey) && !TextKey.words(sub).allSatisfy(headingWords.contains)
        }
    }

    /// The declared title that is the rest of the `<title>` beside `heading`, when the heading is one side of a
    /// cut of the `<title>` at a separator and a declared title (og:title, JSON-LD headline) is the other side:
    /// the `<title>` then joins the site's or blog's name, shown in the `<h1>`, and the story's title, which the
    /// page declares on its own (as it stands: a declared copy of the whole `<title>` that cutting would shorten
    /// to the same side proves nothing). The story side must have at least as many words as the heading.
    static func declaredComplement(of heading: String, pieces: [Piece], declaredKeys: [String],
                                   siteKeys: Set<String>) -> String? {
        guard pieces.count > 1 else { return nil }
        let headingKey = key(heading), headingWords = heading.split(separator: " ").count
        for cut in 1..<pieces.count {
            let head = join(pieces[..<cut]), tail = join(pieces[cut...])
            let other: String
            if key(head) == headingKey { other = tail } else if key(tail) == headingKey { other = head } else { continue }
            let otherKey = key(other)
            // As long a key as a dated heading's cut: a short side ("News", "Home") is a section, not a story.
            if otherKey.count >= minimumDatedCutKey, declaredKeys.contains(otherKey), !isSitePiece(other, siteKeys: siteKeys),
               other.split(separator: " ").count >= headingWords {
                return other
            }
        }
        return nil
    }

    /// The `<title>` piece (between blind separators) that is `heading` with one more number: a list's count
    /// before it ("8 Ways to …" for "Ways to …") or a year after it ("… Platforms 2025"). Headline and
    /// `<title>` say the same; the one with the number is the fuller title.
    static func numberedPiece(extending heading: String, pieces: [Piece]) -> String? {
        let headingWords = TextKey.words(heading)
        guard !headingWords.isEmpty else { return nil }
        for piece in mergeNonBlind(pieces) {
            let words = TextKey.words(piece.text)
            guard words.count == headingWords.count + 1 else { continue }
            if let first = words.first, isListCount(first), Array(words.dropFirst()) == headingWords { return piece.text }
            if let last = words.last, isYear(last), Array(words.dropLast()) == headingWords { return piece.text }
        }
        return nil
    }

    /// A list's count in a headline: one to `Vocabulary.Threshold.titleListCountMaxDigits` digits.
    static func isListCount(_ word: String) -> Bool {
        !word.isEmpty && word.count <= Vocabulary.Threshold.titleListCountMaxDigits && isDigits(word)
    }

    /// Whether a word is ASCII digits only.
    static func isDigits(_ word: String) -> Bool { word.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// A four-digit year of the last and this century.
    static func isYear(_ word: String) -> Bool {
        word.count == 4 && isDigits(word) && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    /// Whether `heading` is `title` with some characters replaced by `?` or U+FFFD, as a page in the wrong
    /// encoding shows them: the same number of space-separated words, and every word that differs holds a
    /// replacement mark, matching the title's word where each mark stands for one to
    /// `Vocabulary.Threshold.titleReplacementMaxChars` characters.
    static func isGarbledCopy(_ heading: String, of title: String) -> Bool {
        let headingWords = heading.split(separator: " "), titleWords = title.split(separator: " ")
        guard headingWords.count == titleWords.count, key(heading) != key(title) else { return false }
        var garbled = false
        for (h, t) in zip(headingWords, titleWords) where h != t {
            guard h.contains(where: { $0 == "?" || $0 == "\u{FFFD}" }), replacementMatch(Array(h), Array(t)) else { return false }
            garbled = true
        }
        return garbled
    }

    /// Whether `word` (with `?`/U+FFFD marks) matches `original`, each mark standing for 1...max characters.
    static func replacementMatch(_ word: [Character], _ original: [Character]) -> Bool {
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == word.count { return j == original.count }
            if word[i] == "?" || word[i] == "\u{FFFD}" {
                var n = 1
                while n <= Vocabulary.Threshold.titleReplacementMaxChars && j + n <= original.count {
                    if match(i + 1, j + n) { return true }
                    n += 1
                }
                return false
            }
            return j < original.count && word[i] == original[j] && match(i + 1, j + 1)
        }
        return match(0, 0)
    }

    /// Whether a title ends in an ellipsis (`…` or `...`): a CMS or SEO plugin cut it to a length.
    static func isCutShort(_ title: String) -> Bool {
        let trimmed = title.trimmedWhitespace()
        return trimmed.hasSuffix("…") || trimmed.hasSuffix("...")
    }

    /// Whether two titles have the same words but for one position where both hold a different number.
    static func differsInOneNumber(_ a: String, _ b: String) -> Bool {
        let wa = TextKey.words(a), wb = TextKey.words(b)
        guard wa.count == wb.count, wa.count >= Vocabulary.Threshold.titleNumberChangeMinWords else { return false }
        var changed = 0
        for (x, y) in zip(wa, wb) where x != y {
            guard isDigits(x), isDigits(y) else { return false }
            changed += 1
        }
        return changed == 1
    }

    /// The words of the last path segment of `url` that holds a letter, without a file extension
    /// (`/2025/04/how-to-start-an-llc.html` → how, to, start, an, llc); numbers (ids, dates) are left out. Empty
    /// when the segment has fewer than `Vocabulary.Threshold.titleSlugMinWords` words: a one-word segment
    /// (`/about`, `/webcams.htm`) is a section's name, not a title's slug.
    static func slugWords(_ url: String?) -> Set<String> {
        slugWords(url.flatMap { URL(string: $0) })
    }

    /// As `slugWords(_:)`, from an address already parsed.
    static func slugWords(_ parsed: URL?) -> Set<String> {
        guard let parsed, parsed.host != nil else { return [] }
        let segments = parsed.path.split(separator: "/")
        guard var segment = segments.last(where: { $0.contains(where: \.isLetter) }) else { return [] }
        if let dot = segment.lastIndex(of: "."), segment[dot...].count <= 6 { segment = segment[..<dot] }
        let words = TextKey.words(String(segment)).filter { !isDigits($0) }
        return words.count >= Vocabulary.Threshold.titleSlugMinWords ? Set(words) : []
    }

    /// Whether the slug's words are in `title` clearly more than in `heading`: by at least
    /// `Vocabulary.Threshold.titleSlugMargin` words.
    static func slugFavours(_ title: String, over heading: String, slug: Set<String>) -> Bool {
        guard !slug.isEmpty else { return false }
        let inTitle = slug.intersection(TextKey.words(title)).count
        let inHeading = slug.intersection(TextKey.words(heading)).count
        return inTitle >= inHeading + Vocabulary.Threshold.titleSlugMargin
    }

    /// Whether an `<h1>` text has the shape of something other than a headline: a paragraph (more than
    /// `maximumHeadlineWords` words: a description set in the heading's style) or a lead-in ending in a colon
    /// ("A message from our sponsor:").
    static func isNoHeadline(_ heading: String) -> Bool {
        let trimmed = heading.trimmedWhitespace()
        return trimmed.hasSuffix(":") || trimmed.split(separator: " ").count > maximumHeadlineWords
    }

    /// Most words a headline has.
    static let maximumHeadlineWords = 25

    /// The part after a short label and a colon of a heading ("Blog: Ten ways to…") when that part is a cut of
    /// the `<title>`, or nil. At most `maximumLabelWords` words before the colon.
    static func labelledHeadingCut(_ headings: [String], cutKeys: Set<String>) -> String? {
        for heading in headings {
            guard let colon = heading.range(of: ": ") else { continue }
            let label = heading[..<colon.lowerBound], rest = heading[colon.upperBound...].trimmedWhitespace()
            let restKey = key(rest)
            if label.split(separator: " ").count <= maximumLabelWords, restKey.count >= minimumDatedCutKey,
               cutKeys.contains(restKey), !cutKeys.contains(key(heading)) {
                return rest
            }
        }
        return nil
    }

    /// Whether a heading is a section or page label ("M&A Updates", "Our Blog", "Index funds") rather than the
    /// story's headline: a few words, where the page's declared or `<title>` title is a longer phrase that does
    /// not merely repeat it.
    static func isSectionLabel(_ heading: String, comparedWith title: String) -> Bool {
        let headingWords = heading.split(separator: " ").count
        let titleWords = title.split(separator: " ").count
        guard let first = title.first, first.isLetter || first.isNumber else { return false }  // "| Site": no title
        return headingWords <= maximumLabelWords && titleWords >= headingWords + 2 && !key(title).contains(key(heading))
    }

    /// Most words a heading has when it is a section label (see `isSectionLabel`).
    static let maximumLabelWords = 3

    /// The <title> cut that a heading extends at either end with a date the cut lacks, or nil.
    static func datedHeadingCut(_ headings: [String], pieces: [Piece]) -> String? {
        var cuts: [String] = [join(pieces[...])]
        if pieces.count > 1 {
            for cut in 1..<pieces.count { cuts += [join(pieces[..<cut]), join(pieces[cut...])] }
        }
        let keyed = cuts.map { ($0, key($0)) }.filter { $0.1.count >= minimumDatedCutKey }
        for heading in headings {
            let headingKey = key(heading)
            guard DateParser.parse(heading) != nil else { continue }
            let matches = keyed.filter { cut, cutKey in
                cutKey.count < headingKey.count && (headingKey.hasPrefix(cutKey) || headingKey.hasSuffix(cutKey))
                    && DateParser.parse(cut) == nil
            }
            if let longest = matches.max(by: { $0.1.count < $1.1.count }) { return longest.0 }
        }
        return nil
    }

    /// Shortest key (letters and digits) of a <title> cut that a dated heading may be reduced to.
    static let minimumDatedCutKey = 12

    // MARK: Pieces

    /// A title piece and the separator that preceded it ("" for the first).
    struct Piece {
        let separator: String
        let text: String
    }

    static let separatorBytes: [[UInt8]] = separators.map { Array($0.utf8) }

    /// Splits at every separator occurrence (leftmost, longest-listed first), scanning bytes once.
    static func split(_ title: String) -> [Piece] {
        let bytes = Array(title.utf8)
        var pieces: [Piece] = []
        var separator = ""
        var start = 0
        var i = 0
        while i < bytes.count {
            // Every separator starts with a space or ':'.
            if bytes[i] == 32 || bytes[i] == 58 {
                var matched: Int?
                for (index, candidate) in separatorBytes.enumerated() where candidate.count <= bytes.count - i {
                    var k = 0
                    while k < candidate.count && bytes[i + k] == candidate[k] { k += 1 }
                    if k == candidate.count { matched = index; break }
                }
                if let matched {
                    let text = String(decoding: bytes[start..<i], as: UTF8.self)
                    if text.contains(where: { !$0.isWhitespace }) { pieces.append(Piece(separator: separator, text: text)) }
                    separator = separators[matched]
                    i += separatorBytes[matched].count
                    start = i
                    continue
                }
            }
            i += 1
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        if text.contains(where: { !$0.isWhitespace }) { pieces.append(Piece(separator: separator, text: text)) }
        if let first = pieces.first, !first.separator.isEmpty { pieces[0] = Piece(separator: "", text: first.text) }
        return pieces
    }

    static func join(_ pieces: ArraySlice<Piece>) -> String {
        var out = ""
        for (offset, piece) in pieces.enumerated() {
            out += (offset == 0 ? "" : piece.separator) + piece.text
        }
        return out.trimmedWhitespace()
    }

    /// Cuts site-name and domain-looking pieces off both ends (only at separators that rarely occur inside
    /// titles); then, with no site piece recognised, a short last piece after a long first one.
    static func stripSite(_ title: String, siteKeys: Set<String>, references: [String]) -> String {
        var pieces = split(title)
        // Re-split on blind separators only: a colon is kept inside the title.
        pieces = mergeNonBlind(pieces)
        guard pieces.count > 1 else { return title }
        var removed = false
        while pieces.count > 1, let last = pieces.last, isSitePiece(last.text, siteKeys: siteKeys) {
            pieces.removeLast()
            removed = true
        }
        while pieces.count > 1, let first = pieces.first, isSitePiece(first.text, siteKeys: siteKeys) {
            pieces.removeFirst()
            if let next = pieces.first { pieces[0] = Piece(separator: "", text: next.text) }
            removed = true
        }
        if !removed, pieces.count > 1, let last = pieces.last, let first = pieces.first {
            let lastWords = last.text.split(separator: " ").count
            let firstWords = join(pieces[..<(pieces.count - 1)]).split(separator: " ").count
            if last.separator == " | " && firstWords >= 2 {
                pieces.removeLast()  // after a pipe comes the site or its tagline, whatever its length
            } else if lastWords <= 4 && firstWords >= 3 && firstWords > lastWords && [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " ~ "].contains(last.separator) {
                pieces.removeLast()
            } else if firstWords == 0 || (first.text.split(separator: " ").count <= 3 && pieces[1].separator == " | ") {
                pieces.removeFirst()
                if let next = pieces.first { pieces[0] = Piece(separator: "", text: next.text) }
            }
        }
        return join(pieces[...])
    }

    /// Glues back pieces that were split on a separator that is not safe to cut blindly.
    static func mergeNonBlind(_ pieces: [Piece]) -> [Piece] {
        var out: [Piece] = []
        for piece in pieces {
            if let last = out.last, !blindSeparators.contains(piece.separator) {
                out[out.count - 1] = Piece(separator: last.separator, text: last.text + piece.separator + piece.text)
            } else {
                out.append(piece)
            }
        }
        return out
    }

    static func isSitePiece(_ text: String, siteKeys: Set<String>) -> Bool {
        let pieceKey = key(text)
        if pieceKey.isEmpty { return true }
        if siteKeys.contains(pieceKey) { return true }
        for site in siteKeys where site.count >= 3 {
            // The site's name with a short addition ("Engora Data Blog" on engora.com), or a short form of it; a
            // headline that merely starts with the site's word ("Gardening in a Warming World" on gardening.…) is
            // no site piece.
            if pieceKey.count <= 40 && text.split(separator: " ").count <= 5
                && (site.hasPrefix(pieceKey) || pieceKey.hasPrefix(site) && pieceKey.count - site.count <= maximumSiteAddition) {
                return true
            }
        }
        // Domain look: "example.com", "www.example.co.uk".
        let trimmed = text.trimmedWhitespace()
        if !trimmed.contains(" "), let dot = trimmed.lastIndex(of: "."), trimmed.distance(from: dot, to: trimmed.endIndex) >= 3,
           trimmed.distance(from: dot, to: trimmed.endIndex) <= 7, trimmed.first?.isLetter == true {
            return true
        }
        return false
    }

    /// Letters and digits a piece may add to a site key and still name the site ("engora" + "datablog").
    static let maximumSiteAddition = 10

    static func siteKeySet(siteName: String?, host: String?) -> Set<String> {
        var keys: Set<String> = []
        if let siteName { keys.insert(key(siteName)) }
        if var host = host?.lowercased() {
            if host.hasPrefix("www.") { host.removeFirst(4) }
            keys.insert(key(host))
            if let dot = host.firstIndex(of: ".") { keys.insert(key(String(host[..<dot]))) }
            if let name = registeredName(host) { keys.insert(key(name)) }
        }
        keys.remove("")
        return keys
    }

    /// The label a site registered under its public suffix: "engora" for blog.engora.com, "example" for
    /// news.example.co.uk. Approximate: a two-letter country code preceded by a short generic label ("co", "com",
    /// "org", "ac", "gov"…) counts as a two-label suffix.
    static func registeredName(_ host: String) -> String? {
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return nil }
        var suffixLength = 1
        if labels.count >= 3, labels[labels.count - 1].count == 2, labels[labels.count - 2].count <= 3 { suffixLength = 2 }
        guard labels.count > suffixLength else { return nil }
        return String(labels[labels.count - suffixLength - 1])
    }

    /// Lowercased letters and digits only.
    static func key(_ text: String) -> String { TextKey.make(text) }
}
