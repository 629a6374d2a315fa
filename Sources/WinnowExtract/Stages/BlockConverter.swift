import Foundation
import WinnowDOM

/// Blocks with their provenance: `sources[k]` is the tree index of the element `blocks[k]` came from (a
/// paragraph of loose text names its container). Provenance lets `explain` mark exactly the nodes the output
/// came from.
struct BlockOutput {
    var blocks: [Block] = []
    var sources: [Int] = []
    /// For a paragraph of loose inline content: the inline elements it was made of (its source is their
    /// container, which may hold other blocks too). Empty for a block made from one element.
    var runs: [[Int]] = []
    /// Elements inside converted parts whose text the conversion leaves out (a figure's text beside its
    /// picture and caption).
    var omitted: [Int] = []
    /// For a list: per item, the nodes of each of its blocks (see `nodes(of:)`); empty for other blocks.
    var items: [[[[Int]]]] = []

    init() {}

    init(blocks: [Block], sources: [Int]) {
        self.blocks = blocks
        self.sources = sources
        runs = Array(repeating: [], count: blocks.count)
        items = Array(repeating: [], count: blocks.count)
    }

    mutating func append(_ block: Block, from source: Int, run: [Int] = [], items itemNodes: [[[Int]]] = []) {
        blocks.append(block)
        sources.append(source)
        runs.append(run)
        items.append(itemNodes)
    }

    /// Appends block `k` of `other` with its provenance.
    mutating func append(_ block: Block, from other: BlockOutput, at k: Int) {
        append(block, from: other.sources[k], run: other.runs[k], items: other.items[k])
    }

    /// `input` rebuilt block by block: a list has each item cut down by `listItem` (see `appendFilteredList`),
    /// any other block goes when `drop` says so. Returns `input` itself when nothing changed.
    static func filtered(
        _ input: BlockOutput, drop: (_ block: Block, _ k: Int) -> Bool,
        listItem: (_ item: [Block], _ nodes: [[Int]]) -> (blocks: [Block], nodes: [[Int]])
    ) -> BlockOutput {
        var out = BlockOutput()
        out.omitted = input.omitted
        var changed = false
        for (k, block) in input.blocks.enumerated() {
            if case .list(let ordered, let items) = block {
                if out.appendFilteredList(from: input, at: k, ordered: ordered, items: items, filter: listItem) {
                    changed = true
                    continue
                }
            } else if drop(block, k) {
                changed = true
                continue
            }
            out.append(block, from: input, at: k)
        }
        return changed ? out : input
    }

    /// Appends list block `k` of `other` with each item cut down to what `filter` returns of it (its kept blocks
    /// and their nodes, see `keptBlocks`): an item left empty goes, and a list left empty goes whole. Returns
    /// false, appending nothing, when no item lost a block (the caller then keeps the block as it is).
    mutating func appendFilteredList(
        from other: BlockOutput, at k: Int, ordered: Bool, items: [[Block]],
        filter: (_ item: [Block], _ nodes: [[Int]]) -> (blocks: [Block], nodes: [[Int]])
    ) -> Bool {
        let itemNodes = other.items[k]
        var kept: [[Block]] = []
        var keptNodes: [[[Int]]] = []
        var changed = false
        for (i, item) in items.enumerated() {
            let result = filter(item, itemNodes.indices.contains(i) ? itemNodes[i] : [])
            if result.blocks.count < item.count { changed = true }
            if result.blocks.isEmpty { continue }
            kept.append(result.blocks)
            keptNodes.append(result.nodes)
        }
        guard changed else { return false }
        if !kept.isEmpty {
            append(.list(ordered: ordered, items: kept), from: other.sources[k], run: other.runs[k],
                   items: itemNodes.isEmpty ? [] : keptNodes)
        }
        return true
    }

    /// The blocks of one list item that `keep` accepts, with their nodes (none when the item has no node record).
    static func keptBlocks(
        of item: [Block], nodes: [[Int]], keep: (_ block: Block, _ nodes: [Int]) -> Bool
    ) -> (blocks: [Block], nodes: [[Int]]) {
        var blocks: [Block] = []
        var blockNodes: [[Int]] = []
        for (j, inner) in item.enumerated() {
            let innerNodes = nodes.indices.contains(j) ? nodes[j] : []
            guard keep(inner, innerNodes) else { continue }
            blocks.append(inner)
            if !nodes.isEmpty { blockNodes.append(innerNodes) }
        }
        return (blocks, blockNodes)
    }

    mutating func removeLast() {
        blocks.removeLast()
        sources.removeLast()
        runs.removeLast()
        items.removeLast()
    }

    /// The nodes a block's text came from, to mark when the block is dropped: its run's elements when it is a
    /// run of loose inline content, else its source.
    func nodes(of k: Int) -> [Int] {
        runs[k].isEmpty ? [sources[k]] : runs[k]
    }
}

/// Stage: turns the kept part of the tree into `Block`s — headings, paragraphs (text in `<div>`s included),
/// lists, quotes, verbatim code, data tables (layout tables are flattened), figures. Removed nodes are skipped.
struct BlockConverter {
    let tree: PageTree
    let mode: ExtractionMode
    let baseURL: URL?
    /// Block nesting deeper than this is flattened into one paragraph (hostile pages nest thousands deep).
    static let maxDepth = ExtractionLimits.blockDepth
    /// Inline nesting deeper than this is plain text.
    static let maxInlineDepth = ExtractionLimits.inlineDepth

    /// Whether runs' and list items' nodes are recorded (for `explain`; block sources always are).
    let provenance: Bool

    init(tree: PageTree, mode: ExtractionMode, url: String?, provenance: Bool = false) {
        self.tree = tree
        self.mode = mode
        self.baseURL = url.flatMap { URL(string: $0) }
        self.provenance = provenance
    }

    /// The blocks of the given roots, in order.
    func blocks(of roots: [Int]) -> [Block] {
        sourcedBlocks(of: roots).blocks
    }

    /// The blocks of the given roots, in order, each with the tree index of the element it came from.
    func sourcedBlocks(of roots: [Int]) -> BlockOutput {
        var out = BlockOutput()
        for root in roots { emitBlock(root, into: &out, depth: 0) }
        return out
    }

    // MARK: Blocks

    /// Walks a container: inline runs become paragraphs, block children are emitted in order.
    func containerBlocks(_ index: Int, into out: inout BlockOutput, depth: Int) {
        var pending: [Inline] = []
        // The run's inline elements; nil once it holds loose text, which no element can stand for. Tracked with
        // or without provenance: a paragraph of one inline element takes it as its source, which later stages
        // read (decisions must not depend on `explain`); only runs of several are kept for `explain` alone.
        var run: [Int]? = []
        var child = Int(tree.entries[index].firstChild)
        var afterElement = false
        while child >= 0 {
            let e = tree.entries[child]
            defer { child = Int(e.nextSibling) }
            if e.removed || e.tag == .comment { continue }
            if e.tag == .text {
                pending.append(.text(e.node.withOwnTextBytes(InlineText.collapse(bytes:))))
                if e.ownChars > 0 { run = nil }
                afterElement = false
            } else if e.tag == .img && InlineText.normalize(pending).isEmpty {
                // An image standing between blocks (not inside a line of text) is a figure of its own.
                pending.removeAll(keepingCapacity: true)
                run = []
                if let figure = imageFigure(child) { out.append(.figure(figure), from: child) }
            } else if e.tag == .br && endsWithLineBreak(pending) {
                // A blank line (`<br><br>`) in a container's loose text parts two paragraphs, as a browser shows it.
                flush(&pending, into: &out, from: index, run: run ?? [])
                run = []
                afterElement = false
            } else if !e.tag.isBlock && (!e.containsBlock || depth >= BlockConverter.maxDepth) {
                if afterElement && separates(pending, child) { pending.append(.text(" ")) }
                appendInline(child, into: &pending, depth: depth + 1)
                run?.append(child)
                afterElement = e.chars >= 2
            } else {
                afterElement = false
                flush(&pending, into: &out, from: index, run: run ?? [])
                run = []
                // A block past `maxDepth` is flattened by `emitBlock`; only inline wrappers of blocks (still
                // above `maxDepth`, see the branch above) are walked as containers.
                if e.tag.isBlock {
                    emitBlock(child, into: &out, depth: depth + 1)
                } else {
                    containerBlocks(child, into: &out, depth: depth + 1)
                }
            }
        }
        flush(&pending, into: &out, from: index, run: run ?? [])
    }

    /// Whether `pending` ends with a line break, maybe followed by blank text.
    private func endsWithLineBreak(_ pending: [Inline]) -> Bool {
        for inline in pending.reversed() {
            switch inline {
            case .lineBreak: return true
            case .text(let text) where text.utf8.allSatisfy({ $0 == 0x20 }): continue
            default: return false
            }
        }
        return false
    }

    private func flush(_ pending: inout [Inline], into out: inout BlockOutput, from index: Int, run: [Int]) {
        guard !pending.isEmpty else { return }
        // The inlines are handed over whole and `pending` starts a fresh buffer of the same size, so normalizing
        // edits them in place instead of copying them while `pending` still holds them.
        let inlines = pending
        pending.removeAll(keepingCapacity: true)
        let content = InlineText.normalize(inlines)
        if !content.isEmpty {
            out.append(.paragraph(content), from: run.count == 1 ? run[0] : index, run: provenance && run.count > 1 ? run : [])
        }
    }

    /// Emits one block element.
    func emitBlock(_ index: Int, into out: inout BlockOutput, depth: Int) {
        let e = tree.entries[index]
        if e.removed { return }
        if e.tag == .text {
            let content = InlineText.normalize([.text(e.node.withOwnTextBytes(InlineText.collapse(bytes:)))])
            if !content.isEmpty { out.append(.paragraph(content), from: index) }
            return
        }
        if depth >= BlockConverter.maxDepth {
            let content = InlineText.normalize(flatInlines(index, depth: depth))
            if !content.isEmpty { out.append(.paragraph(content), from: index) }
            return
        }
        if let level = e.tag.headingLevel {
            let content = InlineText.normalize(flatInlines(index, depth: depth))
            if !content.isEmpty { out.append(.heading(level: level, content: content), from: index) }
            return
        }
        switch e.tag {
        case .p:
            if e.containsBlock {
                containerBlocks(index, into: &out, depth: depth)
            } else {
                let content = InlineText.normalize(inlines(of: index, depth: depth))
                if !content.isEmpty { out.append(.paragraph(content), from: index) }
            }
        case .ul, .ol:
            emitList(index, into: &out, depth: depth)
        case .blockquote:
            emitQuote(index, into: &out, depth: depth)
        case .pre:
            let text = InlineText.verbatim(keptText(index))
            if !text.isEmpty { out.append(.code(text: text, language: codeLanguage(index)), from: index) }
        case .table:
            if TableShape.isDataTable(tree, index) {
                let table = dataTable(index, depth: depth)
                if !table.rows.isEmpty { out.append(.table(table), from: index) }
            } else {
                containerBlocks(index, into: &out, depth: depth)
            }
        case .figure:
            emitFigure(index, into: &out, depth: depth)
        case .hr, .br:
            return
        default:
            if e.categories.contains(.tableRole) {
                let table = roleTable(index, depth: depth)
                if table.rows.count >= Vocabulary.Threshold.roleTableMinRows {
                    out.append(.table(table), from: index)
                    return
                }
            }
            containerBlocks(index, into: &out, depth: depth)
        }
    }

    /// A list: each item's blocks, with their nodes. (Its own function: the recursion through `emitBlock` keeps a
    /// small frame, and nesting to `maxDepth` fits a 1 MiB stack.)
    private func emitList(_ index: Int, into out: inout BlockOutput, depth: Int) {
        let e = tree.entries[index]
        var items: [[Block]] = []
        var itemNodes: [[[Int]]] = []
        var child = Int(e.firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if !c.removed && c.tag != .comment {
                var item = BlockOutput()
                if c.tag == .text {
                    emitBlock(child, into: &item, depth: depth + 1)
                } else if c.tag == .li {
                    containerBlocks(child, into: &item, depth: depth + 1)
                } else {
                    emitBlock(child, into: &item, depth: depth + 1)
                }
                out.omitted += item.omitted
                if !item.blocks.isEmpty {
                    items.append(item.blocks)
                    if provenance { itemNodes.append(item.blocks.indices.map(item.nodes(of:))) }
                }
            }
            child = Int(c.nextSibling)
        }
        if !items.isEmpty { out.append(.list(ordered: e.tag == .ol, items: items), from: index, items: itemNodes) }
    }

    /// A quote of the blocks inside it.
    private func emitQuote(_ index: Int, into out: inout BlockOutput, depth: Int) {
        var inner = BlockOutput()
        containerBlocks(index, into: &inner, depth: depth)
        out.omitted += inner.omitted
        if !inner.blocks.isEmpty { out.append(.quote(inner.blocks), from: index) }
    }

    private func emitFigure(_ index: Int, into out: inout BlockOutput, depth: Int) {
        var image: Int?
        var caption: Int?
        var other = false
        for i in (index + 1)..<Int(tree.entries[index].end) where !tree.entries[i].removed {
            switch tree.entries[i].tag {
            case .img: if image == nil { image = i }
            case .figcaption: if caption == nil { caption = i }
            case .table, .pre, .p, .ul, .ol, .blockquote: other = true
            default: break
            }
        }
        if other {
            containerBlocks(index, into: &out, depth: depth)
            return
        }
        // Text beside the picture and its caption (a credit line, a "view larger" label) is not converted.
        markOmitted(in: index, keeping: [image, caption].compactMap { $0 }, into: &out)
        var figure = Figure()
        if let image, let picture = imageFigure(image) { figure = picture }
        if let caption { figure.caption = InlineText.normalize(flatInlines(caption, depth: depth)) }
        if figure.source != nil || !figure.caption.isEmpty { out.append(.figure(figure), from: index) }
    }

    /// The text of `index`'s subtree without its removed parts (a `<style>` inside a code widget).
    func keptText(_ index: Int) -> String {
        var text = ""
        var i = index + 1
        while i < Int(tree.entries[index].end) {
            let e = tree.entries[i]
            if e.removed {
                i = Int(e.end)
                continue
            }
            if e.tag == .text { text += e.node.text }
            // A `<br>` in preformatted text is a line break: CMS editors that store code as HTML write its lines so.
            if e.tag == .br { text += "\n" }
            i += 1
        }
        return text
    }

    /// Records the outermost elements under `index` that hold text and neither are nor contain `kept`.
    private func markOmitted(in index: Int, keeping kept: [Int], into out: inout BlockOutput) {
        var child = Int(tree.entries[index].firstChild)
        while child >= 0 {
            let c = tree.entries[child]
            if !c.removed && c.node.isElement && !kept.contains(child) && c.chars > 0 {
                if kept.contains(where: { $0 > child && $0 < Int(c.end) }) {
                    markOmitted(in: child, keeping: kept, into: &out)
                } else {
                    out.omitted.append(child)
                }
            }
            child = Int(c.nextSibling)
        }
    }

    /// An `<img>` as a figure without caption. Lazy-loaded images name their source in `data-src` (their
    /// `src`, if any, is a `data:` placeholder); tracking pixels (width or height 0 or 1) are no picture.
    private func imageFigure(_ index: Int) -> Figure? {
        let node = tree.entries[index].node
        if ["0", "1"].contains(node.attribute("width")) || ["0", "1"].contains(node.attribute("height")) { return nil }
        var source = node.attribute("src") ?? ""
        if source.isEmpty || source.hasPrefix("data:") {
            source = node.attribute("data-src") ?? node.attribute("data-lazy-src") ?? node.attribute("data-original") ?? ""
        }
        guard !source.isEmpty, !source.hasPrefix("data:") else { return nil }
        var figure = Figure()
        figure.source = resolve(source)
        figure.alt = node.attribute("alt")
        return figure
    }

    private func codeLanguage(_ index: Int) -> String? {
        var candidates = [tree.entries[index].node]
        if let first = tree.elementChildren(of: index).first, tree.entries[first].tag == .code {
            candidates.append(tree.entries[first].node)
        }
        for node in candidates {
            for token in node.classNames {
                for prefix in Vocabulary.codeLanguagePrefixes where token.hasPrefix(prefix) {
                    let language = token.dropFirst(prefix.count)
                    if !language.isEmpty { return String(language) }
                }
            }
        }
        return nil
    }

    // MARK: Tables

    private func dataTable(_ index: Int, depth: Int) -> Table {
        var table = Table(rows: [])
        // Cells outside any `<tr>`: pages that close rows with `</tr>` but never open them (a browser implies the
        // `<tr>`; libxml2 leaves the cells loose). They are cut into rows as wide as the table's explicit rows.
        var loose: [TableCell] = []
        var width = 0
        func cell(_ i: Int) -> TableCell {
            TableCell(isHeader: tree.entries[i].tag == .th, content: InlineText.normalize(flatInlines(i, depth: depth)))
        }
        for i in (index + 1)..<Int(tree.entries[index].end) {
            let e = tree.entries[i]
            if e.removed { continue }
            if e.tag == .caption && table.caption.isEmpty {
                table.caption = InlineText.normalize(flatInlines(i, depth: depth))
            }
            if (e.tag == .td || e.tag == .th) && tree.entries[Int(e.parent)].tag != .tr
                && TableShape.owningTable(tree, i) == index {
                loose.append(cell(i))
                continue
            }
            guard e.tag == .tr, TableShape.owningTable(tree, i) == index else { continue }
            var row: [TableCell] = []
            for child in tree.elementChildren(of: i) where !tree.entries[child].removed {
                let tag = tree.entries[child].tag
                guard tag == .td || tag == .th else { continue }
                let made = cell(child)
                row.append(made)
                // A cell spanning columns ("Matches" over P, W, D, L) is followed by empty cells for the columns it
                // covers, so that the cells below line up under it in Markdown and JSON.
                let span = tree.entries[child].node.attribute("colspan").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1
                if span > 1 {
                    let extra = min(span, Vocabulary.Threshold.tableMaxColspan) - 1
                    row.append(contentsOf: repeatElement(TableCell(isHeader: made.isHeader, content: []), count: extra))
                }
            }
            width = max(width, row.count)
            if row.contains(where: { !$0.content.isEmpty }) { table.rows.append(row) }
        }
        if !loose.isEmpty {
            let step = width > 0 ? width : loose.count
            for start in stride(from: 0, to: loose.count, by: step) {
                let row = Array(loose[start..<min(start + step, loose.count)])
                if row.contains(where: { !$0.content.isEmpty }) { table.rows.append(row) }
            }
        }
        return table
    }

    /// A table made of `role` attributes: each `role="row"` a row, each cell or header role below it a cell
    /// (the text of elements between the cells, if any, is left out, as a `<table>`'s loose text is).
    private func roleTable(_ index: Int, depth: Int) -> Table {
        var table = Table(rows: [])
        var row: [TableCell] = []
        func finishRow() {
            if row.contains(where: { !$0.content.isEmpty }) { table.rows.append(row) }
            row = []
        }
        var i = index + 1
        let end = Int(tree.entries[index].end)
        while i < end {
            let e = tree.entries[i]
            guard !e.removed, e.tag != .text, let role = e.node.attribute("role")?.lowercased() else {
                i = e.removed ? Int(e.end) : i + 1
                continue
            }
            if role == Vocabulary.tableRowRole {
                finishRow()
            } else if Vocabulary.tableCellRoles.contains(role) || Vocabulary.tableHeaderRoles.contains(role) {
                let content = InlineText.normalize(flatInlines(i, depth: depth))
                row.append(TableCell(isHeader: Vocabulary.tableHeaderRoles.contains(role), content: content))
                i = Int(e.end)
                continue
            }
            i += 1
        }
        finishRow()
        return table
    }

    // MARK: Inlines

    /// The inline content of an element with no block children.
    func inlines(of index: Int, depth: Int) -> [Inline] {
        inlines(of: index, depth: depth, flattenBlocks: false)
    }

    /// Everything below an element as inlines; block children are separated by spaces (headings, cells).
    func flatInlines(_ index: Int, depth: Int) -> [Inline] {
        if depth > BlockConverter.maxInlineDepth {
            return [.text(InlineText.collapse(tree.entries[index].node.text))]
        }
        return inlines(of: index, depth: depth, flattenBlocks: true)
    }

    /// The children of an element as inlines: text collapsed, inline elements converted (a space between two
    /// where the page shows one); with `flattenBlocks`, block children are flattened between spaces.
    private func inlines(of index: Int, depth: Int, flattenBlocks: Bool) -> [Inline] {
        var result: [Inline] = []
        var child = Int(tree.entries[index].firstChild)
        var afterElement = false
        while child >= 0 {
            let e = tree.entries[child]
            if !e.removed {
                if e.tag == .text {
                    result.append(.text(e.node.withOwnTextBytes(InlineText.collapse(bytes:))))
                    afterElement = false
                } else if flattenBlocks && e.tag.isBlock {
                    result.append(.text(" "))
                    result.append(contentsOf: flatInlines(child, depth: depth + 1))
                    result.append(.text(" "))
                } else if e.tag != .comment {
                    if afterElement && separates(result, child) { result.append(.text(" ")) }
                    appendInline(child, into: &result, depth: depth + 1)
                    afterElement = e.chars >= 2
                }
            }
            child = Int(e.nextSibling)
        }
        return result
    }

    /// Appends one inline element (formatting kept for links, emphasis, strong, code).
    func appendInline(_ index: Int, into result: inout [Inline], depth: Int) {
        let e = tree.entries[index]
        if depth > BlockConverter.maxInlineDepth {
            result.append(.text(InlineText.collapse(e.node.text)))
            return
        }
        switch e.tag {
        case .br:
            result.append(.lineBreak)
        case .img:
            return
        case .wbr:
            // A void element, but libxml2 2.9 does not know it and puts the text after it inside it.
            result.append(contentsOf: inlines(of: index, depth: depth))
        case .a:
            let content = e.containsBlock ? flatInlines(index, depth: depth) : inlines(of: index, depth: depth)
            if let href = e.node.attribute("href"), !href.isEmpty, !href.hasPrefix("#"),
                !href.lowercased().hasPrefix("javascript:")
            {
                result.append(.link(href: resolve(href), content: content))
            } else {
                result.append(contentsOf: content)
            }
        case .em, .i:
            result.append(.emphasis(inlines(of: index, depth: depth)))
        case .strong, .b:
            result.append(.strong(inlines(of: index, depth: depth)))
        case .code, .kbd, .samp, .tt:
            result.append(.code(InlineText.collapse(e.node.text)))
        default:
            if e.tag.isBlock || e.containsBlock {
                result.append(.text(" "))
                result.append(contentsOf: flatInlines(index, depth: depth))
                result.append(.text(" "))
            } else {
                result.append(contentsOf: inlines(of: index, depth: depth))
            }
        }
    }

    /// Two inline elements with nothing between them are two labels when a word ends the first and a word
    /// starts the second ("Merrell" "Moab 3" in a shop tile: CSS lays them out as lines). A drop cap ("I" "f")
    /// is excluded by the caller (the first element must hold two characters or more), and so is a link or
    /// bracket that punctuation joins (`[edit]`) or any non-ASCII script, which may not use spaces at all.
    func separates(_ rendered: [Inline], _ next: Int) -> Bool {
        guard let last = BlockConverter.lastByte(of: rendered), BlockConverter.isWordByte(last) else { return false }
        let e = tree.entries[next]
        var j = next + 1
        while j < Int(e.end) {
            let d = tree.entries[j]
            if d.removed {
                j = Int(d.end)
                continue
            }
            if d.tag == .text && d.ownChars > 0 {
                let first = d.node.withOwnTextBytes { bytes in bytes.first { $0 > 0x20 } }
                guard let first else { return false }
                return BlockConverter.isWordByte(first)
            }
            j += 1
        }
        return false
    }

    /// An ASCII letter or digit.
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The last byte of rendered inlines, nil when they end in a line break or space.
    static func lastByte(of inlines: [Inline]) -> UInt8? {
        guard let last = inlines.last else { return nil }
        switch last {
        case .text(let text): return text.utf8.last
        case .code(let text): return text.utf8.last
        case .link(_, let content), .emphasis(let content), .strong(let content): return lastByte(of: content)
        case .lineBreak: return nil
        }
    }

    /// An absolute URL for `href` when the page URL is known.
    func resolve(_ href: String) -> String {
        let trimmed = BlockConverter.needsTrimming(href) ? href.trimmingCharacters(in: .whitespacesAndNewlines) : href
        guard let baseURL, let absolute = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
        return absolute.absoluteString
    }
}

extension BlockConverter {
    /// False when the first and last bytes are visible ASCII: then `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` (slow in Foundation) cannot change the string.
    static func needsTrimming(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return !(first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F)
    }
}

/// Readability's data-table test: data tables are kept as tables, layout tables are flattened into blocks.
enum TableShape {
    static func isDataTable(_ tree: PageTree, _ index: Int) -> Bool {
        let node = tree.entries[index].node
        if let role = node.attribute("role")?.lowercased(), role == "presentation" || role == "none" { return false }
        if node.attribute("datatable") == "0" { return false }
        if node.attribute("summary") != nil { return true }
        var rows = 0
        var columns = 0
        for i in (index + 1)..<Int(tree.entries[index].end) {
            switch tree.entries[i].tag {
            case .table: return false
            case .caption, .thead, .tfoot, .colgroup, .col, .th: return true
            case .tr:
                rows += 1
                let cells = tree.elementChildren(of: i).filter {
                    tree.entries[$0].tag == .td || tree.entries[$0].tag == .th
                }.count
                columns = max(columns, cells)
            default: break
            }
        }
        if rows == 1 && columns >= Vocabulary.Threshold.dataTableMinColumns && isHeaderStrip(tree, index) { return true }
        if rows <= 1 || columns <= 1 { return false }
        let t = Vocabulary.Threshold.self
        if rows >= t.dataTableShapeMinRows || columns > t.dataTableShapeMaxColumns { return true }
        return rows * columns > t.dataTableShapeMinCells
    }

    /// A one-row table of short cells ("Pos Team P W D L Pts"): a data table's header row set as a table of its
    /// own above the rows, kept as a row rather than flattened into one paragraph per cell.
    static func isHeaderStrip(_ tree: PageTree, _ index: Int) -> Bool {
        for i in (index + 1)..<Int(tree.entries[index].end) {
            let e = tree.entries[i]
            if e.tag == .td || e.tag == .th {
                if e.chars > Int32(Vocabulary.Threshold.dataCellMaxChars) || e.containsBlock { return false }
            }
        }
        return true
    }

    /// The nearest enclosing table of a row.
    static func owningTable(_ tree: PageTree, _ row: Int) -> Int? {
        var cursor = Int(tree.entries[row].parent)
        while cursor >= 0 {
            if tree.entries[cursor].tag == .table { return cursor }
            cursor = Int(tree.entries[cursor].parent)
        }
        return nil
    }
}
