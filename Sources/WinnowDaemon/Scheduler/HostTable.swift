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
        /// Host faults in a row (timeouts, refused or dropped connections, 5xx); any other answer resets it.
        var failureStreak = 0
    }

    /// Host faults in a row before the host is parked: one stalled or dead host must not hold fetch slots
    /// (each for a whole timeout) that the healthy hosts could use.
    static let faultsBeforeBackoff = 3

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
            host.failureStreak = record.errorStreak
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
                          robotsExpiresAt: host.robotsExpiresAt, backoffUntil: host.backoffUntil,
                          errorStreak: host.failureStreak)
    }

    /// Parks `host` until `until` (a 429/503); returns the (possibly later) time it is parked until.
    mutating func backOff(_ name: String, until: Date) -> Date {
        var host = hosts[name, default: Host()]
        let parked = max(until, host.backoffUntil ?? .distantPast)
        host.backoffUntil = parked
        hosts[name] = host
        return parked
    }

    /// Records a host fault; returns the streak, and from the `faultsBeforeBackoff`-th fault in a row on, the
    /// time the host is parked until: `Backoff` from `base` to `cap`, one step further per fault.
    mutating func failed(_ name: String, now: Date, base: Duration, cap: Duration,
                         random: inout some RandomNumberGenerator) -> (streak: Int, parkedUntil: Date?) {
        var host = hosts[name, default: Host()]
        host.failureStreak += 1
        hosts[name] = host
        guard host.failureStreak >= Self.faultsBeforeBackoff else { return (host.failureStreak, nil) }
        let wait = Backoff.delay(attempt: host.failureStreak - Self.faultsBeforeBackoff + 1, base: base, cap: cap,
                                 random: &random)
        return (host.failureStreak, backOff(name, until: now.addingTimeInterval(wait.seconds)))
    }

    /// Records an answer that was not a host fault; returns true when it ended a streak.
    mutating func answered(_ name: String) -> Bool {
        guard let streak = hosts[name]?.failureStreak, streak > 0 else { return false }
        hosts[name]?.failureStreak = 0
        return true
    }

    /// Total requests in flight.
    var inFlight: Int { hosts.values.reduce(0) { $0 + $1.inFlight + ($1.robotsInFlight ? 1 : 0) } }
}
