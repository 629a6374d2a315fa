import Foundation
import WinnowDOM

/// Reads a page's metadata (title, authors, dates, site name, language, canonical URL, description, image,
/// tags). Runs on the untouched tree, before any content stage removes `<head>`, `<time>` or scripts.
///
/// Pipeline: `PageScanner` walks the tree once and files every raw value under (field, source);
/// `JSONLDReader` parses the JSON-LD once; then each field takes the first value that survives its cleaning
/// (author cleaning, date parsing, URL resolution), trying sources in `MetadataTrust.order`:
///
/// | field        | sources, most trusted first                                              |
/// |--------------|--------------------------------------------------------------------------|
/// | url          | the URL the page came from (fetched, or given with `--url`), else the canonical URL |
/// | title        | `TitleReconciler` over `<title>`, `<h1>` and declared titles (JSON-LD, og, twitter, meta, microdata) |
/// | authors      | JSON-LD Person, og `article:author`, `<meta name=author>`/DC/Parse.ly/…, twitter `Written by`, microdata, DOM byline, JSON-LD Organization |
/// | published    | JSON-LD, og/`article:published_time`, `<meta>` dates, microdata, URL date, DOM `<time>`/date-classed text |
/// | modified     | JSON-LD, og, `<meta>`, microdata, DOM                                     |
/// | siteName     | og:site_name, JSON-LD publisher/WebSite/Organization, application-name/DC publisher |
/// | language     | `<html lang>`, content-language/DC language, JSON-LD inLanguage, og:locale |
/// | canonicalURL | `<link rel=canonical>`, og:url, JSON-LD url/mainEntityOfPage              |
/// | description  | og:description, `<meta name=description>`, JSON-LD, twitter              |
/// | image        | og:image, twitter:image, JSON-LD image, `<link rel=image_src>`           |
/// | tags         | `article:tag`, JSON-LD keywords, news_keywords/keywords/Parse.ly tags     |
///
/// Dates are ISO 8601: `YYYY-MM-DD` when the source gives only a day, `YYYY-MM-DDTHH:MM:SS` plus `Z`/`±HH:MM`
/// when it gives a time (no offset when the time has no zone). URLs are absolute, resolved against `url`.
public enum MetadataExtractor {
    /// What `scan` returns: the page's metadata, plus its parsed JSON-LD and `og:type` for other stages.
    /// Not `Sendable`: it holds parsed JSON values. Read it before site rules strip the page and hand it to the
    /// extractor, which then neither reads the metadata nor parses the JSON-LD again.
    public struct PageScan {
        public var metadata: Metadata
        /// Every JSON-LD script of the page, parsed once (see `JSONLDDocument`).
        var jsonLD: JSONLDDocument
        /// The `og:type` value, lowercased, when the page declares one.
        var openGraphType: String?
        /// The JSON-LD scripts' text as the page has it (for byte searches that need no parse).
        var jsonLDScripts: [String]
        /// A microdata `itemtype` names a forum post or Q&A page.
        var threadMicrodata = false
        /// The page's visible headline as a title: `metadata.title`, or on a page without story evidence the sole
        /// `<h1>` that the title gave way to (the content stages drop it from the text like the title).
        var headline: String?
    }

    /// The metadata of `document`; `url` is where the page came from (used to resolve relative URLs).
    public static func extract(from document: Document, url: String?) -> Metadata {
        extract(from: document, url: url, now: Date())
    }

    /// As `extract(from:url:)`, with the clock that bounds plausible dates made explicit (for tests).
    public static func extract(from document: Document, url: String?, now: Date) -> Metadata {
        scan(document, url: url, now: now).metadata
    }

    /// The metadata of `document` together with what the walk read on the way that other stages need too: the
    /// page's JSON-LD, parsed once, and its `og:type`. Stages that read JSON-LD types or objects (page kind,
    /// product descriptions) take them from here instead of parsing the scripts again.
    public static func scan(_ document: Document, url: String?, now: Date = Date()) -> PageScan {
        scan(signals: PageScanner.scan(document), document: document, url: url, now: now)
    }

    /// As `scan(_:url:now:)`, from signals a walk over `document` already gathered (the page-tree mirror's).
    static func scan(signals scanned: PageSignals, document: Document, url: String?, now: Date = Date()) -> PageScan {
        var signals = scanned
        let pageURL = url ?? document.url
        let jsonLD = JSONLDReader.parse(signals.jsonLD)
        let facts = JSONLDReader.facts(of: jsonLD)
        // Bylines and dates of a listing's cards are the cards' (a thread's posts are a run of like blocks too,
        // each with its member's name: there the first post's is the thread's).
        if !signals.threadMicrodata, !PageProfile.isThread(url: pageURL) {
            var cards = RepeatedCards(pageHasHeadline: !signals.headings.isEmpty)
            signals.bylines.removeAll { $0.node.map { cards.contains($0) } ?? false }
            signals.publishedDates.removeAll { $0.node.map { cards.contains($0) } ?? false }
            signals.authorLinks.removeAll { $0.node.map { cards.contains($0) } ?? false }
        }
        // Story evidence: a JSON-LD article, og:type article, or a byline. Without it, a date seen only in the
        // page furniture (footer, listing, web-page JSON-LD) is not a publication date.
        let declaredStory = facts.hasArticle || (signals.openGraphType?.contains("article") ?? false)
        let isStory = declaredStory || !signals.bylines.isEmpty || looksLikeStoryURL(pageURL)
        if isStory { signals.bylines += authorLinkCredits(signals) }
        for value in signals.guessedPublished { signals.candidates.add(value, field: .published, source: .meta) }
        addJSONLD(facts, to: &signals.candidates)
        addTwitterByline(signals, to: &signals.candidates)
        addDOM(&signals, pageURL: pageURL, now: now, isStory: isStory)
        let candidates = signals.candidates

        var metadata = Metadata()
        metadata.url = pageURL
        metadata.siteName = candidates.resolve(.siteName) { values, _ in
            values.lazy.compactMap(JSONLDReader.plausibleSiteName).first
        }
        metadata.language = candidates.resolve(.language) { values, _ in values.lazy.compactMap(languageTag).first }
        let slashedDayFirst = readsSlashedDatesDayFirst(metadata.language)
        // Entities left in the text ("2025 &#8211; Site") are decoded first, so that separators are seen as such;
        // double-encoded UTF-8 ("Investorâ€™s") is read again, so a garbled heading matches the clean title.
        // Invisible characters (a soft hyphen inside "Assis&shy;tance") are dropped, or they would split a word.
        func clean(_ title: String) -> String {
            title.decodingLeftoverEntities().repairingDoubleEncodedUTF8().removingInvisibleCharacters()
        }
        // The page's address, parsed once for its host (site pieces of titles, account names) and its slug.
        let parsedURL = pageURL.flatMap { URL(string: $0) }
        let host = parsedURL?.host
        // A heading in a pop-up (a sign-up modal) is not the page's headline while another is shown with the page.
        let shownHeadings = zip(signals.headings, signals.headingShown).compactMap { $1 ? $0 : nil }
        // The headline comes with the title: on a page without story evidence the sole <h1> may give way to the
        // <title> as the page's name, but it still heads the content, and the content stages drop it as the title.
        let reconciled = TitleReconciler.reconciled(
            titleTag: (signals.titleTag ?? candidates.first(.title, .head)).map(clean),
            headings: (shownHeadings.isEmpty ? signals.headings : shownHeadings).map(clean),
            subheadings: signals.subheadings.map(clean),
            declared: [MetadataSource.jsonLD, .openGraph, .twitter, .meta, .microdata]
                .flatMap { candidates.values(.title, $0) }.map(clean),
            siteName: metadata.siteName,
            host: host, isStory: isStory, slug: TitleReconciler.slugWords(parsedURL))
        metadata.title = reconciled.title
        func authors(_ values: [String], _ source: MetadataSource) -> [String]? {
            // A visible byline naming the outlet is the logo, not a credit; declared authors (JSON-LD, og, meta)
            // equal to the site name are kept: personal sites are named after their author.
            let outlet = source == .dom ? metadata.siteName : nil
            // Visible bylines are ranked and microdata authors repeat per forum post or comment: the first one
            // that yields a name wins, the rest are page furniture or replies.
            let names = source == .dom || source == .microdata
                ? values.lazy.map { AuthorCleaner.clean($0, siteName: outlet, visibleText: source == .dom) }.first { !$0.isEmpty } ?? []
                : AuthorCleaner.clean(values, siteName: outlet)
            return names.isEmpty ? nil : Array(names.prefix(8))
        }
        metadata.authors = candidates.resolve(.authors, authors) ?? []
        // A byline with the headline that names the site itself (a personal site named after its author, a
        // company blog crediting the company) is dropped above as the logo; on a page its markup declares a story
        // (JSON-LD article, og:type article), when no source names anyone else, it is the page's credit. On other
        // pages such a line is a product's brand ("By Acme") or the masthead.
        if metadata.authors.isEmpty, declaredStory, metadata.siteName != nil {
            metadata.authors = credits(signals.bylines).lazy
                .map { AuthorCleaner.clean($0, siteName: nil, visibleText: true) }.first { !$0.isEmpty } ?? []
        }
        // A declared author that is only the site's own name or an account handle ("Harbour News", "jdoe.admin")
        // is the CMS account that posted the page; a visible byline naming someone else is the credit. On a page
        // its markup declares a story, a declared one-word author ("KatieS", "Newsroom") is as much the posting
        // account when the byline names someone else in full (two words or more).
        let handles = metadata.authors.allSatisfy { AuthorCleaner.isAccountName($0, siteName: metadata.siteName, host: host) }
        let oneWord = declaredStory && metadata.authors.allSatisfy { !$0.trimmedWhitespace().contains(" ") }
        if !metadata.authors.isEmpty, handles || oneWord,
           let shown = authors(credits(signals.bylines), .dom),
           !shown.contains(where: { name in AuthorCleaner.isAccountName(name, siteName: metadata.siteName, host: host)
               || metadata.authors.contains { TextKey.make(name).hasPrefix(TextKey.make($0)) }
               || (!handles && !name.trimmedWhitespace().contains(" ")) }) {
            metadata.authors = shown
        }
        // Dates the page states without ambiguity (visible texts and every published source), read only when a
        // numeric date could be read either way.
        var statedDays: Set<Int>?
        func stated() -> Set<Int> {
            if let statedDays { return statedDays }
            let texts = signals.publishedDates.map(\.text) + MetadataTrust.order[.published, default: []]
                .flatMap { candidates.values(.published, $0) }
            let days = Set(texts.compactMap { text in
                DateParser.otherReading(text, now: now) == nil ? DateParser.parse(text, now: now)?.dayNumber : nil
            })
            statedDays = days
            return days
        }
        metadata.authors = withoutOutlets(metadata.authors, outlets: [metadata.siteName, facts.siteName].compactMap { $0 })
        var publishedSource: MetadataSource?
        let hiddenPageStamp = isHiddenPageStamp(facts, signals: signals, candidates: candidates, now: now)
        metadata.published = candidates.resolve(.published) { values, source in
            if source == .jsonLD && hiddenPageStamp { return nil }
            publishedSource = source
            return values.lazy.compactMap { raw in
                DateParser.parse(raw, now: now).map { dayMonthOrder($0, raw: raw, stated: stated, slashedDayFirst: slashedDayFirst, now: now).iso8601 }
            }.first
        }
        if let shown = visibleDateBeforeRepublish(facts, signals: signals, now: now) { metadata.published = shown }
        let declaredModified = candidates.resolve(.modified) { values, source in
            source == .dom ? nil : values.lazy.compactMap { DateParser.parse($0, now: now) }.first
        }
        if let source = publishedSource, let published = metadata.published, let declaredModified,
           let shown = shownDateOverLoneStamp(published, source: source, modified: declaredModified,
                                              candidates: candidates, signals: signals, now: now) {
            metadata.published = shown
        }
        if let source = publishedSource, let published = metadata.published,
           let shown = shownDateBeforeStamp(published, source: source, signals: signals, now: now) {
            metadata.published = shown
        }
        if let published = metadata.published, let local = urlDayOfStamp(published, url: pageURL, now: now) {
            metadata.published = local
        }
        metadata.modified = candidates.resolve(.modified) { values, _ in
            values.lazy.compactMap { DateParser.parse($0, now: now)?.iso8601 }.first
        }
        metadata.canonicalURL = candidates.resolve(.canonicalURL) { values, _ in
            values.lazy.compactMap { absoluteURL($0, base: pageURL) }.first
        }
        // A saved page read without its URL is known by its canonical URL: every format then names the same one.
        if metadata.url == nil { metadata.url = metadata.canonicalURL }
        metadata.description = candidates.resolve(.description) { values, _ in values.first }
        metadata.image = candidates.resolve(.image) { values, _ in
            values.lazy.compactMap { absoluteURL($0, base: pageURL) }.first
        }
        metadata.tags = candidates.resolve(.tags) { values, _ in
            let tags = splitTags(values)
            return tags.isEmpty ? nil : tags
        } ?? []
        return PageScan(
            metadata: metadata, jsonLD: jsonLD, openGraphType: signals.openGraphType, jsonLDScripts: signals.jsonLD,
            threadMicrodata: signals.threadMicrodata, headline: reconciled.headline)
    }

    // MARK: Candidate sources

    private static func addJSONLD(_ facts: JSONLDFacts, to candidates: inout MetadataCandidates) {
        candidates.add(facts.title, field: .title, source: .jsonLD)
        for author in facts.personAuthors { candidates.add(author, field: .authors, source: .jsonLD) }
        for author in facts.organizationAuthors { candidates.add(author, field: .authors, source: .jsonLDOrganization) }
        candidates.add(facts.published, field: .published, source: .jsonLD)
        candidates.add(facts.modified, field: .modified, source: .jsonLD)
        candidates.add(facts.siteName, field: .siteName, source: .jsonLD)
        candidates.add(facts.description, field: .description, source: .jsonLD)
        candidates.add(facts.image, field: .image, source: .jsonLD)
        candidates.add(facts.language, field: .language, source: .jsonLD)
        candidates.add(facts.url, field: .canonicalURL, source: .jsonLD)
        for tag in facts.tags { candidates.add(tag, field: .tags, source: .jsonLD) }
    }

    /// Yoast and similar plugins publish the byline as `twitter:label1 = "Written by"`, `twitter:data1 = name`.
    private static func addTwitterByline(_ signals: PageSignals, to candidates: inout MetadataCandidates) {
        for (slot, label) in signals.twitterLabels.sorted(by: { $0.key < $1.key }) {
            let lower = label.lowercased()
            if lower.contains("written by") || lower == "author" || lower == "by" || lower.contains("auteur")
                || lower.contains("verfasst") || lower.contains("escrito") {
                candidates.add(signals.twitterData[slot], field: .authors, source: .twitter)
            }
        }
    }

    /// The visible bylines that credit the story, most specific first: marked bylines and "By ..." lines under
    /// the headline. A "By ..." text above the headline is as often a menu entry ("By Company Size") and does not
    /// outweigh a declared author.
    static func credits(_ bylines: [RankedText]) -> [String] {
        bylines.filter { $0.rank < PageScanner.preHeadlineTextBylineRank }
            .sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.text)
    }

    /// Credits from author-page links (see `PageScanner.readAuthorLink`) that sit with the headline: a link
    /// naming its author page from a few elements above the first `<h1>` to `headlineDateWindow` after it
    /// (further down such links credit related stories or comments), and a bare name line right under the
    /// headline that an author-page link anywhere on the page names (the author's card at the foot of the story).
    static func authorLinkCredits(_ signals: PageSignals) -> [RankedText] {
        guard let heading = signals.firstHeadingOrder else { return [] }
        var credits = signals.authorLinks.filter { link in
            link.order >= heading - PageScanner.authorLinkWindowBeforeHeading
                && link.order - heading <= PageScanner.headlineDateWindow
        }
        let headline = signals.headings.first.map(TextKey.make)
        for line in signals.headlineLines where TextKey.make(line.text) != headline {
            if signals.authorSlugs.contains(where: { AuthorLinks.name(line.text, matches: $0) }) { credits.append(line) }
        }
        return credits
    }

    /// DOM bylines and dates, most specific first, plus the URL's date.
    private static func addDOM(_ signals: inout PageSignals, pageURL: String?, now: Date, isStory: Bool) {
        let byRank: (RankedText, RankedText) -> Bool = { ($0.rank, $0.order) < ($1.rank, $1.order) }
        for byline in signals.bylines.sorted(by: byRank) {
            signals.candidates.add(byline.text, field: .authors, source: .dom)
        }
        // An author box names the story's author; on other pages such boxes are testimonials, team cards or
        // related products.
        if isStory {
            for name in signals.authorBoxNames.sorted(by: byRank) {
                signals.candidates.add(name.text, field: .authors, source: .dom)
            }
        }
        // A date shown with the headline (its byline block, or a kicker right above it) comes before dates
        // further away, whatever their marks: those are the masthead's day, related cards or the footer.
        let nearFirst: (RankedText, RankedText) -> Bool = { a, b in
            let (nearA, nearB) = (isWithHeadline(a, signals), isWithHeadline(b, signals))
            return nearA != nearB ? nearA : byRank(a, b)
        }
        for date in signals.publishedDates.sorted(by: nearFirst) where isStory || date.rank < PageScanner.textDateRank {
            signals.candidates.add(date.text, field: .published, source: .dom)
        }
        for date in signals.modifiedDates.sorted(by: byRank) {
            signals.candidates.add(date.text, field: .modified, source: .dom)
        }
        let urlForDate = pageURL ?? signals.candidates.first(.canonicalURL, .head)
        if let urlForDate, let date = DateParser.dateInURL(urlForDate, now: now) {
            signals.candidates.add(date.iso8601, field: .published, source: .url)
        }
    }

    /// Whether a DOM date sits with the first `<h1>`: at most `PageScanner.headlineDateWindow` elements after it
    /// (`headlineTextDateWindow` for an unmarked date text), or at most `preHeadingDateWindow` before it.
    static func isWithHeadline(_ date: RankedText, _ signals: PageSignals) -> Bool {
        guard let heading = signals.firstHeadingOrder else { return false }
        let window = date.rank < PageScanner.textDateRank ? PageScanner.headlineDateWindow : PageScanner.headlineTextDateWindow
        return date.order - heading <= window && heading - date.order <= PageScanner.preHeadingDateWindow
    }

    /// The date a page shows under its headline, when the JSON-LD dates look like a re-publish stamp rather
    /// than the story's date: `datePublished` the same day as `dateModified` (or after it), while a marked date
    /// element or `<time>` in the page names an earlier day. CMSs that regenerate JSON-LD on every publish write
    /// the rebuild day into both fields; the visible date is the one the author set. The shown date must sit
    /// with the headline (`PageScanner.headlineDateWindow`): cards of related stories further down carry dates too.
    static func visibleDateBeforeRepublish(_ facts: JSONLDFacts, signals: PageSignals, now: Date) -> String? {
        guard let published = facts.published.flatMap({ DateParser.parse($0, now: now) }),
              let modified = facts.modified.flatMap({ DateParser.parse($0, now: now) }),
              modified.dayNumber <= published.dayNumber else { return nil }
        // Only a date shown with the headline counts: one further down is a related story's or a comment's.
        // A marked date anywhere in the byline block; an unmarked date text only right under the headline
        // (further down, a bare date is as likely an embedded post's or a quoted source's).
        let shown = signals.publishedDates.filter { isWithHeadline($0, signals) }
            .sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }
            .lazy.compactMap { DateParser.parse($0.text, now: now) }.first
        guard let shown, shown.dayNumber < published.dayNumber else { return nil }
        return shown.iso8601
    }

    /// Whether the JSON-LD's publication date is only a web page's stamp: a web page object states it
    /// (`WebPage`, `AboutPage`…) and no article-like object exists, no other declared source (OpenGraph
    /// `article:published_time`, `<meta>`, microdata) states the same day, and no date shown in the page is that
    /// day. A CMS stamps every page it serves, guides and service pages included; a story shows its date. Such a
    /// stamp is not a publication date: the next source (URL, visible dates) is read instead. An `og:type` of
    /// `article` does not save it: SEO plugins write that type on every page, but state
    /// `article:published_time` only for posts (+7 WCXB articles, +30 all pages when the exemption was dropped).
    static func isHiddenPageStamp(_ facts: JSONLDFacts, signals: PageSignals, candidates: MetadataCandidates,
                                  now: Date) -> Bool {
        guard facts.publishedFromPage,
              let stamp = facts.published.flatMap({ DateParser.parse($0, now: now) }) else { return false }
        let stated = [MetadataSource.openGraph, .meta, .microdata].contains { other in
            candidates.values(.published, other).contains { DateParser.parse($0, now: now)?.dayNumber == stamp.dayNumber }
        }
        return !stated && !(signals.publishedDates + signals.modifiedDates).contains {
            DateParser.parse($0.text, now: now)?.dayNumber == stamp.dayNumber
        }
    }

    /// Declared sources whose publication stamp, written nowhere else, gives way to the date the page shows
    /// (`shownDateOverLoneStamp`). Not `og:article:published_time`: CMSs fill it from the post's own publish
    /// field, and the truth follows it even where only an "Updated" date is shown (+3/-17 on WCXB
    /// articles when it was included).
    static let loneStampSources: Set<MetadataSource> = [.jsonLD, .meta, .microdata]

    /// The date the page shows with its headline, when the publication stamp is a lone declaration the page
    /// does not bear out: it came from JSON-LD, a `<meta>` or microdata, no other declared source (JSON-LD,
    /// OpenGraph, `<meta>`; not microdata, the same schema.org property again) states the same day, no date shown in the page (a `<time>`, a marked date,
    /// a date text near the headline) is that day, and a date shown with the headline (`isWithHeadline`) is the
    /// declared modification day (`modified`, from a declared source), later than the stamp: two sources agree on
    /// that day, none on the stamp's. Schema blocks keep the day the post was first created, while the page shows
    /// the day its editors last dated it ("Updated March 9, 2026"), the story's date as readers see it. A shown
    /// date earlier than the stamp is left to `visibleDateBeforeRepublish` and `shownDateBeforeStamp`.
    static func shownDateOverLoneStamp(_ published: String, source: MetadataSource, modified: PageDate,
                                       candidates: MetadataCandidates, signals: PageSignals, now: Date) -> String? {
        guard loneStampSources.contains(source), signals.firstHeadingOrder != nil,
              let stamp = DateParser.parse(published, now: now), modified.dayNumber > stamp.dayNumber else { return nil }
        // Microdata restates the schema.org `datePublished` of the JSON-LD in another syntax (schema plugins write
        // both from one field): it is no second declaration (WCXB articles +2/-0 when it stopped counting).
        let stated = [MetadataSource.jsonLD, .openGraph, .meta].contains { other in
            other != source && candidates.values(.published, other).contains {
                DateParser.parse($0, now: now)?.dayNumber == stamp.dayNumber
            }
        }
        guard !stated else { return nil }
        let shown = (signals.publishedDates + signals.modifiedDates).compactMap { date in
            DateParser.parse(date.text, now: now).map { (date, $0) }
        }
        guard !shown.contains(where: { $0.1.dayNumber == stamp.dayNumber }) else { return nil }
        return shown.filter { isWithHeadline($0.0, signals) && $0.1.dayNumber == modified.dayNumber }
            .min { ($0.0.rank, $0.0.order) < ($1.0.rank, $1.0.order) }?.1.iso8601
    }

    /// The date a page shows with its headline, when it is more than a day earlier than the declared publication
    /// stamp and the page shows the stamp's day nowhere: a story is not dated before it was published, so such a
    /// stamp is a later re-publish, migration or import, and the shown date is the story's as readers see it.
    /// The stamp comes from a declared source (JSON-LD, OpenGraph, `<meta>`, microdata); the shown date is a
    /// marked one (a `<time>`, a date class, the byline block: not a bare date text, which may be a quoted
    /// source's) within `isWithHeadline`, the first by rank. Not when it is labelled as an update or as a
    /// manuscript's history ("Received 2022 Oct 12"), and not one day off: that is the same instant in another
    /// zone (`maximumZoneDayGap`). A shown date later than the stamp is not this rule's: a page showing its
    /// update day with the headline leaves the declared publication day standing as often as not (WCXB: a later
    /// shown date over any declared stamp measured -6 articles), see `shownDateOverLoneStamp` for the narrow case.
    static func shownDateBeforeStamp(_ published: String, source: MetadataSource, signals: PageSignals,
                                     now: Date) -> String? {
        guard source != .url, source != .dom, signals.firstHeadingOrder != nil,
              let stamp = DateParser.parse(published, now: now) else { return nil }
        let shownDays = (signals.publishedDates + signals.modifiedDates).compactMap { DateParser.parse($0.text, now: now) }
        guard !shownDays.contains(where: { $0.dayNumber == stamp.dayNumber }) else { return nil }
        let best = signals.publishedDates.filter { isWithHeadline($0, signals) }
            .sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }
            .lazy.compactMap { date in DateParser.parse(date.text, now: now).map { (date, $0) } }.first
        guard let (date, shown) = best, date.rank < PageScanner.textDateRank,
              stamp.dayNumber - shown.dayNumber > maximumZoneDayGap,
              !PageScanner.hasUpdateWord(date.text),
              !PageScanner.hasWord(date.text, of: Vocabulary.manuscriptDateWords) else { return nil }
        return shown.iso8601
    }

    /// Most calendar days between two dates that may name the same instant seen in different zones.
    static let maximumZoneDayGap = 1

    /// Several credited names without those that are the outlet ("Jane Doe, Ravi Patel, The Harbour Times"):
    /// a name equal to the site's or the JSON-LD publisher's name, or ending it ("Harbour Times" of "Northport
    /// Harbour Times"), ignoring a leading "The". A sole credit is kept: personal sites are named after their
    /// author, and an outlet credited alone is the page's only credit.
    static func withoutOutlets(_ authors: [String], outlets: [String]) -> [String] {
        guard authors.count > 1, !outlets.isEmpty else { return authors }
        let outletKeys = outlets.map(outletKey).filter { !$0.isEmpty }
        let people = authors.filter { name in
            let key = outletKey(name)
            return !outletKeys.contains { $0 == key || (key.utf8.count >= minimumOutletSuffixKey && $0.hasSuffix(key)) }
        }
        return people.isEmpty ? authors : people
    }

    /// Shortest key (letters and digits) of a credited name that may be matched as the end of the outlet's name.
    static let minimumOutletSuffixKey = 8

    private static func outletKey(_ name: String) -> String {
        let trimmed = name.trimmedWhitespace()
        let bare = trimmed.lowercased().hasPrefix("the ") ? String(trimmed.dropFirst(4)) : trimmed
        return TextKey.make(bare)
    }

    /// `date`, read from `raw`, in the day/month order the page confirms: when `raw` is all numbers that read
    /// either way (`03/09/2026`) and the page states the other reading's day without ambiguity elsewhere
    /// ("March 9, 2026", `2026-03-09`) but not this reading's, the other reading. When nothing on the page
    /// decides, a slashed date (read month-first, as in the United States) reads day-first on a page whose
    /// language writes dates so (`slashedDayFirst`).
    static func dayMonthOrder(_ date: PageDate, raw: String, stated: () -> Set<Int>, slashedDayFirst: Bool,
                              now: Date) -> PageDate {
        guard let other = DateParser.otherReading(raw, now: now) else { return date }
        let days = stated()
        if days.contains(other.dayNumber) && !days.contains(date.dayNumber) { return other }
        if days.contains(date.dayNumber) { return date }
        return slashedDayFirst && raw.contains("/") ? other : date
    }

    /// English regions that write numeric dates day first (`12/05/2026` is 12 May), as ISO 3166 codes.
    static let dayFirstEnglishRegions: Set<String> = [
        "gb", "uk", "ie", "au", "nz", "in", "za", "sg", "my", "pk", "ng", "ke", "hk", "mt", "jm",
    ]

    /// Whether the page's language (a BCP 47 tag) writes `DD/MM/YYYY`: every language but English does, and
    /// English outside the United States. A page without a language, or tagged plain `en`, reads month first.
    static func readsSlashedDatesDayFirst(_ language: String?) -> Bool {
        guard let parts = language?.lowercased().split(separator: "-"), let primary = parts.first else { return false }
        guard primary == "en" else { return true }
        return parts.dropFirst().contains { dayFirstEnglishRegions.contains(String($0)) }
    }

    /// The URL's day, when the publication stamp is a zoned time one calendar day off it: the same instant seen
    /// in another zone (a story posted on the evening of the 18th in California is stamped the 19th in UTC). The
    /// permalink's date is written in the site's own zone, which is the day its readers see.
    static func urlDayOfStamp(_ published: String, url: String?, now: Date) -> String? {
        guard let stamp = PageDate(iso8601: published), stamp.secondsOfDay != nil, stamp.utcOffsetMinutes != nil,
              let url, let day = DateParser.dateInURL(url, now: now),
              abs(day.dayNumber - stamp.dayNumber) == 1 else { return nil }
        return day.iso8601
    }

    /// Path segments that mark story URLs (blogs, news sections, dated permalinks).
    static let storyPathMarkers = ["/blog", "/news", "/article", "/post", "/stories", "/story", "/insights",
                                   "/journal", "/magazine", "/resources/", "/20", "/19"]

    /// Whether the URL's path looks like a story permalink.
    static func looksLikeStoryURL(_ url: String?) -> Bool {
        guard let url, let scheme = url.range(of: "://") else { return false }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return false }
        let path = rest[slash...].lowercased()
        return storyPathMarkers.contains { path.contains($0) }
    }

    // MARK: Normalisers

    /// `en_US` → `en-US`; rejects values that are not language tags.
    static func languageTag(_ raw: String) -> String? {
        let first = raw.split(separator: ",").first.map(String.init) ?? raw
        let parts = first.trimmedWhitespace().replacingOccurrences(of: "_", with: "-")
            .split(separator: "-")
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isLetter }) else {
            return nil
        }
        var tag = language.lowercased()
        if parts.count > 1 {
            let region = parts[1]
            if region.count == 2 { tag += "-" + region.uppercased() }
            else if region.count == 4 { tag += "-" + region.prefix(1).uppercased() + region.dropFirst().lowercased() }
            else if !region.isEmpty, region.count <= 8 { tag += "-" + region }
        }
        return tag
    }

    /// `href` resolved against `base`; nil for empty, `javascript:` or `data:` values.
    static func absoluteURL(_ href: String, base: String?) -> String? {
        let trimmed = href.trimmedWhitespace()
        let lower = trimmed.lowercased()
        guard !trimmed.isEmpty, !lower.hasPrefix("javascript:"), !lower.hasPrefix("data:") else { return nil }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return trimmed }
        let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"])) ?? trimmed
        guard let base, let baseURL = URL(string: base), let resolved = URL(string: encoded, relativeTo: baseURL) else {
            return trimmed.hasPrefix("//") ? "https:" + trimmed : nil
        }
        return resolved.absoluteURL.absoluteString
    }

    /// Tags split on commas, trimmed, deduplicated case-insensitively, at most 30.
    static func splitTags(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var tags: [String] = []
        for value in values {
            for piece in value.split(separator: ",") {
                let tag = piece.trimmedWhitespace()
                guard !tag.isEmpty, tag.count <= 80, seen.insert(tag.lowercased()).inserted else { continue }
                tags.append(tag)
                if tags.count == 30 { return tags }
            }
        }
        return tags
    }
}
