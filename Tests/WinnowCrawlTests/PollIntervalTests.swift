import Testing
@testable import WinnowCrawl

@Suite("PollInterval and HostDelay")
struct PollIntervalTests {
    let bounds = Duration.seconds(10)...Duration.seconds(3600)

    @Test("changed halves, unchanged grows by half")
    func adapts() {
        #expect(PollInterval.next(current: .seconds(60), changed: true, bounds: bounds) == .seconds(30))
        #expect(PollInterval.next(current: .seconds(60), changed: false, bounds: bounds) == .seconds(90))
        #expect(PollInterval.next(current: .milliseconds(20_001), changed: false, bounds: bounds)
            == .nanoseconds(30_001_500_000))
    }

    @Test("results are clamped into the bounds")
    func clamps() {
        #expect(PollInterval.next(current: .seconds(15), changed: true, bounds: bounds) == .seconds(10))
        #expect(PollInterval.next(current: .seconds(3000), changed: false, bounds: bounds) == .seconds(3600))
        #expect(PollInterval.next(current: .seconds(1), changed: false, bounds: bounds) == .seconds(10))
        #expect(PollInterval.next(current: .seconds(90_000), changed: true, bounds: bounds) == .seconds(3600))
        #expect(PollInterval.next(current: .zero, changed: false, bounds: bounds) == .seconds(10))
        #expect(PollInterval.next(current: .seconds(-50), changed: true, bounds: bounds) == .seconds(10))
        #expect(PollInterval.next(current: .seconds(Int64.max), changed: false, bounds: bounds) == .seconds(3600))
        #expect(PollInterval.next(current: .seconds(5), changed: false, bounds: .seconds(5)...(.seconds(5)))
            == .seconds(5))
    }

    @Test("a quiet source drifts to the upper bound, a busy one to the lower")
    func converges() {
        var interval = Duration.seconds(60)
        for _ in 0..<30 { interval = PollInterval.next(current: interval, changed: false, bounds: bounds) }
        #expect(interval == .seconds(3600))
        for _ in 0..<30 { interval = PollInterval.next(current: interval, changed: true, bounds: bounds) }
        #expect(interval == .seconds(10))
    }

    @Test("a failing source backs off exponentially up to the cap")
    func afterFailure() {
        let base = Duration.seconds(60)
        let cap = Duration.seconds(6 * 3600)
        #expect(PollInterval.afterFailure(streak: 1, base: base, cap: cap) == .seconds(60))
        #expect(PollInterval.afterFailure(streak: 2, base: base, cap: cap) == .seconds(120))
        #expect(PollInterval.afterFailure(streak: 5, base: base, cap: cap) == .seconds(960))
        #expect(PollInterval.afterFailure(streak: 9, base: base, cap: cap) == .seconds(15_360))
        #expect(PollInterval.afterFailure(streak: 10, base: base, cap: cap) == cap)
        #expect(PollInterval.afterFailure(streak: 0, base: base, cap: cap) == .seconds(60))
        #expect(PollInterval.afterFailure(streak: -3, base: base, cap: cap) == .seconds(60))
        #expect(PollInterval.afterFailure(streak: 1000, base: base, cap: cap) == cap)
        #expect(PollInterval.afterFailure(streak: .max, base: base, cap: cap) == cap)
        #expect(PollInterval.afterFailure(streak: 3, base: .seconds(600), cap: .seconds(300)) == .seconds(300))
        var previous = Duration.zero
        for streak in 1...200 {
            let wait = PollInterval.afterFailure(streak: streak, base: base, cap: cap)
            #expect(wait >= previous && wait <= cap && wait > .zero)
            previous = wait
        }
    }

    @Test("host delay honours crawl-delay up to the cap")
    func hostDelay() {
        let configured = Duration.seconds(1)
        let cap = Duration.seconds(30)
        #expect(HostDelay.effective(configured: configured, crawlDelay: nil, cap: cap) == .seconds(1))
        #expect(HostDelay.effective(configured: configured, crawlDelay: 5, cap: cap) == .seconds(5))
        #expect(HostDelay.effective(configured: configured, crawlDelay: 1.25, cap: cap) == .milliseconds(1250))
        #expect(HostDelay.effective(configured: configured, crawlDelay: 0.5, cap: cap) == .seconds(1))
        #expect(HostDelay.effective(configured: configured, crawlDelay: 100, cap: cap) == .seconds(30))
        #expect(HostDelay.effective(configured: configured, crawlDelay: 1e300, cap: cap) == .seconds(30))
        #expect(HostDelay.effective(configured: configured, crawlDelay: -4, cap: cap) == .seconds(1))
        #expect(HostDelay.effective(configured: configured, crawlDelay: .nan, cap: cap) == .seconds(1))
        #expect(HostDelay.effective(configured: configured, crawlDelay: .infinity, cap: cap) == .seconds(1))
        // The configured delay is never shortened, even by a cap below it.
        #expect(HostDelay.effective(configured: .seconds(3), crawlDelay: 10, cap: .seconds(2)) == .seconds(3))
    }
}
