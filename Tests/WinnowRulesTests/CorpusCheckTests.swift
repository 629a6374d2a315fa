import Foundation
import Testing
import WinnowDOM
@testable import WinnowRules

/// Loads the public ftr-site-config collection in compatibility mode when it is present beside the
/// checkout (`../shared/corpus/ftr-site-config`, or `WINNOW_FTR_CORPUS`), and prints what it found
/// (every warning with `WINNOW_CORPUS_VERBOSE=1`).
/// Nothing from the corpus is stored in the repository.
@Suite struct CorpusCheckTests {
    static var corpusPath: String? {
        if let path = ProcessInfo.processInfo.environment["WINNOW_FTR_CORPUS"] {
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/ftr-site-config").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test(.enabled(if: corpusPath != nil,
                   "needs the ftr-site-config corpus at ../shared/corpus/ftr-site-config or $WINNOW_FTR_CORPUS"))
    func ftrSiteConfigLoadsInCompatibilityMode() throws {
        let path = try #require(Self.corpusPath)
        let library = RuleLoader(folders: [RuleFolder(path: path, role: .user, mode: .compatible)]).load()
        #expect(library.errors.filter { $0.cause != .extendsProblem }.isEmpty)

        let hostFiles = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.hasSuffix(".txt") && RuleNames.isValid(String($0.dropLast(4)).lowercased()) }
        #expect(library.filesRead == hostFiles.count)

        let warnedFiles = Set(library.diagnostics.map(\.location.file))
        let rules = library.definitions.values.flatMap { $0 }
        let clean = rules.filter { !warnedFiles.contains($0.path) }.count
        var byCause: [RuleDiagnostic.Cause: Int] = [:]
        for diagnostic in library.diagnostics { byCause[diagnostic.cause, default: 0] += 1 }

        // Every selector the corpus wrote, compiled again under libxml2 (parsing already did; this counts them).
        var selectors = 0, failing = 0
        for rule in rules {
            for directive in rule.directives {
                for selector in Self.selectors(in: directive.action) {
                    selectors += 1
                    if (try? XPath(selector.xpath)) == nil { failing += 1 }
                }
            }
        }
        #expect(failing == 0)

        print("corpus: \(library.filesRead) files read, \(clean) without any warning, \(library.diagnostics.count) warnings")
        for (cause, count) in byCause.sorted(by: { $0.value > $1.value }) { print("  \(count)\t\(cause.rawValue)") }
        print("  \(selectors) XPath selectors compiled under libxml2")
        let verbose = ProcessInfo.processInfo.environment["WINNOW_CORPUS_VERBOSE"] != nil
        for diagnostic in library.diagnostics where verbose {
            print("  \(diagnostic)")
        }

        // Every host's merged rules run on a small page without trapping.
        let matcher = RuleMatcher(library: library)
        var applied = 0
        for name in library.definitions.keys.sorted() where !name.hasPrefix(".") && name != "global" {
            guard let set = matcher.ruleSet(forHost: name) else { continue }
            let result = try RuleEngine(rules: set).apply(html: storyPage, url: "https://\(name)/story")
            #expect(result.lines.count == set.directives.count)
            applied += 1
        }
        print("  engine applied to \(applied) hosts")
    }

    static func selectors(in action: RuleAction) -> [RuleSelector] {
        switch action {
        case .title(let s), .body(let s), .author(let s), .date(let s), .strip(let s), .stripAttribute(let s),
             .postStripAttribute(let s), .dissolve(let s), .wrapIn(_, let s), .nativeAdClue(let s):
            return [s]
        case .singlePageLink(let rule), .nextPageLink(let rule):
            return [rule.selector] + (rule.condition.map { [$0] } ?? [])
        default: return []
        }
    }
}
