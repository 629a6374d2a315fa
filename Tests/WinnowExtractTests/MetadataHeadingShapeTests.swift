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
