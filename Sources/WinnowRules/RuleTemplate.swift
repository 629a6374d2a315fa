/// The starting file `winnow rules new HOST [URL]` writes: every common directive, commented, so the author
/// edits instead of looking up names.
public enum RuleTemplate {
    /// The file name for a host (`www.` dropped, as matching treats it as an alias).
    public static func fileName(forHost host: String) -> String? {
        guard var name = RuleMatcher.normalize(host: host) else { return nil }
        if name.hasPrefix("www."), name.split(separator: ".").count > 2 { name = String(name.dropFirst(4)) }
        return RuleNames.isValid(name) ? "\(name).txt" : nil
    }

    /// The template text; `testURL` becomes the first test when given.
    public static func text(forHost host: String, testURL: String? = nil) -> String {
        var lines = [
            "# Site rules for \(host)",
            "# Lines are 'directive: value'. Selectors are XPath 1.0, or CSS after 'css:'.",
            "# Check with: winnow rules check <this file>   Try on a page: winnow explain <url>",
            "",
            "# The article container; several lines are alternatives tried in order.",
            "body: //article",
            "# title: //h1",
            "# author: //*[@rel='author']",
            "# date: //time/@datetime",
            "",
            "# Remove clutter inside the body.",
            "# strip: css: .related-articles",
            "# strip_id_or_class: share",
            "",
            "# Multi-page articles.",
            "# next_page_link: //a[@rel='next']",
            "",
        ]
        lines.append("test_url: \(testURL ?? "https://\(host)/an-article")")
        lines.append("# test_fixture: \(fileName(forHost: host).map { String($0.dropLast(4)) } ?? host)-article.html")
        lines.append("# test_contains: a sentence from the article")
        lines.append("# test_not_contains: Related articles")
        return lines.joined(separator: "\n") + "\n"
    }
}
