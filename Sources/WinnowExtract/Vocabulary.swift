/// Every word list, tag set and threshold the content stages use, kept together as data so they can be read,
/// tuned and self-checked in one place (see `VocabularyTests`). Stages never hard-code a class word or a number.
enum Vocabulary {
    // MARK: Tags

    /// Elements removed with their whole subtree before anything is measured: never readable story text.
    static let dropTags: TagMask = [
        .head, .script, .style, .template, .iframe, .svg, .canvas, .object, .embed, .input,
        .textarea, .dialog, .video, .audio, .map, .link, .meta, .title, .source, .area, .comment,
    ]

    /// Form and widget elements removed only when small: libxml2 does not close a `<button>` whose inner
    /// `<div>` was left open, so a "button" can end up holding the whole page.
    /// `<noscript>` is here too: JS-rendered forums (Discourse) put the whole crawler view of a thread in one.
    static let smallDropTags: TagMask = [
        .button, .label, .fieldset, .legend, .select, .option, .menu, .noscript,
    ]

    /// JSON-LD `@type`s that make a page a discussion, where comments and replies are the content.
    static let discussionTypes: [String] = ["DiscussionForumPosting", "QAPage", "\"Question\""]
    /// The discussion types that make the page itself a thread (a `Question` alone may be a story's FAQ).
    static let threadTypes: [String] = ["DiscussionForumPosting", "QAPage"]
    /// URL path segments of a forum thread below them, as common forum engines write them (XenForo's
    /// `/threads/some-title.123/`, Vanilla's `/discussion/123/some-title`, a link aggregator's
    /// `/r/x/comments/abc/some-title/`); not the last segment, which names the page itself.
    static let threadPathSegments: Set<String> = ["threads", "thread", "discussion", "comments"]
    /// URL path segments of a forum thread when a segment after them starts with the thread's number
    /// (`PageProfile.isThread(pathSegments:)`): alone they also name tag and section pages.
    static let threadIDPathSegments: Set<String> = ["t", "topic", "d"]
    /// The last path segment of a forum engine's thread page (`/viewtopic.php?t=...`).
    static let threadPathPages: Set<String> = ["viewtopic.php", "showthread.php"]
    /// The whole text of a heading's permalink anchor (`<a class="headerlink" href="#options">¶</a>` from Sphinx
    /// and MkDocs, `#` from Hugo and Jekyll themes, `§`, a link emoji, Docusaurus's zero-width space): a link to
    /// its own page's fragment whose only text is one of these marks is an icon shown on hover, never words of
    /// the heading or the page's title (`PageTree.isPermalinkMark`).
    static let permalinkMarks: Set<String> = ["\u{00B6}", "\u{00A7}", "#", "\u{1F517}", "\u{2693}", "\u{200B}"]
    /// Lowercased words of a member panel's join date ("Joined: Mar 2020", "Mitglied seit 2019", "Inscrit le
    /// 3 mars 2020"): a date line holding one is the member's, not the post's (`ContentPruning.isPostStamp`).
    static let memberSinceWords: Set<String> = [
        "joined", "registered", "since", "member", "inscrit", "inscription", "membre", "registriert", "beigetreten",
        "seit", "mitglied", "registrado", "desde", "miembro", "iscritto", "iscrizione", "membro", "lid", "sinds",
        "geregistreerd", "cadastrado", "zarejestrowany",
    ]
    /// Lowercased words of a post's edit note ("Last edited: Mar 3, 2026", "Zuletzt bearbeitet", "Modifié le"):
    /// a date line holding one is not the post's stamp (`ContentPruning.isPostStamp`).
    static let editNoteWords: Set<String> = [
        "edited", "edit", "modified", "updated", "bearbeitet", "geändert", "zuletzt", "aktualisiert", "modifié",
        "modifiée", "édité", "editado", "modificado", "actualizado", "modificato", "aggiornato", "bewerkt",
        "gewijzigd", "redigerad", "ändrad", "redigeret", "edytowany", "zmieniony",
    ]
    /// Lowercased words that label a shown date as a revision of the story, not its publication ("Updated on
    /// <time>", "Last updated", "Aktualisiert am", "Revised"): the edit-note words and a few more forms.
    static let updateLabelWords: Set<String> = editNoteWords.union([
        "update", "revised", "überarbeitet", "actualización", "aggiornamento", "bijgewerkt", "atualizado",
        // Swedish, Danish, Norwegian, Czech, Ukrainian, Indonesian, Greek, Hebrew.
        "uppdaterad", "opdateret", "oppdatert", "aktualizováno", "оновлено", "diperbarui", "ενημερώθηκε",
        "ενημέρωση", "עודכן", "frissítve", "actualizat",
    ])
    /// Lowercased words that label a date as a manuscript's history ("Received 2022 Oct 12; Accepted…"), not
    /// its publication: journal pages show these next to the article.
    static let manuscriptDateWords: Set<String> = [
        "received", "accepted", "submitted", "eingereicht", "angenommen", "reçu", "accepté", "recibido",
        "aceptado", "ricevuto", "accettato", "ontvangen", "geaccepteerd", "recebido", "aceito",
    ]

    /// Page-chrome elements removed unless one of them holds most of the page's text (a page nested inside a
    /// `<header>` or an ASP.NET `<form>` wrapper).
    static let chromeTags: TagMask = [.nav, .aside, .footer, .header, .form]

    /// A `<header>` inside one of these heads a part of the content, not the page (see
    /// `ChaffRemoval.isSectionHeader`).
    static let headerOwningTags: TagMask = [.section, .main]

    /// A chrome element whose class or id also names it so is removed even when it holds most of the page's
    /// prose: an `<aside>` named a sidebar (a live blog in `<aside id="sidebar">` beside a short story), a
    /// `<footer>` named a footer (a page footer's disclaimers and office addresses under a short story).
    /// Other chrome tags are not: libxml2 lets an unclosed `<nav>` or `<header>` swallow the page.
    static let namedChrome: [HTMLTag: Category] = [.aside: [.sidebar], .footer: [.footer]]

    /// Elements that start a new block of text.
    static let blockTags: TagMask = [
        .html, .body, .div, .section, .article, .main, .header, .footer, .nav, .aside, .p, .pre, .blockquote,
        .ul, .ol, .li, .dl, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6, .table, .thead, .tbody, .tfoot, .tr, .td, .th,
        .caption, .figure, .figcaption, .hr, .form, .center, .details, .summary, .address, .fieldset, .unknownBlock,
    ]

    /// Blocks that score as paragraphs when they hold enough direct text (Readability's p/td/pre plus
    /// text-bearing divs).
    static let scoringTags: TagMask = [
        .p, .pre, .td, .div, .section, .article, .main, .blockquote, .center, .dd, .unknownBlock,
    ]

    /// Readability's per-tag starting score for a node that receives paragraph scores (`baseScore(of:)`).
    static let tagBaseScore: [HTMLTag: Double] = [
        .div: 5, .article: 5, .main: 5, .section: 3, .pre: 3, .td: 3, .blockquote: 3,
        .address: -3, .ol: -3, .ul: -3, .dl: -3, .dd: -3, .dt: -3, .li: -3, .form: -3,
        .h1: -5, .h2: -5, .h3: -5, .h4: -5, .h5: -5, .h6: -5, .th: -5,
    ]

    // MARK: Class / id vocabulary

    /// Whole class or id tokens (lowercased, as written) and the category each one signals.
    static let wholeTokens: [Category: [String]] = [
        .articleBody: [
            "entry-content", "article-content", "article__content", "article-body", "article__body", "articlebody",
            "article-text", "articletext", "body-text", "post-text", "post-body", "post-content", "post__content",
            "postcontent", "story-body", "story-content", "storycontent", "blog-content", "entry-body",
            "article-container", "article__container", "articlecontent", "story-text",
            "field-body", "single-content", "single-post-content", "post-entry", "entry_content",
            "article_body", "article_content", "post_content", "story_body", "article-detail", "news-content",
            "fulltext", "blog-post-content", "article-main", "post-article", "entry-text",
        ],
        .contentArea: [
            "main-content", "content-body", "text-content", "rich-text", "richtext", "page-content",
            // The rich-text block of a site builder that serves many thousands of sites (Webflow), like WordPress's
            // `wp-caption-text` below: a platform's convention, not one site's.
            "w-richtext",
            "body-copy", "story", "content-main", "maincontent", "main_content", "primary-content", "content",
            "region-content", "post", "entry", "blog-post", "hentry",
        ],
        .hidden: [
            "hidden", "hide", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
            "screen-reader-only", "invisible", "u-hidden", "noprint", "notloaded", "element-invisible",
            "a11y-hidden", "offscreen",
        ],
        .consent: [
            "cookie-banner", "cookie-notice", "cookie-consent", "cookie-bar", "cookiebar", "cookie-popup",
            "cookie-law", "cookie-message", "cookienotice", "cookieconsent", "cookie-policy-banner", "cc-banner",
            "cc-window", "onetrust-banner-sdk", "onetrust-consent-sdk", "onetrust-pc-sdk", "cookiebot", "cmplz",
            "moove-gdpr", "borlabs-cookie", "gdpr", "gdpr-banner", "privacy-banner", "consent-banner", "consent",
            "cookie-wrapper", "cookies-banner", "truste",
        ],
        .comments: [
            "comments", "comment-list", "commentlist", "comments-area", "comment-respond", "respond",
            "disqus_thread", "dsq-comments", "article-comments", "post-comments", "comments-section",
            "comment-section", "commentssection", "comments-container", "comment-form", "reply-form", "comentarios",
        ],
        .authorBio: [
            "author-bio", "author-box", "authorbox", "about-author", "about-the-author", "author-info",
            "author-card", "author-profile", "author-details", "author-block", "bio", "author-description",
            "post-author-bio", "author-avatar", "author-wrap",
        ],
        .modal: ["modal", "popup", "overlay", "lightbox", "modal-content"],
        .sidebar: ["widget-area", "sidebar-widget"],
        .tags: ["tag-list", "tag-cloud", "tag-links", "post-tags", "entry-tags", "article-tags", "story-tags"],
        .byline: [
            "entry-meta", "post-meta", "article-meta", "posted-on", "post-date", "entry-date",
        ],
        .caption: ["wp-caption-text", "image-caption", "photo-credit"],
        .positive: ["h-entry"],
        .toc: ["toc", "table-of-contents", "tableofcontents", "toc-container"],
        .infinite: ["infinite-scroll", "next-article"],
    ]

    /// Parts of a class or id token (split on `-` and `_`), each signalling a category on its own.
    static let tokenParts: [Category: [String]] = [
        // Popovers: a hover card on a person's name (their latest headlines, a "more" link), a tooltip, a flyout;
        // shown by a script or on hover, never part of the sentence they sit in.
        .modal: ["tooltip", "tooltips", "popover", "popovers", "hovercard", "flyout"],
        .share: [
            "share", "shares", "sharing", "sharebar", "sharethis", "addthis", "social", "socials", "sociable",
            "addtoany", "a2a", "shariff", "whatsapp", "tweet",
        ],
        .newsletter: ["newsletter", "subscribe", "subscription", "signup", "optin", "mailchimp", "mc4wp"],
        .navigation: [
            "nav", "navbar", "navigation", "navbox", "subnav", "menu", "breadcrumb", "breadcrumbs", "pagination",
            "pager", "skip", "topbar", "masthead", "crumbs",
        ],
        .sidebar: ["sidebar", "rail", "sidebox", "aside"],
        .related: [
            "related", "relatedposts", "relatedarticles", "recommended", "recommendations", "popular",
            "mostpopular", "trending", "viral", "outbrain", "taboola", "teaser", "teasers", "readmore", "readnext",
            "upnext", "yarpp", "crp",
        ],
        .ads: [
            "ad", "ads", "advert", "advertisement", "adsense", "adslot", "adunit", "sponsor", "sponsored",
            "promo", "promoted", "dfp", "gpt", "banner", "criteo", "commercial", "affiliate",
        ],
        .tags: ["tags", "tagcloud", "taglist", "keywords", "categories"],
        .byline: [
            "byline", "dateline", "author", "authors", "meta", "postmeta", "timestamp", "date", "published",
            "posted", "updated", "time", "writtenby", "credits", "credit",
            // A forum post's member panel beside the username: rank, join date, post count.
            "userextras", "usertitle", "userbanner", "userinfo", "userstats", "postprofile",
            // A Q&A site's reputation and badge counts beside each post's author.
            "flair",
        ],
        .footer: ["footer", "copyright", "colophon", "disclaimer", "disclosure", "disclosures"],
        // A forum member's signature under each of their posts: the same lines on every post, not the reply.
        .authorBio: ["signature", "signatures", "postsignature", "signaturecontainer", "usersignature"],
        .header: ["header", "masthead", "hero"],
        .comments: ["comment", "comments", "disqus", "discussion", "replies"],
        .caption: ["caption", "figcaption"],
        .media: ["player", "videoplayer", "jwplayer", "vjs"],
        .gallery: ["gallery", "slideshow"],
        .reviews: [
            "review", "reviews", "ratings", "yotpo", "jdgm", "okendo", "stamped", "loox", "bazaarvoice", "trustpilot",
            "bv",
        ],
        .disclosure: ["accordion", "faq", "faqs", "collapse", "collapsible", "expandable", "answer", "answers"],
        .print: ["print", "noprint"],
        .positive: [
            "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
            "story", "prose", "markdown",
        ],
    ]

    /// A class or id token with a part of `authorBoxNameParts` and a part of `authorBoxParts` names an author
    /// box (`ly-author-box`, `author__bio`, `about_author_wrapper`): the writer's photo and biography under a
    /// story. A part of `authorBoxNameParts` alone is a byline, removed only when short.
    static let authorBoxNameParts: Set<String> = ["author", "authors"]
    static let authorBoxParts: Set<String> = [
        "box", "bio", "card", "about", "profile", "desc", "description", "wrap", "wrapper", "block", "section",
        "container", "spotlight",
    ]

    /// Microdata `itemtype`s (the URL's last path segment, lowercased) of a person. Inside the content, such an
    /// item with at least `Threshold.personBoxMinChars` of text is the author's box (name, photo, biography),
    /// never the story's text; a shorter one is a name (a byline, a forum post's username, a book's author).
    static let authorItemTypes: Set<String> = ["person"]

    /// The word after a first name that opens an author's biography ("Mara covers transport …", "Mara is a
    /// reporter …"), lowercased, in major languages: a label over a section ("Lab Info" over "Lab exercises
    /// run …") goes on with a noun instead. Used by `BlockCleanup.dropAuthorBio`.
    static let biographyVerbs: Set<String> = [
        "is", "has", "was", "writes", "covers", "joined", "leads", "works", "lives", "holds", "brings", "loves",
        "specializes", "specialises", "helps", "founded", "serves", "began", "started", "enjoys", "spent", "grew",
        "graduated", "earned", "oversees", "manages", "teaches", "runs", "reports", "edits", "heads", "studied",
        "ist", "hat", "war", "schreibt", "arbeitet", "lebt", "leitet",
        "est", "était", "écrit", "travaille", "vit", "dirige",
        "es", "fue", "escribe", "trabaja", "vive",
        "é", "tem", "foi", "escreve", "trabalha",
        "è", "era", "scrive", "lavora",
        "heeft", "schrijft", "werkt", "woont",
    ]

    /// `role` attribute values that mark chrome.
    static let chromeRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "alert", "alertdialog", "dialog", "banner",
        "contentinfo", "search", "toolbar",
    ]

    /// Class substrings of carousel and slider widgets: their teasers are promoted slides, not a feed.
    static let carouselClassWords = ["carousel", "slider", "swiper", "slick", "splide", "glide"]

    /// Unicode ranges of Chinese, Japanese and Korean script (kana, CJK ideographs, Hangul syllables), whose
    /// words take fewer characters than Latin ones (`TeaserCards.isHeadlineLength`).
    static let cjkScalarRanges: [ClosedRange<UInt32>] = [0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7AF]

    /// Containers that can be a teaser card led by a linked headline without a heading tag
    /// (`TeaserCards.linkedLead`); not `<p>` (a sentence opening with a link), and `<li>` only on a story page.
    static let linkedLeadCardTags: TagMask = [.div, .article, .section]

    /// `role` values of controls (player buttons, sliders): removed like `smallDropTags`.
    static let widgetRoles: Set<String> = [
        "button", "slider", "progressbar", "menuitem", "checkbox", "switch", "spinbutton", "timer", "tooltip",
    ]

    /// `role` values of a table made of other elements, of its rows, and of its cells (header cells apart).
    static let tableRoles: Set<String> = ["table", "grid", "treegrid"]
    static let tableRowRole = "row"
    static let tableCellRoles: Set<String> = ["cell", "gridcell"]
    static let tableHeaderRoles: Set<String> = ["columnheader", "rowheader"]

    /// `role` / `itemprop` values that mark the story body.
    static let bodyRoles: Set<String> = ["main", "article"]
    static let bodyItemprops: Set<String> = ["articlebody", "text", "reviewbody", "description"]

    /// Categories removed from the whole page before the candidate is chosen (chaff no reading of the page needs).
    static let pageChaff: Category = [.hidden, .consent, .comments, .modal, .infinite]

    /// Categories removed inside the chosen content (guarded against over-pruning).
    static let contentChaff: Category = [
        .share, .newsletter, .navigation, .sidebar, .related, .ads, .tags, .authorBio, .toc, .footer, .print,
    ]

    /// Categories removed page-wide on product pages only (`PageKind`): shoppers' reviews are not the
    /// product's description, but a review article's body is its story.
    static let productPageChaff: Category = [.reviews]

    /// Hidden nodes with these categories are kept (a collapsed FAQ answer) unless they are also one of
    /// `hiddenChaff` (a collapsed menu).
    static let revealable: Category = [.disclosure]
    static let hiddenChaff: Category = [.navigation, .modal, .consent, .chromeRole, .comments, .ads]

    /// Pop-ups by their class or id: a modal (sign-up box, lightbox, tooltip) or a consent banner. A heading
    /// inside one is not the page's headline (`PageScanner.isInPopUp`).
    static let popUpCategories: Category = [.modal, .consent]

    /// Characters never seen on the page: a soft hyphen (`&shy;`, a line-break hint inside a word), a word joiner,
    /// a zero-width no-break space (byte-order mark). Titles drop them so the words they sit in stay whole.
    static let invisibleCharacters: Set<Unicode.Scalar> = ["\u{00AD}", "\u{2060}", "\u{FEFF}"]

    /// Categories removed inside the content even when they hold most of it (a video player's menus, a
    /// 50-slide gallery under a short story); only the over-pruning guard (`maxPrunedShare`) protects them.
    /// `.gallery` counts only with `galleryMinSlides` slides: a product page's "feature gallery" is copy.
    static let embeddedChaff: Category = [.media, .gallery]

    /// Categories removed inside the content only when the element is short (metadata lines).
    static let shortChaff: Category = [.byline, .caption]

    /// Categories whose class words an inline field inside a sentence may carry and still be a word of it: a
    /// person's name (`author`, `author-wrap`), a date (`date`, `time`), a topic link (`tags`). Such a field set
    /// in running text stays (`ContentPruning.isWordInSentence`); an ad, a share button or a pop-up never does.
    static let wordCategories: Category = [.byline, .authorBio, .tags]

    /// Categories that lower a node's Readability score; `articleBody` raises it.
    static let negativeScore: Category = [
        .share, .newsletter, .navigation, .sidebar, .related, .ads, .tags, .authorBio, .comments, .footer,
        .byline, .modal, .consent,
    ]

    // MARK: Text vocabulary

    /// Short block texts after which the story is over (lowercased prefixes).
    static let terminatingPhrases: [String] = [
        "related articles", "related stories", "related posts", "related content", "related reading",
        "related coverage", "related news", "related:", "related", "next story", "next article", "read next",
        "going viral", "more from", "more stories", "more news", "more articles", "you may also like",
        "you might also like", "you may be interested", "recommended for you", "recommended", "trending now",
        // Most-read and trending boxes, and readers' comment sections, in Turkish, Vietnamese, Polish and Japanese.
        "şu an trend", "trend haberler", "đọc nhiều nhất", "xem nhiều nhất", "tin đọc nhiều", "opinie czytelników",
        "みんなの感想", "読者の声", "読者のコメント",
        "trending", "most popular", "most read", "popular stories", "popular posts", "leave a comment",
        "leave a reply", "post a comment", "add a comment", "comments", "share this", "share on", "share:",
        "sign up for", "subscribe to our newsletter", "don't miss", "also read", "latest news", "latest stories",
        "top stories", "editor's picks", "what to read next", "up next", "explore more", "about the author",
        "join the conversation", "more to explore", "read this next", "more like this", "you may also enjoy",
        "keep reading", "popular now", "recommended reading", "read more stories", "more on this topic",
        "related topics", "recent posts", "latest posts", "similar posts", "you might like",
        // News sites' other widget labels for other stories (a "Further reading" list is often the author's own).
        "more on this story", "on the same topic", "more coverage", "other stories", "in other news",
        "more headlines", "top headlines", "other headlines", "more top stories", "in case you missed it", "you may have missed",
        "you might have missed", "people also read", "readers also liked", "what others are reading",
        "popular articles", "trending stories", "more for you", "related links", "related videos", "watch next",
        "around the web", "from our partners", "promoted stories",
        // Recommended articles and related products or pages, which a story's page lists under it.
        "recommended articles", "recommended stories", "recommended posts", "related pages", "related products",
        // The list of the sources a story cites, under this label (unlike "References", "Citations" or "Notes",
        // which many pages and encyclopedias keep as part of the text).
        "article sources",
        // The same headings in other major languages (lowercased): related, read also, recommended, comments.
        "関連記事", "関連ニュース", "関連リンク", "あわせて読みたい", "こちらもおすすめ", "おすすめ記事", "人気記事", "次の記事",
        "前の記事", "相关文章", "相关阅读", "相關文章", "相關閱讀", "延伸阅读", "延伸閱讀", "推荐阅读", "推薦閱讀",
        "相关新闻", "相關新聞", "相关报道", "相關報導", "相关链接", "相關連結", "猜你喜欢", "网友评论", "網友評論",
        "热门文章", "熱門文章", "관련기사", "관련 기사", "추천 기사", "많이 본 뉴스", "ähnliche artikel",
        "verwandte artikel", "weitere artikel", "mehr zum thema", "das könnte sie auch interessieren",
        "auch interessant", "kommentare", "articles similaires", "articles liés", "à lire aussi", "lire aussi",
        "sur le même sujet", "vous aimerez aussi", "à voir aussi", "commentaires", "artículos relacionados",
        "noticias relacionadas", "te puede interesar", "también te puede interesar", "lee también",
        "más noticias", "comentarios", "artigos relacionados", "notícias relacionadas", "leia também",
        "veja também", "você também pode gostar", "mais lidas", "comentários", "articoli correlati",
        "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "commenti", "gerelateerde artikelen",
        "lees ook", "meer nieuws", "reacties", "похожие статьи", "читайте также", "другие новости",
        "комментарии", "powiązane artykuły", "czytaj także", "czytaj też", "zobacz też", "komentarze", "dodaj komentarz",
        "ilgili haberler", "benzer haberler", "yorumlar", "okur yorumları", "leserkommentare", "kommentare der leser",
        // Most read, more news and read-also boxes in the same languages.
        "les plus lus", "meistgelesen", "meistgelesene artikel", "lo más leído", "lo más visto", "más leídas",
        "ler também", "i più letti", "altre notizie", "meest gelezen", "самое читаемое", "по теме",
        "najczęściej czytane", "przeczytaj również", "en çok okunanlar", "bunlar da ilginizi çekebilir",
        "terpopuler", "الأكثر قراءة", "مواضيع ذات صلة",
        // "Latest news" in the same languages (the English is above).
        "neueste artikel", "neueste nachrichten", "dernières actualités", "dernières infos", "últimas noticias",
        "últimas notícias", "ultime notizie", "laatste nieuws", "najnowsze wiadomości", "последние новости",
        "son haberler", "最新新闻", "最新新聞", "最新ニュース", "최신 뉴스", "berita terkini", "berita terbaru",
        "tin mới nhất", "أحدث الأخبار", "آخر الأخبار", "ताज़ा खबरें", "ताजा खबरें",
        // Recommended articles and related products in the same languages.
        "関連商品", "相关产品", "相關產品", "관련 상품", "empfohlene artikel", "ähnliche produkte", "articles recommandés",
        "produits similaires", "artículos recomendados", "productos relacionados", "artigos recomendados",
        "produtos relacionados", "articoli consigliati", "prodotti correlati", "aanbevolen artikelen",
        "gerelateerde producten", "рекомендуемые статьи", "похожие товары", "polecane artykuły", "podobne produkty",
        "önerilen makaleler", "benzer ürünler",
        // Related stories, read-also boxes and comments in right-to-left scripts (Arabic, Hebrew) and Hindi.
        "أخبار ذات صلة", "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "التعليقات", "תגובות", "כתבות נוספות",
        "כתבות קשורות", "עוד בנושא", "संबंधित खबरें", "संबंधित ख़बरें", "यह भी पढ़ें", "ये भी पढ़ें", "टिप्पणियां",
        "टिप्पणियाँ",
        // The same in Swedish, Danish, Norwegian, Indonesian, Vietnamese, Greek, Czech, Slovak and Ukrainian
        // (not the Swedish and Danish "kommentar" alone: it also labels an opinion piece).
        "relaterade artiklar", "läs också", "mer från", "mest läst", "kommentarer", "relaterede artikler",
        "læs også", "relaterte artikler", "les også", "berita terkait", "artikel terkait", "baca juga",
        "komentar", "tin liên quan", "bài viết liên quan", "tin cùng chuyên mục", "bình luận", "ý kiến bạn đọc",
        "σχετικά άρθρα", "διαβάστε επίσης", "σχόλια", "související články", "čtěte také", "komentáře",
        "súvisiace články", "komentáre", "схожі статті", "читайте також", "інші новини", "коментарі",
        // Thai: related news, read more.
        "ข่าวที่เกี่ยวข้อง", "ข่าวเกี่ยวข้อง", "บทความที่เกี่ยวข้อง",
    ]

    /// Words of share/print bars; a short line made only of these is dropped.
    static let shareWords: Set<String> = [
        "share", "tweet", "facebook", "twitter", "x", "linkedin", "pinterest", "whatsapp", "email", "e-mail",
        "print", "reddit", "telegram", "copy", "link", "pin", "it", "this", "on", "via", "mail", "flipboard",
        "save", "article", "comments", "comment", "messenger", "sms", "story", "the", "url",
        // A bar's counters ("Comments (12) · 124 shares": the numbers are not words here).
        "shares",
        // An older site's tools line ("Printer-friendly version | E-mail this story", "Email to a friend").
        "printer-friendly", "print-friendly", "printable", "version", "send", "to", "a", "friend",
        // The same bar's label and services in other major languages ("分享到：微信 微博", "この記事をシェアする").
        "分享到", "分享", "微信", "微博", "qq", "qq空间", "qq空間", "朋友圈", "豆瓣", "line", "はてな", "シェア", "シェアする", "この記事をシェアする",
        "ツイート", "공유하기", "공유", "카카오톡", "شارك", "مشاركة", "partager", "compartir", "compartilhar",
        "compartilhe", "teilen", "condividi", "delen", "partilhar", "partilhe",
        // Their "this article" and "on" ("Partager cet article sur", "Diesen Artikel teilen auf", "Compartir esta
        // noticia en", "Condividi questo articolo su", "Deel dit artikel op").
        "cet", "cette", "ce", "sur", "diesen", "artikel", "auf", "este", "esta", "artículo", "noticia", "en",
        "artigo", "notícia", "em", "questo", "articolo", "su", "deel", "dit", "op", "partagez", "comparte",
        // Services and labels under their local names ("Поделиться: ВКонтакте Telegram", "공유하기 페이스북 카카오톡",
        // "شارك: فيسبوك تويتر").
        "поделиться", "поделитесь", "вконтакте", "вк", "одноклассники", "телеграм", "페이스북", "트위터", "카카오스토리",
        "네이버", "밴드", "فيسبوك", "تويتر", "واتساب", "تيليجرام", "لينكدإن",
    ]

    /// The link an embedded social post shows in place of the post until the platform's script loads it ("View
    /// this post on Instagram", "View on Threads"), in the platforms' own wordings in major languages (lowercased,
    /// whole text): a label block of its own, and inside an embed's quote beside the post's caption a link that
    /// goes (`ContentPruning.isEmbedPlaceholderLink`).
    static let embedPlaceholderLabels: [String] = [
        "view this post on instagram", "view on instagram", "view on threads", "view on mastodon", "view on bluesky",
        "view on tiktok", "view on x", "view on twitter", "view on facebook", "ver esta publicación en instagram",
        "ver esta publicação no instagram", "voir cette publication sur instagram",
        "sieh dir diesen beitrag auf instagram an", "diesen beitrag auf instagram ansehen",
        "visualizza questo post su instagram", "bekijk dit bericht op instagram", "この投稿をinstagramで見る",
        "instagram에서 이 게시물 보기",
    ]

    /// Labels that are never content when they are a block of their own (lowercased, whole text).
    static let labelBlocks: Set<String> = Set(embedPlaceholderLabels).union(ownLabelBlocks).union(adLabels)

    /// The label that opens a native ad's box (`BlockCleanup.adUnitEnd`): an ad's label, or a sponsor's
    /// ("Promoted", "Paid content": on a listing such a label marks one of its items, so alone it stays).
    static let adUnitLabels: Set<String> = adLabels.union([
        "promoted", "promoted content", "paid content", "paid post", "partner content",
    ])

    /// An ad's or a sponsored link's label, in major languages (lowercased, whole text): a block of its own.
    static let adLabels: Set<String> = [
        "advertisement", "advertisment", "ad", "sponsored", "sponsored content", "sponsored links",
        "スポンサードリンク", "スポンサーリンク", "広告", "pr", "广告", "廣告", "赞助内容", "광고", "anzeige", "werbung", "โฆษณา",
        "publicité", "publicidad", "publicidade", "pubblicità", "advertentie", "реклама", "reklama", "reklam",
        "إعلان", "اعلان", "פרסומת", "विज्ञापन", "annons", "annonse", "annonce", "iklan", "quảng cáo", "διαφήμιση",
        "liens sponsorisés", "contenu sponsorisé", "enlaces patrocinados", "contenido patrocinado",
        "links patrocinados", "conteúdo patrocinado", "link sponsorizzati", "contenuto sponsorizzato",
        "gesponserte links", "gesponserter inhalt", "gesponsorde links", "спонсорские ссылки",
    ]

    private static let ownLabelBlocks: [String] = [
        // A media player's buttons and a picture's caption toggles, a block of their own.
        "play video", "watch video", "play", "expand", "show caption", "hide caption", "toggle caption",
        "enlarge this image", "listen to this article", "listen to article", "click to enlarge", "click to expand",
        "tap to enlarge", "click image to enlarge", "click to zoom", "view larger image",
        "story continues below",
        "story continues below advertisement", "continue reading below", "article continues below",
        "scroll to continue with content", "skip to content", "skip to main content", "loading...", "loading",
        "read more", "continue reading", "show more", "close", "menu", "search", "loading specifications…",
        "loading prices for your region…", "loading…", "view on amazon", "check price", "read our full review",
        "jump to review", "best prices today",
        // A link or button back to the page's top or the site's front page.
        "back to top", "back to top ↑", "↑ back to top", "top ↑", "nach oben", "zurück nach oben", "zur startseite",
        "retour en haut", "haut de page", "volver arriba", "ir arriba", "voltar ao topo", "torna su",
        "torna all'inizio", "naar boven", "terug naar boven", "наверх", "do góry", "başa dön",
        // A paywall's badge on the story ("Subscriber exclusive") and a "continue reading" link in major languages.
        "subscriber exclusive", "subscribers only", "for subscribers", "exclusive for subscribers",
        "article réservé aux abonnés", "réservé aux abonnés", "abonnés", "nur für abonnenten", "abo",
        "exclusivo para suscriptores", "solo para suscriptores", "exclusivo para assinantes", "riservato agli abbonati",
        "alleen voor abonnees", "tylko dla subskrybentów", "только для подписчиков",
        "continua a leggere", "continuar leyendo", "sigue leyendo", "continuar lendo", "continue lendo",
        "weiterlesen", "lire la suite", "verder lezen", "czytaj dalej", "читать далее", "devamını oku",
        "haberin devamı", "続きを読む", "阅读全文", "閱讀全文", "더보기",
        // An error-report link's label set apart ("【纠错】").
        "纠错", "【纠错】", "[纠错]",
        // A reactions widget's prompt over its buttons (the buttons' counts go as reaction counts), in major
        // languages.
        "what do you think?", "what's your reaction?", "what is your reaction?", "your reaction?", "your reaction",
        "how do you feel about this story?", "how did this article make you feel?", "how did this story make you feel?",
        "wie finden sie das?", "ihre reaktion?", "qu'en pensez-vous ?", "qu'en pensez-vous?", "votre réaction ?",
        "¿qué te parece?", "¿qué opinas?", "¿cuál es tu reacción?", "o que você achou?", "qual é a sua reação?",
        "cosa ne pensi?", "wat vind jij ervan?", "この記事の感想を教えてください", "この記事はいかがでしたか？",
        "この記事はいかがでしたか?",
        // A likes widget's button ("Like Loading…") and a clap button's label.
        "like loading", "like loading…", "clap", "claps",
        // Forum post furniture.
        "offline", "online", "original poster", "last edited", "code: select all", "select all", "quote", "reply",
        "report", "ask question", "like", "likes", "permalink", "share post",
        // Shop tile badges and buttons.
        "in stock", "en stock", "out of stock", "back-order", "backorder", "back order", "top rated", "new",
        "new arrival", "new arrivals", "free shipping", "quick view", "quickview", "quick shop", "quickshop",
        "+ more", "more options", "choose options", "select options",
        // The end mark a Chinese news story closes with, a block of its own ("（完）", "the end").
        "（完）", "(完)", "【完】",
        // A recipe post's links down to its recipe card and the card's buttons (a same-page link, rendered as
        // text), in major languages.
        "jump to recipe", "skip to recipe", "print recipe", "pin recipe", "direct naar recept", "naar het recept",
        "recept printen", "zum rezept", "direkt zum rezept", "rezept drucken", "aller à la recette",
        "imprimer la recette", "ir a la receta", "saltar a la receta", "imprimir receta", "ir para a receita",
        "pular para a receita", "imprimir receita", "vai alla ricetta", "salta alla ricetta", "stampa ricetta",
        "hoppa till receptet", "skriv ut receptet", "przejdź do przepisu", "drukuj przepis", "langsung ke resep",
    ]

    /// Characters that decorate a label block on both sides ("- Advertisement -", "— ADVERTISEMENT —", "[ Ad ]",
    /// "*** Anzeige ***"): stripped before the label is looked up in `labelBlocks`.
    static let labelDecorations: Set<Character> = ["-", "–", "—", "_", "*", "~", "=", "|", "•", "·", "[", "]", "(", ")", "<", ">", "/", " "]

    /// Words of an ad break's notice ("Advertisement - scroll to continue", "Story continues below this ad",
    /// "Article continues after this advertisement", "Skip Ad"), lowercased, major languages: a short block
    /// made only of these words and holding one of `adBreakAnchors` is no part of the story. "The story
    /// continues." has no anchor and stays.
    static let adBreakWords: Set<String> = [
        "advertisement", "advertisements", "advert", "ad", "ads", "advertising", "sponsored", "scroll", "to",
        "continue", "continues", "continued", "continuing", "reading", "read", "below", "after", "this", "the",
        "article", "story", "content", "post", "text", "page", "feedback", "skip", "with", "down", "for", "more",
        "anzeige", "werbung", "weiter", "geht", "es", "nach", "der", "unten", "artikel", "weiterlesen",
        "publicité", "la", "suite", "de", "l'article", "après", "cette", "ci-dessous", "publicidad", "anuncio",
        "continúa", "sigue", "leyendo", "después", "del", "el", "noticia", "pubblicità", "continua", "dopo",
        "a", "leggere", "sotto", "publicidade", "depois", "após", "da", "abaixo", "advertentie", "lees",
        "verder", "na", "reclame", "onder",
    ]
    static let adBreakAnchors: Set<String> = [
        "advertisement", "advertisements", "advert", "ad", "ads", "advertising", "sponsored", "scroll", "below",
        "anzeige", "werbung", "unten", "publicité", "ci-dessous", "publicidad", "anuncio", "pubblicità", "sotto",
        "publicidade", "abaixo", "advertentie", "reclame",
    ]

    /// How an embedded post's placeholder notice starts when the embed did not load ("This content is imported
    /// from Twitter. You may be able to find the same content in another format …"), lowercased.
    static let embedNoticeStarts: [String] = [
        "this content is imported from", "you may be able to find the same content in another format",
        "dieser inhalt wurde von", "ce contenu est importé de", "este contenido se importa de",
        // A consent gate in an embed's place ("An dieser Stelle finden Sie einen externen Inhalt von X, der den
        // Artikel ergänzt …"): the reader must click to load the post, which the page does not hold.
        "an dieser stelle finden sie einen externen inhalt", "an dieser stelle findest du einen externen inhalt",
        "an dieser stelle finden sie inhalte", "an dieser stelle findest du inhalte", "empfohlener externer inhalt",
        "wir benötigen ihre zustimmung, um", "we need your consent to load", "we need your consent to display",
        "to view this content, you need to", "to view this content, please", "para ver este contenido",
        "pour afficher ce contenu", "per visualizzare questo contenuto", "para ver este conteúdo",
        // A video player's stand-in text when the page's script has not run.
        "please enable javascript to view", "please enable javascript to watch", "enable javascript to view",
        "to view this video please enable javascript", "your browser does not support the video",
        "your browser does not support html5 video", "bitte aktivieren sie javascript",
        "veuillez activer javascript", "por favor, habilita javascript", "habilite o javascript",
    ]

    /// A photo gallery's position counter, a block of its own ("1 of 12", "Photo 3 of 8", "Bild 2 von 10",
    /// "Image 4/9"), or a paged story's ("Page 2 of 3"): an optional word for the picture or page, a number, a
    /// word for "of" (or "/"), a number. Lowercased, major languages.
    static let galleryCounterWords: Set<String> = [
        "photo", "photos", "image", "images", "picture", "pictures", "slide", "slides", "item", "bild", "foto",
        "fotos", "imagen", "imagem", "immagine", "afbeelding", "фото", "zdjęcie", "görsel", "resim",
        // A story split over pages counts them the same way ("Page 2 of 3", "Сторінка 1 з 3", "Strana 1 z 3").
        "page", "seite", "página", "pagina", "pagină", "strona", "страница", "сторінка", "sayfa", "sida", "side",
        "halaman", "trang", "σελίδα", "strana", "stránka", "עמוד", "पृष्ठ",
        // A gallery's own name over its counter ("Gallery 1 / 3", "포토 1/3").
        "gallery", "galerie", "bildergalerie", "galería", "galeria", "galleria", "фотогалерея", "포토", "사진",
    ]
    /// A gallery's buttons, whose words a page may run into its counter's line ("Zurück Bild 3 von 8 Weiter",
    /// "‹ Previous 2 of 9 Next ›"), lowercased, major languages.
    static let galleryNavWords: Set<String> = [
        "previous", "prev", "next", "back", "zurück", "weiter", "vorheriges", "nächstes", "précédent", "précédente",
        "suivant", "suivante", "anterior", "siguiente", "próximo", "próxima", "precedente", "successivo", "successiva",
        "vorige", "volgende", "назад", "далее", "вперёд", "poprzednie", "następne", "önceki", "sonraki", "‹", "›", "«",
        "»", "<", ">", "←", "→", "이전", "다음", "前へ", "次へ", "上一张", "下一张",
    ]
    static let galleryCounterOf: Set<String> = [
        "of", "/", "von", "sur", "de", "di", "van", "из", "z", "av", "af", "з", "ze", "από", "dari", "מתוך", "din",
    ]

    /// Labels that introduce a shown date ("Published: Apr. 7, 2026, 3:30 PM", "Updated: 12 May 2026"),
    /// lowercased, major languages; a label, an optional colon and a date alone on a line is a dateline.
    static let dateLabels: [String] = [
        "published", "updated", "posted", "last updated", "first published", "published on", "updated on",
        "posted on", "veröffentlicht", "veröffentlicht am", "aktualisiert", "aktualisiert am", "publié", "publié le",
        "mis à jour", "mis à jour le", "publicado", "publicado el", "publicado em", "actualizado", "atualizado",
        "atualizado em", "pubblicato", "pubblicato il", "aggiornato", "aggiornato il", "gepubliceerd",
        "bijgewerkt", "опубликовано", "обновлено", "opublikowano", "zaktualizowano", "yayınlanma", "güncelleme",
        "publicerad", "uppdaterad", "publiceret", "opdateret", "publisert", "oppdatert", "publikováno",
        "aktualizováno", "опубліковано", "оновлено", "diterbitkan", "dipublikasikan", "diperbarui",
        "δημοσιεύθηκε", "ενημερώθηκε",
    ]

    /// Titles of a table of contents (lowercased, whole text), in major languages. The contents list is link
    /// chrome and goes; its title, a heading or a paragraph of its own, goes with it.
    static let tableOfContentsTitles: Set<String> = [
        "table of contents", "contents of this article", "article contents", "in this article", "on this page",
        "jump to section", "inhaltsverzeichnis", "table des matières", "sommaire", "tabla de contenidos",
        "tabla de contenido", "índice de contenidos", "sumário", "índice do artigo", "indice dei contenuti",
        "sommario", "inhoudsopgave", "содержание", "spis treści", "içindekiler", "目次", "目录", "目錄", "목차",
    ]

    /// How the parts of a blog post's footer line start (lowercased), in major languages: "Posted in News |
    /// Tagged water, weather | Leave a comment". A line split by `metaLineSeparators` whose parts all start so
    /// (or are dates, bylines or comment counts) is dropped.
    static let postFooterLabels: [String] = [
        "posted in", "filed under", "tagged", "tags:", "categories:", "category:", "leave a comment",
        "leave a reply", "comments off", "no comments", "posted on", "posted by", "bookmark the permalink",
        "publicado en", "etiquetado", "deja un comentario", "veröffentlicht in", "verschlagwortet mit",
        "schreibe einen kommentar", "publié dans", "classé dans", "laisser un commentaire", "pubblicato in",
        "lascia un commento", "publicado em", "deixe um comentário", "gepubliceerd in", "laat een reactie achter",
    ]

    /// How a tag line starts, in major languages ("Tags: budget, council"); a short paragraph starting so is
    /// dropped. Each is followed by ":" (ASCII or full-width) in the text.
    static let tagLineLabels: [String] = [
        "tags", "tagged", "topics", "タグ", "标签", "標籤", "태그", "schlagwörter", "stichwörter", "themen",
        "étiquettes", "mots-clés", "etiquetas", "temas", "tag", "argomenti", "теги", "метки", "tagi",
        "etiketler", "onderwerpen", "taggar", "ämnen", "emner", "štítky", "témata", "мітки",
        "ετικέτες", "תגיות", "टैग", "từ khóa", "topik",
        // Keyword lines of Japanese, Chinese and Korean news pages ("キーワード：…", "关键词：…") and Arabic tag
        // lines ("الوسوم: …").
        "キーワード", "关键词", "关键字", "關鍵字", "關鍵詞", "키워드", "الوسوم", "وسوم", "الكلمات المفتاحية",
        "كلمات مفتاحية",
    ]

    /// How the editor's credit line under a Chinese or Japanese news story starts ("责任编辑：王小明", "編集：…"),
    /// followed by a colon (ASCII or full-width): a short line so is the desk's, not the story's.
    static let editorCreditLabels: [String] = [
        "责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "编审", "審校", "审校", "校对", "校對", "編集",
        // The story's source agency or paper, credited the same way under it ("来源：新华社").
        "来源", "來源", "稿源",
    ]

    /// A notice about a story's comments (the moderation policy under a comment form) names the comments and
    /// one of these (moderation, responsibility, opinion, removal), lowercased stems in major languages.
    static let commentWords: [String] = [
        "comment", "comentário", "comentario", "commentaire", "kommentar", "commenti", "reactie",
        "комментари", "komentarz", "yorum", "コメント", "评论", "評論", "留言", "댓글",
    ]
    static let commentPolicyWords: [String] = [
        "moderat", "moderação", "modération", "moderación", "moderiert", "moderazione", "responsab",
        "opinion", "opinião", "opinión", "meinung", "offensive", "ofensiv", "removed", "removid", "eliminad",
        "supprim", "gelöscht", "rimoss", "承認", "审核", "審核", "삭제", "規約", "guidelines", "richtlinien",
    ]

    /// Signs that open a copyright notice when a year follows them ("© 2026 Example Inc.", "(c) 2019-2024 Example"),
    /// lowercased. Symbols only, which no language writes in prose: the word "copyright" followed by a year also
    /// ends a sentence about a reprint ("… by Jane Doe, Copyright 2013. Reprinted with permission.").
    static let copyrightSigns: [String] = ["©", "(c)"]

    /// A page's copyright line ("© 2025 Example Inc. All rights reserved.") says "all rights reserved" in one of
    /// these forms (lowercased, major languages); from it on, the page is its footer.
    static let rightsReservedPhrases: [String] = [
        "all rights reserved", "all right reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
        "alle rechten voorbehouden", "wszelkie prawa zastrzeżone", "все права защищены", "tüm hakları saklıdır",
        "無断転載", "版权所有", "版權所有", "저작권",
        // The reprint notices that stand for it on Italian, French and Korean news pages ("© RIPRODUZIONE
        // RISERVATA", "Reproduction interdite", "무단전재 및 재배포 금지"), and the same in Arabic, Hebrew and Hindi.
        // (The Chinese "不得转载" closes a syndicated story's own credit, which readability-pages keeps.)
        "riproduzione riservata", "reproduction interdite", "무단전재", "무단 전재", "جميع الحقوق محفوظة",
        "כל הזכויות שמורות", "सर्वाधिकार सुरक्षित",
    ]

    /// Calls to subscribe, in major languages, as contained text of a short paragraph (lowercased): "get
    /// updates by email", "abonnieren". Only a paragraph without a sentence's end is dropped for them.
    static let subscribeCues: [String] = [
        "subscribe to", "sign up for our", "sign up to our", "get updates", "メールで受け取る", "購読する", "メルマガ登録", "订阅", "訂閱",
        "구독하기", "newsletter abonnieren", "abonnieren sie unseren newsletter", "abonniere unseren newsletter",
        "jetzt abonnieren", "abonnez-vous", "s'abonner à", "suscríbete",
        "suscribete", "assine a newsletter", "inscreva-se", "iscriviti alla newsletter", "подпишитесь",
        "abonneer je", "zapisz się do newslettera", "bültenimize abone", "recevez notre newsletter",
        "inscrivez-vous à notre newsletter", "підпишіться на нашу розсилку", "підпишіться",
        // An invitation to get the site's news by email or messenger ("Receba as notícias … no seu WhatsApp").
        "receba as notícias", "receba nossas notícias", "recibe las noticias", "recibe nuestras noticias",
        "اشترك في نشرتنا", "اشترك في النشرة",
        // The same by the site's app or its push notifications ("Turn on notifications for breaking news").
        "download our app", "get our app", "turn on notifications", "enable notifications", "turn on push notifications",
        "laden sie unsere app", "benachrichtigungen aktivieren", "téléchargez notre application",
        "activez les notifications", "descarga nuestra app", "activa las notificaciones", "baixe nosso app",
        "baixe o nosso app", "ative as notificações", "scarica la nostra app", "attiva le notifiche",
        "bildirimleri açın", "uygulamamızı indirin", "حمّل تطبيقنا", "حمل تطبيقنا", "حمّل التطبيق", "فعّل الإشعارات",
        "скачайте наше приложение", "включите уведомления", "pobierz naszą aplikację", "włącz powiadomienia",
        "下载我们的app", "下载客户端", "アプリをダウンロード", "앱을 다운로드",
    ]

    /// How a site's appeal to its readers for money or subscriptions starts (lowercased), in major languages:
    /// "Enjoyed this piece? We need your help …", "Support our mission …". In the last part of the text
    /// (`Threshold.readerAppealMinPrecedingShare`) such a paragraph ends the story, like a terminating block.
    static let readerAppealStarts: [String] = [
        "enjoyed this piece", "enjoyed this article", "enjoyed this story", "since you made it to the bottom",
        "thank you for supporting local journalism", "thanks for supporting local journalism",
        "support independent local journalism", "support independent local news", "support local news",
        "thank you for supporting our journalism", "thanks for supporting our journalism", "support local journalism",
        "apoie o jornalismo local", "apoie o jornalismo", "unterstützen sie lokaljournalismus",
        "soutenez le journalisme local", "apoya el periodismo local", "sostieni il giornalismo locale",
        "support our mission", "support our journalism", "support independent journalism", "this story is funded by",
        "this article is funded by", "become a paid subscriber", "we need your help to keep", "donate today",
        "unterstützen sie unseren journalismus", "unterstützen sie unabhängigen journalismus", "jetzt spenden",
        "soutenez notre journalisme", "soutenez le journalisme indépendant", "faites un don",
        "apoya nuestro periodismo", "apoya el periodismo independiente", "haz una donación",
        "apoie o nosso jornalismo", "apoie nosso jornalismo", "faça uma doação", "sostieni il nostro giornalismo",
        "sostieni il giornalismo indipendente", "fai una donazione", "steun onze journalistiek", "doneer nu",
        "поддержите нашу журналистику", "wesprzyj nasze dziennikarstwo", "bağımsız gazeteciliği destekleyin",
        // The long appeal under a story that opens by asking a favour.
        "we have a small favour to ask", "we have a small favor to ask",
        // "Enjoyed this article?" in the same languages, which such an appeal opens with.
        "hat ihnen dieser artikel gefallen", "hat dir dieser artikel gefallen", "cet article vous a plu",
        "vous avez aimé cet article", "te ha gustado este artículo", "¿te ha gustado este artículo",
        "te gustó este artículo", "¿te gustó este artículo", "gostou deste artigo", "gostou desta matéria",
        "ti è piaciuto questo articolo", "vond je dit artikel interessant", "vond je dit artikel leuk",
        "понравилась статья", "вам понравилась статья", "podobał ci się ten artykuł", "bu yazıyı beğendiniz mi",
    ]

    /// How a paywall's prompt under a story cut short starts (lowercased), in major languages: "Subscribe to
    /// continue reading", "Already a subscriber? Log in", "Cet article est réservé aux abonnés". Like a reader
    /// appeal, in the last part of the text such a paragraph or heading ends the story.
    static let paywallStarts: [String] = [
        "subscribe to continue reading", "subscribe to keep reading", "subscribe to read the full",
        "subscribe to read more", "subscribe to unlock", "already a subscriber", "already subscribed?",
        "this article is for subscribers", "this article is exclusive to subscribers", "this content is for subscribers",
        "this story is for subscribers", "to continue reading, subscribe", "to keep reading, subscribe",
        "sign in to continue reading", "log in to continue reading", "register to continue reading",
        "create a free account to continue reading", "continue reading with a subscription",
        "bereits abonnent", "sie sind bereits abonnent", "dieser artikel ist nur für abonnenten", "jetzt weiterlesen mit",
        "déjà abonné", "cet article est réservé aux abonnés", "la suite est réservée aux abonnés",
        "ya eres suscriptor", "este contenido es exclusivo para suscriptores", "suscríbete para seguir leyendo",
        "já é assinante", "conteúdo exclusivo para assinantes", "assine para continuar lendo",
        "sei già abbonato", "contenuto riservato agli abbonati", "abbonati per continuare a leggere",
        "al abonnee", "lees verder met", "уже подписаны", "masz już subskrypcję",
    ]

    /// How a newsroom's call for its readers' tips or letters starts (lowercased), in major languages: "Got a
    /// story? Email our newsdesk …", "Do you have a story to share?", "Submit a letter to the editor". Like a
    /// reader appeal, in the last part of the text such a paragraph or heading ends the story.
    static let newsTipStarts: [String] = [
        "got a story", "have a story to share", "do you have a story", "got a news tip", "have a news tip",
        "have a story tip", "have a tip for us", "have a tip?",
        "do you have a news tip", "do you have a tip", "got a tip for us", "send us your news",
        "submit a letter to the editor", "write a letter to the editor", "send a letter to the editor",
        "haben sie einen hinweis", "sie haben einen hinweis", "vous avez une info", "vous avez une information",
        "¿tienes una historia", "¿tienes información", "tienes una historia", "você tem uma história",
        "tem uma sugestão de pauta", "hai una notizia", "hai una segnalazione", "heb je een tip", "heeft u een tip",
        "masz temat", "есть новость", "есть интересная новость", "haber ihbarı",
        // The call to report a mistake in the story ("Spotted an error? Let us know"), in the same languages.
        "spotted an error", "spotted a mistake", "found an error", "found a mistake", "see an error",
        "haben sie einen fehler entdeckt", "fehler entdeckt?", "vous avez repéré une erreur",
        "vous avez trouvé une erreur", "¿has encontrado un error", "¿has visto un error", "¿encontraste un error",
        "encontrou um erro", "viu um erro", "hai trovato un errore", "hai notato un errore", "fout gezien",
        "если вы заметили ошибку", "нашли ошибку", "zauważyłeś błąd", "widzisz błąd", "hata gördünüz",
        "bạn đọc có thể gửi ý kiến", "기사제보",
    ]

    /// How a call to follow the site on social media starts ("Follow us on Telegram and X for the latest
    /// news"), lowercased, major languages: a short paragraph that starts so is the site's, not the story's.
    /// The cue includes what follows "follow us" so that a story's "Follow us as we climb…" stays.
    static let followCueStarts: [String] = [
        "follow us on", "follow us at", "follow us for", "follow us:",
        // A messenger channel's invitation ("Click here to join our channel and stay updated …").
        "join our whatsapp channel", "join our telegram channel", "join our channel", "click here to join our",
        "join us on whatsapp", "join us on telegram",
        // A Chinese site's invitation to scan its code and follow its WeChat account ("扫码关注…公众号").
        "扫码关注", "扫描二维码关注", "微信扫码关注", "长按识别二维码", "掃碼關注", "掃描二維碼關注",
        // A columnist's own line under the column, and a news site's closing plug ("Track latest news live on
        // Example.com and get news updates …", "Catch all the latest news … on Example").
        "follow me on", "follow me at", "track latest news", "catch all the latest", "catch all the business news",
        "get latest news live on", "folgen sie uns auf", "folge uns auf",
        "suivez-nous sur", "síguenos en", "siga-nos no", "siga-nos nas", "seguici su", "volg ons op",
        "obserwuj nas na", "подписывайтесь на нас",
        // An invitation to the site's own channel ("Subscribe to our Telegram channel to be the first to know").
        "subscribe to our channel", "subscribe to our telegram", "subscribe to our whatsapp", "subscribe to our youtube",
        "abonnieren sie unseren kanal", "abonniere unseren kanal", "abonnez-vous à notre chaîne",
        "suscríbete a nuestro canal", "inscreva-se no nosso canal", "iscriviti al nostro canale",
        "abonneer je op ons kanaal", "subskrybuj nasz kanał", "подписывайтесь на наш канал", "подписывайтесь на наш telegram",
        "kanalımıza abone olun",
        // Indonesian and Vietnamese news sites' closing plug ("Simak berita dan artikel lainnya di Google News").
        "simak berita", "ikuti kami di", "ikuti berita", "dapatkan update berita", "theo dõi chúng tôi",
        "تابعونا على", "تابعنا على", "تابعونا عبر", "हमें फॉलो करें",
        // A messenger channel's invitation in Indonesian, Portuguese and Vietnamese ("Siga o canal … no WhatsApp").
        "gabung saluran", "gabung di saluran", "siga o canal", "sigam o canal", "siga nosso canal", "tham gia kênh",
    ]

    /// How a call to follow the site ends in languages that put the verb last (lowercased, trailing punctuation
    /// aside): "Bizi X ve Instagram hesaplarımızdan takip edin", "公式Xをフォローしてください".
    static let followCueEnds: [String] = [
        "takip edin", "takip edebilirsiniz", "フォローしてください", "をフォロー", "팔로우하세요", "पर फॉलो करें",
        "को फॉलो करें", "पर फ़ॉलो करें", "को फ़ॉलो करें", "चैनल से जुड़ें", "अभी जुड़ें",
    ]

    /// A call to follow the site by its name ends with where to follow it ("Follow The Daily Post on Google
    /// News", "Siga o Jornal da Serra no Google Notícias"): a short line that starts with one of
    /// `followVerbStarts` and ends with one of `followNetworks` is the site's, however it names itself.
    static let followVerbStarts: [String] = [
        "follow ", "siga ", "sigue a ", "sigue ", "síguenos ", "segui ", "seguite ", "suivez ", "folgen sie ",
        "folge ", "folgt ", "volg ", "obserwuj ", "подписывайтесь ", "takip edin ", "theo dõi ",
    ]
    /// How what following brings starts, after the network of a call to follow the site by name ("… on Google
    /// News for more local stories", "… auf Instagram für mehr Nachrichten"), lowercased.
    static let followPurposeStarts: [String] = [
        "for ", "to get ", "to stay ", "für ", "um ", "pour ", "para ", "per ", "voor ", "om ", "по ", "dla ", "để ",
    ]
    /// A call to tag the site in readers' own posts ("Tried this recipe? Mention @site or tag #site!") names a handle
    /// and a hashtag and asks with one of these (lowercased, major languages).
    static let tagUsCues: [String] = [
        "tag ", "tag us", "mention ", "identifie", "mentionne", "markiere", "markier ", "etiqueta", "menciona",
        "marca ", "marque ", "tagga", "menziona", "oznacz", "отметь", "etiketle",
    ]
    static let followNetworks: [String] = [
        "google news", "google notícias", "google noticias", "google actualités", "google nachrichten",
        "google notizie", "google nieuws", "google wiadomości", "google новости", "google haberler", "facebook",
        "instagram", "twitter", "telegram", "whatsapp", "youtube", "tiktok", "linkedin", "threads", "bluesky",
        "flipboard", "mastodon", "zalo",
    ]

    /// Labels that introduce one linked teaser inside a story ("See also: <a>…</a>", "READ MORE: <a>…</a>"),
    /// besides the terminating phrases ("Related: …"); lowercased, major languages. Only a short line of the
    /// label, a colon and a mostly linked title is dropped: the title is another page's, not a sentence of the
    /// story (WCXB dev annotates such lines both ways, 7 pages keep them and 6 drop them: net F1 unchanged).
    /// The teaser labels a manual also sets before a cross-reference ("See also <a>Configuration</a>"): with no
    /// mark between label and link, such a line is the manual's text (`BlockCleanup.isSeparatedTeaser`).
    static let crossReferenceLabels: Set<String> = [
        "see also", "siehe auch", "voir aussi", "ver también", "vea también", "ver também", "vedi anche", "zie ook",
        "см. также", "смотрите также", "zobacz także", "ayrıca bakınız", "se också", "se även", "se også",
        "δείτε επίσης", "дивіться також", "함께 보기",
    ]
    static let teaserLabels: Set<String> = [
        "see also", "must read", "read also", "read more", "read", "more", "siehe auch",
        // A video or gallery elsewhere on the site ("WATCH: <a>Drone footage of the burn</a>").
        "watch", "watch now", "also watch", "video", "watch video", "photos", "gallery", "listen",
        "ansehen", "regardez", "à voir", "mira", "assista", "guarda", "bekijk", "смотрите", "izle",
        "leia mais", "leia também", "leer más", "lee más", "leggi anche", "czytaj także", "czytaj więcej",
        // French set in capitals without the accent ("A LIRE AUSSI"), Chinese "also read", Thai "read more".
        "a lire aussi", "a lire", "另请阅读", "另請閱讀", "อ่านเพิ่มเติม", "อ่านต่อ",
        "читайте также", "lesen sie auch", "voir aussi", "à lire",
        "à lire également", "ver también", "vea también", "lea también", "ver também", "vedi anche",
        "zie ook", "см. также", "смотрите также", "zobacz także", "ayrıca bakınız", "ayrıca okuyun",
        "参见", "另见", "參見", "另見", "함께 보기",
        "ilgili haber", "i̇lgi̇li̇ haber", "i̇lgili haber", "i̇lgili haberler", "bunu da okuyun", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "עוד בנושא",
        // Dutch, Swedish, Danish, Norwegian, Indonesian, Vietnamese, Greek, Czech, Slovak, Ukrainian.
        "lees ook", "lees meer", "läs också", "läs även", "läs mer", "læs også", "les også", "baca juga",
        "simak juga", "simak video", "tonton juga", "tonton video", "xem thêm", "đọc thêm", "se också", "se även",
        "se også", "διαβάστε επίσης", "διαβάστε ακόμη", "δείτε επίσης", "čtěte také",
        "čtěte též", "přečtěte si také", "čítajte aj", "читайте також", "дивіться також",
        "קראו עוד", "קראו גם", "यह भी पढ़ें", "ये भी पढ़ें", "और पढ़ें",
        // "Related" alone, as Japanese, Chinese and Korean pages set it in brackets before a link ("【関連】…").
        "関連", "相关", "相關", "관련",
    ]

    /// `<input type>`s a reader types into (an input without a type is a text field): a form holding one asks
    /// for an email, a name or a query; a shop's add-to-cart form holds buttons, options and a quantity.
    static let textInputTypes: Set<String> = ["text", "email", "tel", "search", "password", "url"]

    /// The words of template filler ("Lorem ipsum dolor sit amet, consectetur adipiscing elit …"), lowercased:
    /// the classic passage, the words generators draw from, and Cicero's lines they come from. A block whose
    /// words are mostly these (`Threshold.placeholderMinWordShare`) and that holds one of `placeholderMarkers`
    /// is a theme's dummy copy, not the page's text (`BlockCleanup.dropPlaceholders`).
    static let placeholderWords: Set<String> = [
        "a", "ab", "ac", "accumsan", "accusantium", "ad", "adipisci", "adipiscing", "adipisicing", "aenean",
        "aliqua", "aliquam", "aliquet", "aliquip", "amet", "anim", "ante", "aperiam", "aptent", "architecto",
        "arcu", "aspernatur", "at", "auctor", "augue", "aut", "aute", "beatae", "bibendum", "blandit", "cillum",
        "class", "commodo", "condimentum", "congue", "consectetur", "consequat", "consequuntur", "conubia",
        "convallis", "cras", "cubilia", "culpa", "cupidatat", "curabitur", "curae", "cursus", "dapibus",
        "deserunt", "diam", "dicta", "dictum", "dictumst", "dignissim", "dis", "do", "dolor", "dolore", "dolorem",
        "dolores", "doloremque", "donec", "dui", "duis", "ea", "eaque", "efficitur", "egestas", "eget", "eius",
        "eiusmod", "eleifend", "elementum", "elit", "enim", "eos", "erat", "eros", "error", "esse", "est", "et",
        "etiam", "eu", "euismod", "ex", "excepteur", "exercitation", "explicabo", "facilisi", "facilisis",
        "fames", "faucibus", "felis", "fermentum", "feugiat", "finibus", "fringilla", "fugiat", "fugit", "fusce",
        "gravida", "habitant", "habitasse", "hac", "hendrerit", "himenaeos", "iaculis", "id", "illo",
        "imperdiet", "in", "inceptos", "incididunt", "incidunt", "integer", "interdum", "inventore", "ipsa",
        "ipsam", "ipsum", "irure", "iste", "justo", "labore", "laboris", "laborum", "lacinia", "lacus", "laoreet",
        "laudantium", "lectus", "leo", "libero", "ligula", "litora", "lobortis", "lorem", "luctus", "maecenas",
        "magna", "magnam", "magni", "magnis", "malesuada", "massa", "mattis", "mauris", "maximus", "metus", "mi",
        "minim", "modi", "molestie", "mollis", "mollit", "montes", "morbi", "mus", "nam", "nascetur", "natoque",
        "natus", "nec", "nemo", "neque", "nesciunt", "netus", "nibh", "nisi", "nisl", "non", "nostra", "nostrud",
        "nulla", "nullam", "numquam", "nunc", "occaecat", "odio", "odit", "officia", "omnis", "orci", "ornare",
        "pariatur", "parturient", "pellentesque", "penatibus", "per", "perspiciatis", "pharetra", "phasellus",
        "placerat", "platea", "porro", "porta", "porttitor", "posuere", "potenti", "praesent", "pretium",
        "primis", "proident", "proin", "pulvinar", "purus", "quae", "quaerat", "quam", "quasi", "qui", "quia",
        "quis", "quisquam", "quisque", "ratione", "rem", "reprehenderit", "rhoncus", "ridiculus", "risus",
        "rutrum", "sagittis", "sapien", "scelerisque", "sed", "sem", "semper", "senectus", "sequi", "sint", "sit",
        "sociosqu", "sodales", "sollicitudin", "sunt", "suscipit", "suspendisse", "taciti", "tellus", "tempor",
        "tempora", "tempus", "tincidunt", "torquent", "tortor", "totam", "tristique", "turpis", "ullamco",
        "ullamcorper", "ultrices", "ultricies", "unde", "urna", "ut", "varius", "vehicula", "vel", "velit",
        "venenatis", "veniam", "veritatis", "vestibulum", "vitae", "vivamus", "viverra", "voluptas",
        "voluptate", "voluptatem", "volutpat", "vulputate",
    ]

    /// Runs of words only template filler holds (one must be in a placeholder block): filler's opening words,
    /// which a page in Latin or about the filler itself rarely repeats word for word.
    static let placeholderMarkers: [[String]] = [["lorem", "ipsum"], ["dolorem", "ipsum"], ["dolor", "sit", "amet"]]

    /// Class or id words (a whole token or one of its parts) naming a call to action: on a story's page a small
    /// box so named inside the story is an offer, not its text (`ContentPruning.callToActionBoxes`).
    static let callToActionClassWords: Set<String> = ["cta", "ctas", "calltoaction"]

    /// The elements a call-to-action class makes an offer's box: boxes, not a link, a span or a paragraph (a
    /// linked phrase or a closing line of the story may carry a `cta` class), nor a `<section>` (a landing page's
    /// band, "How can we help you?", is its content).
    static let callToActionBoxTags: TagMask = [.div, .aside, .figure, .center, .unknownBlock]

    /// Class words (whole tokens between non-letters, lowercased) of a link drawn as a button.
    static let buttonClassWords: Set<String> = ["btn", "button", "cta"]

    /// How a paragraph made of a single link starts when it is a button, not story text (lowercased).
    static let callToActionStarts: [String] = [
        "read our full", "read full review", "learn more", "view on ", "view deal", "see deal",
        "check price", "check the price", "shop now", "buy now", "get a quote", "compare ", "jump to ",
        "see our ", "view all", "see all", "see more", "view more", "find out more", "get started", "sign up",
        "download the", "try it free", "start free", "book a ", "request a ",
        // A link back to the blog's index, the list the story was picked from or the top of the page, in major
        // languages.
        "back to ", "return to ", "zurück zu", "retour à", "retour au", "volver a", "voltar para", "voltar ao",
        "torna a", "torna al", "terug naar", "вернуться к", "назад к", "powrót do", "geri dön",
    ]

    /// How fine print starts (lowercased): the legal line under a sign-up form, and a notice that the story's summary
    /// is machine-made. Such a paragraph is dropped.
    static let finePrintStarts: [String] = [
        "by signing up, you agree", "by signing up you agree", "by clicking sign", "by clicking subscribe",
        "by clicking submit", "by subscribing, you agree", "by subscribing you agree", "by submitting this form",
        "by submitting your email", "by entering your email", "was this newsletter forwarded",
        // A notice about the story rather than of it, set in the same small type: a machine wrote its summary
        // (each start at most `Threshold.finePrintHeadChars` characters). Not the print-edition line ("A version of
        // this article appears in print on …"): the readability-pages truths keep it as part of the story's record.
        "this summary was generated", "this summary was created with", "this summary was written by ai",
        "ai-generated summary", "summary generated by ai", "diese zusammenfassung wurde", "ce résumé a été généré",
        "este resumen fue generado", "este resumen ha sido generado",
    ]

    /// A share line must name at least one of these services (so "link this" alone is not a share bar).
    static let shareTriggerWords: Set<String> = [
        "share", "shares", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "email", "e-mail",
        "分享到", "分享", "シェア", "シェアする", "この記事をシェアする", "공유하기", "شارك", "مشاركة", "partager",
        "compartir", "compartilhar", "compartilhe", "teilen", "condividi", "deel", "partagez", "comparte",
        "поделиться", "поделитесь", "partilhar", "partilhe",
    ]

    /// "1 Like", "12 likes": a reaction counter under a post, dropped as a block of its own.
    static let reactionCountWords: Set<String> = [
        "like", "likes", "reaction", "reactions", "upvote", "upvotes", "thanks", "vote", "votes", "view", "views",
    ]

    /// Marks that open a quotation in major languages' typography.
    static let openingQuotes: Set<Character> = ["\"", "“", "„", "«", "‹", "‚", "‘", "「", "『", "»"]

    /// Comment sections' labels of more than one word ("Readers' comments", "Okur yorumları"), lowercased, major
    /// languages: with a count after them they end the story however long the comments run.
    static let commentSectionLabels: Set<String> = [
        "readers' comments", "reader comments", "readers comments", "leserkommentare", "kommentare der leser",
        "commentaires des lecteurs", "comentarios de los lectores", "comentários dos leitores", "commenti dei lettori",
        "reacties van lezers", "komentarze czytelników", "opinie czytelników", "комментарии читателей",
        "okur yorumları", "みんなの感想", "読者のコメント", "网友评论", "網友評論", "독자 댓글",
    ]

    /// A discussion's label, in major languages, which ends the story only with its count ("Diskussion (31)",
    /// "Discussion (12)"): alone it also heads a section of a paper or a report.
    static let countedDiscussionLabels: Set<String> = [
        "discussion", "diskussion", "débat", "discusión", "debate", "discussão", "discussione", "discussie", "dyskusja",
        "обсуждение", "tartışma", "토론", "討論", "讨论", "ディスカッション",
    ]

    /// What a widget counts beside a story ("342 Aufrufe · 17 Kommentare", "1.2K shares", "조회수 1,204"), lowercased,
    /// major languages: a short line of counts and these words (and reaction emoji) only is the widget's.
    static let counterWords: Set<String> = [
        "views", "view", "reads", "shares", "share", "comments", "comment", "likes", "like", "reactions", "votes",
        "aufrufe", "ansichten", "kommentare", "kommentar", "geteilt", "vues", "partages", "commentaires",
        "commentaire", "vistas", "visualizaciones", "compartidos", "comentarios", "visualizações", "visualizacoes",
        "compartilhamentos", "comentários", "visualizzazioni", "condivisioni", "commenti", "weergaven", "gelezen",
        "reacties", "wyświetlenia", "wyświetleń", "komentarze", "komentarzy", "udostępnienia", "просмотры",
        "просмотров", "просмотра", "комментарии", "комментариев", "репосты", "görüntülenme", "okunma", "yorum",
        "beğeni", "조회수", "조회", "댓글", "공유", "좋아요", "훈훈해요", "슬퍼요", "화나요", "추천해요", "閲覧数", "閲覧",
        "コメント", "いいね", "阅读", "閱讀", "评论", "評論", "点赞", "分享", "مشاهدة", "مشاهدات", "تعليق",
        "تعليقات", "lượt", "xem", "bình", "luận", "chia", "sẻ", "dilihat", "komentar",
    ]
    /// Magnitudes a widget's count takes ("2,3 mil", "1,2 тыс.", "3 mln").
    static let counterMagnitudes: Set<String> = ["k", "m", "mil", "mio", "mln", "tys", "tys.", "тыс", "тыс.", "万", "千", "b"]

    /// Whole texts (lowercased, a trailing "?" removed) after which the story is over, never used as heading
    /// prefixes: a likes widget's title and a feedback widget's question, in major languages.
    static let terminatingLabels: Set<String> = [
        "like this", "was this article helpful", "was this page helpful", "was this post helpful",
        "was this helpful", "was this information helpful", "was this article useful", "was this page useful",
        "was the article helpful", "was the article useful", "was this useful",
        "did you find this article helpful", "did you find this helpful", "is this page useful",
        "war dieser artikel hilfreich", "war diese seite hilfreich", "war das hilfreich",
        "cet article vous a-t-il été utile", "cette page vous a-t-elle été utile", "cet article vous a été utile",
        "te resultó útil este artículo", "te ha resultado útil este artículo", "fue útil este artículo",
        "te resultó útil", "este artigo foi útil", "esta página foi útil", "questo articolo ti è stato utile",
        "questo articolo è stato utile", "was dit artikel nuttig", "was deze pagina nuttig", "heeft dit artikel geholpen",
        "была ли эта статья полезна", "была ли статья полезной", "czy ten artykuł był pomocny",
        "bu makale yardımcı oldu mu", "この記事は役に立ちましたか", "这篇文章有帮助吗", "這篇文章有幫助嗎",
        "이 글이 도움이 되었나요",
        // A rating widget's question or title ("How useful was this post?", "Rate this article").
        "how useful was this post", "how useful was this article", "how useful was this page",
        "how helpful was this post", "how helpful was this article", "how helpful was this page",
        "how was this issue", "how was this article", "how was this post", "how would you rate this article",
        "rate this article", "rate this post", "rate this page", "wie hilfreich war dieser artikel",
        "wie hilfreich war dieser beitrag", "bewerten sie diesen artikel", "artikel bewerten", "notez cet article",
        "évaluez cet article", "califica este artículo", "valora este artículo", "avalie este artigo",
        "valuta questo articolo", "beoordeel dit artikel", "оцените статью", "oceń ten artykuł", "oceń artykuł",
        "bu yazıyı değerlendirin", "この記事を評価する", "评价这篇文章", "評價這篇文章", "이 글을 평가해 주세요",
        // The notice left where a story's comment form was, in major languages ("Comments are closed.").
        "comments are closed", "comments are closed for this article", "comments are closed for this post",
        "kommentare sind geschlossen", "die kommentarfunktion ist geschlossen", "les commentaires sont fermés",
        "los comentarios están cerrados", "comentários encerrados", "os comentários estão encerrados",
        "i commenti sono chiusi", "reacties zijn gesloten", "komentarze są wyłączone", "комментарии закрыты",
        "yorumlar kapalı", "yorumlara kapatılmıştır", "コメントは受け付けていません", "评论已关闭", "評論已關閉", "댓글이 닫혔습니다",
    ]

    /// A reading-time line ("5 min read", "Lesezeit: 4 Min.", "5分で読めます"): a number, a unit of
    /// `readingTimeUnits` and a word of `readingTimeWords`, or a label of `readingTimeLabels` and a number with
    /// its unit. Lowercased, major languages.
    static let readingTimeUnits: [String] = [
        "minutes", "minute", "minuten", "minutos", "minuti", "minuty", "minut", "minuut", "mins", "min",
        "минуты", "минут", "мин", "dakika", "dk", "分钟", "分鐘", "分", "분",
    ]
    static let readingTimeWords: Set<String> = [
        "read", "reading", "to read", "read time", "reading time", "de lectura", "de lecture", "de leitura",
        "di lettura", "lesezeit", "leestijd", "leesduur", "czytania", "чтения", "на чтение", "okuma", "okuma süresi",
        "で読めます", "で読める", "阅读", "閱讀", "읽기",
    ]
    /// Words of an audio or video player's controls and readouts (lowercased): a short line of these and time
    /// codes ("0:00 / 5:32 Listen (6 min)", "Duration 2:14") is the player's, not the story's.
    static let playerWords: Set<String> = [
        "listen", "play", "pause", "playing", "now", "replay", "resume", "stop", "mute", "unmute", "audio",
        "video", "duration", "length", "runtime", "speed", "1x", "min", "mins", "minute", "minutes", "sec", "secs",
        "seconds", "of", "escuchar", "écouter", "anhören", "hören", "ascolta", "ouvir", "duración", "durée",
        "dauer", "durata", "duração", "reproducir", "lecture", "abspielen", "riproduci", "reproduzir",
        // A read-aloud player's label ("Artikel anhören 3:45", "5:12 · Voiced by AI", "この記事を音声で聞く（3:10）").
        "voiced", "narrated", "ouça", "ascoltare", "beluisteren", "posłuchaj", "слушать", "dinle", "듣기",
        "この記事を音声で聞く", "音声で聞く", "記事を聞く", "收听本文", "听全文", "收聽本文",
    ]
    /// Words a player's label names besides its verb ("Écouter cet article", "Listen to this story", "Voiced by AI"):
    /// allowed in a player's line (`BlockCleanup.isPlayerLine`), but no player's word by themselves.
    static let playerFillerWords: Set<String> = [
        "to", "this", "the", "article", "story", "by", "ai", "artikel", "den", "diesen", "beitrag", "cet", "l'article",
        "este", "artículo", "el", "artigo", "o", "questo", "articolo", "l'articolo", "dit", "het", "artykułu",
        "статью", "haberi", "이", "기사", "▶", "►",
    ]
    /// Separators between the parts of a story's meta line ("March 3, 2026 · 6 min read").
    /// The middle dot, bullet and bar also without spaces: a template that sets each part in its own element
    /// joins them with no space around the separator ("6 min read·Apr 19, 2026").
    static let metaLineSeparators: [String] = [" · ", " | ", " // ", " • ", " — ", " - ", "·", "•", "|"]
    static let readingTimeLabels: [String] = [
        "reading time", "read time", "estimated reading time", "lesezeit", "lesedauer", "temps de lecture",
        "durée de lecture", "tiempo de lectura", "tempo de leitura", "tempo di lettura", "leestijd", "leesduur",
        "czas czytania", "время чтения", "okuma süresi", "読了時間", "阅读时间", "閱讀時間", "읽는 시간",
    ]

    /// An affiliate disclosure ("This post contains affiliate links … we may earn a commission"): a short
    /// paragraph naming both one of `affiliateCues` (the commission) and one of `affiliateNoticeCues` (what
    /// the reader does, or the notice's own wording), lowercased stems in major languages.
    static let affiliateCues: [String] = [
        "affiliate", "commission", "compensation", "qualifying purchases", "provision", "affilié", "afiliado",
        "comisión", "comissão", "affiliazione", "affiliati", "commissione", "commissie", "partnerlink",
        "アフィリエイト", "联盟链接", "聯盟連結", "제휴",
    ]
    static let affiliateNoticeCues: [String] = [
        "may earn", "we earn", "i earn", "earns from", "may receive", "we receive", "might earn",
        "if you buy through", "when you buy through", "if you click", "when you click", "if you make a purchase",
        "through our links", "through links on", "at no extra cost", "at no additional cost",
        "post contains", "post may contain", "article contains", "article may contain", "page contains",
        "article includes", "website uses", "blog uses", "site uses",
        "erhalten wir", "verdienen wir", "nous percevons", "nous pouvons recevoir", "podemos recibir",
        "recibimos una", "podemos receber", "recebemos uma", "potremmo ricevere", "riceviamo una",
        "ontvangen wij", "ontvangen we", "報酬", "佣金", "수수료",
    ]

    /// Labels of a forum member's counters beside each post ("Posts: 1,204", "Joined: Mar 2015"), in several
    /// languages; a short paragraph of one of these, a colon and a value with a digit is the member panel.
    static let memberStatLabels: [String] = [
        "posts", "messages", "joined", "join date", "registered", "reputation", "reaction score", "member since",
        "beiträge", "registriert", "mitglied seit", "mensajes", "registrado", "messages postés", "inscrit le",
        "inscription", "berichten", "lid sinds", "messaggi", "iscritto", "mensagens", "registrado em",
    ]

    /// What a bar of links puts between them (`BlockCleanup.isLinkBar`).
    static let linkBarSeparators: Set<Unicode.Scalar> = ["|", "·", "•", "/", "-", "–", "—", ",", "¦", "‖", "∙", "⋅", "｜", "・"]

    /// How a multi-page story's pointer to its next page starts (lowercased), in major languages: "Continue reading
    /// on the next page »", "Lire la suite page 2 : …". Such a short paragraph is the pager's, not the story's.
    static let nextPageStarts: [String] = [
        "continue reading on the next page", "continue on the next page", "continued on the next page",
        "continued on next page", "read more on the next page", "lesen sie auf der nächsten seite",
        "weiter auf der nächsten seite", "lesen sie weiter auf seite", "lire la suite page", "la suite en page",
        "sigue leyendo en la página", "continúa en la página", "continua na próxima página", "continue na próxima página",
        "continua nella pagina", "lees verder op de volgende pagina", "czytaj dalej na następnej stronie",
        "читайте на следующей странице", "次のページへ", "续下页", "下一页继续", "다음 페이지에서 계속",
    ]

    /// The word for "page" and the word for "of" of a pager's position line ("Page 2 of 5", "Seite 1 von 3 Nächste
    /// Seite", "Página 1 de 4"), lowercased, major languages: a short line opening "<page> N <of> M" is the pager's.
    static let pagerPageWords: Set<String> = [
        "page", "seite", "página", "pagina", "strona", "страница", "sayfa", "halaman", "trang", "side", "sida", "sivu",
    ]
    static let pagerOfWords: Set<String> = ["of", "von", "de", "di", "z", "из", "van", "av", "af", "/", "dari", "trên"]

    /// Signs a rating widget draws its stars with (filled, empty, half); a story's line with several of them that
    /// reads as a rating summary is the widget's (`BlockCleanup.hasRatingStars`).
    /// All are encoded in UTF-8 from the byte 0xE2 (`BlockCleanup.hasRatingStars` screens on it).
    static let ratingStarSigns: Set<Unicode.Scalar> = ["★", "☆", "✩", "✪", "✫", "✬", "✭", "✮", "✯", "⭐", "⯨", "⯪"]

    /// On one product's page, a count followed by one of these nouns (directly or after one of
    /// `ratingCountQualifiers`) is the review widget's summary ("Based on 312 reviews", "(5 customer reviews)").
    static let ratingCountNouns: Set<String> = [
        "reviews", "review", "ratings", "rating", "votes", "bewertungen", "bewertung", "rezensionen", "avis",
        "évaluations", "reseñas", "valoraciones", "opiniones", "recensioni", "valutazioni", "avaliações",
        "recensies", "beoordelingen", "omdömen", "anmeldelser", "arvostelua", "opinii", "recenzí", "hodnocení",
        "отзывов", "отзыва", "отзывы", "оценок",
    ]
    static let ratingCountQualifiers: Set<String> = [
        "customer", "customers", "user", "verified", "total", "seller", "product", "global", "star", "kunden",
        "clients", "clientes", "clienti",
    ]
    /// "4.8 out of 5", "4,5 von 5 Sternen", "4,5 sur 5", "4,5 de 5", "4,5 su 5", "4,5 van 5", "4,5 из 5": the
    /// words between a score and its scale (after an optional `ratingStarWords` word).
    static let ratingOutOf: [[String]] = [["out", "of"], ["von"], ["sur"], ["de"], ["su"], ["van"], ["av"], ["из"], ["na"]]
    static let ratingStarWords: Set<String> = ["stars", "star", "sterne", "sternen", "étoiles", "estrellas", "stelle", "estrelas", "sterren"]
    static let ratingScaleTops: Set<String> = ["5", "5.0", "5,0", "five"]

    /// "12 Comments", "3 responses": a counted-reactions heading ends the story.
    static let reactionWords: Set<String> = ["comments", "comment", "responses", "replies", "reactions"]
    /// Words of a reply section's label on a thread ("Comments", "12 Replies", "Antworten"), in major languages:
    /// on a forum or Q&A page the replies under it are the page's posts, not a story's comment section.
    static let replySectionWords: Set<String> = [
        "comments", "comment", "replies", "reply", "responses", "response", "answers", "answer", "posts",
        "kommentare", "antworten", "antwort", "commentaires", "réponses", "comentarios", "respuestas", "commenti",
        "risposte", "comentários", "respostas", "reacties", "antwoorden", "komentarze", "odpowiedzi",
        "комментарии", "ответы", "コメント", "回答", "评论", "回复", "댓글", "yorumlar", "cevaplar",
    ]

    /// Containers the section merge (landing-page fallback) may take as one section of the page.
    static let sectionTags: TagMask = [.div, .section, .article, .main]

    /// Blocks the prose baseline (last-resort fallback) collects.
    static let proseBaselineTags: TagMask = [.p, .pre, .blockquote]

    /// Class prefixes naming a code block's language (`language-swift`).
    static let codeLanguagePrefixes: [String] = ["language-", "lang-"]

    /// Lowercased line starts that mark a byline or dateline.
    static let bylineStarts: [String] = [
        "by ", "posted by ", "written by ", "posted on ", "published on ", "published ", "updated ",
        "last updated", "words by ", "story by ", "reporting by ",
        // Editorial credits under a headline: the editor's, the reviewer's, the fact-checker's.
        "edited by ", "edited by: ", "reviewed by ", "reviewed by: ", "medically reviewed by ",
        "medically reviewed by: ", "fact checked by ", "fact checked by: ", "fact-checked by ", "fact-checked by: ",
    ]
    /// "By" in other major languages (lowercased, with the space). These words also start sentences ("Por otro
    /// lado…", "Von Montag an…"), so a line starting with one is a byline only when a capitalised name of two
    /// words follows.
    static let namedBylineStarts: [String] = [
        "por ", "von ", "par ", "door ", "di ", "av ", "af ", "przez ", "oleh ", "του ", "της ", "โดย ", "text: ",
        "reporter: ",
        // Editorial credits: reviewed, checked, edited by.
        "geprüft von ", "redigiert von ", "revisado por ", "verificado por ", "editado por ", "relu par ",
        "vérifié par ", "édité par ", "revisionato da ", "verificato da ", "gecontroleerd door ", "nagekeken door ",
    ]
    /// "Author:" as a byline label in other major languages (lowercased, with what follows the label): a label,
    /// so the line is a byline whatever follows ("Autor: Paweł Kowalczyk", "Автор: Ирина Соколова", "作者：李明").
    static let labelledBylineStarts: [String] = [
        "autor: ", "autora: ", "autore: ", "auteur : ", "auteur: ", "autorzy: ", "yazar: ", "yazan: ", "автор: ", "作者：",
        "faktencheck: ", "fact check: ", "fact-check: ", "نویسنده: ", "نویسنده:",
        "作者: ", "بقلم: ", "بقلم ", "מאת: ", "מאת ", "लेखक: ",
    ]
    /// Labels of a picture's credit ("Photo: City press office", "Фото: пресс-служба", "写真：共同"), lowercased
    /// with their colon, major languages: a short paragraph of its own that opens with one and is left after the
    /// story's last paragraph credits a picture, it is not a sentence of the story (`Threshold.photoCreditMaxChars`).
    static let photoCreditLabels: [String] = [
        "photo:", "photos:", "photo credit:", "photo credits:", "image:", "image credit:", "images:", "picture:",
        "pictured:", "photograph:", "photography:", "foto:", "fotos:", "fotocredit:", "bild:", "bilder:",
        "crédit photo :", "crédit photo:", "photo :", "crédito:", "crédito de la foto:", "crédito da foto:",
        "фото:", "фото —", "zdjęcie:", "fot.:", "fotoğraf:", "写真：", "写真:", "图片：", "图片来源：", "圖片：",
        "사진:", "사진=", "صورة:", "תמונה:", "फोटो:", "तस्वीर:",
    ]
    /// Reporter titles that Korean, Japanese and Chinese bylines and sign-offs write after the name ("김민준 기자",
    /// "（山田太郎記者）").
    static let reporterTitles: Set<String> = ["기자", "특파원", "記者", "记者", "特派員", "特派员"]
    /// Weekday names (lowercased, as `DateParser.tokenize` splits words: "terça-feira" is "terça" and "feira"), in
    /// major languages: a date line may open with one ("Tuesday, November 20, 2026", "mardi 20 novembre 2026",
    /// "الثلاثاء 20 نوفمبر 2026"), and it is a part of the date, not a word of a sentence
    /// (`BlockCleanup.isDateline`). Abbreviations of three letters or fewer are short tokens there already.
    static let weekdayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "segunda", "terça", "terca", "quarta", "quinta", "sexta", "feira",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag",
        "søndag",
        "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
    ]

    /// Lowercased words that label a shown date as the story's publication or revision in languages other than
    /// English ("Publicado", "Aktualisiert", "Opublikowano", "Güncelleme", "更新", "입력"): a short line of such a
    /// label, a date and little else is the story's header, not its text (`BlockCleanup.labelledDatelineOtherWords`).
    /// English lines have their own rules (`bylineStarts`); the words of a forum post's edit note ("Last edited
    /// by …", "Zuletzt bearbeitet") and post stamp ("Posted", "Geplaatst") are left out: those lines are the posts'.
    static let dateLabelWords: Set<String> = [
        "veröffentlicht", "aktualisiert", "erstellt", "stand", "publié", "publiée", "actualisé", "jour", "publicado",
        "publicada", "actualizado", "actualizada", "actualización", "atualizado", "atualizada", "atualização",
        "pubblicato", "pubblicata", "aggiornato", "aggiornata", "aggiornamento", "gepubliceerd", "bijgewerkt",
        "opublikowano", "aktualizacja", "zaktualizowano", "опубликовано", "обновлено", "обновление", "güncelleme",
        "güncellenme", "yayınlanma", "tarihi", "发布", "發布", "發佈", "更新", "公開", "配信", "입력", "수정", "업데이트",
        // A Chinese story's header line gives the time and the source outlet ("时间：… 来源：…").
        "来源", "來源", "时间", "時間",
        "نشر", "تحديث", "פורסם", "עודכן", "प्रकाशित", "अपडेट", "अपडेटेड",
        // Swedish, Danish, Norwegian, Czech, Ukrainian, Indonesian, Greek, Hungarian, Romanian, Vietnamese ("Cập
        // nhật", updated: its first word, the second also being a common word).
        "publicerad", "uppdaterad", "publiceret", "opdateret", "publisert", "oppdatert", "publikováno",
        "zveřejněno", "aktualizováno", "опубліковано", "оновлено", "diterbitkan", "dipublikasikan", "diperbarui",
        "δημοσιεύθηκε", "δημοσίευση", "ενημερώθηκε", "ενημέρωση", "frissítve", "publikálva", "publicat",
        "actualizat", "cập",
    ]

    // MARK: Thresholds

    /// Thresholds, named after the heuristic that reads them.
    enum Threshold {
        /// Minimum direct text of a block for it to score as a paragraph (Readability).
        static let scoringMinChars = 25
        /// Text under which a result is suspicious and the fallbacks run (trafilatura's MIN_EXTRACTED_SIZE).
        static let minExtractedChars = 250
        /// A story found only in hidden parts (`Extractor.decide`'s last retry) must be at least this long:
        /// shorter hidden text is a placeholder, a menu's leftovers or a log-in box, not the page.
        static let hiddenRetryMinChars = 500
        /// A thread page whose body shows at most this much text is a shell a forum engine's script fills in
        /// (a splash loader and nothing else): its meta description, the opening post's first lines, is the
        /// text (`Extractor.decide`'s last resort).
        static let threadShellMaxChars = 200
        /// ... when that description is at least this long (a sentence or two, not the forum's tagline).
        static let threadShellDescriptionMinChars = 120
        /// A result under this share of the page text is suspicious when it is also under `recallCeiling`.
        static let minPageShare = 0.2
        static let recallCeiling = 3000
        /// A fallback replaces the result only when it is this many times longer.
        static let fallbackRatio = 1.5
        /// Over-pruning guard: pruning may remove at most this share of the candidate's text.
        static let maxPrunedShare = 6.0 / 7.0
        /// An element holding this share of the page (or candidate) text is never removed by class words.
        static let protectedShare = 0.5
        /// Consent banners and preference centres are removed up to this share of the page's text (a vendor
        /// list outweighs a short listing page; a wrapper marked with the visitor's consent state holds it all).
        static let consentMaxShare = 0.9
        /// An id with more `-`/`_` parts than this is a heading slug; its parts are not class words.
        static let slugParts = 3
        /// `smallDropTags` elements are removed under this many characters.
        static let smallDropChars = 300
        /// How many ancestors up a carousel class is looked for.
        static let carouselMaxDepth = 6
        /// A widget-role control with a heading and at least this much other text is a clickable teaser card.
        static let teaserCardMinExtraChars = 8
        /// Chrome and hidden nodes holding this share of the page's paragraph text are kept (the page was
        /// nested in them, or a script reveals them).
        static let protectedProseShare = 0.6
        /// The prose baseline replaces a short result when it is this many times as long...
        static let proseFallbackRatio = 2.0
        /// ...and at least this long (characters).
        static let proseFallbackMinChars = 100
        /// On a discussion page a `<form>` holding this many `<article>`s is the thread (forum software wraps
        /// the posts in a moderation form), not chrome.
        static let formPostsMin = 2
        /// A sidebar-named `<aside>` or footer-named `<footer>` is removed whatever its prose unless it holds
        /// this share of the page's text (then it is an unclosed tag that swallowed the page).
        static let namedChromeMaxShare = 0.8
        /// A date alone on a line (a dateline above the first paragraph) has at most this many characters and
        /// this many words besides its numbers (month and weekday names, "updated").
        static let datelineMaxChars = 60
        /// A labelled publication or update line ("Opublikowano: 12.05.2026, 14:30 · Aktualizacja: …"): most
        /// characters and words, and most words besides the label and the date's (a place, the author's name).
        static let labelledDatelineMaxChars = 120
        static let labelledDatelineMaxWords = 10
        static let labelledDatelineOtherWords = 2
        /// Most lines of only a label and a date a page may hold for them to be dropped under its header: more are
        /// a feed's post stamps.
        static let labelledDatelinesMax = 2
        /// Most characters of a reporter's sign-off line ("김민준 기자 minjun@example.com").
        static let signoffMaxChars = 80
        static let datelineMaxWords = 4
        /// A trailing comment-policy notice or subscribe line is at most this many characters.
        static let trailingNoticeMaxChars = 400
        /// `shortChaff` elements are removed only under this many characters.
        static let shortChaffChars = 200
        /// An inline byline-classed field or `<time>` of at most this many characters, in a block with at least
        /// `fieldInProseMinChars` of unlinked text besides it, is a word of that text, not chaff
        /// (`ContentPruning.isFieldInProse`).
        static let fieldInProseMaxChars = 40
        static let fieldInProseMinChars = 40
        /// A person's microdata item is an author box (removed inside the content) from this many characters.
        static let personBoxMinChars = 150
        /// A share-classed `<blockquote>` with this much text outside links is a quoted post (an embedded social
        /// post: its text and attribution), which is story content.
        static let quotedPostMinChars = 60
        /// A link holding a hover card (`ContentPruning.isCardInLink`) is at most this long, card included, and
        /// its parent holds at least this much text besides it (CJK sentences are short in characters).
        static let cardInLinkMaxChars = 600
        static let cardInLinkSentenceMinChars = 20
        /// Elements climbed from a link to find the embed's `<blockquote>` it sits in
        /// (`ContentPruning.isEmbedPlaceholderLink`).
        static let embedPlaceholderDepth = 4
        /// A share-classed wrapper whose first blockquote is a quoted post holding at least this share of the
        /// wrapper's text is the embed's frame, kept with the post (`ContentPruning.isWrappedQuotedPost`).
        static let quotedPostWrapperMinShare = 0.8
        /// A kicker over the headline (`BlockCleanup.isKicker`) has at most this many words and characters.
        static let kickerMaxWords = 3
        static let kickerMaxChars = 40
        /// A share-classed wrapper holding this many paragraphs and this much prose is the story's text, not a
        /// share bar (`ContentPruning.isProseUnderShareClass`).
        static let shareClassProseMinParagraphs = 2
        static let shareClassProseMinChars = 150
        static let shareClassProseMaxShortLinks = 1
        /// Link-density rules (trafilatura): length gates and ratios.
        static let paragraphGate = 30
        static let lastParagraphGate = 60
        static let elementGate = 100
        static let lastElementGate = 300
        static let linkHeavyRatio = 0.8
        static let shortLinkChars = 10
        static let linkFarmRatio = 0.9
        static let linkFarmMinLinks = 4
        static let linkFarmMaxAverage = 100
        static let tableMinChars = 200
        /// A link-dense table is kept as data when it has header cells and at least this many rows (three
        /// quarters of all) of at least `dataTableMinColumns` cells.
        static let dataTableMinRows = 8
        static let dataTableMinColumns = 3
        /// A table of `role` attributes (`tableRoles`) is written as a table when it has at least this many rows
        /// with text; with fewer it is a widget's layout, converted like any container.
        static let roleTableMinRows = 2
        /// ... or, without header cells, at least this share of its cells are numbers of at most `dataCellMaxChars`.
        static let dataTableNumericShare = 0.4
        static let dataCellMaxChars = 20
        /// Sibling merge (Readability): share of the top score, and the prose-paragraph rules.
        static let siblingScoreShare = 0.2
        static let siblingMinScore = 10.0
        static let siblingProseChars = 80
        static let siblingProseLinkDensity = 0.25
        /// An anchor is trusted when its text is at least this share of the scorer's best node's text.
        static let anchorMinShare = 0.5
        /// A container around the story adds a teaser feed (and is not taken as the story by an anchor or by
        /// widening) when teaser list items hold this share of the text it adds; a teaser item's links are at
        /// least `teaserMinLinkShare` of its text.
        static let teaserFeedShare = 0.5
        static let teaserMinLinkShare = 0.15
        /// ... or this share when the anchor lies inside the scorer's node.
        static let anchorInsideShare = 0.15
        /// A page area (`role=main`, `<main>`) around the scorer's node with this many times its prose, where no
        /// other node scores this share of the scorer's node, wraps one story block and the page around it.
        static let anchorExtraProseRatio = 1.25
        static let anchorRivalScoreShare = 0.8
        /// ... unless the area has more than this many times the node's prose (the node is then a fragment).
        static let anchorMaxProseRatio = 3.0
        /// Widening: an ancestor replaces the node when its link density is below this, it has this many
        /// times the node's prose, and this share of its text sits in prose blocks.
        static let widenMaxLinkDensity = 0.25
        static let widenMinGrowth = 1.3
        static let widenMinProseShare = 0.75
        /// Terminating blocks cut the tail only when this short, and after this much text.
        static let terminatingMaxChars = 60
        static let terminatingMinPreceding = 200
        /// A related box inside the story (`BlockCleanup.inlineBoxEnd`) is followed by a paragraph of at least
        /// this many bytes: a sentence of the story, not a caption or a button.
        static let inlineBoxMinNextBytes = 80
        /// A teaser's label set before its link with no mark between them ("Lire aussi <a>…</a>") needs a headline
        /// of at least this many words in the link.
        static let teaserHeadlineMinWords = 4
        /// A related box set flat among the story's paragraphs (`BlockCleanup.flatBoxEnd`) is blocks whose text is
        /// at least this share links; the story's paragraph after it is less.
        static let flatBoxMinLinkDensity = 0.5
        /// A native ad's box (`BlockCleanup.adUnitEnd`) holds at most this many characters after its label: a
        /// headline, a line of pitch and the advertiser's name, not a section of the story.
        static let adUnitMaxChars = 320
        /// Shell check: a result under this many words with no paragraph of `sentenceMinWords` is a shell.
        static let shellMaxWords = 30
        static let sentenceMinWords = 10
        /// ... and only when the page's text is this many times the result's.
        static let shellPageRatio = 10
        /// A gallery- or slideshow-named element is embedded chaff only with at least this many images or
        /// list items (slides).
        static let galleryMinSlides = 10
        /// Section merge: tried when the result is under `recallCeiling` characters, it takes section-like
        /// nodes scoring at least this share of the best one, under this link density and page share, up
        /// to this many characters, and wins when `sectionMergeRatio` times longer than the result.
        static let sectionMinScoreShare = 0.2
        static let sectionMaxLinkDensity = 0.5
        static let sectionMaxPageShare = 0.85
        static let sectionMaxChars = 15000
        static let sectionMergeRatio = 2.0
        /// Sign-up fine print is at most this long (UTF-8 bytes).
        static let finePrintMaxBytes = 600
        /// A button or widget-role control whose text is a question of at least this many words and
        /// characters is an FAQ toggle and stays.
        static let questionToggleMinWords = 3
        /// An accordion toggle with at least this many words is the panel's title (content), not a control.
        static let panelTitleMinWords = 3
        static let questionToggleMinChars = 12
        /// Bylines are short.
        static let bylineMaxChars = 120
        /// `<header>`s are page chrome unless at least `sectionHeaderMinCount` of them hold prose (this many
        /// characters, links under this share): then they head sections or cards and are content.
        static let sectionHeaderMinCount = 3
        /// A reaction counter ("12 likes") is at most this many bytes.
        static let reactionCountMaxBytes = 24
        /// A line draws a rating when it holds at least this many star signs (`BlockCleanup.hasRatingStars`).
        static let ratingStarsMin = 3
        /// A pointer to a story's next page (`Vocabulary.nextPageStarts`) is at most this many characters.
        static let nextPageLineMaxChars = 160
        /// A widget's counter line (`Vocabulary.counterWords`) is at most this many characters.
        static let counterLineMaxChars = 60
        /// A pager's position line ("Seite 1 von 3 Nächste Seite", `Vocabulary.pagerPageWords`) is at most this many
        /// characters.
        static let pagerLineMaxChars = 60
        /// A count in brackets after a label ("(12)", "（3件）") is at most this many bytes, brackets included.
        static let labelCountMaxBytes = 16
        /// A link bar (`BlockCleanup.isLinkBar`) has at least this many links, each at most this many words and bytes.
        static let linkBarMinLinks = 3
        static let linkBarMaxLinkWords = 4
        static let linkBarMaxLinkBytes = 40
        /// A review widget's rating summary on a product's page ("Rated 4.8 out of 5") is at most this many bytes
        /// and words (`BlockCleanup.isRatingSummary`).
        static let ratingSummaryMaxBytes = 60
        static let ratingSummaryMaxWords = 8
        /// A member counter line ("Posts: 1,204") is at most this many bytes.
        static let memberStatMaxBytes = 40
        static let sectionHeaderMinChars = 80
        static let sectionHeaderMaxLinkDensity = 0.5
        /// A result with this many byline paragraphs is a grid of cards with maker lines ("By Latitude Run"):
        /// they are kept.
        static let cardBylinesMin = 3
        /// Card fallback (listing pages): at least this many same-tag siblings, each with this much text.
        static let cardMinCount = 3
        static let cardMinChars = 60
        /// Once a run of cards is chosen, its siblings of the same tag down to this length join it.
        static let cardSiblingMinChars = 20
        /// ... tried when the result is under this many characters, and taken when this many times longer.
        static let cardTriggerChars = 500
        static let cardRatio = 3.0
        /// Card links average at least this many characters (menu columns of short links are not cards).
        static let cardMinLinkChars = 20
        /// Blocks repeated this long or longer are dropped the second time (responsive copies).
        static let duplicateMinChars = 50
        /// ... when at least this many consecutive blocks repeat an earlier run.
        static let duplicateRunBlocks = 3
        /// A run of this many to `adjacentRepeatMaxBlocks` blocks given twice in a row is dropped the second time.
        static let adjacentRepeatMinBlocks = 2
        static let adjacentRepeatMaxBlocks = 4
        /// ... when each of its blocks is at most this many characters (a card's headline and summary line).
        static let adjacentRepeatMaxChars = 200
        /// A quote that repeats another post of the thread kept above it (`BlockCleanup.dropEchoedQuotes`): its
        /// parts of at least `echoPartMinBytes` (letters and digits, one space between words) found earlier must
        /// total `echoMinBytes` and `echoMinShare` of its text (an attribution line may be all that is new).
        static let echoPartMinBytes = 40
        static let echoMinBytes = 60
        static let echoMinShare = 0.8
        /// On a product's page a block or list item of at least this many bytes given again is a copy.
        static let productCopyMinBytes = 10
        /// On a page whose `og:type` declares a product but whose data does not make it a single product's page,
        /// only a copy of at least this many bytes (a sentence, not a label each variant or tile repeats) is dropped.
        static let declaredProductCopyMinBytes = 80
        /// On a thread (not a story) a block or list item of at least this many bytes given again is a copy (a
        /// reply's preview of the post it answers); shorter repeats ("Thanks!", a member's name) are each post's.
        static let threadCopyMinBytes = 40
        /// On a thread, a paragraph of at most this many digits (and an optional sign) is a post's vote count or
        /// number, not a reply: a longer number ("2024") may be one.
        static let threadCounterMaxDigits = 3
        /// A block is template filler when at least this share of its words are `Vocabulary.placeholderWords`
        /// (and it holds a marker run)...
        static let placeholderMinWordShare = 0.8
        /// ... and it goes only when the output keeps at least this many characters of other text: a page that
        /// is only filler (a theme's demo page) keeps it, there being nothing else to read.
        static let placeholderKeepMinChars = 300
        /// A paragraph right under a picture that repeats a text kept earlier, of at least this many bytes and at
        /// most this many characters, is a caption given twice and is dropped. Other repeats stay: authors repeat
        /// themselves, and a listing's cards repeat their fine print.
        static let repeatedShortBlockMinBytes = 20
        /// A block that is one phrase of at most `tickerMaxPhraseWords` words given at least `tickerMinRepeats` times
        /// (and at least `tickerMinBytes` long) is a marquee's text (`BlockCleanup.isTicker`), never content.
        static let tickerMaxPhraseWords = 6
        static let tickerMinRepeats = 5
        static let tickerMinBytes = 30
        static let repeatedCaptionMaxChars = 120
        /// Other stories' cards after the story (`TeaserCards`): at least this many cards at the end of a
        /// container, each at most `teaserCardMaxChars` long (a headline, a byline and an excerpt of up to
        /// about a hundred words) with one linked headline, the labels between them
        /// ("Next") at most `teaserLabelMaxChars`, under a story of at least `teaserStoryMinChars` that is longer
        /// than the cards together.
        static let teaserMinCards = 2
        /// A table cell's `colspan` is honoured up to this many columns (trafilatura's cap): a larger value is a
        /// layout trick or a typo, not a header over that many data columns.
        static let tableMaxColspan = 100
        /// A card's linked headline set without a heading tag (`TeaserCards.linkedLead`) has at least this many
        /// characters: a headline, not a "More" or an author's name.
        static let teaserLeadMinChars = 20
        static let teaserLeadMinCharsCJK = 10
        static let teaserCardMaxChars = 700
        /// Most characters of a card's stamp line (a name and a date) that dates a card without a linked headline.
        static let teaserStampMaxChars = 80
        /// Most letters of a country's second-level label that is part of its public suffix ("co.uk", "com.au",
        /// "ne.jp"): a host under it is one site only with the next label too (`SiteLink.sameSite`).
        static let secondLevelMaxChars = 3
        static let teaserLabelMaxChars = 30
        static let teaserStoryMinChars = 300
        /// Another story's card set alone inside the story (`TeaserCards.embedded`) holds at most this many
        /// characters (a headline and a summary), ...
        static let embeddedCardMaxChars = 400
        /// ... between two paragraphs of the story of at least this many characters each.
        static let embeddedCardNeighbourMinChars = 80
        /// A wrapper counts as a run of cards when it holds at least this many of them.
        static let teaserWrapperMinCards = 2
        /// ... and a wrapper of such wrappers counts too, this many levels down; the heading over the cards (the
        /// wrapper's first child) is at most `teaserFeedHeadingMaxChars` long.
        static let teaserWrapperMaxDepth = 2
        static let teaserFeedHeadingMaxChars = 60
        /// A link inside a card's heading makes the heading a headline when it holds this share of its text.
        static let headlineLinkMinShare = 0.5

        // Readability scoring and promotion (`CandidateSelection`).
        /// Class weight added for a positive or body class word and subtracted for a negative one.
        static let classWeight = 25.0
        /// A block that holds other blocks counts at most one comma per this many characters of its own text.
        static let scoringCharsPerComma = 50
        /// A scoring block earns one point per this many characters of its own text...
        static let scoringCharsPerPoint = 100
        /// ... up to this many points.
        static let scoringMaxLengthPoints = 3.0
        /// A block's score is handed to this many ancestors.
        static let scoringAncestorLevels = 5
        /// From the third ancestor up, the score is divided by the level times this.
        static let scoringLevelDivisor = 3.0
        /// Promotion: other candidates scoring at least this share of the best are alternatives...
        static let promoteNearShare = 0.75
        /// ... the best this many of them are considered...
        static let promoteAlternatives = 4
        /// ... and an ancestor holding this many of them (when there are that many) becomes the top.
        static let promoteMinContaining = 3
        /// Climbing to a better-scoring parent stops at a parent scoring under the running score divided by this.
        static let promoteClimbFloor = 3.0
        /// An anchor with more link density than this is a menu, not the story.
        static let anchorMaxLinkDensity = 0.5
        /// An anchor holds at least this many characters of prose.
        static let anchorMinProse = 100.0
        /// Several `<article>`s or body-classed parts: the parts of at least this share of the largest count...
        static let sharedContainerPartShare = 0.2
        /// ... and their common ancestor is taken when they hold this share of its prose.
        static let sharedContainerMinCover = 0.6
        /// A sibling with the top node's class gets this share of the top node's score as a bonus.
        static let siblingClassBonus = 0.2
        /// Blocks sandwiched between merged siblings join them under this link density.
        static let sandwichMaxLinkDensity = 0.5
        /// A summary box above the story ("Key points"): at least this many list items, at least this share of
        /// them sentences of this many words or more, the items at least this share of the box's text, at most this
        /// share of it linked, and at most this share of the story's length.
        static let summaryListMinItems: Int32 = 2
        static let summaryListItemMinWords = 6
        static let summaryListItemShare = 0.75
        static let summaryListTextShare = 0.7
        static let summaryListMaxLinkDensity = 0.1
        static let summaryListMaxStoryShare = 0.5

        // Cards of a listing (`RepeatedCards`).
        /// Like sibling cards with a linked headline that make a run: a byline or date in one is the card's.
        static let cardRunMin = 3
        /// Two like cards, each one linked headline, under a page's own `<h1>`: a "next"/"previous" pair.
        static let cardPairMin = 2
        /// Elements climbed from a byline or date to find its card.
        static let cardSearchDepth = 8
        /// Elements read in a card to find its linked headline.
        static let cardScanMaxNodes = 400

        // Title reconciliation (`TitleReconciler`).
        /// A list's count before a headline ("8 Recent Trends in …") has at most this many digits; longer numbers
        /// are model numbers or amounts, not counts.
        static let titleListCountMaxDigits = 3
        /// A visible headline that is the `<title>` with one number changed wins only with at least this many
        /// words: in a two-word name ("Model 3") the number is the name.
        static let titleNumberChangeMinWords = 4
        /// A `?` or U+FFFD in a heading stands for at most this many characters of the `<title>`'s word (a
        /// curly apostrophe and its letter: "Beginner?" for "Beginner’s").
        static let titleReplacementMaxChars = 2
        /// How many `<h2>`s the metadata scan reads as possible story titles (see `TitleReconciler`, step 4).
        static let titleSubheadingsRead = 8
        /// An `<h2>` equal to the page's declared title takes its place only with at least this many words (a
        /// one- or two-word `<h2>` is a section's name that may repeat a short title by chance).
        static let titleSubheadingMinWords = 3
        /// A story's `<title>` wins over its sole unconfirmed `<h1>` when the URL's slug holds at least this many
        /// more of the `<title>`'s words than of the heading's (one word is chance: "best", "guide")...
        static let titleSlugMargin = 2
        /// ... and the slug has at least this many words (numbers left out).
        static let titleSlugMinWords = 2

        // Block hygiene (`BlockCleanup`).
        /// Headings up to this many bytes are compared with the page titles.
        static let titleHeadingMaxBytes = 400
        /// A heading is the title (or a part of it) only with at least this many characters...
        static let titleHeadingMinChars = 8
        /// ... or this many in Chinese, Japanese or Korean script, where a headline takes fewer ("新桥下月通车").
        static let titleHeadingMinCharsCJK = 4
        /// ... and, when it is a part of the title, at least this share of the title's length.
        static let titlePartMinShare = 0.5
        /// A terminating block cuts the tail only when the tail is at most the text before it or this many bytes.
        static let terminatingMinTail = 600
        /// Terminating blocks are at most this many bytes (non-Latin text: `terminatingMaxChars` characters).
        static let terminatingMaxBytes = 4 * terminatingMaxChars
        /// A heading that starts with a multi-word terminating phrase is at most this many characters.
        static let terminatingHeadingPrefixMaxChars = 40
        /// "12 Comments", "3 responses to …": a comment counter has at most this many words.
        static let commentCountMaxWords = 4
        /// A heading's text has at least this many letters and digits before its `id` is read as the text's slug
        /// (`PageTree.isOwnSlug`): "Tags" in `id="tags"` names the box as much as the topic.
        static let slugMinChars = 8
        /// A thread post's stamp (member name and post date, `ContentPruning.isPostStamp`) has at most this many
        /// characters ...
        static let postStampMaxChars = 60
        /// ... and at most this many words that are not date words (the member's name, "Posted", "edited").
        static let postStampMaxOtherWords = 2
        /// A dateline is dropped only before this many bytes of story.
        static let datelineMaxPreceding = 4 * datelineMaxChars
        /// A dateline's words of at most this many characters are date tokens ("am", "de", "th").
        static let datelineShortWordChars = 3
        /// A byline's label followed only by joining words ("By on", `BlockCleanup.isLabelWithConnectors`): words of
        /// at most this many letters, at most `bylineConnectorsMax` of them, the line at most
        /// `bylineLabelWithConnectorsMaxBytes`.
        static let bylineConnectorChars = 2
        static let bylineConnectorsMax = 2
        static let bylineLabelWithConnectorsMaxBytes = 32
        /// A dateline's words of at most this many characters ("de", "às", "h", "at", "am") join a spelled-out
        /// date; up to `datelineMaxConnectors` of them do not count towards `datelineMaxWords` ("terça-feira, 20
        /// de novembro de 2026 às 10h15", "martes, 20 de noviembre de 2026 a las 10:15").
        static let datelineConnectorChars = 2
        static let datelineMaxConnectors = 4
        /// Label blocks inside list items are at most this many bytes.
        static let labelMaxBytes = 40
        /// A gallery counter ("Photo 3 of 8", with its buttons' words: "Previous Photo 3 of 8 Next") has at most this
        /// many space-separated tokens.
        static let galleryCounterMaxTokens = 6
        /// A pager's line of page numbers ("Pages: 1 2 3") is at most this long, holds at least this many numbers
        /// and at most this many words besides them (a label, "Previous", "Next").
        static let pageNumberLineMaxBytes = 120
        static let pageNumberLineMinNumbers = 2
        static let pageNumberLineMaxWords = 3
        /// Editors' initials closing a story ("(rk/rk)") run to at most this many letters each.
        static let editorInitialsMaxLetters = 5
        /// An editors' initials line is at most this long in bytes ("(rk/rk)", "[ant/mdk/ab]"): a cheap bound checked first.
        static let editorInitialsMaxBytes = 40
        /// An ad break's notice (`Vocabulary.adBreakWords`) is at most this long.
        static let adBreakMaxBytes = 64
        /// Bylines are at most this many bytes, and this many words...
        static let bylineMaxBytes = 2 * bylineMaxChars
        static let bylineMaxWords = 14
        /// ... and one that ends in a full stop at most this many words.
        static let bylineSentenceMaxWords = 6
        /// A line of share words is at most this many bytes and characters.
        static let shareLineMaxBytes = 160
        static let shareLineMaxChars = 80
        /// Tag lines ("Tags: …") and subscribe lines are at most this many characters.
        static let tagLineMaxChars = 2 * terminatingMaxChars
        static let subscribeLineMaxChars = 2 * terminatingMaxChars
        /// A call to follow the site (`followCueStarts`) is at most this many characters (two lines of a
        /// sentence listing four or five networks).
        static let followLineMaxChars = 160
        /// A call to follow the site by its name (`followVerbStarts` … `followNetworks`) is at most this many
        /// characters: a verb, a site's name and a network, not a sentence of the story.
        static let followByNameMaxChars = 80
        /// What following brings, after the network, is at most this many characters ("for more local stories";
        /// characters, not words: a Vietnamese word is a syllable, "để cập nhật tin tức nhanh nhất").
        static let followPurposeMaxChars = 40
        /// A picture's credit line (`Vocabulary.photoCreditLabels`) is at most this many characters.
        static let photoCreditMaxChars = 80
        /// A reading-time line is at most this many characters.
        static let readingTimeMaxChars = 40
        /// A player's readout line is at most this many characters ("0:00 / 5:32 Listen (6 min)").
        static let playerLineMaxChars = 48
        /// A reader appeal (`Vocabulary.readerAppealStarts`) ends the story only after this share of its text.
        static let readerAppealMinPrecedingShare = 0.5
        /// A terminating block cuts a tail of any length when the tail is a feed of teaser cards: at least this
        /// many headings, ...
        static let cardTailMinHeadings = 3
        /// ... at least this share of them wholly linked (each card's title links to its story; a story's own
        /// section headings are not links).
        static let cardTailMinLinkedShare = 2.0 / 3.0
        /// A list headed by a terminating label is the related widget when links hold this share of its
        /// other items' text.
        static let relatedListMinLinkShare = 0.5
        /// A removed form's wrapper is its caption (a sign-up box's heading and blurb) while it holds at most
        /// this many characters besides the form, and at most this share of the story's roots.
        static let formCaptionMaxChars = 300
        /// A link drawn as a button (`ContentPruning.isButtonLink`) has at most this many characters of label.
        static let buttonLabelMaxChars = 40
        /// At most this many small boxes closed by a button link on a story's page are calls to action (a
        /// donation appeal, a membership offer); more are the story's own cards, each with its button.
        static let buttonBoxesMax = 2
        /// ... and only after this share of the story's text (an appeal follows the story; a box in its middle
        /// is one of its sections).
        static let buttonBoxMinPrecedingShare = 0.6
        static let formCaptionMaxShare = 0.25
        /// A call-to-action box inside a story (`ContentPruning.callToActionBoxes`) holds at most this many
        /// characters (and at most `formCaptionMaxShare` of the story's roots): a heading, a line and a button.
        static let callToActionBoxMaxChars = 400
        /// ... and a story holds at most this many: more are its own cards, each drawn as a call to action.
        static let callToActionBoxesMax = 3
        /// "Related: <a>…</a>": the label before the colon of a teaser line is at most this many bytes.
        static let teaserLabelMaxBytes = 40
        /// An affiliate disclosure is at most this many bytes, and starts within this share of the text from
        /// its start or its end.
        static let affiliateNoticeMaxBytes = 600
        static let affiliateNoticeEdgeShare = 0.25
        /// An author's box without class words (`BlockCleanup.dropAuthorBio`): a name line of at most this many
        /// characters and words (its first word at least `authorNameMinChars` long), up to this many role lines,
        /// then a biography of at least this many bytes starting with the name, after this share of the text.
        static let authorNameMaxChars = 60
        static let authorNameMaxWords = 5
        static let authorNameMinChars = 2
        static let authorBioMaxRoleLines = 2
        static let authorBioMinBytes = 80
        static let authorBioMinPrecedingShare = 0.5
        /// A copyright line is at most this many characters.
        static let copyrightLineMaxChars = 200
        /// A dated copyright notice ("© 2026 Example Inc.") ending the story is the footer's only when at least this
        /// many bytes of story come before it (a page that is nothing but the notice keeps it).
        static let datedCopyrightMinPreceding = 200
        /// Fine print is recognised by its start within the first this many characters.
        static let finePrintHeadChars = 40

        // Link density (`ContentPruning`) beyond trafilatura's gates above.
        /// A block with one link is boilerplate when the link is longer than this (`singleLinkPrecisionChars` in
        /// precision mode) and holds more than `singleLinkRatio` of its text.
        static let singleLinkChars = 100
        static let singleLinkPrecisionChars = 10
        static let singleLinkRatio = 0.9
        /// In recall mode a short block is link-heavy only above this link density.
        static let recallLinkHeavyRatio = 0.9
        /// Short blocks of mostly short links go only above this link density.
        static let shortLinksMinDensity = 0.5
        /// Precision mode removes non-paragraph blocks above this link density.
        static let precisionLinkDensity = 0.5
        /// Tables of at least this many characters are link-heavy above `longTableLinkRatio` (shorter ones
        /// above `linkHeavyRatio`).
        static let longTableChars = 1000
        static let longTableLinkRatio = 0.5
        /// A data grid's wide rows are at least this share of its rows.
        static let dataTableWideRowShare = 0.75
        /// Readability's data-table shape (`TableShape`): at least this many rows, more than this many columns,
        /// or more than this many cells.
        static let dataTableShapeMinRows = 10
        static let dataTableShapeMaxColumns = 4
        static let dataTableShapeMinCells = 10

        // Aggregates and fallbacks.
        /// An inline-only block counts as prose under this link density.
        static let proseMaxLinkDensity = 0.5
        /// Chrome and hidden nodes holding at least this much paragraph text are protected, whatever the share.
        static let protectedProseMinChars = 500.0
        /// The prose baseline takes paragraphs of at least this many characters under this link density.
        static let baselineMinChars = 10
        static let baselineMaxLinkDensity = 0.5
        /// At most this many line breaks in a row are kept inside a paragraph.
        static let maxConsecutiveLineBreaks = 2
        /// An `aria-hidden` link with at least this many non-space characters is on screen (a teaser's summary
        /// linked a second time), not hidden.
        static let ariaHiddenLinkMinChars = 40
        /// A streamed boundary's placeholder saved without React's comment markers: the element right after it is
        /// its loading fallback ("Loading…", a spinner, an empty skeleton) when it holds at most this many
        /// non-space characters (`StreamedContent`).
        static let streamedFallbackMaxChars = 40
        /// An element holding a heading and at most this many characters besides (an "edit" link, an anchor
        /// sign) is the heading's wrapper.
        static let headingWrapperMaxExtraChars = 20
        /// JSON-LD is walked this many levels deep when the page kind is read.
        static let jsonLDMaxDepth = 8
    }
}

// MARK: - Page types (shops, collections, listings)
// Kept in an extension at the end of the file so the page-type work merges cleanly with the rest.

extension Vocabulary {
    /// URL path segments (not the last one) that put a page under a product.
    static let productPathSegments: Set<String> = ["product", "products", "p", "dp", "item", "itm"]
    /// URL path segments (not the last one) that put a page in a collection or category listing.
    static let collectionPathSegments: Set<String> = [
        "collection", "collections", "category", "categories", "c", "shop", "tag", "tags", "topic", "topics",
        "browse", "department", "departments", "catalog",
    ]
    /// `og:type` values of product pages.
    static let productOGTypes: Set<String> = ["product", "product.item", "og:product", "ebay-objects:item"]
    /// `og:type` values of collection pages.
    static let collectionOGTypes: Set<String> = ["product.group", "product:group"]
    /// JSON-LD types (lowercased) of pages that list items; a Product inside them is a tile, not the page.
    static let collectionSchemaTypes: Set<String> = ["itemlist", "collectionpage", "offercatalog", "searchresultspage"]

    /// Substrings that mark a JSON-LD description as HTML rather than plain text.
    static let descriptionMarkup: [String] = ["</", "<br>", "<br/>", "<br />", "<p>", "<li>"]

    /// Candidate-selection reasons that mean the page marked its story container itself.
    static let storyAnchorHeuristics: Set<String> = ["candidate:anchor-class", "candidate:anchor-article"]

    /// Separators of a line of names ("Blog, Video | Help").
    static let labelListSeparators: Set<Character> = [",", "|", "·", "•"]

    /// Currency signs that mark a product tile's price.
    static let currencySigns: Set<Character> = ["$", "€", "£", "¥", "₹", "₩", "₽"]
    /// Currency codes shops print beside an amount ("49.99 USD"), packed as three ASCII bytes.
    static let currencyCodes: Set<UInt32> = Set(["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY"].map { code in
        code.utf8.reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    })

    /// Thresholds of the page-type stages.
    enum PageTypeThreshold {
        /// A JSON-LD product description replaces the DOM result only when at least this long...
        static let descriptionMinChars = 300
        /// ... and the DOM result is at most this many times its length (longer results hold the
        /// description plus the specs).
        static let descriptionMaxRatio = 2.2
        /// A description with fewer spaces per character than this is encoded, not prose.
        static let descriptionMinSpaceShare = 0.08
        /// A headed teaser feed replaces the result when it has at least this many cards, this much text,
        /// and this many times the result's text (listing pages whose result is the intro or a sidebar).
        static let feedMinCards = 5
        /// A page that is not a story whose result is this many times shorter than its `<main>` gets the
        /// whole `<main>` (a listing whose cards the link rules pruned).
        static let mainRegionRatio = 1.5
        /// ...but not when `<main>` is this many times longer: the short result was one right block in a
        /// `<main>` that holds the whole page (filters, tabs, every rail).
        static let mainRegionMaxRatio = 8.5
        /// Related-classed teasers of one kind (at least `feedMinCards`) holding this share of the chosen
        /// content's text are its feed and stay.
        static let teaserFeedShare = 0.25
        static let feedMinChars = 200
        static let feedMinRatio = 1.5
        /// ... unless the result reads as a story: this many paragraphs of at least this many characters.
        static let storyMinParagraphs = 3
        static let storyParagraphChars = 120
        /// Label shells: under this many words, no line of a sentence's length, page this many times longer.
        static let labelShellMaxWords = 50
        static let labelShellPageRatio = 3
        /// A line of at least this many parts of at most this many words each is a list of names.
        static let labelListMinParts = 4
        static let labelListMaxWords = 3
        /// Product grid: at least this many sibling tiles, each showing 1 to `gridMaxTilePrices` prices and
        /// this much text; a price is a node of at most `priceMaxChars` characters.
        static let gridMinTiles = 4
        static let gridMaxTilePrices = 4
        static let gridMinTileChars = 10
        static let priceMaxChars = 32
        /// Text nodes up to this many characters are scanned for a price.
        static let priceTextMaxChars = 4 * priceMaxChars
        /// A card run with a price on at least this share of its cards is a shop grid.
        static let shopGridPricedShare = 0.5
        /// On a single product's page, a priced grid whose tiles hold at least this share of link text leads to
        /// other products and is removed.
        static let relatedTileMinLinkShare = 0.3
        /// ... or whose tiles each hold a link (a picture's, the name beside it) and no list, with at most this
        /// many characters per tile on average: a name, a condition, a price and a shipping line, not a plan's
        /// features.
        static let relatedCardMaxChars = 200
        /// A removed grid's box left with at most this many characters, mostly a heading, is the grid's title.
        static let relatedTitleMaxChars = 80
        /// The grid is added to a result it is at least this many times as long as.
        static let gridMinRatio = 2.0
    }
}
