import WinnowDOM

/// One meaningful line of a rule file (or, for a find_string/replace_string pair, the replace line that
/// completes the pair), with its source location and what it asks the engine to do.
public struct RuleDirective: Sendable, Hashable, CustomStringConvertible {
    /// The directive name as written (`strip`, `http_header`, ...).
    public let name: String
    /// The text inside parentheses (`wrap_in(blockquote)` → `blockquote`), if any.
    public let argument: String?
    /// The value after the colon, trimmed.
    public let value: String
    /// Where the line is (for a find/replace pair: the replace line).
    public let location: SourceLocation
    /// What the line asks for, already validated.
    public let action: RuleAction

    /// A directive from validated parts (the parser builds these).
    public init(name: String, argument: String?, value: String, location: SourceLocation, action: RuleAction) {
        self.name = name
        self.argument = argument
        self.value = value
        self.location = location
        self.action = action
    }

    /// The line as it would be written back (`name(argument): value`).
    public var description: String {
        let head = argument.map { "\(name)(\($0))" } ?? name
        return value.isEmpty ? "\(head):" : "\(head): \(value)"
    }
}

/// What a directive does. Grouped by engine stage; settings that are plain yes/no flags share one case.
public enum RuleAction: Sendable, Hashable {
    // Extraction (alternatives tried in order).
    case title(RuleSelector)
    case body(RuleSelector)
    case author(RuleSelector)
    case date(RuleSelector)
    // Raw-HTML replacement before parsing.
    case replace(StringReplacement)
    // Cleaning (applied after parsing, before the body is selected).
    case strip(RuleSelector)
    case stripIDOrClass(String)
    case stripImageSource(String)
    case stripAttribute(RuleSelector)
    /// Attributes removed inside the extracted body (FTR's `post_strip_attr`).
    case postStripAttribute(RuleSelector)
    case dissolve(RuleSelector)
    case wrapIn(tag: String, RuleSelector)
    case lazyLoadAttribute(String)
    // Page classification and multi-page articles.
    case nativeAdClue(RuleSelector)
    case singlePageLink(LinkRule)
    case nextPageLink(LinkRule)
    // Settings and fetch hints.
    case setting(RuleSetting, Bool)
    case httpHeader(name: String, value: String)
    case parser(String)
    case login(LoginField, String)
    // Rule-file structure.
    case extends(String)
    // Test lines are kept here too so `explain` can list them; `SiteRule.tests` holds them grouped.
    case test(TestLine)
    /// Known directive that Winnow does not act on; the reason is shown by `rules check`.
    case ignored(reason: String)
}

extension RuleAction {
    /// What a removal directive (`strip`, `strip_id_or_class`, `strip_image_src`) removes, as one selector; nil for
    /// every other action. The engine and `explain`'s page both use this, so they mark the same nodes.
    public var removalSelector: RuleSelector? {
        switch self {
        case .strip(let selector):
            return selector
        case .stripIDOrClass(let fragment):
            let literal = XPath.literal(fragment)
            return RuleSelector(syntax: .xpath, source: fragment,
                                xpath: "//*[contains(@class, \(literal)) or contains(@id, \(literal))]")
        case .stripImageSource(let fragment):
            return RuleSelector(syntax: .xpath, source: fragment,
                                xpath: "//img[contains(@src, \(XPath.literal(fragment)))]")
        default:
            return nil
        }
    }
}

/// A raw-HTML string replacement (find_string/replace_string pair or `replace_string(find): replace`).
public struct StringReplacement: Sendable, Hashable {
    /// The exact text to look for in the raw HTML (case-sensitive).
    public let find: String
    /// Its replacement; empty deletes it.
    public let replace: String
    /// Where the find text was written (the find_string line, or the one-line form's own line).
    public let findLocation: SourceLocation

    /// A replacement pair.
    public init(find: String, replace: String, findLocation: SourceLocation) {
        self.find = find
        self.replace = replace
        self.findLocation = findLocation
    }
}

/// A single_page_link / next_page_link rule and the optional `if_page_contains` condition attached to it.
public struct LinkRule: Sendable, Hashable {
    /// Selects the link (element href/src, attribute, or a string expression).
    public let selector: RuleSelector
    /// The rule is used only when this selector matches the page.
    public let condition: RuleSelector?
    /// Where the `if_page_contains` line is.
    public let conditionLocation: SourceLocation?

    /// A link rule, optionally conditioned.
    public init(selector: RuleSelector, condition: RuleSelector? = nil, conditionLocation: SourceLocation? = nil) {
        self.selector = selector
        self.condition = condition
        self.conditionLocation = conditionLocation
    }
}

/// yes/no settings. Defaults (when no file sets them) are in `defaultValue`.
public enum RuleSetting: String, Sendable, Hashable, CaseIterable {
    /// Let the extractor prune unlikely nodes inside the selected body (FTR: Readability's prune).
    case prune
    /// FTR ran HTML Tidy first; libxml2's recovering parser already repairs markup, so this is ignored.
    case tidy
    /// Fall back to automatic extraction when the body rules match nothing.
    case autodetectOnFailure = "autodetect_on_failure"
    /// Let the extractor guess a next-page link when no next_page_link rule matched.
    case autodetectNextPage = "autodetect_next_page"
    /// Turn `<br><br>` runs into paragraph breaks before parsing.
    case convertDoubleBrTags = "convert_double_br_tags"
    /// Remove HTML comments before extraction.
    case stripComments = "strip_comments"
    /// Tell the metadata extractor not to trust JSON-LD on this site.
    case skipJSONLD = "skip_json_ld"
    /// Whether the extractor may insert the detected lead image above the body.
    case insertDetectedImage = "insert_detected_image"
    /// The site needs a login (Winnow does not log in; exposed for reporting).
    case requiresLogin = "requires_login"

    /// FTR's defaults.
    public var defaultValue: Bool {
        switch self {
        case .prune, .tidy, .autodetectOnFailure, .autodetectNextPage, .insertDetectedImage: true
        case .convertDoubleBrTags, .stripComments, .skipJSONLD, .requiresLogin: false
        }
    }
}

/// Login directives used by wallabag's fork of the format. Parsed and exposed; Winnow never logs in.
public enum LoginField: String, Sendable, Hashable, CaseIterable {
    case uri = "login_uri"
    case usernameField = "login_username_field"
    case passwordField = "login_password_field"
    case extraFields = "login_extra_fields"
    case notLoggedInXPath = "not_logged_in_xpath"
}

/// A test line: `test_url`, `test_contains`, `test_not_contains`, `test_fixture`.
public enum TestLine: Sendable, Hashable {
    case url(String)
    case contains(String)
    case notContains(String)
    case fixture(String)
}
