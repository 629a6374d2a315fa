import Foundation
import WinnowCrawl
import WinnowFetch
import WinnowSources
import WinnowState

/// Polls one source: fetches its feed, sitemap, section page or URL list (conditionally, with the validators
/// of the last poll) and turns what it lists into frontier discoveries. No state is written here; the scheduler
/// records the result.
struct SourcePoller: Sendable {
    let client: HTTPClient
    /// Most child sitemaps fetched from one sitemap index per poll.
    var maxChildSitemaps = DaemonLimits.maxChildSitemaps
    /// Largest sitemap accepted, on the wire and decompressed (it replaces `[fetch] max_size` for sitemaps).
    var maxSitemapBytes = DaemonLimits.maxSitemapBytes
    /// Most URLs one sitemap poll lists, over all child sitemaps.
    var maxSitemapURLs = DaemonLimits.maxSitemapURLsPerPoll

    /// What one poll found.
    struct Result: Sendable {
        enum Outcome: Sendable {
            /// 304: nothing changed since the last poll.
            case unchanged
            /// The source listed these URLs (before dedup against the frontier).
            case listed([Discovery])
            /// The poll failed; the source is retried with backoff.
            case failed(String)
        }
        var sourceID: String
        var outcome: Outcome
        /// Validators for the next poll (nil: keep the old ones).
        var validators: ConditionalValidators?
    }

    func poll(_ source: SourceConfiguration, validators: ConditionalValidators?, now: Date) async -> Result {
        do {
            if source.kind == .urls, !source.url.lowercased().hasPrefix("http") {
                return Result(sourceID: source.id, outcome: .listed(try listFile(source, now: now)), validators: nil)
            }
            let cap = source.kind == .sitemap ? maxSitemapBytes : nil
            let response = try await client.fetch(HTTPRequest(url: source.url, validators: validators, maxBodyBytes: cap))
                .requireSuccess()
            if response.isNotModified {
                return Result(sourceID: source.id, outcome: .unchanged, validators: nil)
            }
            let discoveries = try await discoveries(in: response, source: source, now: now)
            return Result(sourceID: source.id, outcome: .listed(discoveries), validators: response.validators)
        } catch {
            return Result(sourceID: source.id, outcome: .failed(FailurePolicy.describe(error)), validators: nil)
        }
    }

    /// The article URLs a fetched source lists, filtered and normalized.
    private func discoveries(in response: HTTPResponse, source: SourceConfiguration, now: Date) async throws
        -> [Discovery]
    {
        var found: [(url: String, modified: Date?)] = []
        switch source.kind {
        case .feed:
            let feed = try FeedParser.parse(response.body, url: response.url, contentType: response.contentType)
            found = feed.items.map { ($0.url, $0.updated ?? $0.published) }
        case .sitemap:
            found = try await sitemapEntries(response)
        case .section:
            let links = try LinkExtractor.links(in: response.body, url: response.url, contentType: response.contentType)
            found = links.filter { Self.sameSite($0, as: response.url) }.map { ($0, nil) }
        case .urls:
            let text = String(decoding: response.body, as: UTF8.self)
            found = URLList.parse(text, base: response.url).urls.map { ($0, nil) }
        }
        return found.compactMap { item in discovery(item.url, modified: item.modified, source: source, now: now) }
    }

    /// A local URL list file.
    private func listFile(_ source: SourceConfiguration, now: Date) throws -> [Discovery] {
        guard let data = FileManager.default.contents(atPath: source.url) else {
            throw SourcePollError("cannot read \(source.url)")
        }
        return URLList.parse(String(decoding: data, as: UTF8.self), base: nil).urls.compactMap {
            discovery($0, modified: nil, source: source, now: now)
        }
    }

    /// Entries of a sitemap, following an index one level down (children fetched unconditionally).
    ///
    /// Hostile or broken indexes are bounded: an index of indexes goes no deeper (so an index listing itself,
    /// or A listing B listing A, ends after one level), each child URL is fetched once per poll and never the
    /// index itself, at most `maxChildSitemaps` children are fetched, and fetching stops once
    /// `maxSitemapURLs` URLs are listed.
    private func sitemapEntries(_ response: HTTPResponse) async throws -> [(url: String, modified: Date?)] {
        switch try parseSitemap(response) {
        case .urlSet(let entries):
            return entries.prefix(maxSitemapURLs).map { ($0.url, $0.lastModified ?? $0.news?.publicationDate) }
        case .index(let children):
            var all: [(url: String, modified: Date?)] = []
            var seen: Set<String> = [response.url, response.requestedURL]
            var fetched = 0
            for child in children {
                guard fetched < maxChildSitemaps, all.count < maxSitemapURLs else { break }
                guard seen.insert(child.url).inserted else { continue }
                fetched += 1
                let request = HTTPRequest(url: child.url, maxBodyBytes: maxSitemapBytes)
                guard let childResponse = try? await client.fetch(request).requireSuccess(),
                      case .urlSet(let entries)? = try? parseSitemap(childResponse)
                else { continue }  // one broken child does not fail the whole index; an index of indexes stops
                all += entries.prefix(maxSitemapURLs - all.count).map {
                    ($0.url, $0.lastModified ?? $0.news?.publicationDate)
                }
            }
            return all
        }
    }

    private func parseSitemap(_ response: HTTPResponse) throws -> Sitemap {
        try SitemapParser.parse(response.body, url: response.url, contentType: response.contentType,
                                maximumSize: maxSitemapBytes)
    }

    /// A frontier discovery for `url`, or nil when it is not an http(s) URL, fails the source's filter, or is
    /// older than the source's `maxAge`.
    func discovery(_ url: String, modified: Date?, source: SourceConfiguration, now: Date) -> Discovery? {
        guard let normalized = URLNormalizer.normalize(url), let host = URLNormalizer.host(of: normalized),
            source.accepts(normalized)
        else { return nil }
        if let maxAge = source.maxAge, let modified, now.timeIntervalSince(modified) > maxAge.seconds { return nil }
        return Discovery(url: normalized, host: host, sourceID: source.id, depth: 0, kind: .article,
                         sourceModifiedAt: modified)
    }
}

extension SourcePoller {
    /// True when `url` is on the site of `base`: the same host, give or take a leading `www.`.
    static func sameSite(_ url: String, as base: String) -> Bool {
        guard let host = URLNormalizer.host(of: url), let baseHost = URLNormalizer.host(of: base) else { return false }
        func bare(_ name: String) -> Substring { name.hasPrefix("www.") ? name.dropFirst(4) : name[...] }
        return bare(host) == bare(baseHost)
    }
}

/// A source that could not be read, in one line.
struct SourcePollError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
