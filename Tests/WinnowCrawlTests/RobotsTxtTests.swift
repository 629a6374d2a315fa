import Testing
import WinnowTestSupport
@testable import WinnowCrawl

@Suite("RobotsTxt")
struct RobotsTxtTests {
    /// The shape of RFC 9309's §5.1 example with different agents and paths: a `*` group with a wildcard and
    /// an anchored rule, a specific agent with an exception list, two agents sharing one group, and an agent
    /// whose group has no rules at all.
    static let mixedGroups = """
        # Everyone else
        User-Agent: *
        Disallow: *.png$
        Disallow: /drafts/
        Allow: /press/

        User-Agent: lanternbot
        Disallow:/
        Allow:/drafts/notes.html
        Allow:/drafts/cover.png

        User-Agent: quillbot
        User-Agent: inkbot
        Disallow: /drafts/notes.html

        User-Agent: emptybot
        """

    @Test("a specific group replaces the * group for that agent")
    func specificGroup() {
        let robots = RobotsTxt(parsing: Self.mixedGroups)
        #expect(!robots.isAllowed("/", userAgent: "lanternbot"))
        #expect(!robots.isAllowed("/press/", userAgent: "lanternbot"))
        #expect(robots.isAllowed("/drafts/notes.html", userAgent: "lanternbot"))
        #expect(robots.isAllowed("/drafts/cover.png", userAgent: "lanternbot"))
        #expect(!robots.isAllowed("/drafts/other.html", userAgent: "LanternBot"))
    }

    @Test("consecutive user-agent lines share one group, and * rules do not leak into it")
    func sharedGroup() {
        let robots = RobotsTxt(parsing: Self.mixedGroups)
        for agent in ["quillbot", "inkbot"] {
            #expect(!robots.isAllowed("/drafts/notes.html", userAgent: agent))
            #expect(robots.isAllowed("/drafts/other.html", userAgent: agent))
            #expect(robots.isAllowed("/logo.png", userAgent: agent))
        }
    }

    @Test("a group without rules allows everything for its agent")
    func emptyGroup() {
        let robots = RobotsTxt(parsing: Self.mixedGroups)
        #expect(robots.isAllowed("/drafts/x", userAgent: "emptybot"))
        #expect(robots.isAllowed("/logo.png", userAgent: "emptybot"))
    }

    @Test("an unnamed agent falls back to the * group")
    func starGroup() {
        let robots = RobotsTxt(parsing: Self.mixedGroups)
        #expect(!robots.isAllowed("/logo.png"))
        #expect(robots.isAllowed("/logo.png?size=2"))  // `$` anchors the end
        #expect(!robots.isAllowed("/drafts/x"))
        #expect(robots.isAllowed("/press/release"))
        #expect(robots.isAllowed("/"))
    }

    @Test("no * group and no named group: everything allowed")
    func noApplicableGroup() {
        let robots = RobotsTxt(parsing: "User-agent: otherbot\nDisallow: /\n")
        #expect(robots.isAllowed("/anything"))
        #expect(!robots.isAllowed("/anything", userAgent: "otherbot"))
        #expect(RobotsTxt(parsing: "").isAllowed("/x"))
    }

    // MARK: - Precedence

    @Test("the longest matching rule wins")
    func longestMatch() {
        let robots = RobotsTxt(parsing: "User-agent: *\nAllow: /p\nDisallow: /\n")
        #expect(robots.isAllowed("/page"))
        #expect(!robots.isAllowed("/other"))

        let wildcard = RobotsTxt(parsing: "User-agent: *\nAllow: /page\nDisallow: /*.html\n")
        #expect(!wildcard.isAllowed("/page.html"))  // `/*.html` is 7 octets, `/page` 5
        #expect(wildcard.isAllowed("/page"))

        let anchored = RobotsTxt(parsing: "User-agent: *\nAllow: /$\nDisallow: /\n")
        #expect(anchored.isAllowed("/"))
        #expect(!anchored.isAllowed("/page.htm"))
    }

    @Test("allow wins a tie")
    func tie() {
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: /folder\nAllow: /folder\n")
        #expect(robots.isAllowed("/folder/page"))
        let reversed = RobotsTxt(parsing: "User-agent: *\nAllow: /folder\nDisallow: /folder\n")
        #expect(reversed.isAllowed("/folder/page"))
        // Equal length, different patterns: still a tie.
        let equalLength = RobotsTxt(parsing: "User-agent: *\nDisallow: /a*c\nAllow: /ab*\n")
        #expect(equalLength.isAllowed("/abc"))
    }

    @Test("empty disallow allows everything; /robots.txt is always allowed")
    func emptyDisallowAndRobotsItself() {
        let open = RobotsTxt(parsing: "User-agent: *\nDisallow:\n")
        #expect(open.isAllowed("/"))
        #expect(open.isAllowed("/private/data"))
        let closed = RobotsTxt(parsing: "User-agent: *\nDisallow: /\nDisallow: /robots.txt\n")
        #expect(!closed.isAllowed("/"))
        #expect(closed.isAllowed("/robots.txt"))
        #expect(closed.isAllowed("/robots.txt?refresh=1"))
        #expect(!closed.isAllowed("/robots.txt.bak"))
    }

    // MARK: - Patterns

    @Test("wildcards and end anchors", arguments: [
        ("/*/private/", "/a/private/x", false),
        ("/*/private/", "/private/x", true),
        ("/*.php$", "/index.php", false),
        ("/*.php$", "/index.php?x=1", true),
        ("/*.php", "/index.php?x=1", false),
        ("/fish*", "/fish.html", false),
        ("/fish*", "/Fish.html", true),  // paths are case-sensitive
        ("/fish/", "/fish", true),
        ("/a$b", "/a$b", false),  // `$` only anchors at the very end
        ("/a$b", "/a", true),
        ("/*", "/anything", false),
        ("*", "/anything", false),
        ("/x*$", "/xyz", false),
        ("/**a**b$", "/zzazzb", false),
        ("/**a**b$", "/zzazzbz", true),
        ("/*a*a*a*a*a*a*a*b", "/" + String(repeating: "a", count: 300), true),
        ("/$", "/", false),
        ("/$", "/a", true),
        ("/*?session=", "/list?session=1", false),
        ("/*?session=", "/list?page=1&session=1", true),
        ("/*session=", "/list?page=1&session=1", false),
        ("/search?", "/search?q=x", false),
        ("/search?", "/search", true),
    ])
    func pattern(_ rule: String, _ path: String, _ allowed: Bool) {
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: \(rule)\n")
        #expect(robots.isAllowed(path) == allowed)
    }

    @Test("percent-encoding is normalized on both sides")
    func percentEncoding() {
        let robots = RobotsTxt(parsing: """
            User-agent: *
            Disallow: /%7ejoe/
            Disallow: /caf%c3%a9
            Disallow: /a%2fb
            Disallow: /price€
            Disallow: /two words
            """)
        #expect(!robots.isAllowed("/~joe/index.html"))
        #expect(!robots.isAllowed("/%7Ejoe/index.html"))
        #expect(!robots.isAllowed("/café"))
        #expect(!robots.isAllowed("/caf%C3%A9/menu"))
        #expect(!robots.isAllowed("/a%2Fb"))
        #expect(robots.isAllowed("/a/b"))  // an encoded slash is not a slash
        #expect(!robots.isAllowed("/price%E2%82%AC"))
        #expect(!robots.isAllowed("/two%20words"))
        #expect(robots.isAllowed("/twowords"))
    }

    @Test("a path without a leading slash is read as if it had one")
    func missingSlash() {
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: private\n")
        #expect(!robots.isAllowed("/private/x"))
        #expect(!robots.isAllowed("private/x"))
        #expect(robots.isAllowed(""))
        // So a lone `$` becomes `/$`: the home page only.
        let home = RobotsTxt(parsing: "User-agent: *\nDisallow: $\n")
        #expect(!home.isAllowed("/"))
        #expect(home.isAllowed("/a"))
    }

    // MARK: - Agents

    @Test("product tokens match case-insensitively, by the value's leading token")
    func agentMatching() {
        let robots = RobotsTxt(parsing: """
            User-agent: *
            Disallow: /

            User-agent: Winnow/1.0
            Disallow: /private
            """)
        #expect(robots.isAllowed("/news"))
        #expect(robots.isAllowed("/news", userAgent: "winnow"))
        #expect(robots.isAllowed("/news", userAgent: "WINNOW"))
        #expect(robots.isAllowed("/news", userAgent: "Winnow/0.1 (+https://example.org/winnow)"))
        #expect(!robots.isAllowed("/private", userAgent: "winnow"))
        #expect(!robots.isAllowed("/news", userAgent: "winnowbot"))
        #expect(!robots.isAllowed("/news", userAgent: "win"))
        #expect(!robots.isAllowed("/news", userAgent: ""))

        let bare = RobotsTxt(parsing: "User-agent: WINNOW\nDisallow: /x\nUser-agent: winnow-news\nDisallow: /\n")
        #expect(!bare.isAllowed("/x"))
        #expect(bare.isAllowed("/y"))
    }

    @Test("groups naming the same agent are merged")
    func mergedGroups() {
        let robots = RobotsTxt(parsing: """
            User-agent: winnow
            Disallow: /a

            User-agent: other
            Disallow: /b

            User-agent: Winnow
            Disallow: /c
            Allow: /a/open
            """)
        #expect(!robots.isAllowed("/a/closed"))
        #expect(robots.isAllowed("/a/open"))
        #expect(robots.isAllowed("/b"))
        #expect(!robots.isAllowed("/c"))
        #expect(!robots.isAllowed("/b", userAgent: "other"))
    }

    @Test("blank lines between user-agent lines do not split the group")
    func blankLinesInsideGroupStart() {
        let robots = RobotsTxt(parsing: "User-agent: alpha\n\nUser-agent: winnow\n\nDisallow: /\n")
        #expect(!robots.isAllowed("/x"))
        #expect(!robots.isAllowed("/x", userAgent: "alpha"))
    }

    // MARK: - Syntax tolerance

    @Test("line endings, BOM, comments, case and spacing")
    func syntaxTolerance() {
        let variants = [
            "\u{FEFF}User-agent: *\nDisallow: /x\n",
            "User-agent: *\r\nDisallow: /x\r\n",
            "User-agent: *\rDisallow: /x\r",
            "USER-AGENT:*\nDISALLOW:/x",
            "  user-agent  :   *   \n\tdisallow \t:\t/x\t\n",
            "# header comment\nUser-agent: * # everyone\nDisallow: /x # not /y\n",
            "User-agent: *\nthis line is nonsense\nDisallow /y\nDisallow: /x\n:\n:::\n",
            "useragent: *\ndissallow: /x\n",
        ]
        for text in variants {
            let robots = RobotsTxt(parsing: text)
            #expect(!robots.isAllowed("/x/1"), "\(text.debugDescription)")
            #expect(robots.isAllowed("/y/1"), "\(text.debugDescription)")
        }
    }

    @Test("rules before any user-agent line are ignored")
    func orphanRules() {
        let robots = RobotsTxt(parsing: "Disallow: /\nCrawl-delay: 9\nUser-agent: *\nDisallow: /x\n")
        #expect(robots.isAllowed("/y"))
        #expect(!robots.isAllowed("/x"))
        #expect(robots.crawlDelay(for: "winnow") == nil)
    }

    // MARK: - Crawl-delay and sitemaps

    @Test("crawl-delay per group; nonsense ignored")
    func crawlDelay() {
        let robots = RobotsTxt(parsing: """
            User-agent: *
            Crawl-delay: 2.5

            User-agent: winnow
            Disallow: /x

            User-agent: slowbot
            Crawl-delay: 10

            User-agent: slowbot
            Crawl-delay: 30
            """)
        #expect(robots.crawlDelay(for: "someone") == 2.5)
        #expect(robots.crawlDelay(for: "winnow") == nil)  // its own group sets none
        #expect(robots.crawlDelay(for: "slowbot") == 30)  // merged groups: the larger
        for value in ["abc", "-3", "1e3", "inf", "nan", "5s", "1.2.3", ".", "", "+4", "0x10"] {
            let parsed = RobotsTxt(parsing: "User-agent: *\nCrawl-delay: \(value)\n")
            #expect(parsed.crawlDelay(for: "winnow") == nil, "\(value)")
        }
        #expect(RobotsTxt(parsing: "User-agent: *\nCrawl-delay: 0.5\n").crawlDelay() == 0.5)
        #expect(RobotsTxt(parsing: "User-agent: *\nCrawl-delay: 7.\n").crawlDelay() == 7)
        #expect(RobotsTxt(parsing: "User-agent: *\ncrawl-delay : 0\n").crawlDelay() == 0)
    }

    @Test("a crawl-delay line ends the user-agent list of its group")
    func crawlDelayEndsAgentList() {
        let robots = RobotsTxt(parsing: "User-agent: a\nCrawl-delay: 5\nUser-agent: b\nDisallow: /\n")
        #expect(robots.isAllowed("/x", userAgent: "a"))
        #expect(!robots.isAllowed("/x", userAgent: "b"))
        #expect(robots.crawlDelay(for: "a") == 5)
        #expect(robots.crawlDelay(for: "b") == nil)
    }

    @Test("sitemap lines are global, absolute and deduplicated")
    func sitemaps() {
        let robots = RobotsTxt(parsing: """
            Sitemap: https://example.com/sitemap.xml
            User-agent: winnow
            SITEMAP:https://example.com/news.xml
            User-agent: other
            Disallow: /
            sitemap: /relative.xml
            Sitemap: ftp://example.com/s.xml
            Sitemap: https://example.com/sitemap.xml
            """)
        #expect(robots.sitemaps == ["https://example.com/sitemap.xml", "https://example.com/news.xml"])
        // The sitemap line in the middle did not end winnow's user-agent list.
        #expect(!robots.isAllowed("/x"))
    }

    // MARK: - Size cap and garbage

    @Test("only the first 500 KiB is read, and the line cut there is dropped")
    func sizeCap() {
        let header = "User-agent: *\nDisallow: /early\n"
        let filler = String(repeating: "# padding line of a large robots.txt file\n", count: 12_000)
        let cutRule = "Disallow: /ab"
        var prefix = header + filler
        prefix += String(repeating: "#", count: RobotsTxt.maxBytes - prefix.utf8.count - cutRule.utf8.count - 1) + "\n"
        #expect(prefix.utf8.count + cutRule.utf8.count == RobotsTxt.maxBytes)
        let text = prefix + cutRule + "cdef\nDisallow: /late\n"
        let robots = RobotsTxt(parsing: text)
        #expect(!robots.isAllowed("/early"))
        #expect(robots.isAllowed("/ab"))  // the half line was not read as `Disallow: /ab`
        #expect(robots.isAllowed("/abcdef"))
        #expect(robots.isAllowed("/late"))

        // The same rule entirely inside the cap applies.
        let fits = RobotsTxt(parsing: header + filler + "Disallow: /late\n")
        #expect(!fits.isAllowed("/late"))
    }

    @Test("garbage input never crashes")
    func garbage() {
        var random = SplitMix64(seed: 42)
        let pieces = [
            "User-agent:", "*", "winnow", "Disallow:", "Allow:", "Crawl-delay:", "Sitemap:", "/", "$", "*", "%",
            "%zz", "%C3", "\n", "\r", "\r\n", "#", ":", " ", "\u{0}", "\u{FEFF}", "é", "🙂",
            "9999999999999999999999",
        ]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(random.next() % 60) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let robots = RobotsTxt(parsing: text)
            _ = robots.isAllowed("/a/b?c=d")
            _ = robots.isAllowed(text)
            _ = robots.crawlDelay(for: "winnow")
            #expect(robots.isAllowed("/robots.txt"))
        }
        var bytes: [UInt8] = []
        for _ in 0..<20_000 { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        let binary = RobotsTxt(parsing: String(decoding: bytes, as: UTF8.self))
        _ = binary.isAllowed("/")
    }

    @Test("matching stays fast on hostile patterns")
    func hostilePatterns() {
        let stars = String(repeating: "*a", count: 2000)
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: /\(stars)b$\n")
        let path = "/" + String(repeating: "a", count: 4000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(robots.isAllowed(path)) }
        #expect(elapsed < .seconds(20))  // quadratic at worst, never exponential
    }
}

@Suite("RobotsPolicy")
struct RobotsPolicyTests {
    @Test("status codes map to policies (RFC 9309 §2.3.1)", arguments: [
        (Optional(200), RobotsPolicy.rules(RobotsTxt(parsing: "User-agent: *\nDisallow: /x\n"))),
        (204, .rules(RobotsTxt(parsing: ""))),
        (301, .allowAll),
        (400, .allowAll),
        (401, .allowAll),
        (403, .allowAll),
        (404, .allowAll),
        (410, .allowAll),
        (429, .disallowAll),
        (500, .disallowAll),
        (503, .disallowAll),
        (599, .disallowAll),
        (nil, .disallowAll),
        (99, .disallowAll),
        (600, .disallowAll),
    ])
    func fromStatus(_ status: Int?, _ expected: RobotsPolicy) {
        let body: String? = status == 204 ? nil : "User-agent: *\nDisallow: /x\n"
        #expect(RobotsPolicy.from(status: status, body: body) == expected)
    }

    @Test("isAllowed(url:) checks the URL's own path and query")
    func urlChecks() {
        let policy = RobotsPolicy.from(status: 200, body: """
            User-agent: *
            Disallow: /private
            Disallow: /*utm_
            Crawl-delay: 3
            """)
        #expect(policy.isAllowed(url: "https://example.com/news/1"))
        #expect(!policy.isAllowed(url: "https://example.com/private/x"))
        #expect(!policy.isAllowed(url: "https://example.com/a/../private/x"))  // dot segments resolved
        #expect(!policy.isAllowed(url: "https://example.com/%70rivate"))  // %70 is `p`
        #expect(!policy.isAllowed(url: "https://example.com/p?utm_source=x"))  // the query as written
        #expect(policy.isAllowed(url: "https://example.com/private#x") == false)
        #expect(policy.isAllowed(url: "https://example.com/robots.txt"))
        #expect(!policy.isAllowed(url: "not a url"))
        #expect(policy.crawlDelay() == 3)
    }

    @Test("allowAll and disallowAll")
    func blanketPolicies() {
        #expect(RobotsPolicy.allowAll.isAllowed(url: "http://example.com/anything?x"))
        #expect(!RobotsPolicy.disallowAll.isAllowed(url: "http://example.com/anything"))
        #expect(!RobotsPolicy.disallowAll.isAllowed(url: "http://example.com/"))
        #expect(RobotsPolicy.disallowAll.isAllowed(url: "http://example.com/robots.txt"))
        #expect(!RobotsPolicy.allowAll.isAllowed(url: "mailto:a@example.com"))
        #expect(RobotsPolicy.allowAll.crawlDelay() == nil)
    }
}
