import WinnowExtract

/// What the document-style renderers (Markdown, HTML) show above and in the body: the title heading, the
/// blocks after it, and how far to push block headings down so the title stays the only level-1 heading.
struct ArticleLayout {
    /// The title to show as a level-1 heading, or nil when there is none (or the caller did not want one).
    var title: String?
    /// The blocks to render. A leading heading that repeats the title is dropped when `title` is shown.
    var blocks: [Block]
    /// Added to every block heading level (then clamped to 6).
    var headingShift: Int

    init(_ article: Article, showsTitle: Bool) {
        let trimmedTitle = article.metadata.title.map(InlineNormalizer.collapseWhitespace)
            .map(InlineNormalizer.trimmingCollapsible)
        var blocks = article.blocks
        if showsTitle, let title = trimmedTitle, !title.isEmpty {
            self.title = title
            if case .heading(_, let content)? = blocks.first,
                InlineNormalizer.normalizedText(content).lowercased() == title.lowercased()
            {
                blocks.removeFirst()
            }
        } else {
            self.title = nil
        }
        self.blocks = blocks
        let minimum = ArticleLayout.minimumHeadingLevel(in: blocks) ?? 2
        self.headingShift = title != nil && minimum < 2 ? 2 - max(1, minimum) : 0
    }

    /// The level to render a block heading at.
    func level(_ level: Int) -> Int {
        min(6, max(1, level) + headingShift)
    }

    private static func minimumHeadingLevel(in blocks: [Block]) -> Int? {
        var minimum: Int?
        for block in blocks {
            switch block {
            case .heading(let level, _):
                minimum = min(minimum ?? level, level)
            case .quote(let inner):
                if let found = minimumHeadingLevel(in: inner) { minimum = min(minimum ?? found, found) }
            case .list(_, let items):
                for item in items {
                    if let found = minimumHeadingLevel(in: item) { minimum = min(minimum ?? found, found) }
                }
            default:
                break
            }
        }
        return minimum
    }
}

/// Which URLs may survive into rendered output as links and images.
///
/// Extracted pages can carry `javascript:`, `vbscript:` or `data:text/html` URLs; a reader opening the clean
/// HTML (or Markdown rendered to HTML) must never execute them. Browsers ignore tabs and newlines inside a
/// scheme and leading control characters, so those are removed before the scheme is read.
enum URLPolicy {
    private static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    private static let imageSchemes: Set<String> = ["http", "https"]
    /// Raster image types allowed as `data:` sources (SVG can carry script, so it is left out).
    private static let dataImageTypes: Set<String> = [
        "image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif", "image/bmp",
    ]

    /// True for http(s), mailto and relative URLs.
    static func isSafeLink(_ href: String) -> Bool {
        guard let scheme = scheme(of: href) else { return true }
        return linkSchemes.contains(scheme)
    }

    /// True for http(s), relative URLs and raster `data:image/...` URLs.
    static func isSafeImageSource(_ source: String) -> Bool {
        let cleaned = clean(source)
        guard !cleaned.isEmpty else { return false }
        guard let scheme = scheme(of: source) else { return true }
        if imageSchemes.contains(scheme) { return true }
        guard scheme == "data" else { return false }
        let mediaType = cleaned.dropFirst(5).prefix { $0 != ";" && $0 != "," }.lowercased()
        return dataImageTypes.contains(mediaType)
    }

    /// The lowercased scheme, or nil for a relative URL.
    static func scheme(of url: String) -> String? {
        let cleaned = clean(url)
        var scheme = ""
        for scalar in cleaned.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isAlpha = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            if isAlpha || (!scheme.isEmpty && isOther) {
                scheme.unicodeScalars.append(scalar)
            } else {
                return nil
            }
        }
        return nil
    }

    private static func clean(_ url: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if scalars.isEmpty && (scalar.value <= 0x20 || scalar.properties.isWhitespace) { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
