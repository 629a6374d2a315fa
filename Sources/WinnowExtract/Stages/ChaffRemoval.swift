/// Stage: removes what is never story text, page-wide, before a candidate is chosen — scripts and other
/// non-text tags, hidden nodes, consent banners, modals, comment sections, appended follow-up articles, and
/// page chrome (nav, aside, footer, header, forms) unless one of those holds most of the page's text.
///
/// Doing this first matters: every later stage (and the fallbacks) would otherwise be able to pick a comment
/// thread or an appended article as "the content".
enum ChaffRemoval {
    /// Flags chaff in `tree` (expects fresh aggregates) and re-aggregates.
    /// `extraChaff`: categories this page's kind adds (reviews on a product page).
    static func run(_ tree: inout PageTree, keepComments: Bool, extraChaff: Category = [], trace: inout Trace) {
        let pageChars = Double(max(tree.entries[tree.bodyIndex].chars, 1))
        let protected = Vocabulary.Threshold.protectedShare * pageChars
        let pageProse = Double(tree.entries[tree.bodyIndex].paragraphChars)
        let protectedProse = max(Vocabulary.Threshold.protectedProseShare * pageProse, Vocabulary.Threshold.protectedProseMinChars)
        var chaff = Vocabulary.pageChaff
        if keepComments { chaff.remove(.comments) }
        chaff.formUnion(extraChaff)
        var i = 1
        let count = tree.entries.count
        var cardHeaders = 0
        for k in tree.entries.indices where tree.entries[k].tag == .header && isProseHeader(tree.entries[k]) {
            cardHeaders += 1
        }
        while i < count {
            let entry = tree.entries[i]
            var reason: String?
            if entry.tag == .comment {
                reason = ""
            } else if entry.tag == .text || entry.tag == .body || entry.tag == .html {
                reason = nil
            } else if Vocabulary.dropTags.contains(entry.tag) {
                reason = "tag:\(entry.node.name)"
            } else if Vocabulary.smallDropTags.contains(entry.tag) {
                // A `<noscript>` kept for its content must hold real markup, not escaped HTML text.
                if entry.chars < Int32(Vocabulary.Threshold.smallDropChars) || (entry.tag == .noscript && !entry.containsBlock) {
                    if !(entry.tag == .button && (isQuestionToggle(entry) || isPanelTitle(entry))) {
                        reason = "tag:\(entry.node.name)"
                    }
                }
            } else if entry.categories.contains(.widgetRole) && entry.chars < Int32(Vocabulary.Threshold.smallDropChars) {
                // A clickable teaser card (`div role=button` around a headline and summary) is no control.
                if !isQuestionToggle(entry) && !isTeaserCard(entry) && !isPanelTitle(entry) { reason = "widget-role" }
            } else if entry.hidden {
                let revealable = !entry.categories.isDisjoint(with: Vocabulary.revealable)
                    && entry.categories.isDisjoint(with: Vocabulary.hiddenChaff)
                if Double(entry.paragraphChars) < protectedProse && !revealable { reason = "hidden" }
            } else if entry.tag == .aside && !entry.categories.isDisjoint(with: Vocabulary.namedChrome)
                && Double(entry.chars) < Vocabulary.Threshold.namedAsideMaxShare * pageChars
            {
                reason = "named-chrome:\(entry.node.name)"
            } else if entry.categories.contains(.consent) && !entry.categories.contains(.articleBody)
                && Double(entry.chars) < Vocabulary.Threshold.consentMaxShare * pageChars && !holdsStory(tree, i)
            {
                // A consent manager's preference centre lists every vendor's purposes: it can outweigh the page.
                reason = "category:consent"
            } else if (entry.tag == .footer || entry.tag == .nav) && Double(entry.paragraphChars) < protectedProse
                && !holdsStory(tree, i)
            {
                // Footers and menus are chrome whatever their size (on a script-rendered page they are most of
                // the static text), unless they hold the story's prose or its container.
                reason = "chrome:\(entry.node.name)"
            } else if entry.tag == .header && cardHeaders >= Vocabulary.Threshold.sectionHeaderMinCount
                && isProseHeader(entry) {
                // Several headers that hold prose head the page's sections or cards; the page's own header is one.
                reason = nil
            } else if Double(entry.chars) < protected {
                if keepComments && entry.tag == .form && holdsPosts(tree, i) {
                    reason = nil
                } else if Vocabulary.chromeTags.contains(entry.tag) {
                    if Double(entry.paragraphChars) < protectedProse && !(entry.tag == .header && isSectionHeader(tree, i)) {
                        reason = "chrome:\(entry.node.name)"
                    }
                } else if entry.categories.contains(.chromeRole) {
                    reason = "role"
                } else if !entry.categories.isDisjoint(with: chaff), !entry.categories.contains(.articleBody) {
                    reason = "category:" + entry.categories.intersection(chaff).label
                }
            }
            if let reason {
                if !reason.isEmpty && entry.chars > 0 { trace.record(.dropped, tree, i, heuristic: reason) }
                let end = Int(entry.end)
                for j in i..<end { tree.entries[j].removed = true }
                i = end
            } else {
                i += 1
            }
        }
        tree.aggregate()
    }

    /// A `<header>` holding prose rather than a logo and menu: at least `sectionHeaderMinChars`, mostly not links.
    static func isProseHeader(_ e: PageTree.Entry) -> Bool {
        e.chars >= Int32(Vocabulary.Threshold.sectionHeaderMinChars)
            && e.linkDensity < Vocabulary.Threshold.sectionHeaderMaxLinkDensity
    }

    /// Whether a consent banner, footer or menu wraps the story after all (a site named its wrapper after
    /// consent, or put everything in a `<nav>`): it holds a `main`, an `article` or a story-body-named element.
    static func holdsStory(_ tree: PageTree, _ i: Int) -> Bool {
        for j in (i + 1)..<Int(tree.entries[i].end) {
            let e = tree.entries[j]
            if e.tag == .main || e.tag == .article || e.categories.contains(.articleBody) { return true }
        }
        return false
    }

    /// True when the element holds several `<article>`s: forum software wraps a thread's posts in a
    /// moderation `<form>`, which is then the thread, not chrome.
    static func holdsPosts(_ tree: PageTree, _ index: Int) -> Bool {
        var posts = 0
        for j in (index + 1)..<Int(tree.entries[index].end) where tree.entries[j].tag == .article {
            posts += 1
            if posts >= Vocabulary.Threshold.formPostsMin { return true }
        }
        return false
    }

    /// A clickable teaser: a headline plus a summary or byline beyond it (a toggle titled "6 Comments" has only
    /// its heading).
    static func isTeaserCard(_ entry: PageTree.Entry) -> Bool {
        entry.headingChars > 0 && entry.chars - entry.headingChars >= Int32(Vocabulary.Threshold.teaserCardMinExtraChars)
    }

    /// True for a `<header>` inside a `<section>` or `<main>`: it heads a part of the content (landing pages
    /// put each block's title and lead in one), while the masthead sits outside them. An `<article>` alone does
    /// not count: on forums its header is each post's attribution line.
    static func isSectionHeader(_ tree: PageTree, _ index: Int) -> Bool {
        var parent = Int(tree.entries[index].parent)
        while parent > 0 {
            if Vocabulary.headerOwningTags.contains(tree.entries[parent].tag) { return true }
            parent = Int(tree.entries[parent].parent)
        }
        return false
    }

    /// An accordion's toggle (class or id names the accordion) titled with a phrase, not a one-word control:
    /// the panel's title is content, like a heading.
    static func isPanelTitle(_ entry: PageTree.Entry) -> Bool {
        guard entry.categories.contains(.disclosure), entry.chars >= Int32(Vocabulary.Threshold.questionToggleMinChars)
        else { return false }
        return entry.node.text.split(separator: " ").count >= Vocabulary.Threshold.panelTitleMinWords
    }

    /// An FAQ accordion's toggle: a control whose text is a question ("How long does delivery take?").
    /// The question is content; "Sign in" or "Load more" are not.
    static func isQuestionToggle(_ entry: PageTree.Entry) -> Bool {
        guard entry.chars >= Int32(Vocabulary.Threshold.questionToggleMinChars) else { return false }
        let text = entry.node.text.trimmingSuffixSpaces()
        return text.hasSuffix("?") && text.split(separator: " ").count >= Vocabulary.Threshold.questionToggleMinWords
    }
}
