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
        let run = try CLITests.winnow(["fetch", server.url("/moved")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Harbor Ferry Line Adds Night Crossings"))
        #expect(run.stdout.contains("Marta Velloso"))
        #expect(run.stdout.contains("recover from ticket sales within two summers"))
        #expect(!run.stdout.contains("Tram Depot"))
    }

    @Test func jsonReportsTheFinalURLAfterRedirects() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", server.url("/moved"), "--format", "json"])
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
        let run = try CLITests.winnow(["fetch", server.url("/story"), "--output-dir", output.path, "--format", "markdown"])
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
        let run = try CLITests.winnow(["fetch", server.url("/missing")])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("404"))
        #expect(run.stdout.isEmpty)
    }

    @Test func refusedConnectionIsOneLineAndNonZero() throws {
        let port = try TestHTTPServer.unusedPort()
        let run = try CLITests.winnow(["fetch", "http://127.0.0.1:\(port)/"])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func oneBadURLDoesNotLoseTheOthers() throws {
        let server = try Self.server()
        defer { server.stop() }
        let run = try CLITests.winnow(["fetch", server.url("/story"), server.url("/missing"), "--bare"])
        #expect(run.status != 0)
        #expect(run.stdout.contains("Gull Island"))
        #expect(run.stderr.contains("/missing"))
        #expect(run.stderr.contains("1 of 2 URLs failed"))
    }
}
