import WinnowDOM

/// Collection pages of a shop: the content is the grid of product tiles (name, price), which the text rules
/// cannot find because a tile holds a few words in links and spans and no sentence. A tile is told by its
/// price: the grid is the parent with the most children that each show one to a few prices.
enum ProductGrid {
    /// The tiles in document order, or an empty array when no parent has `gridMinTiles` priced children.
    static func tiles(_ tree: PageTree) -> [Int] {
        tiles(tree, inHidden: hiddenScopes(tree))
    }

    /// `tiles` with the page's `hiddenScopes` already computed.
    static func tiles(_ tree: PageTree, inHidden: [Bool]) -> [Int] {
        let prices = priceCounts(tree, inHidden: inHidden)
        let t = Vocabulary.PageTypeThreshold.self
        var bestParent = -1
        var bestTiles = 0
        var bestChars: Int32 = 0
        var i = 0
        while i < tree.entries.count {
            let e = tree.entries[i]
            if e.removed { i = Int(e.end); continue }
            if prices[i] >= Int32(t.gridMinTiles), e.tag != .text {
                var tiles = 0
                var child = Int(e.firstChild)
                while child >= 0 {
                    if isTile(tree.entries[child], prices: prices[child]) { tiles += 1 }
                    child = Int(tree.entries[child].nextSibling)
                }
                if tiles > bestTiles || (tiles == bestTiles && e.chars > bestChars) {
                    bestParent = i
                    bestTiles = tiles
                    bestChars = e.chars
                }
            }
            i += 1
        }
        guard bestParent >= 0, bestTiles >= t.gridMinTiles else { return [] }
        var out: [Int] = []
        var child = Int(tree.entries[bestParent].firstChild)
        while child >= 0 {
            if isTile(tree.entries[child], prices: prices[child]) { out.append(child) }
            child = Int(tree.entries[child].nextSibling)
        }
        return out
    }

    /// The tiles of every grid of links to other products on the page, outermost grids only, in document order:
    /// on a single product's page such a priced grid is related, viewed or sponsored products, never the
    /// product's own copy.
    static func allTiles(_ tree: PageTree) -> [Int] {
        let prices = priceCounts(tree, inHidden: hiddenScopes(tree))
        let minTiles = Int32(Vocabulary.PageTypeThreshold.gridMinTiles)
        var out: [Int] = []
        var i = 0
        while i < tree.entries.count {
            let e = tree.entries[i]
            if e.removed || e.tag == .text { i = Int(max(e.end, Int32(i + 1))); continue }
            if prices[i] >= minTiles {
                var tiles: [Int] = []
                var child = Int(e.firstChild)
                while child >= 0 {
                    if isTile(tree.entries[child], prices: prices[child]) { tiles.append(child) }
                    child = Int(tree.entries[child].nextSibling)
                }
                if tiles.count >= Int(minTiles) && linksAway(tree, tiles) {
                    out += tiles
                    // The grid's subtree holds no second grid worth telling apart.
                    i = Int(e.end)
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Tiles that are mostly links lead to other products' pages; a product's own pricing plans or variants are
    /// mostly text (features, a short "Choose" link). Tiles that each hold a link (often only around the
    /// picture, the name being a heading beside it), are short and list no features lead away too.
    static func linksAway(_ tree: PageTree, _ tiles: [Int]) -> Bool {
        let t = Vocabulary.PageTypeThreshold.self
        var chars = 0
        var linkChars = 0
        var linkedCards = true
        for tile in tiles {
            let e = tree.entries[tile]
            chars += Int(e.chars)
            linkChars += Int(e.linkChars)
            let ownItem: Int32 = e.tag == .li ? 1 : 0
            if e.links == 0 || e.listItems > ownItem { linkedCards = false }
        }
        if Double(linkChars) >= t.relatedTileMinLinkShare * Double(max(chars, 1)) { return true }
        return linkedCards && chars <= t.relatedCardMaxChars * tiles.count
    }

    /// Flags every priced grid's tiles removed (a single product's page: they are other products) and
    /// re-aggregates when any went.
    static func removeRelated(_ tree: inout PageTree, trace: inout Trace) {
        let tiles = allTiles(tree)
        guard !tiles.isEmpty else { return }
        var grids: [Int] = []
        for tile in tiles {
            if tree.entries[tile].chars > 0 { trace.record(.dropped, tree, tile, heuristic: "pagetype:related-products") }
            for j in tile..<Int(tree.entries[tile].end) { tree.entries[j].removed = true }
            let grid = Int(tree.entries[tile].parent)
            if grids.last != grid { grids.append(grid) }
        }
        tree.aggregate()
        // The box that held a grid and now holds only its title ("Shoppers also viewed") goes with it.
        var titled = false
        for grid in grids {
            guard let box = titleBox(tree, grid: grid) else { continue }
            trace.record(.dropped, tree, box, heuristic: "pagetype:related-products")
            for j in box..<Int(tree.entries[box].end) { tree.entries[j].removed = true }
            titled = true
        }
        if titled { tree.aggregate() }
    }

    /// The outermost ancestor of an emptied grid whose remaining text is short (at most
    /// `relatedTitleMaxChars`) and mostly a heading: the related box's title. Nil when there is none.
    static func titleBox(_ tree: PageTree, grid: Int) -> Int? {
        let maxChars = Int32(Vocabulary.PageTypeThreshold.relatedTitleMaxChars)
        guard !tree.entries[grid].removed else { return nil }
        var box = grid
        var parent = Int(tree.entries[grid].parent)
        while parent > tree.bodyIndex, tree.entries[parent].chars <= maxChars {
            box = parent
            parent = Int(tree.entries[parent].parent)
        }
        let e = tree.entries[box]
        guard e.chars > 0, e.chars <= maxChars, e.headingChars * 2 >= e.chars else { return nil }
        return box
    }

    /// A visible child showing one to `gridMaxTilePrices` prices (a product's price, its list price, a unit
    /// price), with some text besides them.
    private static func isTile(_ e: PageTree.Entry, prices: Int32) -> Bool {
        let t = Vocabulary.PageTypeThreshold.self
        return !e.removed && e.tag != .text && prices >= 1 && prices <= Int32(t.gridMaxTilePrices)
            && e.chars >= Int32(t.gridMinTileChars)
    }

    /// The tiles as a region (recall mode: nothing inside a tile is pruned), nil without tiles. Shops mark
    /// prices `aria-hidden` while a script formats them; inside a tile, hidden text is shown.
    static func region(_ tree: PageTree) -> Region? {
        let inHidden = hiddenScopes(tree)
        let roots = tiles(tree, inHidden: inHidden)
        guard !roots.isEmpty else { return nil }
        var shown = tree
        var revealed = false
        for root in roots {
            for i in root..<Int(shown.entries[root].end) where inHidden[i] && shown.entries[i].removed
                && !Vocabulary.dropTags.contains(shown.entries[i].tag) {
                shown.entries[i].removed = false
                revealed = true
            }
        }
        if revealed { shown.aggregate() }
        return Region(tree: shown, roots: roots, mode: .recall, heuristic: "pagetype:grid")
    }

    /// Per entry, the prices shown in its subtree: a price is the smallest node whose short text holds a
    /// currency sign and a digit ("$49.99", or "$" and "49" in sibling spans). Hidden prices count (see
    /// `blocks`); other removed parts do not.
    static func priceCounts(_ tree: PageTree) -> [Int32] {
        priceCounts(tree, inHidden: hiddenScopes(tree))
    }

    /// `priceCounts` with the page's `hiddenScopes` already computed.
    static func priceCounts(_ tree: PageTree, inHidden: [Bool]) -> [Int32] {
        let count = tree.entries.count
        var prices = [Int32](repeating: 0, count: count)
        // Bit 1: a currency sign below; bit 2: a digit below.
        var marks = [UInt8](repeating: 0, count: count)
        let maxChars = Int32(Vocabulary.PageTypeThreshold.priceMaxChars)
        for i in stride(from: count - 1, through: 0, by: -1) {
            let e = tree.entries[i]
            if (e.removed && !inHidden[i]) || e.tag == .comment { continue }
            if e.tag == .text && e.ownChars > 0 && e.ownChars <= Int32(Vocabulary.PageTypeThreshold.priceTextMaxChars) {
                marks[i] = e.node.withOwnTextBytes(priceMarks)
            }
            let chars = e.tag == .text ? e.ownChars : e.chars
            if prices[i] == 0 && marks[i] == 3 && chars <= maxChars { prices[i] = 1 }
            let parent = Int(e.parent)
            guard parent >= 0 else { continue }
            prices[parent] += prices[i]
            marks[parent] |= marks[i]
        }
        return prices
    }

    /// Per entry, whether it is a hidden node or inside one.
    static func hiddenScopes(_ tree: PageTree) -> [Bool] {
        var inHidden = [Bool](repeating: false, count: tree.entries.count)
        for i in 0..<tree.entries.count {
            let parent = Int(tree.entries[i].parent)
            inHidden[i] = tree.entries[i].hidden || (parent >= 0 && inHidden[parent])
        }
        return inHidden
    }

    /// Bit 1 when the text holds a currency sign or code, bit 2 when it holds a digit.
    static func priceMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var marks: UInt8 = 0
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b >= 0x30 && b <= 0x39 {
                marks |= 2
            } else if b == 0x24 {  // $
                marks |= 1
            } else if b == 0xC2 && k + 1 < bytes.count && (bytes[k + 1] == 0xA3 || bytes[k + 1] == 0xA5) {  // £ ¥
                marks |= 1
            } else if b == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x82
                        && (bytes[k + 2] == 0xAC || bytes[k + 2] == 0xB9 || bytes[k + 2] == 0xA9 || bytes[k + 2] == 0xBD) {  // € ₹ ₩ ₽
                marks |= 1
            } else if b >= 0x41 && b <= 0x5A && k + 2 < bytes.count {
                // ISO codes shops print after the amount: USD, EUR, GBP, CAD, AUD.
                let code = (UInt32(b) << 16) | (UInt32(bytes[k + 1]) << 8) | UInt32(bytes[k + 2])
                if Vocabulary.currencyCodes.contains(code) { marks |= 1 }
            }
            k += 1
        }
        return marks
    }
}
