import Foundation
import Testing
import WinnowFetch
import WinnowPipeline
import WinnowTestSupport

/// Pages whose Content-Type or charset lies, fetched from a loopback server and run through `StoryFetcher`
/// (fetch, sniff, decode, extract): each ends with the story's true text or a clear `NotAPageError`, never with
/// garbage presented as a story.
@Suite("Fault injection: wrong content types and charsets through the pipeline")
struct PipelineFaultInjectionTests {
    /// The word every story carries, with one non-ASCII letter whose bytes differ between encodings.
    static let word = "café"

    /// An article page around `charsetMeta` (a whole `<meta>` tag, or empty), with `word` written as `wordBytes`.
    static func page(meta: String = "", wordBytes: [UInt8]) -> [UInt8] {
        func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }
        return ascii("<!DOCTYPE html><html><head>\(meta)<title>Harbour news</title></head><body>")
            + ascii("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>The quay</h1><p>The ")
            + wordBytes
            + ascii(" on the north quay opens before dawn, when the fishing boats come in and the auction hall ")
            + ascii("fills with buyers from the city who argue about the price of the first crates.</p><p>By noon the ")
            + wordBytes
            + ascii(" is quiet again, and the harbour master sits by the window writing up the day's landings in a ")
            + ascii("ledger that has been kept at the same table for more than forty years.</p></article></body></html>")
    }

    static let utf8Word = Array(word.utf8)          // 63 61 66 C3 A9
    static let windows1252Word: [UInt8] = [0x63, 0x61, 0x66, 0xE9]

    /// A fetcher without site rules, over a server answering every request with `reply`.
    struct Rig {
        let server: TestHTTPServer
        let fetcher: StoryFetcher

        init(_ reply: @escaping @Sendable (ServerRequest) -> ServerReply) throws {
            server = try TestHTTPServer(handler: reply)
            let configuration = HTTPClientConfiguration(
                connectTimeout: .seconds(5), totalTimeout: .seconds(10), proxy: .direct, allowPrivateNetworks: true)
            fetcher = StoryFetcher(client: try HTTPClient(configuration: configuration),
                                   pipeline: StoryPipeline(library: nil))
        }

        /// The story's plain text, or the error that stopped it.
        func story() async -> Result<String, any Error> {
            do {
                let fetched = try await fetcher.fetch(server.url("/story"))
                return .success(PipelineTestSupport.text(fetched.story))
            } catch {
                return .failure(error)
            }
        }

        func finish() async {
            await fetcher.client.shutdown()
            server.stop()
        }
    }

    static func reply(_ contentType: String?, _ body: [UInt8]) -> ServerReply {
        ServerReply(headers: contentType.map { [("Content-Type", $0)] } ?? [], body: body)
    }

    /// Fetches a page served as `contentType` with `body` and returns its text (failing the test on an error).
    static func text(_ contentType: String?, _ body: [UInt8]) async throws -> String {
        let rig = try Rig { _ in reply(contentType, body) }
        defer { rig.server.stop() }
        let result = await rig.story()
        await rig.finish()
        return try result.get()
    }

    /// Fetches a page served as `contentType` with `body` and returns the `NotAPageError` it must end with.
    static func refusal(_ contentType: String?, _ body: [UInt8]) async throws -> NotAPageError? {
        let rig = try Rig { _ in reply(contentType, body) }
        defer { rig.server.stop() }
        let result = await rig.story()
        await rig.finish()
        switch result {
        case .success(let text):
            Issue.record("expected NotAPageError, got a story: \(text.prefix(120))")
            return nil
        case .failure(let error):
            guard let refusal = error as? NotAPageError else {
                Issue.record("expected NotAPageError, got \(error)")
                return nil
            }
            return refusal
        }
    }

    // MARK: - Content types

    @Test("an HTML page with no Content-Type, or a generic one, is sniffed as HTML and extracted",
          arguments: [nil, "application/octet-stream", "text/plain; charset=utf-8", "unknown/unknown", "text"])
    func htmlUnderAMissingOrGenericType(contentType: String?) async throws {
        let text = try await Self.text(contentType, Self.page(meta: "<meta charset=\"utf-8\">", wordBytes: Self.utf8Word))
        #expect(text.contains("The café on the north quay"), "\(text)")
        #expect(!text.contains("Home"))
    }

    @Test("an HTML page declared as something else is refused with the declared type",
          arguments: ["image/jpeg", "application/json", "application/pdf", "text/css"])
    func htmlUnderAForeignType(contentType: String) async throws {
        let refusal = try await Self.refusal(contentType, Self.page(wordBytes: Self.utf8Word))
        #expect(refusal?.mediaType == contentType)
    }

    /// Binary bodies that a misconfigured server labels text/html.
    static let binaries: [(String, [UInt8])] = [
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR garbage".utf8)),
        ("application/pdf", Array("%PDF-1.7\n%\u{00E2}\u{00E3}\n1 0 obj << /Type /Catalog >> endobj".utf8)),
        ("application/x-gzip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF] + [UInt8](repeating: 0x5A, count: 64)),
        ("application/zip", [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)),
    ]

    @Test("binary data labelled text/html is refused by what it is, not extracted as a story",
          arguments: 0..<4)
    func binaryLabelledHTML(index: Int) async throws {
        let (type, bytes) = Self.binaries[index]
        let refusal = try await Self.refusal("text/html; charset=utf-8", bytes + [UInt8](repeating: 0x41, count: 2_000))
        #expect(refusal?.mediaType == type)
    }

    @Test("random binary bytes labelled text/html are refused as application/octet-stream")
    func noiseLabelledHTML() async throws {
        var generator = SplitMix64(seed: 13)
        let noise = (0..<4_096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let refusal = try await Self.refusal("text/html", noise)
        #expect(refusal?.mediaType == "application/octet-stream")
    }

    @Test("an empty 200 answer is refused as empty")
    func emptyBody() async throws {
        let refusal = try await Self.refusal("text/html", [])
        #expect(refusal == NotAPageError(mediaType: nil))
    }

    // MARK: - Charsets

    @Test("an unknown charset label in the header is ignored: the <meta> decides")
    func invalidHeaderLabel() async throws {
        let body = Self.page(meta: "<meta charset=\"windows-1252\">", wordBytes: Self.windows1252Word)
        for label in ["utf-42", "\"\"", "x-no-such-charset", "latin-9000"] {
            let text = try await Self.text("text/html; charset=\(label)", body)
            #expect(text.contains("The café on the north quay"), "charset=\(label): \(text.prefix(80))")
        }
    }

    @Test("unknown labels in both header and <meta>: the bytes decide (UTF-8 when valid, else windows-1252)")
    func invalidLabelsEverywhere() async throws {
        let meta = "<meta charset=\"x-bogus\">"
        let fromUTF8 = try await Self.text("text/html; charset=bogus", Self.page(meta: meta, wordBytes: Self.utf8Word))
        #expect(fromUTF8.contains("The café on the north quay"), "\(fromUTF8.prefix(80))")
        let fromLegacy = try await Self.text("text/html; charset=bogus",
                                             Self.page(meta: meta, wordBytes: Self.windows1252Word))
        #expect(fromLegacy.contains("The café on the north quay"), "\(fromLegacy.prefix(80))")
    }

    @Test("a UTF-8 byte-order mark beats both a header and a <meta> naming other encodings")
    func byteOrderMarkWins() async throws {
        let body = [0xEF, 0xBB, 0xBF] + Self.page(meta: "<meta charset=\"gbk\">", wordBytes: Self.utf8Word)
        let text = try await Self.text("text/html; charset=windows-1251", body)
        #expect(text.contains("The café on the north quay"), "\(text.prefix(80))")
    }

    @Test("no header charset, a stale <meta> naming a legacy encoding, UTF-8 bytes: read as UTF-8")
    func staleMetaOverUTF8() async throws {
        let text = try await Self.text("text/html", Self.page(meta: "<meta charset=\"shift_jis\">", wordBytes: Self.utf8Word))
        #expect(text.contains("The café on the north quay"), "\(text.prefix(80))")
    }

    @Test("no header charset, a <meta> naming windows-1252, windows-1252 bytes: decoded by the <meta>")
    func metaMatchesTheBytes() async throws {
        let text = try await Self.text("text/html",
                                       Self.page(meta: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                                                 wordBytes: Self.windows1252Word))
        #expect(text.contains("The café on the north quay"), "\(text.prefix(80))")
    }

    @Test("header UTF-8, <meta> windows-1251, bytes windows-1252: the header wins (HTML standard); the one bad byte is U+FFFD")
    func headerUTF8OverLegacyBytes() async throws {
        let body = Self.page(meta: "<meta charset=\"windows-1251\">", wordBytes: Self.windows1252Word)
        let text = try await Self.text("text/html; charset=utf-8", body)
        #expect(text.contains("The caf\u{FFFD} on the north quay"), "\(text.prefix(80))")
        #expect(text.filter { $0 == "\u{FFFD}" }.count == 2)
    }

    @Test("header ISO-8859-1, <meta> Shift_JIS, bytes UTF-8: the header wins (HTML standard), as windows-1252")
    func headerLegacyOverUTF8Bytes() async throws {
        let body = Self.page(meta: "<meta charset=\"shift_jis\">", wordBytes: Self.utf8Word)
        let text = try await Self.text("text/html; charset=ISO-8859-1", body)
        #expect(text.contains("The cafÃ© on the north quay"), "\(text.prefix(80))")
    }

    @Test("a header naming UTF-16 on ASCII-compatible bytes: the story's text, not UTF-16 garbage")
    func headerUTF16OnASCIIBytes() async throws {
        let text = try await Self.text("text/html; charset=utf-16", Self.page(wordBytes: Self.utf8Word))
        #expect(text.contains("The café on the north quay"), "\(text.prefix(80))")
    }
}

