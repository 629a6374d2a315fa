/// Every directive name Winnow recognises, and which of them it knowingly does not act on.
///
/// Heuristics as data: adding a directive starts here, so typo suggestions and `rules check` stay in step.
public enum DirectiveCatalog {
    /// Directives the engine, the fetcher or the test runner act on (or, for `tidy`/`parser`, that are
    /// accepted silently because the behaviour they select does not exist in Winnow).
    public static let supported: [String] = [
        "title", "body", "author", "date",
        "strip", "strip_id_or_class", "strip_image_src", "strip_attr", "post_strip_attr",
        "dissolve", "wrap_in", "src_lazy_load_attr",
        "find_string", "replace_string",
        "single_page_link", "next_page_link", "if_page_contains",
        "native_ad_clue", "http_header", "parser",
        "test_url", "test_contains", "test_not_contains", "test_fixture",
        "extends",
    ] + RuleSetting.allCases.map(\.rawValue) + LoginField.allCases.map(\.rawValue)

    /// Directives seen in third-party rule folders that Winnow does not implement, with the reason shown to
    /// the author. Strict mode rejects them; compatibility mode warns and skips the line.
    public static let unsupported: [String: String] = [
        "move_into": "moving nodes between parents is not supported; use strip/dissolve/wrap_in instead",
        "skip_id_or_class": "undocumented in the format; its semantics are unknown",
        "single_page_link_in_feed": "obsolete FTR directive (feed items are not rewritten by Winnow)",
        "footnotes": "undocumented in the format; its semantics are unknown",
    ]

    /// All names that are not typos.
    public static let known: Set<String> = Set(supported).union(unsupported.keys)

    /// Directives whose value may be empty (`replace_string: ` replaces with nothing).
    static let emptyValueAllowed: Set<String> = ["replace_string"]

    /// The closest known name for a misspelt directive, when it is close enough to be a likely typo.
    public static func suggestion(for name: String) -> String? {
        let lowered = name.lowercased()
        if known.contains(lowered) { return lowered }
        return NameSuggestion.closest(to: lowered, among: known)
    }
}
