/// A request line and header fields, as the server parsed them from the bytes before the empty line.
struct RequestHead: Sendable, Equatable {
    /// The method token, case as sent (methods are case-sensitive).
    var method: String
    /// The request target as sent: origin-form (`/path?query`) or absolute-form (`http://host/path`).
    var target: String
    /// `HTTP/1.0` or `HTTP/1.1`.
    var version: String
    /// Header fields, names lowercased, values trimmed, in arrival order.
    var headers: [(name: String, value: String)]

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    /// The first value of header `name` (lowercase).
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Why a head could not be parsed, as the status to answer with.
    enum Failure: Error, Equatable {
        /// Not HTTP/1.x syntax: 400.
        case malformed(String)
        /// `HTTP/2.0` or another major version on an HTTP/1 connection: 505.
        case unsupportedVersion
    }

    /// Parses the bytes of a request head (request line and fields, without the final empty line).
    ///
    /// Strict where sloppiness could matter (one space between the three request-line parts, a token method,
    /// a visible-ASCII target, `name: value` fields with no space before the colon, `Host` required in
    /// HTTP/1.1) and lenient where it cannot (bare LF line ends, leading empty lines, obsolete line folding
    /// refused rather than guessed at).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> RequestHead {
        // Each byte becomes one Unicode scalar (Latin-1), so no byte sequence can fail to decode.
        var lines = Self.lines(bytes)
        while lines.first?.isEmpty == true { lines.removeFirst() }  // RFC 9112 §2.2: ignore a leading CRLF.
        guard let requestLine = lines.first else { throw .malformed("empty request") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("request line is not METHOD TARGET VERSION") }
        let method = String(parts[0]), target = String(parts[1]), version = String(parts[2])
        guard !method.isEmpty, method.unicodeScalars.allSatisfy(isTokenCharacter) else {
            throw .malformed("bad method")
        }
        guard !target.isEmpty, target.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .malformed("bad request target")
        }
        guard version.hasPrefix("HTTP/"), version.count == 8,
              let major = version.dropFirst(5).first, major.isASCII, major.isNumber,
              version.dropFirst(6).first == ".", let minor = version.last, minor.isASCII, minor.isNumber else {
            throw .malformed("bad HTTP version")
        }
        guard major == "1" else { throw .unsupportedVersion }

        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if line.first == " " || line.first == "\t" { throw .malformed("obsolete line folding") }
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("header field without a colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(isTokenCharacter) else {
                throw .malformed("bad header field name")
            }
            let rawValue = line[line.index(after: colon)...]
            guard rawValue.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }) else {
                throw .malformed("control character in a header field")
            }
            headers.append((name.lowercased(), String(rawValue).trimmedOfSpaces))
        }
        let head = RequestHead(method: method, target: target, version: version, headers: headers)
        if version == "HTTP/1.1", head.header("host") == nil { throw .malformed("HTTP/1.1 request without Host") }
        return head
    }

    /// Splits on LF, dropping a CR before it; bytes map one-to-one onto Latin-1 scalars.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for byte in bytes {
            if byte == 0x0A {
                if current.last == "\r" { current.removeLast() }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(Unicode.Scalar(byte))
            }
        }
        if current.last == "\r" { current.removeLast() }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
        default: false
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmedOfSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
