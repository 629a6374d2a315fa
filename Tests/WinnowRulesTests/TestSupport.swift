import Foundation
import WinnowDOM
@testable import WinnowRules

/// Parses rule text in the given mode as file `name` at a fake path.
func parse(_ text: String, mode: RuleMode = .strict, name: String = "example.com") -> ParsedRuleFile {
    RuleParser(mode: mode).parse(text, name: name, path: "sites/\(name).txt")
}

/// A rule set made of one strictly parsed file.
func ruleSet(_ text: String) -> RuleSet {
    RuleSet(sources: [parse(text).rule])
}

/// Applies rule text to a page.
func extract(_ rules: String, _ html: String, url: String = "https://example.com/story/1") throws -> RuleExtraction {
    try RuleEngine(rules: ruleSet(rules)).apply(html: html, url: url)
}

/// A temporary folder tree of rule files, removed when the value is dropped.
final class RuleFolders {
    let root: String

    init(_ folders: [String: [String: String]]) throws {
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("winnow-rules-\(UUID().uuidString)")
        for (folder, files) in folders {
            let directory = (root as NSString).appendingPathComponent(folder)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (file, text) in files {
                try text.write(toFile: (directory as NSString).appendingPathComponent(file), atomically: true,
                               encoding: .utf8)
            }
        }
    }

    func path(_ folder: String) -> String { (root as NSString).appendingPathComponent(folder) }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// The report for the directive on a given line.
func report(_ extraction: RuleExtraction, line: Int) -> RuleLineReport? {
    extraction.lines.first { $0.directive.location.line == line }
}
