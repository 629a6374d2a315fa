import Foundation
import Testing
import WinnowDemoSite
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The bundled demo site, samples/site: every story reachable, every internal link alive, the feeds and
/// sitemaps well-formed XML, the gzipped sitemap a valid gzip member, robots.txt as documented.
@Suite struct SampleSiteTests {
    static let site = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/site")

    /// Root-relative paths (`/news/2025/06/x.html`) of every article page: news/YYYY/MM/*.html.
    static func articlePaths() throws -> [String] {
        let news = site.appendingPathComponent("news")
        let files = FileManager.default.enumerator(atPath: news.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.range(of: #"^\d{4}/\d{2}/[a-z0-9-]+\.html$"#, options: .regularExpression) != nil }
            .map { "/news/" + $0 }.sorted()
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(String(path.drop { $0 == "/" })), encoding: .utf8)
    }

    /// Root-relative `href`/`src` values in an HTML page, without query or fragment.
    static func localLinks(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)\s*=\s*"(/[^"]*)""#, options: [.caseInsensitive])
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }.filter { !$0.hasPrefix("//") }.map(stripQuery)
    }

    static func stripQuery(_ link: String) -> String {
        String(link.prefix { $0 != "?" && $0 != "#" })
    }

    /// The file a root-relative path names (`index.html` for a folder), or nil.
    static func file(for path: String) -> URL? {
        var url = site.appendingPathComponent(String(path.drop { $0 == "/" }))
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { url.appendPathComponent("index.html") }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    @Test func thereAreTenToTwelveArticles() throws {
        let articles = try Self.articlePaths()
        #expect((10...12).contains(articles.count), "\(articles)")
    }

    @Test func everyArticleIsReachableFromTheFrontPageOrTheFeed() throws {
        // Follow links page to page from the front page, as a crawler would.
        var reached: Set<String> = ["/"]
        var queue = ["/"]
        while let path = queue.popLast() {
            guard let url = Self.file(for: path), url.pathExtension == "html" else { continue }
            for link in Self.localLinks(in: try String(contentsOf: url, encoding: .utf8)) where !reached.contains(link) {
                reached.insert(link)
                queue.append(link)
            }
        }
        let feedLinks = try FeedReader.read("/feed.xml").links.map(Self.stripQuery)
        let sectionLinks = Set(Self.localLinks(in: try Self.read("/news/index.html")))
        for article in try Self.articlePaths() {
            #expect(reached.contains(article) || feedLinks.contains(article), "\(article) is unreachable")
            #expect(sectionLinks.contains(article), "\(article) is missing from /news/")
        }
        #expect(reached.contains("/news/"))
    }

    @Test func everyLocalLinkPointsAtAFile() throws {
        let pages = (FileManager.default.enumerator(atPath: Self.site.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 13)
        for page in pages {
            for link in Self.localLinks(in: try Self.read("/" + page)) {
                #expect(Self.file(for: link) != nil, "\(page) links to missing \(link)")
            }
        }
    }

    @Test func theRSSFeedHoldsTheSixNewestStoriesWithDates() throws {
        let feed = try FeedReader.read("/feed.xml")
        #expect(feed.root == "rss")
        #expect(feed.links.count == 6)
        #expect(feed.dates.count == 6)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let dates = feed.dates.compactMap { formatter.date(from: $0) }
        #expect(dates.count == 6, "\(feed.dates)")
        #expect(dates == dates.sorted(by: >))
        // The six newest are the first six on the section page (newest first).
        let section = Self.localLinks(in: try Self.read("/news/index.html")).filter { $0.hasPrefix("/news/20") }
        #expect(feed.links.map(Self.stripQuery) == Array(section.prefix(6)))
        for link in feed.links { #expect(Self.file(for: Self.stripQuery(link)) != nil, "\(link)") }
    }

    @Test func theAtomFeedIsADifferentSubset() throws {
        let atom = try FeedReader.read("/atom.xml")
        let rss = try FeedReader.read("/feed.xml")
        #expect(atom.root == "feed")
        #expect(atom.links.count >= 3)
        #expect(Set(atom.links) != Set(rss.links.map(Self.stripQuery)))
        for link in atom.links { #expect(Self.file(for: link) != nil, "\(link)") }
    }

    @Test func oneStoryHasTwoURLsAndACanonicalLink() throws {
        // The RSS feed links one story with tracking parameters; the Atom feed links it plainly, and the page's
        // rel=canonical names the plain URL: a crawler that follows both feeds should store the story once.
        let rss = try FeedReader.read("/feed.xml").links
        let tracked = try #require(rss.first { $0.contains("utm_source=feed") })
        let plain = Self.stripQuery(tracked)
        #expect(try FeedReader.read("/atom.xml").links.contains(plain))
        let html = try Self.read(plain)
        #expect(html.contains("<link rel=\"canonical\" href=\"\(plain)\">"))
    }

    @Test func sitemapsAreWellFormedAndPointAtRealFiles() throws {
        let index = try FeedReader.read("/sitemap.xml")
        #expect(index.root == "sitemapindex")
        #expect(index.locations == ["/sitemap-news.xml", "/sitemap-archive.xml.gz"])
        let news = try FeedReader.read("/sitemap-news.xml")
        #expect(news.root == "urlset")
        let archive = try FeedReader.parse(try Self.gunzip("sitemap-archive.xml.gz"))
        #expect(archive.root == "urlset")
        let listed = Set(news.locations + archive.locations)
        for location in listed { #expect(Self.file(for: location) != nil, "\(location)") }
        for article in try Self.articlePaths() { #expect(listed.contains(article), "\(article) not in a sitemap") }
    }

    @Test func theGzippedSitemapIsAValidMemberOfItsSource() throws {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-t", Self.site.appendingPathComponent("sitemap-archive.xml.gz").path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
        let bytes = try Data(contentsOf: Self.site.appendingPathComponent("sitemap-archive.xml.gz"))
        #expect(bytes.prefix(2) == Data([0x1F, 0x8B]))
        #expect(bytes[4..<8] == Data([0, 0, 0, 0]), "gzip -n: no timestamp, so the bytes are reproducible")
        #expect(try Self.gunzip("sitemap-archive.xml.gz") == (try Data(contentsOf: Self.site.appendingPathComponent("sitemap-archive.xml"))))
    }

    @Test func robotsDisallowsPrivateAndNamesNoRelativeSitemap() throws {
        let robots = try Self.read("/robots.txt")
        let rules = robots.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(rules.contains("User-agent: *"))
        #expect(rules.contains("Disallow: /private/"))
        #expect(!rules.contains { $0.lowercased().hasPrefix("sitemap:") })
        // The private page exists (a crawler that ignores robots.txt would find it from the front page) but is
        // in no feed and no sitemap.
        #expect(Self.file(for: "/private/dredging-plan-draft.html") != nil)
        #expect(Self.localLinks(in: try Self.read("/index.html")).contains("/private/dredging-plan-draft.html"))
        for source in ["/feed.xml", "/atom.xml", "/sitemap-news.xml"] {
            #expect(!(try Self.read(source)).contains("/private/"))
        }
    }

    @Test func everyArticleCarriesTheChaffItIsThereToShow() throws {
        for article in try Self.articlePaths() {
            let html = try Self.read(article)
            let lower = html.lowercased()
            #expect(html.contains("Next Story"), "\(article)")
            #expect(html.contains("Related Articles"), "\(article)")
            #expect(lower.contains("cookie"), "\(article)")
            #expect(lower.contains("comment"), "\(article)")
            #expect(lower.contains("share") || lower.contains("social"), "\(article)")
            #expect(lower.contains("subscribe") || lower.contains("sign up") || lower.contains("newsletter"), "\(article)")
            #expect(!lower.contains("http://127.0.0.1") && !lower.contains("localhost"), "\(article): links must be root-relative")
        }
    }

    @Test func theServerServesTheSiteWithTheRightTypes() throws {
        let server = try StaticSiteServer(root: Self.site.path)
        defer { server.stop() }
        let checks: [(String, String)] = [
            ("/", "text/html; charset=utf-8"), ("/news/", "text/html; charset=utf-8"),
            ("/feed.xml", "application/xml"), ("/atom.xml", "application/xml"), ("/sitemap.xml", "application/xml"),
            ("/sitemap-archive.xml.gz", "application/gzip"), ("/robots.txt", "text/plain; charset=utf-8"),
            ("/css/site.css", "text/css; charset=utf-8"), ("/img/logo.png", "image/png"),
        ]
        for (path, type) in checks {
            let response = try RawHTTPClient.request(port: server.port, path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
        }
        let gz = try RawHTTPClient.request(port: server.port, "/sitemap-archive.xml.gz")
        #expect(Data(gz.body) == (try Data(contentsOf: Self.site.appendingPathComponent("sitemap-archive.xml.gz"))))
        let tracked = try RawHTTPClient.request(port: server.port, "/news/2025/06/library-late-hours.html?utm_source=feed&utm_medium=rss")
        #expect(tracked.status == 200)
    }

    static func gunzip(_ name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", site.appendingPathComponent(name).path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ClientError("gzip -dc \(name) failed") }
        return data
    }
}

/// What the site tests need from a feed or sitemap, read with Foundation's XMLParser (which also proves the
/// document well-formed: `parse()` fails on the first error).
final class FeedReader: NSObject, XMLParserDelegate {
    private(set) var root: String?
    /// RSS `<link>` of items, Atom `<link rel=alternate href>` of entries.
    private(set) var links: [String] = []
    /// RSS `<pubDate>` texts.
    private(set) var dates: [String] = []
    /// Sitemap `<loc>` texts.
    private(set) var locations: [String] = []
    private var path: [String] = []
    private var text = ""

    static func read(_ path: String) throws -> FeedReader {
        try parse(Data(contentsOf: SampleSiteTests.site.appendingPathComponent(String(path.drop { $0 == "/" }))))
    }

    static func parse(_ data: Data) throws -> FeedReader {
        let reader = FeedReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse() else {
            throw ClientError("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "link", path.last == "entry", attributes["rel", default: "alternate"] == "alternate",
           let href = attributes["href"] {
            links.append(href)
        }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch (name, path.last) {
        case ("link", "item"): links.append(value)
        case ("pubDate", "item"): dates.append(value)
        case ("loc", _): locations.append(value)
        default: break
        }
        text = ""
    }
}
