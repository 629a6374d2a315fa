/// Small string helpers for the metadata stages, written for speed (Foundation's trimming and case folding go
/// through NSString on Linux and dominate a profile when called per element).
extension StringProtocol {
    /// The text without leading and trailing whitespace (including newlines and no-break spaces).
    func trimmedWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

enum TextKey {
    /// Lowercased letters and digits only: the form titles, names and outlets are compared in. ASCII text takes
    /// a byte fast path.
    static func make(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte >= 128 { return slow(text) }
            if byte >= 97 && byte <= 122 || byte >= 48 && byte <= 57 { bytes.append(byte) }
            else if byte >= 65 && byte <= 90 { bytes.append(byte | 0x20) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func slow(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }
}
