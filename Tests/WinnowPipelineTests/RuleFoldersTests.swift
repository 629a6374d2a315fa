import Foundation
import Testing
import WinnowPipeline
import WinnowRules

/// The site-rule search path: `--sites`, `$WINNOW_SITES`, the admin folder, an installed prefix, the checkout.
@Suite struct RuleFoldersTests {
    typealias Entry = RuleFolders.Entry

    @Test func searchPathListsEverySourceInPrecedenceOrder() {
        let path = RuleFolders.searchPath(
            sites: ["/home/ana/rules", "/srv/more-rules"], admin: "/etc/winnow/sites",
            environment: ["WINNOW_SITES": "/opt/team-rules::/opt/ftr", "HOME": "/home/ana"],
            executablePath: "/work/winnow/.build/x86_64-unknown-linux-gnu/debug/winnow")
        #expect(path == [
            Entry(path: "/home/ana/rules", source: .sitesOption),
            Entry(path: "/srv/more-rules", source: .sitesOption),
            Entry(path: "/opt/team-rules", source: .environment),
            Entry(path: "/opt/ftr", source: .environment),
            Entry(path: "/etc/winnow/sites", source: .admin),
            Entry(path: "/work/winnow/.build/x86_64-unknown-linux-gnu/share/winnow/sites", source: .installed),
            Entry(path: "/work/winnow/sites", source: .checkout),
        ])
        #expect(path.map(\.source.role) == [.user, .user, .user, .user, .admin, .bundled, .bundled])
    }

    @Test func installedBinaryLooksInItsPrefixOnly() {
        let path = RuleFolders.searchPath(sites: [], admin: "/etc/winnow/sites", environment: [:],
                                          executablePath: "/usr/local/bin/winnow")
        #expect(path == [
            Entry(path: "/etc/winnow/sites", source: .admin),
            Entry(path: "/usr/local/share/winnow/sites", source: .installed),
        ])
    }

    @Test func scratchBuildFoldersAreACheckoutToo() {
        for build in [".build", ".build-rules", ".build_release"] {
            let path = RuleFolders.searchPath(sites: [], admin: nil, environment: [:],
                                              executablePath: "/src/winnow/\(build)/release/winnow")
            #expect(path.last == Entry(path: "/src/winnow/sites", source: .checkout), "\(build)")
        }
        // A folder merely starting with ".build" is not a build folder.
        let other = RuleFolders.searchPath(sites: [], admin: nil, environment: [:],
                                           executablePath: "/src/.buildbot/bin/winnow")
        #expect(!other.contains { $0.source == .checkout })
    }

    @Test func emptyEnvironmentAndNoExecutableLeaveOptionsOnly() {
        #expect(RuleFolders.searchPath(sites: [], admin: nil, environment: ["WINNOW_SITES": ""],
                                       executablePath: nil).isEmpty)
        #expect(RuleFolders.searchPath(sites: ["a"], admin: "", environment: ["WINNOW_SITES": ":"],
                                       executablePath: nil) == [Entry(path: "a", source: .sitesOption)])
        #expect(RuleFolders.searchPath(sites: [], admin: nil, environment: [:], executablePath: "/winnow").isEmpty)
    }

    @Test func existingFoldersAreReadInOrderAndTheFirstFileWins() throws {
        let root = try PipelineTestSupport.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func make(_ folder: String, body: String) throws -> String {
            let path = (root as NSString).appendingPathComponent(folder)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data("body: \(body)\n".utf8).write(to: URL(fileURLWithPath: path + "/example.com.txt"))
            return path
        }
        let sites = try make("mine", body: "//main")
        let environment = try make("team", body: "//section")
        let admin = try make("etc", body: "//div")
        // A checkout whose .build folder also holds share/winnow/sites, so both bundled sources exist.
        let installed = try make("checkout/.build/share/winnow/sites", body: "//p")
        let checkout = try make("checkout/sites", body: "//article")
        let folders = RuleFolders(
            sites: [sites], admin: admin,
            environment: ["WINNOW_SITES": "\(environment):\(root)/missing:\(sites)"],
            executablePath: root + "/checkout/.build/debug/winnow", userMode: .compatible)
        #expect(folders.entries == [
            Entry(path: sites, source: .sitesOption),
            Entry(path: environment, source: .environment),
            Entry(path: admin, source: .admin),
            Entry(path: installed, source: .installed),
            Entry(path: checkout, source: .checkout),
        ], "missing folders are skipped and a folder given twice is read once, at its higher place")
        #expect(folders.searched.count == 7)
        #expect(folders.searched.contains(Entry(path: "\(root)/missing", source: .environment)))
        #expect(!folders.isEmpty)
        #expect(folders.folders.map(\.mode) == [.compatible, .compatible, .strict, .strict, .strict])

        let library = folders.load()
        #expect(library.diagnostics.isEmpty)
        #expect(library.definitions["example.com"]?.map { ($0.path as NSString).deletingLastPathComponent }
                == [sites, environment, admin, installed, checkout])
        #expect(library.rule(named: "example.com")?.directives.map(\.value) == ["//main"])
        #expect(folders.entries.allSatisfy { library.filesReadPerFolder[$0.path] == 1 })
    }

    @Test func noFolderAtAllIsEmptyButSaysWhereItLooked() {
        let folders = RuleFolders(sites: [], admin: "/nonexistent/winnow-admin",
                                  environment: ["WINNOW_SITES": "/nonexistent/winnow-team"],
                                  executablePath: "/nonexistent/prefix/bin/winnow")
        #expect(folders.isEmpty)
        #expect(folders.folders.isEmpty)
        #expect(folders.searched.map(\.path)
                == ["/nonexistent/winnow-team", "/nonexistent/winnow-admin", "/nonexistent/prefix/share/winnow/sites"])
        #expect(folders.load().filesRead == 0)
    }
}
