import Foundation
import Testing
import WinnowTestSupport

/// Bad input, tried as a new user would: each ends with its exit status and exactly one error line (plus, for a
/// usage mistake, one line pointing at `--help`), never a trace, a crash or a silent success.
@Suite struct BadInputTests {
    /// The error line of a run, after checking the shape of stderr: `Error: …`, then at most a help hint.
    static func errorLine(_ run: CLITests.Run, usage: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
        -> String
    {
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == (usage ? 2 : 1), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("Error: ") == true, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        if usage {
            #expect(lines.last?.hasPrefix("See 'winnow ") == true, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.status == 64, "usage errors exit 64 (EX_USAGE)", sourceLocation: sourceLocation)
        } else {
            #expect(run.status == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!run.stderr.contains("Backtrac") && !run.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        return lines.first ?? ""
    }

    static func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let directory = try CLITests.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    // MARK: extract: files that are not pages

    @Test func extractOfAnEmptyFile() throws {
        let file = try Self.write([], named: "empty.html")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLITests.winnow(["extract", file.path])
        #expect(Self.errorLine(run) == "Error: \(file.path): empty: nothing to extract")
        #expect(run.stdout.isEmpty)
    }

    @Test func extractOfDevNull() throws {
        let run = try CLITests.winnow(["extract", "/dev/null"])
        #expect(Self.errorLine(run) == "Error: /dev/null: empty: nothing to extract")
    }

    @Test func extractOfAnExecutable() throws {
        let run = try CLITests.winnow(["extract", "/bin/ls"])
        #expect(Self.errorLine(run) == "Error: /bin/ls: not a web page (application/x-executable)")
        #expect(run.stdout.isEmpty)
    }

    @Test func extractOfAPNGNamedHTML() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [UInt8](repeating: 0, count: 64)
        let file = try Self.write(png, named: "picture.html")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLITests.winnow(["extract", file.path])
        #expect(Self.errorLine(run) == "Error: \(file.path): not a web page (image/png)")
    }

    @Test func extractOfJSONFromStandardInput() throws {
        let run = try CLITests.winnow(["extract", "-"], stdin: Data(#"{"title": "not a page", "items": [1, 2]}"#.utf8))
        #expect(Self.errorLine(run) == "Error: standard input: not a web page (application/json)")
    }

    @Test func extractOfAPageWithNoStory() throws {
        let html = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>"
        let run = try CLITests.winnow(["extract", "-"], stdin: Data(html.utf8))
        #expect(Self.errorLine(run).hasPrefix("Error: standard input: no story text found"))
    }

    @Test func extractOfPlainTextPassesItThrough() throws {
        let text = "The quay wall was rebuilt in stone.\nIt took two winters.\n\nThe old bollards stayed where they were.\n"
        let run = try CLITests.winnow(["extract", "-", "--bare"], stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "The quay wall was rebuilt in stone. It took two winters.\n\nThe old bollards stayed where they were.\n")
    }

    // MARK: fetch: bodies that are not pages

    static func server() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/binary":  // no Content-Type at all, binary bytes
                return ServerReply(body: [0x00, 0x01, 0x02, 0x03, 0xFE, 0x10, 0x11] + [UInt8](repeating: 7, count: 200))
            case "/markdown":
                return ServerReply(headers: [("Content-Type", "text/markdown; charset=utf-8")],
                                   body: Array("# A heading\n\nSome *markdown* text that is not a page.\n".utf8))
            case "/json":
                return ServerReply(headers: [("Content-Type", "application/json")], body: Array(#"{"ok": true}"#.utf8))
            case "/listing":
                let html = """
                    <!DOCTYPE HTML><html><head><title>Directory listing for /files/</title></head><body>
                    <h1>Directory listing for /files/</h1><hr><ul><li><a href="a.txt">a.txt</a></li>
                    <li><a href="b.txt">b.txt</a></li><li><a href="sub/">sub/</a></li></ul><hr></body></html>
                    """
                return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
            case "/text":
                return .text("Harbour notice: the night ferry leaves at ten.\n\nTickets are sold on board.\n")
            case "/html-as-text":
                let html = "<!DOCTYPE html><html><head><title>Ferry notice</title></head><body><article><p>The harbour "
                    + "office says the night ferry will leave at ten from the north quay all through the summer season, "
                    + "weather permitting.</p></article></body></html>"
                return .text(html)
            default: return .text("nothing here", status: 404)
            }
        }
    }

    @Test(arguments: [
        ("/binary", "not a web page (application/octet-stream)"),
        ("/markdown", "not a web page (text/markdown)"),
        ("/json", "not a web page (application/json)"),
        ("/listing", "no story text found"),
    ])
    func fetchRefusesWhatIsNotAStory(path: String, reason: String) throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url(path)])
        let line = Self.errorLine(run)
        #expect(line.hasPrefix("Error: \(server.url(path)): \(reason)"), "\(line)")
        #expect(run.stdout.isEmpty)
    }

    @Test func fetchPassesPlainTextThroughAndReadsMislabelledHTML() throws {
        let server = try Self.server()
        defer { server.stop() }
        let text = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/text"), "--bare"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "Harbour notice: the night ferry leaves at ten.\n\nTickets are sold on board.\n")
        let html = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/html-as-text"), "--bare"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("night ferry will leave at ten"))
        #expect(!html.stdout.contains("<p>"))
    }

    // MARK: usage errors: one line and a pointer to --help

    @Test(arguments: [
        (["fetch", "https://a.example/", "--timeout", "-1"], "--timeout must be between 1 and 3600 seconds (got -1)"),
        (["fetch", "https://a.example/", "--timeout", "0"], "--timeout must be between 1 and 3600 seconds (got 0)"),
        (["fetch", "https://a.example/", "--max-size", "0"], "--max-size must be between 1 and 1024 MiB (got 0)"),
        (["fetch", "https://a.example/", "--max-redirects", "-3"], "--max-redirects must be between 0 and 50 (got -3)"),
        (["fetch", "https://a.example/", "--max-pages", "1000"], "--max-pages must be between 1 and 100 (got 1000)"),
        (["extract", "--input-dir", "/tmp", "--output-dir", "/tmp/o", "--jobs", "0"], "--jobs must be between 1 and 1024 (got 0)"),
        (["fetch", "ftp://a.example/file"], "ftp://a.example/file: unsupported URL scheme \"ftp\" (only http and https)"),
        (["fetch", "notaurl"], "notaurl: not a URL (give an http:// or https:// URL)"),
        (["explain", "ftp://a.example/page"], "ftp://a.example/page: unsupported URL scheme \"ftp\" (only http and https)"),
        (["rules", "new", "ftp://a.example/page"], "ftp://a.example/page: unsupported URL scheme \"ftp\" (only http and https)"),
        (["extract", "page.html", "--url", "notaurl"], "--url notaurl: not a URL (give an http:// or https:// URL)"),
        (["explain", "page.html", "--url", "mailto://x"], "--url mailto://x: unsupported URL scheme \"mailto\" (only http and https)"),
        (["rules", "new", "page.html", "--url", "http://"], "--url http://: invalid URL: No host part in the URL"),
        (["explain", "page.html", "--format", "json"], "Unknown option '--format'"),
        (["explain", "page.html", "--bare"], "Unknown option '--bare'"),
        (["fetch"], "Missing expected argument '<urls> ...'"),
        (["extract", "x.html", "--format", "pdf"], "The value 'pdf' is invalid for '--format <format>'"),
    ])
    func usageErrorIsOneLineWithAHelpHint(arguments: [String], message: String) throws {
        let run = try CLITests.winnow(arguments)
        let line = Self.errorLine(run, usage: true)
        #expect(line.hasPrefix("Error: \(message)"), "\(line)")
    }

    @Test func unknownCommandIsOneLine() throws {
        let run = try CLITests.winnow(["nonsense"])
        #expect(Self.errorLine(run, usage: true).contains("nonsense"))
    }

    // MARK: the same metadata in every format

    @Test(arguments: ["text", "markdown", "json", "html"])
    func everyFormatNamesTheCanonicalURLAndTheSameDate(format: String) throws {
        // A saved page read without --url: its canonical URL is the story's URL in every format.
        let run = try CLITests.winnow(["extract", CLITests.fixture("story.html"), "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("https://courier.example/city/harbor-ferry-night-crossings"))
        // Dates appear as extracted, ISO 8601, in every format.
        #expect(run.stdout.contains("2024-04-18T07:45:00+02:00"), "\(run.stdout.prefix(600))")
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(object?["url"] as? String == "https://courier.example/city/harbor-ferry-night-crossings")
            #expect(object?["published"] as? String == "2024-04-18T07:45:00+02:00")
        }
    }
}
