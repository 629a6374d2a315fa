import Foundation
import WinnowDOM
import WinnowExtract
import WinnowRules

/// One self-contained HTML page showing what happened to a page: the original content, with the story's
/// roots outlined in green and every removed part outlined in red with a tooltip (`title`) naming the reason —
/// the rule line (`file:line directive: value`) or the generic heuristic. Scripts, styles, frames and remote
/// resources are removed, so viewing it makes no requests and runs nothing.
public enum AnnotatedPage {
    /// Marker attributes (kept in the output for searching and for the stylesheet).
    static let idAttribute = "data-winnow-id"
    static let ruleAttribute = "data-winnow-rule"
    static let genericAttribute = "data-winnow-generic"
    static let keptAttribute = "data-winnow-kept"

    /// Builds the annotated page.
    public static func html(page bytes: [UInt8], url: String?, contentType: String? = nil,
                            pipeline: StoryPipeline) throws -> String {
        let rules = pipeline.ruleSet(forURL: url)
        let decoded = try Charset.decodeHTML(bytes, contentType: contentType)
        var source = String(decoding: decoded.utf8, as: UTF8.self)
        var reports: [RuleLineReport] = []
        if let rules {
            let page = RuleEngine(rules: rules).preprocess(source)
            source = page.html
            reports = page.reports
        }
        let original = try Document(html: source, url: url)
        guard let root = original.root else { throw RuleEngineError("the page has no HTML element") }
        var elements: [Node] = []
        for node in root.descendants where node.isElement {
            node.setAttribute(idAttribute, String(elements.count))
            elements.append(node)
        }
        if let rules { markRuleRemovals(rules, in: original) }

        // Run the real pipeline on a copy that carries the numbering, then map its verdicts back.
        let copy = try Document(html: root.html, url: url)
        let extractor = Extractor(options: ExtractionOptions(mode: pipeline.mode, url: url))
        var lines: [RuleLineReport] = []
        let map: ContentMap
        if let rules {
            // As `StoryPipeline` does: metadata read before the rules strip the page.
            let scan = MetadataExtractor.scan(copy, url: url)
            let extraction = try RuleEngine(rules: rules).apply(to: copy, reports: reports)
            lines = extraction.lines
            if !extraction.body.isEmpty {
                map = extractor.contentMap(of: extraction.document, contentRoots: extraction.body, prune: extraction.prune,
                                           scan: scan)
            } else if extraction.needsAutodetection(of: .body) {
                map = extractor.contentMap(of: extraction.document, scan: scan)
            } else {
                map = ContentMap(roots: [], dropped: [])
            }
        } else {
            map = extractor.contentMap(of: copy)
        }
        for verdict in map.dropped {
            guard let node = element(matching: verdict.node, in: elements) else { continue }
            if node.attribute(ruleAttribute) == nil { node.setAttribute(genericAttribute, verdict.reason) }
        }
        for verdict in map.roots {
            element(matching: verdict.node, in: elements)?.setAttribute(keptAttribute, verdict.reason)
        }
        for node in elements {
            if let reason = node.attribute(ruleAttribute) {
                node.setAttribute("title", "removed by site rule: \(reason)")
            } else if let reason = node.attribute(genericAttribute) {
                node.setAttribute("title", "removed by the generic extractor: \(reason)")
            } else if let reason = node.attribute(keptAttribute) {
                node.setAttribute("title", "story content (\(reason))")
            }
        }
        sanitize(original)
        return assemble(root.html, url: url, rules: rules, lines: lines)
    }

    /// The element of the original page with the same number as `node` of the copy.
    static func element(matching node: Node, in elements: [Node]) -> Node? {
        guard let value = node.attribute(idAttribute), let index = Int(value), elements.indices.contains(index)
        else { return nil }
        return elements[index]
    }

    /// Marks what each removing line matches on the unstripped page (first line wins, as it removes first).
    static func markRuleRemovals(_ rules: RuleSet, in document: Document) {
        for directive in rules.directives {
            guard let selector = directive.action.removalSelector, let xpath = try? XPath(selector.xpath) else { continue }
            for node in document.select(xpath) where node.isElement && node.attribute(ruleAttribute) == nil {
                node.setAttribute(ruleAttribute, "\(directive.location) \(directive)")
            }
        }
    }

    /// Removes everything that would run code or fetch something when the page is opened.
    static func sanitize(_ document: Document) {
        let inert = ["script", "noscript", "style", "link", "meta", "base", "iframe", "frame", "object", "embed",
                     "template", "canvas"]
        for name in inert {
            guard let xpath = try? XPath("//\(name)") else { continue }
            for node in document.select(xpath) { node.remove() }
        }
        guard let root = document.root else { return }
        for node in root.descendants where node.isElement {
            for attribute in node.attributes {
                let name = attribute.name.lowercased()
                let remote = ["src", "srcset", "poster", "data", "background", "action", "formaction"].contains(name)
                if name.hasPrefix("on") || remote || name == "style" && attribute.value.lowercased().contains("url(") {
                    node.removeAttribute(attribute.name)
                }
                if name == "href" && attribute.value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:") {
                    node.removeAttribute(attribute.name)
                }
            }
        }
    }

    static let stylesheet = """
        [data-winnow-rule], [data-winnow-generic] { outline: 2px solid #d00 !important; background: #fee !important; \
        opacity: .75; }
        [data-winnow-rule] { outline-style: dashed !important; }
        [data-winnow-kept] { outline: 3px solid #080 !important; outline-offset: 3px; }
        #winnow-explain { font: 14px/1.4 system-ui, sans-serif; background: #ffc; border: 2px solid #333; \
        padding: 1em; margin: 0 0 2em; white-space: normal; }
        #winnow-explain pre { white-space: pre-wrap; font-size: 12px; }
        """

    /// The serialised page with the legend and the rule-line reports inserted at the top of the body.
    static func assemble(_ html: String, url: String?, rules: RuleSet?, lines: [RuleLineReport]) -> String {
        var panel = "<div id=\"winnow-explain\"><strong>winnow explain</strong> — \(escape(url ?? "(no URL)"))<br>"
        panel += "<span style=\"outline:3px solid #080\">green</span>: story content · "
        panel += "<span style=\"outline:2px dashed #d00\">red dashed</span>: removed by a site rule · "
        panel += "<span style=\"outline:2px solid #d00\">red</span>: removed by the generic extractor · "
        panel += "hover a block for the reason."
        if let rules {
            panel += "<br>Rule files: " + rules.sources.map { escape($0.path) }.joined(separator: ", ")
            panel += "<pre>" + lines.filter { $0.matches != nil }.map { escape(($0.matches == 0 ? "! " : "  ") + $0.description) }
                .joined(separator: "\n") + "</pre>"
        } else {
            panel += "<br>No site rule applies to this host: generic extraction only."
        }
        panel += "</div>"
        let style = "<style>\(stylesheet)</style>"
        var output = html
        if let range = output.range(of: "<body[^>]*>", options: [.regularExpression, .caseInsensitive]) {
            output.insert(contentsOf: style + panel, at: range.upperBound)
        } else {
            output = style + panel + output
        }
        if let head = output.range(of: "<head[^>]*>", options: [.regularExpression, .caseInsensitive]) {
            output.insert(contentsOf: "<meta charset=\"utf-8\">", at: head.upperBound)
        } else {
            output = "<meta charset=\"utf-8\">" + output
        }
        return "<!DOCTYPE html>\n" + output
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
