/// Exponential backoff with "equal jitter" for retrying a failed request.
///
/// Retry `n` (1 = the first retry) waits a random time between half and all of `min(cap, base · 2^(n-1))`:
/// the fixed half keeps retries from hammering a struggling server, and the random half keeps many
/// clients that failed together from retrying together.
public enum Backoff {
    /// The wait before retry number `attempt` (1 = first retry; lower values count as 1).
    ///
    /// The result lies within `bounds(attempt:base:cap:)`: never negative, never above `cap`, and safe for
    /// any attempt number (the exponential part saturates at `cap` instead of overflowing). A non-positive
    /// `base` or `cap` gives zero.
    ///
    /// - Parameter random: the generator for the jitter (pass a seeded one in tests).
    public static func delay(
        attempt: Int, base: Duration, cap: Duration, random: inout some RandomNumberGenerator
    ) -> Duration {
        let ceiling = DurationMath.doubled(base, times: attempt - 1, cap: cap)
        let half = ceiling / 2
        let jitter = UInt64.random(in: 0...UInt64(ceiling - half), using: &random)
        return DurationMath.duration(nanoseconds: half + Int64(jitter))
    }

    /// The range `delay(attempt:base:cap:random:)` draws from: half to all of `min(cap, base · 2^(attempt-1))`.
    public static func bounds(attempt: Int, base: Duration, cap: Duration) -> ClosedRange<Duration> {
        let ceiling = DurationMath.doubled(base, times: attempt - 1, cap: cap)
        return DurationMath.duration(nanoseconds: ceiling / 2)...DurationMath.duration(nanoseconds: ceiling)
    }
}
