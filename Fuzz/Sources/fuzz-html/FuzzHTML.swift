import WinnowOutput
import WinnowPipeline

/// A page, the way `winnow extract` handles one: content sniffing, charset detection and HTML parse, the
/// generic extractor, then one renderer (chosen by the input's length, so all four are reached).
/// Errors (not a page, too large) are expected; crashes, hangs and sanitizer reports are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let contentTypes: [String?] = [nil, "text/html; charset=windows-1252", "text/html; charset=utf-8"]
    let formats = OutputFormat.allCases
    do {
        let story = try pipeline.extract(html: bytes, url: "https://example.com/news/2026/story.html",
                                         contentType: contentTypes[size % contentTypes.count])
        _ = Renderer.render(story.article, as: formats[size % formats.count])
    } catch {
        _ = "\(error)"
    }
    return 0
}

/// No site rules: the generic extractor, as for a host without a rule file.
let pipeline = StoryPipeline(library: nil)
