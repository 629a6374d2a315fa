import Foundation
import Testing

/// `winnow check-config`, end to end.
@Suite struct CheckConfigCommandTests {
    /// The commented example shipped for systemd installs.
    static var example: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../systemd/winnow.toml")
            .standardizedFileURL.path
    }

    /// Writes `text` to winnow.toml in a fresh folder and returns the folder.
    static func configFolder(_ text: String) throws -> URL {
        let folder = try CLITests.temporaryDirectory()
        try Data(text.utf8).write(to: folder.appendingPathComponent("winnow.toml"))
        return folder
    }

    @Test func acceptsTheSystemdExample() throws {
        let run = try CLITests.winnow(["check-config", Self.example])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "\(Self.example): 3 sources, 1 host override: OK\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func printsEveryDiagnosticThenTheSummaryAndFails() throws {
        let folder = try Self.configFolder("""
            [fetch]
            dealy = "2s"

            [[source]]
            feed = "https://example.com/rss"
            interval = true
            depth = 2
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLITests.winnow(["check-config", "winnow.toml"], directory: folder)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == """
            winnow.toml:2: error: unknown key `dealy` in [fetch]; did you mean `delay`?
            winnow.toml:6: error: `interval` must be a duration like "30s" (got true)
            winnow.toml:7: warning: `depth` applies only to `section` sources; ignored for a `feed`
            winnow.toml: 2 errors, 1 warning

            """)
        #expect(run.stderr.isEmpty)
    }

    @Test func warningsAloneStillPass() throws {
        let folder = try Self.configFolder("[[source]]\nsitemap = \"https://example.com/sitemap.xml\"\nmax_age = \"2d\"\n"
                                           + "[[source]]\nsection = \"https://example.com/news/\"\nmax_age = \"2d\"\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLITests.winnow(["check-config", "winnow.toml"], directory: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("winnow.toml: 2 sources, 0 host overrides: OK, 1 warning\n"), "\(run.stdout)")
    }

    @Test func aSyntaxErrorIsOneDiagnostic() throws {
        let folder = try Self.configFolder("[fetch\ndelay = 1\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLITests.winnow(["check-config", "winnow.toml"], directory: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("winnow.toml:1: error: invalid TOML in table header: expected ']'"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("winnow.toml: 1 error\n"), "\(run.stdout)")
    }

    @Test(arguments: ["/nonexistent/winnow.toml", "/tmp"])
    func aMissingOrUnreadableFileIsOneLine(path: String) throws {
        let run = try CLITests.winnow(["check-config", path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: \(path): "), "\(run.stderr)")
    }

    @Test func helpShowsAnExample() throws {
        let run = try CLITests.winnow(["check-config", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
        #expect(run.stdout.contains("$ winnow check-config winnow.toml\n"))
        #expect(run.stdout.contains("did you mean `delay`?"))
        #expect(try CLITests.winnow(["check-config"]).status != 0)
        #expect(try CLITests.winnow(["--help"]).stdout.contains("check-config"))
    }
}
