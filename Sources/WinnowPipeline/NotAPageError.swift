/// Why a body was not extracted: it is empty, or it is not a web page (its media type says what it is).
public struct NotAPageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The declared or sniffed media type; nil when the body is empty.
    public let mediaType: String?

    public init(mediaType: String?) {
        self.mediaType = mediaType
    }

    public var description: String {
        guard let mediaType else { return "empty: nothing to extract" }
        return "not a web page (\(mediaType))"
    }
}
