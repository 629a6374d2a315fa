import Testing
import WinnowDOM
@testable import WinnowExtract

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz) found problems with, rebuilt as small synthetic pages.
@Suite("Fuzz regressions: extraction")
struct FuzzRegressionTests {
    /// About 64 KB of title-like text with separators and non-ASCII letters (the slow key path): what an
    /// unclosed `<title>` swallows from a page.
    static let swallowedPage = String(repeating: "Ärger über Straßen: Notizen | mehr – Grüße · ", count: 1400)

    /// fuzz-html, timeout: `TitleReconciler` cut such a `<title>` at each of its separators and keyed every cut
    /// (work growing with the square of the length: over 10 s under ASan for 55 KB). Now a `<title>` past
    /// `maximumTitleBytes` is no title and the headline comes from the `<h1>`.
    @Test("a <title> as long as a page is not a title, and costs no quadratic work")
    func overlongTitleTag() {
        let clock = ContinuousClock()
        let start = clock.now
        // A few times the limit: long enough to be refused, short enough to fail fast if it is not.
        let long = String(Self.swallowedPage.prefix(4 * TitleReconciler.maximumTitleBytes))
        // The declared title wins over a <title> that long (which would otherwise be cut and kept).
        let title = TitleReconciler.reconcile(titleTag: long, headings: [], declared: ["Night crossings resume"],
                                              siteName: nil, host: "example.com")
        #expect(title == "Night crossings resume")
        // A declared title (og:title, JSON-LD) that long is skipped the same way: the <h1> is used.
        let declared = TitleReconciler.reconcile(titleTag: nil, headings: ["Harbor ferries return"],
                                                 declared: [long], siteName: nil, host: nil)
        #expect(declared == "Harbor ferries return")
        #expect(clock.now - start < .seconds(20), "title reconciliation took \(clock.now - start)")
    }

    /// The same through the parser and the extractor: an unclosed `<title>` at the top of a page.
    @Test("an unclosed <title> does not stall extraction")
    func unclosedTitleTag() throws {
        let html = "<html><head><title>\(Self.swallowedPage)<p>Story</p><h1>Harbor ferries return</h1>"
        let clock = ContinuousClock()
        let start = clock.now
        let document = try Document(html: Array(html.utf8), url: "https://example.com/news/ferries")
        let result = Extractor(options: ExtractionOptions(url: "https://example.com/news/ferries")).extract(from: document)
        #expect((result.article.metadata.title?.utf8.count ?? 0) <= TitleReconciler.maximumTitleBytes)
        #expect(clock.now - start < .seconds(20), "extraction took \(clock.now - start)")
    }
}
