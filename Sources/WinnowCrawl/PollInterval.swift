/// How often to poll a source (a feed, sitemap or section page), adapting to how often it changes.
public enum PollInterval {
    /// The interval after a successful poll: halved when the source showed new items, grown by half
    /// (× 1.5) when it did not, and always clamped into `bounds` (a `current` outside them is clamped too).
    public static func next(current: Duration, changed: Bool, bounds: ClosedRange<Duration>) -> Duration {
        let nanoseconds = DurationMath.nanoseconds(current)
        let proposed: Int64
        if changed {
            proposed = nanoseconds / 2
        } else {
            let (grown, overflow) = nanoseconds.addingReportingOverflow(nanoseconds / 2)
            proposed = overflow ? .max : grown
        }
        return clamp(DurationMath.duration(nanoseconds: proposed), to: bounds)
    }

    /// The wait before polling a source that has failed `streak` times in a row (1 = the last poll failed):
    /// `base · 2^(streak-1)`, at most `cap`. Always a finite wait, so a failing source is always retried;
    /// a `streak` below 1 counts as 1, and a non-positive `base` or `cap` gives zero.
    public static func afterFailure(streak: Int, base: Duration, cap: Duration) -> Duration {
        DurationMath.duration(nanoseconds: DurationMath.doubled(base, times: streak - 1, cap: cap))
    }

    private static func clamp(_ value: Duration, to bounds: ClosedRange<Duration>) -> Duration {
        min(max(value, bounds.lowerBound), bounds.upperBound)
    }
}
