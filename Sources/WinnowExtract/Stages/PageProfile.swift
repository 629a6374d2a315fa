/// Stage: recognises pages whose content follows different rules than a news story.
enum PageProfile {
    private static let discussionTypeBytes: [[UInt8]] = Vocabulary.discussionTypes.map { Array($0.utf8) }

    /// True for forum threads and Q&A pages (JSON-LD `DiscussionForumPosting` / `QAPage`): there the replies
    /// are the content, so comment containers must not be removed as chaff.
    static func isDiscussion(_ tree: PageTree) -> Bool {
        for entry in tree.entries where entry.tag == .script {
            guard let type = entry.node.attribute("type"), type.lowercased() == "application/ld+json" else { continue }
            // Byte search: Foundation's `String.contains` is locale-aware and slow on big JSON-LD blocks.
            let text = Array(entry.node.text.utf8)
            if discussionTypeBytes.contains(where: { contains(text, $0) }) { return true }
        }
        return false
    }

    /// Plain byte-substring search (first-byte scan, then compare).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
