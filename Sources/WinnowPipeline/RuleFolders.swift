import Foundation
import WinnowRules

/// Where site rules are read from: a search path of folders, highest precedence first.
///
/// 1. `--sites DIR` folders, in the order given;
/// 2. the folders of `$WINNOW_SITES` (colon-separated), in order;
/// 3. the admin folder (`/etc/winnow/sites`, or `--admin-sites DIR`);
/// 4. `PREFIX/share/winnow/sites` for a binary installed as `PREFIX/bin/winnow` (`scripts/install`);
/// 5. the checkout's `sites/` for a binary run from the checkout's `.build` folder (`swift build`, `swift run`).
///
/// Every folder on the path that exists is read, each once; the others are skipped silently. When two folders
/// hold the same file name the higher one replaces the lower one (see `RuleLibrary.rule(named:)`).
public struct RuleFolders: Sendable, Hashable {
    /// Where a folder on the search path comes from; the raw value names it in messages.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// A `--sites DIR` option.
        case sitesOption = "--sites"
        /// An entry of `$WINNOW_SITES`.
        case environment = "WINNOW_SITES"
        /// The operator's folder (`/etc/winnow/sites` or `--admin-sites`).
        case admin
        /// `PREFIX/share/winnow/sites` beside an installed `PREFIX/bin/winnow`.
        case installed
        /// The `sites/` folder of the checkout the binary was built in.
        case checkout

        /// The loader's role: the user's folders, the admin folder, or the rules shipped with Winnow.
        public var role: RuleFolder.Role {
            switch self {
            case .sitesOption, .environment: .user
            case .admin: .admin
            case .installed, .checkout: .bundled
            }
        }
    }

    /// One place on the search path.
    public struct Entry: Sendable, Hashable {
        /// The folder's path.
        public let path: String
        /// Where it came from.
        public let source: Source

        /// An entry.
        public init(path: String, source: Source) {
            self.path = path
            self.source = source
        }
    }

    /// The default admin folder; used only when it exists.
    public static let defaultAdminDirectory = "/etc/winnow/sites"
    /// The environment variable holding extra rule folders, colon-separated.
    public static let environmentVariable = "WINNOW_SITES"

    /// Every place looked at, highest precedence first, whether it exists or not (for messages).
    public let searched: [Entry]
    /// The folders that exist, highest precedence first, each once.
    public let entries: [Entry]
    /// How the user's folders (`--sites`, `$WINNOW_SITES`) are parsed (`--compat` loads third-party
    /// collections leniently); Winnow's own and the admin folder are always strict.
    public var userMode: RuleMode

    /// The search path for these options, this environment and this executable, keeping the folders that exist.
    public init(sites: [String] = [], admin: String? = RuleFolders.defaultAdminDirectory,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = RuleFolders.currentExecutablePath(), userMode: RuleMode = .strict) {
        searched = Self.searchPath(sites: sites, admin: admin, environment: environment, executablePath: executablePath)
        var seen: Set<String> = []
        entries = searched.filter {
            Self.isDirectory($0.path) && seen.insert(URL(fileURLWithPath: $0.path).standardizedFileURL.path).inserted
        }
        self.userMode = userMode
    }

    /// True when no rule folder exists at all: only generic extraction is possible.
    public var isEmpty: Bool { entries.isEmpty }

    /// The folders in precedence order, for the loader.
    public var folders: [RuleFolder] {
        entries.map {
            RuleFolder(path: $0.path, role: $0.source.role, mode: $0.source.role == .user ? userMode : .strict)
        }
    }

    /// Reads and validates every folder.
    public func load() -> RuleLibrary { RuleLoader(folders: folders).load() }

    /// The search path, highest precedence first, without looking at the file system: the `sites` folders, the
    /// entries of `$WINNOW_SITES` (empty entries ignored), the admin folder, then, when the executable's path is
    /// known, `<exe dir>/../share/winnow/sites` and — when the executable lives under a `.build` folder
    /// (`.build`, `.build-*`, `.build_*`) — the `sites/` folder beside that `.build` folder.
    public static func searchPath(sites: [String], admin: String?, environment: [String: String],
                                  executablePath: String?) -> [Entry] {
        var path = sites.map { Entry(path: $0, source: .sitesOption) }
        for folder in (environment[environmentVariable] ?? "").split(separator: ":") {
            path.append(Entry(path: String(folder), source: .environment))
        }
        if let admin, !admin.isEmpty { path.append(Entry(path: admin, source: .admin)) }
        guard let executablePath else { return path }
        let directory = Array((executablePath as NSString).pathComponents.dropLast())
        if let last = directory.last, last != "/" {
            let installed = Array(directory.dropLast()) + ["share", "winnow", "sites"]
            path.append(Entry(path: NSString.path(withComponents: installed), source: .installed))
        }
        if let build = directory.lastIndex(where: isBuildFolder), build > 0 {
            let checkout = Array(directory[..<build]) + ["sites"]
            path.append(Entry(path: NSString.path(withComponents: checkout), source: .checkout))
        }
        return path
    }

    /// This process's executable, symbolic links resolved (a linked `bin/winnow` finds the rules of its target).
    public static func currentExecutablePath() -> String? {
        Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    /// A SwiftPM build folder: `.build`, or a scratch path such as `.build-release`.
    static func isBuildFolder(_ name: String) -> Bool {
        name == ".build" || name.hasPrefix(".build-") || name.hasPrefix(".build_")
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
