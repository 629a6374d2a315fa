import Foundation

/// The `Retry-After` response header (RFC 9110 §10.2.3): when a 429 or 503 response says to try again.
public enum RetryAfter {
    /// The moment `value` names: `now` plus delta-seconds (`120`), or an HTTP-date in any of the three forms
    /// RFC 9110 §5.6.7 requires recipients to accept — IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the
    /// obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
    ///
    /// Nil for anything else, including negative or fractional seconds. A date in the past is returned as
    /// is (it means "now"; `delay` turns it into zero). Month and weekday names are matched
    /// case-insensitively and the weekday is not checked against the date.
    public static func parse(_ value: String, now: Date) -> Date? {
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let seconds = Double(trimmed) else { return nil }
            // Hundreds of digits overflow to infinity: answer with a far but finite date instead.
            return seconds.isFinite ? now.addingTimeInterval(seconds) : max(now, .distantFuture)
        }
        guard let seconds = HTTPDate.secondsSince1970(trimmed, now: now) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// How long to wait according to `value`, at most `cap` (servers may ask for absurd waits) and at least
    /// zero (a date in the past); nil when `value` cannot be parsed.
    public static func delay(_ value: String, now: Date, cap: Duration) -> Duration? {
        guard let date = parse(value, now: now) else { return nil }
        let interval = date.timeIntervalSince(now)
        let capNanoseconds = DurationMath.nanoseconds(cap)
        guard interval > 0 else { return .zero }
        let requested = interval * 1_000_000_000
        if requested >= Double(capNanoseconds) { return DurationMath.duration(nanoseconds: capNanoseconds) }
        return DurationMath.duration(nanoseconds: Int64(requested.rounded()))
    }
}
