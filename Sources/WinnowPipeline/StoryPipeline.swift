import Foundation
import WinnowDOM
import WinnowExtract
import WinnowRules

/// The one path a page takes from bytes to story: find the site's rules, apply them, run the generic extractor.
///
/// 1. `RuleMatcher` finds the merged rules for the page URL's host. None → plain `Extractor.extract`,
///    exactly as without rules.
/// 2. `RuleEngine` runs raw-HTML replacements, parses, reads title/author/date/links from the unstripped
///    page, strips, and selects the body. Generic metadata is read before the strips too.
/// 3. The extractor converts only the rule's body nodes (pruning inside when the rule's `prune` is on,
///    FTR's default), or the whole stripped page when the rule has no body or it matched nothing and
///    `autodetect_on_failure` allows detection.
/// 4. Fields the rules found override the generic ones; a field whose rule failed with
///    `autodetect_on_failure: no` stays empty, as the rule author asked.
public struct StoryPipeline: Sendable {
    /// Rule lookup; nil when rules are off.
    public let matcher: RuleMatcher?
    /// Extraction mode for the generic stages.
    public let mode: ExtractionMode

    /// A pipeline over an already loaded library (nil: no rules).
    public init(library: RuleLibrary?, mode: ExtractionMode = .balanced) {
        self.matcher = library.map { RuleMatcher(library: $0) }
        self.mode = mode
    }

    /// The rules for a page URL, nil when none apply or rules are off.
    public func ruleSet(forURL url: String?) -> RuleSet? {
        guard let url, let matcher else { return nil }
        return matcher.ruleSet(forURL: url)
    }

    /// The story in a page. `explain` records the generic extractor's decisions.
    ///
    /// The body is checked first (`ContentSniffer`): an empty body or one that is not a web page throws
    /// `NotAPageError`; plain text is its own story, one paragraph per blank-line-separated block.
    public func extract(html bytes: [UInt8], url: String?, contentType: String? = nil,
                        explain: Bool = false) throws -> PageStory {
        switch ContentSniffer.classify(bytes, contentType: contentType) {
        case .html: break
        case .plainText: return Self.plainTextStory(bytes, url: url, contentType: contentType)
        case .empty: throw NotAPageError(mediaType: nil)
        case .refused(let mediaType): throw NotAPageError(mediaType: mediaType)
        }
        guard let rules = ruleSet(forURL: url) else {
            let document = try Document(html: bytes, url: url, contentType: contentType)
            let result = Extractor(options: ExtractionOptions(mode: mode, url: url, explain: explain))
                .extract(from: document)
            return PageStory(article: result.article, rules: nil, lines: [], nextPageURL: nil, singlePageURL: nil,
                             usedRuleBody: false, isNativeAd: false, decisions: result.decisions)
        }
        return try extract(html: bytes, url: url, contentType: contentType, rules: rules, explain: explain)
    }

    /// The story in a page with the given rules (for `rules test` and for callers that already matched).
    public func extract(html bytes: [UInt8], url: String?, contentType: String? = nil, rules: RuleSet,
                        explain: Bool = false) throws -> PageStory {
        let engine = RuleEngine(rules: rules)
        let decoded = try Charset.decodeHTML(bytes, contentType: contentType)
        let page = engine.preprocess(String(decoding: decoded.utf8, as: UTF8.self))
        let document = try Document(html: page.html, url: url)
        // Metadata and JSON-LD are read once, before the rules strip the page; the extractor reuses the scan.
        let scan = MetadataExtractor.scan(document, url: url)
        let metadata = scan.metadata
        let extraction = try engine.apply(to: document, reports: page.reports)
        let extractor = Extractor(options: ExtractionOptions(mode: mode, url: url, explain: explain))
        var result: ExtractionResult
        let usedRuleBody = !extraction.body.isEmpty
        if usedRuleBody {
            result = extractor.extract(from: extraction.document, contentRoots: extraction.body,
                                       prune: extraction.prune, scan: scan)
        } else if extraction.needsAutodetection(of: .body) {
            result = extractor.extract(from: extraction.document, scan: scan)
        } else {
            result = ExtractionResult(article: Article(metadata: metadata))
        }
        result.article.metadata = Self.merge(extraction, into: result.article.metadata)
        return PageStory(article: result.article, rules: rules, lines: extraction.lines,
                         nextPageURL: extraction.nextPageURL, singlePageURL: extraction.singlePageURL,
                         usedRuleBody: usedRuleBody, isNativeAd: extraction.isNativeAd, decisions: result.decisions)
    }

    /// A plain-text body as a story: decoded by its declared charset (else UTF-8, else Windows-1252), one
    /// paragraph per blank-line-separated block, lines inside a block joined with spaces. No title is guessed.
    static func plainTextStory(_ bytes: [UInt8], url: String?, contentType: String?) -> PageStory {
        let decoded = Charset.decodeXML(bytes, contentType: contentType)
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        var blocks: [Block] = []
        var lines: [Substring] = []
        func flush() {
            let paragraph = lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !paragraph.isEmpty { blocks.append(.paragraph([.text(paragraph)])) }
            lines.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { lines.append(line) }
        }
        flush()
        return PageStory(article: Article(metadata: Metadata(url: url), blocks: blocks), rules: nil, lines: [],
                         nextPageURL: nil, singlePageURL: nil, usedRuleBody: false, isNativeAd: false, decisions: [])
    }

    /// Rule-found fields over generic ones, honouring per-field `autodetect_on_failure`.
    static func merge(_ extraction: RuleExtraction, into generic: Metadata) -> Metadata {
        var metadata = generic
        if let title = extraction.title?.collapsingWhitespace(), !title.isEmpty {
            metadata.title = title
        } else if !extraction.needsAutodetection(of: .title) {
            metadata.title = nil
        }
        let authors = AuthorCleaner.clean(extraction.authors, siteName: generic.siteName)
        if !authors.isEmpty {
            metadata.authors = authors
        } else if !extraction.needsAutodetection(of: .author) {
            metadata.authors = []
        }
        if let date = extraction.date, let iso = DateParser.iso8601(date) {
            metadata.published = iso
        } else if !extraction.needsAutodetection(of: .date) {
            metadata.published = nil
        }
        return metadata
    }
}
