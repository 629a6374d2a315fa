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
