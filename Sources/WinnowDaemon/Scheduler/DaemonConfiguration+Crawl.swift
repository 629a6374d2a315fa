import Foundation
import WinnowState

/// The configuration as the scheduler reads it.
extension DaemonConfiguration {
    /// The product token matched against robots.txt `User-agent` lines.
    static let robotsToken = "winnow"

    /// Requests in flight at once, over all hosts (pages, feeds, sitemaps and robots.txt).
    var totalConcurrency: Int { max(1, fetch.concurrency) }

    /// The state store's view of the sources (new ones due at `now`).
    func sourceRecords(now: Date) -> [SourceRecord] {
        sources.map { source in
            SourceRecord(id: source.id, kind: source.kind.stateKind, url: source.url,
                         interval: source.interval.seconds, nextPollAt: now)
        }
    }

    /// Sources by id.
    var sourcesByID: [String: SourceConfiguration] {
        Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension SourceConfiguration {
    /// The bounds adaptive polling keeps the interval in.
    var intervalBounds: ClosedRange<Duration> { min(minInterval, maxInterval)...max(minInterval, maxInterval) }
}

extension SourceConfiguration.Kind {
    /// The state store's name for the kind.
    var stateKind: SourceKind {
        switch self {
        case .feed: .feed
        case .sitemap: .sitemap
        case .section: .section
        case .urls: .urlList
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
