import Testing
@testable import WinnowCrawl

@Suite("URLFilter")
struct URLFilterTests {
    @Test("no include pattern accepts everything not excluded")
    func noInclude() throws {
        let everything = try URLFilter()
        #expect(everything.accepts("https://example.com/anything"))
        #expect(everything.accepts(""))
        let someExcluded = try URLFilter(exclude: ["/tag/"])
        #expect(someExcluded.accepts("https://example.com/news/1"))
        #expect(!someExcluded.accepts("https://example.com/tag/politics"))
    }

    @Test("include patterns are searched anywhere; any one suffices; exclude wins")
    func includeAndExclude() throws {
        let filter = try URLFilter(
            include: [#"^https://example\.com/news/\d{4}/"#, "/opinion/"],
            exclude: ["/video/", #"\.pdf$"#])
        #expect(filter.accepts("https://example.com/news/2024/story"))
        #expect(filter.accepts("https://example.com/opinion/column"))
        #expect(filter.accepts("https://other.org/section/opinion/x"))
        #expect(!filter.accepts("https://example.com/news/latest"))
        #expect(!filter.accepts("http://example.com/news/2024/story"))
        #expect(!filter.accepts("https://example.com/news/2024/video/clip"))
        #expect(!filter.accepts("https://example.com/opinion/paper.pdf"))
        #expect(filter.includePatterns.count == 2 && filter.excludePatterns.count == 2)
    }

    @Test("case-insensitive patterns work through inline flags")
    func inlineFlags() throws {
        let filter = try URLFilter(include: ["(?i)/NEWS/"])
        #expect(filter.accepts("https://example.com/news/1"))
        #expect(!filter.accepts("https://example.com/sport/1"))
    }

    @Test("a bad pattern is reported with the pattern and the reason on one line",
        arguments: [("a(b", [String](), "expected ')'"), ("ok", ["[z-a]"], "z"), ("ok", ["*x"], "quantifier")])
    func badPattern(_ include: String, _ exclude: [String], _ reasonFragment: String) {
        let bad = exclude.first ?? include
        do {
            _ = try URLFilter(include: [include], exclude: exclude)
            Issue.record("\(bad) should have been rejected")
        } catch {
            #expect(error.pattern == bad)
            #expect(error.reason.contains(reasonFragment), "\(error.reason)")
            #expect(error.description.hasPrefix("invalid URL pattern \"\(bad)\": "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("error reasons are flattened to one line")
    func singleLine() {
        let error = URLFilterError(pattern: "x", reason: "first line\n  second line\n\n")
        #expect(error.reason == "first line second line")
    }

    @Test("same site: same host, ignoring www., scheme and port")
    func sameSite() {
        #expect(URLFilter.sameSite("https://www.example.com/a", as: "http://example.com/"))
        #expect(URLFilter.sameSite("https://example.com/a", as: "https://WWW.Example.com:8443/"))
        #expect(URLFilter.sameSite("/relative", as: "https://example.com/") == false)
        #expect(!URLFilter.sameSite("https://news.example.com/", as: "https://example.com/"))
        #expect(!URLFilter.sameSite("https://example.com.evil.org/", as: "https://example.com/"))
        #expect(!URLFilter.sameSite("https://wwwexample.com/", as: "https://example.com/"))
        #expect(!URLFilter.sameSite("mailto:a@example.com", as: "https://example.com/"))
        #expect(!URLFilter.sameSite("https://example.com/", as: "not a url"))
    }

    @Test("a filter can be shared across tasks")
    func sendable() async throws {
        let filter = try URLFilter(include: ["/news/"])
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 { group.addTask { filter.accepts("https://example.com/news/\(index)") } }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
