/// The pause between two requests to the same host.
public enum HostDelay {
    /// `max(configured, min(crawlDelay, cap))`: the configured politeness delay, lengthened by the host's
    /// robots.txt `crawl-delay` (in seconds) but never by more than `cap`, so one host cannot stall its
    /// queue indefinitely. A missing, negative or non-finite `crawlDelay` leaves `configured` unchanged.
    public static func effective(configured: Duration, crawlDelay: Double?, cap: Duration) -> Duration {
        guard let crawlDelay, crawlDelay.isFinite, crawlDelay > 0 else { return configured }
        let capNanoseconds = DurationMath.nanoseconds(cap)
        let requested = crawlDelay * 1_000_000_000
        let limited =
            requested >= Double(capNanoseconds)
            ? DurationMath.duration(nanoseconds: capNanoseconds)
            : DurationMath.duration(nanoseconds: Int64(requested.rounded()))
        return max(configured, limited)
    }
}
