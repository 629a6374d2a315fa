import WinnowDOM

/// A flat, pre-order mirror of the `<body>` subtree with per-node features, built in one iterative walk.
///
/// Index `i`'s subtree is the range `i ..< end[i]`, so "contains" is two compares and subtree walks are loops.
/// Stages flag nodes (`removed`) instead of mutating the libxml2 tree, so nothing is ever copied or re-parsed.
struct PageTree {
    /// One mirrored node; aggregates cover the node's subtree minus removed parts (see `aggregate()`).
    struct Entry {
        /// The mirrored node, without a hold on its document (the tree holds it): entries are copied often,
        /// and a reference-counted field in each made every copy retain and release.
        private var handle: UnretainedNode
        var node: Node { handle.node }
        // The one-byte fields together (a 112-byte entry, not 120: the tree is copied and walked many times).
        var tag: HTMLTag
        var hidden = false
        var removed = false
        var containsBlock = false
        /// `score` has been seeded for this node.
        var scored = false
        var parent: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// One past the last index of this node's subtree.
        var end: Int32 = 0
        var categories: Category = []
        /// For text nodes: collapsed character count and commas of the node's own text.
        var ownChars: Int32 = 0
        var ownCommas: Int32 = 0
        // Aggregates (filled by `aggregate()`).
        var chars: Int32 = 0
        var linkChars: Int32 = 0
        var commas: Int32 = 0
        var links: Int32 = 0
        var shortLinks: Int32 = 0
        var paragraphChars: Int32 = 0
        var paragraphs: Int32 = 0
        /// Text reaching this block directly (through inline elements, not through child blocks).
        var inlineChars: Int32 = 0
        var images: Int32 = 0
        var listItems: Int32 = 0
        var headingChars: Int32 = 0
        /// Text in prose-like blocks (≥ 25 direct characters, not link-heavy): how much of a node is "story".
        var proseChars: Int32 = 0
        /// Readability content score (paragraph scores propagated to ancestors).
        var score: Double = 0

        init(node: Node, tag: HTMLTag, parent: Int32, end: Int32 = 0) {
            handle = UnretainedNode(node)
            self.tag = tag
            self.parent = parent
            self.end = end
        }

        /// Link characters over text characters, 0 for empty nodes.
        var linkDensity: Double { chars > 0 ? Double(linkChars) / Double(chars) : 0 }
    }

    var entries: [Entry] = []
    /// Keeps the mirrored document alive for the entries, which do not hold it.
    private let document: Document
    /// Index of `<body>` (always 0 when a body exists).
    var bodyIndex: Int { 0 }

    /// Mirrors `root`'s subtree (normally `<html>`) plus any elements libxml2 left after it at document level
    /// (content following a stray `</html>`), which become children of the root entry.
    /// Classifies tags, categories and visibility on the way.
    init(root: Node) {
        var noScan: PageScanner.Walk?
        self.init(root: root, scanning: &noScan)
    }

    /// As `init(root:)`, and feeds every node the metadata scan reads to `scan` on the way, so that one walk
    /// over the document does both (the scan's own rules decide which subtrees it reads; the few it reads that
    /// the mirror skips, such as a `<video>`'s fallback text, it walks itself).
    init(root: Node, scanning scan: inout PageScanner.Walk?) {
        document = root.document
        entries.reserveCapacity(4096)
        // Pages repeat the same class attribute on many nodes; match each distinct value once.
        var classCache = ClassifyCache()
        mirror(root, classCache: &classCache, scan: &scan)
        // Streamed server-rendered chunks go where the page's script puts them; then the page is mirrored again
        // (only pages that stream content pay for it; the scan has read every node already).
        if !classCache.streamed.isEmpty, StreamedContent.resolve(classCache.streamed) {
            entries.removeAll(keepingCapacity: true)
            var again = ClassifyCache()
            var noScan: PageScanner.Walk?
            mirror(root, classCache: &again, scan: &noScan)
        }
    }

    /// Mirrors `root`'s subtree and the elements after it into `entries` (see `init(root:scanning:)`).
    private mutating func mirror(_ root: Node, classCache: inout ClassifyCache, scan: inout PageScanner.Walk?) {
        entries.append(Entry(node: root, tag: HTMLTag.named(root.name), parent: -1))
        scan?.top(root)
        var lastTopChild = mirrorChildren(of: root, index: 0, lastChild: -1, classCache: &classCache, scan: &scan)
        var stray = root.nextSibling
        while let node = stray {
            stray = node.nextSibling
            guard node.isElement else { continue }
            let index = Int32(entries.count)
            entries.append(PageTree.classify(node, parent: 0, classCache: &classCache).entry)
            if lastTopChild >= 0 { entries[Int(lastTopChild)].nextSibling = index } else { entries[0].firstChild = index }
            lastTopChild = index
            scan?.top(node)
            _ = mirrorChildren(of: node, index: index, lastChild: -1, classCache: &classCache, scan: &scan)
            entries[Int(index)].end = Int32(entries.count)
        }
        entries[0].end = Int32(entries.count)
        if !classCache.controlled.isEmpty { revealControlledPanels(classCache.controlled) }
        if !classCache.inlinePopovers.isEmpty { unwrapPopoverTriggers(classCache.inlinePopovers) }
        if !classCache.ariaHiddenInline.isEmpty { revealScreenReaderTwins(classCache.ariaHiddenInline) }
    }

    /// A decorative copy for the eye and the same text for screen readers, side by side (a drop cap:
    /// `<span aria-hidden="true">T</span><span class="sr-only">T</span>housands`): each alone is hidden, one from
    /// the screen and one from screen readers, but a reader sees the text once. The screen readers' copy, an inline
    /// element right after the `aria-hidden` one with the same text, is shown.
    private mutating func revealScreenReaderTwins(_ candidates: [Int]) {
        for i in candidates {
            var j = Int(entries[i].nextSibling)
            while j > i, j < entries.count, entries[j].tag == .text, entries[j].ownChars == 0 { j = Int(entries[j].nextSibling) }
            guard j > i, j < entries.count, entries[j].hidden, entries[j].categories.contains(.hidden),
                  !entries[j].tag.isBlock, entries[j].tag != .text else { continue }
            let copy = entries[i].node.text
            guard !copy.isEmpty, copy == entries[j].node.text else { continue }
            entries[j].hidden = false
            entries[j].categories.remove(.hidden)
        }
    }

    /// A popover's trigger and its card often share a wrapper whose class names the popover too
    /// (`<span class="has-popover"><a>Name</a><span class="popover" hidden>…</span></span>` in a sentence). An
    /// inline element marked as a popover that holds another one is that wrapper, not the card: it loses the mark
    /// (the card inside keeps its own), so the name stays in the sentence. Inner elements go first: a card keeps
    /// its mark whatever wraps it.
    private mutating func unwrapPopoverTriggers(_ candidates: [Int]) {
        for i in candidates.reversed() {
            let inside = (i + 1)..<Int(entries[i].end)
            guard inside.contains(where: { entries[$0].categories.contains(.modal) }) else { continue }
            entries[i].categories.remove(.modal)
        }
    }

    /// Un-hides collapsed panels a toggle on the page opens (its `aria-controls` names their id): tab panels
    /// and accordion answers are content a click away. Menus and dialogs stay hidden (`hiddenChaff`).
    private mutating func revealControlledPanels(_ controlled: Set<String>) {
        for i in entries.indices where entries[i].hidden && entries[i].categories.isDisjoint(with: Vocabulary.hiddenChaff) {
            guard let id = entries[i].node.attribute("id"), controlled.contains(id) else { continue }
            entries[i].hidden = false
        }
    }

    /// Appends `node`'s descendants in pre-order below entry `index`; returns the last direct child's index.
    /// `scan`, when given, reads the same nodes in the same order; `scanned` in a stack entry says whether it reads
    /// that entry's children.
    private mutating func mirrorChildren(
        of node: Node, index rootIndex: Int32, lastChild: Int32, classCache: inout ClassifyCache,
        scan: inout PageScanner.Walk?
    ) -> Int32 {
        // Explicit stack of (next node, parent index, last child index, scanned) so deep pages cannot overflow.
        var stack: [(cursor: Node?, index: Int32, lastChild: Int32, scanned: Bool)] =
            [(node.firstChild, rootIndex, lastChild, scan != nil)]
        var rootLast = lastChild
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let node = stack[top].cursor else {
                let finished = stack.removeLast()
                if finished.index == rootIndex { rootLast = finished.lastChild } else {
                    entries[Int(finished.index)].end = Int32(entries.count)
                }
                continue
            }
            stack[top].cursor = node.nextSibling
            let parentIndex = stack[top].index
            let scanned = stack[top].scanned
            let index = Int32(entries.count)
            let entry: Entry
            // What the element's attribute pass found that the scan reads too (nil: its attributes were not read).
            var scanHints: PageScanner.AttributeHints?
            var ariaHidden = false
            switch node.kind {
            case .element:
                let classified = PageTree.classify(node, parent: parentIndex, classCache: &classCache)
                entry = classified.entry
                scanHints = classified.scanHints
                ariaHidden = classified.ariaHidden
            case .text, .cdata:
                var text = Entry(node: node, tag: .text, parent: parentIndex)
                let counts = node.withOwnTextBytes(PageTree.countText)
                if scanned { scan?.text(node, blank: counts.chars == 0 && !counts.hasFormFeed) }
                text.ownChars = Int32(counts.chars)
                text.ownCommas = Int32(counts.commas)
                text.end = index + 1
                // A `<span>` holding nothing but a UUID is obfuscation filler (a stylesheet hides it between the
                // letters of a "Sponsored" label), never text a reader sees.
                if counts.chars == PageTree.uuidChars, entries[Int(parentIndex)].tag == .span,
                   node.withOwnTextBytes(PageTree.isUUID) {
                    entries[Int(parentIndex)].hidden = true
                }
                // A heading's permalink mark (`<a href="#options">¶</a>`) is an icon, not text of the heading.
                if counts.chars <= PageTree.permalinkMarkMaxChars, entries[Int(parentIndex)].tag == .a,
                   PageTree.isPermalinkMark(node) {
                    entries[Int(parentIndex)].hidden = true
                }
                entry = text
            case .comment:
                entry = Entry(node: node, tag: .comment, parent: parentIndex, end: index + 1)
            default:
                continue
            }
            // Never-text subtrees (scripts, styles, SVG drawings) are not mirrored; `<head>` is, for JSON-LD.
            let isElement = entry.tag != .text && entry.tag != .comment
            let descend = isElement && (!entry.removed || entry.tag == .head)
            var scanChildren = false
            if scanned, isElement, scan != nil {
                scanChildren = scan!.element(node, tag: PageScanner.ScanTag(entry.tag), hints: scanHints)
                if scanChildren && !descend {
                    scan!.walk(childrenOf: node)
                    scanChildren = false
                }
            }
            if entry.categories.contains(.modal), isElement, !entry.tag.isBlock { classCache.inlinePopovers.append(Int(index)) }
            if ariaHidden, entry.hidden, !entry.tag.isBlock { classCache.ariaHiddenInline.append(Int(index)) }
            // Grown here, a block at a time, before the array would grow itself (see `blockCopy`).
            if entries.count == entries.capacity { entries = PageTree.blockCopy(entries, capacity: 2 * entries.capacity) }
            entries.append(entry)  // last use: moved, not copied
            let last = stack[top].lastChild
            if last >= 0 { entries[Int(last)].nextSibling = index } else { entries[Int(parentIndex)].firstChild = index }
            stack[top].lastChild = index
            if descend {
                stack.append((node.firstChild, index, -1, scanChildren))
            } else {
                entries[Int(index)].end = index + 1
            }
        }
        return rootLast
    }

    /// An `<a>` whose own text is at least `ariaHiddenLinkMinChars` long (see `classify`).
    static func isScreenReaderDuplicateLink(_ node: Node, tag: HTMLTag) -> Bool {
        guard tag == .a else { return false }
        let minChars = Vocabulary.Threshold.ariaHiddenLinkMinChars
        var count = 0
        for c in node.text where !c.isWhitespace {
            count += 1
            if count >= minChars { return true }
        }
        return false
    }

    /// An element's entry, and what its attribute pass found that the metadata scan reads too.
    struct Classified {
        var entry: Entry
        /// Nil when the element's attributes were not read (a never-text element, or one without attributes).
        var scanHints: PageScanner.AttributeHints?
        /// The element says `aria-hidden="true"`.
        var ariaHidden = false
    }

    /// Tag, categories and visibility of one element, from one pass over its attributes.
    private static func classify(_ node: Node, parent: Int32, classCache: inout ClassifyCache) -> Classified {
        let kind = classCache.kind(of: node)
        var entry = Entry(node: node, tag: kind.tag, parent: parent)
        // Never-text elements are out of every measurement from the start (scripts must not count as page text).
        if kind.isDropped { entry.removed = true }
        if kind.tag == .template, node.hasAttributes, let id = node.attribute("id"), id.hasPrefix("B:") || id.hasPrefix("P:") {
            classCache.streamed.placeholders[id] = node
        }
        if entry.removed || !node.hasAttributes { return Classified(entry: entry) }
        // One walk over the element's short attribute list, reading values in place: pages carry large data-*
        // and srcset values, and most elements carry none of the attributes asked about here.
        let found = ClassifyAttributes(node, cache: &classCache)
        let role = found.role
        // A labelled dialog (`role="dialog"`, `aria-modal`) is a closed pop-up, not a collapsed panel of content.
        // (`<dialog>` itself never gets here: it is a dropped tag, removed above.)
        // So is an element with the `popover` attribute: browsers render it only once a control opens it.
        let isDialog = found.ariaModal || found.hasPopover || role == "dialog" || role == "alertdialog"
        let labelled = !isDialog && (role == "region" || role == "tabpanel" || found.hasLabelledBy)
        // A link of a sentence's length hidden from screen readers only (`aria-hidden` on `<a>`) is a card's
        // second link to the same page, its text on screen: a teaser's summary. Other elements marked so are
        // icons, footnote marks, a headline's duplicate for sighted users, or placeholders a script fills.
        // `aria-hidden` on the page's main landmark is a modal's doing: scripts hide the page from screen readers
        // while a dialog is open (the snapshot caught it open); the page stays on screen behind the dialog.
        let mainLandmark = entry.tag == .main || role == "main"
        if found.hasHidden || found.hasPopover || found.styleHides
            || (found.ariaHidden && !mainLandmark && !isScreenReaderDuplicateLink(node, tag: entry.tag)) {
            entry.hidden = true
        }
        // Collapsed accordion and tab panels (labelled regions) hold content a click away: keep them.
        if labelled { entry.hidden = false }
        // React streaming SSR parks real content in `<div hidden id="S:1">`; scripts reveal it at runtime.
        // (`StreamedContent` moves each such chunk into its placeholder when the page has one.)
        if entry.hidden, found.hasID, let idValue = node.attribute("id"), idValue.hasPrefix("S:") {
            entry.hidden = false
            classCache.streamed.chunks.append(node)
        }
        // A native `<button>` opens menus, log-in boxes and article notes; a tab heading or accordion title
        // made clickable by `role` opens content.
        if let controls = found.controls, entry.tag != .button {
            for id in controls.split(separator: " ") { classCache.controlled.insert(String(id)) }
        }
        var categories = found.classCategories
        if found.hasID || role != nil || found.hasItemprop {
            // A heading's id is usually its own anchor, the slug of its text (`<h2 id="verifying-signatures">`,
            // `id="user-content-configuring-the-sidebar"`): it names the topic, not a box, so its words are no
            // class words ("signature", "sidebar"). A heading whose text closes a story ("Related products",
            // "Comments") keeps them: dropped alone, it does not cut what follows it.
            if !(found.hasID && kind.tag.headingLevel != nil && PageTree.isOwnSlug(node)
                 && !BlockCleanup.isTerminating(.heading(level: 2, content: []), BlockCleanup.normalize(node.text))) {
                categories.formUnion(found.idCategories)
            }
            if role != nil || found.hasItemprop {
                categories.formUnion(CategoryMatcher.categories(class: nil, id: nil, role: role, itemprop: found.itemprop))
            }
        }
        if found.ariaModal || found.hasPopover { categories.insert(.modal) }
        if let itemtype = found.itemtype, CategoryMatcher.isPersonItemType(itemtype) { categories.insert(.person) }
        entry.categories = categories
        // Utility-class sites hide on small screens only (`hidden md:flex`, `d-none d-lg-block`): visible.
        if entry.categories.contains(.hidden) {
            if found.hasClass, let classValue = node.attribute("class"), PageTree.hasResponsiveShow(classValue) {
                entry.categories.remove(.hidden)
            } else {
                entry.hidden = true
            }
        }
        let hints = PageScanner.AttributeHints(
            classTriggers: found.classTriggersScan, hasID: found.hasID, hasMicrodata: found.hasItemprop || found.hasItemtype)
        return Classified(entry: entry, scanHints: hints, ariaHidden: found.ariaHidden)
    }

    /// The attributes `classify` reads, gathered in one pass (the first occurrence of each name counts, as
    /// with `Node.attribute(_:)`). Class and id are matched on their bytes (class values through the page's
    /// memo); Strings are built only for the rare role, itemprop and itemtype.
    struct ClassifyAttributes {
        var hasClass = false
        var classCategories: Category = []
        /// The metadata scan's trigger screen on the class value (`ClassifyCache.ClassReading`).
        var classTriggersScan: Bool?
        var hasID = false
        var idCategories: Category = []
        var hasLabelledBy = false
        // The attributes read as text, kept as views and turned into Strings only when asked (few elements
        // carry them): four optional Strings here made every element's pass retain and release them. The views
        // are read while `classify` runs, before anything could change the element.
        private var roleAttribute: AttributeView?
        private var itempropAttribute: AttributeView?
        private var itemtypeAttribute: AttributeView?
        private var controlsAttribute: AttributeView?

        var role: String? { roleAttribute?.value }
        var itemprop: String? { itempropAttribute?.value }
        var hasItemprop: Bool { itempropAttribute != nil }
        /// The microdata `itemtype` (its type URLs).
        var itemtype: String? { itemtypeAttribute?.value }
        var hasItemtype: Bool { itemtypeAttribute != nil }
        /// The ids an `aria-controls` names (a toggle's panels).
        var controls: String? { controlsAttribute?.value }
        var hasHidden = false
        /// `aria-hidden="true"` (any case).
        var ariaHidden = false
        /// `aria-modal="true"`: the element is a modal dialog.
        var ariaModal = false
        /// The HTML `popover` attribute: a pop-up the browser shows only when a control opens it.
        var hasPopover = false
        /// An inline style that hides the element.
        var styleHides = false
        private var seen: UInt8 = 0

        init(_ node: Node, cache: inout ClassifyCache) {
            node.forEachAttribute { attribute in
                note(attribute, cache: &cache)
                return true
            }
        }

        private mutating func first(_ bit: UInt8) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }

        private mutating func note(_ attribute: AttributeView, cache: inout ClassifyCache) {
            switch attribute.name.count {
            case 2:
                if attribute.nameIs("id"), first(1) {
                    attribute.withValueBytes { bytes in
                        guard let bytes else { return }
                        hasID = true
                        if let categories = CategoryMatcher.categories(ofIDBytes: bytes) {
                            idCategories = categories
                        } else {
                            idCategories = CategoryMatcher.categories(
                                class: nil, id: String(decoding: bytes, as: UTF8.self), role: nil, itemprop: nil)
                        }
                    }
                }
            case 4:
                if attribute.nameIs("role"), first(2) { roleAttribute = attribute }
            case 5:
                if attribute.nameIs("class") {
                    if first(4) {
                        attribute.withValueBytes { bytes in
                            guard let bytes else { return }
                            hasClass = true
                            let reading = cache.reading(ofClassBytes: bytes)
                            classCategories = reading.categories
                            classTriggersScan = reading.triggersScan
                        }
                    }
                } else if attribute.nameIs("style"), first(8) {
                    styleHides = attribute.withValueBytes { $0.map(PageTree.styleHides(bytes:)) ?? false }
                }
            case 6:
                if attribute.nameIs("hidden") { hasHidden = true }
            case 7:
                if attribute.nameIs("popover") { hasPopover = true }
            case 8:
                if attribute.nameIs("itemprop"), first(16) {
                    itempropAttribute = attribute
                } else if attribute.nameIs("itemtype"), first(128) {
                    itemtypeAttribute = attribute
                }
            case 10:
                if attribute.nameIs("aria-modal"), first(64) { ariaModal = attribute.withValueBytes(PageTree.isTrue) }
            case 11:
                if attribute.nameIs("aria-hidden"), first(32) { ariaHidden = attribute.withValueBytes(PageTree.isTrue) }
            case 13:
                if attribute.nameIs("aria-controls") { controlsAttribute = attribute }
            case 15:
                if attribute.nameIs("aria-labelledby") { hasLabelledBy = true }
            default:
                break
            }
        }
    }

    /// True when an attribute value lowercases to exactly "true" (`value.lowercased() == "true"`).
    static func isTrue(_ bytes: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let bytes else { return false }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard bytes.count == 4 else { return false }
            return zip(bytes, "true".utf8).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased() == "true"
    }

    /// Per-page memo tables for `classify`: pages repeat the same class attributes and tag names on many nodes.
    struct ClassifyCache {
        /// Class values read so far (their bytes), each with its `ClassReading` (see `reading(ofClassBytes:)`).
        var classes = TokenTable()
        /// Tag kind by element name (`TagNameTable`), so no String per element.
        var kinds = TagNameTable<TagKind>()
        /// Ids named by a non-`<button>` element's `aria-controls` (panels a tab or accordion title opens).
        var controlled: Set<String> = []
        /// Streamed server-rendered chunks (`S:` ids) and their placeholder templates (`StreamedContent`).
        var streamed = StreamedContent.Parts()
        /// Inline elements marked as popovers by their class or id (see `unwrapPopoverTriggers`).
        var inlinePopovers: [Int] = []
        /// Hidden inline elements that say `aria-hidden` (see `revealScreenReaderTwins`).
        var ariaHiddenInline: [Int] = []

        /// A tag and whether it is never text (`Vocabulary.dropTags`), looked up once per distinct name.
        struct TagKind {
            let tag: HTMLTag
            let isDropped: Bool
        }

        mutating func kind(of node: Node) -> TagKind {
            kinds.value(for: node) { name in
                let tag = HTMLTag.named(name)
                return TagKind(tag: tag, isDropped: Vocabulary.dropTags.contains(tag))
            }
        }

        mutating func tag(of node: Node) -> HTMLTag { kind(of: node).tag }

        /// What a class value says: its categories, and whether the metadata scan's screen for byline and date
        /// markers (`PageScanner.triggers`) matches it. Both read every byte of the value, so both are memoized
        /// together: the scan then screens each distinct value once, not every element carrying it.
        struct ClassReading {
            var categories: Category
            var triggersScan: Bool
        }

        /// The reading of a whole class value, made once per distinct value on the page (stored as one 64-bit
        /// value: the categories' raw bits, and bit 32 for the trigger).
        mutating func reading(ofClassBytes bytes: UnsafeBufferPointer<UInt8>) -> ClassReading {
            if bytes.isEmpty { return ClassReading(categories: [], triggersScan: false) }
            if let cached = classes.rawValue(for: bytes) {
                return ClassReading(categories: Category(rawValue: UInt32(truncatingIfNeeded: cached)), triggersScan: cached >> 32 != 0)
            }
            let reading = ClassReading(
                categories: CategoryMatcher.categories(ofValueBytes: bytes), triggersScan: PageScanner.triggers.matches(bytes: bytes))
            classes.insertAbsent(bytes, rawValue: UInt64(reading.categories.rawValue) | (reading.triggersScan ? 1 << 32 : 0))
            return reading
        }

        /// The categories of a whole class value, matched once per distinct value on the page.
        mutating func categories(ofClassBytes bytes: UnsafeBufferPointer<UInt8>) -> Category {
            reading(ofClassBytes: bytes).categories
        }
    }

    /// True when a class list re-shows the element at some breakpoint (`md:block`, `d-lg-flex`).
    static func hasResponsiveShow(_ classValue: String) -> Bool {
        // ASCII (most class values): on bytes, where every character is one byte and a space splits.
        if classValue.utf8.allSatisfy({ $0 < 0x80 }) {
            return classValue.utf8.split(separator: 0x20).contains { token in
                token.contains(0x3A) || token.starts(with: "d-".utf8)
                    && (token.ends(with: "-block") || token.ends(with: "-flex") || token.ends(with: "-inline"))
            }
        }
        for token in classValue.split(separator: " ") {
            // On bytes for an ASCII token (Foundation's locale-aware search gives the same answer there).
            if token.utf8.allSatisfy({ $0 < 0x80 }) ? token.utf8.contains(0x3A) : token.contains(":") { return true }
            if token.hasPrefix("d-") && (token.hasSuffix("-block") || token.hasSuffix("-flex") || token.hasSuffix("-inline")) {
                return true
            }
        }
        return false
    }

    /// True for inline styles that hide the element.
    static func styleHides(_ style: String) -> Bool {
        var style = style
        return style.withUTF8(styleHides(bytes:))
    }

    static let displayNone = Array("display:none".utf8)
    static let visibilityHidden = Array("visibility:hidden".utf8)

    /// `styleHides` on the value's UTF-8 bytes: whitespace dropped and ASCII lowercased, then searched.
    /// The compact text is written into scratch memory on the stack (no array per style attribute).
    static func styleHides(bytes style: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(style.count, 1)) { scratch in
            var count = 0
            for byte in style where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                scratch[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
            let compact = UnsafeBufferPointer(rebasing: scratch[..<count])
            return displayNone.withUnsafeBufferPointer { compact.firstOffset(of: $0) != nil }
                || visibilityHidden.withUnsafeBufferPointer { compact.firstOffset(of: $0) != nil }
        }
    }

    /// Counts of one text node: characters with whitespace runs collapsed (ends trimmed), and commas.
    struct TextCounts {
        var chars = 0
        var commas = 0
        /// A form feed: whitespace here, but not to the metadata scan (`PageScanner.Walk.text(_:blank:)`).
        var hasFormFeed = false
    }

    /// Characters of a UUID in its text form (8-4-4-4-12 hexadecimal digits).
    static let uuidChars = 36

    /// True when element `node`'s `id` holds its whole text as a slug: the letters and digits of the text, in
    /// order, are a run of the id's letters and digits ("Verifying signatures" in `verifying-signatures` or
    /// `user-content-verifying-signatures-1`). Texts shorter than `slugMinChars` letters never match.
    static func isOwnSlug(_ node: Node) -> Bool {
        guard let id = node.attribute("id") else { return false }
        return isSlug(of: node.text, id: id)
    }

    /// `isOwnSlug` on the heading's text and its id.
    static func isSlug(of text: String, id: String) -> Bool {
        if let text = asciiAlphanumerics(text), let id = asciiAlphanumerics(id) {
            guard text.count >= Vocabulary.Threshold.slugMinChars else { return false }
            return id.firstOffset(of: text) != nil
        }
        func alphanumerics(_ text: String) -> String {
            String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }))
        }
        let text = alphanumerics(text)
        guard text.unicodeScalars.count >= Vocabulary.Threshold.slugMinChars else { return false }
        return alphanumerics(id).contains(text)
    }

    /// The letters and digits of ASCII text, lowercased, as `isSlug`'s Unicode path keeps them (in ASCII the
    /// alphabetic scalars are A–Z and a–z, the numeric ones 0–9); nil for text with any other byte.
    static func asciiAlphanumerics(_ text: String) -> [UInt8]? {
        var kept: [UInt8] = []
        kept.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x41 && byte <= 0x5A {
                kept.append(byte + 0x20)
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                kept.append(byte)
            }
        }
        return kept
    }

    /// The most characters a permalink mark's text node holds (`Vocabulary.permalinkMarks`: one mark, between spaces).
    static let permalinkMarkMaxChars: Int32 = 1

    /// True for a text node that is the whole text of a link to a fragment of its own page and is one of
    /// `Vocabulary.permalinkMarks`: the anchor a documentation or blog theme sets after each heading
    /// (`<h2>Options<a class="headerlink" href="#options">¶</a></h2>`).
    static func isPermalinkMark(_ text: Node) -> Bool {
        guard let link = text.parent, link.isElement(named: "a"), text.previousSibling == nil, text.nextSibling == nil,
              let href = link.attribute("href"), href.hasPrefix("#")
        else { return false }
        // Foundation's whitespace set takes in the zero-width space: a mark trimmed to nothing was one.
        let mark = text.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return mark.isEmpty || Vocabulary.permalinkMarks.contains(mark)
    }

    /// True when the text, surrounding whitespace aside, is one UUID: 32 hexadecimal digits in groups of
    /// 8-4-4-4-12 joined by hyphens.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        var position = 0
        while k < bytes.count {
            let b = bytes[k]
            k += 1
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                if position == 0 || position == uuidChars { continue }
                return false
            }
            guard position < uuidChars else { return false }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard b == 0x2D else { return false }
            } else {
                let lower = b | 0x20
                guard (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
            }
            position += 1
        }
        return position == uuidChars
    }

    static func countText(_ bytes: UnsafeBufferPointer<UInt8>) -> TextCounts {
        var counts = TextCounts()
        var pendingSpace = false
        var any = false
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = any
            case 0x0C:
                pendingSpace = any
                counts.hasFormFeed = true
            default:
                if byte & 0xC0 == 0x80 { continue }  // UTF-8 continuation byte
                if pendingSpace { counts.chars += 1; pendingSpace = false }
                counts.chars += 1
                any = true
                if byte == 0x2C { counts.commas += 1 }
            }
        }
        return counts
    }

    // MARK: Copies

    /// This tree with entries of its own, for a stage that scores or flags removals on it while this one stays
    /// as it is (`var copy = tree` would copy the entries on the first write, field by field).
    func copied() -> PageTree {
        var copy = self
        copy.entries = PageTree.blockCopy(entries, capacity: entries.count)
        return copy
    }

    /// `entries` in a new array with room for `capacity`, moved as one block of bytes: an entry is a plain value
    /// (no references to retain), and the array's own copies (on write, on growth) moved it field by field.
    static func blockCopy(_ entries: [Entry], capacity: Int) -> [Entry] {
        precondition(_isPOD(Entry.self), "PageTree.Entry must stay a plain value to be copied as bytes")
        return [Entry](unsafeUninitializedCapacity: max(capacity, entries.count, 1)) { buffer, count in
            entries.withUnsafeBufferPointer { source in
                if let from = source.baseAddress, let to = buffer.baseAddress {
                    UnsafeMutableRawPointer(to).copyMemory(from: from, byteCount: source.count * MemoryLayout<Entry>.stride)
                }
            }
            count = entries.count
        }
    }

    // MARK: Queries

    /// True when `inner` lies in `outer`'s subtree (or is it).
    func contains(_ outer: Int, _ inner: Int) -> Bool {
        inner >= outer && inner < Int(entries[outer].end)
    }

    /// Whether two entries' elements carry a `data-` attribute of the same name with the same non-empty value
    /// (`data-component="text-block"` on both).
    func sharesDataAttribute(_ a: Int, _ b: Int) -> Bool {
        var pairs: [(String, String)] = []
        entries[a].node.forEachAttribute { attribute in
            if attribute.name.count > 5, attribute.name.starts(with: "data-".utf8), let value = attribute.value, !value.isEmpty {
                pairs.append((String(decoding: attribute.name, as: UTF8.self), value))
            }
            return true
        }
        let other = entries[b].node
        return pairs.contains { name, value in other.attribute(name) == value }
    }

    /// Element children of `index`, in order.
    func elementChildren(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = Int(entries[index].firstChild)
        while child >= 0 {
            if entries[child].tag != .text && entries[child].tag != .comment { result.append(child) }
            child = Int(entries[child].nextSibling)
        }
        return result
    }

    /// True when the node or one of its ancestors up to (not including) `stop` is removed.
    func isRemoved(_ index: Int, below stop: Int = -1) -> Bool {
        var cursor = index
        while cursor >= 0 && cursor != stop {
            if entries[cursor].removed { return true }
            cursor = Int(entries[cursor].parent)
        }
        return false
    }

    /// A short selector-like path for explanations: `div.related-posts` or `section#comments`.
    func path(of index: Int) -> String {
        let entry = entries[index]
        var result = entry.node.name
        if let id = entry.node.id, !id.isEmpty { result += "#" + id }
        let classes = entry.node.classNames.prefix(2)
        if !classes.isEmpty { result += "." + classes.joined(separator: ".") }
        return result
    }

    // MARK: Aggregation

    /// Recomputes every aggregate bottom-up in one reverse pass, leaving out removed subtrees.
    ///
    /// Runs several times per page (after each removal stage), so it works on the entries' storage directly
    /// rather than copying entries (each copy retains the node's document).
    mutating func aggregate() {
        let count = entries.count
        var flow = [Int32](repeating: 0, count: count)
        let shortLink = Int32(Vocabulary.Threshold.shortLinkChars)
        let scoringMin = Int32(Vocabulary.Threshold.scoringMinChars)
        // Read once: a static's every access checks its lazy initialisation, here once per entry.
        let blockTags = Vocabulary.blockTags
        entries.withUnsafeMutableBufferPointer { buffer in
            flow.withUnsafeMutableBufferPointer { flowBuffer in
                // Local copies of the buffers (their subscripts' setters do not mutate them): the closure's own
                // `inout` buffers were re-read from memory before every field access.
                let entries = buffer
                let flow = flowBuffer
                for i in 0..<count {
                    let own = entries[i].ownChars
                    entries[i].chars = own
                    entries[i].commas = entries[i].ownCommas
                    entries[i].linkChars = 0
                    entries[i].links = 0
                    entries[i].shortLinks = 0
                    entries[i].paragraphChars = 0
                    entries[i].paragraphs = 0
                    entries[i].inlineChars = 0
                    entries[i].containsBlock = false
                    entries[i].images = 0
                    entries[i].listItems = 0
                    entries[i].headingChars = 0
                    entries[i].proseChars = 0
                    flow[i] = own
                }
                for i in stride(from: count - 1, through: 0, by: -1) {
                    let tag = entries[i].tag
                    switch tag {
                    case .a:
                        entries[i].linkChars = entries[i].chars
                        entries[i].links += 1
                        if entries[i].chars < shortLink { entries[i].shortLinks += 1 }
                    case .p:
                        entries[i].paragraphChars = entries[i].chars
                        entries[i].paragraphs += 1
                    case .img: entries[i].images += 1
                    case .li: entries[i].listItems += 1
                    case .h1, .h2, .h3, .h4, .h5, .h6: entries[i].headingChars = entries[i].chars
                    default: break
                    }
                    let isBlock = blockTags.contains(tag)
                    if isBlock {
                        entries[i].inlineChars = flow[i]
                        if entries[i].inlineChars >= scoringMin
                            && (entries[i].containsBlock || entries[i].linkDensity < Vocabulary.Threshold.proseMaxLinkDensity)
                        {
                            entries[i].proseChars += entries[i].inlineChars
                        }
                    }
                    let parent = Int(entries[i].parent)
                    guard parent >= 0, !entries[i].removed, tag != .comment else { continue }
                    // Adjacent inline runs are joined by a space when the text is rendered; count it.
                    entries[parent].chars += entries[i].chars
                    entries[parent].linkChars += entries[i].linkChars
                    entries[parent].commas += entries[i].commas
                    entries[parent].links += entries[i].links
                    entries[parent].shortLinks += entries[i].shortLinks
                    entries[parent].paragraphChars += entries[i].paragraphChars
                    entries[parent].paragraphs += entries[i].paragraphs
                    entries[parent].images += entries[i].images
                    entries[parent].listItems += entries[i].listItems
                    entries[parent].headingChars += entries[i].headingChars
                    entries[parent].proseChars += entries[i].proseChars
                    if isBlock || entries[i].containsBlock { entries[parent].containsBlock = true }
                    if !isBlock { flow[parent] += flow[i] }
                }
            }
        }
    }
}
