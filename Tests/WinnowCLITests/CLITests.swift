import Foundation
import Testing
import WinnowTestSupport

/// End-to-end tests of the `winnow` executable: arguments, exit codes, one-line errors, batch mode.
@Suite struct CLITests {
    /// The `winnow` binary under test: `$WINNOW_BINARY` when set (scripts/test points it at the release build,
    /// the binary users run), else the one built beside this test bundle. Never a silent fallback to another
    /// build: a missing binary fails the test that runs it.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["WINNOW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("winnow")
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `winnow` (or a copy of it at `executable`), optionally with its own environment and working directory.
    static func winnow(_ arguments: [String], stdin: Data? = nil, executable: URL = CLITests.executable,
                       environment: [String: String]? = nil, directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // stderr is drained on its own thread while stdout is read here: a child that fills one pipe while the
        // parent waits on the other would never finish (a sanitizer's report is larger than a pipe holds).
        let stderrBox = Shared(Data())
        let drained = DispatchSemaphore(value: 0)
        Thread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderrBox.withLock { $0 = data }
            drained.signal()
        }.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let stderrData = stderrBox.value
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func extractPrintsTheStoryAndNotTheChaff() throws {
        let run = try Self.winnow(["extract", Self.fixture("story.html")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("two additional crossings every evening"))
        #expect(run.stdout.contains("recover from ticket sales within two summers"))
        #expect(!run.stdout.contains("Related Articles"))
        #expect(!run.stdout.contains("Tram Depot Expansion"))
        #expect(!run.stdout.contains("We use cookies"))
    }

    @Test func extractReadsStandardInput() throws {
        let html = Data("<html><body><article><p>Standard input is a fine place for a page to come from, and this sentence proves the point well enough.</p></article></body></html>".utf8)
        let run = try Self.winnow(["extract", "-"], stdin: html)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Standard input is a fine place"))
    }

    @Test func frameworkAttributesDoNotSpillIntoTheStory() throws {
        // `@click="… > …"`: libxml2 would end the tag at the ">" inside the value (AttributeNameRepair).
        let paragraph = "The night ferry now waits for the last train, and the harbour office says the timetable holds until spring."
        let html = Data("""
            <html><body><article><p>\(paragraph)</p>
            <p @click.prevent="count = count > 0 ? count - 1 : 0">\(paragraph) A second sentence follows it here.</p>
            </article></body></html>
            """.utf8)
        let run = try Self.winnow(["extract", "--bare", "-"], stdin: html)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A second sentence follows it here."))
        #expect(!run.stdout.contains("count - 1"), "\(run.stdout)")
    }

    @Test func aPageAScriptBuildsGivesItsJSONLDArticleBody() throws {
        let body = (1...4).map { "Paragraph \($0) of the story about the harbour, long enough to read as prose for the extractor." }
            .joined(separator: #"\n\n"#)
        let html = Data(#"""
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "\#(body)"}</script>
            </head><body><div id="root"></div></body></html>
            """#.utf8)
        let run = try Self.winnow(["extract", "--bare", "--explain", "-"], stdin: html)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Paragraph 4 of the story"))
        #expect(run.stderr.contains("fallback:article-body"), "\(run.stderr)")
    }

    @Test(arguments: ["text", "markdown", "json", "html"])
    func everyFormatRenders(format: String) throws {
        let run = try Self.winnow(["extract", Self.fixture("story.html"), "--format", format, "--url", "https://courier.example/a"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Gull Island"))
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(object?["title"] as? String == "Harbor Ferry Line Adds Night Crossings After Record Summer")
        }
        if format == "markdown" { #expect(run.stdout.hasPrefix("---\n")) }
        if format == "html" { #expect(run.stdout.lowercased().hasPrefix("<!doctype html>")) }
    }

    @Test func explainListsDecisionsWithReasonsOnStderr() throws {
        let run = try Self.winnow(["extract", Self.fixture("story.html"), "--explain", "--bare"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Gull Island"), "the story still goes to stdout")
        #expect(!run.stdout.contains("decisions:"))
        #expect(run.stderr.contains("decisions:"))
        let dropped = run.stderr.split(separator: "\n").filter { $0.contains("dropped") }
        #expect(dropped.contains { $0.contains("cookie") && $0.contains("consent") }, "\(run.stderr)")
        #expect(dropped.contains { $0.contains("newsletter") }, "\(run.stderr)")
        #expect(run.stderr.contains("kept "))
        #expect(try Self.winnow(["extract", "--input-dir", "/tmp", "--output-dir", "/tmp/x", "--explain"]).status != 0)
    }

    @Test func missingFileIsOneLineErrorAndNonZeroExit() throws {
        let run = try Self.winnow(["extract", "/nonexistent/page.html"])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("/nonexistent/page.html"))
        #expect(run.stdout.isEmpty)
    }

    @Test func badArgumentsAreRejected() throws {
        #expect(try Self.winnow(["extract"]).status != 0)
        #expect(try Self.winnow(["extract", "--input-dir", "/tmp"]).status != 0)
        #expect(try Self.winnow(["extract", "x.html", "--format", "pdf"]).status != 0)
        #expect(try Self.winnow(["fetch", "ftp://example.com/"]).status != 0)
        #expect(try Self.winnow(["nonsense"]).status != 0)
    }

    @Test(arguments: [[], ["fetch"], ["extract"]])
    func everyCommandHasHelp(command: [String]) throws {
        let run = try Self.winnow(command + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }

    @Test(arguments: [["fetch"], ["extract"], ["explain"], ["rules", "check"], ["rules", "test"]])
    func helpDescribesTheRuleSearchPath(command: [String]) throws {
        let run = try Self.winnow(command + ["--help"])
        #expect(run.status == 0)
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("searched highest precedence first: --sites, $WINNOW_SITES"), "\(run.stdout)")
        #expect(help.contains("the admin folder (--admin-sites), <prefix>/share/winnow/sites"), "\(run.stdout)")
        #expect(help.contains("the sites/ folder of the checkout"), "\(run.stdout)")
    }

    @Test func batchWritesOneTextFilePerPage() throws {
        let input = try Self.temporaryDirectory(), output = try Self.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        let story = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("story.html")))
        for i in 0..<12 { try story.write(to: input.appendingPathComponent("page\(i).html")) }
        try Data("not a page".utf8).write(to: input.appendingPathComponent("notes.txt"))
        try Data("page3\thttps://courier.example/three\n".utf8).write(to: input.appendingPathComponent("manifest.tsv"))

        let run = try Self.winnow(["extract", "--input-dir", input.path, "--output-dir", output.appendingPathComponent("texts").path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("texts").path).sorted()
        #expect(written.count == 12)
        #expect(written.allSatisfy { $0.hasSuffix(".txt") })
        let text = try String(contentsOf: output.appendingPathComponent("texts/page0.txt"), encoding: .utf8)
        #expect(text.contains("Gull Island"))
        #expect(!text.contains("Tram Depot"))
    }

    @Test func batchOnMissingDirectoryFailsCleanly() throws {
        let run = try Self.winnow(["extract", "--input-dir", "/nonexistent-dir", "--output-dir", "/tmp/winnow-never"])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
