import Testing
@testable import WinnowPipeline

/// The page-or-not decision, from the declared Content-Type and the bytes.
@Suite struct ContentSnifferTests {
    typealias Verdict = ContentSniffer.Verdict

    static func classify(_ text: String, _ type: String? = nil) -> Verdict {
        ContentSniffer.classify(Array(text.utf8), contentType: type)
    }

    @Test func declaredHTMLIsAPageWhateverItLooksLike() {
        #expect(Self.classify("just words", "text/html; charset=utf-8") == .html)
        #expect(Self.classify("<html/>", "Application/XHTML+XML") == .html)
    }

    @Test func declaredHTMLThatIsPlainlyBinaryIsRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect(ContentSniffer.classify(png, contentType: "text/html") == .refused(mediaType: "image/png"))
        #expect(ContentSniffer.classify([0x1F, 0x8B, 0x08, 0, 0], contentType: "text/html; charset=utf-8")
            == .refused(mediaType: "application/x-gzip"))
        #expect(ContentSniffer.classify([0x01, 0x02, 0x41, 0x42], contentType: "text/html")
            == .refused(mediaType: "application/octet-stream"))
        // Markup first wins over stray control bytes later; UTF-16 without a BOM is markup, not binary.
        #expect(Self.classify("<p>a\u{01}b</p>", "text/html") == .html)
        let utf16LE: [UInt8] = "<html><body>text".utf8.flatMap { [$0, 0] }
        #expect(ContentSniffer.classify(utf16LE, contentType: "text/html; charset=utf-16le") == .html)
    }

    @Test(arguments: [
        "<!DOCTYPE html><html>", "\u{FEFF}  <html lang=en>", "<!-- saved page --> <head><meta charset=utf-8>",
        "<meta charset=\"utf-8\"><title>x</title>", "\n\n<div class=story>", "<P>Upper case</P>",
        "<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\">",
    ])
    func leadingMarkupWithoutATypeIsHTML(page: String) {
        #expect(Self.classify(page) == .html)
        #expect(Self.classify(page, "application/octet-stream") == .html)
    }

    @Test func utf16PagesAreRecognised() {
        let utf16LE: [UInt8] = [0xFF, 0xFE] + "<html><body>".utf8.flatMap { [$0, 0] }
        #expect(ContentSniffer.classify(utf16LE, contentType: nil) == .html)
    }

    @Test func emptyAndBlankBodies() {
        #expect(Self.classify("") == .empty)
        #expect(Self.classify(" \n\t\r\n", "text/html") == .empty)
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg"),
        (Array("GIF89a".utf8) + [1, 0], "image/gif"),
        (Array("%PDF-1.7\n".utf8), "application/pdf"),
        ([0x1F, 0x8B, 0x08, 0, 0, 0], "application/x-gzip"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], "application/zip"),
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "application/x-executable"),
        ([0, 0, 0, 0x18] + Array("ftypmp42".utf8), "video/mp4"),
        ([0x01, 0x02, 0x03, 0x41, 0x42], "application/octet-stream"),
    ] as [([UInt8], String)])
    func binarySignaturesAreRefusedByName(bytes: [UInt8], type: String) {
        #expect(ContentSniffer.classify(bytes, contentType: nil) == .refused(mediaType: type))
    }

    @Test func declaredOtherTypesAreRefusedWithThatType() {
        #expect(Self.classify("# Title\n\ntext", "text/markdown") == .refused(mediaType: "text/markdown"))
        #expect(Self.classify("{\"a\":1}", "application/json; charset=utf-8") == .refused(mediaType: "application/json"))
        #expect(Self.classify("<html>", "image/png") == .refused(mediaType: "image/png"))
    }

    @Test func xmlIsAPageOnlyWhenItsRootIsHTML() {
        #expect(Self.classify("<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "application/rss+xml")
            == .refused(mediaType: "application/rss+xml"))
        #expect(Self.classify("<?xml version='1.0'?><!-- c --><html xmlns='http://www.w3.org/1999/xhtml'/>", "text/xml")
            == .html)
        #expect(Self.classify("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>")
            == .refused(mediaType: "application/atom+xml"))
        #expect(Self.classify("<rss version='2.0'><channel/></rss>") == .refused(mediaType: "application/rss+xml"))
    }

    @Test func plainTextIsPassedThroughUnlessBinaryOrMarkup() {
        #expect(Self.classify("Harbour notice.\n\nTickets on board.", "text/plain") == .plainText)
        #expect(Self.classify("Harbour notice: no type given, words first.") == .plainText)
        #expect(Self.classify("<!doctype html><p>mislabelled</p>", "text/plain; charset=utf-8") == .html)
        #expect(Self.classify("text\u{0}with a NUL", "text/plain") == .refused(mediaType: "application/octet-stream"))
        // A line that starts with a bracket or a tag-like word is still prose.
        #expect(Self.classify("[Updated] The mayor spoke at noon.") == .plainText)
        #expect(Self.classify("<3 from the harbour team") == .plainText)
    }

    @Test func jsonWithoutATypeIsRefused() {
        #expect(Self.classify("  {\"items\": []}") == .refused(mediaType: "application/json"))
        #expect(Self.classify("[1, 2, 3]") == .refused(mediaType: "application/json"))
    }

    @Test func malformedContentTypesAreTreatedAsUnknown() {
        #expect(ContentSniffer.essence(of: "text/html ; charset=x") == "text/html")
        #expect(ContentSniffer.essence(of: "nonsense") == nil)
        #expect(Self.classify("<html>", "nonsense") == .html)
        #expect(Self.classify("<html>", "") == .html)
    }
}
