import Testing
@testable import WinnowDaemon

/// The scanner that maps key paths to lines, since TOMLKit keeps no positions for parsed values.
@Suite struct TOMLLineLocatorTests {
    static let document = """
        # A comment with [brackets] and key = "value" in it
        title = "top"

        [daemon]
        state_dir = "/var/lib/winnow"   # trailing [comment]
        "quoted key" = 1
        'literal.key' = 2

        [fetch]
        delay = "1s"
        retry.cap = "6h"

        [[source]]
        feed = "https://example.com/rss"
        include = [
          "/news/",   # first
          # a comment line inside the array
          '/sport/',
        ]

        [[source]]
        notes = \"\"\"
        [fake.header]
        fake_key = "not a key"
        \"\"\"
        sitemap = "https://example.com/sitemap.xml"

        [source.extra]
        depth = 2

        [[source]]
        section = "https://example.com/politics/"
        limits = { depth = 1, age = "7d" }
        literal = '''
        exclude = ["nope"]
        '''
        exclude = ["a", "b"]
        """

    let locator = TOMLLineLocator(text: Self.document)

    @Test func tablesAndTheirKeys() {
        #expect(locator.line(of: ["title"]) == 2)
        #expect(locator.line(of: ["daemon"]) == 4)
        #expect(locator.line(of: [.key("daemon"), .key("state_dir")]) == 5)
        #expect(locator.line(of: [.key("daemon"), .key("quoted key")]) == 6)
        #expect(locator.line(of: [.key("daemon"), .key("literal.key")]) == 7, "a quoted dot is not a separator")
        #expect(locator.line(of: [.key("fetch"), .key("delay")]) == 10)
    }

    @Test func dottedKeysRecordTheirImplicitTables() {
        #expect(locator.line(of: [.key("fetch"), .key("retry"), .key("cap")]) == 11)
        #expect(locator.line(of: [.key("fetch"), .key("retry")]) == 11)
    }

    @Test func arraysOfTablesAreCountedInOrder() {
        #expect(locator.line(of: ["source"]) == 13)
        #expect(locator.line(of: [.key("source"), .index(0)]) == 13)
        #expect(locator.line(of: [.key("source"), .index(0), .key("feed")]) == 14)
        #expect(locator.line(of: [.key("source"), .index(1)]) == 21)
        #expect(locator.line(of: [.key("source"), .index(1), .key("sitemap")]) == 26)
        #expect(locator.line(of: [.key("source"), .index(2)]) == 31)
        #expect(locator.line(of: [.key("source"), .index(2), .key("section")]) == 32)
        #expect(locator.line(of: [.key("source"), .index(3)]) == nil)
    }

    @Test func multiLineArraysGiveEachElementItsLine() {
        let include: TOMLPath = [.key("source"), .index(0), .key("include")]
        #expect(locator.line(of: include) == 15)
        #expect(locator.line(of: include + 0) == 16)
        #expect(locator.line(of: include + 1) == 18)
        #expect(locator.line(of: include + 2) == nil)
        #expect(locator.line(of: [.key("source"), .index(2), .key("exclude"), .index(1)]) == 37)
    }

    @Test func stringsHideWhatLooksLikeHeadersAndKeys() {
        #expect(locator.line(of: ["fake"]) == nil)
        #expect(locator.line(of: [.key("source"), .index(1), .key("fake_key")]) == nil)
        #expect(locator.line(of: [.key("source"), .index(2), .key("exclude")]) == 37, "not the line in the literal")
    }

    @Test func subTablesOfAnArrayOfTablesBelongToItsLatestElement() {
        #expect(locator.line(of: [.key("source"), .index(1), .key("extra")]) == 28)
        #expect(locator.line(of: [.key("source"), .index(1), .key("extra"), .key("depth")]) == 29)
    }

    @Test func inlineTablesRecordTheirKeys() {
        let limits: TOMLPath = [.key("source"), .index(2), .key("limits")]
        #expect(locator.line(of: limits) == 33)
        #expect(locator.line(of: limits + "depth") == 33)
        #expect(locator.line(of: limits + "age") == 33)
    }

    @Test func nearestLineFallsBackToTheTable() {
        #expect(locator.nearestLine(of: [.key("fetch"), .key("timeout")]) == 9)
        #expect(locator.nearestLine(of: [.key("source"), .index(1), .key("interval")]) == 21)
        #expect(locator.nearestLine(of: [.key("output"), .key("dir")]) == 0)
    }

    @Test func inlineArraysOfTablesAcrossLines() {
        let locator = TOMLLineLocator(text: """
            source = [
              { feed = "https://example.com/a.xml", interval = "5m" },
              { sitemap = "https://example.com/s.xml",
                include = ["x"] },
            ]
            """)
        #expect(locator.line(of: ["source"]) == 1)
        #expect(locator.line(of: [.key("source"), .index(0), .key("interval")]) == 2)
        #expect(locator.line(of: [.key("source"), .index(1)]) == 3)
        #expect(locator.line(of: [.key("source"), .index(1), .key("include"), .index(0)]) == 4)
    }

    @Test func nestedArraysOfTablesCountPerParent() {
        let locator = TOMLLineLocator(text: "[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\nx = 1\n")
        #expect(locator.line(of: [.key("a"), .index(0), .key("b"), .index(1)]) == 3)
        #expect(locator.line(of: [.key("a"), .index(1), .key("b"), .index(0)]) == 5)
        #expect(locator.line(of: [.key("a"), .index(1), .key("b"), .index(0), .key("x")]) == 6)
    }

    @Test func windowsLineEndingsEscapesAndOddQuotes() {
        let locator = TOMLLineLocator(text: "[fetch]\r\nagent = \"say \\\"hi\\\" = x\"\r\nmulti = \"\"\"a\"\"\"\"\r\ndelay = 1\r\n")
        #expect(locator.line(of: [.key("fetch"), .key("agent")]) == 2)
        #expect(locator.line(of: [.key("fetch"), .key("multi")]) == 3)
        #expect(locator.line(of: [.key("fetch"), .key("delay")]) == 4)
    }

    @Test func malformedTextNeverHangs() {
        for text in ["[", "[[", "a = [", "a = {", "a = \"\"\"", "= = =", "[a\nb = '", "\u{0}", "a.b. = 1", "]]]"] {
            _ = TOMLLineLocator(text: text)
        }
    }
}
