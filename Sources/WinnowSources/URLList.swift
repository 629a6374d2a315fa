/// A plain list of URLs, one per line: a seed file, a text sitemap.
///
/// Lines are trimmed; blank lines and lines starting with `#` are ignored, and so is a comment after a URL
/// when whitespace precedes its `#` (`https://example.com/  # front page`). Relative lines resolve against
/// `base`. A line that is not then an absolute http(s) URL (another scheme, text with spaces, a relative
/// line with no base) is skipped and its number reported.
public enum URLList {
    /// What a list held.
    public struct Result: Sendable, Equatable {
        /// The absolute http(s) URLs, in line order, as written (resolved, not normalized; duplicates kept).
        public let urls: [String]
        /// 1-based numbers of the lines that held something other than a URL or a comment.
        public let skippedLines: [Int]

        /// Creates a result.
        public init(urls: [String], skippedLines: [Int]) {
            self.urls = urls
            self.skippedLines = skippedLines
        }
    }

    /// Reads the list.
    ///
    /// - Parameters:
    ///   - text: the list; lines end with LF, CRLF or CR.
    ///   - base: the URL relative lines resolve against; nil accepts absolute lines only.
    public static func parse(_ text: String, base: String?) -> Result {
        var urls: [String] = []
        var skipped: [Int] = []
        let baseURL = base.flatMap { URLResolver.resolve($0, against: nil) }
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            var line = Substring(rawLine.trimmingXMLSpace())
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let comment = commentStart(in: line) { line = line[..<comment] }
            let candidate = line.trimmingXMLSpace()
            guard !candidate.contains(where: \.isWhitespace),
                  let url = URLResolver.resolve(candidate, against: baseURL) else {
                skipped.append(number)
                continue
            }
            urls.append(url)
        }
        return Result(urls: urls, skippedLines: skipped)
    }

    /// Where a trailing comment starts: the first `#` that follows whitespace.
    private static func commentStart(in line: Substring) -> Substring.Index? {
        var previousIsSpace = false
        for index in line.indices {
            let character = line[index]
            if character == "#" && previousIsSpace { return index }
            previousIsSpace = character.isWhitespace
        }
        return nil
    }
}
