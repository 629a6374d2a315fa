import Foundation
import WinnowDOM

/// Applies a `RuleSet` to a page, in a fixed order:
///
/// 1. raw HTML: `convert_double_br_tags`, then find/replace pairs, on the string before parsing;
/// 2. parse; `wrap_in` (implemented by marking, serialising and re-parsing, so it runs first);
/// 3. page-level reads on the unstripped page: `native_ad_clue`, `single_page_link`/`next_page_link`
///    (with `if_page_contains`), `title`, `author`, `date` — as FTR does, so stripping a site header
///    does not lose the byline that lives in it;
/// 4. cleaning: `src_lazy_load_attr`, `strip_comments`, `strip`, `strip_id_or_class`, `strip_image_src`,
///    `strip_attr`, `dissolve`;
/// 5. `body` (first line that matches; all its matches), then `post_strip_attr` inside the body.
///
/// Every directive gets a `RuleLineReport` with its match count.
public struct RuleEngine: Sendable {
    /// The merged rules this engine applies.
    public let rules: RuleSet
    /// Previews kept per line.
    public static let previewLimit = 5
    /// Marker attribute used while wrapping; removed before the result is returned.
    static let wrapMarker = "data-winnow-wrap"

    /// An engine for one rule set; cheap, Sendable, reusable across pages and tasks.
    public init(rules: RuleSet) { self.rules = rules }

    /// The HTML after `convert_double_br_tags` and the find/replace pairs, with a report per replacement line.
    public func preprocess(_ html: String) -> PreprocessedPage {
        var reports = rules.directives.map(RuleLineReport.init)
        var text = html
        if let definition = rules.definition(of: .convertDoubleBrTags), definition.value,
           let index = rules.directives.firstIndex(where: { $0.location == definition.location }) {
            let (converted, count) = Self.convertDoubleBreaks(text)
            text = converted
            reports[index].matches = count
        }
        for (index, directive) in rules.directives.enumerated() {
            guard case .replace(let replacement) = directive.action else { continue }
            let count = text.components(separatedBy: replacement.find).count - 1
            reports[index].matches = count
            if count > 0 {
                text = text.replacingOccurrences(of: replacement.find, with: replacement.replace)
                reports[index].previews = ["\(count)× \(Self.clip(replacement.find)) → \(Self.clip(replacement.replace))"]
            }
        }
        return PreprocessedPage(html: text, reports: reports)
    }

    /// Decodes bytes (HTTP charset, BOM, meta), preprocesses, parses and applies the rules.
    public func apply(html bytes: [UInt8], url: String?, contentType: String? = nil) throws -> RuleExtraction {
        let decoded = try Charset.decodeHTML(bytes, contentType: contentType)
        return try apply(html: String(decoding: decoded.utf8, as: UTF8.self), url: url)
    }

    /// Preprocesses, parses and applies the rules.
    public func apply(html: String, url: String?) throws -> RuleExtraction {
        let page = preprocess(html)
        let document = try Document(html: page.html, url: url)
        return try apply(to: document, reports: page.reports)
    }

    /// Applies the post-parse stages to an already-parsed document (raw replacements cannot run then; pass
    /// `preprocess`'s reports if you ran it yourself). The document is mutated.
    public func apply(to document: Document, reports: [RuleLineReport]? = nil) throws -> RuleExtraction {
        var pass = EnginePass(rules: rules, document: document,
                              reports: reports ?? rules.directives.map(RuleLineReport.init))
        try pass.wrap()
        pass.readPage()
        pass.clean()
        pass.selectBody()
        return pass.result()
    }

    // MARK: Helpers

    static func convertDoubleBreaks(_ html: String) -> (String, Int) {
        guard let regex = try? Regex("(?i)<br\\s*/?>(?:\\s|&nbsp;)*(?:<br\\s*/?>(?:\\s|&nbsp;)*)+") else { return (html, 0) }
        let count = html.matches(of: regex).count
        return (count > 0 ? html.replacing(regex, with: "</p><p>") : html, count)
    }

    static func clip(_ text: String, _ limit: Int = 60) -> String {
        let flat = text.collapsingWhitespace()
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}

/// The page text after raw replacements.
public struct PreprocessedPage: Sendable {
    /// The HTML to parse.
    public let html: String
    /// One report per directive; only replacement lines (and `convert_double_br_tags`) are filled in.
    public let reports: [RuleLineReport]
}

/// A failure to run rules (not a rule that matched nothing — that is a report, not an error).
public struct RuleEngineError: Error, Sendable, CustomStringConvertible {
    /// One line for the user.
    public let message: String
    /// An error with a message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
