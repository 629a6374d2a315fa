import WinnowDOM

/// One pass over the document: `<head>` metas and links, JSON-LD scripts, microdata, `<h1>`, `<time>`, and
/// byline/date-classed elements. Scripts, styles, SVG and templates are not descended into, nor are comment
/// sections (their bylines belong to commenters).
///
/// The pass is a `Walk` fed one node at a time in document order. `scan(_:)` drives it over the libxml2 tree
/// itself; the extractor instead feeds it from the page-tree mirror (`PageTree(root:scanning:)`), so that one
/// walk over the document both mirrors it and reads its metadata.
enum PageScanner {
    static func scan(_ document: Document) -> PageSignals {
        guard let root = document.root else { return PageSignals() }
        var walk = Walk(root: root)
        // Content after `</html>` is parsed into a second top-level `<html>` element: it is walked too.
        var top: Node? = root
        while let tree = top {
            walk.top(tree)
            walk.walk(childrenOf: tree)
            top = nextElementSibling(of: tree)
        }
        return walk.signals
    }

    /// The scan's state between nodes: the signals so far, the element count (`order`, which the windows
    /// after the headline are measured in), and the pending byline label.
    struct Walk {
        private(set) var signals = PageSignals()
        private var order = 0
        private var markedCount = 0
        private var labelPending = false
        private var textsAfterHeading = 0
        /// Tag kinds by element name, for the nodes this walk reads from libxml2 itself (`walk(childrenOf:)`).
        private var names = TagNameTable<ScanTag>(capacity: 64)

        /// A walk of the document whose top element is `root` (its `lang` is the page's language).
        init(root: Node) {
            if let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
                signals.candidates.add(lang, field: .language, source: .head)
            }
        }

        /// Reads a top-level element itself, whose descendants the walk reads next: Q&A sites type the whole page
        /// there (`<html itemtype=…QAPage>`).
        mutating func top(_ tree: Node) {
            if !signals.threadMicrodata, let itemtype = tree.attribute("itemtype") {
                signals.threadMicrodata = PageProfile.isThread(itemtype: itemtype)
            }
        }

        /// Reads the next element in document order; returns whether to read its descendants.
        /// `hints`: what the caller's own pass over the element's attributes found (the page tree's), nil when it
        /// made none.
        mutating func element(_ element: Node, tag: ScanTag, hints: AttributeHints? = nil) -> Bool {
            order += 1
            return PageScanner.visit(element, tag: tag, order: order, markedCount: &markedCount, hints: hints, into: &signals)
        }

        /// Reads the next text node in document order. `blank`: the caller found it holds only spaces, tabs, line
        /// feeds and carriage returns (most text nodes, between tags), in which no reading below finds anything:
        /// only the count of texts read for a date under the headline moves on.
        mutating func text(_ current: Node, blank: Bool = false) {
            if blank {
                if signals.firstHeadingOrder != nil, textsAfterHeading < dateWindow, signals.textDates < 3 {
                    textsAfterHeading += 1
                }
                return
            }
            if signals.avatarPending { readAvatarName(current, order: order, into: &signals) }
            if signals.textBylines < maximumTextBylines {
                readBylineText(current, order: order, labelPending: &labelPending, into: &signals)
            }
            if let heading = signals.firstHeadingOrder, order - heading <= headlineNameWindow,
               signals.headlineLines.count < maximumHeadlineLines {
                readHeadlineLine(current, order: order, into: &signals)
            }
            // After the first <h1>, even one whose text the parser moved out (`<h1><p>…</p></h1>`).
            if signals.firstHeadingOrder != nil, textsAfterHeading < dateWindow, signals.textDates < 3 {
                textsAfterHeading += 1
                if let text = dateText(current) {
                    signals.publishedDates.append(RankedText(rank: textDateRank, order: order, text: text, node: current))
                    signals.textDates += 1
                    // Under the story's paragraphs such a line is a teaser card's ("Ana Ruiz · 9 feb 2026").
                    if let heading = signals.firstHeadingOrder, order - heading <= headlineTextDateWindow,
                       signals.paragraphsAfterHeading < maximumParagraphsBeforeByline,
                       signals.textBylines < maximumTextBylines, let credit = creditBeforeDate(text) {
                        signals.bylines.append(RankedText(rank: textBylineRank, order: order, text: credit, node: current))
                        signals.textBylines += 1
                    }
                }
            } else if signals.firstHeadingOrder != nil, let byline = signals.bylines.last, byline.rank == textBylineRank,
                      order - byline.order <= bylineDateDistance, let text = dateText(current) {
                // Past the window under the headline, a date right after a "By …" credit is still the byline's.
                signals.publishedDates.append(RankedText(rank: bylineDateRank, order: order, text: text, node: current))
            } else if signals.firstHeadingOrder == nil, let text = dateText(current) {
                signals.dateBeforeHeading = RankedText(rank: textDateRank, order: order, text: text, node: current)
            }
        }

        /// Reads `tree`'s descendants (not `tree` itself) from libxml2, in document order.
        mutating func walk(childrenOf tree: Node) {
            var node: Node? = tree.firstChild
            while let current = node {
                var descend = true
                if current.isElement {
                    descend = element(current, tag: names.value(for: current) { ScanTag(HTMLTag.named($0)) })
                } else if current.isText {
                    text(current)
                }
                node = PageScanner.advance(from: current, root: tree, descend: descend)
            }
        }
    }

    /// The next element at the same level as `node`, skipping comments and text.
    private static func nextElementSibling(of node: Node) -> Node? {
        var sibling = node.nextSibling
        while let candidate = sibling, !candidate.isElement { sibling = candidate.nextSibling }
        return sibling
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
        case meta, link, title, script, form, skipped, h1, h2, time, a, img
        /// `p`: counted after the headline, to tell the story's byline from those of the cards after the story.
        case paragraph
        /// `button`, `select`, `textarea`: skipped, unless broken markup left the page inside one.
        case control
        /// `section`, `div`, `ol`, `ul`, `aside`: comment sections among them are not descended into.
        case container
        /// `body` and `html`: never a date element.
        case page
        case other

        init(_ tag: HTMLTag) {
            switch tag {
            case .meta: self = .meta
            case .link: self = .link
            case .title: self = .title
            case .script: self = .script
            case .form: self = .form
            case .style, .svg, .template, .iframe: self = .skipped
            case .select, .textarea, .button: self = .control
            case .h1: self = .h1
            case .h2: self = .h2
            case .time: self = .time
            case .a: self = .a
            case .img: self = .img
            case .section, .div, .ol, .ul, .aside: self = .container
            case .body, .html: self = .page
            case .p: self = .paragraph
            default: self = .other
            }
        }
    }

    /// Reads one element; returns whether to walk its children.
    fileprivate static func visit(
        _ element: Node, tag: ScanTag, order: Int, markedCount: inout Int, hints: AttributeHints?,
        into signals: inout PageSignals
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
        case .control:
            // A control holds a label or a few options; one holding more elements than a control ever has is an
            // unclosed tag that swallowed the page (the headline and byline among them), which is read.
            guard swallowsPage(element) else { return false }
        case .h1:
            // A visually hidden heading (a screen-reader label of a search or menu panel) is not the headline:
            // bylines and dates are sought around the visible one.
            if isVisuallyHidden(element) { return false }
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
                if !text.isEmpty {
                    signals.headings.append(text)
                    signals.headingShown.append(!isInPopUp(element))
                }
            }
        case .h2:
            if signals.subheadings.count < Vocabulary.Threshold.titleSubheadingsRead, !isVisuallyHidden(element) {
                let text = readableText(element).collapsingWhitespace()
                if !text.isEmpty { signals.subheadings.append(text) }
            }
        case .time:
            readTime(element, order: order, into: &signals)
        case .img:
            readAvatar(element, order: order, into: &signals)
        case .paragraph:
            if signals.firstHeadingOrder != nil { signals.paragraphsAfterHeading += 1 }
        default:
            break
        }
        // Everything below reads attributes; most elements have none.
        guard element.hasAttributes else { return true }
        // Bylines and dates sit near the headline: class/id screening stops a fixed number of elements after
        // the first <h1> (related-story lists, footers and comment threads below it are never read).
        let screening = signals.firstHeadingOrder.map { order - $0 <= screeningWindowAfterHeading } ?? true
        // Skipped when the caller's pass saw nothing it would find: no microdata, no link, and nothing to screen.
        if let hints, tag != .a, !hints.hasMicrodata, !screening || (!hints.hasID && hints.classTriggers != true) {
            return true
        }
        let found = ScanAttributes(element, wantsRel: tag == .a, screening: screening, classTriggers: hints?.classTriggers)
        if let itemprop = found.itemprop?.lowercased() {
            readMicrodata(element, itemprop: itemprop, order: order, into: &signals)
        }
        if found.threadType { signals.threadMicrodata = true }
        if let rel = found.rel?.lowercased(), rel.utf8.split(separator: UInt8(ascii: " ")).contains(where: { $0.elementsEqual("author".utf8) }) {
            signals.bylines.append(RankedText(rank: 0, order: order, text: element.text, node: element))
        }
        if let href = found.authorHref { readAuthorLink(element, href: href, order: order, into: &signals) }
        // One cheap screen for the trigger fragments; the detailed marker tables run only on a hit.
        guard screening, found.triggered else { return true }
        // Class and id searched as one text; the NUL between them (never in a fragment) keeps a match from
        // spanning both.
        var classAndID = Array((element.attribute("class") ?? "").utf8)
        classAndID.append(0)
        classAndID.append(contentsOf: (element.attribute("id") ?? "").utf8)
        let marks = classAndID.withUnsafeBufferPointer(ClassMarks.init)
        if tag == .container, marks.commentSection {
            return false
        }
        if markedCount < maximumMarkedElements {
            let rank = marks.bylineRank
            let excluded = rank != nil && marks.bylineExcluded
            if let rank, !excluded, let text = boundedText(element, limit: 300) {
                signals.bylines.append(RankedText(rank: rank, order: order, text: text, node: element))
                markedCount += 1
                // A byline block with the headline that also shows a date ("Jane Doe · March 5, 2024") dates the
                // story, though no date class marks it; further down it is a review's or a reply's.
                let withHeadline = signals.firstHeadingOrder.map { order - $0 <= headlineDateWindow } ?? true
                if withHeadline, marks.dateRank == nil, hasYear(text.utf8),
                   DateParser.parse(text) != nil {
                    signals.publishedDates.append(RankedText(rank: bylineDateRank, order: order, text: text, node: element))
                }
            } else if let rank, let name = authorBoxName(element, excluded: excluded, order: order,
                                                                 signals: signals, marks: marks) {
                signals.authorBoxNames.append(RankedText(rank: rank, order: order, text: name))
                markedCount += 1
            }
            if tag != .page, let rank = marks.dateRank,
               let text = boundedText(element, limit: 200) {
                signals.publishedDates.append(RankedText(rank: rank + 10, order: order, text: text, node: element))
                markedCount += 1
            }
        }
        return true
    }

    /// The author's name from an author box under the headline: the name line of a box marked as the author's
    /// (`author-box__name`, `author-card__name`: the class names the author and the name, though "box" or "card"
    /// would exclude a byline) in the headline's block (`headlineDateWindow`; further down such cards credit
    /// related stories), or the first text line of an author block too long to be a byline (the name over
    /// the bio: "Jane Doe / Jane covers housing…"), when the block stays short of a whole section
    /// (`maximumAuthorBoxBytes`) and the line has two words or more. Only after the first `<h1>`: above it, such
    /// classes mark menus and the page's wrappers.
    static func authorBoxName(_ element: Node, excluded: Bool, order: Int, signals: PageSignals,
                              marks: ClassMarks) -> String? {
        guard let heading = signals.firstHeadingOrder, order > heading else { return nil }
        if excluded {
            guard order - heading <= headlineDateWindow, marks.authorName else { return nil }
            return boundedText(element, limit: 300)
        }
        guard boundedText(element, limit: maximumAuthorBoxBytes) != nil, let line = firstTextLine(element),
              line.split(separator: " ").count >= 2 else { return nil }
        return line
    }

    /// The first non-empty text of an element, whitespace collapsed, when it is short enough to be a name line.
    static func firstTextLine(_ element: Node) -> String? {
        for node in element.descendants where node.isText {
            let text = node.text.collapsingWhitespace()
            if text.isEmpty { continue }
            return text.utf8.count <= maximumNameLineBytes ? text : nil
        }
        return nil
    }

    /// The first part of a dateline under the headline that joins a credit and a date with separators and no
    /// "By" ("Jane Doe | Senior Writer | July 2, 2025", "Jane Doe · 5 March 2024"), when the date is not in it;
    /// author cleaning then keeps it only if it reads as a name.
    static func creditBeforeDate(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { datelineSeparators.contains($0) }).map { $0.trimmedWhitespace() }
            .filter { !$0.isEmpty }
        guard parts.count >= 2, let first = parts.first, DateParser.parse(first) == nil,
              first.split(separator: " ").count >= 2 else { return nil }
        return first
    }

    /// Whether an element is hidden from sight: the `hidden` attribute, or a class token of the hidden category
    /// (`sr-only`, `screen-reader-text`, `visually-hidden`…, see `Vocabulary`).
    static func isVisuallyHidden(_ element: Node) -> Bool {
        if element.hasAttribute("hidden") { return true }
        guard let classValue = element.attribute("class") else { return false }
        return CategoryMatcher.categories(ofTokens: classValue).contains(.hidden)
    }

    /// Whether a form control has more descendant elements than `maximumControlElements`.
    static func swallowsPage(_ control: Node) -> Bool {
        var count = 0
        for node in control.descendants where node.isElement {
            count += 1
            if count > maximumControlElements { return true }
        }
        return false
    }

    /// What another pass over an element's attributes (the page tree's `classify`) found that `visit` would read:
    /// with it, `visit` skips its own pass when nothing is there for it, and takes the class value's screen as
    /// given. Every field counts the first occurrence of its attribute, as `ScanAttributes` does.
    struct AttributeHints {
        /// `triggers` on the class value; nil when the element has none.
        var classTriggers: Bool?
        /// The element has an `id` value.
        var hasID: Bool
        /// The element has an `itemprop` or `itemtype` value.
        var hasMicrodata: Bool
    }

    /// The attributes `visit` reads, in one pass over the element's attribute list (first occurrence of each
    /// name, as with `Node.attribute(_:)`). `class` and `id` are only screened for trigger fragments in place;
    /// the few elements that hit are read again as Strings.
    struct ScanAttributes {
        var itemprop: String?
        /// The `itemtype` names a thread (`PageProfile.isThread(itemtype:)`), read in place.
        var threadType = false
        var rel: String?
        /// The `href` of a link whose target path names an author page (`authorPathScreen`, screened in place).
        var authorHref: String?
        /// The `class` or `id` value holds a trigger fragment.
        var triggered = false
        private var seen: UInt8 = 0

        /// `classTriggers`: the class value's screen when known already (see `Walk.element`).
        init(_ element: Node, wantsRel: Bool, screening: Bool, classTriggers: Bool?) {
            element.forEachAttribute { attribute in
                switch attribute.name.count {
                case 8 where attribute.nameIs("itemprop"):
                    if first(1) { itemprop = attribute.value }
                case 8 where attribute.nameIs("itemtype"):
                    if first(16) {
                        threadType = attribute.withValueBytes { $0.map(PageProfile.isThread(itemtype:)) ?? false }
                    }
                case 3 where wantsRel && attribute.nameIs("rel"):
                    if first(2) { rel = attribute.value }
                case 4 where wantsRel && attribute.nameIs("href"):
                    if first(32), attribute.withValueBytes({ $0.map(AuthorLinks.mayNameAuthorPage(_:)) ?? false }) {
                        authorHref = attribute.value
                    }
                case 5 where screening && attribute.nameIs("class"):
                    if first(4), !triggered {
                        triggered = classTriggers ?? attribute.withValueBytes { bytes in
                            bytes.map { PageScanner.triggers.matches(bytes: $0) } ?? false
                        }
                    }
                case 2 where screening && attribute.nameIs("id"):
                    if first(8) { screenID(attribute) }
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

        private mutating func screenID(_ attribute: AttributeView) {
            if triggered { return }
            triggered = attribute.withValueBytes { bytes in bytes.map { PageScanner.triggers.matches(bytes: $0) } ?? false }
        }
    }
}

