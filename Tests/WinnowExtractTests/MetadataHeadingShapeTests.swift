import Testing
@testable import WinnowExtract

/// Headings that are no headline (a description or a lead-in set in <h1>), a section label before the
/// headline, and the site's domain written before the title. Fixtures are written for the pattern.
@Suite("Metadata: heading shapes")
struct MetadataHeadingShapeTests {
    // MARK: Headings that are no headline

    @Test func descriptionInTheHeadingYieldsToTheDeclaredTitle() {
        let description = "Learn which garden projects pay back the most, with tips from growers on how to plan, "
            + "budget and measure the return on every bed, path and greenhouse you add this year."
        let title = TitleReconciler.reconcile(
            titleTag: "The 10 Best Garden Projects of 2024 | Growfolk", headings: [description],
            declared: ["The 10 Best Garden Projects of 2024 | Growfolk"], siteName: "Growfolk", host: "growfolk.example")
        #expect(title == "The 10 Best Garden Projects of 2024")
        let leadIn = TitleReconciler.reconcile(
            titleTag: "How cities plan cooler streets - Urban Desk", headings: ["A message from our founder:"],
            declared: ["How cities plan cooler streets - Urban Desk"], siteName: "Urban Desk", host: "urbandesk.example")
        #expect(leadIn == "How cities plan cooler streets")
        // A short headline that differs from the declared title is still the visible headline.
        let headline = TitleReconciler.reconcile(
            titleTag: "Hybrid and EV Buying Guide | Motor Desk", headings: ["Find an efficient car that suits you"],
            declared: ["Hybrid and EV Buying Guide | Motor Desk"], siteName: "Motor Desk", host: "motordesk.example")
        #expect(headline == "Find an efficient car that suits you")
    }

    @Test func pullQuoteInTheHeadingYieldsToTheSubheadingTheTitleRepeats() {
        // The <h1> holds a pull quote; the story's title is an <h2> that the <title> repeats word for word.
        let quote = TitleReconciler.reconcile(
            titleTag: "Why do beekeepers stay with it? | Hive Journal",
            headings: ["Most of all they stay for the calm of an open hive"],
            subheadings: ["Contents", "Why do beekeepers stay with it?", "What keeps them going"],
            declared: [], siteName: nil, host: "hivejournal.example")
        #expect(quote == "Why do beekeepers stay with it?")
        // An <h2> that only repeats part of the <h1> ("… Pro 12 …" under "… Pro X 12 …"): the <h1> stays.
        let detail = TitleReconciler.reconcile(
            titleTag: "Trailmaster Pro 12 Tent Rental | Outfit Hire",
            headings: ["Trailmaster Pro X 12 Tent Rental"], subheadings: ["Trailmaster Pro 12 Tent Rental"],
            declared: [], siteName: "Outfit Hire", host: "outfithire.example")
        #expect(detail == "Trailmaster Pro X 12 Tent Rental")
        // Without story evidence the <title> names the page, whatever the <h2>s say.
        let service = TitleReconciler.reconcile(
            titleTag: "Why do beekeepers stay with it? | Hive Journal",
            headings: ["Most of all they stay for the calm of an open hive"],
            subheadings: ["Why do beekeepers stay with it?"], declared: [], siteName: nil, host: "hivejournal.example",
            isStory: false)
        #expect(service == "Why do beekeepers stay with it?")
    }

    @Test func headingGarbledByAWrongEncodingYieldsToTheTitle() {
        // "?" where the heading lost a curly apostrophe and a colon: the <title> reads right.
        let garbled = TitleReconciler.reconcile(
            titleTag: "Picking Seeds: A Grower’s Handbook | Seedroom", headings: ["Picking Seeds? A Grower? Handbook"],
            declared: ["Picking Seeds: A Grower’s Handbook | Seedroom"], siteName: "Seedroom", host: "seedroom.example")
        #expect(garbled == "Picking Seeds: A Grower’s Handbook")
        // A real question in the heading with other words is the visible headline.
        let question = TitleReconciler.reconcile(
            titleTag: "Picking Seeds: A Grower’s Handbook | Seedroom", headings: ["Picking seeds? Ask a grower first"],
            declared: [], siteName: "Seedroom", host: "seedroom.example")
        #expect(question == "Picking seeds? Ask a grower first")
    }

    @Test func subheadingIsReadFromThePage() throws {
        let m = try extractMetadata(page(
            head: "<title>Why do beekeepers stay with it? | Hive Journal</title><meta property=\"og:type\" content=\"article\">",
            body: "<h1>Most of all they stay for the calm of an open hive</h1><h2>Why do beekeepers stay with it?</h2>"
                + "<p>Beekeepers told us about long seasons and quiet mornings.</p>"))
        #expect(m.title == "Why do beekeepers stay with it?")
    }

    @Test func sectionLabelBeforeTheHeadlineIsCut() {
        let title = TitleReconciler.reconcile(
            titleTag: "Best Cargo Bikes for Families in 2025 (Tested) | Pedal Lab",
            headings: ["Blog: Best Cargo Bikes for Families in 2025 (Tested)"], declared: [], siteName: "Pedal Lab",
            host: "pedallab.example")
        #expect(title == "Best Cargo Bikes for Families in 2025 (Tested)")
        // A colon that belongs to the headline stays.
        let own = TitleReconciler.reconcile(
            titleTag: "Cargo bikes: a buyer's guide | Pedal Lab", headings: ["Cargo bikes: a buyer's guide"],
            declared: [], siteName: "Pedal Lab", host: "pedallab.example")
        #expect(own == "Cargo bikes: a buyer's guide")
    }

    @Test func domainBeforeTheTitleIsCut() {
        let title = TitleReconciler.reconcile(titleTag: "fieldnotes.example Vibe Check", headings: ["fieldnotes.example"],
                                              declared: [], siteName: nil, host: "fieldnotes.example")
        #expect(title == "Vibe Check")
        // A dotted word of the title that is not the site stays ("Node.js").
        let dotted = TitleReconciler.reconcile(titleTag: "Node.js streams explained", headings: [], declared: [],
                                               siteName: nil, host: "fieldnotes.example")
        #expect(dotted == "Node.js streams explained")
    }
}
