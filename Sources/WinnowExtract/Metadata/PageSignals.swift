import WinnowDOM

/// Everything the metadata stages read from a page, gathered in one walk over its elements.
struct PageSignals {
    var candidates = MetadataCandidates()
    var titleTag: String?
    var headings: [String] = []
    /// For each of `headings`, whether it is shown with the page rather than in a pop-up (`PageScanner.isInPopUp`):
    /// a sign-up modal's `<h1>` is not.
    var headingShown: [Bool] = []
    /// The first `<h2>` texts (at most `Vocabulary.Threshold.titleSubheadingsRead`): where a story's title sits
    /// when the `<h1>` holds a kicker or a pull quote.
    var subheadings: [String] = []
    var jsonLD: [String] = []
    /// Yoast-style `twitter:labelN` / `twitter:dataN` pairs, keyed by N.
    var twitterLabels: [String: String] = [:]
    var twitterData: [String: String] = [:]
    /// Values of `<meta>` keys outside the table that name a publication date by their words; they follow
    /// every listed key's value (see `MetaNames.isPublicationDateKey`).
    var guessedPublished: [String] = []
    var bylines: [RankedText] = []
    /// Names read from author boxes under the headline (see `PageScanner.authorBoxName`): credits only on a story
    /// page, after every byline.
    var authorBoxNames: [RankedText] = []
    /// How many short date-like texts after the headline were taken.
    var textDates = 0
    /// Document position of the first `<h1>`.
    var firstHeadingOrder: Int?
    /// `<p>` elements read after the first `<h1>`.
    var paragraphsAfterHeading = 0
    /// The last short date text before the first `<h1>` (a kicker date above the headline), if any.
    var dateBeforeHeading: RankedText?
    /// The `og:type` value, lowercased.
    var openGraphType: String?
    /// A microdata `itemtype` names a forum post or Q&A page (`Vocabulary.threadTypes`).
    var threadMicrodata = false
    /// How many visible "By ..." texts were taken.
    var textBylines = 0
    var publishedDates: [RankedText] = []
    var modifiedDates: [RankedText] = []
    /// Links to an author's page whose own text (or label) names the page's slug ("Jane Doe" linking to
    /// `/author/jane-doe/`), anywhere in the document; `MetadataExtractor.authorLinkCredits` keeps those with the
    /// headline.
    var authorLinks: [RankedText] = []
    /// The slugs of author-page links anywhere in the document (see `AuthorLinks.slug(of:)`).
    var authorSlugs: [AuthorLinks.Slug] = []
    /// Short text lines right under the first `<h1>`: a name line there that an author-page link elsewhere names
    /// is the story's credit.
    var headlineLines: [RankedText] = []
    /// The first avatar image under the headline was seen (see `PageScanner.readAvatar`), and its name text is
    /// still to come.
    var avatarSeen = false
    var avatarPending = false
}

/// A DOM value with its rank (lower is more specific) and document position.
struct RankedText {
    let rank: Int
    let order: Int
    let text: String
    /// The node the value was read from (an element, or the text node of a visible line), to place it in the
    /// page's structure (see `RepeatedCards`).
    var node: Node? = nil
}
