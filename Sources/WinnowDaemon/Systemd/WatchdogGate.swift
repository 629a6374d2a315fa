import Foundation
import Synchronization

/// Decides when to send `WATCHDOG=1`: every half watchdog interval, but only when the scheduler has reported
/// progress since the previous ping.
///
/// A timer that pinged unconditionally would keep a daemon alive whose scheduler is stuck (a deadlock, a fetch
/// that never returns); withholding the ping instead lets systemd's `WatchdogSec=` expire, kill the service and,
/// with `Restart=on-failure`, start it again. The scheduler therefore must report progress (a heartbeat) at least
/// once every half interval while it is healthy, idle turns of its loop included.
///
/// The gate is a pure value: it reads no clock itself. Its owner passes the current instant of whichever clock it
/// uses (a test passes instants of its own), records heartbeats with ``recordProgress(at:)``, asks ``decide(at:)``
/// and sleeps until ``nextCheck(after:)``; ``SystemdNotifier/feedWatchdog(clock:heartbeat:)`` is that loop.
public struct WatchdogGate<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What to do at one check.
    public enum Decision: Sendable, Hashable {
        /// Send `WATCHDOG=1` now; the gate has recorded the ping.
        case ping
        /// The previous ping is less than half an interval old.
        case notDue
        /// A ping is due, but the scheduler has reported no progress since the previous one: stay silent.
        case withheld
    }

    /// The watchdog interval (`WatchdogSec=`, `$WATCHDOG_USEC`).
    public let interval: Duration
    /// The previous ping, or the instant the gate was made before the first one.
    public private(set) var lastPing: Instant
    /// The newest progress the scheduler has reported.
    public private(set) var lastProgress: Instant?
    /// The progress the previous ping vouched for; a ping needs progress newer than this.
    private var vouchedProgress: Instant?

    /// A gate for a watchdog of `interval`, started at `start` (the first ping is due half an interval later).
    public init(interval: Duration, start: Instant) {
        self.interval = interval
        self.lastPing = start
    }

    /// How long after a ping the next one is due: half the interval, as `sd_watchdog_enabled(3)` advises.
    public var pingSpacing: Duration { interval / 2 }

    /// How often a withheld ping is reconsidered, so a scheduler that recovers is vouched for promptly.
    public var recheckSpacing: Duration { interval / 16 }

    /// Records that the scheduler made progress at `instant`. Older or repeated instants change nothing, so the
    /// owner may pass the same latest heartbeat at every check.
    public mutating func recordProgress(at instant: Instant) {
        if let lastProgress, lastProgress >= instant { return }
        lastProgress = instant
    }

    /// Whether to ping at `now`; a ``Decision/ping`` is recorded as sent.
    public mutating func decide(at now: Instant) -> Decision {
        guard now >= lastPing.advanced(by: pingSpacing) else { return .notDue }
        guard let lastProgress, vouchedProgress.map({ lastProgress > $0 }) ?? true else { return .withheld }
        lastPing = now
        vouchedProgress = lastProgress
        return .ping
    }

    /// When to check next after a check at `now`: when the next ping falls due, or shortly after `now` while a
    /// ping is overdue and withheld.
    public func nextCheck(after now: Instant) -> Instant {
        let due = lastPing.advanced(by: pingSpacing)
        return due > now ? due : now.advanced(by: recheckSpacing)
    }
}

/// The scheduler's latest progress, shared between the scheduler (which calls ``beat(at:)``) and the watchdog
/// loop (which reads ``latest``).
public final class Heartbeat<Instant: InstantProtocol>: Sendable {
    private let stored = Mutex<Instant?>(nil)

    /// A heartbeat that has not beaten yet.
    public init() {}

    /// Records progress at `instant` (kept only if newer than what is stored).
    public func beat(at instant: Instant) {
        stored.withLock { stored in
            if let stored, stored >= instant { return }
            stored = instant
        }
    }

    /// The newest recorded progress, if any.
    public var latest: Instant? { stored.withLock { $0 } }
}

extension SystemdNotifier {
    /// Feeds the watchdog through a ``WatchdogGate`` until the task is cancelled: pings every half
    /// ``watchdogInterval`` while `heartbeat` shows fresh progress, and withholds pings (logging a warning once per
    /// stall) when it does not. Returns at once when the watchdog is off.
    ///
    /// - Parameters:
    ///   - clock: The clock that `heartbeat`'s instants come from (normally `ContinuousClock()`).
    ///   - heartbeat: Where the scheduler records its progress.
    public func feedWatchdog<C: Clock>(clock: C, heartbeat: Heartbeat<C.Instant>) async where C.Duration == Duration {
        guard let interval = watchdogInterval else { return }
        var gate = WatchdogGate(interval: interval, start: clock.now)
        var stalled = false
        while !Task.isCancelled {
            do {
                try await clock.sleep(until: gate.nextCheck(after: clock.now), tolerance: nil)
            } catch {
                return
            }
            if let latest = heartbeat.latest { gate.recordProgress(at: latest) }
            switch gate.decide(at: clock.now) {
            case .ping:
                watchdog()
                stalled = false
            case .withheld where !stalled:
                stalled = true
                logWatchdogWithheld(interval: interval)
            case .withheld, .notDue:
                break
            }
        }
    }
}
