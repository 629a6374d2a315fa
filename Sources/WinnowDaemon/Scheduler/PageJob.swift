import Foundation
import WinnowExtract
import WinnowOutput
import WinnowFetch
import WinnowPipeline
import WinnowSources
import WinnowState

/// Fetches one frontier URL and prepares everything the scheduler records: the story rendered and hashed (on
/// the extraction pool, off the scheduler's threads), the response's validators, and — for section pages not
/// yet at their depth limit — the links to follow. Writes nothing itself.
struct PageJob: Sendable {
    let fetcher: StoryFetcher
    let archive: StoryArchive
    let pool: ExtractionPool

    /// What one attempt produced.
    struct Result: Sendable {
        enum Outcome: Sendable {
            /// A story, ready to publish.
            case story(Article, rendered: [UInt8], hash: String, response: PageResponse)
            /// 304 to a conditional request: the stored story is current.
            case notModified(PageResponse)
            /// The attempt failed (see `FailurePolicy`).
            case failed(any Error)
        }
        var entry: FrontierEntry
        var outcome: Outcome
        /// Links found on the page, to follow one hop deeper (empty unless asked for).
        var links: [String] = []
    }

    /// Fetches `entry`, conditionally when it has validators, with its host's User-Agent and timeout; collects
    /// links when `followLinks`.
    func run(_ entry: FrontierEntry, followLinks: Bool, policy: HostPolicy) async -> Result {
        let validators = ConditionalValidators(etag: entry.etag, lastModified: entry.lastModified)
        let overrides = RequestOverrides(userAgent: policy.userAgent, timeout: policy.timeout)
        do {
            switch try await fetcher.fetch(entry.url, validators: validators.isEmpty ? nil : validators,
                                           overrides: overrides) {
            case .notModified(let response):
                return Result(entry: entry, outcome: .notModified(response))
            case .story(let fetched, let response):
                let article = fetched.story.article
                let archive = archive
                let prepared = try await pool.run { () -> (rendered: [UInt8], hash: String, links: [String]) in
                    let links = followLinks
                        ? ((try? LinkExtractor.links(in: response.body, url: response.url,
                                                     contentType: response.contentType)) ?? [])
                        : []
                    return (archive.render(article), Self.contentHash(of: article), links)
                }
                guard !article.blocks.isEmpty else {
                    return Result(entry: entry, outcome: .failed(NoStoryError()), links: prepared.links)
                }
                return Result(entry: entry, outcome: .story(article, rendered: prepared.rendered,
                                                            hash: prepared.hash, response: response),
                              links: prepared.links)
            }
        } catch {
            return Result(entry: entry, outcome: .failed(error))
        }
    }

    /// What makes two fetches the same story text: title, authors, dates and body. Not the URL, so one story
    /// reached by two URLs hashes alike, and not the page furniture the extractor dropped.
    static func contentHash(of article: Article) -> String {
        let metadata = article.metadata
        let fields = [metadata.title ?? "", metadata.authors.joined(separator: ", "), metadata.published ?? "",
                      metadata.modified ?? "", article.plainText]
        return ContentHash.hex(fields.joined(separator: "\n"))
    }
}
