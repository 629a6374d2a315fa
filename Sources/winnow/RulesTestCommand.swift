import ArgumentParser
import Foundation
import WinnowFetch
import WinnowPipeline
import WinnowRules

/// `winnow rules test`: runs rule tests offline against their fixtures, through the full pipeline.
struct RulesTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule tests on their saved pages (test_fixture), through rules and the generic extractor.",
        discussion: """
            With no argument every applied rule file's tests run. A HOST runs the tests of the files that apply
            to it; a FILE runs that file's tests with its folder placed above the others.
            Tests without test_fixture are skipped, unless --online fetches their test_url.
            """
    )

    @Argument(help: "Hosts or rule files (default: every rule in effect).")
    var targets: [String] = []

    @Option(help: "Characters of extracted text shown for a failing test.")
    var showChars: Int = 3000

    @Flag(help: "Fetch test_url for tests that have no test_fixture (otherwise they are skipped).")
    var online = false

    @OptionGroup var siteRules: SiteRulesOptions

    @OptionGroup var network: NetworkOptions

    func run() async throws {
        var extraFolders: [RuleFolder] = []
        var tests: [RuleTest] = []
        let mode: RuleMode = siteRules.compat ? .compatible : .strict
        for target in targets where target.hasSuffix(".txt") || FileManager.default.fileExists(atPath: target) {
            guard FileManager.default.fileExists(atPath: target) else { throw CLIError("\(target): no such file") }
            let parsed = RuleLoader.parseFile(atPath: target, mode: mode)
            for diagnostic in parsed.diagnostics where diagnostic.severity == .error { print(diagnostic) }
            tests += parsed.rule.tests
            let folder = (target as NSString).deletingLastPathComponent
            let folderPath = folder.isEmpty ? "." : folder
            if !extraFolders.contains(where: { $0.path == folderPath }) {
                extraFolders.append(RuleFolder(path: folderPath, role: .user, mode: mode))
            }
        }
        let library = RuleLoader(folders: extraFolders + siteRules.folders.folders).load()
        let pipeline = StoryPipeline(library: library)
        let matcher = RuleMatcher(library: library)
        let hosts = targets.filter { !($0.hasSuffix(".txt") || FileManager.default.fileExists(atPath: $0)) }
        for host in hosts {
            guard let set = matcher.ruleSet(forHost: host) else { throw CLIError("no rule file applies to \(host)") }
            tests += set.tests
        }
        if targets.isEmpty {
            for name in library.definitions.keys.sorted() {
                tests += library.rule(named: name)?.tests ?? []
            }
        }
        guard !tests.isEmpty else { throw CLIError("no tests found (add test_url and test_fixture lines)") }

        let runner = RuleTestRunner(pipeline: pipeline)
        var passed = 0, failed = 0, skipped = 0
        let client = online ? try HTTPClient(configuration: network.clientConfiguration()) : nil
        for test in tests {
            var result = runner.run(test)
            if let client, test.fixturePath == nil {
                do {
                    let page = try await LoadedPage.load(test.url, url: test.url, pipeline: pipeline, network: network,
                                                         client: client)
                    result = runner.run(test, page: page.bytes, contentType: page.contentType, source: test.url)
                } catch {
                    result = RuleTestRunner.Result(test: test, outcome: nil, skipReason: "fetch failed: \(error)",
                                                   extractedText: "", ruleFiles: [])
                }
            }
            if let reason = result.skipReason {
                skipped += 1
                print("SKIP \(test.location) \(test.url): \(reason)")
            } else if let outcome = result.outcome, outcome.passed {
                passed += 1
                let count = test.contains.count + test.notContains.count
                print("PASS \(test.location) \(test.url) (\(count) assertion\(count == 1 ? "" : "s"))")
            } else if let outcome = result.outcome {
                failed += 1
                print("FAIL \(test.location) \(test.url)")
                for failure in outcome.failures { print("  \(failure)") }
                let files = result.ruleFiles.isEmpty ? "none (generic extraction)" : result.ruleFiles.joined(separator: ", ")
                print("  rules applied: \(files)")
                print("  extracted text:")
                let text = result.extractedText
                let shown = text.count > showChars ? String(text.prefix(showChars)) + " […]" : text
                for line in shown.split(separator: "\n", omittingEmptySubsequences: true) { print("  | \(line)") }
            }
        }
        await client?.shutdown()
        print("\(tests.count) test\(tests.count == 1 ? "" : "s"): \(passed) passed, \(failed) failed, \(skipped) skipped")
        if failed > 0 { throw ExitCode.failure }
    }
}
