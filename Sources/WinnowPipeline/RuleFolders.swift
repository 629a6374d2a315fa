import Foundation
import WinnowRules

/// Where site rules are read from, highest precedence first: the operator's admin folder, the user's
/// `--sites` folders in the order given, then the folder shipped with Winnow.
public struct RuleFolders: Sendable, Hashable {
    /// The default admin folder; used only when it exists.
    public static let defaultAdminDirectory = "/etc/winnow/sites"

    /// The admin folder, or nil for none.
    public var admin: String?
    /// User folders, in precedence order.
    public var user: [String]
    /// The bundled folder, or nil when it could not be found.
    public var bundled: String?
    /// How user folders are parsed (`--compat` loads third-party collections leniently).
    public var userMode: RuleMode

    /// Folders as given; missing admin/bundled folders are dropped so they do not produce warnings.
    public init(admin: String? = RuleFolders.defaultAdminDirectory, user: [String] = [],
                bundled: String? = RuleFolders.bundledDirectory(), userMode: RuleMode = .strict) {
        self.admin = admin.flatMap { RuleFolders.isDirectory($0) ? $0 : nil }
        self.user = user
        self.bundled = bundled.flatMap { RuleFolders.isDirectory($0) ? $0 : nil }
        self.userMode = userMode
    }

    /// The folders in precedence order, for the loader.
    public var folders: [RuleFolder] {
        RuleLoader(admin: admin, user: user, bundled: bundled, userMode: userMode).folders
    }

    /// Reads and validates every folder.
    public func load() -> RuleLibrary { RuleLoader(folders: folders).load() }

    /// The bundled `sites/` folder: `$WINNOW_SITES_DIR` if set; else `<exe dir>/../../sites` when it exists
    /// (running from `.build/<config>/` in a checkout; also
    /// three levels up for `.build/<triple>/<config>/`); else `<exe dir>/../share/winnow/sites` (installed
    /// under a prefix). Nil when none of them exists.
    public static func bundledDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = Bundle.main.executablePath
    ) -> String? {
        if let override = environment["WINNOW_SITES_DIR"], !override.isEmpty { return override }
        guard let executablePath else { return nil }
        let exeDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        // `.build/debug` is a link to `.build/<triple>/debug`, so the checkout is two or three levels up.
        for up in ["../../sites", "../../../sites"] {
            let checkout = exeDirectory.appendingPathComponent(up).standardizedFileURL.path
            if isDirectory(checkout) && FileManager.default.fileExists(atPath: checkout + "/README.md") { return checkout }
        }
        let installed = exeDirectory.appendingPathComponent("../share/winnow/sites").standardizedFileURL.path
        return isDirectory(installed) ? installed : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
