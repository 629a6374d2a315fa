/// Why a feed, sitemap, page or list could not be turned into links.
///
/// Like `DOMError`, a value with a code to branch on and a one-line human message the daemon can log as it is.
public struct SourceParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The code's name, e.g. `notAFeed`.
        public var description: String { name }
        /// The bytes are not XML at all (empty, plain text, no root element).
        public static let notXML = Code(name: "notXML")
        /// The XML parsed, but its root is not `<rss>`, `<feed>` or `<rdf:RDF>` (an HTML page, a sitemap, ...).
        public static let notAFeed = Code(name: "notAFeed")
        /// The body is neither an XML sitemap (`<urlset>`, `<sitemapindex>`) nor a plain list of URLs.
        public static let notASitemap = Code(name: "notASitemap")
        /// The body (or what it decompresses to) is larger than the limit.
        public static let tooLarge = Code(name: "tooLarge")
        /// A gzip body is corrupt or truncated.
        public static let undecodable = Code(name: "undecodable")
        /// An HTML page could not be parsed at all.
        public static let unparsable = Code(name: "unparsable")
    }

    /// What went wrong.
    public let code: Code
    /// One line for logs: line breaks in the input are flattened to spaces.
    public let message: String

    /// Creates an error; the message is flattened to a single line.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The message.
    public var description: String { message }
}
