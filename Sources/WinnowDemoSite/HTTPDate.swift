/// HTTP dates (RFC 9110 §5.6.7): formats IMF-fixdate and parses all three forms a recipient must accept.
///
/// Pure arithmetic on the proleptic Gregorian calendar in UTC, so it needs no locale, formatter or C time
/// functions, and is safe from any thread.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let longWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for `seconds` since 1970-01-01T00:00:00Z.
    static func format(_ seconds: Int64) -> String {
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday.
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[weekday]), \(two(day)) \(months[Int(month) - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    /// Seconds since 1970 for an IMF-fixdate, RFC 850 or asctime date; nil for anything else.
    static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmedOfSpaces
        if let comma = trimmed.firstIndex(of: ",") {
            let weekday = String(trimmed[..<comma])
            let rest = trimmed[trimmed.index(after: comma)...].split(separator: " ", omittingEmptySubsequences: true)
            if weekdays.contains(weekday), rest.count == 5, rest[4] == "GMT" {
                // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
                guard rest[0].count == 2, let day = Int64(rest[0]), let month = monthNumber(rest[1]),
                      rest[2].count == 4, let year = Int64(rest[2]) else { return nil }
                return assemble(year: year, month: month, day: day, time: rest[3])
            }
            if longWeekdays.contains(weekday), rest.count == 3, rest[2] == "GMT" {
                // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years within 50 years of now, as RFC 9110 says;
                // read here as 1970-2069, which is what every date this server compares against needs).
                let parts = rest[0].split(separator: "-")
                guard parts.count == 3, parts[0].count == 2, let day = Int64(parts[0]),
                      let month = monthNumber(parts[1]), parts[2].count == 2, let short = Int64(parts[2]) else { return nil }
                return assemble(year: short < 70 ? 2000 + short : 1900 + short, month: month, day: day, time: rest[1])
            }
            return nil
        }
        // asctime: Sun Nov  6 08:49:37 1994
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 5, weekdays.contains(String(parts[0])), let month = monthNumber(parts[1]),
              (1...2).contains(parts[2].count), let day = Int64(parts[2]), parts[4].count == 4,
              let year = Int64(parts[4]) else { return nil }
        return assemble(year: year, month: month, day: day, time: parts[3])
    }

    private static func monthNumber(_ name: Substring) -> Int64? {
        months.firstIndex(of: String(name)).map { Int64($0) + 1 }
    }

    private static func assemble(year: Int64, month: Int64, day: Int64, time: Substring) -> Int64? {
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ $0.count == 2 }),
              let hour = Int64(fields[0]), let minute = Int64(fields[1]), let second = Int64(fields[2]),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1...31).contains(day), (1...9999).contains(year) else { return nil }
        let days = days(fromCivil: year, month, day)
        // Reject 31 Feb and friends: the date must come back unchanged.
        guard civil(fromDays: days) == (year, month, day) else { return nil }
        return days * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// (year, month, day) for days since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : (a - b + 1) / b
    }
}
