/// Stage: removes what is never story text, page-wide, before a candidate is chosen — scripts and other
/// non-text tags, hidden nodes, consent banners, modals, comment sections, appended follow-up articles, and
/// page chrome (nav, aside, footer, header, forms) unless one of those holds most of the page's text.
///
/// Doing this first matters: every later stage (and the fallbacks) would otherwise be able to pick a comment
/// thread or an appended article as "the content".
enum ChaffRemoval {
    /// Where chaff is looked for, and what counts as chaff there.
    struct Scope {
        /// The subtrees searched: the whole page, or the containers a site rule's `body` selected.
        var roots: [Int]
        /// Page chrome (nav, aside, footer, header, forms, `role=navigation`...) is chaff. Not inside a rule's
        /// body: a `<nav>` or `<aside>` in the container a rule selected is there on purpose (a reading list,
        /// a timeline box), and what the rule author does not want they strip by name.
        var chrome: Bool
        /// Only never-text elements go (scripts, styles, embeds): a rule with `prune: no`.
        var neverTextOnly: Bool
        /// Class/id categories that mark chaff here.
        var chaff: Category
        /// Hidden parts stay (all but hidden menus, dialogs and banners): the page ships its content hidden
        /// for a script to show, and nothing visible held a story.
        var keepHidden = false
    }

    /// Flags chaff page-wide in `tree` (expects fresh aggregates) and re-aggregates.
    /// `extraChaff`: categories this page's kind adds (reviews on a product page).
    /// `keepHidden`: hidden parts stay, as in `Scope.keepHidden`.
    static func run(
        _ tree: inout PageTree, keepComments: Bool, keepHidden: Bool = false, extraChaff: Category = [], trace: inout Trace
    ) {
        var chaff = Vocabulary.pageChaff
        if keepComments { chaff.remove(.comments) }
        if keepHidden { chaff.remove(.hidden) }
        chaff.formUnion(extraChaff)
        let scope = Scope(roots: [tree.bodyIndex], chrome: true, neverTextOnly: false, chaff: chaff, keepHidden: keepHidden)
        run(&tree, scope: scope, keepComments: keepComments, trace: &trace)
    }

    /// Flags chaff inside the containers a site rule selected (FTR's `prune: yes`; with `prune: no` only
    /// never-text elements), and re-aggregates.
    static func run(_ tree: inout PageTree, ruleBody roots: [Int], prune: Bool, trace: inout Trace) {
        run(&tree, scope: Scope(roots: roots, chrome: false, neverTextOnly: !prune, chaff: Vocabulary.pageChaff),
            keepComments: false, trace: &trace)
    }

    /// One walk per scope root: a flagged node's subtree is skipped.
    static func run(_ tree: inout PageTree, scope: Scope, keepComments: Bool, trace: inout Trace) {
        // Aggregates change only when a node is newly flagged.
        var flagged = false
        var cardHeaders = 0
        if scope.chrome {
            for k in tree.entries.indices where tree.entries[k].tag == .header && isProseHeader(tree.entries[k]) {
                cardHeaders += 1
            }
        }
        for root in scope.roots {
            // Protection is relative to what is searched: the page, or the rule's container.
            let rootChars = Double(max(tree.entries[root].chars, 1))
            let limits = Limits(
                scopeChars: rootChars,
                protected: Vocabulary.Threshold.protectedShare * rootChars,
                protectedProse: max(
                    Vocabulary.Threshold.protectedProseShare * Double(tree.entries[root].paragraphChars),
                    Vocabulary.Threshold.protectedProseMinChars),
                cardHeaders: cardHeaders)
            var i = root + 1
            let end = Int(tree.entries[root].end)
            // Inside preformatted text only never-text elements (a `<style>` a code widget carries) are chaff:
            // the rest is converted verbatim, whole (a syntax highlighter's `span.comment` is code).
            var preEnd = 0
            let verbatimScope = Scope(roots: scope.roots, chrome: false, neverTextOnly: true, chaff: [])
            while i < end {
                if let reason = verdict(tree, i, scope: i < preEnd ? verbatimScope : scope, keepComments: keepComments,
                                        limits: limits) {
                    if !reason.isEmpty {
                        // Empty parts are named for the map only; the report lists what held text.
                        if tree.entries[i].chars > 0 {
                            trace.record(.dropped, tree, i, heuristic: reason)
                        } else {
                            trace.recordOmitted([i], heuristic: reason)
                        }
                    }
                    let subtreeEnd = Int(tree.entries[i].end)
                    for j in i..<subtreeEnd where !tree.entries[j].removed {
                        tree.entries[j].removed = true
                        flagged = true
                    }
                    i = subtreeEnd
                } else {
                    if tree.entries[i].tag == .pre && i >= preEnd { preEnd = Int(tree.entries[i].end) }
                    i += 1
                }
            }
        }
        if flagged { tree.aggregate() }
    }

    /// The sizes a scope's protections are measured against.
    struct Limits {
        var scopeChars: Double
        /// Nodes holding at least this much text are not removed by class words or chrome tags.
        var protected: Double
        /// Nodes holding at least this much paragraph text are not removed as hidden or as footers/menus.
        var protectedProse: Double
        /// `<header>`s on the page that hold prose.
        var cardHeaders: Int
    }

    /// Why entry `i` is chaff in this scope (empty for an HTML comment: removed without a record), or nil.
    static func verdict(_ tree: PageTree, _ i: Int, scope: Scope, keepComments: Bool, limits: Limits) -> String? {
        let entry = tree.entries[i]
        let t = Vocabulary.Threshold.self
        if entry.tag == .comment { return "" }
        if entry.tag == .text || entry.tag == .body || entry.tag == .html { return nil }
        if Vocabulary.dropTags.contains(entry.tag) { return "tag:\(entry.node.name)" }
        if scope.neverTextOnly { return nil }
        if Vocabulary.smallDropTags.contains(entry.tag) {
            // A `<noscript>` kept for its content must hold real markup, not escaped HTML text.
            guard entry.chars < Int32(t.smallDropChars) || (entry.tag == .noscript && !entry.containsBlock) else { return nil }
            if entry.tag == .button && (isQuestionToggle(entry) || isPanelTitle(entry) || isPopoverControl(entry)) { return nil }
            return "tag:\(entry.node.name)"
        }
        if entry.categories.contains(.widgetRole) && entry.chars < Int32(t.smallDropChars) {
            // A clickable teaser card (`div role=button` around a headline and summary) is no control.
            if isQuestionToggle(entry) || isTeaserCard(entry) || isPanelTitle(entry) { return nil }
            return "widget-role"
        }
        if entry.hidden && !(scope.keepHidden && entry.categories.isDisjoint(with: Vocabulary.hiddenChaff)) {
            let revealable = !entry.categories.isDisjoint(with: Vocabulary.revealable)
                && entry.categories.isDisjoint(with: Vocabulary.hiddenChaff)
            return Double(entry.paragraphChars) < limits.protectedProse && !revealable ? "hidden" : nil
        }
        if scope.chrome, let reason = chromeVerdict(tree, i, keepComments: keepComments, limits: limits) {
            return reason.isEmpty ? nil : reason
        }
        if Double(entry.chars) < limits.protected, !entry.categories.isDisjoint(with: scope.chaff),
           !entry.categories.contains(.articleBody) {
            let matched = entry.categories.intersection(scope.chaff)
            // A name or topic set inside a sentence is a word of it, whatever its class says.
            return ContentPruning.isWordInSentence(tree, i, categories: matched) ? nil : "category:" + matched.label
        }
        return nil
    }

    /// The page-chrome tests (page scope only): a reason, an empty string for "decided: keep", or nil for
    /// "not chrome, go on".
    /// The tags `Vocabulary.namedChrome` names, screened before its dictionary is looked up (for every node).
    static let namedChromeTags = TagMask(Vocabulary.namedChrome.keys)

    static func chromeVerdict(_ tree: PageTree, _ i: Int, keepComments: Bool, limits: Limits) -> String? {
        let entry = tree.entries[i]
        let t = Vocabulary.Threshold.self
        if namedChromeTags.contains(entry.tag), let names = Vocabulary.namedChrome[entry.tag],
           !entry.categories.isDisjoint(with: names)
            && Double(entry.chars) < t.namedChromeMaxShare * limits.scopeChars
            && (entry.tag != .footer || !holdsStory(tree, i)) {
            // A footer wrapping an `<article>` or `<main>` is an unclosed tag around the page, like a big one.
            return "named-chrome:\(entry.node.name)"
        }
        if entry.categories.contains(.consent) && !entry.categories.contains(.articleBody)
            && Double(entry.chars) < t.consentMaxShare * limits.scopeChars && !holdsStory(tree, i) {
            // A consent manager's preference centre lists every vendor's purposes: it can outweigh the page.
            return "category:consent"
        }
        if (entry.tag == .footer || entry.tag == .nav) && Double(entry.paragraphChars) < limits.protectedProse
            && !holdsStory(tree, i) {
            // Footers and menus are chrome whatever their size (on a script-rendered page they are most of the
            // static text), unless they hold the story's prose or its container.
            return "chrome:\(entry.node.name)"
        }
        if entry.tag == .header && limits.cardHeaders >= t.sectionHeaderMinCount && isProseHeader(entry) {
            // Several headers that hold prose head the page's sections or cards; the page's own header is one.
            return ""
        }
        guard Double(entry.chars) < limits.protected else { return "" }
        if keepComments && entry.tag == .form && holdsPosts(tree, i) { return "" }
        if Vocabulary.chromeTags.contains(entry.tag) {
            let chrome = Double(entry.paragraphChars) < limits.protectedProse && !(entry.tag == .header && isSectionHeader(tree, i))
            return chrome ? "chrome:\(entry.node.name)" : ""
        }
        if entry.categories.contains(.chromeRole) { return "role" }
        return nil
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

    /// A button that opens a popover (`popovertarget`) inside a sentence: its label is the sentence's word ("named
    /// <button popovertarget=…>Priya Okafor</button> as director"); the card it opens is what is hidden.
    static func isPopoverControl(_ entry: PageTree.Entry) -> Bool {
        entry.node.attribute("popovertarget") != nil
    }

    /// An FAQ accordion's toggle: a control whose text is a question ("How long does delivery take?").
    /// The question is content; "Sign in" or "Load more" are not.
    static func isQuestionToggle(_ entry: PageTree.Entry) -> Bool {
        guard entry.chars >= Int32(Vocabulary.Threshold.questionToggleMinChars) else { return false }
        let text = entry.node.text.trimmingSuffixSpaces()
        return text.hasSuffix("?") && text.split(separator: " ").count >= Vocabulary.Threshold.questionToggleMinWords
    }
}
