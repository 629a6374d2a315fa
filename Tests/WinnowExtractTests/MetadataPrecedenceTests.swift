import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

@Suite("Metadata: precedence and JSON-LD leniency")
struct MetadataPrecedenceTests {
    /// The layers of one page, each naming a different author and date.
    enum Layer: CaseIterable {
        case jsonLD, openGraph, meta, dom
        var head: String {
            switch self {
            case .jsonLD:
                jsonLDScript(#"{"@context":"https://schema.org","@type":"Article","author":{"@type":"Person","name":"Julia Ferreira"},"datePublished":"2020-01-01"}"#)
            case .openGraph:
                #"<meta property="article:author" content="Marco Bellini"><meta property="article:published_time" content="2020-02-02">"#
            case .meta:
                #"<meta name="author" content="Nadia Haddad"><meta name="pubdate" content="2020-03-03">"#
            case .dom: ""
            }
        }
        var body: String {
            self == .dom ? #"<h1>Story</h1><p class="byline">By Samuel Okafor</p><time class="published" datetime="2020-04-04">April</time>"# : ""
        }
        var author: String {
            switch self {
            case .jsonLD: "Julia Ferreira"
            case .openGraph: "Marco Bellini"
            case .meta: "Nadia Haddad"
            case .dom: "Samuel Okafor"
            }
        }
        var date: String {
            switch self {
            case .jsonLD: "2020-01-01"
            case .openGraph: "2020-02-02"
            case .meta: "2020-03-03"
            case .dom: "2020-04-04"
            }
        }
    }

    /// With layers from `top` downwards present, the top layer wins for author and date.
    @Test(arguments: Layer.allCases)
    func mostTrustedLayerWins(top: Layer) throws {
        let layers = Layer.allCases.drop { $0 != top }
        let html = page(head: layers.map(\.head).joined(), body: layers.map(\.body).joined())
        let m = try extractMetadata(html, url: "https://example.org/story")
        #expect(m.authors == [top.author])
        #expect(m.published == top.date)
    }

    @Test func organizationAuthorGivesWayToPersonByline() throws {
        let html = page(
            head: jsonLDScript(#"{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"Metro Desk Inc"}}"#),
            body: #"<h1>H</h1><span class="author-name">Rosa Lindqvist</span>"#)
        #expect(try extractMetadata(html).authors == ["Rosa Lindqvist"])
    }

    @Test func organizationAuthorIsLastResort() throws {
        let html = page(head: jsonLDScript(#"{"@type":"Report","headline":"H","author":{"@type":"Organization","name":"Harbor Research Group"}}"#))
        #expect(try extractMetadata(html).authors == ["Harbor Research Group"])
    }

    @Test func personAuthorsArrayKeepsOrder() throws {
        let html = page(head: jsonLDScript(#"{"@type":"BlogPosting","author":[{"@type":"Person","name":"Ana Ruiz"},"Ben Cole",{"@type":"Person","name":"Chen Wei"}]}"#))
        #expect(try extractMetadata(html).authors == ["Ana Ruiz", "Ben Cole", "Chen Wei"])
    }

    @Test func graphWithIDReferencesAndTypeArrays() throws {
        let html = page(head: jsonLDScript("""
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://blog.example/#site","name":"Tinker Notes"},
              {"@type":"WebPage","@id":"https://blog.example/p/#page","name":"Soldering basics - Tinker Notes",
               "datePublished":"2018-05-05"},
              {"@type":["Article","BlogPosting"],"headline":"Soldering basics","datePublished":"2019-06-07T08:09:10Z",
               "author":{"@id":"https://blog.example/#/person/1"},"publisher":{"@id":"https://blog.example/#site"}},
              {"@type":"Person","@id":"https://blog.example/#/person/1","name":"Hedda Lund"}
            ]}
            """))
        let m = try extractMetadata(html)
        #expect(m.authors == ["Hedda Lund"])
        #expect(m.published == "2019-06-07T08:09:10Z")
        #expect(m.siteName == "Tinker Notes")
        #expect(m.title == "Soldering basics")
    }

    @Test func topLevelArrayAndMainEntity() throws {
        let html = page(head: jsonLDScript("""
            [{"@type":"BreadcrumbList","itemListElement":[]},
             {"@type":"WebPage","mainEntity":{"@type":"LiveBlogPosting","headline":"Election night live",
              "datePublished":"2024-11-05T18:00:00-05:00","author":"Grace Kim"}}]
            """))
        let m = try extractMetadata(html)
        #expect(m.title == "Election night live")
        #expect(m.published == "2024-11-05T18:00:00-05:00")
        #expect(m.authors == ["Grace Kim"])
    }

    @Test func malformedJSONLDIsReadLeniently() throws {
        // HTML comment and CDATA wrappers, a trailing comma, a raw newline and tab inside a string, a \' escape.
        let script = "<!--//--><![CDATA[//><!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Tide tables\n\tpublished\",\n \"author\": {\"@type\": \"Person\", \"name\": \"Eoin O\\'Brien\",},\n \"datePublished\": \"2023-08-09\",\n}\n//--><!]]>"
        let m = try extractMetadata(page(head: jsonLDScript(script)))
        #expect(m.authors == ["Eoin O'Brien"])
        #expect(m.published == "2023-08-09")
        #expect(m.title == "Tide tables published")
    }

    @Test func brokenJSONLDStillYieldsDatesByKeyScan() throws {
        let m = try extractMetadata(page(head: jsonLDScript(#"{"@type":"Article","datePublished": "2022-12-01T10:00:00Z", "author": {oops}"#)))
        #expect(m.published == "2022-12-01T10:00:00Z")
    }

    @Test func jsonLDSanitizerKeepsValidJSONIntact() {
        let json = #"{"a": "x, }", "b": [1, 2,], "c": "line\nbreak"}"#
        let cleaned = JSONLDReader.sanitize(json)
        // The trailing comma becomes a space; commas and braces inside strings are untouched.
        #expect(cleaned == #"{"a": "x, }", "b": [1, 2 ], "c": "line\nbreak"}"#)
        #expect((try? JSONSerialization.jsonObject(with: Data(cleaned.utf8))) != nil)
    }

    @Test func outletNamedAsBylineIsDropped() throws {
        let html = page(head: #"<meta property="og:site_name" content="Lakeside Gazette">"#,
                        body: #"<h1>H</h1><div class="byline">By Lakeside Gazette</div>"#)
        #expect(try extractMetadata(html).authors.isEmpty)
    }

    @Test func commentSectionBylinesAreIgnored() throws {
        let html = page(body: #"<h1>H</h1><p>Story.</p><div id="comments"><span class="author">Troll McTroll</span></div>"#)
        #expect(try extractMetadata(html).authors.isEmpty)
    }

    @Test func pageWideFormIsReadButCommentFormIsNot() throws {
        let html = page(body: """
            <form id="aspnetForm" action="/page.aspx"><h1>Budget vote delayed</h1>
            <span class="author-name">Ines Duarte</span><p>Story.</p>
            <form class="comment-form"><p class="comment-form-author"><label>Your Name</label></p></form></form>
            """)
        let m = try extractMetadata(html)
        #expect(m.title == "Budget vote delayed")
        #expect(m.authors == ["Ines Duarte"])
    }
}
