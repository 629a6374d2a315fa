import WinnowDOM

/// What the scan looks for, as data: the class/id fragments of byline and date containers and their ranks, the
/// visible byline labels, and the windows and limits that bound the walk.
extension PageScanner {
    /// Class/id fragments of byline containers, with their rank (lower = more specific).
    static let bylineMarkers: [Marker] = [
        Marker("author-name", 1), Marker("authorname", 1), Marker("author_name", 1), Marker("byline-name", 1), Marker("byline__name", 1),
        Marker("byline__author", 1), Marker("byline-author", 1), Marker("author-link", 1), Marker("contributor-name", 1),
        Marker("posted-by", 2), Marker("postedby", 2), Marker("byline", 2), Marker("author", 3), Marker("writer", 4), Marker("submitted", 4),
    ]
    /// Class/id fragments that disqualify a byline container (pictures, bios, social links).
    static let bylineExclusions: [[UInt8]] = ["avatar", "image", "img", "photo", "pic", "bio", "desc", "about", "social",
                                   "follow", "more", "comment", "share", "box", "card", "list"].map { Array($0.utf8) }
    /// Class/id fragments of elements whose short text may hold the publication date.
    static let dateMarkers: [Marker] = [
        Marker("published", 2), Marker("publish", 2), Marker("post-date", 2), Marker("entry-date", 2), Marker("posted", 3), Marker("date", 3),
        Marker("byline", 4), Marker("meta", 5), Marker("time", 5),
    ]
    static let maximumMarkedElements = 24
    /// Fragments that together mark the name line of an author box (`author-box__name`, `author-card__name`).
    static let authorFragment = Array("author".utf8)
    static let nameFragment = Array("name".utf8)
    /// Most UTF-8 bytes of an author block whose first line is read as the author's name: a name and a short
    /// bio. A longer block is a whole post or card list whose class merely names its author (`author-jdoe`).
    static let maximumAuthorBoxBytes = 1500
    /// Most UTF-8 bytes of the name line of an author box.
    static let maximumNameLineBytes = 80
    /// Rank of a date found in the text of a byline element no date class marks: after every marked date
    /// (ranks 12–15), before unmarked date texts (`textDateRank`).
    static let bylineDateRank = 16
    static let maximumTextBylines = 4
    /// How many elements after a visible "By …" text a short date text may sit and still be the byline's date
    /// ("Written by Jane Doe</p><p>April 8, 2024"), however far below the headline the byline is.
    static let bylineDateDistance = 3
    /// How many nodes before a `<time>` are looked at for an update label ("Updated on"), and the most UTF-8
    /// bytes such a label has.
    static let updateLabelSiblings = 3
    static let maximumUpdateLabelBytes = 40
    /// How many elements after the first `<h1>` are screened for byline/date classes.
    static let screeningWindowAfterHeading = 600
    /// How many text nodes after the first `<h1>` may hold a visible date ("March 5, 2024" under the headline).
    static let dateWindow = 200
    /// Rank of a visible date found in the text after the headline: below it, a date counts only on a page with
    /// story evidence (see `MetadataExtractor.addDOM`).
    static let textDateRank = 20
    /// Rank of a "By ..." text after the first `<h1>`, and of one before it (menus and teasers above the
    /// headline: "Browse by topic", other stories' bylines), which yields to every marked byline.
    static let textBylineRank = 2
    static let preHeadlineTextBylineRank = 5
    /// How many elements up from a "By ..." text above the headline a list item or `<nav>` makes it a menu entry.
    static let menuDepth = 3
    /// Lowercase starts of a visible byline text ("By Jane Doe", "Written by", "Author: Jane Doe").
    static let bylineLabels: [[UInt8]] = ["by ", "by:", "written by", "posted by", "author:", "authored by", "words by",
                                           "contributor:", "contributors:",
                                           "story by", "von ", "par "].map { Array($0.utf8) }
    /// Texts that are a byline label alone; the name is the next text.
    static let bareLabels: Set<String> = ["by", "by:", "written by", "written by:", "posted by", "author", "author:",
                                          "authored by", "words by", "story by", "von", "par", "about the author", "article by",
                                          "posted by:", "written by:", "contributor:", "contributors:"]
    /// Link targets of author pages: a "By Jane Doe" link there is a credit, any other "By ..." link a menu entry.
    static let authorLinkFragments: [[UInt8]] = ["author", "people", "profile", "staff", "contributor", "writer", "user",
                                                 "member", "team", "journalist", "/by/"].map { Array($0.utf8) }
    static let commentMarker = Array("comment".utf8)
    /// Characters that separate the parts of a dateline ("Jane Doe | Senior Writer | July 2, 2025").
    static let datelineSeparators: Set<Character> = ["|", "·", "•", "—", "–"]
    /// How many elements before the first `<h1>` a short date text may sit and still be the story's date (a date
    /// line above the headline: "January 23, 2025" as a kicker).
    static let preHeadingDateWindow = 8
    /// How many elements after the first `<h1>` a shown date may sit and still be the headline's date (the
    /// byline block); dates further down belong to related-story cards, comments or the footer.
    static let headlineDateWindow = 60
    /// The same for a date text no class or `<time>` marks: only the lines right under the headline.
    static let headlineTextDateWindow = 15
    /// Most descendant elements a `<button>`, `<select>` or `<textarea>` has when it is one (icons and options);
    /// beyond it, an unclosed control swallowed the page and the scan walks into it.
    static let maximumControlElements = 300
    static let ldJSONMarker = Array("ld+json".utf8)
    /// Keys that make a JSON object in a `<meta>` content a JSON-LD object (`PageScanner.isJSONLDObject`).
    static let jsonLDKeyMarkers: [[UInt8]] = ["\"@context\"", "\"@type\""].map { Array($0.utf8) }
    /// Every marker above contains one of these; an element whose class/id has none is skipped at once.
    static let triggers = FragmentScreen(["comment", "auth", "byl", "date", "post", "writ", "subm", "publ", "meta",
                                          "time"])
    static let countMarker = Array("count".utf8)

    /// A class/id fragment (lowercase ASCII bytes) and the rank it gives.
    struct Marker {
        let fragment: [UInt8]
        let rank: Int
        init(_ text: String, _ rank: Int) {
            fragment = Array(text.utf8)
            self.rank = rank
        }
    }
}
