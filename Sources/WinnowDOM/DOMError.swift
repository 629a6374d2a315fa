/// Why a document could not be parsed or queried.
///
/// Public errors are values with a code and a one-line human message, so the CLI can print them as they are.
public struct DOMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }
        /// The input could not be turned into a tree at all (empty input, unrecoverable markup).
        public static let unparsable = Code(name: "unparsable")
        /// The input is larger than the parser accepts.
        public static let tooLarge = Code(name: "tooLarge")
        /// An XPath expression does not compile.
        public static let invalidXPath = Code(name: "invalidXPath")
        /// A CSS selector is outside the supported subset or malformed.
        public static let invalidSelector = Code(name: "invalidSelector")
        /// The bytes could not be decoded from the document's character encoding.
        public static let undecodable = Code(name: "undecodable")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
