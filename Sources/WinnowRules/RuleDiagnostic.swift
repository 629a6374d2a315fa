/// Where a directive came from: a rule file and a 1-based line number.
///
/// Every parsed line keeps one, so errors, `winnow explain` and test failures can point at the exact line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The rule file's path as it was found (folder path joined with the file name).
    public let file: String
    /// 1-based line number; 0 when the diagnostic concerns the whole file.
    public let line: Int

    /// A location; use line 0 for whole-file problems.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or just `file` for whole-file diagnostics.
    public var description: String { line > 0 ? "\(file):\(line)" : file }
}

/// A problem found while loading rules: an error in strict mode, a warning in compatibility mode
/// (or for problems that never stop a file from being used).
public struct RuleDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The line (and in strict mode the file) is rejected.
        case error
        /// The line is skipped or the value is adjusted; the file is still used.
        case warning
    }

    /// Why the diagnostic was raised, for grouping (the corpus report) and for callers that branch on it.
    public enum Cause: String, Sendable, Hashable, CaseIterable {
        case syntax = "malformed line"
        case unknownDirective = "unknown directive"
        case unsupportedDirective = "unsupported directive"
        case invalidXPath = "invalid XPath"
        case invalidCSS = "invalid CSS selector"
        case invalidValue = "invalid value"
        case emptyValue = "empty value"
        case unpairedReplacement = "unpaired find_string/replace_string"
        case orphanedCondition = "if_page_contains without a link rule"
        case orphanedTest = "test directive without test_url"
        case duplicateSetting = "duplicate setting"
        case missingFixture = "missing test fixture"
        case extendsProblem = "extends target missing or cyclic"
        case fileName = "file name is not a host name"
        case unreadable = "unreadable file"
    }

    /// Error or warning (decided by the folder's mode).
    public let severity: Severity
    /// The kind of problem, for grouping and branching.
    public let cause: Cause
    /// The file and line the problem is on.
    public let location: SourceLocation
    /// One human sentence, without the location prefix.
    public let message: String

    /// A diagnostic; `message` is one sentence without the location.
    public init(_ severity: Severity, _ cause: Cause, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.cause = cause
        self.location = location
        self.message = message
    }

    /// `file:line: error: message` — the format compilers use, so editors can jump to the line.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Strict for rules Winnow ships or an operator writes; compatible for third-party folders such as the
/// public ftr-site-config collection, whose files carry typos and directives from other tools.
public enum RuleMode: Sendable, Hashable {
    /// Every problem is an error; a file with errors is not used.
    case strict
    /// Problems become warnings; the offending line is skipped and the rest of the file is used.
    case compatible
}
