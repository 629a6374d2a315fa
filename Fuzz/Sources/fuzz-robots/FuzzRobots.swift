import WinnowCrawl

/// robots.txt: the input is the file. It is parsed, then asked about fixed paths, user agents and URLs, and
/// about the input's own first line as a path (so that rules and paths come from the same bytes).
/// Invariants: parsing is deterministic; `/robots.txt` is always allowed; the crawl delay is finite and >= 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRobots(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let robots = RobotsTxt(parsing: text)
    require(robots == RobotsTxt(parsing: text), "robots.txt parsing is not deterministic")
    let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r" })
    let paths = ["/", "/a/b?c=d", "/%7Efoo/%2F", "/index.html", "/private/x.php?id=1", "", "*", firstLine]
    for agent in ["Winnow", "*", "Winnow/0.1 (+https://example.org)", "googlebot", ""] {
        for path in paths { _ = robots.isAllowed(path, userAgent: agent) }
        require(robots.isAllowed("/robots.txt", userAgent: agent), "/robots.txt must always be allowed")
        if let delay = robots.crawlDelay(for: agent) {
            require(delay.isFinite && delay >= 0, "crawl-delay \(delay) is not a finite non-negative number")
        }
    }
    let policy = RobotsPolicy.from(status: 200, body: text)
    for url in ["https://example.com/", "http://example.com/a/../b?x=1", "https://example.com/" + firstLine] {
        _ = policy.isAllowed(url: url)
    }
    _ = robots.sitemaps.count
    return 0
}

/// `precondition` that also prints its message: release builds drop precondition messages, and the message is
/// what tells a finding's reader which invariant broke.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
