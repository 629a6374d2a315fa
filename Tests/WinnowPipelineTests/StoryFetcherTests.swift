import Foundation
import Synchronization
import Testing
import WinnowFetch
import WinnowPipeline
import WinnowRules
import WinnowTestSupport

/// Multi-page stories against a server on 127.0.0.1: next-page following, the loop guard, the page cap,
/// single-page links and per-site request headers.
@Suite struct StoryFetcherTests {
    static let rule = """
        http_header(x-winnow-probe): rules-sent-this
        body: //div[@class='page-body']
        next_page_link: //a[@rel='next']
        single_page_link: //a[@class='view-all']
        """

    /// Page `n` of a three-page story; page 3's "next" link goes back to page 1 (a loop).
    static func page(_ n: Int, next: String?, viewAll: String? = nil) -> String {
        let sentences = [
            1: "The first page tells how the lighthouse keeper found the logbook wedged behind the stove.",
            2: "On the second page the logbook's entries turn strange, listing ships that never sailed these waters.",
            3: "The third page ends the story: the keeper donates the logbook to the county archive in spring.",
        ]
        return """
            <html><head><title>Lighthouse logbook, page \(n)</title></head><body>
            <nav><a href="/">Home</a></nav>
            <h1>The Lighthouse Logbook</h1>
            <div class="page-body"><p>\(sentences[n] ?? "")</p>
            <p>Filler sentence number \(n) keeps the paragraph long enough to count as prose for any extractor.</p></div>
            \(next.map { "<a rel=\"next\" href=\"\($0)\">Next page</a>" } ?? "")
            \(viewAll.map { "<a class=\"view-all\" href=\"\($0)\">View as one page</a>" } ?? "")
            </body></html>
            """
    }

    final class Recorder: Sendable {
        let paths = Mutex<[String]>([])
        let probes = Mutex<[String]>([])
    }

    static func server(_ recorder: Recorder) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            recorder.paths.withLock { $0.append(request.path) }
            recorder.probes.withLock { $0.append(request.header("x-winnow-probe") ?? "") }
            let html: String
            switch request.path {
            case "/story/1": html = page(1, next: "/story/2")
            case "/story/2": html = page(2, next: "/story/3#continue")
            case "/story/3": html = page(3, next: "/story/1")
            case "/paged": html = page(1, next: "/story/2", viewAll: "/whole")
            case "/whole":
                html = """
                    <html><body><div class="page-body"><p>The whole story on one page: the keeper, the logbook and the \
                    archive, all told at once for readers who prefer it that way.</p></div></body></html>
                    """
            default: return .text("not found", status: 404)
            }
            return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
        }
    }

    static func fetcher(maximumPages: Int = 10) throws -> StoryFetcher {
        let pipeline = try PipelineTestSupport.pipeline(rule: rule, host: "127.0.0.1")
        return StoryFetcher(client: try HTTPClient(configuration: HTTPClientConfiguration(allowPrivateNetworks: true)), pipeline: pipeline, maximumPages: maximumPages)
    }

    @Test func followsThreePagesAndStopsAtTheLoop() async throws {
        let recorder = Recorder()
        let server = try Self.server(recorder)
        defer { server.stop() }
        let fetcher = try Self.fetcher()
        let fetched = try await fetcher.fetch(server.url("/story/1"))
        await fetcher.client.shutdown()
        let text = fetched.story.article.plainText
        #expect(fetched.pages.count == 3)
        #expect(fetched.stop == .followed(.alreadyVisited(server.url("/story/1"))))
        let first = try #require(text.range(of: "lighthouse keeper found the logbook"))
        let second = try #require(text.range(of: "ships that never sailed"))
        let third = try #require(text.range(of: "county archive in spring"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
        #expect(!text.contains("Next page"))
        #expect(recorder.paths.withLock { $0 } == ["/story/1", "/story/2", "/story/3"])
        // The rule's http_header went with every request.
        #expect(recorder.probes.withLock { $0 }.allSatisfy { $0 == "rules-sent-this" })
    }

    @Test func pageCapStopsFollowing() async throws {
        let recorder = Recorder()
        let server = try Self.server(recorder)
        defer { server.stop() }
        let fetcher = try Self.fetcher(maximumPages: 2)
        let fetched = try await fetcher.fetch(server.url("/story/1"))
        await fetcher.client.shutdown()
        #expect(fetched.pages.count == 2)
        #expect(fetched.stop == .followed(.pageLimit(2)))
        #expect(!fetched.story.article.plainText.contains("county archive"))
        #expect(recorder.paths.withLock { $0 } == ["/story/1", "/story/2"])
    }

    @Test func singlePageLinkReplacesThePagedStory() async throws {
        let recorder = Recorder()
        let server = try Self.server(recorder)
        defer { server.stop() }
        let fetcher = try Self.fetcher()
        let fetched = try await fetcher.fetch(server.url("/paged"))
        await fetcher.client.shutdown()
        #expect(fetched.stop == .singlePage(server.url("/whole")))
        #expect(fetched.story.article.plainText.contains("The whole story on one page"))
        #expect(!fetched.story.article.plainText.contains("ships that never sailed"))
        #expect(recorder.paths.withLock { $0 } == ["/paged", "/whole"])
    }

    @Test func aFailingLaterPageKeepsTheEarlierOnes() async throws {
        let pipeline = try PipelineTestSupport.pipeline(rule: Self.rule, host: "127.0.0.1")
        let server = try TestHTTPServer { request in
            if request.path == "/one" {
                return ServerReply(headers: [("Content-Type", "text/html")], body: Array(Self.page(1, next: "/gone").utf8))
            }
            return .text("gone", status: 410)
        }
        defer { server.stop() }
        let fetcher = StoryFetcher(client: try HTTPClient(configuration: HTTPClientConfiguration(allowPrivateNetworks: true)), pipeline: pipeline)
        let fetched = try await fetcher.fetch(server.url("/one"))
        await fetcher.client.shutdown()
        #expect(fetched.pages == [server.url("/one")])
        #expect(fetched.story.article.plainText.contains("lighthouse keeper found the logbook"))
        if case .failed(let url, _) = fetched.stop { #expect(url == server.url("/gone")) } else {
            Issue.record("expected a failed stop, got \(fetched.stop)")
        }
    }

    /// `fetchAll` puts each result in its URL's slot, whatever order the transfers finish in. Pages answer in
    /// reverse order (later URLs first) and every other URL fails, so a result that lands in the wrong slot, or
    /// loses its index (the Swift 6.3 `-O` tuple miscompile this guards against), shows up as a wrong story.
    @Test func fetchAllKeepsTheOrderGivenWithFailuresMixedIn() async throws {
        let count = 9
        let server = try TestHTTPServer { request in
            guard let n = Int(request.path.dropFirst("/n/".count)) else { return .text("no", status: 400) }
            let delay = Duration.milliseconds((count - n) * 40)
            if n % 2 == 1 { return ServerReply(status: 404, body: Array("missing \(n)".utf8), delay: delay) }
            let html = """
                <html><head><title>Story number \(n)</title></head><body><article><h1>Story number \(n)</h1>
                <p>This is story number \(n), told at enough length that every extractor keeps it as the page's \
                prose: the ferry ran late, the pier was crowded and the harbourmaster counted \(n) boats.</p>
                </article></body></html>
                """
            return ServerReply(headers: [("Content-Type", "text/html")], body: Array(html.utf8), delay: delay)
        }
        defer { server.stop() }
        let fetcher = StoryFetcher(client: try HTTPClient(configuration: HTTPClientConfiguration(allowPrivateNetworks: true)), pipeline: StoryPipeline(library: nil))
        let urls = (0..<count).map { server.url("/n/\($0)") }
        let results = await fetcher.fetchAll(urls)
        await fetcher.client.shutdown()
        #expect(results.count == count)
        for (n, result) in results.enumerated() {
            switch result {
            case .success(let fetched):
                #expect(n % 2 == 0, "URL \(n) should have failed")
                #expect(fetched.story.article.plainText.contains("harbourmaster counted \(n) boats"), "slot \(n)")
                #expect(fetched.pages == [urls[n]])
            case .failure(let error):
                #expect(n % 2 == 1, "URL \(n) should have succeeded: \(error)")
                #expect("\(error)".contains("404"), "slot \(n): \(error)")
                #expect("\(error)".contains("/n/\(n)"), "slot \(n): \(error)")
            }
        }
    }
}
