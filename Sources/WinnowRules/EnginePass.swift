import Foundation
import WinnowDOM

/// One application of a rule set to one document. Private to the engine; holds the non-Sendable tree.
struct EnginePass {
    let rules: RuleSet
    var document: Document
    var reports: [RuleLineReport]
    var title: String?
    var authors: [String] = []
    var date: String?
    var body: [Node] = []
    var singlePageURL: String?
    var nextPageURL: String?
    var isNativeAd = false

    init(rules: RuleSet, document: Document, reports: [RuleLineReport]) {
        self.rules = rules
        self.document = document
        self.reports = reports
    }

    var directives: [RuleDirective] { rules.directives }

    func result() -> RuleExtraction {
        RuleExtraction(document: document, title: title, authors: authors, date: date, body: body,
                       singlePageURL: singlePageURL, nextPageURL: nextPageURL, isNativeAd: isNativeAd,
                       rules: rules, lines: reports)
    }

    // MARK: Evaluation

    /// Nodes a selector matches from the root element; nil (with a note) when it no longer compiles.
    mutating func nodes(_ selector: RuleSelector, line index: Int) -> [Node]? {
        guard let root = document.root else { reports[index].matches = 0; return [] }
        do {
            return try XPath(selector.xpath).nodes(from: root)
        } catch {
            reports[index].note = "does not compile: \(error)"
            return nil
        }
    }

    /// A selector's value as text: the first matched node's text, else the XPath string value
    /// (for `concat(...)`, `substring-before(...)`).
    mutating func strings(_ selector: RuleSelector, line index: Int, all: Bool) -> [String] {
        guard let root = document.root, let matched = nodes(selector, line: index) else { return [] }
        if !matched.isEmpty {
            reports[index].matches = matched.count
            let texts = matched.map { $0.text.collapsingWhitespace() }.filter { !$0.isEmpty }
            return all ? texts : Array(texts.prefix(1))
        }
        let value = ((try? XPath(selector.xpath))?.string(from: root) ?? "").collapsingWhitespace()
        reports[index].matches = value.isEmpty ? 0 : 1
        return value.isEmpty ? [] : [value]
    }

    // MARK: Stage 2: wrap_in

    /// Wraps matched elements in a new element: each is marked, the page is serialised, each marked
    /// element's HTML is wrapped textually (outermost first, so inner matches stay findable), and the result
    /// is parsed again.
    mutating func wrap() throws {
        var tags: [String: String] = [:]
        var owner: [String: Int] = [:]
        var counter = 0
        for (index, directive) in directives.enumerated() {
            guard case .wrapIn(let tag, let selector) = directive.action,
                  let matched = nodes(selector, line: index) else { continue }
            let elements = matched.filter { $0.isElement && !$0.hasAttribute(RuleEngine.wrapMarker) }
            reports[index].matches = elements.count
            if matched.contains(where: { !$0.isElement }) {
                reports[index].note = "only elements can be wrapped; other matches ignored"
            }
            for element in elements {
                counter += 1
                let mark = String(counter)
                element.setAttribute(RuleEngine.wrapMarker, mark)
                tags[mark] = tag
                owner[mark] = index
                if reports[index].previews.count < RuleEngine.previewLimit {
                    reports[index].previews.append("\(Self.describe(element)) → in <\(tag)>")
                }
            }
        }
        guard counter > 0, let marker = try? XPath("//*[@\(RuleEngine.wrapMarker)]") else { return }
        var html = document.serialized
        for element in document.select(marker) {
            guard let mark = element.attribute(RuleEngine.wrapMarker), let tag = tags[mark] else { continue }
            let outer = element.html
            guard let range = html.range(of: outer) else {
                if let index = owner[mark] { reports[index].note = "an element could not be wrapped" }
                continue
            }
            html.replaceSubrange(range, with: "<\(tag)>\(outer)</\(tag)>")
        }
        document = try Document(html: html, url: document.url)
        for element in document.select(marker) { element.removeAttribute(RuleEngine.wrapMarker) }
    }

    // MARK: Stage 3: page-level reads

    mutating func readPage() {
        for (index, directive) in directives.enumerated() {
            switch directive.action {
            case .nativeAdClue(let selector):
                guard let matched = nodes(selector, line: index) else { continue }
                reports[index].matches = matched.count
                if !matched.isEmpty { isNativeAd = true; reports[index].used = true }
            case .singlePageLink(let rule):
                if let url = link(rule, line: index), singlePageURL == nil {
                    singlePageURL = url
                    reports[index].used = true
                }
            case .nextPageLink(let rule):
                if let url = link(rule, line: index), nextPageURL == nil {
                    nextPageURL = url
                    reports[index].used = true
                }
            case .title(let selector):
                let found = strings(selector, line: index, all: false)
                if title == nil, let first = found.first { title = first; reports[index].used = true }
            case .author(let selector):
                let found = strings(selector, line: index, all: true)
                if authors.isEmpty, !found.isEmpty {
                    var seen: Set<String> = []
                    authors = found.filter { seen.insert($0).inserted }
                    reports[index].used = true
                }
            case .date(let selector):
                let found = strings(selector, line: index, all: false)
                if date == nil, let first = found.first { date = first; reports[index].used = true }
            default: continue
            }
        }
    }

    /// A link rule's absolute URL, or nil when its condition fails or it yields nothing usable.
    mutating func link(_ rule: LinkRule, line index: Int) -> String? {
        if let condition = rule.condition {
            guard let matched = nodes(condition, line: index) else { return nil }
            if matched.isEmpty {
                reports[index].matches = 0
                reports[index].note = "if_page_contains did not match; rule skipped"
                return nil
            }
        }
        guard let root = document.root, let matched = nodes(rule.selector, line: index) else { return nil }
        reports[index].matches = matched.count
        var raw: String
        if let first = matched.first {
            raw = first.isElement ? (first.attribute("href") ?? first.attribute("src") ?? "") : first.text
        } else {
            raw = (try? XPath(rule.selector.xpath))?.string(from: root) ?? ""
            reports[index].matches = raw.isEmpty ? 0 : 1
        }
        raw = raw.trimmingSpaces()
        guard !raw.isEmpty else { return nil }
        guard let resolved = Self.resolve(raw, against: document.url) else {
            reports[index].note = "not an http(s) URL: \(RuleEngine.clip(raw))"
            return nil
        }
        reports[index].previews = [resolved]
        return resolved
    }

    /// Resolves a link against the page URL; only http and https results are accepted.
    static func resolve(_ link: String, against base: String?) -> String? {
        let baseURL = base.flatMap { URL(string: $0) }
        guard let url = URL(string: link, relativeTo: baseURL)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return url.absoluteString
    }

    // MARK: Stage 4: cleaning

    mutating func clean() {
        let order: [(RuleAction) -> Bool] = [
            { if case .lazyLoadAttribute = $0 { true } else { false } },
            { if case .strip = $0 { true } else { false } },
            { if case .stripIDOrClass = $0 { true } else { false } },
            { if case .stripImageSource = $0 { true } else { false } },
            { if case .stripAttribute = $0 { true } else { false } },
            { if case .dissolve = $0 { true } else { false } },
        ]
        if let definition = rules.definition(of: .stripComments), definition.value,
           let index = directives.firstIndex(where: { $0.location == definition.location }) {
            stripComments(line: index)
        }
        for belongs in order {
            for (index, directive) in directives.enumerated() where belongs(directive.action) {
                apply(directive.action, line: index)
            }
        }
    }

    mutating func apply(_ action: RuleAction, line index: Int) {
        switch action {
        case .lazyLoadAttribute(let attribute):
            guard let selector = try? RuleSelector(parsing: "//img[@\(attribute)]"),
                  let images = nodes(selector, line: index) else { return }
            var changed = 0
            for image in images {
                guard let value = image.attribute(attribute)?.trimmingSpaces(), !value.isEmpty,
                      value != image.attribute("src") else { continue }
                image.setAttribute("src", value)
                changed += 1
                addPreview(index, "<img src=\"\(RuleEngine.clip(value))\">")
            }
            reports[index].matches = changed
        case .strip, .stripIDOrClass, .stripImageSource:
            if let selector = action.removalSelector { remove(selector, line: index) }
        case .stripAttribute(let selector):
            removeAttributes(selector, line: index, within: nil)
        case .dissolve(let selector):
            guard let matched = nodes(selector, line: index) else { return }
            let elements = matched.filter(\.isElement)
            reports[index].matches = elements.count
            for element in elements { addPreview(index, Self.describe(element)) }
            for element in elements.reversed() { element.unwrap() }
        default: return
        }
    }

    mutating func stripComments(line index: Int) {
        guard let root = document.root else { return }
        let comments = root.descendants.filter { $0.kind == .comment }
        reports[index].matches = comments.count
        for comment in comments { comment.remove() }
    }

    /// Removes matched nodes, outermost only (removing a node frees its subtree, so nested matches must not
    /// be touched again).
    mutating func remove(_ selector: RuleSelector, line index: Int) {
        guard let matched = nodes(selector, line: index) else { return }
        reports[index].matches = matched.count
        for node in Node.outermost(matched) {
            // The document node and DTD-like nodes cannot be removed (freeing them would free the tree).
            guard node.kind != .document else { continue }
            if Self.isAttribute(node), let owner = node.parent {
                addPreview(index, "@\(node.name) on \(Self.describe(owner, withText: false))")
                owner.removeAttribute(node.name)
            } else if node.kind != .other {
                addPreview(index, Self.describe(node))
                node.remove()
            }
        }
    }

    /// Removes matched attribute nodes (optionally only inside the given subtrees).
    mutating func removeAttributes(_ selector: RuleSelector, line index: Int, within scope: [Node]?) {
        guard let matched = nodes(selector, line: index) else { return }
        var removed = 0, ignored = 0
        var inScope = scope.map(SubtreeMembership.init)
        for node in matched {
            guard Self.isAttribute(node), let owner = node.parent else { ignored += 1; continue }
            if inScope?.contains(owner) == false { continue }
            addPreview(index, "@\(node.name)=\"\(RuleEngine.clip(node.text, 30))\" on \(Self.describe(owner, withText: false))")
            owner.removeAttribute(node.name)
            removed += 1
        }
        reports[index].matches = removed
        if ignored > 0 { reports[index].note = "\(ignored) matched node(s) are not attributes (use //tag/@attr)" }
    }

    // MARK: Stage 5: body

    mutating func selectBody() {
        for (index, directive) in directives.enumerated() {
            guard case .body(let selector) = directive.action, let matched = nodes(selector, line: index) else { continue }
            let elements = matched.filter(\.isElement)
            reports[index].matches = elements.count
            if elements.count < matched.count { reports[index].note = "non-element matches ignored" }
            guard body.isEmpty, !elements.isEmpty else { continue }
            let outermost = Node.outermost(elements)
            body = outermost
            reports[index].used = true
            reports[index].previews = outermost.prefix(RuleEngine.previewLimit).map { Self.describe($0) }
        }
        guard !body.isEmpty else { return }
        for (index, directive) in directives.enumerated() {
            if case .postStripAttribute(let selector) = directive.action {
                removeAttributes(selector, line: index, within: body)
            }
        }
    }

    // MARK: Small helpers

    mutating func addPreview(_ index: Int, _ text: String) {
        if reports[index].previews.count < RuleEngine.previewLimit { reports[index].previews.append(text) }
    }

    /// Attribute nodes come back from XPath as `.other` nodes whose parent carries an attribute of that name.
    static func isAttribute(_ node: Node) -> Bool {
        node.kind == .other && (node.parent?.hasAttribute(node.name) ?? false)
    }

    /// `<div#id.class> text…` — enough to recognise what a strip removed.
    static func describe(_ node: Node, withText: Bool = true) -> String {
        switch node.kind {
        case .element:
            var tag = node.name
            if let id = node.id, !id.isEmpty { tag += "#\(id)" }
            for name in node.classNames.prefix(3) { tag += ".\(name)" }
            let text = withText ? RuleEngine.clip(node.text, 50) : ""
            return text.isEmpty ? "<\(tag)>" : "<\(tag)> \(text)"
        case .comment: return "<!-- \(RuleEngine.clip(node.ownText, 40)) -->"
        case .text, .cdata: return "\"\(RuleEngine.clip(node.ownText, 50))\""
        default: return RuleEngine.clip(node.text, 50)
        }
    }
}
