import Foundation
import WinnowCrawl
import WinnowState

/// Politeness, host by host, as the scheduler sees it this minute: requests in flight, when the next may start,
/// the host's robots.txt and any backoff it asked for. Robots and backoff are also kept in the state store (so
/// a restart neither refetches robots.txt nor forgets a Retry-After); the rest lives only in memory.
struct HostTable {
    struct Host {
        var inFlight = 0
        var nextStart: Date = .distantPast
        var robots: RobotsPolicy?
        var robotsExpiresAt: Date = .distantPast
        var robotsInFlight = false
        var backoffUntil: Date?
        /// Seconds between requests asked for by robots.txt's Crawl-delay.
        var crawlDelay: Double?
        /// Page fetches in a row that failed on the server's side (`FailurePolicy.isHostTrouble`).
        var failureStreak = 0
    }

    private(set) var hosts: [String: Host] = [:]

    /// What should happen with a frontier URL of `host` now.
    enum Admission: Equatable {
        /// Fetch it.
        case go
        /// Not yet: politeness, backoff, or robots.txt still to be fetched.
        case wait
        /// Fetch robots.txt first (nobody is fetching it yet).
        case fetchRobots
        /// robots.txt forbids it.
        case disallowed
        /// robots.txt could not be read (5xx or unreachable): try the URL again at this time.
        case robotsUnavailable(until: Date)
    }

    /// Hosts that cannot take another request now (for `StateStore.nextDue`'s exclusion list).
    func busyHosts(now: Date, settings: DaemonConfiguration) -> Set<String> {
        var busy = Set<String>()
        for (name, host) in hosts {
            let policy = settings.policy(forHost: name)
            if host.inFlight >= policy.concurrency || host.nextStart > now || host.robotsInFlight
                || (host.backoffUntil.map { $0 > now } ?? false)
            {
                busy.insert(name)
            }
        }
        return busy
    }

    /// Loads the stored robots.txt and backoff of `name` the first time the host is seen.
    mutating func load(_ name: String, from store: any StateStore) {
        guard hosts[name] == nil else { return }
        var host = Host()
        if let record = try? store.host(name) {
            host.backoffUntil = record.backoffUntil
            if record.robotsFetchedAt != nil, let expires = record.robotsExpiresAt {
                host.robots = RobotsPolicy.from(status: record.robotsStatus, body: record.robotsBody)
                host.robotsExpiresAt = expires
            }
        }
        hosts[name] = host
    }

    /// Decides whether `url` (on `host`) may be fetched now.
    mutating func admit(_ url: String, host name: String, now: Date, settings: DaemonConfiguration) -> Admission {
        let policy = settings.policy(forHost: name)
        let host = hosts[name, default: Host()]
        if let until = host.backoffUntil, until > now { return .wait }
        if host.inFlight >= policy.concurrency || host.nextStart > now { return .wait }
        guard policy.respectRobots else { return .go }
        guard let robots = host.robots, host.robotsExpiresAt > now else {
            return host.robotsInFlight ? .wait : .fetchRobots
        }
        switch robots {
        case .disallowAll: return .robotsUnavailable(until: host.robotsExpiresAt)
        default: return robots.isAllowed(url: url) ? .go : .disallowed
        }
    }

    /// Records a request starting to `host`: it counts as in flight, and the next may start after the delay.
    mutating func start(_ name: String, now: Date, settings: DaemonConfiguration) {
        let policy = settings.policy(forHost: name)
        var host = hosts[name, default: Host()]
        host.inFlight += 1
        let delay = HostDelay.effective(configured: policy.delay, crawlDelay: host.crawlDelay,
                                        cap: settings.fetch.crawlDelayCap)
        host.nextStart = now.addingTimeInterval(delay.seconds)
        hosts[name] = host
    }

    /// Records a request to `host` finishing.
    mutating func finish(_ name: String) {
        hosts[name, default: Host()].inFlight = max(0, hosts[name, default: Host()].inFlight - 1)
    }

    /// Marks robots.txt of `host` as being fetched.
    mutating func robotsStarted(_ name: String) {
        hosts[name, default: Host()].robotsInFlight = true
    }

    /// Stores a robots.txt answer (status nil: unreachable) and returns the record to persist. A readable or
    /// absent robots.txt is cached for the TTL; an unavailable one (5xx, unreachable) for a tenth of it, at
    /// least a minute, so the host is tried again soon.
    mutating func robotsFetched(_ name: String, status: Int?, body: String?, now: Date, settings: DaemonConfiguration)
        -> HostRecord
    {
        var host = hosts[name, default: Host()]
        let policy = RobotsPolicy.from(status: status, body: body)
        host.robots = policy
        host.robotsInFlight = false
        let ttl: Duration
        switch policy {
        case .disallowAll: ttl = max(.seconds(60), settings.fetch.robotsTTL / 10)
        default: ttl = settings.fetch.robotsTTL
        }
        host.robotsExpiresAt = now.addingTimeInterval(ttl.seconds)
        if case .rules(let rules) = policy { host.crawlDelay = rules.crawlDelay(for: DaemonConfiguration.robotsToken) }
        hosts[name] = host
        return HostRecord(host: name, robotsStatus: status, robotsBody: body, robotsFetchedAt: now,
                          robotsExpiresAt: host.robotsExpiresAt, backoffUntil: host.backoffUntil)
    }

    /// Records how a page fetch from `host` ended: a server-side failure extends the host's failure streak, any
    /// answer ends it. Returns the streak.
    mutating func recordPageOutcome(_ name: String, hostTrouble: Bool) -> Int {
        var host = hosts[name, default: Host()]
        host.failureStreak = hostTrouble ? host.failureStreak + 1 : 0
        hosts[name] = host
        return host.failureStreak
    }

    /// Parks `host` until `until` (a 429/503); returns the (possibly later) time it is parked until.
    mutating func backOff(_ name: String, until: Date) -> Date {
        var host = hosts[name, default: Host()]
        let parked = max(until, host.backoffUntil ?? .distantPast)
        host.backoffUntil = parked
        hosts[name] = host
        return parked
    }

    /// Total requests in flight.
    var inFlight: Int { hosts.values.reduce(0) { $0 + $1.inFlight + ($1.robotsInFlight ? 1 : 0) } }
}
