import Foundation

/// A deliberately small reader for the front matter Winnow writes: `key: scalar` and `key:` followed by
/// `  - scalar` items. Scalars are either double-quoted (with YAML escapes) or plain; a plain scalar that a
/// real YAML reader could take for something other than the same string is reported as an error, so the
/// tests catch quoting the writer forgot.
enum TinyYAML {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    enum Value: Equatable {
        case scalar(String)
        case list([String])
    }

    /// Parses the text between the `---` lines.
    static func parse(_ body: String) throws -> [String: Value] {
        var result: [String: Value] = [:]
        var currentList: String?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  - "), let key = currentList, case .list(let items)? = result[key] {
                result[key] = .list(items + [try scalar(String(line.dropFirst(4)))])
                continue
            }
            guard let colon = line.range(of: ":") else { throw Failure(description: "no key in line: \(line)") }
            let key = String(line[..<colon.lowerBound])
            let rest = line[colon.upperBound...]
            if rest.isEmpty {
                result[key] = .list([])
                currentList = key
            } else {
                guard rest.hasPrefix(" ") else { throw Failure(description: "no space after colon: \(line)") }
                result[key] = .scalar(try scalar(String(rest.dropFirst())))
                currentList = nil
            }
        }
        return result
    }

    static func scalar(_ text: String) throws -> String {
        if text.hasPrefix("\"") { return try doubleQuoted(text) }
        let indicators: Set<Character> = [
            "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " ",
        ]
        guard let first = text.first, !indicators.contains(first) else {
            throw Failure(description: "unsafe plain scalar start: \(text)")
        }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.hasSuffix(" ") {
            throw Failure(description: "unsafe plain scalar: \(text)")
        }
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(text.lowercased()) {
            throw Failure(description: "plain scalar is a YAML keyword: \(text)")
        }
        if first.isNumber || first == "." || first == "+" {
            throw Failure(description: "plain scalar may be read as a number or date: \(text)")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw Failure(description: "control character in plain scalar: \(text)")
        }
        return text
    }

    static func doubleQuoted(_ text: String) throws -> String {
        var scalars = Array(text.unicodeScalars.dropFirst())
        var out = String.UnicodeScalarView()
        while !scalars.isEmpty {
            let scalar = scalars.removeFirst()
            switch scalar {
            case "\"":
                guard scalars.isEmpty else { throw Failure(description: "text after closing quote: \(text)") }
                return String(out)
            case "\\":
                guard !scalars.isEmpty else { throw Failure(description: "dangling escape: \(text)") }
                let code = scalars.removeFirst()
                switch code {
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "u":
                    guard scalars.count >= 4, let value = UInt32(String(String.UnicodeScalarView(scalars[0..<4])), radix: 16),
                        let decoded = Unicode.Scalar(value)
                    else { throw Failure(description: "bad \\u escape: \(text)") }
                    scalars.removeFirst(4)
                    out.append(decoded)
                default: throw Failure(description: "unknown escape \\\(code): \(text)")
                }
            default:
                if scalar.value < 0x20 { throw Failure(description: "raw control character in quoted scalar: \(text)") }
                out.append(scalar)
            }
        }
        throw Failure(description: "unterminated quoted scalar: \(text)")
    }

    /// Splits a Markdown document into its front matter (between the leading `---` lines) and the rest.
    static func splitFrontMatter(_ markdown: String) throws -> (frontMatter: String, body: String) {
        guard markdown.hasPrefix("---\n"), let end = markdown.range(of: "\n---\n", range: markdown.index(markdown.startIndex, offsetBy: 3)..<markdown.endIndex) else {
            throw Failure(description: "no front matter")
        }
        let frontMatter = String(markdown[markdown.index(markdown.startIndex, offsetBy: 4)..<end.lowerBound])
        return (frontMatter, String(markdown[end.upperBound...]))
    }
}
