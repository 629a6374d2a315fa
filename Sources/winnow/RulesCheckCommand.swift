import ArgumentParser
import Foundation
import WinnowRules

/// `winnow rules check`: validates rule files and prints compiler-style diagnostics.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate rule files (default: every folder in effect).",
        discussion: """
            Prints file:line: error|warning: message for every problem, then (with no argument) every rule folder \
            read with where it came from (--sites, WINNOW_SITES, admin, installed, checkout) and its file count; \
            exits non-zero on errors.
            """
    )

    @Argument(help: "Rule files or folders to check (default: every folder on the rule search path).")
    var paths: [String] = []

    @OptionGroup var siteRules: SiteRulesOptions

    func run() throws {
        let mode: RuleMode = siteRules.compat ? .compatible : .strict
        var diagnostics: [RuleDiagnostic] = []
        var files = 0
        var folderLines: [String] = []
        if paths.isEmpty {
            let folders = siteRules.folders
            siteRules.warnIfMissing(folders)
            let library = folders.load()
            diagnostics = library.diagnostics
            files = library.filesRead
            for entry in folders.entries {
                let count = library.filesReadPerFolder[entry.path] ?? 0
                let files = "\(count) file\(count == 1 ? "" : "s")"
                folderLines.append("rule folder (\(entry.source.rawValue)): \(entry.path), \(files)")
            }
        } else {
            for path in paths {
                if SiteRulesOptions.isDirectory(path) {
                    let library = RuleLoader(folders: [RuleFolder(path: path, role: .user, mode: mode)]).load()
                    diagnostics += library.diagnostics
                    files += library.filesRead
                } else if FileManager.default.fileExists(atPath: path) {
                    diagnostics += RuleLoader.parseFile(atPath: path, mode: mode).diagnostics
                    files += 1
                } else {
                    throw CLIError("\(path): no such file or directory")
                }
            }
        }
        for diagnostic in diagnostics { print(diagnostic) }
        for line in folderLines { print(line) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(files) rule file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
              + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }
}
