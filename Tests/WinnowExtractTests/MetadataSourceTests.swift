import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

@Suite("Metadata: each source alone")
struct MetadataSourceTests {
    @Test func jsonLDAlone() throws {
        let m = try extractMetadata(page(head: jsonLDScript("""
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour ferries return",
             "author": {"@type": "Person", "name": "Odile Marchetti"},
             "datePublished": "2024-03-05T10:00:00+01:00", "dateModified": "2024-03-06",
             "publisher": {"@type": "Organization", "name": "The Coastline Courier"},
             "description": "Service resumes after the storm.", "image": {"@type": "ImageObject", "url": "/img/ferry.jpg"},
             "keywords": "ferries, weather", "inLanguage": "en-GB"}
            """)))
        #expect(m.title == "Harbour ferries return")
        #expect(m.authors == ["Odile Marchetti"])
        #expect(m.published == "2024-03-05T10:00:00+01:00")
        #expect(m.modified == "2024-03-06")
        #expect(m.siteName == "The Coastline Courier")
        #expect(m.description == "Service resumes after the storm.")
        #expect(m.image == "https://news.example.org/img/ferry.jpg")
        #expect(m.tags == ["ferries", "weather"])
        #expect(m.language == "en-GB")
    }

    @Test func openGraphAlone() throws {
        let m = try extractMetadata(page(head: """
            <meta property="og:title" content="Orchard growers brace for frost">
            <meta property="og:site_name" content="Valley Ledger">
            <meta property="og:url" content="https://valley.example/orchards">
            <meta property="og:image" content="https://cdn.valley.example/frost.jpg">
            <meta property="og:description" content="Growers light burners overnight.">
            <meta property="og:locale" content="fr_CA">
            <meta property="article:published_time" content="2023-11-02T06:30:00Z">
            <meta property="article:modified_time" content="2023-11-03T08:00:00Z">
            <meta property="article:author" content="Priya Natarajan">
            <meta property="article:author" content="https://facebook.example/priya">
            <meta property="article:tag" content="farming"><meta property="article:tag" content="weather">
            """))
        #expect(m.title == "Orchard growers brace for frost")
        #expect(m.siteName == "Valley Ledger")
        #expect(m.canonicalURL == "https://valley.example/orchards")
        #expect(m.image == "https://cdn.valley.example/frost.jpg")
        #expect(m.description == "Growers light burners overnight.")
        #expect(m.language == "fr-CA")
        #expect(m.published == "2023-11-02T06:30:00Z")
        #expect(m.modified == "2023-11-03T08:00:00Z")
        #expect(m.authors == ["Priya Natarajan"])
        #expect(m.tags == ["farming", "weather"])
    }

    @Test func twitterCardAlone() throws {
        let m = try extractMetadata(page(head: """
            <meta name="twitter:title" content="Night buses extended">
            <meta name="twitter:description" content="Routes run until 3am.">
            <meta name="twitter:image" content="/cards/bus.png">
            <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tomasz Wilk">
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">
            """))
        #expect(m.title == "Night buses extended")
        #expect(m.description == "Routes run until 3am.")
        #expect(m.image == "https://news.example.org/cards/bus.png")
        #expect(m.authors == ["Tomasz Wilk"])
    }

    @Test func dublinCoreAndParselyAlone() throws {
        let m = try extractMetadata(page(head: """
            <meta name="DC.creator" content="Ingrid Solberg">
            <meta name="parsely-pub-date" content="2022-07-14T15:20:00-04:00">
            <meta name="news_keywords" content="transit, budget">
            <meta http-equiv="content-language" content="de-AT">
            """))
        #expect(m.authors == ["Ingrid Solberg"])
        #expect(m.published == "2022-07-14T15:20:00-04:00")
        #expect(m.tags == ["transit", "budget"])
        #expect(m.language == "de-AT")
    }

    @Test func microdataAlone() throws {
        let m = try extractMetadata(page(body: """
            <article itemscope itemtype="https://schema.org/BlogPosting">
              <h2 itemprop="headline">Repairing a 1970s synthesiser</h2>
              <span itemprop="author" itemscope itemtype="https://schema.org/Person">
                <span itemprop="name">Lars Eriksen</span></span>
              <meta itemprop="datePublished" content="2021-02-09">
              <p>Text.</p>
            </article>
            """))
        #expect(m.authors == ["Lars Eriksen"])
        #expect(m.published == "2021-02-09")
        #expect(m.title == "Repairing a 1970s synthesiser")
    }

    @Test func domBylineAndTimeAlone() throws {
        let m = try extractMetadata(page(
            head: "<title>Council approves new library | Riverside Post</title>",
            body: """
            <header><h1>Council approves new library</h1>
              <div class="byline">By <a href="/staff/amara">Amara Osei</a> and <a href="/staff/jon">Jonas Berg</a>
                | Updated March 6, 2024</div>
              <time datetime="2024-03-05T09:15:00Z" pubdate>5 March</time></header>
            <p>The vote passed.</p>
            """))
        #expect(m.title == "Council approves new library")
        #expect(m.authors == ["Amara Osei", "Jonas Berg"])
        #expect(m.published == "2024-03-05T09:15:00Z")
    }

    @Test func visibleWrittenByLabel() throws {
        let m = try extractMetadata(page(body: """
            <h1>Five winter soups</h1><div><p>Written by</p><p>Keiko Tanabe</p></div><p>Soup text.</p>
            """))
        #expect(m.authors == ["Keiko Tanabe"])
    }

    @Test func dateFromURL() throws {
        let m = try extractMetadata(page(body: "<h1>Story</h1>"), url: "https://paper.example/2019/10/31/halloween-parade/")
        #expect(m.published == "2019-10-31")
    }

    @Test func languageFromHTMLAttribute() throws {
        let m = try extractMetadata(page(head: "<meta http-equiv=\"content-language\" content=\"en\">", lang: "pt_br"))
        #expect(m.language == "pt-BR")
    }

    @Test func relativeCanonicalAndImageResolveAgainstPageURL() throws {
        let m = try extractMetadata(page(head: """
            <link rel="canonical" href="/world/story-slug?amp=0">
            <meta property="og:image" content="../media/lead.jpg">
            """), url: "https://news.example.org/world/section/story")
        #expect(m.canonicalURL == "https://news.example.org/world/story-slug?amp=0")
        #expect(m.image == "https://news.example.org/world/media/lead.jpg")
        #expect(m.url == "https://news.example.org/world/section/story")
    }

    @Test func protocolRelativeImage() throws {
        let m = try extractMetadata(page(head: "<meta property=\"og:image\" content=\"//cdn.example.net/a.png\">"))
        #expect(m.image == "https://cdn.example.net/a.png")
    }

    @Test func emptyDocumentYieldsEmptyMetadata() throws {
        let m = try extractMetadata("<html></html>", url: nil)
        #expect(m.title == nil)
        #expect(m.authors.isEmpty)
        #expect(m.published == nil)
    }

    @Test func visibleDateUnderHeadlineNeedsStoryEvidence() throws {
        let html = page(body: "<h1>Kitchen sink architectures</h1><div>October 3, 2024</div><p>Body text.</p>")
        // A service page at a plain URL: a loose date is page furniture, not a publication date.
        #expect(try extractMetadata(html, url: "https://vendor.example/services/cloud").published == nil)
        // The same markup at a blog permalink is a story, and the date under the headline is its date.
        #expect(try extractMetadata(html, url: "https://vendor.example/blog/kitchen-sink").published == "2024-10-03")
    }

    @Test func modifiedTimeIsNotThePublicationDate() throws {
        let html = page(body: """
            <h1>Story</h1><time class="updated" datetime="2024-05-01">May 1</time>
            <time class="entry-date published" datetime="2024-04-01">April 1</time>
            """)
        let m = try extractMetadata(html)
        #expect(m.published == "2024-04-01")
        #expect(m.modified == "2024-05-01")
    }
}
