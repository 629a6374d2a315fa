import Foundation

/// A folder of rule files and its place in the precedence order.
public struct RuleFolder: Sendable, Hashable {
    /// Who maintains the folder; the order of `RuleLoader.folders` is what decides precedence, the role
    /// is for messages and for the default mode.
    public enum Role: String, Sendable, Hashable {
        /// The user's folders (`--sites DIR`, `$WINNOW_SITES`), in the order given: highest precedence.
        case user
        /// System-wide operator rules (e.g. /etc/winnow/sites): below the user's folders.
        case admin
        /// The `sites/` folder shipped with Winnow: lowest precedence.
        case bundled
    }

    /// The folder's path.
    public let path: String
    /// Admin, user or bundled.
    public let role: Role
    /// Strict for Winnow's own folders; compatible for third-party collections.
    public let mode: RuleMode

    /// A folder; strict unless it holds third-party rules.
    public init(path: String, role: Role, mode: RuleMode = .strict) {
        self.path = path
        self.role = role
        self.mode = mode
    }
}

/// Every rule file found in a set of folders, with precedence resolved and `extends:` checked.
public struct RuleLibrary: Sendable {
    /// Every file per rule name, highest precedence first. Only the first usable one is applied; the others
    /// are kept so `extends:` can reach a lower-precedence file of the same name and `rules check` can say
    /// which file shadows which.
    public let definitions: [String: [SiteRule]]
    /// Everything wrong, in folder and line order.
    public let diagnostics: [RuleDiagnostic]
    /// Number of `.txt` files read.
    public let filesRead: Int
    /// Number of `.txt` files read per folder path (folders that could not be read are absent).
    public let filesReadPerFolder: [String: Int]

    /// A library from already-parsed files (the loader builds these).
    public init(definitions: [String: [SiteRule]], diagnostics: [RuleDiagnostic], filesRead: Int,
                filesReadPerFolder: [String: Int] = [:]) {
        self.definitions = definitions
        self.diagnostics = diagnostics
        self.filesRead = filesRead
        self.filesReadPerFolder = filesReadPerFolder
    }

    /// The file that is applied for a rule name: the highest-precedence usable one. The winning file replaces
    /// lower-precedence files of the same name entirely (as FTR's custom folder replaces its standard one):
    /// an operator fixing a broken bundled rule must not inherit its broken strips. Use `extends: <same
    /// name>` to build on the lower-precedence file instead.
    public func rule(named name: String) -> SiteRule? {
        definitions[name]?.first { $0.isUsable }
    }

    /// Errors only.
    public var errors: [RuleDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// A rule followed by everything it extends (depth-first, in `extends:` order, each file once).
    /// Cyclic references were reported at load time and are skipped here.
    public func chain(for rule: SiteRule) -> [SiteRule] {
        var result: [SiteRule] = []
        var seen: Set<String> = []
        func visit(_ rule: SiteRule) {
            guard seen.insert(rule.path).inserted else { return }
            result.append(rule)
            for reference in rule.extends {
                if let base = target(of: reference, from: rule) { visit(base) }
            }
        }
        visit(rule)
        return result
    }

    /// The file an `extends:` line refers to: the highest-precedence usable file of that name, except that a
    /// file extending its own name gets the next lower-precedence file of that name.
    public func target(of reference: RuleReference, from rule: SiteRule) -> SiteRule? {
        guard let candidates = definitions[reference.name] else { return nil }
        if reference.name == rule.name, let own = candidates.firstIndex(where: { $0.path == rule.path }) {
            return candidates[(own + 1)...].first { $0.isUsable }
        }
        return candidates.first { $0.isUsable && $0.path != rule.path }
    }
}

/// Reads rule folders in precedence order (first = highest) and validates every file.
public struct RuleLoader: Sendable {
    /// Folders, highest precedence first.
    public let folders: [RuleFolder]

    /// A loader over folders given highest precedence first.
    public init(folders: [RuleFolder]) { self.folders = folders }

    /// The usual order: user folders as given, then the admin folder, then the bundled folder.
    public init(admin: String?, user: [String], bundled: String?, userMode: RuleMode = .strict) {
        var folders = user.map { RuleFolder(path: $0, role: .user, mode: userMode) }
        if let admin { folders.append(RuleFolder(path: admin, role: .admin)) }
        if let bundled { folders.append(RuleFolder(path: bundled, role: .bundled)) }
        self.folders = folders
    }

    /// Parses one rule file on its own (for `winnow rules check FILE`): the rule name comes from the file
    /// name; fixtures are resolved beside it. `extends:` targets are not checked (they need the folders).
    public static func parseFile(atPath path: String, mode: RuleMode = .strict) -> ParsedRuleFile {
        let fileName = (path as NSString).lastPathComponent
        let name = (fileName.hasSuffix(".txt") ? String(fileName.dropLast(4)) : fileName).lowercased()
        var problems: [RuleDiagnostic] = []
        if !RuleNames.isValid(name) {
            problems.append(RuleDiagnostic(.warning, .fileName, at: SourceLocation(file: path, line: 0),
                                           "'\(fileName)' is not named after a host; it would be skipped in a rule folder"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let empty = SiteRule(name: name, path: path, directives: [], tests: [], extends: [], isUsable: false)
            return ParsedRuleFile(rule: empty, diagnostics: problems + [
                RuleDiagnostic(.error, .unreadable, at: SourceLocation(file: path, line: 0), "rule file cannot be read"),
            ])
        }
        let parsed = RuleParser(mode: mode).parse(String(decoding: data, as: UTF8.self), name: name, path: path)
        let folder = RuleFolder(path: (path as NSString).deletingLastPathComponent, role: .user, mode: mode)
        let (rule, fixtureProblems) = RuleLoader(folders: [folder]).resolveFixtures(parsed.rule, folder: folder)
        return ParsedRuleFile(rule: rule, diagnostics: problems + parsed.diagnostics + fixtureProblems)
    }

    /// Loads every folder. Missing folders are reported as warnings (an unset admin folder is normal).
    public func load() -> RuleLibrary {
        var definitions: [String: [SiteRule]] = [:]
        var diagnostics: [RuleDiagnostic] = []
        var filesRead = 0
        var filesReadPerFolder: [String: Int] = [:]
        let fileManager = FileManager.default
        for folder in folders {
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: folder.path).sorted()
            } catch {
                diagnostics.append(RuleDiagnostic(.warning, .unreadable, at: SourceLocation(file: folder.path, line: 0),
                                                  "rule folder cannot be read; skipped"))
                continue
            }
            var folderFiles = 0
            for fileName in names where fileName.hasSuffix(".txt") {
                let path = (folder.path as NSString).appendingPathComponent(fileName)
                let ruleName = String(fileName.dropLast(4)).lowercased()
                guard RuleNames.isValid(ruleName) else {
                    diagnostics.append(RuleDiagnostic(.warning, .fileName, at: SourceLocation(file: path, line: 0),
                                                      "'\(fileName)' is not named after a host (example.com.txt, .example.com.txt or global.txt); skipped"))
                    continue
                }
                guard let data = fileManager.contents(atPath: path) else {
                    diagnostics.append(RuleDiagnostic(.error, .unreadable, at: SourceLocation(file: path, line: 0),
                                                      "rule file cannot be read"))
                    continue
                }
                filesRead += 1
                folderFiles += 1
                let text = String(decoding: data, as: UTF8.self)
                let parsed = RuleParser(mode: folder.mode).parse(text, name: ruleName, path: path)
                diagnostics += parsed.diagnostics
                let (rule, fixtureProblems) = resolveFixtures(parsed.rule, folder: folder)
                diagnostics += fixtureProblems
                definitions[ruleName, default: []].append(rule)
            }
            filesReadPerFolder[folder.path, default: 0] += folderFiles
        }
        diagnostics += checkExtends(definitions)
        return RuleLibrary(definitions: definitions, diagnostics: diagnostics, filesRead: filesRead,
                           filesReadPerFolder: filesReadPerFolder)
    }

    /// Resolves `test_fixture` paths against the rule's folder and reports missing files.
    func resolveFixtures(_ rule: SiteRule, folder: RuleFolder) -> (SiteRule, [RuleDiagnostic]) {
        var problems: [RuleDiagnostic] = []
        let tests = rule.tests.map { test -> RuleTest in
            guard let fixture = test.fixture else { return test }
            let path = (folder.path as NSString).appendingPathComponent(fixture)
            if !FileManager.default.fileExists(atPath: path) {
                let line = test.location.line
                problems.append(RuleDiagnostic(folder.mode == .strict ? .error : .warning, .missingFixture,
                                               at: SourceLocation(file: rule.path, line: line),
                                               "test_fixture '\(fixture)' not found at \(path)"))
                return test.resolvingFixture(to: nil)
            }
            return test.resolvingFixture(to: path)
        }
        let usable = rule.isUsable && !(folder.mode == .strict && !problems.isEmpty)
        return (SiteRule(name: rule.name, path: rule.path, directives: rule.directives, tests: tests,
                         extends: rule.extends, isUsable: usable), problems)
    }

    /// Reports `extends:` lines whose target is missing or that close a cycle.
    private func checkExtends(_ definitions: [String: [SiteRule]]) -> [RuleDiagnostic] {
        let library = RuleLibrary(definitions: definitions, diagnostics: [], filesRead: 0)
        var problems: [RuleDiagnostic] = []
        var reported: Set<SourceLocation> = []
        for name in definitions.keys.sorted() {
            for rule in definitions[name] ?? [] where rule.isUsable {
                var path: [String] = []
                func walk(_ rule: SiteRule) {
                    path.append(rule.path)
                    defer { path.removeLast() }
                    for reference in rule.extends {
                        guard let base = library.target(of: reference, from: rule) else {
                            if reported.insert(reference.location).inserted {
                                problems.append(RuleDiagnostic(.error, .extendsProblem, at: reference.location,
                                                               "extends '\(reference.name)': no such rule file"))
                            }
                            continue
                        }
                        if path.contains(base.path) {
                            if reported.insert(reference.location).inserted {
                                let cycle = (path + [base.path]).map { ($0 as NSString).lastPathComponent }
                                problems.append(RuleDiagnostic(.error, .extendsProblem, at: reference.location,
                                                               "extends cycle: \(cycle.joined(separator: " -> "))"))
                            }
                            continue
                        }
                        walk(base)
                    }
                }
                walk(rule)
            }
        }
        return problems
    }
}
