import Foundation

/// Turns titles, URL path segments and host names into safe, readable file and folder names.
///
/// A slug is lowercase ASCII letters, digits and single hyphens: other scripts are transliterated to Latin
/// (`Привет` → `privet`, `東京` → `dong-jing`), diacritics dropped (`café` → `cafe`, `Straße` → `strasse`),
/// everything else becomes a separator. Long slugs are cut at a word boundary.
public enum Slug {
    /// The longest slug `make` returns.
    public static let maximumLength = 80
    /// Only the first `maximumLength` × this many scalars of a text are read (640): a longer title gives the
    /// same slug unless its start is mostly punctuation, and a hostile megabyte title costs no more than that.
    static let inputScalarsPerCharacter = 8

    /// The slug of `text`, or an empty string when nothing usable is left.
    public static func make(_ text: String, maximumLength: Int = Slug.maximumLength) -> String {
        // Only the start can reach the slug; transliterating a hostile megabyte title whole takes seconds.
        let scalars = text.unicodeScalars
        let text = scalars.count > maximumLength * Slug.inputScalarsPerCharacter
            ? String(String.UnicodeScalarView(scalars.prefix(maximumLength * Slug.inputScalarsPerCharacter))) : text
        let ascii = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false)
            ?? text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in ascii.unicodeScalars {
            let isLetter = scalar >= "a" && scalar <= "z"
            let isDigit = scalar >= "0" && scalar <= "9"
            if isLetter || isDigit {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                // Apostrophes join: "don't" → "dont".
                continue
            } else {
                pendingHyphen = true
            }
        }
        return truncate(slug, to: maximumLength)
    }

    /// Cuts a slug to at most `length` characters, at a hyphen when one is in the second half.
    static func truncate(_ slug: String, to length: Int) -> String {
        guard slug.count > length else { return slug }
        let cut = slug.prefix(length)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= length / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// A folder name for a site: the URL's host, lowercased, without `www.`, limited to `[a-z0-9.-]`.
    /// Nil when the URL has no usable host.
    public static func host(of url: String) -> String? {
        guard let host = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines))?.host else {
            return nil
        }
        var name = host.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        var cleaned = ""
        for scalar in name.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-"
            if keep {
                cleaned.unicodeScalars.append(scalar)
            } else if scalar == ".", !cleaned.isEmpty, cleaned.last != "." {
                cleaned += "."
            } else if scalar != "." {
                cleaned += "-"
            }
        }
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return trimmed.isEmpty ? nil : String(trimmed.prefix(100))
    }

    /// The slug of a URL's last meaningful path segment, without a file extension like `.html`.
    public static func lastPathSegment(of url: String) -> String? {
        guard let path = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines))?.path else {
            return nil
        }
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        for segment in segments.reversed() {
            var name = segment
            if let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 6 {
                name = String(name[..<dot])
            }
            let slug = make(name)
            if !slug.isEmpty && slug != "index" { return slug }
        }
        return nil
    }
}
