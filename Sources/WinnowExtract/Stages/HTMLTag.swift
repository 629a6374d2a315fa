import WinnowDOM

/// The tags the content stages reason about, as a compact value (no string compares in the hot path).
enum HTMLTag: UInt8, Sendable {
    case text, comment, unknownInline, unknownBlock
    case html, head, body, title, meta, link
    case div, section, article, main, header, footer, nav, aside, center, details, summary, address
    case p, span, a, em, i, strong, b, u, code, kbd, samp, tt, pre, blockquote, q, br, hr, wbr
    case ul, ol, li, dl, dt, dd, menu
    case h1, h2, h3, h4, h5, h6
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case figure, figcaption, img, picture, source
    case script, style, noscript, template, iframe, svg, canvas, object, embed, math, map, area
    case button, input, select, textarea, option, form, label, fieldset, legend, dialog
    case video, audio, time, sup, sub, small, mark, abbr, cite, s, del, ins, font, big

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        let named: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .div, .section, .article, .main, .header, .footer, .nav,
            .aside, .center, .details, .summary, .address, .p, .span, .a, .em, .i, .strong, .b, .u, .code, .kbd,
            .samp, .tt, .pre, .blockquote, .q, .br, .hr, .wbr, .ul, .ol, .li, .dl, .dt, .dd, .menu, .h1, .h2,
            .h3, .h4, .h5, .h6, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .colgroup, .col,
            .figure, .figcaption, .img, .picture, .source, .script, .style, .noscript, .template, .iframe, .svg,
            .canvas, .object, .embed, .math, .map, .area, .button, .input, .select, .textarea, .option, .form,
            .label, .fieldset, .legend, .dialog, .video, .audio, .time, .sup, .sub, .small, .mark, .abbr, .cite,
            .s, .del, .ins, .font, .big,
        ]
        for tag in named { table[String(describing: tag)] = tag }
        // Block-level HTML5 elements the stages treat like a div.
        for name in ["hgroup", "search", "frameset", "noframes", "listing", "xmp", "plaintext", "output"] {
            table[name] = .unknownBlock
        }
        table["strike"] = .s
        return table
    }()

    /// The tag for a lowercase element name; unknown names are inline (custom elements behave like spans).
    static func named(_ name: String) -> HTMLTag { byName[name] ?? .unknownInline }

    /// True for elements that start a block of text.
    var isBlock: Bool { HTMLTag.blockMask.contains(self) }

    private static let blockMask = Vocabulary.blockTags

    /// Heading level 1–6, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }
}

/// A set of tags as a 256-bit mask (tag raw values are bytes): membership is a shift and a test. The stages test
/// tag membership for every node in every pass, where hashing into a `Set` showed up in profiles.
struct TagMask: Sendable, ExpressibleByArrayLiteral {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init<S: Sequence>(_ tags: S) where S.Element == HTMLTag {
        for tag in tags {
            let bit = UInt64(1) << UInt64(tag.rawValue & 63)
            switch tag.rawValue >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }
    }

    init(arrayLiteral tags: HTMLTag...) { self.init(tags) }

    var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    func isDisjoint(with other: TagMask) -> Bool {
        words.0 & other.words.0 | words.1 & other.words.1 | words.2 & other.words.2 | words.3 & other.words.3 == 0
    }

    func contains(_ tag: HTMLTag) -> Bool {
        let bit = UInt64(1) << UInt64(tag.rawValue & 63)
        switch tag.rawValue >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}

/// What an element's class, id, role and itemprop say it is. A bitmask so a node can be several things.
struct Category: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let articleBody = Category(rawValue: 1 << 0)
    static let hidden = Category(rawValue: 1 << 1)
    static let consent = Category(rawValue: 1 << 2)
    static let comments = Category(rawValue: 1 << 3)
    static let authorBio = Category(rawValue: 1 << 4)
    static let modal = Category(rawValue: 1 << 5)
    static let toc = Category(rawValue: 1 << 6)
    static let infinite = Category(rawValue: 1 << 7)
    static let share = Category(rawValue: 1 << 8)
    static let newsletter = Category(rawValue: 1 << 9)
    static let navigation = Category(rawValue: 1 << 10)
    static let sidebar = Category(rawValue: 1 << 11)
    static let related = Category(rawValue: 1 << 12)
    static let ads = Category(rawValue: 1 << 13)
    static let tags = Category(rawValue: 1 << 14)
    static let byline = Category(rawValue: 1 << 15)
    static let footer = Category(rawValue: 1 << 16)
    static let header = Category(rawValue: 1 << 17)
    static let caption = Category(rawValue: 1 << 18)
    static let print = Category(rawValue: 1 << 19)
    /// Set from role=navigation etc. (not from class words).
    static let chromeRole = Category(rawValue: 1 << 20)
    /// Readability's positive class words (content, article, post...): raise the score, never prune.
    static let positive = Category(rawValue: 1 << 21)
    /// Generic content-area class names (`main-content`, `content`): a weaker anchor than `articleBody`.
    static let contentArea = Category(rawValue: 1 << 22)
    /// Set from widget roles (button, slider, progressbar...): controls, removed when small.
    static let widgetRole = Category(rawValue: 1 << 23)
    /// Embedded media players: their text is controls, settings menus and playlist titles.
    static let media = Category(rawValue: 1 << 24)
    /// Galleries and slideshows: chaff only when they hold many images (see `galleryMinImages`).
    static let gallery = Category(rawValue: 1 << 25)
    /// Accordion, FAQ and collapsible panels: hidden until clicked, but content (the FAQ's answers).
    static let disclosure = Category(rawValue: 1 << 26)
    /// Customer reviews and ratings widgets: chaff on a product page (the page's own copy is the content).
    static let reviews = Category(rawValue: 1 << 27)
    /// A microdata item of a person (`itemtype` schema.org/Person): a name, or with a biography an author box.
    static let person = Category(rawValue: 1 << 28)
    /// A table built of `role` attributes (`role="table"` or `"grid"` over `role="row"` and `role="cell"`): data
    /// in rows and columns, like a `<table>`.
    static let tableRole = Category(rawValue: 1 << 29)
    // Bits 30 and 31 are never categories: `CategoryMatcher` keeps two part flags there.

    /// Every named category, for diagnostics and the vocabulary self-check.
    static let named: [(name: String, category: Category)] = [
        ("articleBody", .articleBody), ("hidden", .hidden), ("consent", .consent), ("comments", .comments),
        ("authorBio", .authorBio), ("modal", .modal), ("toc", .toc), ("infinite", .infinite), ("share", .share),
        ("newsletter", .newsletter), ("navigation", .navigation), ("sidebar", .sidebar), ("related", .related),
        ("ads", .ads), ("tags", .tags), ("byline", .byline), ("footer", .footer), ("header", .header),
        ("caption", .caption), ("print", .print), ("chromeRole", .chromeRole), ("positive", .positive), ("contentArea", .contentArea), ("widgetRole", .widgetRole),
        ("media", .media), ("gallery", .gallery), ("disclosure", .disclosure), ("reviews", .reviews),
        ("person", .person),
    ]

    /// Names of the categories in this set, e.g. "related+ads".
    var label: String {
        Category.named.filter { contains($0.category) }.map(\.name).joined(separator: "+")
    }
}

/// A per-walk memo from element name to a value (tag kind, scan action): names of up to 8 bytes are looked up
/// by `Node.shortNameKey` in an open-addressing table, so the common case builds no String and hashes no
/// String; longer names go through a String dictionary.
struct TagNameTable<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var count = 0
    private var long: [String: Value] = [:]

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
    }

    /// The memoised value for the element's name, computing it from the name on first sight.
    mutating func value(for node: Node, compute: (String) -> Value) -> Value {
        guard let key = node.shortNameKey else {
            let name = node.name
            if let value = long[name] { return value }
            let value = compute(name)
            long[name] = value
            return value
        }
        let mask = keys.count - 1
        var slot = TagNameTable.slot(key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key, let value = values[slot] { return value }
            if stored == 0 { break }
            slot = (slot + 1) & mask
        }
        let value = compute(node.name)
        if (count + 1) * 2 > keys.count { grow() }
        insert(key, value)
        return value
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private mutating func insert(_ key: UInt64, _ value: Value) {
        let mask = keys.count - 1
        var slot = TagNameTable.slot(key, mask: mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            if let value { insert(key, value) }
        }
    }
}
