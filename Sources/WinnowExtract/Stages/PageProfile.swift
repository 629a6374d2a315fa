/// Stage: recognises pages whose content follows different rules than a news story.
enum PageProfile {
    /// True for forum threads and Q&A pages (JSON-LD `DiscussionForumPosting` / `QAPage`): there the replies
    /// are the content, so comment containers must not be removed as chaff.
    static func isDiscussion(_ tree: PageTree) -> Bool {
        for entry in tree.entries where entry.tag == .script {
            guard let type = entry.node.attribute("type"), type.lowercased() == "application/ld+json" else { continue }
            let text = entry.node.text
            if Vocabulary.discussionTypes.contains(where: { text.contains($0) }) { return true }
        }
        return false
    }
}
