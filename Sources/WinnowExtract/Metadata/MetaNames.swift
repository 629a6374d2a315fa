/// Which field (and source) a `<meta>` key feeds. Keys are the lowercased `property`, `name` or `itemprop`.
struct MetaTarget: Sendable {
    let field: MetadataField
    let source: MetadataSource
}

/// The `<meta>` allow-list, as data. Published-date names follow htmldate's list of what CMSs emit;
/// modified-date names are kept apart so they never pose as the publication date.
enum MetaNames {
    static let table: [String: MetaTarget] = {
        var t: [String: MetaTarget] = [:]
        func put(_ keys: [String], _ field: MetadataField, _ source: MetadataSource) {
            for key in keys { t[key] = MetaTarget(field: field, source: source) }
        }
        // OpenGraph / article:*.
        put(["og:title"], .title, .openGraph)
        put(["og:site_name"], .siteName, .openGraph)
        put(["og:url"], .canonicalURL, .openGraph)
        put(["og:image", "og:image:url", "og:image:secure_url"], .image, .openGraph)
        put(["og:description"], .description, .openGraph)
        put(["og:locale"], .language, .openGraph)
        put(["article:published_time", "article:published", "og:published_time", "og:article:published_time",
             "article:published_date", "og:pubdate"], .published, .openGraph)
        put(["article:modified_time", "og:updated_time", "article:modified", "og:article:modified_time",
             "og:modified_time", "article:updated_time"], .modified, .openGraph)
        put(["article:author", "og:article:author", "book:author"], .authors, .openGraph)
        put(["article:tag", "og:article:tag"], .tags, .openGraph)
        // Twitter cards.
        put(["twitter:title"], .title, .twitter)
        put(["twitter:description"], .description, .twitter)
        put(["twitter:image", "twitter:image:src"], .image, .twitter)
        // Plain, Dublin Core, Parse.ly, Sailthru, citation_*, and CMS-specific names.
        put(["author", "dc.creator", "dc.creator.author", "dcterms.creator", "parsely-author", "sailthru.author",
             "byl", "citation_author", "article.author", "cxenseparse:author", "dc.contributor", "authors",
             "article:author_name", "analyticsattributes.author", "content_author"], .authors, .meta)
        put(["parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
             "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created", "dcterms.issued",
             "sailthru.date", "article.published", "article_date_original", "original-publish-date",
             "displaydate", "citation_publication_date", "citation_date", "citation_online_date",
             "publication_date", "release_date", "cxenseparse:recs:publishtime", "article.created",
             "date_published", "published_time", "published-date", "created", "dc.issued", "pub_date",
             "og:published_date", "rnews:datepublished", "datecreated", "dateposted", "published",
             "article:published_date", "post_date", "article_date", "date.published", "sort_date"], .published, .meta)
        put(["dc.date.modified", "dcterms.modified", "lastmod", "last-modified", "article.updated",
             "modified_time", "updated_time", "last_updated", "revised", "dateupdated",
             "cxenseparse:recs:articlemodifiedtime"], .modified, .meta)
        put(["dc.title", "parsely-title", "sailthru.title", "citation_title", "title"], .title, .meta)
        put(["description", "dc.description", "dcterms.description"], .description, .meta)
        put(["keywords", "news_keywords", "parsely-tags", "sailthru.tags", "dc.subject"], .tags, .meta)
        put(["application-name", "dc.publisher", "dcterms.publisher", "citation_journal_title",
             "apple-mobile-web-app-title"], .siteName, .meta)
        put(["content-language", "dc.language", "language", "dcterms.language"], .language, .meta)
        return t
    }()

    /// Whether a `<meta>` key outside the table names a publication date by its words ("w-published-date",
    /// "page.publish_time"): a publication word and a date or time word, and no modification word.
    static func isPublicationDateKey(_ key: String) -> Bool {
        publicationKeyWords.contains { key.containsText($0) } && dateKeyWords.contains { key.containsText($0) }
            && !modificationKeyWords.contains { key.containsText($0) }
    }

    static let publicationKeyWords = ["publish", "pubdate", "pub_date", "pub-date"]
    static let dateKeyWords = ["date", "time"]
    static let modificationKeyWords = ["modif", "updat", "revis", "expir", "edit"]

    /// Author keys that hold one person per `<meta>`, written "Last, First" (Highwire/Google Scholar citation
    /// tags): the comma is the inversion, not a list of two people.
    static let invertedNameKeys: Set<String> = ["citation_author"]

    /// "Roy, Aniruddha" → "Aniruddha Roy"; any other shape (no comma, several commas, a role after the comma
    /// such as "Jane Doe, MD") is returned as given.
    static func uninvertedName(_ value: String) -> String {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmedWhitespace() }
        guard parts.count == 2, let last = parts.first, let first = parts.last, !last.isEmpty, !first.isEmpty,
              last.split(separator: " ").count <= 3,  // "van der Berg"
              first.first?.isUppercase ?? false, first != first.uppercased(),
              !AuthorCleaner.roleWords.contains(first.lowercased().trimmingPunctuation()) else { return value }
        return first + " " + last
    }

    /// `itemprop` values on `<meta>` or visible elements (microdata).
    static let microdata: [String: MetadataField] = [
        "author": .authors, "creator": .authors, "datepublished": .published, "datecreated": .published,
        "datemodified": .modified, "dateupdated": .modified, "headline": .title,
        "inlanguage": .language, "keywords": .tags,
    ]
}
