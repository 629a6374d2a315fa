import Testing
@testable import WinnowRules

@Suite struct RuleParserTests {
    @Test func parsesDirectivesWithLocations() {
        let parsed = parse("""
        # comment
        title: //h1

        body: //article
        strip: //aside
        prune: no
        """)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.rule.directives.map(\.name) == ["title", "body", "strip", "prune"])
        #expect(parsed.rule.directives.map(\.location.line) == [2, 4, 5, 6])
        #expect(parsed.rule.isUsable)
        #expect(RuleSet(sources: [parsed.rule]).value(of: .prune) == false)
    }

    @Test func unknownDirectiveSuggestsClosestName() {
        let parsed = parse("strip_id_or_clas: share\ntitl: //h1")
        #expect(parsed.diagnostics.count == 2)
        #expect(parsed.diagnostics[0].description
            == "sites/example.com.txt:1: error: unknown directive 'strip_id_or_clas' — did you mean 'strip_id_or_class'?")
        #expect(parsed.diagnostics[1].message.contains("did you mean 'title'?"))
        #expect(!parsed.rule.isUsable)
    }

    @Test func noSuggestionForUnrelatedNames() {
        let parsed = parse("frobnicate: yes")
        #expect(parsed.diagnostics.first?.message == "unknown directive 'frobnicate'")
    }

    @Test func badXPathIsAnErrorWithLine() {
        let parsed = parse("title: //h1\nstrip: //div[@class='x'")
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics[0].location.line == 2)
        #expect(parsed.diagnostics[0].cause == .invalidXPath)
    }

    @Test func badFlagAndEmptyValueAreErrors() {
        let parsed = parse("prune: maybe\nbody:\nstrip_id_or_class: ''")
        #expect(parsed.diagnostics.map(\.cause) == [.invalidValue, .emptyValue, .emptyValue])
        #expect(parsed.diagnostics.map(\.location.line) == [1, 2, 3])
    }

    @Test func trueFalseIsAcceptedOnlyInCompatibleMode() {
        let strict = parse("prune: false")
        #expect(strict.diagnostics.first?.severity == .error)
        #expect(strict.rule.directives.isEmpty)
        let compatible = parse("prune: false", mode: .compatible)
        #expect(compatible.diagnostics.first?.severity == .warning)
        #expect(RuleSet(sources: [compatible.rule]).value(of: .prune) == false)
    }

    @Test func malformedLineIsAnError() {
        let parsed = parse("body //article")
        #expect(parsed.diagnostics.first?.cause == .syntax)
        #expect(parsed.diagnostics.first?.message == "expected 'directive: value', found 'body //article'")
        let url = parse("https://example.com/some/page")
        #expect(url.diagnostics.first?.message.contains("did you mean 'test_url: https://example.com/some/page'") == true)
    }

    @Test func compatibleModeTurnsErrorsIntoWarningsAndKeepsTheRest() {
        let parsed = parse("titl: //h1\nbody: //article\nprune: maybe\nmove_into(body): //img", mode: .compatible)
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(parsed.diagnostics.map(\.cause) == [.unknownDirective, .invalidValue, .unsupportedDirective])
        #expect(parsed.rule.isUsable)
        #expect(parsed.rule.directives.map(\.name) == ["body"])
    }

    @Test func findAndReplaceArePairedInOrder() {
        let parsed = parse("""
        find_string: <amp-img
        find_string: </amp-img>
        replace_string: <img
        replace_string: </img>
        replace_string(<b>): <strong>
        replace_string(<hr>):
        """)
        #expect(parsed.diagnostics.isEmpty)
        let pairs = parsed.rule.directives.compactMap { directive -> StringReplacement? in
            if case .replace(let pair) = directive.action { return pair } else { return nil }
        }
        #expect(pairs.map(\.find) == ["<amp-img", "</amp-img>", "<b>", "<hr>"])
        #expect(pairs.map(\.replace) == ["<img", "</img>", "<strong>", ""])
        #expect(pairs.map(\.findLocation.line) == [1, 2, 5, 6])
    }

    @Test func unpairedFindOrReplaceIsAnError() {
        let extraFind = parse("find_string: a\nreplace_string: b\nfind_string: c")
        #expect(extraFind.diagnostics.map(\.cause) == [.unpairedReplacement])
        #expect(extraFind.diagnostics.first?.location.line == 3)
        let extraReplace = parse("replace_string: b")
        #expect(extraReplace.diagnostics.first?.cause == .unpairedReplacement)
        #expect(extraReplace.diagnostics.first?.location.line == 1)
    }

    @Test func ifPageContainsAttachesToThePrecedingLinkRule() {
        let parsed = parse("""
        single_page_link: //a[@class='print']
        single_page_link: //a[@class='all']
        if_page_contains: //div[@class='pager']
        next_page_link: //a[@rel='next']
        """)
        #expect(parsed.diagnostics.isEmpty)
        var conditions: [String?] = []
        for directive in parsed.rule.directives {
            switch directive.action {
            case .singlePageLink(let rule), .nextPageLink(let rule): conditions.append(rule.condition?.xpath)
            default: break
            }
        }
        #expect(conditions == [nil, "//div[@class='pager']", nil])
        let orphan = parse("if_page_contains: //div")
        #expect(orphan.diagnostics.first?.cause == .orphanedCondition)
    }

    @Test func testsGroupUnderTheirURL() {
        let parsed = parse("""
        test_url: https://example.com/a
        test_contains: first sentence
        test_not_contains: Related
        test_fixture: fixtures/a.html
        test_url: https://example.com/b
        test_contains: other
        """)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.rule.tests.count == 2)
        #expect(parsed.rule.tests[0].contains.map(\.text) == ["first sentence"])
        #expect(parsed.rule.tests[0].notContains.map(\.location.line) == [3])
        #expect(parsed.rule.tests[0].fixture == "fixtures/a.html")
        #expect(parsed.rule.tests[1].fixture == nil)
        let orphan = parse("test_contains: x\ntest_url: ftp://x")
        #expect(orphan.diagnostics.map(\.cause) == [.orphanedTest, .invalidValue])
        let escaping = parse("test_url: https://example.com/\ntest_fixture: ../secret.html")
        #expect(escaping.diagnostics.first?.cause == .invalidValue)
    }

    @Test func duplicateSettingKeepsTheLastValue() {
        let strict = parse("prune: yes\nprune: no")
        #expect(strict.diagnostics.first?.cause == .duplicateSetting)
        let compatible = parse("prune: yes\nprune: no", mode: .compatible)
        #expect(RuleSet(sources: [compatible.rule]).value(of: .prune) == false)
        #expect(compatible.rule.directives.count == 1)
    }

    @Test func argumentsAreValidated() {
        let parsed = parse("http_header(User-Agent): Winnow/1\nwrap_in(): //p\nstrip(x): //p\nwrap_in(blockquote): //p[@class='q']")
        #expect(parsed.diagnostics.map(\.location.line) == [2, 3])
        #expect(RuleSet(sources: [parsed.rule]).httpHeaders == ["user-agent": "Winnow/1"])
    }

    @Test func replaceStringArgumentMayContainParentheses() {
        let parsed = parse("replace_string(to post comments)): </div>")
        guard case .replace(let pair) = parsed.rule.directives.first?.action else {
            Issue.record("expected a replacement"); return
        }
        #expect(pair.find == "to post comments)")
        #expect(pair.replace == "</div>")
    }

    @Test func cssPrefixIsTranslatedOrReportedAsCSS() {
        // Until the CSS translator lands, `CSSSelector.xpath(for:)` throws; either outcome is checked precisely.
        let parsed = parse("strip: css: .related-articles")
        if let diagnostic = parsed.diagnostics.first {
            #expect(diagnostic.cause == .invalidCSS)
            #expect(diagnostic.location.line == 1)
        } else if case .strip(let selector) = parsed.rule.directives.first?.action {
            #expect(selector.syntax == .css)
            #expect(selector.source == ".related-articles")
            #expect(selector.xpath != selector.source)
        } else {
            Issue.record("css: line neither parsed nor reported")
        }
        #expect(parse("strip: css:").diagnostics.first?.cause == .invalidCSS)
    }

    @Test func ignoredAndLoginDirectivesAreAccepted() {
        let parsed = parse("""
        tidy: no
        parser: html5lib
        requires_login: yes
        login_uri: https://example.com/login
        not_logged_in_xpath: //form[@id='login']
        skip_json_ld: yes
        """)
        #expect(parsed.diagnostics.isEmpty)
        let set = RuleSet(sources: [parsed.rule])
        #expect(set.parserHint == "html5lib")
        #expect(set.login[.uri] == "https://example.com/login")
        #expect(set.value(of: .skipJSONLD))
        #expect(set.value(of: .requiresLogin))
    }

    @Test func editDistance() {
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
        #expect(DirectiveCatalog.suggestion(for: "test_rul") == "test_url")
        #expect(DirectiveCatalog.suggestion(for: "TITLE") == "title")
    }
}
