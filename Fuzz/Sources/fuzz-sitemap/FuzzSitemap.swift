import WinnowSources

/// Sitemaps: the input is a response body (XML urlset / sitemapindex, plain-text list, or gzip of either).
/// A small size limit keeps decompression bombs cheap while still exercising the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSitemap(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let contentTypes: [String?] = [nil, "application/xml; charset=windows-1252", "text/plain"]
    do {
        let sitemap = try SitemapParser.parse(bytes, url: "https://example.com/sitemap.xml",
                                              contentType: contentTypes[size % contentTypes.count],
                                              maximumSize: 1 << 20)
        switch sitemap {
        case .urlSet(let entries):
            require(entries.count <= SitemapParser.maximumEntries, "too many sitemap entries")
            for entry in entries { require(!entry.url.isEmpty, "sitemap entry with an empty URL") }
        case .index(let references):
            for reference in references { require(!reference.url.isEmpty, "sitemap reference with an empty URL") }
        }
    } catch {
        _ = error.message
    }
    return 0
}

/// `precondition` that also prints its message: release builds drop precondition messages, and the message is
/// what tells a finding's reader which invariant broke.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
