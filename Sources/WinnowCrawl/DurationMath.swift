/// Saturating conversions between `Duration` and whole nanoseconds, so delay arithmetic can never overflow
/// or go negative, whatever the caller passes.
enum DurationMath {
    /// `duration` in nanoseconds, clamped to `0...Int64.max` (negative durations count as zero; anything
    /// below a nanosecond is dropped).
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max }
        let (total, overflowAdding) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflowAdding else { return .max }
        return max(total, 0)
    }

    /// A duration of `nanoseconds` (negative values become zero).
    static func duration(nanoseconds: Int64) -> Duration {
        .nanoseconds(max(nanoseconds, 0))
    }

    /// `base · 2^(exponent)` in nanoseconds, never above `cap` (and without overflowing on the way there);
    /// zero when `base` or `cap` is not positive.
    static func doubled(_ base: Duration, times exponent: Int, cap: Duration) -> Int64 {
        let base = nanoseconds(base)
        let cap = nanoseconds(cap)
        guard base > 0, cap > 0 else { return 0 }
        let shift = max(exponent, 0)
        if shift >= 63 || base > cap >> shift { return cap }
        return min(base << shift, cap)
    }
}
