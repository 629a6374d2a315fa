import WinnowDOM

/// The outcome of parsing one rule file: the rule and everything wrong with it.
public struct ParsedRuleFile: Sendable {
    /// The parsed file (check `isUsable` before applying it).
    public let rule: SiteRule
    /// Problems in line order.
    public let diagnostics: [RuleDiagnostic]
}

/// Turns the text of one rule file into a `SiteRule`, validating every line.
///
/// Pure: reads no files. Fixture existence and `extends:` targets are checked by `RuleLoader`, which knows
/// the folders.
public struct RuleParser: Sendable {
    /// Strict (errors) or compatible (warnings).
    public let mode: RuleMode

    /// A parser; strict by default.
    public init(mode: RuleMode = .strict) { self.mode = mode }

    /// Parses `text` as the rule file `name` stored at `path`.
    public func parse(_ text: String, name: String, path: String) -> ParsedRuleFile {
        var state = ParseState(mode: mode, path: path)
        var lineNumber = 0
        // A byte-order mark from Windows editors would otherwise glue itself to the first directive name.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }) {
            lineNumber += 1
            state.parseLine(String(rawLine), number: lineNumber)
        }
        state.finish(lastLine: lineNumber)
        let hasErrors = state.diagnostics.contains { $0.severity == .error }
        let rule = SiteRule(name: name, path: path, directives: state.keptDirectives(), tests: state.tests,
                            extends: state.extends, isUsable: !hasErrors)
        return ParsedRuleFile(rule: rule, diagnostics: state.diagnostics)
    }
}

/// Mutable state of one parse; kept private so `RuleParser` stays a value with no lifecycle.
private struct ParseState {
    let mode: RuleMode
    let path: String
    var directives: [RuleDirective] = []
    var diagnostics: [RuleDiagnostic] = []
    var tests: [RuleTest] = []
    var extends: [RuleReference] = []
    /// find_string lines waiting for their replace_string, in order.
    var pendingFinds: [(text: String, location: SourceLocation)] = []
    /// Index in `directives` of the latest single_page_link / next_page_link (for if_page_contains).
    var lastLinkIndex: Int?
    /// Index of each setting's latest line; earlier duplicates are dropped at the end (the last one wins).
    var settingIndex: [RuleSetting: Int] = [:]
    var droppedIndices: Set<Int> = []

    init(mode: RuleMode, path: String) {
        self.mode = mode
        self.path = path
    }

    mutating func report(_ cause: RuleDiagnostic.Cause, line: Int, _ message: String) {
        let severity: RuleDiagnostic.Severity = mode == .strict ? .error : .warning
        diagnostics.append(RuleDiagnostic(severity, cause, at: SourceLocation(file: path, line: line), message))
    }

    func keptDirectives() -> [RuleDirective] {
        directives.indices.filter { !droppedIndices.contains($0) }.map { directives[$0] }
    }

    // MARK: Lines

    mutating func parseLine(_ raw: String, number: Int) {
        let line = raw.trimmingSpaces()
        if line.isEmpty || line.hasPrefix("#") { return }
        guard let split = Self.split(line) else {
            report(.syntax, line: number, "expected 'directive: value', found '\(Self.clip(line))'")
            return
        }
        let location = SourceLocation(file: path, line: number)
        guard DirectiveCatalog.known.contains(split.name) else {
            var message = "unknown directive '\(split.name)'"
            if split.name == "http" || split.name == "https" {
                message = "a bare URL is not a directive — did you mean 'test_url: \(Self.clip(line))'?"
            } else if let suggestion = DirectiveCatalog.suggestion(for: split.name) {
                message += " — did you mean '\(suggestion)'?"
            }
            report(.unknownDirective, line: number, message)
            return
        }
        if let reason = DirectiveCatalog.unsupported[split.name] {
            report(.unsupportedDirective, line: number, "'\(split.name)' is not supported: \(reason)")
            return
        }
        if split.value.isEmpty && !DirectiveCatalog.emptyValueAllowed.contains(split.name)
            && !(split.name == "replace_string" && split.argument != nil) {
            report(.emptyValue, line: number, "'\(split.name)' needs a value")
            return
        }
        let takesArgument: Set<String> = ["http_header", "wrap_in", "replace_string"]
        if split.argument != nil && !takesArgument.contains(split.name) {
            report(.syntax, line: number, "'\(split.name)' does not take a parenthesised argument")
            return
        }
        if let action = makeAction(split, location: location) {
            append(RuleDirective(name: split.name, argument: split.argument, value: split.value,
                                 location: location, action: action))
        }
    }

    mutating func append(_ directive: RuleDirective) {
        directives.append(directive)
        let index = directives.count - 1
        switch directive.action {
        case .singlePageLink, .nextPageLink: lastLinkIndex = index
        case .setting(let setting, _):
            if let previous = settingIndex[setting] {
                report(.duplicateSetting, line: directive.location.line,
                       "'\(setting.rawValue)' is already set on line \(directives[previous].location.line); the last value wins")
                droppedIndices.insert(previous)
            }
            settingIndex[setting] = index
        default: break
        }
    }

    mutating func finish(lastLine: Int) {
        for find in pendingFinds {
            report(.unpairedReplacement, line: find.location.line,
                   "find_string has no matching replace_string (pairs are matched in order)")
        }
        pendingFinds.removeAll()
    }

    // MARK: Directive values

    mutating func selector(_ value: String, line: Int, for name: String) -> RuleSelector? {
        do {
            return try RuleSelector(parsing: value)
        } catch {
            let isCSS = value.hasPrefix(RuleSelector.cssPrefix)
            report(isCSS ? .invalidCSS : .invalidXPath, line: line,
                   "\(name): \(isCSS ? "CSS selector" : "XPath") does not compile: \(Self.clip(value))")
            return nil
        }
    }

    mutating func flag(_ value: String, line: Int, for name: String) -> Bool? {
        switch value.lowercased() {
        case "yes": return true
        case "no": return false
        case "true", "false":
            // Seen in third-party folders; compatible mode accepts it (with a warning), strict mode does not.
            report(.invalidValue, line: line, "'\(name)' expects yes or no, found '\(value)'")
            return mode == .compatible ? value.lowercased() == "true" : nil
        default:
            report(.invalidValue, line: line, "'\(name)' expects yes or no, found '\(Self.clip(value))'")
            return nil
        }
    }

    /// The directives whose value is one selector, and the action each makes of it.
    static let selectorActions: [String: @Sendable (RuleSelector) -> RuleAction] = [
        "title": { .title($0) }, "body": { .body($0) }, "author": { .author($0) }, "date": { .date($0) },
        "strip": { .strip($0) }, "strip_attr": { .stripAttribute($0) },
        "post_strip_attr": { .postStripAttribute($0) }, "dissolve": { .dissolve($0) },
        "native_ad_clue": { .nativeAdClue($0) },
        "single_page_link": { .singlePageLink(LinkRule(selector: $0)) },
        "next_page_link": { .nextPageLink(LinkRule(selector: $0)) },
    ]

    /// The action of one directive line; nil when the line is reported as an error, or when it only amends an
    /// earlier line (`find_string`, `if_page_contains`).
    mutating func makeAction(_ split: SplitLine, location: SourceLocation) -> RuleAction? {
        let line = location.line, value = split.value, name = split.name
        if let make = Self.selectorActions[name] {
            return selector(value, line: line, for: name).map(make)
        }
        switch name {
        case "strip_id_or_class": return stripIDOrClass(value, line: line)
        case "strip_image_src": return .stripImageSource(value)
        case "src_lazy_load_attr": return lazyLoadAttribute(value, line: line)
        case "wrap_in": return wrapIn(split, line: line)
        case "find_string":
            pendingFinds.append((value, location))
            return nil
        case "replace_string": return replacement(split, location: location)
        case "if_page_contains":
            attachCondition(value, location: location)
            return nil
        case "http_header": return httpHeader(split, line: line)
        case "parser": return .parser(value)
        case "extends": return extendsRule(value, location: location)
        case "test_url": return testURL(value, location: location)
        case "test_contains", "test_not_contains", "test_fixture":
            return attachTestLine(name, value: value, location: location)
        default: return settingOrLogin(split, line: line)
        }
    }

    /// FTR removes quotes from the value before building its XPath; so does Winnow.
    mutating func stripIDOrClass(_ value: String, line: Int) -> RuleAction? {
        let cleaned = value.filter { $0 != "'" && $0 != "\"" }.trimmingSpaces()
        guard !cleaned.isEmpty else {
            report(.emptyValue, line: line, "'strip_id_or_class' needs a value"); return nil
        }
        return .stripIDOrClass(cleaned)
    }

    mutating func lazyLoadAttribute(_ value: String, line: Int) -> RuleAction? {
        guard Self.isName(value) else {
            report(.invalidValue, line: line, "'src_lazy_load_attr' expects an attribute name, found '\(Self.clip(value))'")
            return nil
        }
        return .lazyLoadAttribute(value)
    }

    mutating func wrapIn(_ split: SplitLine, line: Int) -> RuleAction? {
        guard let tag = split.argument, Self.isName(tag) else {
            report(.syntax, line: line, "wrap_in needs a tag name: 'wrap_in(blockquote): //p[@class=\"quote\"]'")
            return nil
        }
        return selector(split.value, line: line, for: split.name).map { RuleAction.wrapIn(tag: tag.lowercased(), $0) }
    }

    /// `replace_string(find): replace`, or a `replace_string` that completes the oldest unpaired `find_string`.
    mutating func replacement(_ split: SplitLine, location: SourceLocation) -> RuleAction? {
        if let find = split.argument {
            guard !find.isEmpty else {
                report(.emptyValue, line: location.line, "replace_string() needs the text to find in parentheses")
                return nil
            }
            return .replace(StringReplacement(find: find, replace: split.value, findLocation: location))
        }
        guard !pendingFinds.isEmpty else {
            report(.unpairedReplacement, line: location.line, "replace_string has no preceding find_string")
            return nil
        }
        let find = pendingFinds.removeFirst()
        return .replace(StringReplacement(find: find.text, replace: split.value, findLocation: find.location))
    }

    /// `http_header(name): value`; the name is kept lower-cased.
    mutating func httpHeader(_ split: SplitLine, line: Int) -> RuleAction? {
        guard let header = split.argument?.trimmingSpaces(), !header.isEmpty,
              header.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            report(.syntax, line: line, "http_header needs a header name: 'http_header(user-agent): value'")
            return nil
        }
        return .httpHeader(name: header.lowercased(), value: split.value)
    }

    mutating func extendsRule(_ value: String, location: SourceLocation) -> RuleAction? {
        let target = value.lowercased()
        guard RuleNames.isValid(target) else {
            report(.invalidValue, line: location.line,
                   "extends expects a rule name such as 'example.com', found '\(Self.clip(value))'")
            return nil
        }
        extends.append(RuleReference(name: target, location: location))
        return .extends(target)
    }

    mutating func testURL(_ value: String, location: SourceLocation) -> RuleAction? {
        guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
            report(.invalidValue, line: location.line, "test_url expects an http(s) URL, found '\(Self.clip(value))'")
            return nil
        }
        tests.append(RuleTest(url: value, location: location))
        return .test(.url(value))
    }

    /// A yes/no setting or a login field; anything else is an unknown directive.
    mutating func settingOrLogin(_ split: SplitLine, line: Int) -> RuleAction? {
        let name = split.name, value = split.value
        if let setting = RuleSetting(rawValue: name) {
            return flag(value, line: line, for: name).map { .setting(setting, $0) }
        }
        if let field = LoginField(rawValue: name) {
            if field == .notLoggedInXPath, selector(value, line: line, for: name) == nil { return nil }
            return .login(field, value)
        }
        report(.unknownDirective, line: line, "unknown directive '\(name)'")
        return nil
    }

    /// `if_page_contains` conditions the latest single_page_link or next_page_link line before it.
    mutating func attachCondition(_ value: String, location: SourceLocation) {
        guard let index = lastLinkIndex else {
            report(.orphanedCondition, line: location.line,
                   "if_page_contains must follow a single_page_link or next_page_link line")
            return
        }
        guard let condition = selector(value, line: location.line, for: "if_page_contains") else { return }
        let target = directives[index]
        let rebuilt: RuleAction
        switch target.action {
        case .singlePageLink(let rule):
            guard rule.condition == nil else { return reportSecondCondition(target, location) }
            rebuilt = .singlePageLink(LinkRule(selector: rule.selector, condition: condition, conditionLocation: location))
        case .nextPageLink(let rule):
            guard rule.condition == nil else { return reportSecondCondition(target, location) }
            rebuilt = .nextPageLink(LinkRule(selector: rule.selector, condition: condition, conditionLocation: location))
        default: return
        }
        directives[index] = RuleDirective(name: target.name, argument: target.argument, value: target.value,
                                          location: target.location, action: rebuilt)
    }

    mutating func reportSecondCondition(_ target: RuleDirective, _ location: SourceLocation) {
        report(.orphanedCondition, line: location.line,
               "line \(target.location.line) already has an if_page_contains condition")
    }

    mutating func attachTestLine(_ name: String, value: String, location: SourceLocation) -> RuleAction? {
        guard let last = tests.last else {
            report(.orphanedTest, line: location.line, "\(name) must follow a test_url line")
            return nil
        }
        let expectation = TestExpectation(text: value, location: location)
        var contains = last.contains, notContains = last.notContains, fixture = last.fixture
        let line: TestLine
        switch name {
        case "test_contains": contains.append(expectation); line = .contains(value)
        case "test_not_contains": notContains.append(expectation); line = .notContains(value)
        default:
            guard fixture == nil else {
                report(.orphanedTest, line: location.line, "this test_url already has a test_fixture")
                return nil
            }
            guard !value.hasPrefix("/"), !value.split(separator: "/").contains("..") else {
                report(.invalidValue, line: location.line,
                       "test_fixture must be a relative path inside the rule folder, found '\(Self.clip(value))'")
                return nil
            }
            fixture = value; line = .fixture(value)
        }
        tests[tests.count - 1] = RuleTest(url: last.url, location: last.location, fixture: fixture,
                                          contains: contains, notContains: notContains)
        return .test(line)
    }

    // MARK: Lexing

    struct SplitLine {
        let name: String
        let argument: String?
        let value: String
    }

    /// Splits `name: value` or `name(argument): value`. The argument runs to the first `):`.
    static func split(_ line: String) -> SplitLine? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i] == "_"
            || ("0"..."9").contains(scalars[i]) {
            i += 1
        }
        guard i > 0 else { return nil }
        let name = String(String.UnicodeScalarView(scalars[0..<i]))
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        var argument: String?
        if i < scalars.count, scalars[i] == "(" {
            var j = i + 1
            var end: Int?
            while j < scalars.count {
                if scalars[j] == ")" {
                    var k = j + 1
                    while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
                    if k < scalars.count, scalars[k] == ":" { end = j; break }
                }
                j += 1
            }
            guard let end else { return nil }
            argument = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
            i = end + 1
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        }
        guard i < scalars.count, scalars[i] == ":" else { return nil }
        let value = String(String.UnicodeScalarView(scalars[(i + 1)...])).trimmingSpaces()
        return SplitLine(name: name, argument: argument, value: value)
    }

    /// An HTML tag or attribute name.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ":"
        }
    }

    /// Long values shortened for messages.
    static func clip(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}

/// Rule file names: host names, `.host` wildcards, or `global`.
public enum RuleNames {
    /// True for `example.com`, `.example.com`, `global`. Requires at least one dot in host names, so files
    /// such as `LICENSE.txt` in a rule folder are not mistaken for rules.
    public static func isValid(_ name: String) -> Bool {
        if name == "global" { return true }
        let host = name.hasPrefix(".") ? String(name.dropFirst()) : name
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
        }
    }
}
