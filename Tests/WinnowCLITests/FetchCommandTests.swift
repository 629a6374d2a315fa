import Foundation
import Testing
import WinnowTestSupport

/// `winnow fetch` end to end against a server the test starts on 127.0.0.1.
@Suite struct FetchCommandTests {
    static func server() throws -> TestHTTPServer {
        let story = try Data(contentsOf: URL(fileURLWithPath: CLITests.fixture("story.html")))
        return try TestHTTPServer { request in
            switch request.path {
            case "/story":
                return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: [UInt8](story))
            case "/moved": return ServerReply(status: 301, headers: [("Location", "/story")])
            default: return .text("nothing here", status: 404)
            }
        }
    }

    @Test func printsTheStoryWithItsHeader() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/moved")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Harbor Ferry Line Adds Night Crossings"))
        #expect(run.stdout.contains("Marta Velloso"))
        #expect(run.stdout.contains("recover from ticket sales within two summers"))
        #expect(!run.stdout.contains("Tram Depot"))
    }

    @Test func jsonReportsTheFinalURLAfterRedirects() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/moved"), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["url"] as? String == server.url("/story"))
        #expect(object?["canonical_url"] as? String == "https://courier.example/city/harbor-ferry-night-crossings")
    }

    @Test func writesOneFilePerStory() throws {
        let server = try Self.server()
        defer { server.stop() }
        let output = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/story"), "--output-dir", output.path, "--format", "markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") } ?? []
        #expect(files.count == 1, "\(files)")
        let markdown = try String(contentsOf: output.appendingPathComponent(files.first ?? ""), encoding: .utf8)
        #expect(markdown.hasPrefix("---\n"))
        #expect(markdown.contains("title: Harbor Ferry Line Adds Night Crossings After Record Summer"))
    }

    @Test func httpErrorIsOneLineAndNonZero() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/missing")])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("404"))
        #expect(run.stdout.isEmpty)
    }

    @Test func refusedConnectionIsOneLineAndNonZero() throws {
        let port = try TestHTTPServer.unusedPort()
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", "http://127.0.0.1:\(port)/"])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func privateAddressesAreRefusedUnlessAllowed() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", server.url("/story")])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: \(server.url("/story")): refused to connect to 127.0.0.1, a loopback (127.0.0.0/8) "
                + "address: private networks are not allowed (pass --allow-private-networks to allow)\n", "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(server.stats.connections == 0)
        for command in [["explain"], ["rules", "new"]] {
            let refused = try CLITests.winnow(command + [server.url("/story")])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("private networks are not allowed (pass --allow-private-networks to allow)"),
                    "\(command): \(refused.stderr)")
        }
        #expect(server.stats.connections == 0)
    }

    @Test func oneBadURLDoesNotLoseTheOthers() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/story"), server.url("/missing"), "--bare"])
        #expect(run.status != 0)
        #expect(run.stdout.contains("Gull Island"))
        #expect(run.stderr.contains("/missing"))
        #expect(run.stderr.contains("1 of 2 URLs failed"))
    }

    /// A server of distinct stories (`/s/N`), a 404 (`/missing`) and a page that never answers (`/stall`).
    /// Later stories answer sooner, so transfers finish in the reverse of the order given.
    static func storyServer() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            switch request.path {
            case "/missing": return .text("nothing here", status: 404)
            case "/stall": return ServerReply(stall: true)
            default:
                guard request.path.hasPrefix("/s/"), let n = Int(request.path.dropFirst(3)) else {
                    return .text("bad path", status: 400)
                }
                return ServerReply(
                    headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(numberedStory(n).utf8),
                    delay: .milliseconds(max(0, 400 - n * 100)))
            }
        }
    }

    /// A story page whose every sentence names its number, so a story printed under the wrong URL shows.
    static func numberedStory(_ n: Int) -> String {
        """
        <html><head><title>Lantern festival report \(n)</title></head><body>
        <nav><a href="/">Home</a> <a href="/city">City</a></nav>
        <article><h1>Lantern festival report \(n)</h1>
        <p>Report \(n) begins on the river bank, where volunteers set out \(n) hundred paper lanterns before dusk \
        and the wind, for once, kept still long enough for every wick to catch.</p>
        <p>Report \(n) ends at midnight, when the last lantern drifted under the old bridge and the crowd went home.</p>
        </article>
        <aside class="related"><h3>Related Articles</h3><a href="/x">A different story entirely</a></aside>
        </body></html>
        """
    }

    @Test func batchKeepsTheOrderGivenAndReportsEachFailure() throws {
        let server = try Self.storyServer()
        defer { server.stop() }
        let urls = [server.url("/s/1"), server.url("/missing"), server.url("/s/2"), server.url("/stall"), server.url("/s/3")]
        let run = try CLITests.winnow(["fetch", "--allow-private-networks"] + urls + ["--timeout", "2", "--bare"])
        #expect(run.status == 1, "\(run.stderr)")
        // Each story once, under its own URL's position: 1, 2, 3.
        let starts = (1...3).map { run.stdout.range(of: "Report \($0) begins")?.lowerBound }
        #expect(starts.allSatisfy { $0 != nil }, "\(run.stdout)")
        if let one = starts[0], let two = starts[1], let three = starts[2] { #expect(one < two && two < three) }
        #expect(!run.stdout.contains("Related Articles"))
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix(server.url("/missing")) && $0.contains("404") }, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix(server.url("/stall")) && $0.contains("timed out") }, "\(run.stderr)")
        #expect(lines.last?.contains("2 of 5 URLs failed") == true, "\(run.stderr)")
    }

    @Test func batchWithoutFailuresExitsZero() throws {
        let server = try Self.storyServer()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/s/1"), server.url("/s/2"), server.url("/s/3"), "--bare"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let positions = (1...3).compactMap { run.stdout.range(of: "Report \($0) ends")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted(), "\(run.stdout)")
    }

    @Test func batchWritesEachStoryToItsOwnFile() throws {
        let server = try Self.storyServer()
        defer { server.stop() }
        let output = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let urls = (1...3).map { server.url("/s/\($0)") } + [server.url("/missing")]
        let run = try CLITests.winnow(["fetch", "--allow-private-networks"] + urls + ["--output-dir", output.path, "--format", "markdown"])
        #expect(run.status == 1, "\(run.stderr)")
        let files = (FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") }
        #expect(files.count == 3, "\(files)")
        for n in 1...3 {
            // stderr names the file each URL was written to; that file holds that URL's story and no other.
            let line = run.stderr.split(separator: "\n").first { $0.hasPrefix(server.url("/s/\(n)") + " -> ") }
            let path = try #require(line.map { String($0.split(separator: " -> ").last ?? "") }, "\(run.stderr)")
            let markdown = try String(contentsOfFile: path, encoding: .utf8)
            #expect(markdown.contains("title: Lantern festival report \(n)"))
            #expect(markdown.contains("Report \(n) begins"))
            for other in 1...3 where other != n { #expect(!markdown.contains("Report \(other) begins")) }
        }
    }

    /// A writer that died mid-write leaves a hidden temporary file; the next run with --output-dir sweeps the
    /// ones over an hour old and leaves a fresh one (another writer may own it) and every story alone.
    @Test func outputDirRunRemovesAbandonedTemporaryFiles() throws {
        let server = try Self.storyServer()
        defer { server.stop() }
        let output = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = output.appendingPathComponent("127.0.0.1")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let stale = site.appendingPathComponent(".old-story.md.tmp-4242-1f2e3d")
        let fresh = site.appendingPathComponent(".other-story.md.tmp-4343-abc")
        let story = site.appendingPathComponent("kept.md")
        for file in [stale, fresh, story] { try Data("partial".utf8).write(to: file) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: stale.path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: story.path)
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", server.url("/s/1"), "--output-dir", output.path, "--format", "markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
        #expect(FileManager.default.fileExists(atPath: story.path))
    }
}
