import Foundation
import WinnowDOM
import WinnowExtract
import WinnowRules

/// A first rule file for a site, written from one of its pages: the body selector is the container the
/// generic extractor chose, the title is the page's `<h1>`, what the extractor dropped inside or beside the
/// body becomes strip lines, and the tests are filled from the resulting story (its first and last sentence,
/// and a dropped block that must stay out). The author then edits instead of starting from nothing.
public struct RuleScaffold: Sendable {
    /// The rule name (host without `www.`).
    public let name: String
    /// The rule file's text.
    public let text: String
    /// The fixture path as written in the rule (relative to the rule's folder).
    public let fixturePath: String

    /// Strip candidates proposed at most.
    public static let maximumStrips = 8

    /// Builds the scaffold for a page of `host`; `url` becomes `test_url` (a placeholder on the host if nil).
    public init(page bytes: [UInt8], url: String?, host: String, contentType: String? = nil) throws {
        guard let fileName = RuleTemplate.fileName(forHost: host) else {
            throw RuleEngineError("'\(host)' is not a host name a rule file can be named after")
        }
        let name = String(fileName.dropLast(4))
        let testURL = url ?? "https://\(host)/article"
        let fixture = "fixtures/\(name).html"
        let document = try Document(html: bytes, url: testURL, contentType: contentType)
        let map = Extractor(options: ExtractionOptions(url: testURL)).contentMap(of: document)

        var lines = [
            "# Site rules for \(name), scaffolded by `winnow rules new` from \(testURL)",
            "# Selectors are XPath 1.0 (or CSS after 'css:'). Review every line: they are guesses from one page.",
            "# Check: winnow rules check \(fileName)   Test: winnow rules test \(fileName)   See: winnow explain <url>",
            "",
        ]
        let roots = map.roots.map(\.node).filter { $0.isElement && !["html", "body"].contains($0.name) }
        let bodySelectors = roots.compactMap { Self.selector(for: $0, in: document) }
        if !bodySelectors.isEmpty && bodySelectors.count == roots.count {
            lines.append("# The container the generic extractor chose (\(map.roots.first?.reason ?? "scored")).")
            lines.append("body: " + bodySelectors.joined(separator: " | "))
        } else {
            lines.append("# No distinctive container found; the generic extractor picks the body. Name it if you can:")
            lines.append("# body: //article")
        }
        let headings = (try? document.select(xpath: "//h1")) ?? []
        if headings.contains(where: { !$0.text.collapsingWhitespace().isEmpty }) {
            lines.append("title: //h1")
        } else {
            lines.append("# title: //h1")
        }
        lines.append("")

        // Drops inside a root, or siblings of one, are the site's widgets and bylines.
        var strips: [String] = []
        var droppedTexts: [String] = []
        let droppedNodes = Set(map.dropped.map(\.node))
        for verdict in map.dropped {
            let node = verdict.node
            let near = roots.contains { $0.contains(node) || $0.parent == node.parent }
            guard near else { continue }
            if let sample = Self.textSample(of: node) { droppedTexts.append(sample) }
            guard strips.count < Self.maximumStrips, let selector = Self.selector(for: node, in: document, unique: false),
                  !strips.contains(where: { $0.hasSuffix(selector) })
            else { continue }
            // Active only when every match was dropped anyway; otherwise offered commented out.
            let matches = (try? document.select(xpath: selector)) ?? []
            let safe = !matches.isEmpty && matches.allSatisfy { match in
                droppedNodes.contains(match) || match.ancestors.contains(where: droppedNodes.contains)
            }
            let preview = String((Self.textSample(of: node) ?? "").prefix(50))
            strips.append("# dropped by the generic extractor (\(verdict.reason)): \"\(preview)\"")
            strips.append((safe ? "" : "# ") + "strip: " + selector)
        }
        if !strips.isEmpty {
            lines.append("# Clutter inside or beside the body.")
            lines += strips
            lines.append("")
        }

        // Tests from the story these rules give.
        let draft = lines.joined(separator: "\n") + "\n"
        let parsed = RuleParser(mode: .compatible).parse(draft, name: name, path: fileName)
        let story = try StoryPipeline(library: nil)
            .extract(html: bytes, url: testURL, contentType: contentType, rules: RuleSet(host: host, sources: [parsed.rule]))
        let storyText = RuleTestRunner.text(of: story.article)
        let paragraphs = story.article.plainText.split(separator: "\n").map { String($0).collapsingWhitespace() }
            .filter { $0.count >= 30 }
        lines.append("test_url: \(testURL)")
        lines.append("test_fixture: \(fixture)")
        if let first = paragraphs.first.map(Self.firstSentence) { lines.append("test_contains: \(first)") }
        if paragraphs.count > 1, let last = paragraphs.last.map(Self.lastSentence) { lines.append("test_contains: \(last)") }
        let flatStory = storyText.collapsingWhitespace()
        if let chaff = droppedTexts.map({ Self.firstSentence($0) }).first(where: { $0.count >= 8 && !flatStory.contains($0) }) {
            lines.append("test_not_contains: \(chaff)")
        }
        self.name = name
        self.fixturePath = fixture
        self.text = lines.joined(separator: "\n") + "\n"
    }

    /// An XPath naming `node` by id or by one of its classes (unique in the page unless `unique` is false),
    /// else by a unique tag name; nil when nothing distinctive is found.
    static func selector(for node: Node, in document: Document, unique: Bool = true) -> String? {
        let tag = node.name
        var candidates: [String] = []
        if let id = node.id, Self.isPlain(id) { candidates.append("//\(tag)[@id='\(id)']") }
        for cls in node.classNames.prefix(4) where Self.isPlain(String(cls)) {
            candidates.append("//\(tag)[contains(concat(' ', normalize-space(@class), ' '), ' \(cls) ')]")
        }
        if unique && ["article", "main"].contains(tag) { candidates.append("//\(tag)") }
        for candidate in candidates {
            guard let matches = try? document.select(xpath: candidate), matches.contains(node) else { continue }
            if !unique || matches.count == 1 { return candidate }
        }
        return nil
    }

    /// The first run of text in a node that reads as a phrase (one text node, so block boundaries inside
    /// the node do not glue words together).
    static func textSample(of node: Node) -> String? {
        for child in node.descendants where child.isText {
            let text = child.text.collapsingWhitespace()
            if text.count >= 12 { return text }
        }
        return nil
    }

    /// Identifier-like values only (no quotes or spaces that would break the XPath literal).
    static func isPlain(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 60 && value.allSatisfy { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
    }

    /// The first sentence of a paragraph, at most ~100 characters (cut at a word).
    static func firstSentence(_ text: String) -> String {
        var sentence = text
        if let end = text.firstMatch(of: /[.!?]["”’)]?\s/) { sentence = String(text[..<end.range.upperBound]) }
        return clip(sentence.trimmingSpaces(), fromEnd: false)
    }

    /// The last sentence of a paragraph, at most ~100 characters (cut at a word).
    static func lastSentence(_ text: String) -> String {
        let starts = text.matches(of: /[.!?]["”’)]?\s+/).map(\.range.upperBound)
        let start = starts.last(where: { $0 < text.endIndex && text.distance(from: $0, to: text.endIndex) > 15 })
        return clip(String(text[(start ?? text.startIndex)...]).trimmingSpaces(), fromEnd: true)
    }

    static func clip(_ text: String, fromEnd: Bool) -> String {
        guard text.count > 100 else { return text }
        let words = text.split(separator: " ")
        var kept: [Substring] = []
        var length = 0
        for word in fromEnd ? words.reversed() : words {
            if length + word.count + 1 > 100 && !kept.isEmpty { break }
            kept.append(word)
            length += word.count + 1
        }
        return (fromEnd ? kept.reversed() : kept).joined(separator: " ")
    }
}
