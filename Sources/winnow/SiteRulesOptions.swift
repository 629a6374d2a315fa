import ArgumentParser
import Foundation
import WinnowExtract
import WinnowFetch
import WinnowPipeline
import WinnowRules

/// Where site rules come from, shared by `fetch`, `extract`, `explain` and `rules`: the search path of
/// `RuleFolders`, with one warning line when it holds no folder at all.
struct SiteRulesOptions: ParsableArguments {
    @Option(name: .customLong("sites"), help: ArgumentHelp(
        "A folder of site rules (repeatable; the first given wins). Rule folders are searched highest precedence "
            + "first: --sites, $WINNOW_SITES (colon-separated folders), the admin folder (--admin-sites), "
            + "<prefix>/share/winnow/sites beside an installed <prefix>/bin/winnow, then the sites/ folder of the "
            + "checkout when run from its .build folder. Missing folders are skipped; `winnow rules check` lists "
            + "the folders in use.", valueName: "dir"))
    var sites: [String] = []

    @Option(help: ArgumentHelp("The operator's rule folder, below --sites and $WINNOW_SITES, above the rules "
                               + "shipped with Winnow (used when it exists).", valueName: "dir"))
    var adminSites: String = RuleFolders.defaultAdminDirectory

    @Flag(help: ArgumentHelp("Load --sites and $WINNOW_SITES folders in compatible mode (third-party collections: "
                             + "bad lines are skipped)."))
    var compat = false

    @Flag(help: "Do not apply site rules; generic extraction only.")
    var noRules = false

    func validate() throws {
        for folder in sites where !Self.isDirectory(folder) {
            throw ValidationError("--sites \(folder): no such directory")
        }
    }

    /// The effective folders, highest precedence first.
    var folders: RuleFolders {
        RuleFolders(sites: sites, admin: adminSites, userMode: compat ? .compatible : .strict)
    }

    /// One line on stderr when the search path holds no folder at all (a binary copied away from its rules),
    /// unless `--no-rules` says generic extraction is what was wanted.
    func warnIfMissing(_ folders: RuleFolders) {
        guard folders.isEmpty && !noRules else { return }
        let searched = folders.searched.map(\.path).joined(separator: ", ")
        FileHandle.standardError.write(Data(
            "winnow: warning: no site-rule folder found (searched: \(searched)); generic extraction only\n".utf8))
    }

    /// The loaded rules (nil with `--no-rules`). Rule errors do not stop extraction (a broken file is simply
    /// not applied); one line on stderr points at `winnow rules check`. No rule folder at all is one warning line.
    func library(quiet: Bool = false) -> RuleLibrary? {
        guard !noRules else { return nil }
        let folders = self.folders
        if !quiet { warnIfMissing(folders) }
        let library = folders.load()
        let errors = library.errors.count
        if errors > 0 && !quiet {
            FileHandle.standardError.write(Data(
                "winnow: site rules have \(errors) error\(errors == 1 ? "" : "s"); files with errors are not applied (see `winnow rules check`)\n".utf8))
        }
        return library
    }

    /// The pipeline over these rules.
    func pipeline(mode: ExtractionMode, quiet: Bool = false) -> StoryPipeline {
        StoryPipeline(library: library(quiet: quiet), mode: mode)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A page given on the command line as a URL (fetched, with the site's `http_header` rules) or a file.
struct LoadedPage {
    /// The page's bytes.
    let bytes: [UInt8]
    /// The page URL (after redirects when fetched; `--url` or nil for a file).
    let url: String?
    /// The HTTP Content-Type, when fetched.
    let contentType: String?

    /// Fetches `argument` when it is an http(s) URL, else reads it as a file (`-` for stdin).
    static func load(_ argument: String, url: String?, pipeline: StoryPipeline,
                     network: NetworkOptions, client shared: HTTPClient? = nil) async throws -> LoadedPage {
        guard URLArguments.looksLikeURL(argument) else {
            let bytes = argument == "-" ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : try readFile(argument)
            return LoadedPage(bytes: bytes, url: url, contentType: nil)
        }
        let client = try shared ?? HTTPClient(configuration: network.clientConfiguration())
        do {
            let response = try await StoryFetcher(client: client, pipeline: pipeline).fetchResponse(argument)
            if shared == nil { await client.shutdown() }
            return LoadedPage(bytes: response.body, url: url ?? response.url, contentType: response.contentType)
        } catch {
            if shared == nil { await client.shutdown() }
            if let error = error as? FetchError, error.code == .blockedAddress {
                throw CLIError("\(argument): \(NetworkOptions.explain(error))")
            }
            throw error
        }
    }
}
