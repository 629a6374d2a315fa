import WinnowSources

/// The daemon's bounds on what one source or host can make it do, in one place (docs/limits.md lists every
/// limit of every module). The first two are the defaults of `[fetch] max_child_sitemaps` and
/// `max_sitemap_size`; other fetch-wide limits (body size, timeout, redirects) are `[fetch]` keys too.
enum DaemonLimits {
    /// Most child sitemaps fetched from one sitemap index per poll. An index lists at most 50,000 of them
    /// (sitemaps.org); following all of them every poll would be a crawl of its own.
    static let maxChildSitemaps = 100
    /// Largest sitemap accepted, on the wire and decompressed: the protocol's 50 MiB (a sitemap may
    /// legitimately exceed `[fetch] max_size`, so this replaces it for sitemap requests).
    static let maxSitemapBytes = SitemapParser.defaultMaximumSize
    /// Most URLs one sitemap poll lists over all of an index's children (each file lists at most
    /// `SitemapParser.maximumEntries`): bounds the memory one poll takes before the frontier dedups.
    static let maxSitemapURLsPerPoll = 500_000
}
