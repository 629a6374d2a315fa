import Foundation
import Testing
import WinnowTestSupport

/// `winnow rules check|test|new` and `winnow explain`, end to end.
@Suite struct RulesCommandTests {
    /// The repository's bundled `sites/` folder.
    static var bundledSites: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sites")
            .standardizedFileURL.path
    }

    /// Rule lookups never read the machine's /etc/winnow/sites in tests.
    static let noAdmin = ["--admin-sites", "/nonexistent/winnow-admin-sites"]

    static let page = """
        <html><head><title>Quarry Pond Reopens | Valley Post</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div id="report">
        <p>The quarry pond reopened to swimmers on Saturday after a summer of water tests and new railings.</p>
        <div class="newsletter-signup"><p>Get the Valley Post in your inbox every morning before seven.</p></div>
        <p>Lifeguards will be on duty every afternoon until the end of August, the parks office said.</p>
        </div>
        </body></html>
        """

    /// A folder with `valley.example.txt` (the given rule text) and its fixture.
    static func ruleFolder(_ rule: String) throws -> URL {
        let folder = try CLITests.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fixtures"), withIntermediateDirectories: true)
        try Data(page.utf8).write(to: folder.appendingPathComponent("fixtures/valley.html"))
        try Data(rule.utf8).write(to: folder.appendingPathComponent("valley.example.txt"))
        return folder
    }

    static let goodRule = """
        body: //div[@id='report']
        strip: //div[@class='newsletter-signup']
        strip_id_or_class: never-present-class
        test_url: https://valley.example/2026/pond
        test_fixture: fixtures/valley.html
        test_contains: The quarry pond reopened to swimmers on Saturday
        test_not_contains: Get the Valley Post in your inbox
        """

    @Test func checkAcceptsTheBundledRules() throws {
        let run = try CLITests.winnow(["rules", "check", Self.bundledSites])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("rule files checked: 0 errors"))
    }

    @Test func checkReportsFileLineAndASuggestion() throws {
        let folder = try Self.ruleFolder("body: //div[@id='report']\ntitel: //h1\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLITests.winnow(["rules", "check", folder.path])
        #expect(run.status != 0)
        #expect(run.stdout.contains("valley.example.txt:2: error:"), "\(run.stdout)")
        #expect(run.stdout.contains("did you mean 'title"), "\(run.stdout)")
        #expect(run.stdout.contains("1 error"))
    }

    @Test func testPassesForTheBundledRules() throws {
        let run = try CLITests.winnow(["rules", "test", "--sites", Self.bundledSites] + Self.noAdmin)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0 failed"))
        #expect(!run.stdout.contains("FAIL"))
    }

    @Test func testRunsAFileAndShowsTheTextOnFailure() throws {
        let good = try Self.ruleFolder(Self.goodRule)
        defer { try? FileManager.default.removeItem(at: good) }
        let pass = try CLITests.winnow(["rules", "test", good.appendingPathComponent("valley.example.txt").path] + Self.noAdmin)
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        #expect(pass.stdout.contains("PASS"))

        let bad = try Self.ruleFolder(Self.goodRule + "\ntest_contains: A sentence the page never had\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        let fail = try CLITests.winnow(["rules", "test", bad.appendingPathComponent("valley.example.txt").path] + Self.noAdmin)
        #expect(fail.status != 0)
        #expect(fail.stdout.contains("FAIL"))
        #expect(fail.stdout.contains("valley.example.txt:8: extracted text does not contain"), "\(fail.stdout)")
        #expect(fail.stdout.contains("extracted text:"))
        #expect(fail.stdout.contains("| Lifeguards will be on duty every afternoon"))
    }

    @Test func newScaffoldsARuleThatChecksAndPasses() throws {
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "https://courier.example/city/harbor-ferry-night-crossings"
        let run = try CLITests.winnow(["rules", "new", CLITests.fixture("story.html"), "--url", url, "--dir", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rulePath = folder.appendingPathComponent("courier.example.txt").path
        let rule = try String(contentsOfFile: rulePath, encoding: .utf8)
        #expect(rule.contains("body: //"))
        #expect(rule.contains("test_fixture: fixtures/courier.example.html"))
        #expect(rule.contains("test_contains: "))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fixtures/courier.example.html").path))

        let check = try CLITests.winnow(["rules", "check", rulePath])
        #expect(check.status == 0, "\(check.stdout)\n\(rule)")
        let test = try CLITests.winnow(["rules", "test", rulePath] + Self.noAdmin)
        #expect(test.status == 0, "\(test.stdout)\n\(rule)")
        #expect(test.stdout.contains("PASS"))

        let again = try CLITests.winnow(["rules", "new", CLITests.fixture("story.html"), "--url", url, "--dir", folder.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
        #expect(again.stderr.split(separator: "\n").count == 1)
    }

    @Test func explainNamesLinesCountsAndWritesTheAnnotatedPage() throws {
        let folder = try Self.ruleFolder(Self.goodRule)
        defer { try? FileManager.default.removeItem(at: folder) }
        let htmlPath = folder.appendingPathComponent("explain.html").path
        let run = try CLITests.winnow([
            "explain", folder.appendingPathComponent("fixtures/valley.html").path, "--url", "https://valley.example/2026/pond",
            "--sites", folder.path, "--html", htmlPath,
        ] + Self.noAdmin)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valley.example.txt:2  strip: //div[@class='newsletter-signup']  → 1 match"), "\(run.stdout)")
        #expect(run.stdout.contains("! "))
        #expect(run.stdout.contains("strip_id_or_class: never-present-class  → NO MATCH"))
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.contains("removed by site rule: "))
        #expect(html.contains("valley.example.txt:2 strip: //div[@class='newsletter-signup']"))
    }

    @Test func extractAppliesRulesByURLAndNoRulesTurnsThemOff() throws {
        let folder = try Self.ruleFolder("body: //div[@id='report']\nprune: no\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("fixtures/valley.html").path
        let url = "https://valley.example/2026/pond"
        let ruled = try CLITests.winnow(["extract", page, "--url", url, "--sites", folder.path] + Self.noAdmin)
        #expect(ruled.status == 0, "\(ruled.stderr)")
        #expect(ruled.stdout.contains("Get the Valley Post in your inbox"))
        let plain = try CLITests.winnow(["extract", page, "--url", url, "--sites", folder.path, "--no-rules"] + Self.noAdmin)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("Get the Valley Post in your inbox"))
    }

    @Test func batchAppliesRulesByManifestURL() throws {
        let rules = try Self.ruleFolder("body: //div[@id='report']\nprune: no\n")
        let input = try CLITests.temporaryDirectory(), output = try CLITests.temporaryDirectory()
        defer { for url in [rules, input, output] { try? FileManager.default.removeItem(at: url) } }
        try Data(Self.page.utf8).write(to: input.appendingPathComponent("ruled.html"))
        try Data(Self.page.utf8).write(to: input.appendingPathComponent("plain.html"))
        try Data("ruled\thttps://valley.example/2026/pond\nplain\thttps://elsewhere.example/pond\n".utf8)
            .write(to: input.appendingPathComponent("manifest.tsv"))
        let run = try CLITests.winnow(["extract", "--input-dir", input.path, "--output-dir", output.path,
                                       "--sites", rules.path] + Self.noAdmin)
        #expect(run.status == 0, "\(run.stderr)")
        let ruled = try String(contentsOf: output.appendingPathComponent("ruled.txt"), encoding: .utf8)
        let plain = try String(contentsOf: output.appendingPathComponent("plain.txt"), encoding: .utf8)
        #expect(ruled.contains("Get the Valley Post in your inbox"))
        #expect(!plain.contains("Get the Valley Post in your inbox"))
        #expect(plain.contains("The quarry pond reopened"))
    }

    @Test func testWithoutFixtureIsSkippedUnlessOnline() throws {
        let server = try TestHTTPServer { request in
            request.path == "/pond" ? ServerReply(headers: [("Content-Type", "text/html")], body: Array(Self.page.utf8))
                : .text("missing", status: 404)
        }
        defer { server.stop() }
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rule = """
            body: //div[@id='report']
            test_url: \(server.url("/pond"))
            test_contains: Lifeguards will be on duty every afternoon
            """
        let path = folder.appendingPathComponent("127.0.0.1.txt").path
        try Data(rule.utf8).write(to: URL(fileURLWithPath: path))
        let offline = try CLITests.winnow(["rules", "test", path] + Self.noAdmin)
        #expect(offline.stdout.contains("SKIP"), "\(offline.stdout)")
        #expect(offline.stdout.contains("1 skipped"))
        let online = try CLITests.winnow(["rules", "test", path, "--online", "--allow-private-networks"] + Self.noAdmin)
        #expect(online.status == 0, "\(online.stdout)\(online.stderr)")
        #expect(online.stdout.contains("PASS"))
    }

    @Test func missingSitesFolderIsAOneLineError() throws {
        let run = try CLITests.winnow(["extract", CLITests.fixture("story.html"), "--sites", "/nonexistent/rules"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("/nonexistent/rules"))
    }
}
