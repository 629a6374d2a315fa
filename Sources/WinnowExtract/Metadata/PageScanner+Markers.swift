import WinnowDOM

/// What the scan looks for, as data: the class/id fragments of byline and date containers and their ranks, the
/// visible byline labels, and the windows and limits that bound the walk.
extension PageScanner {
    /// Class/id fragments of byline containers, with their rank (lower = more specific).
    static let bylineMarkers: [Marker] = [
        Marker("author-name", 1), Marker("authorname", 1), Marker("author_name", 1), Marker("byline-name", 1), Marker("byline__name", 1),
        Marker("byline__author", 1), Marker("byline-author", 1), Marker("author-link", 1), Marker("contributor-name", 1),
        Marker("posted-by", 2), Marker("postedby", 2), Marker("byline", 2), Marker("author", 3), Marker("writer", 4), Marker("submitted", 4),
        // News sites (Korean and Japanese ones above all) mark the reporter's name as such.
        Marker("reporter", 4), Marker("journalist", 4),
        // "Author" in the class names of other languages' sites: auteur, yazar, and autor joined to another word
        // ("article-autor", "autor_name"; alone "autor" is also the start of "autorefs", "autorun", "autoresize").
        Marker("auteur", 3), Marker("yazar", 3), Marker("autor-", 3), Marker("autor_", 3), Marker("-autor", 3),
        Marker("_autor", 3),
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
    /// A credit joined to a date with separators ("Ana Ruiz · 9 feb 2026", `creditBeforeDate`) is read as the
    /// byline only before this many `<p>` elements have followed the headline: further down it is a teaser card's.
    static let maximumParagraphsBeforeByline = 3
    /// A visible "By …" text is read as a byline up to this many bytes: enough for a name with the published and
    /// updated dates and times on one line ("Par Jeanne Roux - Publié le 14/03/2026 à 08h30 - Mis à jour …").
    /// One longer than `maximumNameLineBytes` must show a year and a capitalised word after its label.
    static let maximumTextBylineBytes = 160
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
                                           "story by", "von ", "par ",
                                           // The same in other major languages: "by" before a name ("Por Ana
                                           // Ruiz") and "author" as a label. (Dutch "Door" is also an English
                                           // word that starts product and menu texts.)
                                           "por ", "autor:", "autora:", "autore:", "auteur :", "auteur:",
                                           "yazar:", "автор:", "Автор:", "АВТОР:", "作者：", "作者:", "بقلم:", "بقلم ", "מאת:", "מאת ",
                                           "लेखक:", "di "].map { Array($0.utf8) }
    /// Byline labels that also start many sentences ("Di solito …"): a line opening with one is a byline only when
    /// two capitalised words follow ("di Giulia Ranieri").
    static let namedBylineLabels: [[UInt8]] = ["di "].map { Array($0.utf8) }
    /// Texts that are a byline label alone; the name is the next text.
    static let bareLabels: Set<String> = ["by", "by:", "written by", "written by:", "posted by", "author", "author:",
                                          "authored by", "words by", "story by", "von", "par", "about the author", "article by",
                                          "posted by:", "written by:", "contributor:", "contributors:",
                                          "por", "autor", "autor:", "autore:", "auteur :", "auteur:", "yazar:",
                                          "автор", "автор:", "作者", "作者：", "作者:", "بقلم", "بقلم:", "מאת", "מאת:"]
    /// `bareLabels` as bytes, for `isBareLabel` on ASCII text (the labels in other scripts never equal it).
    static let bareLabelBytes: [[UInt8]] = bareLabels.map { Array($0.utf8) }
    /// `bareLabelBytes` and `bylineLabels` by first byte: a text is compared only with the labels its first byte
    /// (ASCII lowercased) can start, not with all of them (many texts open with a label's letter).
    static let bareLabelsByFirstByte = byFirstByte(bareLabelBytes)
    static let bylineLabelsByFirstByte = byFirstByte(bylineLabels)

    /// Labels in 256 buckets by their first byte (no label is empty).
    static func byFirstByte(_ labels: [[UInt8]]) -> [[[UInt8]]] {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for label in labels {
            precondition(!label.isEmpty, "an empty label would match every text")
            buckets[Int(label[0])].append(label)
        }
        return buckets
    }
    /// Link targets of author pages: a "By Jane Doe" link there is a credit, any other "By ..." link a menu entry.
    static let authorLinkFragments: [[UInt8]] = ["author", "people", "profile", "staff", "contributor", "writer", "user",
                                                 "member", "team", "journalist", "/by/"].map { Array($0.utf8) }
    /// Path words of author pages, in several languages (`/author/`, `/autores/`, `/auteur/`, `/redacteur/`,
    /// `/team/`, `/profile/`, `/experts/`...): a link there whose text names the path's slug is a credit (see
    /// `PageScanner.readAuthorLink`). Searched lowercase in the path before the slug. `/person/` and `/people/`
    /// are left out: news sites file the people a story is about there ("See more: Jane Doe").
    static let authorPathFragments = ["author", "autor", "auteur", "redac", "writer", "contributor", "journalist",
                                      "columnist", "staff", "team", "profile", "perfil", "expert", "editor",
                                      "member", "user"]
    /// A cheap screen of link targets for those words, run in place on the `href` bytes of every link.
    static let authorPathScreen = FragmentScreen(authorPathFragments)
    /// Fewest letters of a slug read as a name.
    static let minimumSlugLetters = 4
    /// Most letters a slug may hold beyond a name's first and last word (a middle name or initials, `jane-q-doe`,
    /// or the longer form of a short first name, `matthew-doe` for "Matt Doe").
    static let slugExtraLetters = 8
    /// Most words of a link text read as naming its author page ("More articles by Jane Q. Doe").
    static let maximumAuthorLinkWords = 6
    /// Fewest letters of a one-word slug that two or more words of a name make (`janedoe`); shorter ones are
    /// as often an action (`/user/login`, "Log In").
    static let minimumOneWordSlugLetters = 8
    /// Most words of a bare name line under the headline.
    static let maximumNameLineWords = 4
    /// Most UTF-8 bytes of the text around an author-page link (its parent's) for the link to be a credit; more is
    /// running prose that mentions the person.
    static let maximumCreditLinkContextBytes = 200
    /// Inline elements a name line may sit in (`<p><a><strong>Jane Doe</strong></a></p>`), and how many of them
    /// deep its block is sought.
    static let inlineTags: Set<String> = ["a", "span", "strong", "em", "b", "i", "small"]
    static let maximumInlineDepth = 3
    /// Class fragment of an avatar image (`avatar`, `avatar-50`, `author-avatar`), whose next text under the
    /// headline is the author's name; and the rank of that byline, after every class-marked one.
    static let avatarFragment = Array("avatar".utf8)
    static let avatarBylineRank = 4
    /// Rank of an author-page link credit: as specific as a class naming the author's name.
    static let authorLinkRank = 1
    /// How many author-page link credits are kept after the headline, and before it (the last ones only).
    static let maximumAuthorLinks = 8
    static let maximumAuthorLinksBeforeHeading = 3
    /// How many author-page slugs are kept for matching name lines under the headline.
    static let maximumAuthorSlugs = 24
    /// How many elements before the first `<h1>` an author-page link may sit and still credit it (a byline block
    /// over the headline).
    static let authorLinkWindowBeforeHeading = 8
    /// How many elements after the first `<h1>` a bare name line may sit and still be its credit, when an
    /// author-page link elsewhere names it; and how many such lines are kept.
    static let headlineNameWindow = 30
    static let maximumHeadlineLines = 12
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
                                          "time", "report", "journal", "autor", "auteur", "yazar"])
    static let countMarker = Array("count".utf8)
    /// Every class/id fragment `visit` asks about, searched for in one pass over an element's class and id
    /// (`ClassMarks`): the byline markers, the exclusions, the date markers, then comment, count, author, name.
    static let markerScreen = FragmentScreen(
        bytes: bylineMarkers.map(\.fragment) + bylineExclusions + dateMarkers.map(\.fragment)
            + [commentMarker, countMarker, authorFragment, nameFragment])

    /// Which of the fragments of `markerScreen` an element's class and id hold.
    struct ClassMarks {
        private let found: UInt64

        /// The marks of `classAndID`: the class value, a NUL (never in a fragment, so no match spans both) and the id.
        init(_ classAndID: UnsafeBufferPointer<UInt8>) {
            found = PageScanner.markerScreen.occurrences(bytes: classAndID)
        }

        private func has(_ index: Int) -> Bool { found & (1 << UInt64(index)) != 0 }

        /// The rank of the first of `bylineMarkers` held, nil for none.
        var bylineRank: Int? { bylineMarkers.indices.first(where: has).map { bylineMarkers[$0].rank } }
        /// Some fragment of `bylineExclusions` is held.
        var bylineExcluded: Bool { bylineExclusions.indices.contains { has(bylineMarkers.count + $0) } }
        /// The rank of the first of `dateMarkers` held, nil for none.
        var dateRank: Int? {
            let offset = bylineMarkers.count + bylineExclusions.count
            return dateMarkers.indices.first { has(offset + $0) }.map { dateMarkers[$0].rank }
        }
        private static let commentIndex = bylineMarkers.count + bylineExclusions.count + dateMarkers.count
        /// "comment" without "count": a comment section (not a comment counter).
        var commentSection: Bool { has(Self.commentIndex) && !has(Self.commentIndex + 1) }
        /// Both "author" and "name": the name line of an author box (`author-box__name`).
        var authorName: Bool { has(Self.commentIndex + 2) && has(Self.commentIndex + 3) }
    }

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
