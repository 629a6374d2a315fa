/// A part of the page proposed as the story: the tree as the proposing stage left it (with its removals),
/// the roots to convert, the conversion mode, and the heuristic that proposed it.
///
/// Every way the extractor finds content — the scored candidate, the recall retry, merged sections, the prose
/// baseline, card runs, a feed, the page's `<main>`, a shop grid, a rule's body — ends as a region, and every
/// region becomes blocks the same way (`render`). So the region that produced the output is also what
/// `explain` draws: its roots, its removals and the blocks cleanup dropped.
struct Region {
    /// The tree the roots index into: the page's tree with this region's removals, or (for a JSON-LD product
    /// description) a tree of its own.
    var tree: PageTree
    /// The elements whose content is the story, in document order.
    var roots: [Int]
    /// How strictly blocks are converted.
    var mode: ExtractionMode
    /// Why these roots (`candidate:anchor-article`, `fallback:sections`, `site rule body`...).
    var heuristic: String
    /// False for a region built from text outside the page (a JSON-LD description): none of its nodes are the
    /// page's.
    var onPage = true

    /// The region's blocks after `BlockCleanup` (when `cleanup`), each with its source node; with `explain`,
    /// the blocks cleanup drops are recorded in the rendering's trace.
    /// `dropCopies`: the shortest block that is a copy when given twice (`BlockCleanup.dropCopiedTexts`; a
    /// product's page or a thread), nil to keep copies. `thread`: a forum or Q&A page, whose lone counters go.
    /// `product`: one product's page, whose rating summaries go.
    func render(
        url: String?, titles: [String], authors: [String] = [], cleanup: Bool = true, dropCopies: Int? = nil,
        thread: Bool = false, product: Bool = false, explain: Bool
    ) -> Rendering {
        convert(url: url, explain: explain).render(
            titles: titles, authors: authors, cleanup: cleanup, dropCopies: dropCopies, thread: thread, product: product,
            explain: explain)
    }

    /// The region's blocks before cleanup (`BlockConverter`), each with its source node.
    func convert(url: String?, explain: Bool) -> Conversion {
        Conversion(region: self, output: BlockConverter(tree: tree, mode: mode, url: url, provenance: explain).sourcedBlocks(of: roots))
    }
}

/// A region converted to blocks, before cleanup: the card, prose, feed and grid choices measure what they
/// found here (`length`), and only the one that wins is cleaned (`render`).
struct Conversion {
    let region: Region
    let output: BlockOutput

    /// The text length before cleanup (characters, blocks joined by blank lines).
    var length: Int { Block.plainText(of: output.blocks, separator: "\n\n").characterCount }

    /// The converted blocks after `BlockCleanup` (when `cleanup`): see `Region.render`.
    func render(
        titles: [String], authors: [String] = [], cleanup: Bool = true, dropCopies: Int? = nil, thread: Bool = false,
        product: Bool = false, story: Bool = false, explain: Bool
    ) -> Rendering {
        var cleanupTrace = Trace(enabled: explain)
        cleanupTrace.recordOmitted(output.omitted, heuristic: "figure: text beside the picture and caption")
        let cleaned = cleanup ? BlockCleanup.run(
            output, titles: titles, authors: authors, tree: region.onPage ? region.tree : nil, dropCopies: dropCopies,
            thread: thread, product: product, story: story, trace: &cleanupTrace) : output
        return Rendering(region: region, output: cleaned, trace: cleanupTrace)
    }
}

/// A region converted to blocks: what it would contribute to the article, and what cleanup dropped from it.
struct Rendering {
    var region: Region
    let output: BlockOutput
    /// The block-level decisions of cleanup (and, once chosen, of the stages that built the region).
    var trace: Trace
    /// The text length the choices between regions compare (characters, blocks joined by blank lines).
    let length: Int
    /// The blocks' non-empty plain texts (`Block.texts(of:)`), which `length` counts joined by blank lines.
    private let parts: [String]

    init(region: Region, output: BlockOutput, trace: Trace) {
        self.region = region
        self.output = output
        self.trace = trace
        parts = Block.texts(of: output.blocks)
        length = BlocksText.characterCount(ofJoined: parts)
    }

    /// The blocks' plain text (what `length` counts), joined when asked for: only the chosen rendering's is.
    var text: BlocksText { BlocksText(parts: parts) }

    var blocks: [Block] { output.blocks }
}
