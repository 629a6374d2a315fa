import Foundation
import WinnowCrawl

/// The date formats feeds and sitemaps use, parsed without `DateFormatter` (no locale, no per-call setup):
/// RFC 822/2822 for RSS `pubDate`, RFC 3339 / W3C datetime for Atom, `dc:date` and sitemap `lastmod`.
///
/// Both parsers are lenient in the ways real feeds need and strict about values: a month 13 or a 31 February
/// gives nil rather than a date that rolled over.
enum DateFormats {
    /// An RSS date such as `Tue, 10 Jun 2003 04:00:00 GMT`, falling back to W3C datetime (some feeds put ISO
    /// dates in `pubDate`).
    ///
    /// Accepted: weekday optional, full or abbreviated English month and weekday names in any case, 2-, 3- or
    /// 4-digit years (RFC 2822's rules: 00–49 → 2000s, 50–99 and three digits → add 1900), the month before
    /// the day (`Jun 10 2003`), seconds optional, no time (midnight), zones as `+hhmm`, `+hh:mm`, `+hh`, the
    /// RFC 822 names (UT, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT) and a few other common abbreviations.
    /// An unknown zone name (and RFC 822's military letters, whose signs the RFC got backwards) counts as UTC.
    static func rfc822(_ text: String) -> Date? {
        if let date = parseRFC822(text) { return date }
        return w3c(text)
    }

    /// A W3C datetime / RFC 3339 date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mmTZD`,
    /// `YYYY-MM-DDThh:mm:ssTZD` or `YYYY-MM-DDThh:mm:ss.sTZD`, where TZD is `Z` or `±hh:mm`.
    ///
    /// Also accepted: lowercase `t`/`z`, a space instead of `T`, `±hhmm` and `±hh` zones, and a time with no zone
    /// (read as UTC). Missing month or day count as the first; a date alone is midnight UTC.
    static func w3c(_ text: String) -> Date? {
        var scanner = ByteScanner(text)
        scanner.skipSpaces()
        guard let year = scanner.digits(exactly: 4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if scanner.take("-") {
            guard let value = scanner.digits(exactly: 2) else { return nil }
            month = value
            if scanner.take("-") {
                guard let value = scanner.digits(exactly: 2) else { return nil }
                day = value
                if scanner.take("T") || scanner.take("t") || (scanner.peekIs(" ") && scanner.lookaheadIsDigit(1)) {
                    _ = scanner.take(" ")
                    guard let h = scanner.digits(exactly: 2), scanner.take(":"),
                          let m = scanner.digits(exactly: 2) else { return nil }
                    hour = h
                    minute = m
                    if scanner.take(":") {
                        guard let s = scanner.digits(exactly: 2) else { return nil }
                        second = s
                        if scanner.take(".") || scanner.take(",") {
                            let digits = scanner.digitString()
                            guard !digits.isEmpty else { return nil }
                            fraction = Double("0." + digits) ?? 0
                        }
                    }
                    scanner.skipSpaces()
                    if scanner.take("Z") || scanner.take("z") {
                        offset = 0
                    } else if let sign = scanner.takeSign() {
                        guard let zone = scanner.numericOffset() else { return nil }
                        offset = sign * zone
                    }
                }
            }
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                        fraction: fraction, offsetSeconds: offset)
    }

    // MARK: RFC 822

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The 1-based index of the name that `word` abbreviates (at least three letters), or nil.
    private static func abbreviation(_ word: Substring, in names: [String]) -> Int? {
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// Zone abbreviations → offset in minutes. RFC 822's own names first, then ones feeds commonly use whose
    /// meaning is not in doubt (IST, which is Indian, Irish or Israeli, is deliberately absent).
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "akst": -540, "akdt": -480, "hst": -600,
        "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120, "met": 60, "mest": 120, "eet": 120, "eest": 180,
        "msk": 180, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "acst": 570, "acdt": 630,
        "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    ]

    private static func parseRFC822(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        var day: Int?, month: Int?, year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offsetMinutes: Int?
        var meridiem: Bool?  // true for PM
        for token in tokens {
            let lower = token.lowercased()
            guard let first = lower.unicodeScalars.first else { continue }
            if first == "+" || first == "-" {
                guard time != nil, offsetMinutes == nil, let minutes = numericZone(lower.dropFirst()) else { return nil }
                offsetMinutes = first == "-" ? -minutes : minutes
            } else if CharacterSet.decimalDigits.contains(first) {
                if lower.contains(":") {
                    guard time == nil, let parsed = clock(lower) else { return nil }
                    time = parsed
                } else {
                    guard lower.allSatisfy(\.isASCIIDigit), let value = Int(lower) else {
                        // "10-Jun-2003" and other dashed forms are not RFC 822; leave them to w3c().
                        return nil
                    }
                    if day == nil && lower.count <= 2 && value >= 1 && value <= 31 && year == nil {
                        day = value
                    } else if year == nil {
                        year = lower.count == 2 ? (value < 50 ? 2000 + value : 1900 + value)
                            : lower.count == 3 ? 1900 + value : value
                    } else {
                        return nil
                    }
                }
            } else {
                // A name: month, weekday, AM/PM, or zone (possibly with an offset glued on: GMT+0200).
                let letters = lower.prefix { $0.isLetter }
                let rest = lower.dropFirst(letters.count)
                let bare = rest.isEmpty || rest == "."
                if month == nil, bare, let value = abbreviation(letters, in: monthNames) {
                    month = value
                } else if bare, abbreviation(letters, in: weekdayNames) != nil {
                    continue
                } else if (letters == "am" || letters == "pm"), bare, let current = time, meridiem == nil {
                    guard (1...12).contains(current.hour) else { return nil }
                    meridiem = letters == "pm"
                } else if offsetMinutes == nil, time != nil || zones[String(letters)] != nil {
                    var minutes = zones[String(letters)] ?? 0
                    if let sign = rest.first, sign == "+" || sign == "-" {
                        guard let extra = numericZone(rest.dropFirst()) else { return nil }
                        minutes += sign == "-" ? -extra : extra
                    } else if !rest.isEmpty {
                        return nil
                    }
                    offsetMinutes = minutes
                } else {
                    return nil
                }
            }
        }
        guard let day, let month, let year else { return nil }
        var clockTime = time ?? (0, 0, 0)
        if let isPM = meridiem { clockTime.hour = clockTime.hour % 12 + (isPM ? 12 : 0) }
        return makeDate(year: year, month: month, day: day, hour: clockTime.hour, minute: clockTime.minute,
                        second: clockTime.second, fraction: 0, offsetSeconds: (offsetMinutes ?? 0) * 60)
    }

    /// `hh:mm` or `hh:mm:ss` (fractions of a second are dropped).
    private static func clock(_ text: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            let whole = index == 2 ? part.prefix { $0 != "." } : part
            guard (1...2).contains(whole.count), whole.allSatisfy(\.isASCIIDigit), let value = Int(whole) else {
                return nil
            }
            numbers.append(value)
        }
        return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }

    /// `hhmm`, `hh:mm`, `hh` or `h` → minutes.
    private static func numericZone(_ text: Substring) -> Int? {
        let digits = text.filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
            return nil
        }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        return hours * 60 + minutes
    }

    // MARK: Calendar arithmetic

    /// A proleptic Gregorian date and time at a UTC offset, validated field by field.
    static func makeDate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offsetSeconds: Int
    ) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
              (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second), abs(offsetSeconds) <= 14 * 3600
        else { return nil }
        // A leap second (:60) is read as the last ordinary second of that minute.
        let seconds = Int(CivilCalendar.daysSince1970(year: year, month: month, day: day)) * 86_400 + hour * 3600 + minute * 60
            + min(second, 59) - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

extension Character {
    /// True for the ASCII digits 0–9 only (not other scripts' digits, which `isWholeNumber` accepts).
    fileprivate var isASCIIDigit: Bool { self >= "0" && self <= "9" }
}

/// A cursor over a string's UTF-8 bytes for the fixed-width W3C format.
private struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    func peekIs(_ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(character.value) }

    func lookaheadIsDigit(_ distance: Int) -> Bool {
        index + distance < bytes.count && (0x30...0x39).contains(bytes[index + distance])
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peekIs(character) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
            || bytes[index] == 0x0D { index += 1 }
    }

    /// Exactly `count` ASCII digits as a number (and not more digits after them).
    mutating func digits(exactly count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        guard !lookaheadIsDigitAt(index + count) else { return nil }
        index += count
        return value
    }

    private func lookaheadIsDigitAt(_ position: Int) -> Bool {
        position < bytes.count && (0x30...0x39).contains(bytes[position])
    }

    /// A run of digits as text (for fractions of a second and zone offsets); empty when none.
    mutating func digitString() -> String {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// +1 for `+`, -1 for `-`, nil (consuming nothing) for anything else.
    mutating func takeSign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    /// `hh:mm`, `hhmm` or `hh` after a sign → seconds.
    mutating func numericOffset() -> Int? {
        let run = digitString()
        let hours: Int
        var minutes = 0
        switch run.count {
        case 4:
            guard let h = Int(run.prefix(2)), let m = Int(run.suffix(2)) else { return nil }
            hours = h
            minutes = m
        case 2:
            guard let h = Int(run) else { return nil }
            hours = h
            if take(":") {
                guard let m = digits(exactly: 2) else { return nil }
                minutes = m
            }
        default:
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (hours * 60 + minutes) * 60
    }
}
