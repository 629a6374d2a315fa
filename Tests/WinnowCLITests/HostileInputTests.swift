import Foundation
import Testing
import WinnowTestSupport

/// Hostile pages through the `winnow` binary (the release build under scripts/test): each ends in the story or
/// in one error line, never a crash; hostile titles and URLs never write outside `--output-dir`.
@Suite struct HostileInputTests {
    static let story = "The story at the bottom is kept. It has several sentences, with commas, so that it reads as prose."

    static func deepPage(_ opening: String, depth: Int) -> [UInt8] {
        var html = Array("<html><head><title>Deep</title></head><body>".utf8)
        let unit = Array(opening.utf8)
        for _ in 0..<depth { html += unit }
        return html + Array("<p>\(story)</p></body></html>".utf8)
    }

    @Test("extract on 300,000 nested <div> and 150,000 nested <ul><li> prints the story (the lists crashed it before)",
          arguments: [("<div>", 300_000), ("<ul><li>", 150_000), ("<span><table><b><li><section>", 60_000)])
    func deepNesting(opening: String, depth: Int) throws {
        let file = try BadInputTests.write(Self.deepPage(opening, depth: depth), named: "deep.html")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLITests.winnow(["extract", file.path, "--format", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(Self.story))
    }

    @Test("extract on a page with NUL bytes inside its tags keeps the text after them")
    func nulBytes() throws {
        let html = Array("<html><head><title>T\u{0}itle</title></head><body><d\u{0}iv class=\"a\u{0}\"><p>\(Self.story)</p></div></body></html>".utf8)
        let file = try BadInputTests.write(html, named: "nul.html")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLITests.winnow(["extract", file.path, "--format", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Title\n\n\(Self.story)\n")
    }

    @Test("fetch --output-dir with hostile titles and URLs writes inside the directory only")
    func hostileTitlesStayInside() throws {
        let titles = ["../../etc/passwd", "/abs/path", "..", "CON", "nul\u{0}title", String(repeating: "long ", count: 2000),
                      "%2e%2e/%2e%2e/x"]
        let server = try TestHTTPServer { request in
            let index = Int(request.path.split(separator: "/").last ?? "") ?? 0
            let title = titles[index % titles.count]
            let page = "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(Self.story)</p></article></body></html>"
            return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
        }
        defer { server.stop() }
        let parent = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("out")
        var urls = titles.indices.map { server.url("/%2e%2e/%2e%2e/\($0)") }
        urls[0] = server.url("/../../0")
        let run = try CLITests.winnow(["fetch", "--allow-private-networks", "--output-dir", output.path] + urls)
        #expect(run.status == 0, "\(run.stderr)")
        let inParent = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(inParent == ["out"])
        let files = (FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? [])
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } && $0.contains("/") }
        #expect(files.count == titles.count, "\(files) \(run.stdout) \(run.stderr)")
        for file in files {
            let components = file.split(separator: "/")
            #expect(components.count == 2, "\(file)")  // <site>/<slug>.<ext>
            #expect(!components.contains { $0 == ".." || $0 == "." || $0.utf8.count > 255 }, "\(file)")
        }
    }
}
