/// Stage: recognises pages whose content follows different rules than a news story.
enum PageProfile {
    private static let discussionTypeBytes: [[UInt8]] = Vocabulary.discussionTypes.map { Array($0.utf8) }

    /// True for forum threads and Q&A pages (JSON-LD `DiscussionForumPosting` / `QAPage`): there the replies
    /// are the content, so comment containers must not be removed as chaff. `scripts` are the page's JSON-LD
    /// texts, as the metadata scan collected them.
    static func isDiscussion(jsonLD scripts: [String]) -> Bool {
        for script in scripts {
            // Byte search: Foundation's `String.contains` is locale-aware and slow on big JSON-LD blocks.
            let text = Array(script.utf8)
            if discussionTypeBytes.contains(where: { text.containsBytes($0) }) { return true }
        }
        return false
    }
}
