import ArgumentParser
import Foundation
import WinnowRules

/// `winnow rules check`: validates rule files and prints compiler-style diagnostics.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate rule files (default: every folder in effect).",
        discussion: "Prints file:line: error|warning: message for every problem; exits non-zero on errors."
    )

    @Argument(help: "Rule files or folders to check (default: the admin, --sites and bundled folders).")
    var paths: [String] = []

    @OptionGroup var siteRules: SiteRulesOptions

    func run() throws {
        let mode: RuleMode = siteRules.compat ? .compatible : .strict
        var diagnostics: [RuleDiagnostic] = []
        var files = 0
        if paths.isEmpty {
            let library = siteRules.folders.load()
            diagnostics = library.diagnostics
            files = library.filesRead
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
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(files) rule file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
              + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }
}
