// PLACEHOLDER: replaced by the charset work (sniffing + iconv transcoding).
/// The outcome of decoding a page's bytes.
public struct DecodedHTML: Sendable {
    public let utf8: [UInt8]
    public let encoding: String
}

public enum Charset {
    public static func decodeHTML(_ bytes: [UInt8], contentType: String?) throws -> DecodedHTML {
        DecodedHTML(utf8: bytes, encoding: "utf-8")
    }
}
