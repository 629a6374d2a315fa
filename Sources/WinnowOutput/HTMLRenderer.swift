import WinnowExtract

/// Renders an article as a complete, self-contained, clean HTML5 document.
///
/// The head carries charset, title, author, description, keywords and the canonical link; the body is one
/// `<article>` with an `<h1>` title, a byline with `<time datetime>`, and semantic markup for the blocks.
/// All text and attribute values are escaped; links keep only http(s), mailto and relative hrefs and images
/// only http(s), relative and raster `data:image` sources (anything else, e.g. `javascript:`, is dropped and
/// the link's text kept). No scripts, no external resources beyond the story's own images.
public struct HTMLRenderer: Sendable {
    /// Embed a small readable stylesheet in the head.
    public var includesStylesheet: Bool
    /// Show the title as the article's `<h1>`.
    public var includesTitleHeading: Bool

    /// A renderer with the given options; the defaults suit a story saved for reading.
    public init(includesStylesheet: Bool = true, includesTitleHeading: Bool = true) {
        self.includesStylesheet = includesStylesheet
        self.includesTitleHeading = includesTitleHeading
    }

    /// The HTML document, ending with a newline.
    public func render(_ article: Article) -> String {
        let metadata = article.metadata
        let layout = ArticleLayout(article, showsTitle: includesTitleHeading)
        var lines: [String] = ["<!doctype html>"]
        if let language = nonEmpty(metadata.language).map(Self.languageTag), !language.isEmpty {
            lines.append("<html lang=\"\(language)\">")
        } else {
            lines.append("<html>")
        }
        lines.append("<head>")
        lines.append("<meta charset=\"utf-8\">")
        lines.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        let documentTitle = nonEmpty(metadata.title) ?? nonEmpty(metadata.siteName) ?? "Untitled"
        lines.append("<title>\(e(documentTitle))</title>")
        let authors = metadata.authors.compactMap(nonEmpty)
        if !authors.isEmpty { lines.append("<meta name=\"author\" content=\"\(e(authors.joined(separator: ", ")))\">") }
        if let description = nonEmpty(metadata.description) {
            lines.append("<meta name=\"description\" content=\"\(e(description))\">")
        }
        let tags = metadata.tags.compactMap(nonEmpty)
        if !tags.isEmpty { lines.append("<meta name=\"keywords\" content=\"\(e(tags.joined(separator: ", ")))\">") }
        if let canonical = nonEmpty(metadata.canonicalURL) ?? nonEmpty(metadata.url), URLPolicy.isSafeLink(canonical) {
            lines.append("<link rel=\"canonical\" href=\"\(e(canonical))\">")
        }
        if includesStylesheet { lines.append("<style>\n\(Self.stylesheet)\n</style>") }
        lines.append("</head>")
        lines.append("<body>")
        lines.append("<article>")
        let byline = Self.byline(metadata)
        if layout.title != nil || byline != nil {
            lines.append("<header>")
            if let title = layout.title { lines.append("<h1>\(e(title))</h1>") }
            if let byline { lines.append(byline) }
            lines.append("</header>")
        }
        let body = Self.blocks(layout.blocks, layout: layout)
        if !body.isEmpty { lines.append(body) }
        lines.append("</article>")
        lines.append("</body>")
        lines.append("</html>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Header

    static func byline(_ metadata: Metadata) -> String? {
        var parts: [String] = []
        let authors = metadata.authors.compactMap(nonEmpty).map { "<span class=\"author\">\(e($0))</span>" }
        if !authors.isEmpty { parts.append("By " + joinedNames(authors)) }
        if let published = nonEmpty(metadata.published) {
            parts.append("<time datetime=\"\(e(published))\">\(e(published))</time>")
        }
        if let modified = nonEmpty(metadata.modified), modified != nonEmpty(metadata.published) {
            parts.append("updated <time datetime=\"\(e(modified))\">\(e(modified))</time>")
        }
        let source = nonEmpty(metadata.canonicalURL) ?? nonEmpty(metadata.url)
        let siteLabel = nonEmpty(metadata.siteName) ?? source
        if let siteLabel {
            if let source, URLPolicy.isSafeLink(source) {
                parts.append("<a href=\"\(e(source))\">\(e(siteLabel))</a>")
            } else {
                parts.append(e(siteLabel))
            }
        }
        return parts.isEmpty ? nil : "<p class=\"byline\">" + parts.joined(separator: " · ") + "</p>"
    }

    // MARK: Blocks

    static func blocks(_ blocks: [Block], layout: ArticleLayout) -> String {
        blocks.compactMap { render($0, layout: layout) }.joined(separator: "\n")
    }

    static func render(_ block: Block, layout: ArticleLayout) -> String? {
        switch block {
        case .heading(let level, let content):
            let html = inline(InlineNormalizer.normalize(content))
            guard !html.isEmpty else { return nil }
            let tag = "h\(layout.level(level))"
            return "<\(tag)>\(html)</\(tag)>"
        case .paragraph(let content):
            let html = inline(InlineNormalizer.normalize(content))
            return html.isEmpty ? nil : "<p>\(html)</p>"
        case .list(let ordered, let items):
            let rendered = items.compactMap { listItem($0, layout: layout) }
            guard !rendered.isEmpty else { return nil }
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + rendered.joined(separator: "\n") + "\n</\(tag)>"
        case .quote(let inner):
            let body = blocks(inner, layout: layout)
            return body.isEmpty ? nil : "<blockquote>\n\(body)\n</blockquote>"
        case .code(let text, let language):
            let code = trimmingTrailingNewlines(normalizingLineEndings(text))
            guard !code.isEmpty else { return nil }
            let languageClass = language.map(codeLanguageClass).flatMap { $0.isEmpty ? nil : $0 }
            let classAttribute = languageClass.map { " class=\"language-\($0)\"" } ?? ""
            return "<pre><code\(classAttribute)>\(e(code))</code></pre>"
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            return self.figure(figure)
        }
    }

    /// A list item; a lone paragraph (optionally followed by nested lists) is written without `<p>`.
    static func listItem(_ item: [Block], layout: ArticleLayout) -> String? {
        var parts: [String] = []
        for (index, block) in item.enumerated() {
            if index == 0, case .paragraph(let content) = block,
                item.dropFirst().allSatisfy({ if case .list = $0 { true } else { false } })
            {
                let html = inline(InlineNormalizer.normalize(content))
                if !html.isEmpty { parts.append(html) }
            } else if let rendered = render(block, layout: layout) {
                parts.append(rendered)
            }
        }
        return parts.isEmpty ? nil : "<li>" + parts.joined(separator: "\n") + "</li>"
    }

    static func table(_ table: Table) -> String? {
        let columns = table.rows.map(\.count).max() ?? 0
        guard columns > 0 else { return nil }
        func row(_ cells: [TableCell], forceHeader: Bool) -> String {
            let html = cells.map { cell -> String in
                let tag = forceHeader || cell.isHeader ? "th" : "td"
                return "<\(tag)>\(inline(InlineNormalizer.normalize(cell.content)))</\(tag)>"
            }
            return "<tr>" + html.joined() + "</tr>"
        }
        var lines = ["<table>"]
        let caption = inline(InlineNormalizer.normalize(table.caption))
        if !caption.isEmpty { lines.append("<caption>\(caption)</caption>") }
        var rows = table.rows
        if let first = rows.first, !first.isEmpty, first.allSatisfy(\.isHeader) {
            lines += ["<thead>", row(first, forceHeader: true), "</thead>"]
            rows.removeFirst()
        }
        if !rows.isEmpty {
            lines.append("<tbody>")
            lines += rows.map { row($0, forceHeader: false) }
            lines.append("</tbody>")
        }
        lines.append("</table>")
        return lines.joined(separator: "\n")
    }

    static func figure(_ figure: Figure) -> String? {
        var parts: [String] = []
        if let source = nonEmpty(figure.source), URLPolicy.isSafeImageSource(source) {
            parts.append("<img src=\"\(e(source))\" alt=\"\(e(nonEmpty(figure.alt) ?? ""))\">")
        }
        let caption = inline(InlineNormalizer.normalize(figure.caption))
        if !caption.isEmpty { parts.append("<figcaption>\(caption)</figcaption>") }
        return parts.isEmpty ? nil : "<figure>\n" + parts.joined(separator: "\n") + "\n</figure>"
    }

    // MARK: Inline

    /// Normalised inline content as an HTML fragment (also the `html` field of JSON blocks).
    static func inline(_ inlines: [Inline]) -> String {
        var out = ""
        for element in inlines {
            switch element {
            case .text(let text): out += e(text)
            case .emphasis(let content): out += "<em>" + inline(content) + "</em>"
            case .strong(let content): out += "<strong>" + inline(content) + "</strong>"
            case .code(let code): out += "<code>" + e(code) + "</code>"
            case .link(let href, let content):
                let text = inline(content)
                if URLPolicy.isSafeLink(href) {
                    out += "<a href=\"\(e(href))\">\(text)</a>"
                } else {
                    out += text
                }
            case .lineBreak: out += "<br>"
            }
        }
        return out
    }


    /// A BCP 47 tag reduced to the characters such tags use.
    static func languageTag(_ value: String) -> String {
        String(value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.prefix(35))
    }

    /// A code language usable in a class name.
    static func codeLanguageClass(_ value: String) -> String {
        String(value.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "+#_.-".contains($0)) }.prefix(40))
    }

    static let stylesheet = """
        body { margin: 0; padding: 2rem 1rem; background: #fdfdfc; color: #1d1d1f; }
        article { max-width: 42rem; margin: 0 auto; font: 1.125rem/1.65 Georgia, "Times New Roman", serif; }
        h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; }
        .byline { color: #5f6368; font: 0.95rem system-ui, sans-serif; }
        a { color: #0b57d0; }
        img { max-width: 100%; height: auto; }
        figure { margin: 1.5rem 0; }
        figcaption { color: #5f6368; font-size: 0.9rem; }
        blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #d0d0d0; color: #3c3c3c; }
        pre { overflow-x: auto; padding: 0.75rem; background: #f3f3f1; }
        code { font: 0.9em ui-monospace, Menlo, Consolas, monospace; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d0d0; padding: 0.3rem 0.6rem; text-align: left; }
        """
}

/// Short name for escaping, used heavily in this file.
private func e(_ text: String) -> String { HTMLEscaping.escape(text) }
