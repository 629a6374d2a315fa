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
            if discussionTypeBytes.contains(where: { text.containsBytes($0) }) { return true }
        }
        return false
    }
}
