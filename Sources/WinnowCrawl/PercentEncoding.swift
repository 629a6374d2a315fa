/// Byte-level percent-encoding normalization (RFC 3986 §2.1, §2.3, §6.2.2.2), shared by the URL normalizer and
/// the robots.txt matcher so both sides of every comparison are normalized the same way.
enum PercentEncoding {
    /// Which bytes may stay literal in a component; every other byte is percent-encoded.
    enum Component {
        /// A path: unreserved, sub-delims, `:`, `@` and `/`.
        case path
        /// A query: the path's set plus `?`.
        case query
        /// A robots.txt path-and-query (pattern or URL): the query's set; `*` and `$` are sub-delims already.
        case pathAndQuery

        func allowsLiteral(_ byte: UInt8) -> Bool {
            if PercentEncoding.isUnreserved(byte) || PercentEncoding.isSubDelimiter(byte) { return true }
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"): return true
            case UInt8(ascii: "?"): return self != .path
            default: return false
            }
        }
    }

    /// `A-Z a-z 0-9 - . _ ~`: never needs encoding, so an encoded form of one is decoded.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `! $ & ' ( ) * + , ; =`: meaningful to servers, so kept exactly as written (literal or encoded).
    static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// The value of an ASCII hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `%XX` (uppercase hex) for `byte`.
    static func appendEncoded(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "%"))
        output.append(upperHex[Int(byte >> 4)])
        output.append(upperHex[Int(byte & 0x0F)])
    }

    /// Normalizes `bytes` for `component`: escapes get uppercase hex, escaped unreserved bytes are decoded,
    /// a `%` that starts no valid escape becomes `%25`, and any byte not allowed literally (space, controls,
    /// `"<>[\]^`{|}`, non-ASCII UTF-8) is encoded. Idempotent.
    static func normalize(_ bytes: some Collection<UInt8>, for component: Component) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                let decoded = high << 4 | low
                if isUnreserved(decoded) {
                    output.append(decoded)
                } else {
                    appendEncoded(decoded, to: &output)
                }
                index += 3
                continue
            }
            if component.allowsLiteral(byte) {
                output.append(byte)
            } else {
                appendEncoded(byte, to: &output)
            }
            index += 1
        }
        return output
    }

    /// `normalize` over a string's UTF-8, returned as a string (always ASCII).
    static func normalize(_ text: Substring, for component: Component) -> String {
        String(decoding: normalize(text.utf8, for: component), as: UTF8.self)
    }
}
