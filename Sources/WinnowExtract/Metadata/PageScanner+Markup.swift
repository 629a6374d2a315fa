import WinnowDOM

/// Markup readers of the scan: `<meta>`, `<link>`, `<time>` and microdata.
extension PageScanner {
    static func readMeta(_ element: Node, into signals: inout PageSignals) {
        guard let content = element.attribute("content") else { return }
        // Some CMSs carry the page's JSON-LD in a `<meta>` content instead of a script: it is read as one,
        // whatever the meta's name.
        if isJSONLDObject(content) {
            signals.jsonLD.append(content)
            return
        }
        if let itemprop = element.attribute("itemprop")?.lowercased(), let field = MetaNames.microdata[itemprop] {
            signals.candidates.add(content, field: field, source: .microdata)
        }
        guard let rawKey = element.attribute("property") ?? element.attribute("name") ?? element.attribute("http-equiv")
        else { return }
        var key = rawKey.lowercased()
        if key.hasSuffix(" ") || key.hasPrefix(" ") { key = key.trimmedWhitespace() }
        if key == "og:type" { signals.openGraphType = content.lowercased() }
        if let target = MetaNames.table[key] {
            let value = MetaNames.invertedNameKeys.contains(key) ? MetaNames.uninvertedName(content) : content
            signals.candidates.add(value, field: target.field, source: target.source)
        } else if key.hasPrefix("twitter:label") {
            signals.twitterLabels[String(key.dropFirst(13))] = content
        } else if key.hasPrefix("twitter:data") {
            signals.twitterData[String(key.dropFirst(12))] = content
        } else if MetaNames.isPublicationDateKey(key) {
            signals.guessedPublished.append(content)
        }
    }

    /// Whether a `<meta>` content is a JSON-LD object or list: it opens with `{` or `[` and names a schema.org
    /// `@context` or `@type` key. Decided on the bytes; most contents fail at the first one.
    static func isJSONLDObject(_ content: String) -> Bool {
        guard let first = content.utf8.first(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return jsonLDKeyMarkers.contains { content.utf8.containsASCIICaseInsensitive($0) }
    }

    static func readLink(_ element: Node, into signals: inout PageSignals) {
        guard let rel = element.attribute("rel")?.lowercased(), let href = element.attribute("href") else { return }
        for token in rel.utf8.split(separator: UInt8(ascii: " ")) {
            switch Substring(token) {
            case "canonical": signals.candidates.add(href, field: .canonicalURL, source: .head)
            case "image_src": signals.candidates.add(href, field: .image, source: .head)
            default: break
            }
        }
    }

    static func readTime(_ element: Node, order: Int, into signals: inout PageSignals) {
        let value = element.attribute("datetime") ?? element.text
        let hints = ((element.attribute("class") ?? "") + " " + (element.attribute("itemprop") ?? "")).lowercased()
        if hints.containsFoundationText("modified") || hints.containsFoundationText("updated") || isLabelledAsUpdate(element) {
            signals.modifiedDates.append(RankedText(rank: 0, order: order, text: value))
            return
        }
        let specific = element.hasAttribute("pubdate") || hints.containsFoundationText("publish")
            || hints.containsFoundationText("entry-date") || hints.containsFoundationText("post-date")
            || hints.containsFoundationText("created")
        signals.publishedDates.append(RankedText(rank: specific ? 0 : 5, order: order, text: value, node: element))
    }

    /// Whether the text just before a `<time>` labels it as an update ("Updated on <time>…</time>", "Last
    /// updated <time>"): the first non-blank text or element before it, at most `updateLabelSiblings` nodes
    /// back, is short (`maximumUpdateLabelBytes`) and holds an update word (`Vocabulary.updateLabelWords`). Such
    /// a date is the page's modification date, as a `<time class="updated">` is.
    static func isLabelledAsUpdate(_ element: Node) -> Bool {
        var sibling = element.previousSibling
        for _ in 0..<updateLabelSiblings {
            guard let node = sibling else { return false }
            sibling = node.previousSibling
            guard node.isText || node.isElement else { continue }
            let text = node.text
            if text.trimmedWhitespace().isEmpty { continue }
            return text.utf8.count <= maximumUpdateLabelBytes && hasUpdateWord(text)
        }
        return false
    }

    /// Whether `text` holds a word of `Vocabulary.updateLabelWords`.
    static func hasUpdateWord(_ text: String) -> Bool {
        hasWord(text, of: Vocabulary.updateLabelWords)
    }

    /// Whether `text` holds a word (lowercased, as `DateParser` tokenizes) of `words`.
    static func hasWord(_ text: String, of words: Set<String>) -> Bool {
        DateParser.tokenize(text).contains { token in
            if case .word(let word) = token { return words.contains(word) }
            return false
        }
    }

    static func readMicrodata(_ element: Node, itemprop: String, order: Int, into signals: inout PageSignals) {
        guard element.name != "meta" else { return }
        for prop in itemprop.utf8.split(separator: UInt8(ascii: " ")) {
            switch Substring(prop) {
            case "author", "creator":
                signals.candidates.add(microdataName(element), field: .authors, source: .microdata)
            case "datepublished", "datecreated":
                let value = element.attribute("datetime") ?? element.attribute("content") ?? element.text
                signals.candidates.add(value, field: .published, source: .microdata)
            case "datemodified":
                let value = element.attribute("datetime") ?? element.attribute("content") ?? element.text
                signals.candidates.add(value, field: .modified, source: .microdata)
            case "headline":
                signals.candidates.add(element.attribute("content") ?? element.text, field: .title, source: .microdata)
            default:
                break
            }
        }
    }

    /// An `itemprop=author` element's name: its `itemprop=name` descendant, `content`, or its text.
    static func microdataName(_ element: Node) -> String {
        if let content = element.attribute("content") { return content }
        for (visited, node) in element.descendants.enumerated() where node.isElement {
            if visited > 200 { break }
            if node.attribute("itemprop")?.lowercased() == "name" {
                return node.attribute("content") ?? node.text
            }
        }
        return element.text
    }
}
