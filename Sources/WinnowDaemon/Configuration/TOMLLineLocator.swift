/// A path to a value in a TOML document: keys and array indices, e.g. `source[2].include[0]`.
struct TOMLPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step: a table key or an array index (a string or an integer literal, in tests).
    enum Component: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    var components: [Component]

    init(_ components: [Component]) { self.components = components }
    init(arrayLiteral elements: Component...) { components = elements }
    init(keys: [String]) { components = keys.map(Component.key) }

    static func + (lhs: TOMLPath, rhs: Component) -> TOMLPath { TOMLPath(lhs.components + [rhs]) }
    static func + (lhs: TOMLPath, rhs: String) -> TOMLPath { lhs + .key(rhs) }
    static func + (lhs: TOMLPath, rhs: Int) -> TOMLPath { lhs + .index(rhs) }
    static func + (lhs: TOMLPath, rhs: [String]) -> TOMLPath { TOMLPath(lhs.components + rhs.map(Component.key)) }

    /// The path one step up; nil at the root.
    var parent: TOMLPath? { components.isEmpty ? nil : TOMLPath(Array(components.dropLast())) }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// Maps key paths to the line they are written on, because TOMLKit reports positions only for syntax errors.
///
/// A lenient scanner over the text of a document that already parsed: it follows `[table]` and
/// `[[array.of.tables]]` headers (counting occurrences, nested arrays of tables included), dotted keys,
/// quoted keys, inline tables and arrays (each element gets its own line, also across lines), and skips
/// comments and every kind of string, so text inside a multi-line string is never taken for a key. Each path
/// is recorded where it first appears; the implicit parents of dotted keys and headers too.
struct TOMLLineLocator: Sendable {
    private var lines: [TOMLPath: Int]

    /// Scans `text`; never fails (malformed input only loses positions).
    init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.run()
        lines = scanner.lines
    }

    /// The line `path` is written on, if it was written (implicit defaults are not).
    func line(of path: TOMLPath) -> Int? { lines[path] }

    /// The line of `path`, else of its nearest written ancestor (a missing key's table); 0 when none is.
    func nearestLine(of path: TOMLPath) -> Int {
        var current: TOMLPath? = path
        while let candidate = current {
            if let line = lines[candidate] { return line }
            current = candidate.parent
        }
        return 0
    }
}

private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lines: [TOMLPath: Int] = [:]
    /// The table that key/value lines belong to (set by the latest header).
    var current = TOMLPath([])
    /// Occurrences so far of each array of tables, keyed by its resolved parent path plus its name.
    var arrayCounts: [TOMLPath: Int] = [:]

    init(bytes: [UInt8]) { self.bytes = bytes }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r"), hash = UInt8(ascii: "#"), equals = UInt8(ascii: "=")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), comma = UInt8(ascii: ",")
    private static let dot = UInt8(ascii: "."), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")

    var atEnd: Bool { index >= bytes.count }
    var byte: UInt8 { bytes[index] }
    func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    mutating func record(_ path: TOMLPath, line: Int) {
        var prefix: TOMLPath? = path
        while let current = prefix, !current.components.isEmpty {
            if lines[current] == nil { lines[current] = line }
            prefix = current.parent
        }
    }

    mutating func run() {
        while !atEnd {
            let start = index
            skipBlanks()
            guard !atEnd else { break }
            switch byte {
            case Self.newline: index += 1; line += 1
            case Self.hash: skipToLineEnd()
            case Self.openBracket: header()
            default: keyValue(in: current)
            }
            if index == start { index += 1 }  // never loop on a byte nothing understood
        }
    }

    /// Spaces, tabs and carriage returns.
    mutating func skipBlanks() {
        while !atEnd, byte == Self.space || byte == Self.tab || byte == Self.carriageReturn { index += 1 }
    }

    /// Blanks, newlines and comments (inside arrays, where values may span lines).
    mutating func skipBlanksAndNewlines() {
        while !atEnd {
            if byte == Self.space || byte == Self.tab || byte == Self.carriageReturn {
                index += 1
            } else if byte == Self.newline {
                index += 1
                line += 1
            } else if byte == Self.hash {
                skipToLineEnd()
            } else {
                return
            }
        }
    }

    /// Up to (not past) the next newline.
    mutating func skipToLineEnd() {
        while !atEnd, byte != Self.newline { index += 1 }
    }

    /// `[a.b]` or `[[a.b]]`.
    mutating func header() {
        let headerLine = line
        let isArray = peek(1) == Self.openBracket
        index += isArray ? 2 : 1
        let keys = key()
        skipBlanks()
        while !atEnd, byte == Self.closeBracket { index += 1 }
        skipToLineEnd()
        // Resolve each prefix that names an array of tables to its latest element: [source.x] after
        // [[source]] belongs to that source.
        var path = TOMLPath([])
        for (position, name) in keys.enumerated() {
            path = path + name
            let isLast = position == keys.count - 1
            if isLast && isArray {
                let occurrence = arrayCounts[path, default: 0]
                arrayCounts[path] = occurrence + 1
                record(path, line: headerLine)
                path = path + occurrence
            } else if let count = arrayCounts[path] {
                path = path + (count - 1)
            }
        }
        current = path
        record(path, line: headerLine)
    }

    /// `key = value` (dotted keys allowed), relative to `table`.
    mutating func keyValue(in table: TOMLPath) {
        let keyLine = line
        let keys = key()
        skipBlanks()
        guard !keys.isEmpty, !atEnd, byte == Self.equals else {
            skipToLineEnd()
            return
        }
        index += 1
        let path = table + keys
        record(path, line: keyLine)
        value(at: path)
        skipBlanks()
        if !atEnd, byte == Self.hash { skipToLineEnd() }
    }

    /// A possibly dotted key: bare, "basic" or 'literal' parts separated by dots.
    mutating func key() -> [String] {
        var parts: [String] = []
        while true {
            skipBlanks()
            guard !atEnd else { return parts }
            if byte == Self.doubleQuote || byte == Self.singleQuote {
                parts.append(quotedKey())
            } else {
                let start = index
                while !atEnd, Self.isBareKeyByte(byte) { index += 1 }
                guard index > start else { return parts }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlanks()
            guard !atEnd, byte == Self.dot else { return parts }
            index += 1
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// A quoted key's text (basic strings keep only simple escapes; keys rarely have any).
    mutating func quotedKey() -> String {
        let quote = byte
        index += 1
        var text: [UInt8] = []
        while !atEnd, byte != quote, byte != Self.newline {
            if quote == Self.doubleQuote, byte == Self.backslash, let next = peek(1) {
                text.append(next)
                index += 2
                continue
            }
            text.append(byte)
            index += 1
        }
        if !atEnd, byte == quote { index += 1 }
        return String(decoding: text, as: UTF8.self)
    }

    /// Any value; arrays and inline tables record their elements and keys.
    mutating func value(at path: TOMLPath) {
        skipBlanks()
        guard !atEnd else { return }
        switch byte {
        case Self.openBracket: array(at: path)
        case Self.openBrace: inlineTable(at: path)
        case Self.doubleQuote, Self.singleQuote: string()
        default:
            // Numbers, booleans, dates (which may hold a space): up to a delimiter.
            while !atEnd, ![Self.comma, Self.closeBracket, Self.closeBrace, Self.newline, Self.hash].contains(byte) {
                index += 1
            }
        }
    }

    mutating func array(at path: TOMLPath) {
        index += 1
        var element = 0
        while true {
            skipBlanksAndNewlines()
            guard !atEnd else { return }
            if byte == Self.closeBracket {
                index += 1
                return
            }
            let start = index
            record(path + element, line: line)
            value(at: path + element)
            element += 1
            skipBlanksAndNewlines()
            if !atEnd, byte == Self.comma { index += 1 }
            if index == start { index += 1 }
        }
    }

    mutating func inlineTable(at path: TOMLPath) {
        index += 1
        while true {
            skipBlanksAndNewlines()  // TOML 1.1 allows newlines in inline tables; harmless for 1.0
            guard !atEnd else { return }
            if byte == Self.closeBrace {
                index += 1
                return
            }
            let start = index
            let keyLine = line
            let keys = key()
            skipBlanks()
            if !keys.isEmpty, !atEnd, byte == Self.equals {
                index += 1
                record(path + keys, line: keyLine)
                value(at: path + keys)
            }
            skipBlanksAndNewlines()
            if !atEnd, byte == Self.comma { index += 1 }
            if index == start { index += 1 }
        }
    }

    /// Skips a basic, literal, multi-line basic or multi-line literal string, counting its newlines.
    mutating func string() {
        let quote = byte
        let multiline = peek(1) == quote && peek(2) == quote
        index += multiline ? 3 : 1
        while !atEnd {
            let current = byte
            if current == Self.newline {
                if !multiline { return }  // an unterminated single-line string ends at its line
                line += 1
                index += 1
            } else if current == Self.backslash && quote == Self.doubleQuote {
                index += 1
                if !atEnd, byte == Self.newline { line += 1 }
                index += 1
            } else if current == quote {
                if !multiline {
                    index += 1
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    // Up to two more quotes may close a multi-line string: """a"""" is `a"`.
                    var extra = 0
                    while extra < 2, !atEnd, byte == quote { index += 1; extra += 1 }
                    return
                }
                index += 1
            } else {
                index += 1
            }
        }
    }
}
