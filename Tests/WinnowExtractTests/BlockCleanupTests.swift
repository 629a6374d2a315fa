import Testing
@testable import WinnowExtract

@Suite struct BlockCleanupTests {
    func paragraph(_ text: String) -> Block { .paragraph([.text(text)]) }

    func clean(_ blocks: [Block], titles: [String] = []) -> [String] {
        var trace = Trace(enabled: false)
        return BlockCleanup.run(blocks, titles: titles, trace: &trace).map(\.plainText)
    }

    let story = String(repeating: "The council met again on Thursday and argued about the budget. ", count: 5)

    @Test func dropsAMarqueeOfOneRepeatedPhrase() {
        let marquee = String(repeating: "Order your seedlings today ✿ ", count: 8)
        let out = clean([paragraph(story), paragraph(marquee), paragraph(story + " Again.")])
        #expect(out.count == 2 && !out.contains(marquee))
        #expect(BlockCleanup.isTicker("Free returns • Free returns • Free returns • Free returns • Free returns •"))
        // Four copies, a phrase of more than six words, or a different last word: an author's own repetition.
        #expect(!BlockCleanup.isTicker("Free returns • Free returns • Free returns • Free returns •"))
        #expect(!BlockCleanup.isTicker(String(repeating: "we walked on and on through the night ", count: 6)))
        #expect(!BlockCleanup.isTicker("Go team go team go team go team go team go home"))
        // A sentence said over and over is the author's.
        #expect(!BlockCleanup.isTicker(String(repeating: "Story text keeps going here. ", count: 12)))
    }

    @Test func boxLabelSetInlineBeforeItsLinksGoes() {
        func link(_ text: String) -> Inline { .link(href: "https://example.org/news/\(text.count)", content: [.text(text)]) }
        // A related box's label set in the same line as its links, with no colon, bar or bold: two links or more
        // and nothing but spaces and punctuation among them.
        let box: Block = .paragraph([.text("Sur le même sujet"), link("Les puits suspendus"), .text(" · "),
                                     link("Le projet ferroviaire avance")])
        #expect(clean([paragraph(story), box]) == [story])
        let english: Block = .paragraph([.text("Related stories "), link("Bridge closure extended"), .text(" "),
                                         link("School board approves calendar")])
        #expect(clean([paragraph(story), english]) == [story])
        // Words among the links make it a sentence; one link after a label is how a sentence points on.
        let sentence: Block = .paragraph([.text("Related stories "), link("Bridge closure extended"), .text(" and "),
                                          link("School board approves calendar"), .text(" ran last week.")])
        #expect(clean([paragraph(story), sentence]).count == 2)
        let pointer: Block = .paragraph([.text("See also "), link("the council's budget notes")])
        #expect(clean([paragraph(story), pointer]).count == 2)
        // A label of two words and another story's headline as the one link: a teaser, with no mark between them.
        let unmarked: Block = .paragraph([.text("Lire aussi "), link("Les clubs de natation cherchent des créneaux")])
        #expect(clean([paragraph(story), unmarked, paragraph(story + " More.")]) == [story, story + " More."])
        // French set in capitals drops the accent ("A lire aussi"); the Chinese "another read" label.
        for label in ["A lire aussi : ", "另请阅读："] {
            let teaser: Block = .paragraph([.text(label), link("Un nouveau kiosque sur la place du marché")])
            #expect(clean([paragraph(story), teaser, paragraph(story + " More.")]) == [story, story + " More."], "\(label)")
        }
        let spanned: Block = .paragraph([.text("Read also"), .text(" "), link("Library board approves new hours for summer")])
        #expect(clean([paragraph(story), spanned]) == [story])
        // A manual's cross-reference is its own text.
        let crossReference: Block = .paragraph([.text("See also "), link("FAQ#Why is there only one version of each library?"), .text(".")])
        #expect(clean([paragraph(story), crossReference]).count == 2)
        // A lone word before a headline may open a sentence.
        let watch: Block = .paragraph([.text("Watch "), link("Drone Footage Of The Flooded Valley")])
        #expect(clean([paragraph(story), watch]).count == 2)
        // A label that names no box ("Photos by") is the author's text whatever follows it.
        let credit: Block = .paragraph([.text("Photos by "), link("Ana Ruiz"), .text(" "), link("Lee Park")])
        #expect(clean([paragraph(story), credit]).count == 2)
    }

    @Test("a byline's label left with only the joining words of its pruned fields goes", arguments: [
        ("By on", true), ("Written by on", true), ("By on |", true), ("Por em", true),
        ("By the sea", false), ("By on the way home we stopped", false), ("By 2030", false),
    ])
    func bylineLabelWithConnectors(text: String, drops: Bool) {
        #expect(BlockCleanup.isLabelWithConnectors(BlockCleanup.normalize(text)) == drops)
        #expect(clean([paragraph(text), paragraph(story)]) == (drops ? [story] : [text, story]))
    }

    @Test("a share bar's line in major languages goes; a sentence about sharing stays", arguments: [
        ("Printer-friendly version | E-mail this story", true), ("Email to a friend", true),
        ("Share this article on Facebook X", true), ("Partager cet article sur Facebook LinkedIn", true),
        ("Diesen Artikel teilen: Facebook E-Mail", true), ("Compartir esta noticia en: Facebook WhatsApp", true),
        ("Condividi questo articolo su Facebook", true), ("Deel dit artikel op WhatsApp X", true),
        ("Partager cet article", true), ("Cet article sur Facebook a été supprimé", false),
        ("Les agriculteurs partagent cet article de loi sur Facebook", false),
        ("Поделиться: ВКонтакте Telegram WhatsApp", true), ("공유하기 페이스북 카카오톡 트위터", true),
        ("شارك: فيسبوك تويتر واتساب", true), ("ВКонтакте запустил новую ленту", false),
        ("Comments (12) · 124 shares", true), ("124 Shares", true), ("Shares fell after the report", false),
        ("Partilhar", true), ("Partilhar: Facebook WhatsApp", true), ("Partilhar a casa custa menos do que arrendar sozinho", false),
    ])
    func shareLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isShareLine(BlockCleanup.normalize(text)) == drops)
    }

    @Test("a heading is the title from eight characters, or four in CJK script", arguments: [
        ("新桥下月通车", "新桥下月通车", true), ("新桥通车", "新桥通车", true), ("通车", "通车", false),
        ("Bridge", "Bridge", false), ("Bridge opens", "Bridge opens | Daily", true),
        ("江城", "新桥下月通车 | 江城日报", false),
    ])
    func titleHeadings(heading: String, title: String, isTitle: Bool) {
        #expect(BlockCleanup.isTitle(BlockCleanup.normalize(heading), BlockCleanup.normalize(title)) == isTitle)
    }

    @Test("template filler is told from prose about it and from Latin", arguments: [
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.", true),
        ("Lorem Ipsum", true), ("Lorem ipsum 2", true),
        ("Neque porro quisquam est qui dolorem ipsum quia dolor sit amet.", true),
        ("Suspendisse varius enim in eros elementum tristique, dolor sit amet nunc.", true),
        // Filler words without a marker run, a sentence about the filler, a word that only starts alike.
        ("Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.", false),
        ("Designers often fill a draft layout with lorem ipsum before the copy arrives.", false),
        ("Ipsumville council met on Thursday.", false), ("Lorem", false),
    ])
    func placeholderText(text: String, isFiller: Bool) {
        #expect(BlockCleanup.isPlaceholder(text) == isFiller)
    }

    @Test func dropsTemplateFillerOnlyBesideOtherText() {
        let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt."
        let items = Block.list(ordered: false, items: [[paragraph("Lorem ipsum 1")], [paragraph("Timetables at the pier")]])
        // Beside a story (at least `placeholderKeepMinChars` of other text) the filler goes, a list's items one by one.
        #expect(clean([paragraph(story), .heading(level: 3, content: [.text("Lorem Ipsum")]), paragraph(filler), items])
            == [story, "Timetables at the pier"])
        // A page that is only filler (a theme's sample post), or whose other text is short or itself Latin, keeps it.
        let latin = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo."
        #expect(clean([paragraph(filler), paragraph(filler + " Duis aute.")]).count == 2)
        #expect(clean([paragraph("Read the timetable below."), paragraph(filler)]).count == 2)
        #expect(clean([paragraph(filler)] + Array(repeating: paragraph(latin), count: 4)).count == 5)
    }

    @Test func dropsTheTitleHeadingWrittenWithSoftHyphens() {
        // The title reads without the soft hyphens the page put in the heading ("Assis&shy;tance").
        let heading = Block.heading(level: 1, content: [.text("Harbour Assis\u{00AD}tance Fund opens")])
        #expect(clean([heading, paragraph(story)], titles: ["Harbour Assistance Fund opens"]) == [story])
    }

    @Test func dropsAPagersLineOfLinkedPageNumbers() {
        let link = { (n: String) in Inline.link(href: "https://example.org/x/\(n)", content: [.text(n)]) }
        let pager = Block.paragraph([.text("Pages: "), link("1"), .text(" 2 "), link("3")])
        #expect(BlockCleanup.isPageNumberLine(pager, pager.plainText))
        let arrows = Block.paragraph([.text("« "), link("1"), .text(" "), link("2"), .text(" 3 … "), link("9"), .text(" Další »")])
        #expect(BlockCleanup.isPageNumberLine(arrows, arrows.plainText))
        #expect(clean([paragraph(story), pager, paragraph(story + " Again.")]).count == 2)
        // Numbers without a link of their own, numbers that do not count up by one, or a sentence: story text.
        let unlinked = paragraph("Pages: 1 2 3")
        #expect(!BlockCleanup.isPageNumberLine(unlinked, unlinked.plainText))
        let scores = Block.paragraph([.text("Final score 3 "), link("1"), .text(" after extra time")])
        #expect(!BlockCleanup.isPageNumberLine(scores, scores.plainText))
        let years = Block.paragraph([.text("Seasons "), link("2019"), .text(" 2021 "), link("2024")])
        #expect(!BlockCleanup.isPageNumberLine(years, years.plainText))
        // A paged story's counter reads like a gallery's, in several languages.
        #expect(BlockCleanup.isGalleryCounter("page 2 of 3") && BlockCleanup.isGalleryCounter("сторінка 1 з 3"))
        #expect(BlockCleanup.isGalleryCounter("strana 1 z 3") && !BlockCleanup.isGalleryCounter("page 4 of 3"))
    }

    @Test func dropsTheAuthorsNameSigningTheStoryOff() {
        var trace = Trace(enabled: false)
        let input = BlockOutput(blocks: [paragraph(story), .paragraph([.strong([.text("Trần Thị Mai")])])], sources: [0, 1])
        let out = BlockCleanup.run(input, titles: [], authors: ["Trần Thị Mai"], trace: &trace).blocks
        #expect(out.map(\.plainText) == [story])
        #expect(BlockCleanup.isAuthorSignoff("— Ana Ruiz.", [BlockCleanup.nameKey("Ana Ruiz")]))
        // Another name, a sentence naming the author, or no credited author: the story's.
        #expect(!BlockCleanup.isAuthorSignoff("Ana Ruiz", [BlockCleanup.nameKey("Ana Ortega")]))
        #expect(!BlockCleanup.isAuthorSignoff("Ana Ruiz said nothing more.", [BlockCleanup.nameKey("Ana Ruiz")]))
        #expect(!BlockCleanup.isAuthorSignoff("Ana Ruiz", []))
        // Editors' initials in brackets close a story the same way; words in brackets do not.
        let initials = BlockOutput(blocks: [paragraph(story), paragraph("(rk/rk)")], sources: [0, 1])
        #expect(BlockCleanup.run(initials, titles: [], trace: &trace).blocks.map(\.plainText) == [story])
        #expect(BlockCleanup.isEditorInitials("[ant/mdk]") && !BlockCleanup.isEditorInitials("(and/or)x"))
        #expect(!BlockCleanup.isEditorInitials("(see photo)") && !BlockCleanup.isEditorInitials("(2024/25)"))
        // A blog's closing with more than the name is the writer's own.
        #expect(!BlockCleanup.isAuthorSignoff("<3 Ana Ruiz", [BlockCleanup.nameKey("Ana Ruiz")]))
        // The name as the only block is kept: it is not signing anything off.
        let alone = BlockOutput(blocks: [paragraph("Ana Ruiz")], sources: [0])
        #expect(BlockCleanup.run(alone, titles: [], authors: ["Ana Ruiz"], trace: &trace).blocks.count == 1)
    }

    @Test func cutsAtTerminatingHeading() {
        let out = clean([
            paragraph(story), .heading(level: 2, content: [.text("Related Articles")]), paragraph("Another headline"),
        ])
        #expect(out == [story])
    }

    @Test func dropsADatedCopyrightNoticeOnlyAsTheLastBlock() {
        let notice = "© 2026 Orchard Notes Cooperative"
        #expect(clean([paragraph(story), paragraph(notice)]) == [story])
        #expect(clean([paragraph(story), paragraph("Field Guide © 2010-2018 Orchard Notes Ltd.")]) == [story])
        // Mid-story, or without a year (a picture credit), or as the word in a reprint note: the story's.
        #expect(clean([paragraph(story), paragraph(notice), paragraph(story)]).count == 3)
        // (A labelled picture credit left last goes by its own rule: `aPicturesCreditLeftLastGoes…`.)
        #expect(clean([paragraph(story), paragraph("Cover art © Orchard Notes")]).count == 2)
        #expect(clean([paragraph(story), paragraph("Excerpted from a book by Ada Moyo, Copyright 2013.")]).count == 2)
        // A page that is nothing but the notice keeps it.
        #expect(clean([paragraph(notice)]) == [notice])
    }

    @Test func cutsAtTheArticleSourcesListButKeepsReferences() {
        let sources = Block.list(ordered: false, items: [
            [paragraph("https://statistics.example.gov/budget-2025.html")],
            [paragraph("https://news.example.com/council-meeting-report")],
        ])
        let out = clean([paragraph(story), .heading(level: 2, content: [.text("Article Sources:")]), sources])
        #expect(out == [story])
        // "References" is part of the text on many pages (an encyclopedia's, a paper's).
        #expect(clean([paragraph(story), .heading(level: 2, content: [.text("References")]), sources]).count == 3)
    }

    @Test func dropsATableOfContentsTitleLeftAboveTheStory() {
        let section = Block.heading(level: 2, content: [.text("Why the budget grew")])
        let out = clean([
            .heading(level: 2, content: [.text("Table of Contents")]), section, paragraph(story),
            paragraph("Inhaltsverzeichnis:"), paragraph(story),
        ])
        #expect(out == ["Why the budget grew", story, story])
        // Inside a sentence the words are the story's.
        let mention = "The table of contents of the report lists every line of the budget."
        #expect(clean([paragraph(mention), paragraph(story)]) == [mention, story])
    }

    func card(_ title: String, _ href: String, _ summary: String) -> [Block] {
        [.heading(level: 3, content: [.link(href: href, content: [.text(title)])]), paragraph(summary)]
    }

    @Test func cutsAtRecommendedArticlesAndRelatedProducts() {
        let teaser = paragraph("Grafting old apple trees, step by step")
        #expect(clean([paragraph(story), .heading(level: 3, content: [.text("Related Products")]), teaser]) == [story])
        #expect(clean([paragraph(story), paragraph("Recommended Articles"), teaser]) == [story])
        #expect(clean([paragraph(story), .heading(level: 2, content: [.text("Produits similaires")]), teaser]) == [story])
    }

    @Test func cutsAtAReaderAppealInTheStorysLastHalf() {
        let appeal = paragraph("Enjoyed this piece? We need your help to keep the orchard newsletter going every week.")
        let pitch = paragraph("A small monthly gift pays for the printing and the stamps.")
        #expect(clean([paragraph(story), appeal, pitch]) == [story])
        #expect(clean([paragraph(story), paragraph("Jetzt spenden und die Zeitung unterstützen."), pitch]) == [story])
        let heading = Block.heading(level: 2, content: [.strong([.text("This story is funded by readers like you")])])
        #expect(clean([paragraph(story), heading, pitch]) == [story])
        // Near the top it is the story's subject (a piece about a campaign), not the site's appeal.
        #expect(clean([appeal, paragraph(story), paragraph(story)]).count == 3)
    }

    @Test func cutsATeaserCardFeedLongerThanTheStoryAfterATerminatingLabel() {
        let short = "The orchard opened a cider press on the hill this autumn, run by volunteers from the village."
        func excerpt(_ n: Int) -> String {
            "Valley number \(n) tried a new way of grafting old apple trees. "
                + String(repeating: "The growers kept notes on every branch and every frost. ", count: 6)
        }
        var cards: [Block] = []
        for n in 1...4 { cards += card("Grafting notes, part \(n)", "https://orchard.example/notes-\(n)", excerpt(n)) }
        let story = [paragraph(short), paragraph(short), paragraph(short)]
        let label = Block.heading(level: 4, content: [.text("Read This Next")])
        #expect(clean(story + [label] + cards) == [short, short, short])
        // The same label over the story's own sections (plain headings) keeps a tail longer than the story.
        var sections: [Block] = []
        for n in 1...4 { sections += [.heading(level: 3, content: [.text("Grafting, step \(n)")]), paragraph(excerpt(n))] }
        #expect(clean(story + [label] + sections).count == story.count + 1 + sections.count)
        // Two linked titles are not yet a feed.
        #expect(clean(story + [label] + Array(cards.prefix(4))).count == story.count + 1 + 4)
        // A feed of linked titles before the label (a listing page) keeps the cards after it.
        let feed = card("Orchard diary, week 1", "https://orchard.example/diary-1", short)
            + card("Orchard diary, week 2", "https://orchard.example/diary-2", short + " The press ran late.") + story
        #expect(clean(feed + [label] + cards).count == feed.count + 1 + cards.count)
    }

    @Test func dropsACardGivenTwiceInARowButKeepsSameWordsLinkingElsewhere() {
        let museum = card("A Museum Worth the Drive", "/work/museum", "Raising attendance at a space museum in a small town.")
        let springTalk = card("Design Week", "/events/spring", "A talk on small-town branding at the county fairground.")
        let autumnTalk = card("Design Week", "/events/autumn", "A talk on small-town branding at the county fairground.")
        // A responsive copy (same words, same link) goes; two events of one name linking to two pages stay.
        #expect(clean([paragraph(story)] + museum + museum + springTalk + autumnTalk).count == 7)
        // One paragraph given over and over (identical tabs) is not a card and stays; so does a long paragraph
        // given twice with its heading.
        let note = paragraph("For more information, see the page on bindings.")
        #expect(clean([paragraph(story), note, note, note, note]).count == 5)
        let long = paragraph(story)
        let heading = Block.heading(level: 2, content: [.text("Secondary header")])
        #expect(clean([paragraph(story), heading, long, heading, long]).count == 5)
    }

    @Test func keepsTerminatingWordsInsideTheStory() {
        // A one-word phrase only matches a whole heading, and a short story does not end at its first heading.
        let out = clean([
            paragraph(story), .heading(level: 2, content: [.text("Recommended courses")]), paragraph(story + " More."),
        ])
        #expect(out.count == 3)
    }

    @Test func dropsBylinesLabelsShareLinesAndTitle() {
        let out = clean(
            [
                .heading(level: 1, content: [.text("Council argues over budget")]), paragraph("By Jane Hollis, May 2, 2022"),
                paragraph("Advertisement"), paragraph("Share on Facebook Twitter Email"), paragraph(story),
                paragraph("By the end of the night nothing was agreed."),
            ], titles: ["Council argues over budget | The Paper"])
        #expect(out == [story, "By the end of the night nothing was agreed."])
    }

    @Test func aDoubleEncodedTitleHeadingIsDroppedLikeTheTitle() {
        // The metadata title is read repaired ("Council’s budget"); the page's heading still shows the garbled bytes.
        let out = clean([.heading(level: 1, content: [.text("Councilâ€™s budget row goes on")]), paragraph(story)],
                        titles: ["Council’s budget row goes on"])
        #expect(out == [story])
    }

    @Test func aCaptionGivenTwiceIsKeptOnce() {
        let caption = "Volunteers mixing the red paint in the keeper's cottage."
        let picture = Block.figure(Figure(source: "https://example.org/f/1.jpg", alt: "", caption: []))
        let out = clean([paragraph(story), .list(ordered: false, items: [[paragraph(caption)]]), picture,
                         paragraph(caption), paragraph(story + " Again.")])
        #expect(out.filter { $0 == caption }.count == 1)
        // Repeats that are not under a picture stay: a listing's cards repeat their fine print.
        let fine = "Must be presented before work starts."
        #expect(clean([paragraph(story), paragraph(fine), paragraph("Second coupon"), paragraph(fine)]).count == 4)
    }

    @Test("a date alone above the story goes; a sentence with a date stays", arguments: [
        ("2026年11月20日 10:15", true), ("2026年11月20日 10時15分", true), ("2026년 11월 20일 10시 15분", true),
        ("2026년 11월 20일", true), ("20 November 2026, 10:15 am", true),
        ("Nov. 20, 2026", true), ("20.11.2026", true), ("He left on March 3, 2026", false),
        ("Voting closes 20 November 2026", false), ("Chapter 3", false),
        ("terça-feira, 20 de novembro de 2026 às 10h15", true), ("martes, 20 de noviembre de 2026 a las 10:15", true),
        ("Tuesday, November 20, 2026 at 10:15 am", true),
        ("A reunião de 20 de novembro de 2026 foi adiada", false),
    ])
    func datelines(text: String, isDateline: Bool) {
        #expect(BlockCleanup.isDateline(text) == isDateline)
        #expect(clean([paragraph(text), paragraph(story)]) == (isDateline ? [story] : [text, story]))
        #expect(clean([paragraph(story), paragraph(text)]) == [story, text], "only above the story")
    }

    @Test("a labelled publication or update line goes; a sentence with the same words stays", arguments: [
        ("Opublikowano: 12.05.2026, 14:30 · Aktualizacja: 12.05.2026, 16:02", true),
        ("Madrid - 12/05/2026 - 10:45 h. Actualizado: 12/05/2026 - 13:20 h.", true),
        ("03/02/2026 08h15 · Atualizado há 2 horas", true),
        ("Ayşe Yılmaz 12.05.2026 - 14:30 Güncelleme: 12.05.2026 - 16:45", true),
        ("Der Bericht wurde am 12.05.2026 veröffentlicht und sorgte sofort für heftige Kritik im Stadtrat.", false),
        ("Madrid, 12 de mayo de 2026", false),
    ])
    func labelledDatelines(text: String, isLabelled: Bool) {
        #expect((BlockCleanup.labelledDatelineOtherWords(text) != nil) == isLabelled)
    }

    @Test func labelledUpdateLinesBylineLabelsAndSignoffsInOtherLanguages() {
        // Only the label and the date: dropped under the story too. A Polish "Autor:" byline, a Korean sign-off.
        let out = clean([
            paragraph("Autor: Paweł Kowalczyk"), paragraph(story), paragraph("Aktualisiert am 03.07.2026 um 11:40 Uhr"),
            paragraph("김민준 기자 minjun@example.com"),
        ])
        #expect(out == [story])
        // A sentence that names a reporter and an address stays.
        let tip = "기자에게 제보하려면 tips@example.com 으로 메일을 보내 주세요. 모든 제보는 익명으로 처리됩니다."
        #expect(clean([paragraph(story), paragraph(tip)]) == [story, tip])
    }

    @Test func tagSubscribeAndCommentNoticesInOtherLanguages() {
        let out = clean([
            paragraph(story), paragraph("タグ: 図書館, 市政"), paragraph("Schlagwörter: Haushalt, Rat"),
            paragraph("更新情報をメールで受け取る"), paragraph("スポンサードリンク"), paragraph("Publicidade"),
            paragraph("Os comentários não representam a opinião do jornal. Comentários ofensivos serão removidos."),
        ])
        #expect(out == [story])
        // A closing paragraph that merely mentions comments is the story's.
        let kept = clean([paragraph(story), paragraph("The mayor declined to comment on the vote.")])
        #expect(kept.count == 2)
    }

    @Test func callsToFollowTheSiteGoButAStorysFollowUsStays() {
        let out = clean([
            paragraph(story), paragraph("Follow us on Mastodon, Bluesky and Threads for the latest headlines."),
            paragraph("Follow us:"), paragraph("Suivez-nous sur les réseaux sociaux"), paragraph("Follow us"),
            paragraph("Follow us as we walk the old canal path from the lock keeper's cottage to the mill."),
        ])
        #expect(out == [story, "Follow us as we walk the old canal path from the lock keeper's cottage to the mill."])
    }

    @Test func bylinesInOtherLanguagesNeedANameAfterTheirWordForBy() {
        let out = clean([
            paragraph("Por Lucía Ferrán 03/02/2026 - 09:12"), paragraph("Von Jana Kessler, Hamburg"), paragraph(story),
            paragraph("Por otro lado, el puerto no ha dicho cuándo empezarán las obras."),
            paragraph("Von Montag an gilt der neue Fahrplan"),
        ])
        #expect(out == [story, "Por otro lado, el puerto no ha dicho cuándo empezarán las obras.",
                        "Von Montag an gilt der neue Fahrplan"])
    }

    @Test func terminatingHeadingsInOtherLanguages() {
        for heading in ["関連記事", "Leia também", "Ähnliche Artikel", "À lire aussi", "Читайте также", "相关阅读",
                        "Les plus lus", "Lo más leído", "Meistgelesen", "I più letti", "Самое читаемое",
                        "En çok okunanlar", "الأكثر قراءة", "Przeczytaj również", "Neueste Artikel",
                        "Dernières actualités", "Últimas noticias", "最新新闻", "최신 뉴스", "Berita Terkini", "ताज़ा खबरें",
                        "Dodaj komentarz", "Şu an trend", "Đọc nhiều nhất", "Opinie czytelników (3)", "みんなの感想（3件）"] {
            let out = clean([paragraph(story), .heading(level: 3, content: [.text(heading)]), paragraph("Other story")])
            #expect(out == [story], "\(heading)")
        }
    }

    @Test("a blog post's footer line goes; a sentence that names a category stays", arguments: [
        ("Posted in News | Tagged water, weather | Leave a comment", true),
        ("Filed under: Local · 3 Comments", true), ("Posted on March 4, 2026 | Leave a reply", true),
        ("Publié dans Actualités | Laisser un commentaire", true), ("Veröffentlicht in Lokales | Verschlagwortet mit Wasser", true),
        ("Posted in 2019 | The city grew by a third", false), ("Tagged as a risk, the bridge closed - then reopened", false),
        ("Posted in News", false),
    ])
    func postFooterLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isPostFooterLine(text, BlockCleanup.normalize(text)) == drops)
        #expect(clean([paragraph(story), paragraph(text), paragraph(story + " Again.")]).count == (drops ? 2 : 3))
    }

    @Test("a player's readout line goes; a time code alone or in a sentence stays", arguments: [
        ("0:00 / 5:32 Listen (6 min)", true), ("Duration 2:14", true), ("Play 1:02:45", true),
        ("Durée 3:05", true), ("8:09", false), ("0:00/ 0:00", false), ("Kickoff at 7:30", false),
        ("The video runs 2:14 and shows the dam", false),
    ])
    func playerLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isPlayerLine(BlockCleanup.normalize(text)) == drops)
    }

    @Test("a widget's counter line goes; a number in a sentence stays", arguments: [
        ("12 likes", true), ("1,204 votes", true), ("3.400 views", true), ("1 vote", true),
        ("1,204 voters turned out", false), ("12 views of the valley", false), ("2026 votes", true),
    ])
    func counterLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isReactionCount(BlockCleanup.normalize(text)) == drops)
    }

    @Test func playerStandInsAndZoomLabelsGo() {
        for text in ["Please enable JavaScript to view this video.", "Your browser does not support the video tag.",
                     "Click to enlarge", "Tap to enlarge"] {
            #expect(clean([paragraph(story), paragraph(text), paragraph(story + " Again.")]).count == 2, "\(text)")
        }
        let sentence = "Please enable the new alerts in the county app to hear about closures first."
        #expect(clean([paragraph(story), paragraph(sentence), paragraph(story + " Again.")]).count == 3)
    }

    @Test func turkishDottedCapitalIReadsAsItsLabel() {
        // "İ" lowercases to "i" and a combining dot without a Turkish locale: the label must still be known.
        #expect(BlockCleanup.normalize("İlgili Haberler") == "ilgili haberler")
        #expect(clean([paragraph(story), .heading(level: 3, content: [.text("İlgili Haberler")]), paragraph("Başka bir haber")])
                == [story])
    }

    @Test("a call to follow the site in more languages goes", arguments: [
        ("Simak berita dan artikel lainnya di Google News", true), ("Bizi X ve Instagram hesaplarımızdan takip edin.", true),
        ("公式Xをフォローしてください", true), ("Polis, şüpheliyi iki gün boyunca takip etti.", false),
        ("تابعونا على تويتر وفيسبوك", true), ("ताज़ा खबरों के लिए हमें X पर फॉलो करें", true),
        ("Simaklah cerita ini sampai habis karena ada kejutan di akhir.", false),
        ("देश-दुनिया की ताज़ा खबरें पढ़ने के लिए हमें गूगल न्यूज़ पर फॉलो करें।", true), ("扫码关注谷地日报微信公众号", true),
        // Messenger channels and the Hindi spelling with a nukta ("फ़ॉलो").
        ("Gabung saluran WhatsApp Harian Lembah untuk update berita setiap hari. Klik di sini", true),
        ("Siga o canal do Diário da Serra no WhatsApp", true), ("Tham gia kênh Zalo của Báo Lúa Vàng để nhận tin nóng", true),
        ("ताज़ा ख़बरों के लिए घाटी समाचार को Google News पर फ़ॉलो करें।", true),
        ("घाटी समाचार के WhatsApp चैनल से जुड़ें", true), ("Siga o caminho do rio até a ponte velha e vire à esquerda.", false),
        // An icon before the call; a Vietnamese purpose of many one-syllable words after the network.
        ("📲 Siga o canal do Diário da Serra no WhatsApp e receba as notícias do dia", true),
        ("Theo dõi Báo Lúa Vàng trên Google News để cập nhật tin tức nhanh nhất.", true),
        ("Theo dõi Báo Lúa Vàng trên Google News để biết thêm về những cánh đồng lúa và các làng nghề ven sông.", false),
        // A call to tag the site in one's own posts; a sentence quoting a post names a handle and a tag, asks nothing.
        ("Tried this recipe? Mention @harborbakes or tag #harborbakes!", true),
        ("The #harborbakes post by @millerjo drew two thousand replies within an hour.", false),
    ])
    func followLinesInMoreLanguages(text: String, drops: Bool) {
        #expect(BlockCleanup.isFollowLine(BlockCleanup.normalize(text)) == drops)
    }

    @Test func chineseCreditLinesGo() {
        for credit in ["责任编辑：王小明", "来源：谷地日报", "來源：中央社"] {
            #expect(BlockCleanup.isEditorCredit(BlockCleanup.normalize(credit)), "\(credit)")
        }
        // A sentence that opens with the word is the story's.
        #expect(!BlockCleanup.isEditorCredit(BlockCleanup.normalize("来源不明的消息在网上流传了三天。")))
    }

    @Test func newsWidgetLabelsEndTheStory() {
        // Other stories' widget labels, as a heading or as a line of text after the story's last paragraph.
        for label in ["More on this story", "In case you missed it", "People also read", "Around the web",
                      "Other stories", "Top headlines", "Watch next", "On the same topic"] {
            let heading = clean([paragraph(story), .heading(level: 3, content: [.text(label)]), paragraph("Other story")])
            #expect(heading == [story], "\(label)")
            let line = clean([paragraph(story), paragraph(label), paragraph("Bridge closure extended into summer")])
            #expect(line == [story], "\(label)")
        }
    }

    @Test func dropsShopBadgesInsideListItems() {
        var trace = Trace(enabled: false)
        let tiles: Block = .list(ordered: false, items: [
            [paragraph("Wool picnic blanket"), paragraph("In Stock"), paragraph("$89.00")],
            [.heading(level: 4, content: [.text("Loading...")])],
            [paragraph("Canvas log carrier"), paragraph("Quick view"), paragraph("$34.00")],
        ])
        let out = BlockCleanup.run([paragraph(story), tiles], titles: [], trace: &trace)
        #expect(out.count == 2)
        guard case .list(_, let items) = out[1] else {
            Issue.record("the list is kept")
            return
        }
        #expect(items.map { $0.map(\.plainText) } == [
            ["Wool picnic blanket", "$89.00"], ["Canvas log carrier", "$34.00"],
        ])
        // A list of nothing but badges goes; a list without any is returned as it was.
        #expect(clean([paragraph(story), .list(ordered: false, items: [[paragraph("New")], [paragraph("Sold")]])]).count == 2)
        #expect(clean([paragraph(story), .list(ordered: false, items: [[paragraph("New")]])]) == [story])
    }

    @Test func captionlessPicturesStayButNeverMakeAStory() {
        var trace = Trace(enabled: false)
        let picture = Block.figure(Figure(source: "https://example.org/a.jpg"))
        let heading = Block.heading(level: 2, content: [.text("Test case")])
        let kept = BlockCleanup.run([paragraph(story), heading, picture], titles: [], trace: &trace)
        #expect(kept == [paragraph(story), heading, picture])
        #expect(BlockCleanup.run([picture, Block.figure(Figure())], titles: [], trace: &trace).isEmpty)
    }

    @Test func dropsCallToActionLinksButNotLinkedSentences() {
        let button = Block.paragraph([.link(href: "https://example.org/r", content: [.text("Read our full review")])])
        let sentence = Block.paragraph([.link(href: "https://example.org/s", content: [.text("Learn more about the harbour from the council's own report on the storm")])])
        let linked = Block.paragraph([.text("See "), .link(href: "https://example.org/t", content: [.text("view on the map")])])
        #expect(clean([paragraph(story), button, linked]) == [story, "See view on the map"])
        // Too long to be a button.
        #expect(clean([paragraph(story), sentence]).count == 2)
        // A link back to the index or the list the story came from.
        let back = Block.paragraph([.link(href: "https://example.org/blog", content: [.text("Back to Blog")])])
        let zurueck = Block.paragraph([.link(href: "https://example.org/", content: [.text("Zurück zur Übersicht")])])
        let backSentence = Block.paragraph([.text("Back to the harbour, where the ferry waited.")])
        #expect(clean([paragraph(story), back, zurueck, backSentence]) == [story, "Back to the harbour, where the ferry waited."])
    }

    @Test func dropsForumPostFurniture() {
        let out = clean([paragraph(story), paragraph("12 Likes"), paragraph("Code: Select all"), paragraph("Offline"),
                         paragraph("3 likes from the crew was not enough to change the plan.")])
        #expect(out == [story, "3 likes from the crew was not enough to change the plan."])
    }

    @Test func dropsSignUpFinePrint() {
        let fine = "By signing up, you agree to receive our newsletter and accept the privacy policy. Unsubscribe at any time."
        let story2 = "By the end of the night the council had agreed to sign up for the new bus scheme."
        #expect(clean([paragraph(story), paragraph(fine), paragraph(story2)]) == [story, story2])
    }

    @Test func dropsRepeatedRunsButNotSingleRepeats() {
        let a = paragraph("First paragraph of the story, long enough to count as a block.")
        let b = paragraph("Second paragraph of the story, long enough to count as a block.")
        let c = paragraph("Third paragraph of the story, long enough to count as a block too.")
        #expect(clean([a, b, c, a, b, c]).count == 3)
        // A single repeat stays (a caption repeated under a picture is the exception).
        let long = paragraph(story)
        #expect(clean([long, b, long, c]).count == 4)
        #expect(clean([a, b, a, c]).count == 4)
    }

    @Test func dropsTrailingHeadings() {
        #expect(clean([paragraph(story), .heading(level: 3, content: [.text("Share your thoughts")])]) == [story])
    }

    @Test func readingTimeLinesInSeveralLanguages() {
        for line in ["5 min read", "~12 minutes to read", "3 MIN. READ", "Reading time: 4 min", "Lesezeit: 6 Min.",
                     "8 min de lecture", "5分で読めます"] {
            #expect(BlockCleanup.isReadingTime(BlockCleanup.normalize(line)), "\(line)")
        }
        // A duration alone, or a minimal claim, is not a reading time.
        for line in ["8 Min", "40 minutes", "5 minimal steps to read", "Read time is short"] {
            #expect(!BlockCleanup.isReadingTime(BlockCleanup.normalize(line)), "\(line)")
        }
    }

    @Test func metaLineAboveTheStoryGoesWhenItIsTheOnlyOne() {
        #expect(BlockCleanup.isMetaLine("March 3, 2026 · 6 min read · By Ada Moyo"))
        #expect(!BlockCleanup.isMetaLine("March 3, 2026 · By Ada Moyo"))  // no reading time: a dateline's business
        #expect(!BlockCleanup.isMetaLine("Harbour news · 6 min read"))
        #expect(clean([paragraph("March 3, 2026 · 6 min read"), paragraph(story)]) == [story])
        // One per card: the feed's own text.
        let feed = [paragraph("March 3, 2026 · 6 min read"), paragraph(story), paragraph("March 2, 2026 · 4 min read"), paragraph(story)]
        #expect(clean(feed).count == 4)
        // A reading time as an item of the story's meta list goes too.
        let meta = Block.list(ordered: false, items: [[paragraph("Ada Moyo")], [paragraph("4 min read")]])
        #expect(clean([meta, paragraph(story)]) == ["Ada Moyo", story])
    }

    @Test func affiliateNoticeNeedsBothTheCommissionAndTheNotice() {
        #expect(BlockCleanup.isAffiliateNotice(
            "This post contains affiliate links, so we may earn a small commission if you buy through them."))
        #expect(BlockCleanup.isAffiliateNotice("Wenn Sie über diese Links kaufen, erhalten wir eine Provision."))
        // A sentence about commissions or affiliate marketing is the story's.
        #expect(!BlockCleanup.isAffiliateNotice(
            "Agents earn a commission when you buy the policy, so ask them what the cover leaves out."))
        #expect(!BlockCleanup.isAffiliateNotice("Affiliate marketing pays creators a share of each sale they refer."))
    }

    @Test func feedbackQuestionAndLikesWidgetEndTheStory() {
        #expect(clean([paragraph(story), paragraph("Was this article helpful?"), paragraph("Yes No")]) == [story])
        #expect(clean([paragraph(story), paragraph("¿Te resultó útil este artículo?"), paragraph("Sí")]) == [story])
        #expect(clean([paragraph(story), paragraph("Was the article useful?"), paragraph("Related article")]) == [story])
        #expect(clean([paragraph(story), .heading(level: 3, content: [.text("Like this:")]), paragraph("Like Loading...")]) == [story])
    }

    @Test func aListHeadedByARelatedLabelEndsTheStoryASpecListDoesNot() {
        func link(_ text: String) -> [Block] { [.paragraph([.link(href: "https://example.org/\(text.count)", content: [.text(text)])])] }
        let related = Block.list(ordered: false, items: [
            [paragraph("Related posts")], link("The harbour lamps shine again after a year"),
            link("Ferry fares stay at summer prices until March"),
        ])
        #expect(clean([paragraph(story), related, paragraph(story)]) == [story])
        let specs = Block.list(ordered: false, items: [
            [paragraph("Recommended:")], [paragraph("OS: any recent release")], [paragraph("Memory: 8 GB")],
        ])
        #expect(clean([paragraph(story), specs]).count == 2)
    }

    @Test func aTeaserLabelledRelatedOnItsFirstLineGoesAlone() {
        let teaser = Block.heading(level: 5, content: [.text("Related article"), .lineBreak, .text("How to season firewood")])
        #expect(clean([paragraph(story), teaser, paragraph(story)]) == [story, story])
        // A heading that only starts with the word is the story's.
        let heading = Block.heading(level: 3, content: [.text("Related work"), .lineBreak, .text("What others tried")])
        #expect(clean([paragraph(story), heading, paragraph(story)]).count == 3)
    }

    @Test func unmarkedAuthorBoxAfterTheStoryGoesOnce() {
        let bio = "Tessa Morrow-Lane has covered the valley's rivers, roads and councils for eleven years."
        let out = clean([paragraph(story), paragraph(story), paragraph("Tessa Morrow-Lane"), paragraph("Reporter"), paragraph(bio)])
        #expect(out == [story, story])
        // Two name-and-paragraph pairs: a listicle of people, which is the story.
        let people = [
            paragraph(story), paragraph(story), paragraph("Tessa Morrow-Lane"), paragraph(bio),
            paragraph("Ivo Brandt"), paragraph("Ivo Brandt paints the moors in oils, works from a barn near the pass and has shown in four cities."),
        ]
        #expect(clean(people).count == people.count)
    }

    @Test func authorBoxNamingTheWriterByFirstNameGoes() {
        let bio = "Tessa has covered the valley's rivers, roads and councils for eleven years and edits the weekend pages."
        let out = clean([paragraph(story), paragraph(story), paragraph("Tessa Morrow-Lane"), paragraph("Reporter"), paragraph(bio)])
        #expect(out == [story, story])
        // A label over its section repeats its own second word: the story's.
        let section = [
            paragraph(story), paragraph(story), paragraph("Digital Tools"),
            paragraph("Digital tools are cheaper than ever, and most of the parish's volunteers now keep records on a shared sheet."),
        ]
        #expect(clean(section).count == section.count)
    }

    /// Editorial credits under a headline go: the reviewer's and fact-checker's lines, a run of labels whose names
    /// went elsewhere, and on a story's page a label over its name line (given twice, as avatar caption and name).
    /// A sentence that starts with the same words, in lower case after them, stays; off a story's page the label and
    /// name line stay (a product page's "Written By" over "Our Research Team" is its content).
    @Test func editorialCreditsUnderTheHeadlineGo() {
        func clean(_ lines: [String], story isStory: Bool = true) -> [String] {
            var trace = Trace(enabled: false)
            let blocks = lines.map { paragraph($0) } + [paragraph(story)]
            let input = BlockOutput(blocks: blocks, sources: Array(blocks.indices))
            return BlockCleanup.run(input, titles: [], story: isStory, trace: &trace).blocks.map(\.plainText)
        }
        #expect(clean(["Reviewed by: Dana Whitcombe, CFP", "Fact-checked by Priya Landry"]) == [story])
        #expect(clean(["Medically reviewed by Omar Seddik, MD"]) == [story])
        #expect(clean(["By", "Edited by", "Reviewed by"]) == [story])
        #expect(clean(["Edited By", "Meegan Harlow", "Meegan Harlow"]) == [story])
        #expect(clean(["Written by", "Our Research Team"], story: false) == ["Written by", "Our Research Team", story])
        #expect(clean(["Reviewed by the board in March."]) == ["Reviewed by the board in March.", story])
        #expect(BlockCleanup.labelledNameEnd(after: 0, ["Edited by", "Jo Marsh", "Jo Marsh", "Text"].map { paragraph($0) },
                                             ["Edited by", "Jo Marsh", "Jo Marsh", "Text"]) == 3)
        #expect(BlockCleanup.labelledNameEnd(after: 0, ["Edited by", "the night desk."].map { paragraph($0) },
                                             ["Edited by", "the night desk."]) == nil)
    }
}

@Suite struct ShellCheckTests {
    @Test func labelsOnABigPageAreAShell() {
        let labels: [Block] = [.paragraph([.text("Menu")]), .paragraph([.text("Sign in")]), .paragraph([.text("© 2025 Shop")])]
        #expect(ShellCheck.isShell(labels, pageChars: 5000))
        // The same labels are the whole text of a tiny page: not a shell.
        #expect(!ShellCheck.isShell(labels, pageChars: 40))
    }

    @Test func aSentenceIsNeverAShell() {
        let story: [Block] = [.paragraph([.text("The ferry will stop running between the islands for the whole of next winter.")])]
        #expect(!ShellCheck.isShell(story, pageChars: 50_000))
        #expect(ShellCheck.wordCount("It's 3 o'clock, ok?") == 6)
    }
}

@Suite struct CardBylineTests {
    func paragraph(_ text: String) -> Block { .paragraph([.text(text)]) }

    func clean(_ blocks: [Block]) -> [String] {
        var trace = Trace(enabled: false)
        return BlockCleanup.run(blocks, titles: [], trace: &trace).map(\.plainText)
    }

    let desk = "A standing desk in solid oak with a motor that lifts it to any height in seconds."

    /// One byline is the story's and goes; a card grid's repeated maker lines are content.
    @Test func repeatedMakerLinesStayASingleBylineGoes() {
        #expect(clean([paragraph("By Sam O'Brien"), paragraph(desk)]) == [desk])
        let grid = [
            paragraph("Oak standing desk"), paragraph("By Latitude Run"),
            paragraph("Walnut side table"), paragraph("By Ebern Designs"),
            paragraph("Pine bookcase"), paragraph("By Wade Logan"),
        ]
        #expect(clean(grid) == grid.map(\.plainText))
    }

}

@Suite struct EchoedQuoteTests {
    /// Echoes are compared on letters and digits: case, punctuation and line breaks do not hide them.
    @Test func squashKeepsWordsOnly() {
        #expect(BlockCleanup.squashed("Feed it, twice\na DAY!") == Array("feed it twice a day".utf8))
        // Bytes of non-ASCII characters are kept as they are.
        #expect(BlockCleanup.squashed("  «Brot» – 2×  ") == Array("«brot» – 2×".utf8))
    }

    /// Generated class words (with digits) do not make two posts different shapes.
    @Test func classWordsIgnoreGeneratedOnes() {
        #expect(BlockCleanup.classWords("message message-1001 is-first") == ["message", "is-first"])
        #expect(BlockCleanup.classWords(nil).isEmpty)
    }

    /// A quote is an echo when nearly all of it was kept before; an attribution line may be new.
    @Test func echoSourceNeedsMostOfTheQuote() {
        let post = "My rye starter smells of nail polish remover and barely rises after each feeding."
        let seen = BlockCleanup.squashed("An opening line of the thread.") + [0x20] + BlockCleanup.squashed(post) + [0x20]
        let starts = [0, BlockCleanup.squashed("An opening line of the thread.").count + 1]
        let echo = Block.quote([.paragraph([.text("crumb said:")]), .paragraph([.text(post)])])
        #expect(BlockCleanup.echoSource(echo, in: seen, starts: starts) == 1)
        let fresh = Block.quote([.paragraph([.text("A wholly different remark about flour, water, salt and patience.")])])
        #expect(BlockCleanup.echoSource(fresh, in: seen, starts: starts) == nil)
    }
}

extension EchoedQuoteTests {
    /// A list whose items are posts: a reply's quote of an earlier item goes, a quote of nothing above stays.
    @Test func listItemQuotesEchoingEarlierItemsGo() {
        let post = "Every night on the dunes the wind pulls our thin wire pegs out of the sand before midnight."
        let reply = "Wide snow pegs buried sideways hold far better in loose sand."
        let fresh = "A saying about patience that nobody in this thread has written before today."
        let items: [[Block]] = [
            [.paragraph([.text(post)])],
            [.quote([.paragraph([.text(post)])]), .paragraph([.text(reply)])],
            [.quote([.paragraph([.text(fresh)])]), .paragraph([.text(reply + " Agreed.")])],
        ]
        var nodes: [[[Int]]] = []
        var trace = Trace(enabled: false)
        let kept = BlockCleanup.dropItemEchoes(items, nodes: &nodes, trace: &trace)
        #expect(kept?.map { Block.plainText(of: $0, separator: " ") } == [post, reply, fresh + " " + reply + " Agreed."])
        // Nothing echoed: nil, the list stays as it was.
        #expect(BlockCleanup.dropItemEchoes([items[0], items[2]], nodes: &nodes, trace: &trace) == nil)
    }
}

extension BlockCleanupTests {
    /// A forum member's counters beside a post go; a sentence that starts with the same word stays.
    @Test func memberCounterLinesGo() {
        #expect(clean([paragraph(story), paragraph("Posts: 1,204"), paragraph("Joined: Mar 2015")]) == [story])
        #expect(clean([paragraph(story), paragraph("Beiträge: 87")]) == [story])
        let sentence = "Posts: these are the ones we fixed in 2019, and the rest still lean."
        #expect(clean([paragraph(story), paragraph(sentence)]) == [story, sentence])
        #expect(clean([paragraph(story), paragraph("Registered users")]) == [story, "Registered users"])
    }

    @Test func aNewsroomsCallForTipsOrLettersEndsTheStory() {
        let tip = paragraph("Got a story? Contact the newsdesk at desk@example.org or call us any time.")
        #expect(clean([paragraph(story), tip]) == [story])
        let letters = Block.heading(level: 4, content: [.text("Submit a letter to the editor")])
        #expect(clean([paragraph(story), letters, paragraph("We print letters of up to 150 words.")]) == [story])
        #expect(clean([paragraph(story), paragraph("¿Tienes una historia? Escríbenos a la redacción.")]) == [story])
        #expect(clean([paragraph(story), paragraph("Have a story tip? Email us at news@example.org.")]) == [story])
        #expect(clean([paragraph(story), paragraph("Have a tip? Send it to the newsdesk.")]) == [story])
        // A call to report a mistake in the story, in major languages.
        for call in ["Spotted an error? Let us know at corrections@example.org.",
                     "Haben Sie einen Fehler entdeckt? Jetzt melden", "¿Has encontrado un error? Escríbenos.",
                     "Если вы заметили ошибку, выделите её и нажмите Ctrl+Enter."] {
            #expect(clean([paragraph(story), paragraph(story + " More."), paragraph(call)]) == [story, story + " More."], "\(call)")
        }
        // Near the top it is the story's subject, not the newsroom's call.
        #expect(clean([tip, paragraph(story), paragraph(story)]).count == 3)
        let favour = paragraph("We have a small favour to ask. Readers like you keep the paper free to read.")
        #expect(clean([paragraph(story), favour, paragraph("Give once or every month.")]) == [story])
    }

    @Test("page furniture set as a line of its own goes: back to top, a paywall badge, continue reading", arguments: [
        "Back to top", "Back to top ↑", "Zur Startseite", "Subscriber exclusive", "Article réservé aux abonnés",
        "CONTINUA A LEGGERE", "Haberin Devamı", "【纠错】", "この記事の感想を教えてください",
        // A notice that the story's summary is machine-made.
        "This summary was generated with the help of AI and checked by an editor. Learn more",
        // Invitations to get the news by the site's app or its notifications.
        // A multi-page story's pointer to its next page.
        "Continue reading on the next page »", "Lire la suite page 2 : ce que prévoit la nouvelle équipe",
        "Lesen Sie auf der nächsten Seite: Was die Händler erwarten", "次のページへ：新しい市場の計画",
        "Son dakika gelişmeleri için bildirimleri açın", "حمّل تطبيقنا لتصلك الأخبار العاجلة",
        "Download our app for the latest scores", "Активируйте приложение: скачайте наше приложение",
        // A pager's position line.
        "Seite 1 von 3 Nächste Seite", "Page 2 of 5", "Página 1 de 4 Siguiente »",
    ])
    func furnitureLabelLines(text: String) {
        #expect(clean([paragraph(story), paragraph(text), paragraph(story + " More.")]) == [story, story + " More."])
    }

    @Test("a widget's counter line goes: counts, counter words and reaction emoji only", arguments: [
        ("342 Aufrufe·17 Kommentare", true), ("1.2K shares", true), ("조회수 1,204", true), ("👍 214😢 9😡 2", true),
        ("2,3 mil compartilhamentos 87 comentários", true), ("👍 34 ❤️ 12", true), ("좋아요 56 훈훈해요 12 슬퍼요 3 화나요 1", true),
        ("3 – 1", false), ("Arsenal 2 Chelsea 1", false), ("1,204 people came to the harbour", false),
        ("12 views of the harbour hang in the hall", false), ("2026", false),
    ])
    func widgetCounterLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isCounterLine(BlockCleanup.normalize(text)) == drops)
    }

    @Test("a read-aloud player's line goes; a sentence with a time stays", arguments: [
        ("Artikel anhören 3:45", true), ("Écouter cet article 4:05", true), ("5:12 · Voiced by AI", true),
        ("▶ この記事を音声で聞く（3:10）", true), ("이 기사 듣기 2:30", true),
        ("The article was read aloud at 3:45 in the hall", false), ("3:45", false),
    ])
    func readAloudPlayerLines(text: String, drops: Bool) {
        #expect(BlockCleanup.isPlayerLine(BlockCleanup.normalize(text)) == drops)
    }

    /// Editorial credits and bylines in more languages: a capitalised name after the reviewer's or checker's
    /// words, whatever follows a label with a colon; the same words opening a sentence stay.
    @Test func editorialCreditsAndBylinesInMoreLanguages() {
        for credit in ["Geprüft von Jonas Weber, Chef vom Dienst", "Revisado por Marta Iglesias", "Relu par Camille Bertin",
                       "Verificado por Ana Pereira", "Faktencheck: Lea Hartmann", "Yazan: Elif Demir · 4 Mart 2026"] {
            #expect(clean([paragraph(credit), paragraph(story)]) == [story], "\(credit)")
        }
        #expect(clean([paragraph("Revisado por el comité en marzo, el plan sigue igual."), paragraph(story)]).count == 2)
        // A one-item list under the headline holding the credit goes with it.
        let listed = Block.list(ordered: false, items: [[paragraph("Geprüft von Jonas Weber")]])
        #expect(clean([listed, paragraph(story)]) == [story])
        let item = Block.list(ordered: false, items: [[paragraph("Bring a torch and warm boots")]])
        #expect(clean([item, paragraph(story)]).count == 2)
    }

    @Test func aCountedCommentSectionEndsTheStoryHoweverLongItRuns() {
        let comment = paragraph("Ich wohne seit zwanzig Jahren an der Allee und habe die Pläne im Rathaus gesehen. " + story)
        let thread = [paragraph("Diskussion (31)")] + Array(repeating: comment, count: 4)
        #expect(clean([paragraph(story), paragraph(story + " Mehr.")] + thread) == [story, story + " Mehr."])
        let heading = Block.heading(level: 3, content: [.text("24 Comments")])
        #expect(clean([paragraph(story), paragraph(story + " More."), heading] + Array(repeating: comment, count: 4))
                == [story, story + " More."])
        // A paper's "Discussion" section heads more of the paper.
        let section = Block.heading(level: 2, content: [.text("Discussion")])
        let paper = [paragraph(story), paragraph(story + " Results."), section] + Array(repeating: paragraph(story + " Then."), count: 4)
        #expect(clean(paper).count == paper.count)
    }

    /// A heading that only starts like a widget's label and goes on with the story's own prose, in the story's
    /// container, is a section of the story; the bare label, or one over a pitch and links, still ends it.
    @Test func aStorySectionStartingLikeALabelStays() throws {
        let more = "The council also agreed to extend the hours of the recycling centre on Mill Road, from this spring on."
        func page(_ heading: String, _ after: String) -> String {
            "<html><body><div id='body'><p>\(story)</p><p>\(story) Again.</p><h2>\(heading)</h2>\(after)</div></body></html>"
        }
        func cleaned(_ html: String) throws -> [String] {
            let fixture = try TreeFixture(html)
            let body = try fixture.index(id: "body")
            let converted = BlockConverter(tree: fixture.tree, mode: .balanced, url: nil).sourcedBlocks(of: [body])
            var trace = Trace(enabled: false)
            return BlockCleanup.run(converted, titles: [], tree: fixture.tree, story: true, trace: &trace).blocks.map(\.plainText)
        }
        let section = try cleaned(page("More from Tuesday’s meeting", "<p>\(more)</p><p>\(more) Then.</p>"))
        #expect(section.contains("More from Tuesday’s meeting") && section.last == more + " Then.")
        let label = try cleaned(page("More from", "<p>\(more)</p><p>\(more) Then.</p>"))
        #expect(!label.contains(more))
        let pitch = try cleaned(page("More from CFR", "<p>\(more)</p><ul><li><a href='/a'>Get matched with a therapist</a></li></ul>"))
        #expect(!pitch.contains(more))
    }

    @Test func aQuotedRightsNoticeIsTheStorys() {
        #expect(!BlockCleanup.isCopyrightLine("“All rights reserved,” he wrote on the first page of every notebook."))
        #expect(!BlockCleanup.isCopyrightLine("„Alle Rechte vorbehalten“, schrieb er auf die erste Seite."))
        #expect(BlockCleanup.isCopyrightLine("© 2026 Valley Courier. All rights reserved."))
    }

    @Test func bylinesInScriptsWithoutCaseAndMoreLanguages() {
        for byline in ["โดย สมชาย ใจดี", "Oleh Rina Wulandari", "Του Νίκου Παππά", "Text: Jonas Weber"] {
            #expect(clean([paragraph(byline), paragraph(story)]) == [story], "\(byline)")
        }
        #expect(clean([paragraph("Oleh karena itu, warga diminta tetap waspada."), paragraph(story)]).count == 2)
    }

    @Test func aSentenceAboutAPageIsNoPagerLine() {
        #expect(!BlockCleanup.isPagerPositionLine("page 3 of the report lists the closures"))
        #expect(!BlockCleanup.isPagerPositionLine("page 12 of 40 in the filing names the buyer, a firm based in the city"))
        #expect(BlockCleanup.isPagerPositionLine("seite 2 von 3"))
    }

    @Test func aThankYouForSupportingLocalJournalismEndsTheStory() {
        let thanks = paragraph("Thank you for supporting local journalism. Subscribe for full access.")
        #expect(clean([paragraph(story), paragraph(story + " More."), thanks]) == [story, story + " More."])
        let support = paragraph("Support independent local journalism. The paper is funded by its readers. Donate today.")
        #expect(clean([paragraph(story), paragraph(story + " More."), support]) == [story, story + " More."])
    }

    @Test func aPaywallPromptUnderAStoryCutShortEndsIt() {
        let prompt = Block.heading(level: 3, content: [.text("Subscribe to continue reading")])
        let offer = paragraph("Get unlimited access for $1 a week.")
        let login = paragraph("Already a subscriber? Log in")
        #expect(clean([paragraph(story), prompt, offer, paragraph("Subscribe now"), login]) == [story])
        #expect(clean([paragraph(story), login]) == [story])
        #expect(clean([paragraph(story), paragraph("Cet article est réservé aux abonnés. Abonnez-vous.")]) == [story])
        #expect(clean([paragraph(story), paragraph("Ya eres suscriptor? Inicia sesión")]) == [story])
        // Near the top, above most of the text, it is the story's subject.
        let subject = paragraph("Already a subscriber to three streaming services, Ana Ruiz added a fourth in May.")
        #expect(clean([subject, paragraph(story), paragraph(story)]).count == 3)
    }

    @Test("label blocks between decorations, gallery counters and symbol lines go", arguments: [
        ("- Advertisement -", true), ("— ADVERTISEMENT —", true), ("*** Anzeige ***", true), ("[ Ad ]", true),
        ("1 of 12", true), ("Photo 3 of 8", true), ("Image 4/9", true), ("Bild 2 von 10", true), ("Slide 1 of 5", true),
        ("💡", true), ("* * *", true), ("▶", true),
        // A gallery's name over its counter, and its buttons' words run into the counter's line.
        ("Gallery 1 / 3", true), ("포토 1/3", true), ("Zurück Bild 3 von 8 Weiter", true), ("‹ Previous 2 of 9 Next ›", true),
        // A rating or a fraction, a counter past its count, words around the label, and a wire story's rule stay.
        ("4/5", false), ("3 of 2", false), ("- Advertisement for the fair -", false), ("___", false),
        ("Two of the five", false), ("Next 3 of 8 stops are closed", false),
    ])
    func decoratedLabelsCountersAndSymbols(text: String, drops: Bool) {
        #expect(clean([paragraph(story), paragraph(text), paragraph(story + " More.")]).count == (drops ? 2 : 3))
    }

    @Test func aDateUnderALabelAboveTheStoryGoes() {
        #expect(BlockCleanup.isLabelledDateline("published: apr. 7, 2026, 3:30 pm"))
        #expect(BlockCleanup.isLabelledDateline("updated 12 may 2026"))
        #expect(BlockCleanup.isLabelledDateline("aktualisiert am 3. mai 2026"))
        #expect(!BlockCleanup.isLabelledDateline("published: the council's own figures for 2026"))
        #expect(!BlockCleanup.isLabelledDateline("publishers met on 3 may 2026"))
        #expect(clean([paragraph("Published: Apr. 7, 2026, 3:30 PM"), paragraph(story)]) == [story])
        #expect(clean([paragraph("Posted: May 12, 2026 | Updated: May 14, 2026"), paragraph(story)]) == [story])
        #expect(!BlockCleanup.isLabelledDates("posted: may 12, 2026 | the council's reply"))
        // A reading time and a date in separate elements, joined by a dot without spaces.
        #expect(clean([paragraph("6 min read·Apr 19, 2026"), paragraph(story)]) == [story])
    }

    @Test func aWatchOrVideoLabelBeforeALinkedTitleIsATeaser() {
        let watch = Block.paragraph([.strong([.text("WATCH:")]), .text(" "),
                                     .link(href: "/video/flood", content: [.text("Drone footage of the flooded valley")])])
        #expect(clean([paragraph(story), watch, paragraph(story + " More.")]) == [story, story + " More."])
        // The label with the story's own sentence after it stays.
        let note = paragraph("Watch: the river rose two metres in an hour, and the bridge closed at noon.")
        #expect(clean([paragraph(story), note, paragraph(story + " More.")]).count == 3)
    }

    @Test("a call to follow the site by its name on a network goes; a story's sentence of the same shape stays",
          arguments: [
        ("Follow The Valley Herald on Google News", true), ("Siga o Jornal da Serra no Google Notícias", true),
        ("Folgen Sie dem Nordboten auf Instagram!", true), ("Suivez La Gazette sur Facebook 👍", true),
        ("Follow The Valley Herald on Google News for more local stories.", true),
        ("Folgen Sie dem Nordboten auf Instagram für mehr Nachrichten aus der Region", true),
        ("Follow the signs on Facebook Street to the old mill.", false),
        ("Follow the river path for two kilometres to the old mill.", false),
        ("Follow the hearing as it happens: the committee meets at nine and the vote is expected by noon on YouTube", false),
    ])
    func followByNameLines(text: String, drops: Bool) {
        #expect(clean([paragraph(story), paragraph(text), paragraph(story + " More.")]).count == (drops ? 2 : 3))
    }

    @Test func aPicturesCreditLeftLastGoesAndOneInsideTheStoryStays() {
        let credit = paragraph("Фото: пресс-служба мэрии")
        #expect(clean([paragraph(story), paragraph(story + " More."), credit]) == [story, story + " More."])
        #expect(clean([paragraph(story), paragraph("Photo credit: City Archive"), paragraph(story + " More.")]).count == 3)
        // A sentence of the story that opens with the same word is no credit.
        let sentence = "Photo: " + String(repeating: "the crowd filled the square long before the speeches began, ", count: 2)
        #expect(clean([paragraph(story), paragraph(sentence)]).count == 2)
    }

    @Test func anInvitationToTheSitesOwnChannelGoes() {
        let channel = paragraph("Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости.")
        #expect(clean([paragraph(story), channel, paragraph(story + " More.")]) == [story, story + " More."])
    }

    @Test func anInvitationToAMessengerChannelGoes() {
        let join = paragraph("Click here to join our channel (@valleynews) and stay updated with the latest headlines")
        #expect(clean([paragraph(story), join, paragraph(story + " More.")]) == [story, story + " More."])
    }

    @Test func aColonLabelLeftLastAndADecoratedReadingTimeGo() {
        // The list the label introduced was dropped as related links; the label is left introducing nothing.
        #expect(clean([paragraph(story), paragraph("More from the Valley Herald:")]) == [story])
        // Mid-story a colon label introduces what follows it.
        let label = "Ingredients:"
        #expect(clean([paragraph(story), paragraph(label), paragraph(story + " More.")]) == [story, label, story + " More."])
        // A reading time left with the separators of a meta line whose other parts went.
        #expect(clean([paragraph("··3 min read"), paragraph(story)]) == [story])
    }

    @Test func aColumnistsFollowLineAndASitesClosingPlugGo() {
        let follow = paragraph("Follow me on Twitter or LinkedIn. Check out my website.")
        let plug = paragraph("Track Latest News Live on Example.com and get news updates from around the world")
        #expect(clean([paragraph(story), follow, paragraph(story + " More.")]).count == 2)
        #expect(clean([paragraph(story), paragraph(story + " More."), plug]).count == 2)
    }

    @Test("an ad break's notice between paragraphs goes; a sentence of the same words without an ad word stays",
          arguments: [
        ("Advertisement - scroll to continue", true), ("Story continues below this ad", true),
        ("Article continues after this advertisement", true), ("Skip Ad", true), ("Scroll to continue reading", true),
        ("Anzeige – Weiterlesen nach der Werbung", true), ("Publicité - la suite après cette publicité", true),
        ("The story continues.", false), ("Continue the story after the break, please.", false),
        ("Continua após a publicidade", true),
    ])
    func adBreakNotices(text: String, drops: Bool) {
        #expect(clean([paragraph(story), paragraph(text), paragraph(story + " More.")]).count == (drops ? 2 : 3))
    }

    @Test func anEmbedsPlaceholderNoticeAndASignUpLineGo() {
        let notice = paragraph("This content is imported from a social network. You may be able to find the same content in another format.")
        #expect(clean([paragraph(story), notice, paragraph(story + " More.")]).count == 2)
        #expect(clean([paragraph(story), paragraph("Sign up to our free newsletter"), paragraph(story + " More.")]).count == 2)
    }
}

@Suite struct RatingSummaryTests {
    /// A product page's review widget sums up its reviews in a short line; these go.
    @Test(arguments: [
        "rated 4.6 out of 5", "based on 1,204 reviews", "(7 customer reviews)", "4.3 (412 seller ratings)",
        "2,118 ratings", "customer reviews (31) 4.2 out of 5 stars", "4,5 von 5 sternen", "4,1 sur 5",
        "mostly positive (9,870 reviews)", "1 review",
    ])
    func summaryLinesAreRatingSummaries(_ line: String) {
        #expect(BlockCleanup.isRatingSummary(line))
    }

    /// A bare score, a count without a number before it, prose about ratings, and long sentences stay.
    @Test(arguments: [
        "4.2/5", "reviews", "write a review", "no reviews yet", "91% positive ratings from 3,000 buyers",
        "scores 4.5 out of 5 for water resistance in our own shower test, so a downpour is fine",
        "holds 5 of your cards", "ages 4 to 5",
    ])
    func otherLinesAreNot(_ line: String) {
        #expect(!BlockCleanup.isRatingSummary(line))
    }

    /// On a story's page a rating widget's line goes when it draws its stars; a sentence about a rating stays, and
    /// so does a summary without stars (a review roundup's own "Rated 4.6 out of 5").
    @Test func aStoryDropsARatingWidgetThatDrawsItsStars() {
        let story = String(repeating: "The bakery on Elm Street sells out of its rye loaves by noon. ", count: 4)
        func clean(_ line: String) -> [String] {
            var trace = Trace(enabled: false)
            let blocks: [Block] = [.paragraph([.text(story)]), .paragraph([.text(line)]), .paragraph([.text(story + "!")])]
            let input = BlockOutput(blocks: blocks, sources: Array(blocks.indices))
            return BlockCleanup.run(input, titles: [], story: true, trace: &trace).blocks.map(\.plainText)
        }
        #expect(clean("Rate this article: ★★★★☆ 4.2 (38 votes)") == [story, story + "!"])
        #expect(clean("★★★★★ 4.9 (112 ratings)") == [story, story + "!"])
        #expect(clean("Rated 4.6 out of 5").count == 3)
        #expect(clean("Readers gave the new loaf ★★★★★ in our poll, and 38 votes is a record for the bakery.").count == 3)
        #expect(BlockCleanup.hasRatingStars("★★★☆☆") && !BlockCleanup.hasRatingStars("★ Featured"))
    }
}

/// `BlockCleanup.withoutTrailingCount`: a label's count in brackets, ASCII or full-width.
@Suite struct TrailingCountTests {
    @Test func aCountInBracketsComesOff() {
        #expect(BlockCleanup.withoutTrailingCount("comments (12)") == "comments")
        #expect(BlockCleanup.withoutTrailingCount("みんなの感想（3件）") == "みんなの感想")
        #expect(BlockCleanup.withoutTrailingCount("opinie czytelników (1 204)") == "opinie czytelników")
    }

    @Test func otherBracketsStay() {
        #expect(BlockCleanup.withoutTrailingCount("the budget (explained)") == nil)
        #expect(BlockCleanup.withoutTrailingCount("comments") == nil)
        #expect(BlockCleanup.withoutTrailingCount("(12)") == nil)
        #expect(BlockCleanup.withoutTrailingCount("a note (see the full list of the 2026 entries)") == nil)
    }
}

/// `BlockCleanup.isLinkBar`: a line of short links with only separators between them.
@Suite struct LinkBarTests {
    func link(_ text: String) -> Inline { .link(href: "https://example.org/x", content: [.text(text)]) }

    @Test func aLineOfShortLinksIsABar() {
        #expect(BlockCleanup.isLinkBar([link("Order reprints"), .text(" | "), link("Today's paper"), .text(" | "), link("Subscribe")]))
        #expect(BlockCleanup.isLinkBar([link("Facebook"), .text(" · "), link("Instagram"), .text(" · "), link("X")]))
    }

    @Test func sentencesTwoLinksAndHeadlinesAreNot() {
        // Words of its own between the links: a sentence that links its sources.
        #expect(!BlockCleanup.isLinkBar([link("The council"), .text(" and "), link("the mayor"), .text(" agreed with "), link("residents")]))
        #expect(!BlockCleanup.isLinkBar([link("Facebook"), .text(" | "), link("Instagram")]))
        // Long link texts are other stories' headlines (a teaser list), not a bar.
        #expect(!BlockCleanup.isLinkBar([link("Bridge closure extended into the summer months"), .text(" | "), link("Library"), .text(" | "), link("Jobs")]))
    }

    @Test func aStoryDropsABarAfterItsText() {
        let story = String(repeating: "The harbor ferry will run every twenty minutes from June. ", count: 4)
        var trace = Trace(enabled: false)
        let bar: Block = .paragraph([link("Print"), .text(" | "), link("Email"), .text(" | "), link("Reprints")])
        let blocks: [Block] = [.paragraph([.text(story)]), bar]
        let input = BlockOutput(blocks: blocks, sources: Array(blocks.indices))
        #expect(BlockCleanup.run(input, titles: [], story: true, trace: &trace).blocks.map(\.plainText) == [story])
        // Not on other pages: a listing's letter index or a shop's filter line is their content.
        #expect(BlockCleanup.run(input, titles: [], trace: &trace).blocks.count == 2)
    }
}

/// `BlockCleanup.isTextChunkTwin`: the containers a CMS splits a story's text into, around a box set between them.
@Suite struct TextChunkTwinTests {
    let page = """
        <html><body><div id="column">
        <div id="a" class="story-body"><p>First part.</p></div>
        <div id="box" class="recommended"><h4>Recommended</h4></div>
        <div id="b" class="story-body"><p>Second part.</p></div>
        <div id="c" class="story-body wide"><p>More class names.</p></div>
        <div id="h" class="story-text"><p>Other class.</p></div>
        <section id="d" class="story-body"><p>Other tag.</p></section>
        </div>
        <div id="e" class="story-body"><p>Not a sibling.</p></div>
        <div id="f"><p>No class.</p></div><div id="g"><p>No class either.</p></div>
        <div id="k"><div id="m" data-component="text-block" class="css-x1"><p>Styled chunk.</p></div>
        <div id="n" data-component="text-block"><p>Plain chunk.</p></div>
        <div id="o" data-component="links-block"><p>A box.</p></div><div id="q" data-component=""><p>Empty.</p></div>
        <div id="r" data-component=""><p>Empty too.</p></div></div>
        </body></html>
        """

    @Test func siblingsOfOneTagAndClassAreTwins() throws {
        let fixture = try TreeFixture(page)
        let a = try fixture.index(id: "a"), b = try fixture.index(id: "b")
        #expect(BlockCleanup.isTextChunkTwin(b, of: a, tree: fixture.tree))
        #expect(BlockCleanup.isTextChunkTwin(a, of: b, tree: fixture.tree))
        #expect(!BlockCleanup.isTextChunkTwin(a, of: a, tree: fixture.tree))
        // A chunk marked further (`story-body wide`, a locked part) keeps the names of the first.
        #expect(BlockCleanup.isTextChunkTwin(try fixture.index(id: "c"), of: a, tree: fixture.tree))
        // One component name in one `data-` attribute, whatever the class names (one chunk styled, one not).
        #expect(BlockCleanup.isTextChunkTwin(try fixture.index(id: "n"), of: try fixture.index(id: "m"), tree: fixture.tree))
    }

    @Test("another class, another tag, another parent, another or an empty component name, or no class at all is no twin",
          arguments: [("h", "a"), ("h", "c"), ("d", "a"), ("e", "a"), ("box", "a"), ("g", "f"), ("o", "n"), ("r", "q")])
    func othersAreNot(_ pair: (String, String)) throws {
        let fixture = try TreeFixture(page)
        let chunk = try fixture.index(id: pair.0), other = try fixture.index(id: pair.1)
        #expect(!BlockCleanup.isTextChunkTwin(chunk, of: other, tree: fixture.tree))
    }
}
