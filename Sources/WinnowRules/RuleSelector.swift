import WinnowDOM

/// A node selector from a rule line: XPath 1.0 as written, or a CSS selector written with the `css:` prefix
/// (`strip: css: .related-articles`), translated to XPath when the rule is parsed.
///
/// Holds only strings so rule sets are `Sendable`; the engine compiles `xpath` per document pass.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    /// Which syntax the author used.
    public enum Syntax: String, Sendable, Hashable { case xpath, css }

    /// The prefix that marks a CSS selector. XPath names cannot contain `css:` followed by a space or a CSS
    /// token in any way an HTML rule would use, so the prefix is unambiguous.
    public static let cssPrefix = "css:"

    /// XPath or CSS, as written.
    public let syntax: Syntax
    /// The selector as written (without the `css:` prefix).
    public let source: String
    /// The XPath expression evaluated against the page (the source itself for XPath rules).
    public let xpath: String

    /// Parses a rule value; throws a `DOMError` when the XPath does not compile under libxml2 or the CSS
    /// selector cannot be translated.
    public init(parsing value: String) throws {
        let trimmed = value.trimmingSpaces()
        if trimmed.hasPrefix(Self.cssPrefix) {
            let css = String(trimmed.dropFirst(Self.cssPrefix.count)).trimmingSpaces()
            guard !css.isEmpty else { throw DOMError(.invalidSelector, "empty CSS selector after 'css:'") }
            let translated = try CSSSelector.xpath(for: css)
            _ = try XPath(translated)
            self.init(syntax: .css, source: css, xpath: translated)
        } else {
            _ = try XPath(trimmed)
            self.init(syntax: .xpath, source: trimmed, xpath: trimmed)
        }
    }

    /// A selector from already-validated parts.
    public init(syntax: Syntax, source: String, xpath: String) {
        self.syntax = syntax
        self.source = source
        self.xpath = xpath
    }

    /// As the author wrote it (`css: ...` for CSS).
    public var description: String { syntax == .css ? "css: \(source)" : source }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line ends.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }
}
