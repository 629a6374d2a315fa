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

/// An HTTP-date reader: fixed formats, English names, GMT only, no locale or calendar objects involved.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let shortDays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longDays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Seconds since 1970-01-01T00:00:00Z for an HTTP-date, or nil. `now` settles the century of a
    /// two-digit RFC 850 year.
    static func secondsSince1970(_ text: String, now: Date) -> Int64? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        switch tokens.count {
        case 6:  // IMF-fixdate: "sun," "06" "nov" "1994" "08:49:37" "gmt"
            guard weekday(tokens[0], comma: true, names: shortDays), isGMT(tokens[5]),
                let day = number(tokens[1], digits: 1...2), let month = month(tokens[2]),
                let year = number(tokens[3], digits: 4...4)
            else { return nil }
            return timestamp(year: year, month: month, day: day, time: tokens[4])
        case 4:  // RFC 850: "sunday," "06-nov-94" "08:49:37" "gmt"
            let parts = tokens[1].split(separator: "-", omittingEmptySubsequences: false)
            guard weekday(tokens[0], comma: true, names: longDays), isGMT(tokens[3]), parts.count == 3,
                let day = number(parts[0], digits: 1...2), let month = month(parts[1]),
                let shortYear = number(parts[2], digits: 2...2)
            else { return nil }
            return timestamp(year: fullYear(shortYear, now: now), month: month, day: day, time: tokens[2])
        case 5:  // asctime: "sun" "nov" "6" "08:49:37" "1994"
            guard weekday(tokens[0], comma: false, names: shortDays), let month = month(tokens[1]),
                let day = number(tokens[2], digits: 1...2), let year = number(tokens[4], digits: 4...4)
            else { return nil }
            return timestamp(year: year, month: month, day: day, time: tokens[3])
        default:
            return nil
        }
    }

    private static func weekday(_ token: String, comma: Bool, names: Set<String>) -> Bool {
        guard token.hasSuffix(",") == comma else { return false }
        return names.contains(comma ? String(token.dropLast()) : token)
    }

    private static func isGMT(_ token: String) -> Bool { token == "gmt" || token == "utc" }

    /// 1...12 for an English month abbreviation.
    private static func month(_ token: some StringProtocol) -> Int? {
        months.firstIndex(of: String(token)).map { $0 + 1 }
    }

    /// The value of a run of ASCII digits whose length is in `digits`.
    private static func number(_ token: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.utf8.count),
            token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(token)
    }

    /// RFC 9110 §5.6.7: a two-digit year more than 50 years in the future belongs to the previous century.
    private static func fullYear(_ shortYear: Int, now: Date) -> Int {
        let rawDays = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        // A `now` beyond ±2.7 million years cannot come from a clock; keep the conversion from trapping.
        let days = rawDays.isFinite ? Int64(min(max(rawDays, -1e9), 1e9)) : 0
        let currentYear = civilYear(daysSince1970: days)
        var year = currentYear - currentYear % 100 + shortYear
        if year > currentYear + 50 { year -= 100 }
        return year
    }

    /// Seconds since the epoch for a validated date and an `HH:MM:SS` time (a leap second `:60` is accepted).
    private static func timestamp(year: Int, month: Int, day: Int, time: String) -> Int64? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = number(parts[0], digits: 2...2),
            let minute = number(parts[1], digits: 2...2),
            let second = number(parts[2], digits: 2...2), hour < 24, minute < 60, second <= 60,
            day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date. Counts from 1 March of year 0, so the leap day
    /// falls at the end of each counted year, in 400-year eras of 146,097 days.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12  // March = 0 … February = 11
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era) * 146_097 + Int64(dayOfEra) - 719_468  // 719,468 days from 0000-03-01 to 1970-01-01
    }

    /// The Gregorian year containing the day `daysSince1970` days after 1970-01-01.
    static func civilYear(daysSince1970 days: Int64) -> Int {
        // Start from an estimate and correct it against the exact forward conversion.
        var year = Int(1970 + days / 365)
        while daysSince1970(year: year, month: 1, day: 1) > days { year -= 1 }
        while daysSince1970(year: year + 1, month: 1, day: 1) <= days { year += 1 }
        return year
    }
}
