import WinnowDOM

/// Everything the metadata stages read from a page, gathered in one walk over its elements.
struct PageSignals {
    var candidates = MetadataCandidates()
    var titleTag: String?
    var headings: [String] = []
    var jsonLD: [String] = []
    /// Yoast-style `twitter:labelN` / `twitter:dataN` pairs, keyed by N.
    var twitterLabels: [String: String] = [:]
    var twitterData: [String: String] = [:]
    var bylines: [RankedText] = []
    /// How many short date-like texts after the headline were taken.
    var textDates = 0
    /// Document position of the first `<h1>`.
    var firstHeadingOrder: Int?
    /// The last short date text before the first `<h1>` (a kicker date above the headline), if any.
    var dateBeforeHeading: RankedText?
    /// The `og:type` value, lowercased.
    var openGraphType: String?
    /// How many visible "By ..." texts were taken.
    var textBylines = 0
    var publishedDates: [RankedText] = []
    var modifiedDates: [RankedText] = []
}

/// A DOM value with its rank (lower is more specific) and document position.
struct RankedText {
    let rank: Int
    let order: Int
    let text: String
}

/// One pass over the document: `<head>` metas and links, JSON-LD scripts, microdata, `<h1>`, `<time>`, and
/// byline/date-classed elements. Scripts, styles, SVG and templates are not descended into, nor are comment
/// sections (their bylines belong to commenters).
enum PageScanner {
    /// Class/id fragments of byline containers, with their rank (lower = more specific).
    static let bylineMarkers: [Marker] = [
        Marker("author-name", 1), Marker("authorname", 1), Marker("author_name", 1), Marker("byline-name", 1), Marker("byline__name", 1),
        Marker("byline__author", 1), Marker("byline-author", 1), Marker("author-link", 1), Marker("contributor-name", 1),
        Marker("posted-by", 2), Marker("postedby", 2), Marker("byline", 2), Marker("author", 3), Marker("writer", 4), Marker("submitted", 4),
    ]
    /// Class/id fragments that disqualify a byline container (pictures, bios, social links).
    static let bylineExclusions: [[UInt8]] = ["avatar", "image", "img", "photo", "pic", "bio", "desc", "about", "social",
                                   "follow", "more", "comment", "share", "box", "card", "list"].map { Array($0.utf8) }
    /// Class/id fragments of elements whose short text may hold the publication date.
    static let dateMarkers: [Marker] = [
        Marker("published", 2), Marker("publish", 2), Marker("post-date", 2), Marker("entry-date", 2), Marker("posted", 3), Marker("date", 3),
        Marker("byline", 4), Marker("meta", 5), Marker("time", 5),
    ]
    static let maximumMarkedElements = 24
    static let maximumTextBylines = 4
    /// How many elements after the first `<h1>` are screened for byline/date classes.
    static let screeningWindowAfterHeading = 600
    /// How many text nodes after the first `<h1>` may hold a visible date ("March 5, 2024" under the headline).
    static let dateWindow = 200
    /// Rank of a visible date found in the text after the headline: below it, a date counts only on a page with
    /// story evidence (see `MetadataExtractor.addDOM`).
    static let textDateRank = 20
    /// Rank of a "By ..." text after the first `<h1>`, and of one before it (menus and teasers above the
    /// headline: "Browse by topic", other stories' bylines), which yields to every marked byline.
    static let textBylineRank = 2
    static let preHeadlineTextBylineRank = 5
    /// Lowercase starts of a visible byline text ("By Jane Doe", "Written by", "Author: Jane Doe").
    static let bylineLabels: [[UInt8]] = ["by ", "by:", "written by", "posted by", "author:", "authored by", "words by",
                                           "contributor:", "contributors:",
                                           "story by", "von ", "par "].map { Array($0.utf8) }
    /// Texts that are a byline label alone; the name is the next text.
    static let bareLabels: Set<String> = ["by", "by:", "written by", "written by:", "posted by", "author", "author:",
                                          "authored by", "words by", "story by", "von", "par", "about the author", "article by",
                                          "posted by:", "written by:", "contributor:", "contributors:"]
    /// Link targets of author pages: a "By Jane Doe" link there is a credit, any other "By ..." link a menu entry.
    static let authorLinkFragments: [[UInt8]] = ["author", "people", "profile", "staff", "contributor", "writer", "user",
                                                 "member", "team", "journalist", "/by/"].map { Array($0.utf8) }
    static let commentMarker = Array("comment".utf8)
    /// How many elements before the first `<h1>` a short date text may sit and still be the story's date (a date
    /// line above the headline: "January 23, 2025" as a kicker).
    static let preHeadingDateWindow = 8
    static let ldJSONMarker = Array("ld+json".utf8)
    /// Every marker above contains one of these; an element whose class/id has none is skipped at once.
    static let triggers = FragmentScreen(["comment", "auth", "byl", "date", "post", "writ", "subm", "publ", "meta",
                                          "time"])
    static let countMarker = Array("count".utf8)

    /// A class/id fragment (lowercase ASCII bytes) and the rank it gives.
    struct Marker {
        let fragment: [UInt8]
        let rank: Int
        init(_ text: String, _ rank: Int) {
            fragment = Array(text.utf8)
            self.rank = rank
        }
    }

    static func scan(_ document: Document) -> PageSignals {
        var signals = PageSignals()
        guard let root = document.root else { return signals }
        if let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
            signals.candidates.add(lang, field: .language, source: .head)
        }
        var order = 0
        var markedCount = 0
        var names = TagNameTable<ScanTag>(capacity: 64)
        var node: Node? = root.firstChild
        var labelPending = false
        var textsAfterHeading = 0
        while let current = node {
            var descend = true
            if current.isElement {
                order += 1
                let tag = names.value(for: current, compute: ScanTag.init(name:))
                descend = visit(current, tag: tag, order: order, markedCount: &markedCount, into: &signals)
            } else if current.isText {
                if signals.textBylines < maximumTextBylines {
                    readBylineText(current, order: order, labelPending: &labelPending, into: &signals)
                }
                // After the first <h1>, even one whose text the parser moved out (`<h1><p>…</p></h1>`).
                if signals.firstHeadingOrder != nil, textsAfterHeading < dateWindow, signals.textDates < 3 {
                    textsAfterHeading += 1
                    if let text = dateText(current) {
                        signals.publishedDates.append(RankedText(rank: textDateRank, order: order, text: text))
                        signals.textDates += 1
                    }
                } else if signals.firstHeadingOrder == nil, let text = dateText(current) {
                    signals.dateBeforeHeading = RankedText(rank: textDateRank, order: order, text: text)
                }
            }
            node = advance(from: current, root: root, descend: descend)
        }
        return signals
    }

    /// The next node in document order, skipping `current`'s children unless `descend`.
    private static func advance(from current: Node, root: Node, descend: Bool) -> Node? {
        if descend, current.isElement, let child = current.firstChild { return child }
        var cursor: Node? = current
        while let c = cursor, c != root {
            if let sibling = c.nextSibling { return sibling }
            cursor = c.parent
        }
        return nil
    }

    /// What the scan does with an element, decided once per distinct tag name (see `TagNameTable`).
    enum ScanTag {
        case meta, link, title, script, form, skipped, h1, time, a
        /// `section`, `div`, `ol`, `ul`, `aside`: comment sections among them are not descended into.
        case container
        /// `body` and `html`: never a date element.
        case page
        case other

        init(name: String) {
            switch name {
            case "meta": self = .meta
            case "link": self = .link
            case "title": self = .title
            case "script": self = .script
            case "form": self = .form
            case "style", "svg", "template", "iframe", "select", "textarea", "button": self = .skipped
            case "h1": self = .h1
            case "time": self = .time
            case "a": self = .a
            case "section", "div", "ol", "ul", "aside": self = .container
            case "body", "html": self = .page
            default: self = .other
            }
        }
    }

    /// Reads one element; returns whether to walk its children.
    private static func visit(
        _ element: Node, tag: ScanTag, order: Int, markedCount: inout Int, into signals: inout PageSignals
    ) -> Bool {
        switch tag {
        case .meta:
            readMeta(element, into: &signals)
            return false
        case .link:
            readLink(element, into: &signals)
            return false
        case .title:
            if signals.titleTag == nil { signals.titleTag = element.text.collapsingWhitespace() }
            return false
        case .script:
            if let type = element.attribute("type"), type.utf8.containsASCIICaseInsensitive(ldJSONMarker) {
                signals.jsonLD.append(element.text)
            }
            return false
        case .form:
            // Comment and newsletter forms hold "Name"/"Author" labels; but ASP.NET pages wrap the whole page in
            // one form directly under <body>, which must be read.
            return element.parent?.isElement(named: "body") ?? false
        case .skipped:
            return false
        case .h1:
            if signals.firstHeadingOrder == nil {
                signals.firstHeadingOrder = order
                signals.textBylines = 0  // the headline's own byline gets its full share of slots
                if let date = signals.dateBeforeHeading, order - date.order <= preHeadingDateWindow {
                    signals.publishedDates.append(date)
                    signals.textDates += 1
                }
            }
            if signals.headings.count < 8 {
                let text = readableText(element).collapsingWhitespace()
                if !text.isEmpty { signals.headings.append(text) }
            }
        case .time:
            readTime(element, order: order, into: &signals)
        default:
            break
        }
        // Everything below reads attributes; most elements have none.
        guard element.hasAttributes else { return true }
        // Bylines and dates sit near the headline: class/id screening stops a fixed number of elements after
        // the first <h1> (related-story lists, footers and comment threads below it are never read).
        let screening = signals.firstHeadingOrder.map { order - $0 <= screeningWindowAfterHeading } ?? true
        let found = ScanAttributes(element, wantsRel: tag == .a, screening: screening)
        if let itemprop = found.itemprop?.lowercased() {
            readMicrodata(element, itemprop: itemprop, order: order, into: &signals)
        }
        if let rel = found.rel?.lowercased(), rel.split(separator: " ").contains("author") {
            signals.bylines.append(RankedText(rank: 0, order: order, text: element.text))
        }
        // One cheap screen for the trigger fragments; the detailed marker tables run only on a hit.
        guard screening, found.triggered else { return true }
        let className = element.attribute("class")
        let id = element.attribute("id")
        func has(_ fragment: [UInt8]) -> Bool {
            (className.map { $0.utf8.containsASCIICaseInsensitive(fragment) } ?? false)
                || (id.map { $0.utf8.containsASCIICaseInsensitive(fragment) } ?? false)
        }
        if tag == .container, has(commentMarker) && !has(countMarker) {
            return false
        }
        if markedCount < maximumMarkedElements {
            if let rank = bylineMarkers.first(where: { has($0.fragment) })?.rank,
               !bylineExclusions.contains(where: { has($0) }),
               let text = boundedText(element, limit: 300) {
                signals.bylines.append(RankedText(rank: rank, order: order, text: text))
                markedCount += 1
            }
            if tag != .page, let rank = dateMarkers.first(where: { has($0.fragment) })?.rank,
               let text = boundedText(element, limit: 200) {
                signals.publishedDates.append(RankedText(rank: rank + 10, order: order, text: text))
                markedCount += 1
            }
        }
        return true
    }

    /// The attributes `visit` reads, in one pass over the element's attribute list (first occurrence of each
    /// name, as with `Node.attribute(_:)`). `class` and `id` are only screened for trigger fragments in place;
    /// the few elements that hit are read again as Strings.
    struct ScanAttributes {
        var itemprop: String?
        var rel: String?
        /// The `class` or `id` value holds a trigger fragment.
        var triggered = false
        private var seen: UInt8 = 0

        init(_ element: Node, wantsRel: Bool, screening: Bool) {
            element.forEachAttribute { attribute in
                switch attribute.name.count {
                case 8 where attribute.nameIs("itemprop"):
                    if first(1) { itemprop = attribute.value }
                case 3 where wantsRel && attribute.nameIs("rel"):
                    if first(2) { rel = attribute.value }
                case 5 where screening && attribute.nameIs("class"):
                    if first(4) { screen(attribute) }
                case 2 where screening && attribute.nameIs("id"):
                    if first(8) { screen(attribute) }
                default:
                    break
                }
                return true
            }
        }

        private mutating func first(_ bit: UInt8) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }

        private mutating func screen(_ attribute: AttributeView) {
            if triggered { return }
            triggered = attribute.withValueBytes { bytes in bytes.map { PageScanner.triggers.matches(bytes: $0) } ?? false }
        }
    }

    /// A short text node that starts with a byline label ("By Jane Doe") is a byline; a bare label ("Written by")
    /// makes the next text node one.
    private static func readBylineText(_ node: Node, order: Int, labelPending: inout Bool, into signals: inout PageSignals) {
        let candidate: String? = node.withOwnTextBytes { buffer in
            var start = 0
            while start < buffer.count, buffer[start] == 32 || buffer[start] == 10 || buffer[start] == 9 || buffer[start] == 13 {
                start += 1
            }
            let length = buffer.count - start
            guard length > 0 else { return nil }
            if labelPending { return length <= 80 ? String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self) : "" }
            guard length <= 80, buffer[start] | 0x20 == 98 || buffer[start] | 0x20 == 119 || buffer[start] | 0x20 == 112
                    || buffer[start] | 0x20 == 97 || buffer[start] | 0x20 == 118 || buffer[start] | 0x20 == 115
                    || buffer[start] | 0x20 == 99 else { return nil }
            let slice = UnsafeBufferPointer(rebasing: buffer[start...])
            let labelled = bylineLabels.contains { label in
                label.count <= slice.count && zip(label, slice).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 | 0x20 : $1) }
            }
            guard labelled || (slice.count <= 24 && bareLabels.contains(
                String(decoding: slice, as: UTF8.self).lowercased().trimmedWhitespace())) else {
                return nil
            }
            return String(decoding: slice, as: UTF8.self)
        }
        guard let candidate else { return }
        if !labelPending {
            // A link reading "By Category" is a menu entry (a credit links the name, not the "By"); a lowercase
            // "by ..." after inline markup continues a sentence ("reached <a>easily</a> by Muni").
            if let link = node.parent, link.isElement(named: "a"),
               !authorLinkFragments.contains(where: { (link.attribute("href") ?? "").utf8.containsASCIICaseInsensitive($0) }) {
                return
            }
            if candidate.first?.isLowercase ?? false, node.previousSibling != nil { return }
        }
        if labelPending {
            labelPending = false
            guard !candidate.isEmpty else { return }
            signals.bylines.append(RankedText(rank: textBylineRank(signals), order: order, text: candidate))
            signals.textBylines += 1
            return
        }
        let trimmed = candidate.trimmedWhitespace()
        if bareLabels.contains(trimmed.lowercased()) {
            labelPending = true
        } else {
            signals.bylines.append(RankedText(rank: textBylineRank(signals), order: order, text: trimmed))
            signals.textBylines += 1
        }
    }

    /// A "By ..." text ranks as a byline below the headline, and after all marked bylines above it.
    private static func textBylineRank(_ signals: PageSignals) -> Int {
        signals.firstHeadingOrder == nil ? preHeadlineTextBylineRank : textBylineRank
    }

    /// A short text (6–60 bytes) with a date in it: near the headline, it may be the visible publication date.
    private static func dateText(_ node: Node) -> String? {
        let text: String? = node.withOwnTextBytes { buffer in
            guard buffer.count >= 6, buffer.count <= 80, buffer.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let text, text.utf8.count - text.utf8.filter({ $0 == 32 || $0 == 10 || $0 == 9 }).count <= 60,
              hasYear(text), DateParser.parse(text) != nil else { return nil }
        return text
    }

    /// Whether the text has a 4-digit run starting 19 or 20 (a year): a cheap screen before date parsing.
    static func hasYear(_ text: String) -> Bool {
        var run = 0
        var runStart: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                if run == 0 { runStart = byte }
                if run == 1 && !((runStart == 49 && byte == 57) || (runStart == 50 && byte == 48)) { run = 99 }
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// The text below `element` with a space where a `<br>` or block element breaks the line
    /// (`Top 10<br>Picks` reads "Top 10 Picks", not "Top 10Picks").
    static func readableText(_ element: Node) -> String {
        var bytes: [UInt8] = []
        for node in element.descendants {
            if node.isText {
                node.withOwnTextBytes { bytes.append(contentsOf: $0) }
            } else if node.isElement(named: "br") || node.isElement(named: "div") || node.isElement(named: "p")
                        || node.isElement(named: "li") || node.isElement(named: "small") || node.isElement(named: "span") && bytes.last != 32 {
                bytes.append(32)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text below `element` when it has at most `limit` bytes, else nil (without building the whole text).
    static func boundedText(_ element: Node, limit: Int) -> String? {
        var bytes: [UInt8] = []
        for node in element.descendants {
            if node.isElement {
                if bytes.last != 32 && !bytes.isEmpty { bytes.append(32) }
                continue
            }
            guard node.isText else { continue }
            let fits = node.withOwnTextBytes { buffer -> Bool in
                guard bytes.count + buffer.count <= limit else { return false }
                bytes.append(contentsOf: buffer)
                return true
            }
            if !fits { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func readMeta(_ element: Node, into signals: inout PageSignals) {
        guard let content = element.attribute("content") else { return }
        if let itemprop = element.attribute("itemprop")?.lowercased(), let field = MetaNames.microdata[itemprop] {
            signals.candidates.add(content, field: field, source: .microdata)
        }
        guard let rawKey = element.attribute("property") ?? element.attribute("name") ?? element.attribute("http-equiv")
        else { return }
        var key = rawKey.lowercased()
        if key.hasSuffix(" ") || key.hasPrefix(" ") { key = key.trimmedWhitespace() }
        if key == "og:type" { signals.openGraphType = content.lowercased() }
        if let target = MetaNames.table[key] {
            signals.candidates.add(content, field: target.field, source: target.source)
        } else if key.hasPrefix("twitter:label") {
            signals.twitterLabels[String(key.dropFirst(13))] = content
        } else if key.hasPrefix("twitter:data") {
            signals.twitterData[String(key.dropFirst(12))] = content
        }
    }

    private static func readLink(_ element: Node, into signals: inout PageSignals) {
        guard let rel = element.attribute("rel")?.lowercased(), let href = element.attribute("href") else { return }
        for token in rel.split(separator: " ") {
            switch token {
            case "canonical": signals.candidates.add(href, field: .canonicalURL, source: .head)
            case "image_src": signals.candidates.add(href, field: .image, source: .head)
            default: break
            }
        }
    }

    private static func readTime(_ element: Node, order: Int, into signals: inout PageSignals) {
        let value = element.attribute("datetime") ?? element.text
        let hints = ((element.attribute("class") ?? "") + " " + (element.attribute("itemprop") ?? "")).lowercased()
        if hints.contains("modified") || hints.contains("updated") {
            signals.modifiedDates.append(RankedText(rank: 0, order: order, text: value))
            return
        }
        let specific = element.hasAttribute("pubdate") || hints.contains("publish") || hints.contains("entry-date")
            || hints.contains("post-date") || hints.contains("created")
        signals.publishedDates.append(RankedText(rank: specific ? 0 : 5, order: order, text: value))
    }

    private static func readMicrodata(_ element: Node, itemprop: String, order: Int, into signals: inout PageSignals) {
        guard element.name != "meta" else { return }
        for prop in itemprop.split(separator: " ") {
            switch prop {
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
    private static func microdataName(_ element: Node) -> String {
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

extension String.UTF8View {
    /// Whether the lowercase ASCII `needle` occurs in this text, ignoring ASCII case; no allocation for
    /// native strings (far cheaper than `lowercased()` plus `String.contains`).
    func containsASCIICaseInsensitive(_ needle: [UInt8]) -> Bool {
        if let result = withContiguousStorageIfAvailable({ $0.containsASCIICaseInsensitive(needle) }) { return result }
        return Array(self).withUnsafeBufferPointer { $0.containsASCIICaseInsensitive(needle) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    func containsASCIICaseInsensitive(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        let last = count - needle.count
        var i = 0
        while i <= last {
            let byte = self[i] | (self[i] >= 65 && self[i] <= 90 ? 0x20 : 0)
            if byte == first {
                var k = 1
                while k < needle.count {
                    let b = self[i + k]
                    if (b >= 65 && b <= 90 ? b | 0x20 : b) != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

/// A set of lowercase ASCII fragments searched for in one pass, case-insensitively: each position is looked up
/// by its (lowercased) byte in a 256-entry table listing only the fragments that start with it.
struct FragmentScreen: Sendable {
    /// All fragments back to back.
    private let arena: [UInt8]
    /// Per fragment: where it starts in `arena` and how long it is.
    private let starts: [Int]
    private let lengths: [Int]
    /// Per lowercased first byte: the range of `order` holding the fragments that start with it.
    private let firstFrom: [Int]
    private let firstTo: [Int]
    private let order: [Int]

    init(_ list: [String]) {
        let fragments = list.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var arena: [UInt8] = []
        var starts: [Int] = []
        for fragment in fragments {
            starts.append(arena.count)
            arena.append(contentsOf: fragment)
        }
        var from = [Int](repeating: 0, count: 256)
        var to = [Int](repeating: 0, count: 256)
        var order: [Int] = []
        for byte in 0..<256 {
            from[byte] = order.count
            for (index, fragment) in fragments.enumerated() where Int(fragment[0]) == byte { order.append(index) }
            to[byte] = order.count
        }
        self.arena = arena
        self.starts = starts
        self.lengths = fragments.map(\.count)
        firstFrom = from
        firstTo = to
        self.order = order
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    /// `matches` on UTF-8 bytes.
    func matches(bytes buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    firstFrom.withUnsafeBufferPointer { firstFrom in
                        firstTo.withUnsafeBufferPointer { firstTo in
                            order.withUnsafeBufferPointer { order in
                                var i = 0
                                while i < buffer.count {
                                    let b = buffer[i]
                                    let first = Int(b >= 65 && b <= 90 ? b | 0x20 : b)
                                    var n = firstFrom[first]
                                    while n < firstTo[first] {
                                        let fragment = order[n]
                                        let length = lengths[fragment]
                                        if length <= buffer.count - i {
                                            let start = starts[fragment]
                                            var k = 1
                                            while k < length {
                                                let c = buffer[i + k]
                                                if (c >= 65 && c <= 90 ? c | 0x20 : c) != arena[start + k] { break }
                                                k += 1
                                            }
                                            if k == length { return true }
                                        }
                                        n += 1
                                    }
                                    i += 1
                                }
                                return false
                            }
                        }
                    }
                }
            }
        }
    }
}
