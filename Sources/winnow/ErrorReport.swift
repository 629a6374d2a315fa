import ArgumentParser
import Foundation

/// How `winnow` ends on an error: one line on stderr (`Error: …`), plus, for a usage mistake only, a second
/// line pointing at the command's `--help`; never a stack of usage text, never a trace.
///
/// Help and version requests print in full on stdout and exit 0, as ArgumentParser does.
enum ErrorReport {
    /// Parses the arguments, runs the chosen command, and exits with one line on any error.
    static func run(_ root: Winnow.Type, arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        do {
            var command = try root.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = root.exitCode(for: error)
            if code == .success { root.exit(withError: error) }  // --help, --version: printed on stdout
            FileHandle.standardError.write(Data(lines(for: error, root: root).utf8))
            Foundation.exit(code.rawValue)
        }
    }

    /// The text written to stderr for `error`: empty for a bare exit code, else one or two lines.
    static func lines(for error: any Error, root: Winnow.Type) -> String {
        let message = oneLine(root.message(for: error))
        guard !message.isEmpty else { return "" }
        var text = "Error: \(message)\n"
        if root.exitCode(for: error) == .validationFailure, let hint = helpHint(root.fullMessage(for: error)) {
            text += hint + "\n"
        }
        return text
    }

    /// The first line of `message`, trimmed; a multi-line message from a library keeps only its first line.
    static func oneLine(_ message: String) -> String {
        let first = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        var line = first.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        return line
    }

    /// ArgumentParser's "See 'winnow fetch --help' for more information." line from a full usage message.
    static func helpHint(_ fullMessage: String) -> String? {
        fullMessage.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("See '") }
    }
}
