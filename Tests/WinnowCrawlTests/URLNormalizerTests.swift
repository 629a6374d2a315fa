import Testing
import WinnowTestSupport
@testable import WinnowCrawl

/// One row of the normalization table.
struct NormalizationCase: Sendable, CustomTestStringConvertible {
    let input: String
    let base: String?
    let expected: String?
    let note: String

    init(_ input: String, base: String? = nil, _ expected: String?, _ note: String) {
        self.input = input
        self.base = base
        self.expected = expected
        self.note = note
    }

    var testDescription: String { note }
}

@Suite("URLNormalizer")
struct URLNormalizerTests {
    static let cases: [NormalizationCase] = [
        // The brief's example: case, default port, dot segments, tracking, sorting, fragment at once.
        NormalizationCase(
            "HTTP://Example.COM:80/a/./b/../c?b=2&a=1&utm_source=x#frag", "http://example.com/a/c?a=1&b=2",
            "everything at once"),
        // Hosts and ports.
        NormalizationCase("http://[::1]:8080/", "http://[::1]:8080/", "IPv6 literal with a port"),
        NormalizationCase("http://[::1]:80/x", "http://[::1]/x", "IPv6 literal with the default port"),
        NormalizationCase("https://[2001:DB8::A]/", "https://[2001:db8::a]/", "IPv6 literal lowercased"),
        NormalizationCase("http://[::1/", nil, "unclosed IPv6 bracket"),
        NormalizationCase("http://[zz::1]/", nil, "IPv6 literal with non-hex digits"),
        NormalizationCase("https://example.com:443/", "https://example.com/", "https default port"),
        NormalizationCase("https://example.com:80/", "https://example.com:80/", "port 80 is not https's default"),
        NormalizationCase("http://example.com:0080/", "http://example.com/", "leading zeros in a port"),
        NormalizationCase("http://EXAMPLE.com:/", "http://example.com/", "empty port means the default"),
        NormalizationCase("http://example.com:8080", "http://example.com:8080/", "non-default port, empty path"),
        NormalizationCase("http://example.com:99999/", nil, "port out of range"),
        NormalizationCase("http://example.com:8o/", nil, "port with a letter"),
        NormalizationCase("http://example.com./a", "http://example.com/a", "trailing dot on the host"),
        NormalizationCase("http://user:secret@Example.com/", "http://example.com/", "userinfo removed"),
        NormalizationCase("http://192.168.0.1:80/", "http://192.168.0.1/", "IPv4 host"),
        NormalizationCase("http://bücher.de/Straße", "http://bücher.de/Stra%C3%9Fe", "IDN host kept as given"),
        NormalizationCase("http://xn--bcher-kva.DE/", "http://xn--bcher-kva.de/", "punycode host lowercased"),
        NormalizationCase("http://ex%61mple.com/", "http://example.com/", "escaped host decoded"),
        NormalizationCase("http:///path", nil, "empty host"),
        NormalizationCase("http://example..com/", nil, "empty label in the host"),
        NormalizationCase("http://example.com../", nil, "two trailing dots"),
        NormalizationCase("http://./", nil, "host is only a dot"),
        NormalizationCase("http://exa mple.com/", nil, "space in the host"),
        NormalizationCase("http://exa<mple.com/", nil, "forbidden character in the host"),
        // Paths.
        NormalizationCase("http://example.com", "http://example.com/", "empty path becomes /"),
        NormalizationCase("http://example.com/a/../../../b", "http://example.com/b", ".. never climbs above /"),
        NormalizationCase("http://example.com/a/%2E%2e/b", "http://example.com/b", "escaped dots are dot segments"),
        NormalizationCase("http://example.com/a/b/..", "http://example.com/a/", "trailing .. keeps a slash"),
        NormalizationCase("http://example.com/a/./", "http://example.com/a/", "trailing ./"),
        NormalizationCase("http://example.com/a//b", "http://example.com/a//b", "empty segments kept"),
        NormalizationCase("http://example.com/a%2fb", "http://example.com/a%2Fb", "escaped slash stays escaped"),
        NormalizationCase("http://example.com/%7euser/%41%62", "http://example.com/~user/Ab", "unreserved decoded"),
        NormalizationCase("http://example.com/a b", "http://example.com/a%20b", "space encoded"),
        NormalizationCase("http://example.com/caf%c3%a9", "http://example.com/caf%C3%A9", "hex uppercased"),
        NormalizationCase("http://example.com/café", "http://example.com/caf%C3%A9", "UTF-8 encoded"),
        NormalizationCase("http://example.com/[x]|y^", "http://example.com/%5Bx%5D%7Cy%5E", "unsafe ASCII encoded"),
        NormalizationCase("http://example.com/a%zz", "http://example.com/a%25zz", "stray percent encoded"),
        NormalizationCase("http://example.com/a:b@c;d=e", "http://example.com/a:b@c;d=e", "path delimiters kept"),
        NormalizationCase("  http://example.com/a\n\tb  ", "http://example.com/ab", "whitespace and newlines dropped"),
        NormalizationCase("http:\\\\example.com\\a\\b", "http://example.com/a/b", "backslashes read as slashes"),
        // Queries and fragments.
        NormalizationCase("http://example.com/a?b#c?d", "http://example.com/a?b", "fragment removed"),
        NormalizationCase("http://example.com/?", "http://example.com/", "empty ? dropped"),
        NormalizationCase("http://example.com/p?utm_medium=a&utm_campaign=b", "http://example.com/p",
            "only tracking parameters"),
        NormalizationCase("http://example.com/p?UTM_Source=x&x=1", "http://example.com/p?x=1", "utm_ any case"),
        NormalizationCase("http://example.com/p?utm_source", "http://example.com/p", "tracking name without value"),
        NormalizationCase("http://example.com/p?utm%5Fsource=x&y", "http://example.com/p?y", "escaped tracking name"),
        NormalizationCase("http://example.com/?fbclid=1&id=2&ref=3&source=4", "http://example.com/?id=2&ref=3&source=4",
            "generic names kept"),
        NormalizationCase("http://example.com/?b=1&a=2&a=1", "http://example.com/?a=2&a=1&b=1",
            "sort is stable for equal names"),
        NormalizationCase("http://example.com/?a=1&&b=2&", "http://example.com/?a=1&b=2", "empty parameters dropped"),
        NormalizationCase("http://example.com/?q=a%3db+c", "http://example.com/?q=a%3Db+c", "reserved escapes kept"),
        NormalizationCase("http://example.com/?q=%e2%82%ac&r=€", "http://example.com/?q=%E2%82%AC&r=%E2%82%AC",
            "query encoding normalized"),
        NormalizationCase("http://example.com/?x=a?b/c", "http://example.com/?x=a?b/c", "? and / allowed in a query"),
        // Relative references.
        NormalizationCase("../c", base: "http://example.com/a/b/index.html", "http://example.com/a/c", "parent"),
        NormalizationCase("c/d", base: "http://example.com/a/b", "http://example.com/a/c/d", "sibling"),
        NormalizationCase("/x?y=1", base: "https://example.com/a", "https://example.com/x?y=1", "absolute path"),
        NormalizationCase("//Other.org/p", base: "https://example.com/", "https://other.org/p", "scheme-relative"),
        NormalizationCase("?page=2", base: "http://example.com/list?page=1#top", "http://example.com/list?page=2",
            "query only"),
        NormalizationCase("#section", base: "http://example.com/a?b=1", "http://example.com/a?b=1", "fragment only"),
        NormalizationCase("", base: "http://example.com/a?b=1#c", "http://example.com/a?b=1", "empty reference"),
        NormalizationCase("x", base: "http://example.com", "http://example.com/x", "base with empty path"),
        NormalizationCase("https://abs.org/", base: "http://example.com/", "https://abs.org/", "absolute wins"),
        NormalizationCase("a", base: "not a url", nil, "unusable base"),
        NormalizationCase("a", base: "mailto:someone@example.com", nil, "base without authority"),
        NormalizationCase("example.com/path", nil, "no scheme and no base"),
        NormalizationCase("", nil, "empty string"),
        // Other schemes.
        NormalizationCase("javascript:void(0)", base: "http://example.com/", nil, "javascript:"),
        NormalizationCase("mailto:a@example.com", base: "http://example.com/", nil, "mailto:"),
        NormalizationCase("ftp://example.com/file", nil, "ftp:"),
        NormalizationCase("data:text/plain,hi", base: "http://example.com/", nil, "data:"),
        NormalizationCase("http:relative", base: "http://example.com/a/", nil, "scheme without authority"),
    ]

    @Test("normalizes", arguments: cases)
    func normalizes(_ row: NormalizationCase) {
        #expect(URLNormalizer.normalize(row.input, relativeTo: row.base) == row.expected)
    }

    @Test("normalizing twice changes nothing", arguments: cases.filter { $0.expected != nil })
    func idempotent(_ row: NormalizationCase) throws {
        let once = try #require(URLNormalizer.normalize(row.input, relativeTo: row.base))
        #expect(URLNormalizer.normalize(once) == once)
    }

    @Test("every listed tracking parameter is removed, whatever its case")
    func trackingListApplies() {
        for name in URLNormalizer.trackingParameters.sorted() {
            let url = "https://example.com/story?\(name.uppercased())=1&page=2"
            #expect(URLNormalizer.normalize(url) == "https://example.com/story?page=2", "\(name)")
        }
        #expect(URLNormalizer.trackingParameters.count >= 25)
        for generic in ["ref", "source", "id", "cid", "campaign", "page", "q"] {
            #expect(!URLNormalizer.isTracking(generic[...]), "\(generic) must be kept")
        }
    }

    @Test("the brief's named tracking parameters are all in the list")
    func namedTrackingParameters() {
        let named = [
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid",
            "yclid", "twclid", "ttclid", "li_fat_id", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "_hsenc",
            "_hsmi", "__s", "ref_src", "ref_url",
        ]
        for name in named { #expect(URLNormalizer.trackingParameters.contains(name), "\(name)") }
        // Stored lowercased, because names are compared case-insensitively.
        for name in URLNormalizer.trackingParameters { #expect(name == name.lowercased()) }
    }

    @Test("host(of:)")
    func host() {
        #expect(URLNormalizer.host(of: "HTTP://WWW.Example.com.:8080/x") == "www.example.com")
        #expect(URLNormalizer.host(of: "http://[::1]:8080/") == "[::1]")
        #expect(URLNormalizer.host(of: "https://u:p@Host.org") == "host.org")
        #expect(URLNormalizer.host(of: "mailto:x@example.com") == nil)
        #expect(URLNormalizer.host(of: "/relative/path") == nil)
    }

    @Test("spellings of one page normalize to one string")
    func dedupes() {
        let spellings = [
            "https://Example.com/news/story?id=7&utm_source=rss",
            "https://example.com:443/news/./story?id=7#comments",
            "https://example.com/news/x/../story?fbclid=abc&id=7",
            "https://example.com/%6Eews/story?id=7",
            "https://EXAMPLE.COM./news/story?id=7&",
        ]
        #expect(Set(spellings.compactMap { URLNormalizer.normalize($0) }) == ["https://example.com/news/story?id=7"])
    }

    @Test("arbitrary input never crashes and yields http(s) or nil")
    func garbage() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("htps:/?#[]@!$&'()*+,;=%2Fa0-._~ \\\u{0}\u{7F}é€\n")
        for _ in 0..<2000 {
            let length = Int(random.next() % 40)
            var text = random.next() % 2 == 0 ? "http://" : ""
            for _ in 0..<length { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            if let normalized = URLNormalizer.normalize(text, relativeTo: "https://example.com/a/b") {
                #expect(normalized.hasPrefix("http://") || normalized.hasPrefix("https://"), "\(text)")
                #expect(URLNormalizer.normalize(normalized) == normalized, "\(text)")
            }
        }
    }
}
