import Testing
import WinnowTestSupport
@testable import WinnowCrawl

@Suite("Backoff")
struct BackoffTests {
    @Test("the range doubles per attempt and stops at the cap")
    func bounds() {
        let base = Duration.seconds(1)
        let cap = Duration.seconds(60)
        #expect(Backoff.bounds(attempt: 1, base: base, cap: cap) == .milliseconds(500)...(.seconds(1)))
        #expect(Backoff.bounds(attempt: 2, base: base, cap: cap) == .seconds(1)...(.seconds(2)))
        #expect(Backoff.bounds(attempt: 3, base: base, cap: cap) == .seconds(2)...(.seconds(4)))
        #expect(Backoff.bounds(attempt: 6, base: base, cap: cap) == .seconds(16)...(.seconds(32)))
        #expect(Backoff.bounds(attempt: 7, base: base, cap: cap) == .seconds(30)...(.seconds(60)))
        #expect(Backoff.bounds(attempt: 1000, base: base, cap: cap) == .seconds(30)...(.seconds(60)))
        #expect(Backoff.bounds(attempt: 0, base: base, cap: cap) == Backoff.bounds(attempt: 1, base: base, cap: cap))
        #expect(Backoff.bounds(attempt: -5, base: base, cap: cap) == Backoff.bounds(attempt: 1, base: base, cap: cap))
    }

    @Test("every delay lies in its range", arguments: [1, 2, 3, 5, 8, 13, 40, 62, 63, 64, 100, 1000, Int.max])
    func delayWithinBounds(attempt: Int) {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: attempt))
        let base = Duration.milliseconds(250)
        let cap = Duration.seconds(300)
        let range = Backoff.bounds(attempt: attempt, base: base, cap: cap)
        for _ in 0..<500 {
            let delay = Backoff.delay(attempt: attempt, base: base, cap: cap, random: &random)
            #expect(range.contains(delay), "attempt \(attempt): \(delay)")
            #expect(delay <= cap && delay >= .zero)
        }
    }

    @Test("equal jitter: half fixed, half spread out")
    func jitterSpread() throws {
        var random = SplitMix64(seed: 2024)
        let delays = (0..<2000).map { _ in
            Backoff.delay(attempt: 4, base: .seconds(1), cap: .seconds(100), random: &random)
        }
        // Ceiling 8 s: delays spread over 4...8 s, averaging about 6 s.
        #expect(Set(delays).count > 1900)
        #expect(try #require(delays.min()) < .milliseconds(4100))
        #expect(try #require(delays.max()) > .milliseconds(7900))
        let mean = delays.reduce(Duration.zero, +) / delays.count
        #expect(mean > .milliseconds(5850) && mean < .milliseconds(6150), "mean \(mean)")
    }

    @Test("a seeded generator reproduces the same delays")
    func reproducible() {
        var first = SplitMix64(seed: 99)
        var second = SplitMix64(seed: 99)
        var other = SplitMix64(seed: 100)
        let a = (1...20).map { Backoff.delay(attempt: $0, base: .seconds(1), cap: .seconds(3600), random: &first) }
        let b = (1...20).map { Backoff.delay(attempt: $0, base: .seconds(1), cap: .seconds(3600), random: &second) }
        let c = (1...20).map { Backoff.delay(attempt: $0, base: .seconds(1), cap: .seconds(3600), random: &other) }
        #expect(a == b)
        #expect(a != c)
    }

    @Test("degenerate and extreme inputs stay sane")
    func extremes() {
        var random = SplitMix64(seed: 1)
        #expect(Backoff.delay(attempt: 3, base: .zero, cap: .seconds(10), random: &random) == .zero)
        #expect(Backoff.delay(attempt: 3, base: .seconds(1), cap: .zero, random: &random) == .zero)
        #expect(Backoff.delay(attempt: 3, base: .seconds(-1), cap: .seconds(10), random: &random) == .zero)
        // A cap below the base caps the very first retry.
        let small = Backoff.delay(attempt: 1, base: .seconds(10), cap: .seconds(2), random: &random)
        #expect(small >= .seconds(1) && small <= .seconds(2))
        // Durations far beyond what nanoseconds in an Int64 can hold saturate instead of overflowing.
        let huge = Duration.seconds(Int64.max)
        let delay = Backoff.delay(attempt: 1000, base: huge, cap: huge, random: &random)
        #expect(delay > .seconds(4_000_000_000) && delay <= huge)
    }
}
