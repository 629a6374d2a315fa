import Foundation
import WinnowDOM

/// Author-page links: a link whose target is an author's page (`/author/jane-doe/`, `/autores/ana-ruiz`,
/// `/team/jane-doe`) and whose text names the same person as the page's slug is a credit, whatever the classes
/// around it. CMSs build these links from the author record (the slug is the name, the text is the name), so
/// the pair is a structural signal that needs no byline class or "By" label; a link to a category, tag or
/// product page fails the path test, and a link to an author page whose text is something else ("All
/// articles", "Our team") fails the slug test.
extension PageScanner {
    /// Reads an `<a>` whose `href` passed `authorPathScreen`: records its slug, and the link as a credit when its
    /// text, `aria-label` or `title` names the slug.
    static func readAuthorLink(_ element: Node, href: String, order: Int, into signals: inout PageSignals) {
        guard let slug = AuthorLinks.slug(of: href) else { return }
        if signals.authorSlugs.count < maximumAuthorSlugs, !signals.authorSlugs.contains(slug) {
            signals.authorSlugs.append(slug)
        }
        guard signals.authorLinks.count < maximumAuthorLinks || signals.firstHeadingOrder == nil else { return }
        // A link inside running prose ("…experts, including <a>Jane Doe</a>, PhD, from…") mentions someone.
        if let parent = element.parent, boundedText(parent, limit: maximumCreditLinkContextBytes) == nil { return }
        let candidates = [boundedText(element, limit: maximumNameLineBytes), element.attribute("aria-label"),
                          element.attribute("title")]
        guard let name = candidates.lazy.compactMap({ $0?.collapsingWhitespace() })
            .first(where: { AuthorLinks.name($0, matches: slug, leadIn: true) }) else { return }
        if signals.firstHeadingOrder == nil {
            // Above the headline only the last few count (the byline block over a headline); menus of staff
            // pages further up give way.
            if signals.authorLinks.count >= maximumAuthorLinksBeforeHeading { signals.authorLinks.removeFirst() }
        }
        signals.authorLinks.append(RankedText(rank: authorLinkRank, order: order, text: name, node: element))
    }

    /// Keeps a short text line right under the first `<h1>` (`headlineNameWindow`), for `authorLinkCredits`.
    static func readHeadlineLine(_ node: Node, order: Int, into signals: inout PageSignals) {
        let line: String? = node.withOwnTextBytes { buffer in
            // Whitespace between tags (most text nodes) is passed over before any String is made.
            guard buffer.count >= 4, buffer.count <= maximumNameLineBytes, buffer.contains(where: { $0 > 32 }) else {
                return nil
            }
            return String(decoding: buffer, as: UTF8.self)
        }
        guard let text = line?.collapsingWhitespace(), text.hasTwoSpaceSeparatedWords else { return }
        // The line is a block's whole text (a name line), not a piece of a sentence or a linked mention in one.
        var block = node.parent
        for _ in 0..<maximumInlineDepth {
            guard let element = block, element.isElement, inlineTags.contains(element.name) else { break }
            block = element.parent
        }
        guard let block, boundedText(block, limit: maximumNameLineBytes) != nil else { return }
        signals.headlineLines.append(RankedText(rank: authorLinkRank, order: order, text: text))
    }
}

/// Reading author-page links: the slug of the target path, and whether a name is the slug's.
enum AuthorLinks {
    /// A link target's last path segment as a folded key (letters only, lowercase, no diacritics) and the number
    /// of words it holds, when a segment before it names an author page (`PageScanner.authorPathFragments`).
    struct Slug: Equatable, Sendable {
        let key: String
        let words: Int
    }

    /// Where a link target's path parts lie, in its bytes: `lead`, the path without scheme and host up to its
    /// last segment, and `last`, that segment (query and fragment cut, trailing slashes dropped); nil when the
    /// path has no last segment after a lead.
    static func pathParts(_ href: UnsafeBufferPointer<UInt8>) -> (lead: Range<Int>, last: Range<Int>)? {
        let slash = UInt8(ascii: "/")
        var end = 0
        while end < href.count, href[end] != UInt8(ascii: "?"), href[end] != UInt8(ascii: "#") { end += 1 }
        var start = 0
        var colon = 0
        while colon + 2 < end, !(href[colon] == UInt8(ascii: ":") && href[colon + 1] == slash && href[colon + 2] == slash) {
            colon += 1
        }
        if colon + 2 < end {
            start = colon + 3
            while start < end, href[start] != slash { start += 1 }
            guard start < end else { return nil }
        }
        var stop = end
        while stop > start, href[stop - 1] == slash { stop -= 1 }
        var last = stop
        while last > start, href[last - 1] != slash { last -= 1 }
        guard last > start, last < stop else { return nil }
        return (start..<last, last..<stop)
    }

    /// Whether a link target's bytes may give a `slug(of:)`: its path's lead (`pathParts`) holds an author-page
    /// word (`PageScanner.authorPathScreen`). Screened in place on every link, so a host, a query or a last
    /// segment that merely contains such a word ("teamwork", `?user=`) costs no String work.
    static func mayNameAuthorPage(_ href: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let parts = pathParts(href) else { return false }
        return PageScanner.authorPathScreen.matches(bytes: UnsafeBufferPointer(rebasing: href[parts.lead]))
    }

    static func slug(of href: String) -> Slug? {
        var target = href
        let segment: String? = target.withUTF8 { bytes in
            guard let parts = pathParts(bytes),
                  PageScanner.authorPathScreen.matches(bytes: UnsafeBufferPointer(rebasing: bytes[parts.lead])) else {
                return nil
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[parts.last]), as: UTF8.self)
        }
        guard let last = segment else { return nil }
        let decoded = last.utf8.contains(UInt8(ascii: "%")) ? (last.removingPercentEncoding ?? last) : last
        let words = folded(decoded).split(whereSeparator: { !$0.isLetter })
        let key = words.joined()
        guard key.count >= PageScanner.minimumSlugLetters else { return nil }
        return Slug(key: key, words: words.count)
    }

    /// Whether `name` names the person of `slug`: the name's words make the slug ("Jane Doe", `jane-doe`), with
    /// a title or "about" before them (`dr-jane-doe`, `about-jane-doe`), with a middle name or initial in the slug
    /// only (`jane-q-doe`), as a short first name (`Matt Doe`, `matthew-doe`), or as an initial and surname
    /// (`jdoe`). With `leadIn` (a link's own text), the name may also end a longer text ("More from Jane Doe").
    /// One-word names are not matched (a bare handle or first name tells too little), nor two short words
    /// making a one-word slug ("Log In", `/user/login`).
    static func name(_ name: String, matches slug: Slug, leadIn: Bool = false) -> Bool {
        let words = folded(name).split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word.filter(\.isLetter))
        }.filter { !$0.isEmpty }
        let most = leadIn ? PageScanner.maximumAuthorLinkWords : PageScanner.maximumNameLineWords
        guard words.count >= 2, words.count <= most else { return false }
        let joined = words.joined()
        let key = slug.key
        if joined == key { return slug.words >= 2 || key.count >= PageScanner.minimumOneWordSlugLetters }
        if joined.count >= PageScanner.minimumSlugLetters + 2, key.hasSuffix(joined) { return true }
        if leadIn, slug.words >= 2, joined.hasSuffix(key) { return true }
        let first = words[leadIn ? words.count - 2 : 0], last = words[words.count - 1]
        if key.hasPrefix(first), key.hasSuffix(last), key.count <= first.count + last.count + PageScanner.slugExtraLetters {
            return true
        }
        return last.count >= 3 && key == String(first.prefix(1)) + last
    }

    /// Lowercase, without diacritics ("Kovács" and `kovacs` compare equal).
    static func folded(_ text: String) -> String {
        // ASCII needs only lowercasing (most slugs and names); Foundation's folding is for the rest.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}

/// Avatar bylines: the byline block under a headline shows the author's picture and then the name ("[photo]
/// Jane Doe · March 5"), whatever classes the rest of the block has; image classes name the picture an avatar
/// in every CMS's theme (`avatar`, `avatar-50`, `author-avatar`).
extension PageScanner {
    /// Marks the first image whose class names an avatar within `headlineDateWindow` after the first `<h1>`: the
    /// next text is its name (`readAvatarName`). Further down, avatars picture commenters and related authors.
    static func readAvatar(_ element: Node, order: Int, into signals: inout PageSignals) {
        guard !signals.avatarSeen, let heading = signals.firstHeadingOrder, order > heading,
              order - heading <= headlineDateWindow, let classes = element.attribute("class"),
              classes.utf8.containsASCIICaseInsensitive(avatarFragment) else { return }
        signals.avatarSeen = true
        signals.avatarPending = true
    }

    /// The first non-empty text after the avatar, when short enough for a byline line, as a byline ranked after
    /// every marked one (`avatarBylineRank`); author cleaning then keeps it only if it reads as a name.
    static func readAvatarName(_ node: Node, order: Int, into signals: inout PageSignals) {
        let text: String? = node.withOwnTextBytes { buffer in
            guard buffer.contains(where: { $0 > 32 }) else { return nil }
            return buffer.count <= maximumNameLineBytes ? String(decoding: buffer, as: UTF8.self) : ""
        }
        guard let text else { return }
        signals.avatarPending = false
        let line = text.collapsingWhitespace()
        if !line.isEmpty { signals.bylines.append(RankedText(rank: avatarBylineRank, order: order, text: line, node: node)) }
    }
}
