import WinnowSources

/// Feeds: the input is a response body. Errors are expected (not XML, not a feed); crashes and hangs are not.
/// Invariant: every item URL is non-empty.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The declared charset takes part in decoding; vary it with the input's length.
    let contentTypes: [String?] = [nil, "application/rss+xml; charset=iso-8859-1", "text/xml; charset=utf-16"]
    do {
        let feed = try FeedParser.parse(bytes, url: "https://example.com/news/feed.xml",
                                        contentType: contentTypes[size % contentTypes.count])
        for item in feed.items { require(!item.url.isEmpty, "feed item with an empty URL") }
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
