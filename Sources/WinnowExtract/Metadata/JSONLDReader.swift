import Foundation

/// What a page's JSON-LD says about its story, from its article-like object (or, failing that, its web page
/// object), with `@id` references into `@graph` resolved.
struct JSONLDFacts {
    var title: String?
    var personAuthors: [String] = []
    var organizationAuthors: [String] = []
    var published: String?
    var modified: String?
    var siteName: String?
    var description: String?
    var image: String?
    var tags: [String] = []
    var language: String?
    var url: String?
    /// True when an article-like object (not just a WebPage) was found: evidence the page is a story.
    var hasArticle = false
    /// True when `published` was read from a web page object (`WebPage`, `AboutPage`…) because no article-like
    /// object exists: the CMS's stamp of the page rather than a story's date.
    var publishedFromPage = false
}

/// A page's JSON-LD, parsed once (by `JSONLDReader.parse`) for every stage that reads it.
struct JSONLDDocument {
    /// The top-level value of each script that parsed, in document order: a `[String: Any]` object or an `[Any]`
    /// list, as `JSONSerialization` returns them.
    let roots: [Any]
    /// Every object with an `@type` reachable from the roots (through arrays, `@graph`, `mainEntity` and nested
    /// values; keys walked in sorted order), with its normalised types, in that walk's order.
    let objects: [JSONLDObject]
    /// Objects by `@id` (the first object with more than an `@id` under each).
    let index: [String: [String: Any]]
    /// Sanitised texts of the scripts that did not parse (read by key scan only).
    let unparsed: [String]
}

/// A JSON-LD object with its `@type`s, lowercased and stripped of any vocabulary prefix (see `JSONLDReader.types`).
struct JSONLDObject {
    let object: [String: Any]
    let types: Set<String>
}

/// Lenient JSON-LD reading: every `application/ld+json` script goes through `sanitize` (CDATA and HTML comment
/// wrappers dropped, raw control characters inside strings escaped, trailing commas removed) and then
/// Foundation's `JSONSerialization`; if that still fails, a key scan recovers dates and the headline.
enum JSONLDReader {
    /// schema.org types whose object is the story itself.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "analysisnewsarticle", "opinionnewsarticle", "reportagenewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
        "report", "techarticle", "scholarlyarticle", "medicalscholarlyarticle", "socialmediaposting",
        "discussionforumposting", "satiricalarticle", "advertisercontentarticle", "posting", "blog", "howto",
        "recipe", "podcastepisode", "question",
    ]
    /// Types that describe the page around the story: used only when no article-like object exists.
    static let pageTypes: Set<String> = [
        "webpage", "itempage", "aboutpage", "collectionpage", "faqpage", "profilepage", "medicalwebpage",
        "searchresultspage", "contactpage", "checkoutpage", "realestatelisting",
    ]
    static let organizationTypes: Set<String> = [
        "organization", "newsmediaorganization", "corporation", "localbusiness", "educationalorganization",
        "governmentorganization", "ngo", "onlinebusiness", "website", "brand",
    ]

    /// Parses the texts of all JSON-LD scripts of a page, once: every script goes through `sanitize` and
    /// `JSONSerialization`; a script that still does not parse is kept for the key scan in `facts(of:)`.
    static func parse(_ scripts: [String]) -> JSONLDDocument {
        var roots: [Any] = []
        var objects: [[String: Any]] = []
        var index: [String: [String: Any]] = [:]
        var unparsed: [String] = []
        for script in scripts {
            let cleaned = sanitize(script)
            if let data = cleaned.data(using: .utf8),
               let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                roots.append(value)
                collect(value, into: &objects, index: &index, depth: 0)
            } else {
                unparsed.append(cleaned)
            }
        }
        // Each object's types, computed once (large catalogs hold thousands of typed objects).
        return JSONLDDocument(roots: roots, objects: objects.map { JSONLDObject(object: $0, types: types($0)) },
                              index: index, unparsed: unparsed)
    }

    /// What a parsed page's JSON-LD says about its story.
    static func facts(of document: JSONLDDocument) -> JSONLDFacts {
        var fallback = JSONLDFacts()
        for text in document.unparsed { scanKeys(text, into: &fallback) }
        var facts = JSONLDFacts()
        let typed = document.objects
        let index = document.index
        let article = typed.first { !$0.types.isDisjoint(with: articleTypes) && ($0.object["headline"] != nil || $0.object["author"] != nil || $0.object["datePublished"] != nil) }
            ?? typed.first { !$0.types.isDisjoint(with: articleTypes) && !$0.types.contains("question") }
        let page = typed.first { !$0.types.isDisjoint(with: pageTypes) }
        // The article speaks first; a page object only fills the gaps it left.
        if let article {
            fill(&facts, from: article.object, index: index)
            facts.hasArticle = true
        }
        if let page {
            let hadDate = facts.published != nil
            fill(&facts, from: page.object, index: index)
            facts.publishedFromPage = article == nil && !hadDate && facts.published != nil
        }
        if facts.siteName == nil {
            let site = typed.first { $0.types.contains("website") }.flatMap { name(of: $0.object) }
                ?? typed.first { !$0.types.isDisjoint(with: organizationTypes) }.flatMap { name(of: $0.object) }
            facts.siteName = site.flatMap(plausibleSiteName)
        }
        if facts.published == nil { facts.published = fallback.published }
        if facts.modified == nil { facts.modified = fallback.modified }
        if facts.title == nil { facts.title = fallback.title }
        return facts
    }

    private static func fill(_ facts: inout JSONLDFacts, from object: [String: Any], index: [String: [String: Any]]) {
        func set(_ keyPath: WritableKeyPath<JSONLDFacts, String?>, _ value: String?) {
            guard let value, !value.isEmpty, facts[keyPath: keyPath] == nil else { return }
            facts[keyPath: keyPath] = value
        }
        set(\.title, string(object["headline"]) ?? string(object["name"]))
        set(\.published, string(object["datePublished"]) ?? string(object["dateCreated"]) ?? string(object["uploadDate"]))
        set(\.modified, string(object["dateModified"]))
        set(\.description, string(object["description"]))
        set(\.image, imageURL(object["image"]) ?? imageURL(object["thumbnailUrl"]))
        set(\.language, language(object["inLanguage"]))
        set(\.url, string(object["url"]) ?? reference(object["mainEntityOfPage"]))
        if let publisher = object["publisher"] {
            let resolved = resolve(publisher, index: index)
            set(\.siteName, (resolved.flatMap { name(of: $0) } ?? string(publisher)).flatMap(plausibleSiteName))
        }
        if facts.tags.isEmpty { facts.tags = keywords(object["keywords"]) }
        if facts.personAuthors.isEmpty && facts.organizationAuthors.isEmpty, let author = object["author"] ?? object["creator"] {
            readAuthors(author, index: index, into: &facts, depth: 0)
        }
    }

    private static func readAuthors(_ value: Any, index: [String: [String: Any]], into facts: inout JSONLDFacts, depth: Int) {
        guard depth < 4 else { return }
        if let list = value as? [Any] {
            for item in list { readAuthors(item, index: index, into: &facts, depth: depth + 1) }
        } else if let text = value as? String {
            let trimmed = text.trimmedWhitespace()
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("["), let data = trimmed.data(using: .utf8),
               let nested = try? JSONSerialization.jsonObject(with: data) {
                readAuthors(nested, index: index, into: &facts, depth: depth + 1)
            } else if !trimmed.isEmpty {
                facts.personAuthors.append(trimmed)
            }
        } else if let dict = resolve(value, index: index) {
            guard let name = name(of: dict) else { return }
            if types(dict).isDisjoint(with: organizationTypes) {
                facts.personAuthors.append(name)
            } else {
                facts.organizationAuthors.append(name)
            }
        }
    }

    // MARK: Object helpers

    /// A dictionary, with a bare `{"@id": ...}` reference replaced by the object it points to.
    private static func resolve(_ value: Any, index: [String: [String: Any]]) -> [String: Any]? {
        guard let dict = value as? [String: Any] else {
            if let list = value as? [Any], let first = list.first { return resolve(first, index: index) }
            return nil
        }
        if dict["name"] == nil, let id = dict["@id"] as? String, let target = index[id] { return target }
        return dict
    }

    static func types(_ object: [String: Any]) -> Set<String> {
        var result: Set<String> = []
        func add(_ raw: String) {
            var t = raw.utf8.allSatisfy({ $0 < 65 || $0 > 90 }) ? raw : raw.lowercased()
            if let slash = t.utf8.lastIndex(of: UInt8(ascii: "/")) { t = String(t[t.utf8.index(after: slash)...]) }
            if let colon = t.utf8.lastIndex(of: UInt8(ascii: ":")) { t = String(t[t.utf8.index(after: colon)...]) }
            result.insert(t)
        }
        if let t = object["@type"] as? String { add(t) }
        if let list = object["@type"] as? [Any] { for case let t as String in list { add(t) } }
        return result
    }

    private static func name(of object: [String: Any]) -> String? {
        if let name = string(object["name"]) { return name }
        let given = string(object["givenName"]), family = string(object["familyName"])
        if given != nil || family != nil { return [given, family].compactMap { $0 }.joined(separator: " ") }
        return nil
    }

    private static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            let t = s.trimmedWhitespace()
            return t.isEmpty ? nil : t
        case let list as [Any]:
            return list.lazy.compactMap { string($0) }.first
        case let dict as [String: Any]:
            return string(dict["@value"]) ?? string(dict["name"])
        case let n as NSNumber:
            return n.stringValue
        default:
            return nil
        }
    }

    private static func reference(_ value: Any?) -> String? {
        if let s = value as? String { return s }
        if let dict = value as? [String: Any] { return string(dict["@id"]) ?? string(dict["url"]) }
        return nil
    }

    private static func imageURL(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s.isEmpty ? nil : s
        case let list as [Any]: return list.lazy.compactMap { imageURL($0) }.first
        case let dict as [String: Any]:
            return string(dict["url"]) ?? string(dict["contentUrl"]) ?? (dict["@id"] as? String).flatMap { id in
                id.hasPrefix("http") && !id.contains("#") ? id : nil
            }
        default: return nil
        }
    }

    private static func language(_ value: Any?) -> String? {
        if let s = value as? String { return s }
        if let dict = value as? [String: Any] { return string(dict["alternateName"]) ?? string(dict["name"]) }
        if let list = value as? [Any] { return list.lazy.compactMap { language($0) }.first }
        return nil
    }

    private static func keywords(_ value: Any?) -> [String] {
        if let s = value as? String {
            return s.split(separator: ",").map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
        }
        if let list = value as? [Any] { return list.flatMap { keywords($0) } }
        return []
    }

    /// Site names that are URLs or empty are not names.
    static func plausibleSiteName(_ name: String) -> String? {
        let t = name.trimmedWhitespace()
        if t.isEmpty || t.hasPrefix("http://") || t.hasPrefix("https://") || t.count > 80 { return nil }
        return t
    }

    /// Every dictionary reachable through arrays, `@graph`, `mainEntity` and nested values; `@id`s are indexed.
    private static func collect(_ value: Any, into objects: inout [[String: Any]], index: inout [String: [String: Any]],
                                depth: Int) {
        guard depth < 6 else { return }
        if let list = value as? [Any] {
            for item in list { collect(item, into: &objects, index: &index, depth: depth + 1) }
            return
        }
        guard let dict = value as? [String: Any] else { return }
        if dict["@type"] != nil { objects.append(dict) }
        if let id = dict["@id"] as? String, dict.count > 1, index[id] == nil { index[id] = dict }
        // Keys in sorted order: dictionary order is random per process, and "first article" must not be. Only the
        // values that can hold objects are sorted (most values are strings).
        var containers: [(key: String, value: Any)] = []
        for (key, value) in dict where key != "@context" && (value is [Any] || value is [String: Any]) {
            containers.append((key, value))
        }
        containers.sort { $0.key < $1.key }
        for container in containers { collect(container.value, into: &objects, index: &index, depth: depth + 1) }
    }

    // MARK: Lenient text

    /// Drops CDATA/comment wrappers and `//` comments outside strings, escapes raw control characters inside
    /// strings, turns `\'` into `'`, and removes trailing commas before `}` or `]`.
    static func sanitize(_ text: String) -> String {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 16)
        var i = 0
        var inString = false
        func starts(_ literal: StaticString, at position: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= input.count else { return false }
            let base = literal.utf8Start
            for k in 0..<count where input[position + k] != base[k] { return false }
            return true
        }
        while i < input.count {
            let byte = input[i]
            if inString {
                if byte == 0x5C, i + 1 < input.count {  // backslash
                    let next = input[i + 1]
                    if next == 0x27 { out.append(0x27) } else { out.append(byte); out.append(next) }
                    i += 2
                    continue
                }
                if byte == 0x22 { inString = false; out.append(byte) }
                else if byte == 0x0A { out.append(0x5C); out.append(0x6E) }
                else if byte == 0x09 { out.append(0x5C); out.append(0x74) }
                else if byte < 0x20 { out.append(0x20) }
                else { out.append(byte) }
                i += 1
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                out.append(byte)
                i += 1
            case 0x3C where starts("<!--", at: i): i += 4
            case 0x3C where starts("<![CDATA[", at: i): i += 9
            case 0x2D where starts("-->", at: i): i += 3
            case 0x5D where starts("]]>", at: i): i += 3
            case 0x2F where starts("//", at: i):
                while i < input.count, input[i] != 0x0A { i += 1 }
            case 0x7D, 0x5D:  // } ]
                var back = out.count - 1
                while back >= 0, out[back] == 0x20 || out[back] == 0x0A || out[back] == 0x0D || out[back] == 0x09 {
                    back -= 1
                }
                if back >= 0, out[back] == 0x2C { out[back] = 0x20 }  // O(1): a trailing comma becomes a space
                out.append(byte)
                i += 1
            default:
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Last resort for JSON that still does not parse: the string values of a few keys.
    private static func scanKeys(_ text: String, into facts: inout JSONLDFacts) {
        func value(of key: String) -> String? {
            guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
            var rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            guard rest.first == "\"" else { return nil }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        if facts.published == nil { facts.published = value(of: "datePublished") }
        if facts.modified == nil { facts.modified = value(of: "dateModified") }
        if facts.title == nil { facts.title = value(of: "headline") }
    }
}
