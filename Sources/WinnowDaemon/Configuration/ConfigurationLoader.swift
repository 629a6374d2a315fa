import Foundation
import Logging
import TOMLKit
import WinnowFetch
import WinnowOutput
import WinnowRules

/// Reads `winnow.toml` into a `DaemonConfiguration`, reporting every problem at once.
///
/// Each problem is a `ConfigurationDiagnostic` (`file:line: error: message`): unknown keys (with "did you
/// mean"), wrong types, values out of range (with the range), sources with zero or two kinds, duplicates, bad
/// URLs and regular expressions. A TOML syntax error is reported alone, at its line, since nothing after it
/// can be read. Relative paths in the file (`state_dir`, `sites`, `[output] dir`, a `urls` list file) are
/// resolved against the file's folder, so a configuration means the same whatever the working directory.
public enum ConfigurationLoader {
    /// Reads, parses and validates the file at `path`; throws every diagnostic when any is an error.
    /// Warnings of a usable configuration are dropped: use `check(path:)` to see them.
    public static func load(path: String) throws(ConfigurationErrors) -> DaemonConfiguration {
        try require(check(path: path))
    }

    /// Parses and validates `text` as the file `file` (a path, used in diagnostics and as the base of
    /// relative paths); throws every diagnostic when any is an error.
    public static func parse(text: String, file: String) throws(ConfigurationErrors) -> DaemonConfiguration {
        try require(check(text: text, file: file))
    }

    /// Reads and checks the file at `path`: the configuration (when it has no errors) and every diagnostic.
    /// A missing or unreadable file is one whole-file error.
    ///
    /// - Parameter privateNetworksAllowed: `--allow-private-networks` was given, so sources on non-public
    ///   addresses are not warned about.
    public static func check(path: String, privateNetworksAllowed: Bool = false) -> ConfigurationReport {
        do {
            return check(text: try readFile(path: path), file: path, privateNetworksAllowed: privateNetworksAllowed)
        } catch {
            return ConfigurationReport(configuration: nil, diagnostics: error.diagnostics)
        }
    }

    /// Checks `text` as the file `file`: the configuration (when it has no errors) and every diagnostic.
    ///
    /// - Parameter baseDirectory: where relative paths are resolved; default: the folder part of `file`
    ///   (none for a bare file name, leaving them relative to the working directory).
    public static func check(
        text: String, file: String, baseDirectory: String? = nil, privateNetworksAllowed: Bool = false
    ) -> ConfigurationReport {
        let base = baseDirectory ?? (file as NSString).deletingLastPathComponent
        var reader = ConfigurationReader(file: file, text: text, baseDirectory: base)
        reader.allowPrivateNetworks(privateNetworksAllowed)
        let configuration = reader.read()
        let diagnostics = reader.sortedDiagnostics
        let failed = diagnostics.contains { $0.severity == .error }
        return ConfigurationReport(configuration: failed ? nil : configuration, diagnostics: diagnostics)
    }

    /// The UTF-8 text of the file at `path`, or one whole-file error: no such file, a directory, unreadable,
    /// not UTF-8.
    public static func readFile(path: String) throws(ConfigurationErrors) -> String {
        func failure(_ message: String) -> ConfigurationErrors {
            ConfigurationErrors([ConfigurationDiagnostic(.error, file: path, line: 0, message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file or directory")
        }
        if isDirectory.boolValue { throw failure("is a directory, not a configuration file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path)
        else { throw failure("cannot be read (permission denied?)") }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("is not UTF-8 text") }
        return text
    }

    private static func require(_ report: ConfigurationReport) throws(ConfigurationErrors) -> DaemonConfiguration {
        guard let configuration = report.configuration else { throw ConfigurationErrors(report.diagnostics) }
        return configuration
    }
}

// MARK: - The schema

/// The tables of `winnow.toml` and their keys, for unknown-key diagnostics.
enum ConfigurationSchema {
    static let daemon = ["state_dir", "log_level", "sites", "user_agent"]
    static let output = ["dir", "format", "fsync"]
    static let fetch = [
        "concurrency", "per_host_concurrency", "delay", "timeout", "max_size", "max_redirects", "retries",
        "retry_base", "retry_cap", "respect_robots", "crawl_delay_cap", "robots_ttl", "revisit_after",
        "allow_private_networks", "allowed_private_addresses", "max_sitemap_size", "max_child_sitemaps",
    ]
    static let host = ["name", "delay", "concurrency", "timeout", "user_agent", "respect_robots"]
    static let source = [
        "feed", "sitemap", "section", "urls", "name", "interval", "min_interval", "max_interval", "include",
        "exclude", "depth", "max_age",
    ]

    /// Every table: its TOML name, how it is written, its keys.
    static let tables: [(name: String, title: String, keys: [String])] = [
        ("daemon", "[daemon]", daemon), ("output", "[output]", output), ("fetch", "[fetch]", fetch),
        ("host", "[[host]]", host), ("source", "[[source]]", source),
    ]

    /// Hints for unknown keys that edit distance cannot find, per table.
    static let hints: [String: [String: String]] = [
        "host": [
            "per_host_concurrency": "did you mean `concurrency`?",
            "host": "did you mean `name`?",
        ],
        "source": [
            "url": "say what the URL is with `feed`, `sitemap`, `section` or `urls`",
            "type": "say what the URL is with `feed`, `sitemap`, `section` or `urls`",
            "kind": "say what the URL is with `feed`, `sitemap`, `section` or `urls`",
        ],
    ]
}

// MARK: - TOML values

/// A parsed TOML value, copied out of TOMLKit's reference types into a plain tree.
indirect enum TOMLNode {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time, as TOML text.
    case dateTime(String)
    case array([TOMLNode])
    case table([(key: String, value: TOMLNode)])

    init(_ value: any TOMLValueConvertible) {
        switch value.type {
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .float(value.double ?? 0)
        case .bool: self = .boolean(value.bool ?? false)
        case .date, .time, .dateTime: self = .dateTime(value.tomlValue.debugDescription)
        case .array:
            var elements: [TOMLNode] = []
            if let array = value.array { for element in array { elements.append(TOMLNode(element)) } }
            self = .array(elements)
        case .table:
            var entries: [(key: String, value: TOMLNode)] = []
            if let table = value.table { for (key, element) in table { entries.append((key, TOMLNode(element))) } }
            self = .table(entries)
        }
    }

    /// How the value reads in a diagnostic's "(got …)": strings quoted and clipped, lists and tables named.
    var summary: String {
        switch self {
        case .string(let text):
            let oneLine = text.replacingOccurrences(of: "\n", with: "\\n")
            return "\"" + (oneLine.count > 60 ? oneLine.prefix(57) + "…" : oneLine) + "\""
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .boolean(let value): return String(value)
        case .dateTime(let text): return text
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}

/// One table being read: where it is and its entries.
private struct Table {
    let path: TOMLPath
    /// `[fetch]`, `[[source]]`, or `the top level`.
    let title: String
    /// The schema name (`fetch`, `source`), for hints.
    let name: String
    let entries: [(key: String, value: TOMLNode)]

    subscript(key: String) -> TOMLNode? { entries.first { $0.key == key }?.value }
}

// MARK: - The reader

/// Walks the parsed document once, building the configuration and collecting every diagnostic.
private struct ConfigurationReader {
    let file: String
    let text: String
    let baseDirectory: String
    let locator: TOMLLineLocator
    private(set) var diagnostics: [ConfigurationDiagnostic] = []
    /// `[fetch]`'s private-network settings, read before the sources so that a source on a refused address can
    /// be pointed out.
    private var network = (allowAll: false, allowed: [String]())

    /// Sources on non-public addresses are allowed whatever `[fetch]` says (the command line's flag).
    mutating func allowPrivateNetworks(_ allowed: Bool) {
        if allowed { network.allowAll = true }
    }

    init(file: String, text: String, baseDirectory: String) {
        self.file = file
        // A byte-order mark from Windows editors; dropping it does not move any line.
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        self.baseDirectory = baseDirectory
        locator = TOMLLineLocator(text: self.text)
    }

    /// Whole-file diagnostics first, then by line; the order found within a line.
    var sortedDiagnostics: [ConfigurationDiagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    mutating func error(_ path: TOMLPath, _ message: String) {
        diagnostics.append(ConfigurationDiagnostic(.error, file: file, line: locator.nearestLine(of: path), message))
    }

    mutating func warning(_ path: TOMLPath, _ message: String) {
        diagnostics.append(ConfigurationDiagnostic(.warning, file: file, line: locator.nearestLine(of: path), message))
    }

    // MARK: Document

    mutating func read() -> DaemonConfiguration {
        if let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].unicodeScalars.filter { $0 == "\n" }.count + 1
            diagnostics.append(ConfigurationDiagnostic(.error, file: file, line: line, "the file holds a NUL byte"))
            return DaemonConfiguration()
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ says "Error while parsing key-value pair: expected value, saw '\n'".
            var message = error.description.trimmingCharacters(in: .whitespacesAndNewlines)
            let prefix = "Error while parsing "
            message = message.hasPrefix(prefix) ? " in " + message.dropFirst(prefix.count) : ": " + message
            diagnostics.append(ConfigurationDiagnostic(
                .error, file: file, line: max(0, error.source.begin.line), "invalid TOML\(message)"))
            return DaemonConfiguration()
        } catch {
            diagnostics.append(ConfigurationDiagnostic(.error, file: file, line: 0, "invalid TOML: \(error)"))
            return DaemonConfiguration()
        }
        guard case .table(let entries) = TOMLNode(root) else { return DaemonConfiguration() }
        let top = Table(path: [], title: "the top level", name: "", entries: entries)

        var configuration = DaemonConfiguration()
        for (key, value) in top.entries {
            switch key {
            case "daemon", "output", "fetch":
                guard let table = singleTable(key, value) else { continue }
                switch key {
                case "daemon": configuration.daemon = readDaemon(table)
                case "output": configuration.output = readOutput(table)
                default: configuration.fetch = readFetch(table)
                }
            case "host", "source":
                continue  // after [daemon] and [fetch], whose values they refer to
            default:
                unknownTopLevel(key, value)
            }
        }
        if let value = top["host"] {
            configuration.hosts = readHosts(tables(of: "host", value), fetch: configuration.fetch)
        }
        if let value = top["source"] {
            configuration.sources = readSources(tables(of: "source", value))
        }
        if configuration.sources.isEmpty && top["source"] == nil {
            diagnostics.append(ConfigurationDiagnostic(
                .warning, file: file, line: 0, "no [[source]] tables: the daemon has nothing to poll"))
        }
        return configuration
    }

    /// `[daemon]`, `[output]` or `[fetch]`: one table.
    mutating func singleTable(_ key: String, _ value: TOMLNode) -> Table? {
        switch value {
        case .table(let entries):
            return Table(path: [.key(key)], title: "[\(key)]", name: key, entries: entries)
        case .array(let elements) where elements.allSatisfy({ if case .table = $0 { true } else { false } }):
            error([.key(key)], "`\(key)` is one table: write [\(key)], not [[\(key)]]")
        default:
            error([.key(key)], "`\(key)` must be a table: write [\(key)] and its keys on the lines below it")
        }
        return nil
    }

    /// `[[host]]` or `[[source]]`: an array of tables (inline ones too).
    mutating func tables(of key: String, _ value: TOMLNode) -> [Table] {
        switch value {
        case .array(let elements):
            var tables: [Table] = []
            for (index, element) in elements.enumerated() {
                if case .table(let entries) = element {
                    let path: TOMLPath = [.key(key), .index(index)]
                    tables.append(Table(path: path, title: "[[\(key)]]", name: key, entries: entries))
                } else {
                    error([.key(key), .index(index)],
                          "each `\(key)` must be a table: write [[\(key)]] (got \(element.summary))")
                }
            }
            return tables
        case .table:
            error([.key(key)], "write [[\(key)]] (one table per \(key)), not [\(key)]")
        default:
            error([.key(key)], "`\(key)` must be [[\(key)]] tables (got \(value.summary))")
        }
        return []
    }

    mutating func unknownTopLevel(_ key: String, _ value: TOMLNode) {
        if let owner = ConfigurationSchema.tables.first(where: { $0.keys.contains(key) }) {
            error([.key(key)], "unknown key `\(key)` at the top level; `\(key)` is a \(owner.title) setting")
            return
        }
        let names = ConfigurationSchema.tables.map(\.name)
        let suggestion = NameSuggestion.closest(to: key, among: names)
            .flatMap { name in ConfigurationSchema.tables.first { $0.name == name }?.title }
        let written: String?
        switch value {
        case .table: written = "[\(key)]"
        case .array(let elements) where !elements.isEmpty
            && elements.allSatisfy({ if case .table = $0 { true } else { false } }):
            written = "[[\(key)]]"
        default: written = nil
        }
        if let written {
            error([.key(key)], "unknown table \(written)" + (suggestion.map { "; did you mean \($0)?" } ?? "")
                + "; the tables are [daemon], [output], [fetch], [[host]] and [[source]]")
        } else {
            error([.key(key)], "unknown key `\(key)` at the top level; settings go in [daemon], [output], [fetch], "
                  + "[[host]] or [[source]]")
        }
    }

    /// Reports every key of `table` not in `known`, with a suggestion.
    mutating func checkKeys(_ table: Table, known: [String]) {
        for (key, _) in table.entries where !known.contains(key) {
            var message = "unknown key `\(key)` in \(table.title)"
            if let hint = ConfigurationSchema.hints[table.name]?[key] {
                message += "; \(hint)"
            } else if let suggestion = NameSuggestion.closest(to: key, among: known) {
                message += "; did you mean `\(suggestion)`?"
            } else if let owner = ConfigurationSchema.tables.first(where: { $0.keys.contains(key) }) {
                message += "; `\(key)` is a \(owner.title) setting"
            } else {
                message += "; known keys: " + known.joined(separator: ", ")
            }
            error(table.path + key, message)
        }
    }

    // MARK: Sections

    mutating func readDaemon(_ table: Table) -> DaemonSettings {
        checkKeys(table, known: ConfigurationSchema.daemon)
        var settings = DaemonSettings()
        if let path = path(table, "state_dir") { settings.stateDirectory = path }
        if let node = table["log_level"] {
            let levels = Logger.Level.allCases.map(\.rawValue)
            if case .string(let name) = node, let level = Logger.Level(rawValue: name.lowercased()) {
                settings.logLevel = level
            } else {
                var message = "`log_level` must be one of \(levels.joined(separator: ", ")) (got \(node.summary))"
                if case .string(let name) = node, !name.isEmpty,
                   let guess = levels.first(where: { $0.hasPrefix(name.lowercased()) })
                       ?? NameSuggestion.closest(to: name, among: levels) {
                    message += "; did you mean \"\(guess)\"?"
                }
                error(table.path + "log_level", message)
            }
        }
        if let folders = stringList(table, "sites", example: "[\"/etc/winnow/sites\"]") {
            settings.siteFolders = []
            for (element, folder) in folders.enumerated() {
                let at = table.path + "sites" + element
                guard let resolved = checkedPath(folder, key: "sites", at: at) else { continue }
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
                if !exists || !isDirectory.boolValue {
                    warning(at, "site-rule folder \"\(resolved)\" does not exist")
                }
                settings.siteFolders.append(resolved)
            }
        }
        if let agent = userAgent(table) { settings.userAgent = agent }
        return settings
    }

    mutating func readOutput(_ table: Table) -> OutputSettings {
        checkKeys(table, known: ConfigurationSchema.output)
        var settings = OutputSettings()
        if let path = path(table, "dir") { settings.directory = path }
        if let node = table["format"] {
            if case .string(let name) = node, let format = OutputFormat(name: name) {
                settings.format = format
            } else {
                error(table.path + "format", "`format` must be text, markdown, json or html (got \(node.summary))")
            }
        }
        if let fsync = bool(table, "fsync") { settings.fsync = fsync }
        return settings
    }

    mutating func readFetch(_ table: Table) -> FetchSettings {
        checkKeys(table, known: ConfigurationSchema.fetch)
        typealias F = FetchSettings
        var settings = FetchSettings()
        if let value = integer(table, "concurrency", range: F.concurrencyRange) { settings.concurrency = value }
        if let value = integer(table, "per_host_concurrency", range: F.perHostConcurrencyRange) {
            settings.perHostConcurrency = value
        }
        if let value = duration(table, "delay", range: F.delayRange) { settings.delay = value }
        if let value = duration(table, "timeout", range: F.timeoutRange) { settings.timeout = value }
        if let value = size(table, "max_size", range: F.maxSizeRange) { settings.maxSize = value }
        if let value = integer(table, "max_redirects", range: F.maxRedirectsRange) { settings.maxRedirects = value }
        if let value = integer(table, "retries", range: F.retriesRange) { settings.retries = value }
        if let value = duration(table, "retry_base", range: F.retryBaseRange) { settings.retryBase = value }
        if let value = duration(table, "retry_cap", range: F.retryCapRange) { settings.retryCap = value }
        if let value = bool(table, "respect_robots") { settings.respectRobots = value }
        if let value = duration(table, "crawl_delay_cap", range: F.crawlDelayCapRange) {
            settings.crawlDelayCap = value
        }
        if let value = duration(table, "robots_ttl", range: F.robotsTTLRange) { settings.robotsTTL = value }
        if let value = size(table, "max_sitemap_size", range: F.maxSitemapSizeRange) { settings.maxSitemapSize = value }
        if let value = integer(table, "max_child_sitemaps", range: F.maxChildSitemapsRange) {
            settings.maxChildSitemaps = value
        }
        if let value = bool(table, "allow_private_networks") {
            settings.allowPrivateNetworks = value
            network.allowAll = network.allowAll || value
        }
        if let addresses = stringList(table, "allowed_private_addresses", example: "['10.0.0.5', 'fd00::5']") {
            for (index, text) in addresses.enumerated() {
                if AddressClass.of(text) == nil {
                    error(table.path + "allowed_private_addresses" + index, "`allowed_private_addresses` entry "
                          + "\(TOMLNode.string(text).summary) is not an IPv4 or IPv6 address")
                } else {
                    settings.allowedPrivateAddresses.append(text)
                    network.allowed.append(text)
                }
            }
        }
        if let node = table["revisit_after"] {
            let range = F.revisitAfterRange
            if let value = duration(table, "revisit_after", range: .zero...range.upperBound) {
                if value == .zero {
                    settings.revisitAfter = nil
                } else if value < range.lowerBound {
                    error(table.path + "revisit_after", "`revisit_after` must be 0s (never) or between "
                          + "\(format(range.lowerBound)) and \(format(range.upperBound)) (got \(node.summary))")
                } else {
                    settings.revisitAfter = value
                }
            }
        }
        if settings.retryCap < settings.retryBase {
            let key = table["retry_cap"] != nil ? "retry_cap" : "retry_base"
            error(table.path + key, "`retry_cap` (\(format(settings.retryCap))) must be at least `retry_base` "
                  + "(\(format(settings.retryBase)))")
        }
        if settings.perHostConcurrency > settings.concurrency {
            let key = table["per_host_concurrency"] != nil ? "per_host_concurrency" : "concurrency"
            warning(table.path + key, "`per_host_concurrency` (\(settings.perHostConcurrency)) is more than "
                    + "`concurrency` (\(settings.concurrency)): no host gets more than \(settings.concurrency) at once")
        }
        return settings
    }

    mutating func readHosts(_ tables: [Table], fetch: FetchSettings) -> [HostOverride] {
        var hosts: [HostOverride] = []
        var seen: [HostPattern: Int] = [:]
        for table in tables {
            checkKeys(table, known: ConfigurationSchema.host)
            let pattern = hostPattern(table)
            var host = HostOverride(pattern: pattern ?? HostPattern(host: "invalid"))
            host.delay = duration(table, "delay", range: FetchSettings.delayRange)
            host.concurrency = integer(table, "concurrency", range: FetchSettings.perHostConcurrencyRange)
            host.timeout = duration(table, "timeout", range: FetchSettings.timeoutRange)
            host.userAgent = userAgent(table)
            host.respectRobots = bool(table, "respect_robots")
            if let concurrency = host.concurrency, concurrency > fetch.concurrency {
                warning(table.path + "concurrency", "`concurrency` (\(concurrency)) is more than [fetch] "
                        + "`concurrency` (\(fetch.concurrency)): no host gets more than \(fetch.concurrency) at once")
            }
            guard let pattern else { continue }
            if let first = seen[pattern] {
                error(table.path + "name", "[[host]] `\(pattern)` is already defined at line \(first)")
                continue
            }
            seen[pattern] = locator.nearestLine(of: table.path + "name")
            if host.isEmpty {
                warning(table.path, "[[host]] `\(pattern)` overrides nothing; give it `delay`, `concurrency`, "
                        + "`timeout`, `user_agent` or `respect_robots`")
            }
            hosts.append(host)
        }
        return hosts
    }

    mutating func hostPattern(_ table: Table) -> HostPattern? {
        guard let node = table["name"] else {
            error(table.path, "[[host]] needs a `name`, like name = \"example.com\" or name = \"*.example.com\"")
            return nil
        }
        guard case .string(let name) = node else {
            error(table.path + "name", "`name` must be a host name like \"example.com\" (got \(node.summary))")
            return nil
        }
        if let pattern = HostPattern(name) { return pattern }
        var message = "`name` must be a host name like \"example.com\" or \"*.example.com\" (got \(node.summary))"
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" || trimmed == "*." {
            message += "; settings for every host belong in [fetch]"
        } else if let host = URLComponents(string: trimmed)?.host ?? URLComponents(string: "http://" + trimmed)?.host,
                  let pattern = HostPattern(host) {
            message += "; did you mean \"\(pattern)\"?"
        }
        error(table.path + "name", message)
        return nil
    }

    mutating func readSources(_ tables: [Table]) -> [SourceConfiguration] {
        var sources: [SourceConfiguration] = []
        var ids: [String: Int] = [:], names: [String: Int] = [:]
        for table in tables {
            guard let read = readSource(table) else { continue }
            let (source, kindKey) = read
            let kindLine = locator.nearestLine(of: table.path + kindKey)
            if let first = ids[source.id] {
                error(table.path + kindKey, "duplicate source `\(source.id)` (already defined at line \(first))")
                continue
            }
            ids[source.id] = kindLine
            if let name = source.name {
                if let first = names[name] {
                    error(table.path + "name", "source name \"\(name)\" is already used at line \(first)")
                } else {
                    names[name] = locator.nearestLine(of: table.path + "name")
                }
            }
            sources.append(source)
        }
        return sources
    }

    /// One source and the key that gave its kind; nil when it has no usable kind and URL (reported).
    mutating func readSource(_ table: Table) -> (SourceConfiguration, String)? {
        checkKeys(table, known: ConfigurationSchema.source)
        typealias S = SourceConfiguration
        let kinds = S.Kind.allCases.filter { table[$0.rawValue] != nil }
        if kinds.isEmpty {
            error(table.path, "[[source]] needs one of `feed`, `sitemap`, `section` or `urls`")
        } else if kinds.count > 1 {
            let names = kinds.map { "`\($0.rawValue)`" }
            error(table.path + kinds[1].rawValue, "a [[source]] has exactly one of `feed`, `sitemap`, `section` or "
                  + "`urls`; this one has \(names.dropLast().joined(separator: ", ")) and \(names.last!): "
                  + "write one [[source]] for each")
        }
        let kind = kinds.first ?? .feed
        let location = kinds.count == 1 ? sourceLocation(table, kind: kind) : nil

        var name: String?
        if let node = table["name"] {
            if case .string(let text) = node, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                name = text
            } else {
                error(table.path + "name", "`name` must be a non-empty string (got \(node.summary))")
            }
        }
        let interval = duration(table, "interval", range: S.intervalRange)
        let minimum = duration(table, "min_interval", range: S.intervalRange)
        let maximum = duration(table, "max_interval", range: S.intervalRange)
        let effective = interval ?? S.defaultInterval(for: kind)
        if let minimum, minimum > effective {
            error(table.path + "min_interval", "`min_interval` (\(format(minimum))) must not be more than "
                  + "`interval` (\(format(effective)))")
        }
        if let maximum, maximum < effective {
            error(table.path + "max_interval", "`max_interval` (\(format(maximum))) must not be less than "
                  + "`interval` (\(format(effective)))")
        }
        let include = patterns(table, "include")
        let exclude = patterns(table, "exclude")
        let depth = integer(table, "depth", range: S.depthRange)
        if depth != nil, !kinds.isEmpty, kind != .section {
            warning(table.path + "depth", "`depth` applies only to `section` sources; ignored for a `\(kind.rawValue)`")
        }
        let maxAge = duration(table, "max_age", range: S.maxAgeRange)
        if maxAge != nil, kind == .section || kind == .urls {
            warning(table.path + "max_age", "`max_age` applies only to `feed` and `sitemap` sources, whose items "
                    + "have dates; ignored for a `\(kind.rawValue)`")
        }
        guard let location else { return nil }
        let source = SourceConfiguration(
            kind: kind, url: location, name: name, interval: interval, minInterval: minimum, maxInterval: maximum,
            include: include, exclude: exclude, depth: depth ?? 0, maxAge: maxAge)
        return (source, kind.rawValue)
    }

    /// The URL of a feed, sitemap or section; for `urls`, a URL or a (resolved) file path.
    mutating func sourceLocation(_ table: Table, kind: SourceConfiguration.Kind) -> String? {
        let key = kind.rawValue
        guard let node = table[key] else { return nil }
        guard case .string(let raw) = node else {
            let sample = "https://example.com/\(kind == .feed ? "rss" : key)"
            let example = kind == .urls ? "a URL or a file path" : "a URL like \"\(sample)\""
            error(table.path + key, "`\(key)` must be \(example) (got \(node.summary))")
            return nil
        }
        let value = raw.trimmingCharacters(in: .whitespaces)
        if kind == .urls && !value.contains("://") {
            guard let path = checkedPath(value, key: key, at: table.path + key) else { return nil }
            if !FileManager.default.fileExists(atPath: path) {
                warning(table.path + key, "URL list \"\(path)\" does not exist (yet)")
            }
            return path
        }
        do {
            try HTTPClient.validate(url: value)
        } catch {
            self.error(table.path + key,
                       "`\(key)` must be an http or https URL: \(error.message) (got \(node.summary))")
            return nil
        }
        if !network.allowAll, let host = URLComponents(string: value)?.host, !network.allowed.contains(host),
            case .nonPublic(let range)? = AddressClass.of(host)
        {
            warning(table.path + key, "\(host) is a \(range) address, which is refused unless `[fetch] "
                    + "allow_private_networks = true` (or the address is in `allowed_private_addresses`)")
        }
        return value
    }

    /// `include` / `exclude`: a list of regular expressions, each compiled.
    mutating func patterns(_ table: Table, _ key: String) -> [URLPattern] {
        let example = "['/news/', '^https://example\\.com/20']"
        guard let strings = stringList(table, key, example: example) else { return [] }
        var patterns: [URLPattern] = []
        for (element, text) in strings.enumerated() {
            do {
                patterns.append(try URLPattern(text))
            } catch {
                self.error(table.path + key + element, "`\(key)` pattern \(TOMLNode.string(text).summary) is not a "
                           + "valid regular expression")
            }
        }
        return patterns
    }

    // MARK: Typed values

    func format(_ duration: Duration) -> String { ConfigurationValue.format(duration) }

    mutating func typeError(_ table: Table, _ key: String, _ expected: String, _ node: TOMLNode, hint: String = "") {
        error(table.path + key, "`\(key)` must be \(expected) (got \(node.summary))\(hint)")
    }

    /// `value` when `range` holds it; otherwise reports "`key` must be between … and … (got …)" and gives nil.
    mutating func checked<Value: Comparable>(
        _ value: Value, in range: ClosedRange<Value>, _ table: Table, _ key: String, got: String,
        format: (Value) -> String
    ) -> Value? {
        guard range.contains(value) else {
            error(table.path + key, "`\(key)` must be between \(format(range.lowerBound)) and "
                  + "\(format(range.upperBound)) (got \(got))")
            return nil
        }
        return value
    }

    mutating func bool(_ table: Table, _ key: String) -> Bool? {
        guard let node = table[key] else { return nil }
        if case .boolean(let value) = node { return value }
        typeError(table, key, "true or false", node)
        return nil
    }

    mutating func integer(_ table: Table, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = table[key] else { return nil }
        guard case .integer(let value) = node else {
            typeError(table, key, "an integer", node)
            return nil
        }
        return checked(value, in: range, table, key, got: "\(value)") { "\($0)" }
    }

    mutating func duration(_ table: Table, _ key: String, range: ClosedRange<Duration>) -> Duration? {
        guard let node = table[key] else { return nil }
        let value: Duration?
        switch node {
        case .string(let text): value = ConfigurationValue.duration(text)
        case .integer(let seconds): value = .seconds(seconds)
        case .float(let seconds) where seconds.isFinite && seconds >= 0 && seconds < 1e12:
            let spelled = format(.milliseconds(Int64((seconds * 1000).rounded())))
            typeError(table, key, "a duration like \"30s\"", node, hint: "; write \"\(spelled)\"")
            return nil
        default: value = nil
        }
        guard let value else {
            typeError(table, key, "a duration like \"30s\"", node)
            return nil
        }
        return checked(value, in: range, table, key, got: node.summary) { ConfigurationValue.format($0) }
    }

    mutating func size(_ table: Table, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = table[key] else { return nil }
        let value: Int?
        switch node {
        case .string(let text): value = ConfigurationValue.size(text)
        case .integer(let bytes): value = bytes
        default: value = nil
        }
        guard let value else {
            typeError(table, key, "a size like \"10MiB\"", node)
            return nil
        }
        return checked(value, in: range, table, key, got: node.summary) { ConfigurationValue.format(bytes: $0) }
    }

    /// A list of strings; non-string elements are reported one by one and skipped.
    mutating func stringList(_ table: Table, _ key: String, example: String) -> [String]? {
        guard let node = table[key] else { return nil }
        guard case .array(let elements) = node else {
            typeError(table, key, "a list of strings like \(example)", node)
            return nil
        }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            if case .string(let text) = element {
                strings.append(text)
            } else {
                error(table.path + key + index, "each `\(key)` entry must be a string (got \(element.summary))")
            }
        }
        return strings
    }

    /// A non-empty path, resolved against the configuration file's folder.
    mutating func path(_ table: Table, _ key: String) -> String? {
        guard let node = table[key] else { return nil }
        guard case .string(let text) = node else {
            typeError(table, key, "a path", node)
            return nil
        }
        return checkedPath(text, key: key, at: table.path + key)
    }

    mutating func checkedPath(_ text: String, key: String, at path: TOMLPath) -> String? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(path, "`\(key)` must not be empty")
            return nil
        }
        if text == "~" || text.hasPrefix("~/") {
            warning(path, "`\(key)` starts with `~`, which is not expanded: write the full path")
        }
        return resolve(text)
    }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || baseDirectory.isEmpty { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return baseDirectory.hasSuffix("/") ? baseDirectory + relative : baseDirectory + "/" + relative
    }

    /// `user_agent`: one non-empty line.
    mutating func userAgent(_ table: Table) -> String? {
        guard let node = table["user_agent"] else { return nil }
        guard case .string(let agent) = node else {
            typeError(table, "user_agent", "a string", node)
            return nil
        }
        if agent.trimmingCharacters(in: .whitespaces).isEmpty {
            error(table.path + "user_agent", "`user_agent` must not be empty")
            return nil
        }
        if agent.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            error(table.path + "user_agent", "`user_agent` must be one line without control characters")
            return nil
        }
        return agent
    }
}
