import Foundation

/// HTTP dates (RFC 9110 §5.6.7): reads the three forms a recipient must accept and writes IMF-fixdate. Fixed
/// formats, English names, GMT only; pure arithmetic on `CivilCalendar`, no locale, formatter or C time functions,
/// so it is safe from any thread. `RetryAfter` and the demo site's `Last-Modified` / `If-Modified-Since` use it.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let shortDays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longDays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let formattedDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let formattedMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for `seconds` since 1970-01-01T00:00:00Z.
    public static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(daysSince1970: days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday.
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(formattedDays[weekday]), \(two(Int64(day))) \(formattedMonths[month - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    /// Seconds since 1970-01-01T00:00:00Z for an HTTP-date, or nil. `now` settles the century of a
    /// two-digit RFC 850 year. Names are matched case-insensitively, `UTC` is taken for `GMT`, and a one-digit
    /// day is accepted; the weekday is not checked against the date.
    public static func secondsSince1970(_ text: String, now: Date) -> Int64? {
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
        let currentYear = CivilCalendar.year(daysSince1970: days)
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
            day >= 1, day <= CivilCalendar.daysIn(month: month, year: year)
        else { return nil }
        let days = CivilCalendar.daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}
