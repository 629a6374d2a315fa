import ArgumentParser
import Foundation
import WinnowDaemon
import WinnowState

/// `winnow status`: per-source health and the frontier, read from the state (also while the daemon runs).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each source's health, the frontier and the stories written, from the daemon's state.",
        discussion: """
            Reads the state directory read-only, so it works while `winnow run` is running.
              winnow status --state-dir /var/lib/winnow
              winnow status --config /etc/winnow/winnow.toml --json
            """
    )

    @Option(help: ArgumentHelp("The state directory (default: the config file's, else ./winnow-state).",
                               valueName: "dir"))
    var stateDir: String?

    @Option(help: ArgumentHelp("Take the state directory from this configuration file.", valueName: "file"))
    var config: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        var directory = stateDir ?? DaemonSettings.defaultStateDirectory
        if stateDir == nil, let config {
            do { directory = try ConfigurationLoader.load(path: config).daemon.stateDirectory } catch {
                throw CLIError("\(config): \(error.errors.count) error(s); run `winnow check-config \(config)`")
            }
        }
        let store: SQLiteStateStore
        do { store = try SQLiteStateStore(directory: directory, mode: .readOnly) } catch {
            throw CLIError("\(directory): \(error)")
        }
        defer { try? store.close() }
        let status = try store.status()
        let report = StatusReport(status, now: Date())
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            print(report.text, terminator: "")
        }
    }
}

/// What `winnow status` shows, as JSON or as text.
struct StatusReport: Encodable {
    struct Source: Encodable {
        var id: String
        var kind: String
        var url: String
        var active: Bool
        var lastPoll: Date?
        var lastSuccess: Date?
        var lastChange: Date?
        var nextPoll: Date
        var intervalSeconds: Int
        var errorStreak: Int
        var lastError: String?
        var storiesWritten: Int
        var urls: [String: Int]
        var healthy: Bool
    }

    var sources: [Source]
    var frontier: [String: Int]
    var hosts: Int
    var stories: Int
    var storiesPending: Int
    private var now: Date

    private enum CodingKeys: String, CodingKey { case sources, frontier, hosts, stories, storiesPending }

    init(_ status: StoreStatus, now: Date) {
        self.now = now
        sources = status.sources.map { item in
            let record = item.source
            return Source(
                id: record.id, kind: record.kind.rawValue, url: record.url, active: record.active,
                lastPoll: record.lastPollAt, lastSuccess: record.lastSuccessAt, lastChange: record.lastChangeAt,
                nextPoll: record.nextPollAt, intervalSeconds: Int(record.interval), errorStreak: record.errorStreak,
                lastError: record.lastError, storiesWritten: record.storiesWritten,
                urls: Dictionary(uniqueKeysWithValues: item.entries.map { ($0.key.rawValue, $0.value) }),
                healthy: record.errorStreak == 0)
        }
        frontier = Dictionary(uniqueKeysWithValues: status.frontier.map { ($0.key.rawValue, $0.value) })
        hosts = status.hostCount
        stories = status.storyCount
        storiesPending = status.pendingStoryCount
    }

    var text: String {
        var out = ""
        let total = frontier.values.reduce(0, +)
        out += "stories: \(stories) written" + (storiesPending > 0 ? ", \(storiesPending) being written" : "") + "\n"
        out += "frontier: \(total) URLs (" + EntryState.allCases.map { "\(frontier[$0.rawValue] ?? 0) \($0.rawValue)" }
            .joined(separator: ", ") + ") over \(hosts) hosts\n"
        out += "sources:\n"
        for source in sources {
            let health = !source.active ? "removed" : source.healthy ? "ok" : "failing (\(source.errorStreak) in a row)"
            out += "  \(source.id)  [\(health)]\n"
            out += "    last success: \(ago(source.lastSuccess)), next poll: \(until(source.nextPoll)), "
                + "interval \(Self.duration(source.intervalSeconds)), stories written: \(source.storiesWritten)\n"
            let urls = EntryState.allCases.compactMap { state in
                (source.urls[state.rawValue] ?? 0) > 0 ? "\(source.urls[state.rawValue] ?? 0) \(state.rawValue)" : nil
            }
            if !urls.isEmpty { out += "    urls: " + urls.joined(separator: ", ") + "\n" }
            if let error = source.lastError { out += "    last error: \(error)\n" }
        }
        if sources.isEmpty { out += "  (none)\n" }
        return out
    }

    private func ago(_ date: Date?) -> String {
        guard let date else { return "never" }
        return Self.duration(Int(now.timeIntervalSince(date))) + " ago"
    }

    private func until(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now))
        return seconds <= 0 ? "due" : "in " + Self.duration(seconds)
    }

    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 120 { return "\(s)s" }
        if s < 7200 { return "\(s / 60)m" }
        if s < 172_800 { return "\(s / 3600)h\(s % 3600 / 60 > 0 ? "\(s % 3600 / 60)m" : "")" }
        return "\(s / 86400)d"
    }
}
