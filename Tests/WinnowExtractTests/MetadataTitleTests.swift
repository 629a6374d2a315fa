import Testing
@testable import WinnowExtract

@Suite("Metadata: title reconciliation")
struct MetadataTitleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let titleTag: String?
        let headings: [String]
        let declared: [String]
        let siteName: String?
        let host: String?
        let expected: String?
        var testDescription: String { expected ?? "nil" }
    }

    static let cases: [Case] = [
        // <title> with a site suffix; the <h1> confirms the story part.
        Case(titleTag: "Bridge reopens after repairs | Northern Echo Daily", headings: ["Bridge reopens after repairs"],
             declared: [], siteName: nil, host: "echo.example", expected: "Bridge reopens after repairs"),
        // Site prefix, en dash; og:title confirms.
        Case(titleTag: "Gearbench – Testing the new trail shoes", headings: [],
             declared: ["Testing the new trail shoes"], siteName: nil, host: nil, expected: "Testing the new trail shoes"),
        // No references: the site name is recognised and cut.
        Case(titleTag: "How to prune roses :: Garden Shed", headings: [], declared: [], siteName: "Garden Shed",
             host: nil, expected: "How to prune roses"),
        // Domain-looking piece cut.
        Case(titleTag: "Quarterly results beat forecasts - marketwatcher.example.com", headings: [], declared: [],
             siteName: nil, host: nil, expected: "Quarterly results beat forecasts"),
        // A colon inside the title is not a site separator.
        Case(titleTag: "Python: A Gentle Introduction", headings: [], declared: [], siteName: nil, host: nil,
             expected: "Python: A Gentle Introduction"),
        // A dash inside the story title survives when the h1 shows it.
        Case(titleTag: "Cats vs. dogs – the definitive ranking » Pet Weekly",
             headings: ["Cats vs. dogs – the definitive ranking"], declared: [], siteName: "Pet Weekly", host: nil,
             expected: "Cats vs. dogs – the definitive ranking"),
        // <title> is only the site name: fall back to og:title, with its suffix cut.
        Case(titleTag: "Harbour Times", headings: [], declared: ["Storm closes port | Harbour Times"],
             siteName: "Harbour Times", host: nil, expected: "Storm closes port"),
        // A logo <h1> equal to the site name is ignored.
        Case(titleTag: "Recipe: lemon tart | Bake Club", headings: ["Bake Club", "Recipe: lemon tart"], declared: [],
             siteName: "Bake Club", host: nil, expected: "Recipe: lemon tart"),
        // Visible headline that the SEO <title> rewrites: the sole h1 wins.
        Case(titleTag: "Best Budget Laptops 2024 (Tested) - TechNook", headings: ["The laptops we would actually buy"],
             declared: [], siteName: "TechNook", host: nil, expected: "The laptops we would actually buy"),
        // After a pipe comes the site's tagline, however long.
        Case(titleTag: "Hand-built oak tables | Furniture made to last a lifetime in our Vermont workshop",
             headings: [], declared: [], siteName: nil, host: nil, expected: "Hand-built oak tables"),
        // No <title>: the declared title, else the heading.
        Case(titleTag: nil, headings: ["Only a heading"], declared: [], siteName: nil, host: nil, expected: "Only a heading"),
        Case(titleTag: nil, headings: [], declared: [], siteName: nil, host: nil, expected: nil),
        // The blog's name in the <h1> and one side of the <title>; og:title is the other side: the story.
        Case(titleTag: "Field Notes: Why glaciers retreat in summer", headings: ["Field Notes"],
             declared: ["Why glaciers retreat in summer"], siteName: nil, host: nil,
             expected: "Why glaciers retreat in summer"),
        // A declared copy of the whole <title> does not make its other side the story.
        Case(titleTag: "Rivers | Field Notes on the water", headings: ["Rivers"],
             declared: ["Rivers | Field Notes on the water"], siteName: nil, host: nil, expected: "Rivers"),
        // The <title> piece is the confirmed heading with the list's count before it.
        Case(titleTag: "7 Quiet Habits of Careful Gardeners - Loam Journal", headings: ["Quiet Habits of Careful Gardeners"],
             declared: ["Quiet Habits of Careful Gardeners"], siteName: nil, host: nil,
             expected: "7 Quiet Habits of Careful Gardeners"),
        // ... or with the year after it.
        Case(titleTag: "Best Folding Kayaks 2031 | Paddle Post", headings: ["Best Folding Kayaks"], declared: [],
             siteName: nil, host: nil, expected: "Best Folding Kayaks 2031"),
        // More than one added word is a different title: the heading stays.
        Case(titleTag: "Best Folding Kayaks for 2031 | Paddle Post", headings: ["Best Folding Kayaks"], declared: [],
             siteName: nil, host: nil, expected: "Best Folding Kayaks"),
        // A heading set in capitals takes the case of the same words in the <title> or og:title.
        Case(titleTag: "Ferry Fares Frozen for Another Year - Harbour Post", headings: ["FERRY FARES FROZEN FOR ANOTHER YEAR"],
             declared: [], siteName: nil, host: nil, expected: "Ferry Fares Frozen for Another Year"),
        Case(titleTag: "Harbour Post", headings: ["FERRY FARES FROZEN FOR ANOTHER YEAR"],
             declared: ["Ferry fares frozen for another year"], siteName: nil, host: nil,
             expected: "Ferry fares frozen for another year"),
        // Other words, or an acronym-length title, stay as written.
        Case(titleTag: "Fares Frozen - Harbour Post", headings: ["FERRY FARES FROZEN FOR ANOTHER YEAR"],
             declared: [], siteName: nil, host: nil, expected: "FERRY FARES FROZEN FOR ANOTHER YEAR"),
        // Identical <title> and h1 (ignoring case and punctuation).
        Case(titleTag: "Why The Sky Is Blue", headings: ["Why the sky is blue!"], declared: [], siteName: nil, host: nil,
             expected: "Why the sky is blue!"),
    ]

    @Test(arguments: cases)
    func reconcile(_ c: Case) {
        let title = TitleReconciler.reconcile(titleTag: c.titleTag, headings: c.headings, declared: c.declared,
                                              siteName: c.siteName, host: c.host)
        #expect(title == c.expected)
    }

    @Test func headingWithLineBreakReadsWithSpace() throws {
        let m = try extractMetadata(page(head: "<title>x</title>", body: "<h1>Top picks<br>for spring</h1>"))
        #expect(m.title == "Top picks for spring")
    }
}
