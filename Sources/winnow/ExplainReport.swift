import WinnowExtract
import WinnowPipeline

/// The `--explain` listing: every block the extractor kept or dropped at the story's edge, with the heuristic
/// that decided, its score and a preview, plus the site-rule lines that ran (if a rule applied).
///
/// One decision per line, so it greps well: `dropped  div.related-articles  category:related  "Related…"`.
enum ExplainReport {
    static func text(for story: PageStory, source: String) -> String {
        var lines = ["explain: \(source)"]
        if story.rules != nil {
            lines.append("site rules: \(story.ruleFiles.joined(separator: ", "))")
            for report in story.lines { lines.append("  \(report)") }
        } else {
            lines.append("site rules: none for this page (generic extraction)")
        }
        let kept = story.decisions.filter { $0.verdict == .kept }.count
        lines.append("decisions: \(story.decisions.count) (\(kept) kept, \(story.decisions.count - kept) dropped)")
        let pathWidth = min(40, story.decisions.map(\.path.count).max() ?? 0)
        let reasonWidth = min(36, story.decisions.map(\.reason.count).max() ?? 0)
        for decision in story.decisions {
            let verdict = decision.verdict == .kept ? "kept   " : "dropped"
            let preview = decision.preview.isEmpty ? "" : "\"\(decision.preview)\""
            lines.append("  \(verdict)  \(pad(decision.path, pathWidth))  \(pad(decision.reason, reasonWidth))  \(preview)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
