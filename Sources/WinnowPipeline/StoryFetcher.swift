import WinnowExtract
import WinnowFetch
import WinnowRules

/// Fetches a story over HTTP, following the site's multi-page rules.
///
/// The page is fetched with the rule set's `http_header` values. When a `single_page_link` rule yields a
/// URL, that page is fetched once and extracted instead (falling back to the first page if it fails or is
/// empty). Otherwise `next_page_link` is followed with `PageFollower` (page cap, loop guard) and each page's
/// blocks are appended to the first page's story.
public struct StoryFetcher: Sendable {
    /// The HTTP client (shared; fetches run concurrently on its multi handle).
    public let client: HTTPClient
    /// The per-page pipeline.
    public let pipeline: StoryPipeline
    /// Pages to take in total, including the first.
    public let maximumPages: Int
    /// Whether each page's story carries the extractor's kept/dropped decisions (`--explain`).
    public let explain: Bool
    /// Where pages are parsed and extracted; nil: on the calling task.
    public let pool: ExtractionPool?

    /// A fetcher; `maximumPages` bounds multi-page stories (10 by default). With a `pool`, extraction runs on
    /// its threads instead of the caller's (a daemon keeps its concurrency pool free for scheduling).
    public init(client: HTTPClient, pipeline: StoryPipeline, maximumPages: Int = 10, explain: Bool = false,
                pool: ExtractionPool? = nil) {
        self.client = client
        self.pipeline = pipeline
        self.maximumPages = max(1, maximumPages)
        self.explain = explain
        self.pool = pool
    }

    /// The story at `url`, with every page it spans.
    public func fetch(_ url: String) async throws -> FetchedStory {
        switch try await fetch(url, validators: nil) {
        case .story(let story, _): return story
        case .notModified(let response):  // only possible when validators were sent
            throw FetchError(code: .httpStatus(response.status), message: "unexpected 304", url: url)
        }
    }

    /// The story at `url`, asked for conditionally: with `validators` from an earlier fetch the server may
    /// answer 304, reported as `.notModified` without extracting anything. Either way the response's status,
    /// final URL and fresh validators come back for the caller to store. Non-2xx answers throw `FetchError`
    /// (`.httpStatus`, with the Retry-After header when the server sent one).
    public func fetch(_ url: String, validators: ConditionalValidators?, overrides: RequestOverrides = RequestOverrides())
        async throws -> PageOutcome
    {
        let response = try await fetchResponse(url, validators: validators, overrides: overrides)
        let summary = PageResponse(status: response.status, url: response.url, validators: response.validators,
                                   body: response.body, contentType: response.contentType)
        if response.isNotModified { return .notModified(summary) }
        let first = (url: response.url, story: try await extract(response))
        return .story(try await followPages(from: first, requested: url, overrides: overrides), summary)
    }

    /// The rest of a story whose first page is `first`: a single-page version, or the next pages.
    private func followPages(from first: (url: String, story: PageStory), requested url: String,
                             overrides: RequestOverrides) async throws -> FetchedStory
    {
        var story = first.story
        var pages = [first.url]
        if let single = story.singlePageURL, single != first.url, single != url {
            if let whole = try? await fetchPage(single, overrides: overrides), !whole.story.article.blocks.isEmpty {
                var article = whole.story.article
                article.metadata.url = first.url
                story.article = article
                return FetchedStory(story: story, pages: [first.url, whole.url], stop: .singlePage(whole.url))
            }
        }
        var follower = PageFollower(firstPage: first.url, maximumPages: maximumPages)
        var next = story.nextPageURL
        var stop: FetchedStory.Stop
        while true {
            let step = follower.next(link: next)
            guard case .follow(let link) = step else {
                if case .stop(let reason) = step { stop = .followed(reason) } else { stop = .followed(.noNextLink) }
                break
            }
            do {
                let page = try await fetchPage(link, overrides: overrides)
                pages.append(page.url)
                story.article.blocks += page.story.article.blocks
                next = page.story.nextPageURL
            } catch {
                stop = .failed(link, "\(error)")
                break
            }
        }
        return FetchedStory(story: story, pages: pages, stop: stop)
    }

    /// Every story in `urls`, fetched concurrently on the shared client, with each result in the slot of the
    /// URL it came from: `results[i]` is `urls[i]`'s story or the error that stopped it.
    ///
    /// Each child task awaits its whole outcome into a local before it builds the value it returns. Swift 6.3's
    /// optimizer miscompiles a task's tuple result when one element is written before a suspension and the
    /// rest after it (`return (index, try await fetch(url))` loses `index` in `-O` builds; swiftlang/swift
    /// PR #91911), which put stories in the wrong slots and crashed the release build. A `Slot` assembled
    /// only after the await has no part that can be written early.
    public func fetchAll(_ urls: [String]) async -> [Result<FetchedStory, any Error>] {
        struct Slot: Sendable {
            let index: Int
            let result: Result<FetchedStory, any Error>
        }
        return await withTaskGroup(of: Slot.self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask {
                    let result: Result<FetchedStory, any Error>
                    do {
                        result = .success(try await fetch(url))
                    } catch {
                        result = .failure(error)
                    }
                    return Slot(index: index, result: result)
                }
            }
            var slots = [Result<FetchedStory, any Error>?](repeating: nil, count: urls.count)
            for await slot in group {
                precondition(slots.indices.contains(slot.index), "fetchAll: a task reported a slot out of range")
                slots[slot.index] = slot.result
            }
            return slots.map { $0! }
        }
    }

    /// One page: fetched with its site's headers and run through the pipeline.
    func fetchPage(_ url: String, overrides: RequestOverrides = RequestOverrides()) async throws
        -> (url: String, story: PageStory)
    {
        let response = try await fetchResponse(url, validators: nil, overrides: overrides)
        return (response.url, try await extract(response))
    }

    /// The response for `url`, with its site's `http_header` rules; 2xx (or 304 to a conditional request). For
    /// callers that want the page itself, not its story (`explain`, `rules new`).
    public func fetchResponse(_ url: String, validators: ConditionalValidators? = nil,
                       overrides: RequestOverrides = RequestOverrides()) async throws -> HTTPResponse {
        var headers = HTTPHeaders()
        if let userAgent = overrides.userAgent, userAgent != client.configuration.userAgent {
            headers.set(name: "User-Agent", value: userAgent)
        }
        for (name, value) in (pipeline.ruleSet(forURL: url)?.httpHeaders ?? [:]).sorted(by: { $0.key < $1.key }) {
            headers.set(name: name, value: value)
        }
        let request = HTTPRequest(url: url, headers: headers, validators: validators, totalTimeout: overrides.timeout)
        return try await client.fetch(request).requireSuccess()
    }

    /// The story in a fetched page, extracted on the pool when there is one.
    func extract(_ response: HTTPResponse) async throws -> PageStory {
        let pipeline = pipeline, explain = explain
        let work: @Sendable () throws -> PageStory = {
            try pipeline.extract(html: response.body, url: response.url, contentType: response.contentType,
                                 explain: explain)
        }
        guard let pool else { return try work() }
        return try await pool.run(work)
    }
}

/// Per-request settings that differ from the client's (a host's own User-Agent or timeout).
public struct RequestOverrides: Sendable, Equatable {
    /// Sent instead of the client's User-Agent; a site rule's `http_header(user-agent)` still wins.
    public var userAgent: String?
    /// The whole request's time limit instead of the client's.
    public var timeout: Duration?

    public init(userAgent: String? = nil, timeout: Duration? = nil) {
        self.userAgent = userAgent
        self.timeout = timeout
    }
}

/// What a conditional page fetch found.
public enum PageOutcome: Sendable {
    /// The page changed (or was fetched unconditionally): its story.
    case story(FetchedStory, PageResponse)
    /// 304 Not Modified: the story already stored is current.
    case notModified(PageResponse)
}

/// The parts of a page's HTTP response a caller stores between fetches.
public struct PageResponse: Sendable, Equatable {
    /// The HTTP status (200, 203, 304, …).
    public let status: Int
    /// The final URL, after redirects.
    public let url: String
    /// Validators for the next conditional request, nil when the server offered none.
    public let validators: ConditionalValidators?
    /// The first page's body (empty for a 304), for callers that also read its links.
    public let body: [UInt8]
    /// The first page's Content-Type header.
    public let contentType: String?

    public init(status: Int, url: String, validators: ConditionalValidators?, body: [UInt8] = [],
                contentType: String? = nil) {
        self.status = status
        self.url = url
        self.validators = validators
        self.body = body
        self.contentType = contentType
    }
}

/// A fetched story and how it was put together.
public struct FetchedStory: Sendable {
    /// Why page following ended.
    public enum Stop: Sendable, Hashable {
        /// The whole story came from a `single_page_link` page.
        case singlePage(String)
        /// Following ended for this reason (no link, page cap, loop).
        case followed(PageFollower.StopReason)
        /// A later page failed to fetch; the pages before it are kept.
        case failed(String, String)
    }

    /// The story (blocks of every page appended; metadata from the first page).
    public var story: PageStory
    /// The URLs of the pages used, in order (after redirects).
    public let pages: [String]
    /// Why following ended.
    public let stop: Stop
}
