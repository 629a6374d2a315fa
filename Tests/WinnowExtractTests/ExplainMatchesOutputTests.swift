import Foundation
import Testing
import WinnowDOM
import WinnowTestSupport
@testable import WinnowExtract

/// `explain` shows the decision that produced the output, not a different one: on every page of the shared
/// corpora, the text of what the content map marks kept (its roots, minus the parts it marks dropped and the
/// never-visible elements) is exactly the article's text, character for character once whitespace is
/// ignored; every block's source node is inside a root and outside every dropped part; and extracting with
/// `explain` on gives the same article as with it off.
@Suite struct ExplainMatchesOutputTests {
    @Test(.enabled(if: SharedCorpus.root != nil, "needs the shared corpora at ../shared/corpus or $WINNOW_SHARED_CORPUS"))
    func keptNodesAreExactlyTheOutputOnTheSharedCorpora() throws {
        let all = try SharedCorpus.pages()
        #expect(all.count > 1000)
        // The debug build checks every 8th page (the whole corpus takes minutes unoptimised); the optimised test
        // build checks them all. WINNOW_EXPLAIN_PAGES=name,name picks pages.
        #if DEBUG
        let step = 8
        #else
        let step = 1
        #endif
        let picked = ProcessInfo.processInfo.environment["WINNOW_EXPLAIN_PAGES"].map { Set($0.split(separator: ",").map(String.init)) }
        let pages = picked.map { names in all.filter { names.contains($0.name) } }
            ?? all.enumerated().filter { $0.offset % step == 0 }.map(\.element)
        var mismatches: [String] = []
        var checked = 0
        for page in pages {
            guard let document = try? Document(html: page.html, url: page.url) else { continue }
            checked += 1
            if let problem = Self.check(document, url: page.url) { mismatches.append("\(page.name): \(problem)") }
        }
        print("explain vs output: \(checked) pages, \(mismatches.count) mismatches")
        for line in mismatches.prefix(20) { print("  " + line) }
        // Known residue (5 of 1,627 pages, all printed above): a shop grid appended to a JSON-LD product
        // description, whose hidden swatch labels the map cannot place; a table caption rendered before rows it
        // follows in the page; and three pages where a lone punctuation mark between elements ("." after a block
        // in a <strong>, a stray ">") is text the map counts and the rendered paragraph drops. Past 1% the
        // decision path has regressed.
        #expect(Double(mismatches.count) <= 0.01 * Double(checked))
        // Turning `explain` on never changes the article: no decision may read what is recorded only for it
        // (a paragraph's run of inline elements). Two pages did before paragraph sources stopped depending on it.
        #expect(!mismatches.contains { $0.hasSuffix(": explain changes the article") })
    }

    @Test func keptNodesAreTheOutputOnAPageWhoseFallbackWins() throws {
        // A short story container beside a long run of sections: the section merge wins, and the map must show
        // the sections, not the first candidate.
        let section = { (n: Int) in
            "<section><h2>Part \(n)</h2><p>" + String(repeating: "Sentence number \(n) about the harbour, and its boats. ", count: 6)
                + "</p></section>"
        }
        let html = "<html><body><nav><a href=/a>Home</a> <a href=/b>News</a></nav><main>"
            + (1...4).map(section).joined() + "</main><footer>Contact us</footer></body></html>"
        let document = try Document(html: html, url: "https://example.org/landing")
        #expect(Self.check(document, url: "https://example.org/landing") == nil)
    }

    /// Nil when the map and the output agree, else what differs.
    static func check(_ document: Document, url: String?) -> String? {
        let extractor = Extractor(options: ExtractionOptions(url: url))
        let article = extractor.extract(from: document).article
        let explained = Extractor(options: ExtractionOptions(url: url, explain: true)).extract(from: document).article
        guard explained.blocks == article.blocks else { return "explain changes the article" }
        let map = extractor.contentMap(of: document)
        if ProcessInfo.processInfo.environment["WINNOW_EXPLAIN_VERBOSE"] != nil {
            for root in map.roots { print("root \(root.node.name) \(root.reason): \(root.node.text.collapsingWhitespace().prefix(60))") }
            for drop in map.dropped { print("drop \(drop.node.name) \(drop.reason): \(drop.node.text.collapsingWhitespace().prefix(60))") }
            for decision in Extractor(options: ExtractionOptions(url: url, explain: true)).extract(from: document).decisions {
                print("decision \(decision.verdict) \(decision.path) \(decision.reason): \(decision.preview.prefix(60))")
            }
        }
        let dropped = Set(map.dropped.map(\.node))
        let roots = map.roots.map(\.node)
        for source in map.sources {
            guard roots.contains(where: { $0 == source || $0.contains(source) }) else { return "a block's source is outside every root" }
            if dropped.contains(source) || source.ancestors.contains(where: dropped.contains) {
                return "a block's source is marked dropped"
            }
        }
        // A shop grid appended to a region that holds it: the two parts' removals differ inside the grid, which
        // one set of marks cannot show. Checked above for sources; the text is compared per page otherwise.
        if roots.contains(where: { outer in roots.contains { $0 != outer && outer.contains($0) } }) { return nil }
        let kept = map.outsideText.map(squeeze).joined() + roots.map { keptText(of: $0, dropped: dropped) }.joined()
        let output = squeeze(Block.plainText(of: article.blocks, separator: ""))
        guard kept != output else { return nil }
        return "kept \(kept.count) chars, output \(output.count): " + firstDifference(kept, output)
    }

    /// The text under `node` outside dropped parts and never-visible elements, without whitespace.
    static func keptText(of node: Node, dropped: Set<Node>) -> String {
        var out = ""
        var stack: [Node] = [node]
        while let current = stack.popLast() {
            if current.isText {
                out += squeeze(current.ownText)
                continue
            }
            guard current.isElement, !dropped.contains(current),
                  !Vocabulary.dropTags.contains(HTMLTag.named(current.name)) else { continue }
            stack += current.children.reversed()
        }
        return out
    }

    /// Text without whitespace and invisible format characters (soft hyphens, zero-width spaces).
    static func squeeze(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .format
        }))
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a), y = Array(b)
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        let from = max(0, i - 30)
        return "kept «\(String(x[from..<min(x.count, i + 50)]))» vs output «\(String(y[from..<min(y.count, i + 50)]))»"
    }
}
