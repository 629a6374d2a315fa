/// One problem found in a configuration file, printed the way compilers do: `file:line: error: message`.
public struct ConfigurationDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The configuration is not used.
        case error
        /// Harmless or probably unintended, but the configuration is still used.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// The configuration file's path as given.
    public let file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public let line: Int
    /// One sentence without the location prefix.
    public let message: String

    /// A diagnostic; use line 0 for whole-file problems.
    public init(_ severity: Severity, file: String, line: Int, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, or `file: error: message` for whole-file problems.
    public var description: String {
        "\(line > 0 ? "\(file):\(line)" : file): \(severity.rawValue): \(message)"
    }
}

/// Thrown when a configuration cannot be used: carries every diagnostic found (errors and warnings, in line
/// order), not just the first.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in line order.
    public let diagnostics: [ConfigurationDiagnostic]

    /// Errors for `diagnostics` (at least one should be an error).
    public init(_ diagnostics: [ConfigurationDiagnostic]) { self.diagnostics = diagnostics }

    /// The diagnostics that make the configuration unusable.
    public var errors: [ConfigurationDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic a line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The outcome of checking a configuration: the configuration when it has no errors, and every diagnostic.
public struct ConfigurationReport: Sendable {
    /// The configuration; nil when any diagnostic is an error.
    public let configuration: DaemonConfiguration?
    /// Every problem found, errors and warnings, in line order.
    public let diagnostics: [ConfigurationDiagnostic]

    /// A report; `configuration` should be nil exactly when `diagnostics` holds an error.
    public init(configuration: DaemonConfiguration?, diagnostics: [ConfigurationDiagnostic]) {
        self.configuration = configuration
        self.diagnostics = diagnostics
    }

    /// The diagnostics that make the configuration unusable.
    public var errors: [ConfigurationDiagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The harmless ones.
    public var warnings: [ConfigurationDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}
