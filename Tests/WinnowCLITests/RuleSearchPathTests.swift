import Foundation
import Testing

/// Where a `winnow` binary finds its site rules once it leaves the build folder: an installed layout
/// (`PREFIX/bin/winnow` with `PREFIX/share/winnow/sites`, as `scripts/install` writes it), `$WINNOW_SITES`,
/// and a binary copied alone, which must say that it runs without rules.
@Suite struct RuleSearchPathTests {
    /// The test process's environment without `$WINNOW_SITES`.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["WINNOW_SITES"] = nil
        return environment
    }

    /// Copies the built binary to `folder/relativePath` and returns the copy.
    static func copyBinary(into folder: URL, at relativePath: String) throws -> URL {
        let copy = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.executable, to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        return copy
    }

    /// A rule folder at `folder` holding the passing `valley.example.txt` with its fixture, plus `other.example.txt`.
    static func writeRules(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fixtures"), withIntermediateDirectories: true)
        try Data(RulesCommandTests.page.utf8).write(to: folder.appendingPathComponent("fixtures/valley.html"))
        try Data(RulesCommandTests.goodRule.utf8).write(to: folder.appendingPathComponent("valley.example.txt"))
        try Data("body: //article\n".utf8).write(to: folder.appendingPathComponent("other.example.txt"))
    }

    @Test func installedBinaryReadsItsShareFolder() throws {
        let prefix = try CLITests.temporaryDirectory(), elsewhere = try CLITests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let binary = try Self.copyBinary(into: prefix, at: "bin/winnow")
        let share = prefix.appendingPathComponent("share/winnow/sites")
        try Self.writeRules(to: share)

        let check = try CLITests.winnow(["rules", "check"] + RulesCommandTests.noAdmin, executable: binary,
                                        environment: Self.environment, directory: elsewhere)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("rule folder (installed): \(share.path), 2 files\n"), "\(check.stdout)")
        #expect(check.stdout.hasSuffix("rule folder (installed): \(share.path), 2 files\n"
                                       + "2 rule files checked: 0 errors, 0 warnings\n"), "\(check.stdout)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")

        // The fixtures travel with the rules: the installed rule's test runs and passes.
        let test = try CLITests.winnow(["rules", "test", "valley.example"] + RulesCommandTests.noAdmin,
                                       executable: binary, environment: Self.environment, directory: elsewhere)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("1 test: 1 passed"), "\(test.stdout)")
    }

    @Test func binaryCopiedAloneWarnsOnceAndExtractsGenerically() throws {
        let folder = try CLITests.temporaryDirectory(), elsewhere = try CLITests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let binary = try Self.copyBinary(into: folder, at: "alone/winnow")
        func run(_ arguments: [String]) throws -> CLITests.Run {
            try CLITests.winnow(arguments + RulesCommandTests.noAdmin, executable: binary,
                                environment: Self.environment, directory: elsewhere)
        }
        func isTheWarning(_ stderr: String) -> Bool {
            let lines = stderr.split(separator: "\n")
            return lines.count == 1 && lines[0].hasPrefix("winnow: warning: no site-rule folder found (searched: ")
                && lines[0].contains("/nonexistent/winnow-admin-sites")
                && lines[0].hasSuffix("); generic extraction only")
        }

        let check = try run(["rules", "check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(isTheWarning(check.stderr), "\(check.stderr)")
        #expect(check.stdout == "0 rule files checked: 0 errors, 0 warnings\n", "\(check.stdout)")

        let extract = try run(["extract", CLITests.fixture("story.html")])
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(isTheWarning(extract.stderr), "\(extract.stderr)")
        #expect(extract.stdout.contains("Gull Island"))

        let explain = try run(["explain", CLITests.fixture("story.html"), "--url", "https://courier.example/a"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(isTheWarning(explain.stderr), "\(explain.stderr)")

        let noRules = try run(["extract", CLITests.fixture("story.html"), "--no-rules"])
        #expect(noRules.status == 0, "\(noRules.stderr)")
        #expect(noRules.stderr.isEmpty, "--no-rules asks for generic extraction: \(noRules.stderr)")
    }

    @Test func environmentFoldersAreUsedInOrder() throws {
        let folder = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try Self.copyBinary(into: folder, at: "bin/winnow")
        let team = folder.appendingPathComponent("team"), extra = folder.appendingPathComponent("extra")
        try Self.writeRules(to: team)
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        // The second folder's file of the same name is shadowed by the first one's.
        try Data("body: //div[@id='report']\ntest_url: https://valley.example/x\ntest_contains: never on the page\n".utf8)
            .write(to: extra.appendingPathComponent("valley.example.txt"))
        var environment = Self.environment
        environment["WINNOW_SITES"] = "\(team.path):\(extra.path)"

        let check = try CLITests.winnow(["rules", "check"] + RulesCommandTests.noAdmin, executable: binary,
                                        environment: environment, directory: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("rule folder (WINNOW_SITES): \(team.path), 2 files\n"
                                      + "rule folder (WINNOW_SITES): \(extra.path), 1 file\n"
                                      + "3 rule files checked: 0 errors"), "\(check.stdout)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")

        let test = try CLITests.winnow(["rules", "test"] + RulesCommandTests.noAdmin, executable: binary,
                                       environment: environment, directory: folder)
        #expect(test.status == 0, "the applied valley.example.txt is the first folder's: \(test.stdout)")
        #expect(test.stdout.contains("PASS"), "\(test.stdout)")

        // --sites comes before $WINNOW_SITES.
        let both = try CLITests.winnow(["rules", "check", "--sites", extra.path] + RulesCommandTests.noAdmin,
                                       executable: binary, environment: environment, directory: folder)
        #expect(both.stdout.contains("rule folder (--sites): \(extra.path), 1 file\n"
                                     + "rule folder (WINNOW_SITES): \(team.path), 2 files\n"), "\(both.stdout)")
    }
}
