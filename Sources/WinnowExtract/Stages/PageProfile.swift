/// Stage: recognises pages whose content follows different rules than a news story.
enum PageProfile {
    private static let discussionTypeBytes: [[UInt8]] = Vocabulary.discussionTypes.map { Array($0.utf8) }
    private static let threadTypeBytes: [[UInt8]] = Vocabulary.threadTypes.map { Array($0.utf8) }

    /// True for forum threads and Q&A pages (JSON-LD `DiscussionForumPosting` / `QAPage`): there the replies
    /// are the content, so comment containers must not be removed as chaff. `scripts` are the page's JSON-LD
    /// texts, as the metadata scan collected them.
    static func isDiscussion(jsonLD scripts: [String]) -> Bool {
        contains(discussionTypeBytes, in: scripts)
    }

    /// True for a page whose JSON-LD names a forum post or a Q&A page itself (`Vocabulary.threadTypes`), not
    /// only a `Question` (a story's FAQ block names that too).
    static func isThread(jsonLD scripts: [String]) -> Bool {
        contains(threadTypeBytes, in: scripts)
    }

    /// True for a microdata `itemtype` URL naming a thread type (`https://schema.org/DiscussionForumPosting`).
    static func isThread(itemtype: String) -> Bool {
        var text = itemtype
        return text.withUTF8(isThread(itemtype:))
    }

    /// `isThread(itemtype:)` on the value's bytes, which the metadata walk reads in place.
    static func isThread(itemtype bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for type in threadTypeBytes where bytes.count > type.count {
            let start = bytes.count - type.count
            guard bytes[start - 1] == UInt8(ascii: "/") else { continue }
            var k = 0
            while k < type.count && bytes[start + k] == type[k] { k += 1 }
            if k == type.count { return true }
        }
        return false
    }

    /// True for a URL whose path is a forum engine's thread (`Vocabulary.threadPathSegments`, `threadPathPages`).
    static func isThread(url: String?) -> Bool {
        guard let path = url.flatMap(PageKind.urlPath) else { return false }
        return isThread(pathSegments: path.split(separator: "/").map { $0.lowercased() })
    }

    /// `isThread(url:)` on the path's lowercased segments.
    static func isThread(pathSegments segments: [String]) -> Bool {
        guard let last = segments.last else { return false }
        if Vocabulary.threadPathPages.contains(last) { return true }
        if segments.dropLast().contains(where: { Vocabulary.threadPathSegments.contains($0) }) { return true }
        // A short engine word followed, further on, by the thread's number (Discourse's `/t/some-title/1555`,
        // Invision's `/topic/123-some-title/`, Flarum's `/d/88-some-title`): a tag page (`/topic/health`) has none.
        guard let word = segments.firstIndex(where: { Vocabulary.threadIDPathSegments.contains($0) }) else { return false }
        return segments[(word + 1)...].contains { $0.first?.isASCII == true && $0.first?.isNumber == true }
    }

    private static func contains(_ types: [[UInt8]], in scripts: [String]) -> Bool {
        for var script in scripts {
            // Byte search, in place: Foundation's `String.contains` is locale-aware and slow on big JSON-LD blocks.
            let found = script.withUTF8 { text in
                types.contains { type in type.withUnsafeBufferPointer { text.firstOffset(of: $0) != nil } }
            }
            if found { return true }
        }
        return false
    }
}
