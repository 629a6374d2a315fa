import Foundation
import Testing
@testable import WinnowRules

@Suite struct RuleMatcherTests {
    func library(_ files: [String: String], mode: RuleMode = .strict) throws -> (RuleLibrary, RuleFolders) {
        let folders = try RuleFolders(["sites": files])
        let library = RuleLoader(folders: [RuleFolder(path: folders.path("sites"), role: .bundled, mode: mode)]).load()
        return (library, folders)
    }

    @Test func candidateOrderIsMostSpecificFirst() throws {
        let (library, _) = try library([:])
        let matcher = RuleMatcher(library: library)
        #expect(matcher.candidateNames(forHost: "a.b.example.com") ==
            ["a.b.example.com", ".b.example.com", "b.example.com", ".example.com", "example.com"])
        #expect(matcher.candidateNames(forHost: "WWW.Example.com:8080") == ["www.example.com", "example.com"])
        #expect(matcher.candidateNames(forHost: "example.com.") == ["example.com"])
        #expect(matcher.candidateNames(forHost: "192.168.1.10:8080") == ["192.168.1.10"])
        #expect(matcher.candidateNames(forHost: "[::1]:8080") == ["[::1]"])
        #expect(matcher.candidateNames(forHost: "") == [])
        #expect(matcher.candidateNames(forHost: "www.news.example.com") ==
            ["www.news.example.com", "news.example.com", ".example.com", "example.com"])
        let ftr = RuleMatcher(library: library, parentDomains: .wildcardsOnly)
        #expect(ftr.candidateNames(forHost: "a.b.example.com") == ["a.b.example.com", ".b.example.com", ".example.com"])
    }

    @Test func exactWwwWildcardParentAndGlobal() throws {
        let (library, _) = try library([
            "example.com.txt": "body: //article\nprune: no",
            ".example.com.txt": "strip: //aside\nprune: yes\nautodetect_on_failure: no",
            "news.example.com.txt": "title: //h1",
            "global.txt": "strip: //script\ntitle: //title",
            "other.org.txt": "body: //main",
        ])
        #expect(library.diagnostics.isEmpty)
        let matcher = RuleMatcher(library: library)

        let www = try #require(matcher.ruleSet(forHost: "www.example.com"))
        #expect(www.sources.map(\.name) == ["example.com", "global"])

        let news = try #require(matcher.ruleSet(forURL: "https://news.example.com/x"))
        #expect(news.sources.map(\.name) == ["news.example.com", ".example.com", "example.com", "global"])
        // List directives accumulate, most specific first; settings come from the most specific file.
        #expect(news.directives.filter { $0.name == "title" }.map(\.value) == ["//h1", "//title"])
        #expect(news.value(of: .prune) == true)
        #expect(news.value(of: .autodetectOnFailure) == false)

        let deep = try #require(matcher.ruleSet(forHost: "a.sport.example.com"))
        #expect(deep.sources.map(\.name) == [".example.com", "example.com", "global"])

        let unknown = try #require(matcher.ruleSet(forHost: "nothing.net"))
        #expect(unknown.sources.map(\.name) == ["global"])
        #expect(RuleMatcher(library: library, includeGlobal: false).ruleSet(forHost: "nothing.net") == nil)
    }

    @Test func wildcardDoesNotMatchTheBareDomainButParentExactDoes() throws {
        let (library, _) = try library([".example.com.txt": "strip: //aside", "b.example.com.txt": "body: //main"])
        let matcher = RuleMatcher(library: library, includeGlobal: false)
        #expect(matcher.ruleSet(forHost: "example.com") == nil)
        #expect(matcher.ruleSet(forHost: "a.b.example.com")?.sources.map(\.name) == ["b.example.com", ".example.com"])
        let ftr = RuleMatcher(library: library, parentDomains: .wildcardsOnly, includeGlobal: false)
        #expect(ftr.ruleSet(forHost: "a.b.example.com")?.sources.map(\.name) == [".example.com"])
    }

    @Test func higherPrecedenceFolderReplacesTheWholeFile() throws {
        let folders = try RuleFolders([
            "admin": ["example.com.txt": "body: //main"],
            "user1": ["example.com.txt": "body: //section", "other.org.txt": "body: //div"],
            "user2": ["other.org.txt": "body: //p"],
            "bundled": ["example.com.txt": "body: //article\nstrip: //broken", "third.net.txt": "body: //x"],
        ])
        let loader = RuleLoader(admin: folders.path("admin"), user: [folders.path("user1"), folders.path("user2")],
                                bundled: folders.path("bundled"))
        #expect(loader.folders.map(\.role) == [.user, .user, .admin, .bundled])
        let library = loader.load()
        #expect(library.filesRead == 6)
        #expect(library.definitions["example.com"]?.count == 3)
        let matcher = RuleMatcher(library: library)
        #expect(matcher.ruleSet(forHost: "example.com")?.directives.map(\.value) == ["//section"])
        #expect(matcher.ruleSet(forHost: "other.org")?.directives.map(\.value) == ["//div"])
        #expect(matcher.ruleSet(forHost: "third.net")?.directives.map(\.value) == ["//x"])
    }

    @Test func brokenStrictFileFallsBackToTheNextFolder() throws {
        let folders = try RuleFolders([
            "user": ["example.com.txt": "body: //main\nstrp: //aside"],
            "bundled": ["example.com.txt": "body: //article"],
        ])
        let library = RuleLoader(admin: nil, user: [folders.path("user")], bundled: folders.path("bundled")).load()
        #expect(library.errors.count == 1)
        #expect(library.errors.first?.location.line == 2)
        #expect(library.errors.first?.location.file.hasSuffix("user/example.com.txt") == true)
        #expect(RuleMatcher(library: library).ruleSet(forHost: "example.com")?.directives.map(\.value) == ["//article"])
    }

    @Test func extendsMergesBaseAfterTheFile() throws {
        let (library, _) = try library([
            "example.com.txt": "extends: family.net\ntitle: //h1\nprune: no",
            "family.net.txt": "extends: base.net\ntitle: //h2\nstrip: //aside\nprune: yes",
            "base.net.txt": "strip: //footer",
        ])
        #expect(library.diagnostics.isEmpty)
        let set = try #require(RuleMatcher(library: library).ruleSet(forHost: "example.com"))
        #expect(set.sources.map(\.name) == ["example.com", "family.net", "base.net"])
        #expect(set.directives.filter { $0.name != "extends" }.map(\.value) ==
            ["//h1", "no", "//h2", "//aside", "yes", "//footer"])
        #expect(set.value(of: .prune) == false)
    }

    @Test func extendsOwnNameReachesTheLowerPrecedenceFile() throws {
        let folders = try RuleFolders([
            "admin": ["example.com.txt": "extends: example.com\nstrip: //div[@class='new-ad']"],
            "bundled": ["example.com.txt": "body: //article"],
        ])
        let library = RuleLoader(admin: folders.path("admin"), user: [], bundled: folders.path("bundled")).load()
        #expect(library.diagnostics.isEmpty)
        let set = try #require(RuleMatcher(library: library).ruleSet(forHost: "example.com"))
        #expect(set.directives.filter { $0.name != "extends" }.map(\.value) == ["//div[@class='new-ad']", "//article"])
    }

    @Test func extendsCyclesAndMissingTargetsAreReported() throws {
        let (library, _) = try library([
            "a.com.txt": "extends: b.com\nbody: //a",
            "b.com.txt": "extends: c.com\nbody: //b",
            "c.com.txt": "extends: a.com\nbody: //c",
            "d.com.txt": "extends: nowhere.com\nbody: //d",
        ])
        let problems = library.diagnostics.filter { $0.cause == .extendsProblem }
        #expect(problems.contains { $0.message == "extends cycle: a.com.txt -> b.com.txt -> c.com.txt -> a.com.txt" })
        #expect(problems.contains { $0.message == "extends 'nowhere.com': no such rule file" && $0.location.line == 1 })
        // The cycle is cut: every file appears once and resolution terminates.
        let set = try #require(RuleMatcher(library: library).ruleSet(forHost: "a.com"))
        #expect(set.sources.map(\.name) == ["a.com", "b.com", "c.com"])
    }

    @Test func nonHostFilesAndMissingFixturesAreReported() throws {
        let folders = try RuleFolders(["sites": [
            "LICENSE.txt": "public domain",
            "notes.md": "ignored",
            "example.com.txt": "body: //article\ntest_url: https://example.com/a\ntest_fixture: missing.html",
        ]])
        let library = RuleLoader(folders: [RuleFolder(path: folders.path("sites"), role: .user)]).load()
        #expect(library.filesRead == 1)
        #expect(library.diagnostics.map(\.cause) == [.fileName, .missingFixture])
        #expect(library.diagnostics[1].location.line == 2)
        #expect(library.rule(named: "example.com") == nil)
        let missingFolder = RuleLoader(folders: [RuleFolder(path: folders.path("nope"), role: .admin)]).load()
        #expect(missingFolder.diagnostics.first?.cause == .unreadable)
        #expect(missingFolder.diagnostics.first?.severity == .warning)
    }

    @Test func compatibleFolderKeepsFilesWithWarnings() throws {
        let folders = try RuleFolders(["third-party": ["example.com.txt": "body: //article\ntitl: //h1\nfind_string: x"]])
        let library = RuleLoader(folders: [RuleFolder(path: folders.path("third-party"), role: .user, mode: .compatible)]).load()
        #expect(library.errors.isEmpty)
        #expect(library.diagnostics.map(\.cause) == [.unknownDirective, .unpairedReplacement])
        #expect(library.rule(named: "example.com")?.directives.map(\.name) == ["body"])
    }

    @Test func singleFileCheck() throws {
        let folders = try RuleFolders(["sites": ["example.com.txt": "body: //article\nstrip_id_or_clas: x\ntest_url: https://example.com/\ntest_fixture: page.html"]])
        let parsed = RuleLoader.parseFile(atPath: (folders.path("sites") as NSString).appendingPathComponent("example.com.txt"))
        #expect(parsed.diagnostics.map(\.cause) == [.unknownDirective, .missingFixture])
        #expect(parsed.diagnostics.map(\.location.line) == [2, 3])
        #expect(RuleLoader.parseFile(atPath: folders.path("sites/none.com.txt")).diagnostics.map(\.cause) == [.unreadable])
    }

    @Test func templateParsesCleanly() {
        #expect(RuleTemplate.fileName(forHost: "www.Example.com") == "example.com.txt")
        #expect(RuleTemplate.fileName(forHost: "localhost") == nil)
        let text = RuleTemplate.text(forHost: "example.com", testURL: "https://example.com/a")
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.rule.tests.first?.url == "https://example.com/a")
    }
}

@Suite struct RuleTestSelectionTests {
    @Test func testsRunWithTheRulesOfTheirURLHost() throws {
        let folders = try RuleFolders(["sites": [
            ".example.com.txt": "strip: //aside\ntest_url: https://news.example.com/a",
            "news.example.com.txt": "body: //main",
        ]])
        let library = RuleLoader(folders: [RuleFolder(path: folders.path("sites"), role: .bundled)]).load()
        let matcher = RuleMatcher(library: library)
        let test = try #require(library.rule(named: ".example.com")?.tests.first)
        #expect(matcher.ruleSet(for: test)?.sources.map(\.name) == ["news.example.com", ".example.com"])
    }
}
