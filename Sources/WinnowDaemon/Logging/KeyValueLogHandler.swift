import Foundation
import Logging

/// swift-log output as one event per line of `key=value` fields, for the journal and for `grep`:
///
///     ts=2026-12-04T17:30:02Z level=info msg="story written" path=example.com/2026/12/04/harbor.md url=https://…
///
/// `ts` is left out when stderr goes to the journal (`JOURNAL_STREAM` is set), which stamps every line itself.
/// Values are quoted when they hold spaces, quotes, `=` or nothing; quotes and backslashes are escaped and line
/// breaks become `\n`, so an event is always exactly one line.
public struct KeyValueLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let stream: @Sendable (String) -> Void
    private let timestamps: Bool

    /// A handler writing to `stream` (default: standard error, unbuffered).
    public init(
        label: String, level: Logger.Level = .info,
        timestamps: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil,
        stream: @escaping @Sendable (String) -> Void = { Console.standardError.log($0) }
    ) {
        self.label = label
        self.logLevel = level
        self.timestamps = timestamps
        self.stream = stream
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        var fields: [(String, String)] = []
        if timestamps { fields.append(("ts", Self.timestamp(Date()))) }
        fields.append(("level", level.rawValue))
        fields.append(("msg", message.description))
        let merged = metadata.merging(explicit ?? [:]) { _, new in new }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) { fields.append((key, "\(value)")) }
        stream(Self.format(fields) + "\n")
    }

    /// `key=value` pairs joined by spaces, each value quoted when needed.
    public static func format(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\(quote($0.1))" }.joined(separator: " ")
    }

    static func quote(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline
            || $0 == "\\" || $0 == "\t" }
        guard needsQuotes else { return value }
        var out = "\""
        for character in value {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n", "\r": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
