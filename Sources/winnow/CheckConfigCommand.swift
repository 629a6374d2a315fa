import ArgumentParser
import Foundation
import WinnowDaemon

/// `winnow check-config FILE`: validates a daemon configuration and prints compiler-style diagnostics.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a daemon configuration file (winnow.toml).",
        discussion: """
            Prints every problem as file:line: error|warning: message (unknown keys with a "did you mean", \
            wrong types, values out of range, sources without exactly one of feed/sitemap/section/urls, \
            duplicates, bad URLs and regular expressions), then one summary line. Exits 0 when the \
            configuration can be used (warnings allowed), 1 when it cannot. docs/configuration.md lists every key.

            Example:
              $ winnow check-config winnow.toml
              winnow.toml:12: error: unknown key `dealy` in [fetch]; did you mean `delay`?
              winnow.toml:31: error: `interval` must be a duration like "30s" (got true)
              winnow.toml: 2 errors
            """
    )

    @Argument(help: "The configuration file to check.")
    var file: String

    func run() throws {
        let text: String
        do {
            text = try ConfigurationLoader.readFile(path: file)
        } catch {
            throw CLIError("\(file): \(error.diagnostics.first?.message ?? "cannot be read")")
        }
        let report = ConfigurationLoader.check(text: text, file: file)
        for diagnostic in report.diagnostics { print(diagnostic) }
        print(Self.summary(file: file, report: report))
        if report.configuration == nil { throw ExitCode.failure }
    }

    /// `winnow.toml: 3 sources, 1 host override: OK` (plus warnings), or `winnow.toml: 2 errors`.
    static func summary(file: String, report: ConfigurationReport) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let warnings = report.warnings.count
        let warningText = warnings > 0 ? ", \(count(warnings, "warning"))" : ""
        guard let configuration = report.configuration else {
            return "\(file): \(count(report.errors.count, "error"))\(warningText)"
        }
        return "\(file): \(count(configuration.sources.count, "source")), "
            + "\(count(configuration.hosts.count, "host override")): OK\(warningText)"
    }
}
