import Foundation
import WinnowCrawl

/// A calendar date found in text, with the time of day and UTC offset when the text gave them.
public struct PageDate: Sendable, Equatable {
    /// Gregorian year, e.g. 2024.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Seconds since midnight, when a time of day was given.
    public var secondsOfDay: Int?
    /// Offset from UTC in minutes, when a zone was given (`Z`, `GMT`, `+05:30`, `EST`...).
    public var utcOffsetMinutes: Int?

    /// A date; time and offset are optional because many sources give only the day.
    public init(year: Int, month: Int, day: Int, secondsOfDay: Int? = nil, utcOffsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// ISO 8601: `YYYY-MM-DD` when only the day is known; `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM` when a time
    /// (and zone) is known. A time without a zone is written without an offset (a local, "floating" time).
    public var iso8601: String {
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let seconds = secondsOfDay else { return out }
        out += "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                out += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return out
    }

    /// Reads the ISO 8601 forms `iso8601` writes (`YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and `Z` or
    /// `±HH:MM`); nil for anything else, or for an impossible date.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, let year = number(0, 4), let month = number(5, 2),
            let day = number(8, 2), (1...12).contains(month), day >= 1, day <= DateParser.daysInMonth(year, month)
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard bytes.count > 10 else { return }
        guard bytes[10] == 84 || bytes[10] == 32, let hour = number(11, 2), bytes.count >= 16, bytes[13] == 58,
            let minute = number(14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16, second = 0
        if index < bytes.count, bytes[index] == 58 {
            guard let value = number(index + 1, 2), value < 61 else { return nil }
            second = min(value, 59)
            index += 3
            if index < bytes.count, bytes[index] == 46 {  // fractional seconds: ignored
                index += 1
                while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
            }
        }
        secondsOfDay = hour * 3600 + minute * 60 + second
        guard index < bytes.count else { return }
        if bytes[index] == 90, index + 1 == bytes.count {  // Z
            utcOffsetMinutes = 0
        } else if bytes[index] == 43 || bytes[index] == 45, let hours = number(index + 1, 2), index + 6 == bytes.count,
            bytes[index + 3] == 58, let minutes = number(index + 4, 2)
        {
            utcOffsetMinutes = (bytes[index] == 45 ? -1 : 1) * (hours * 60 + minutes)
        } else {
            return nil
        }
    }

    /// The instant this date names: its time and offset when given; a day without a time is its midnight, and a
    /// time without a zone is read as UTC.
    public var instant: Date {
        let seconds = dayNumber * 86_400 + (secondsOfDay ?? 0) - (utcOffsetMinutes ?? 0) * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days since 1970-01-01 of the calendar day (proleptic Gregorian).
    var dayNumber: Int { DateParser.daysFromCivil(year, month, day) }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Hand-written date scanner for the formats found in the wild: ISO 8601 (with or without time and zone),
/// RFC 2822 (`Tue, 05 Mar 2024 10:00:00 GMT`), `2024/03/05`, `March 5, 2024`, `5 March 2024`, `05.03.2024`,
/// `03/05/2024`, `20240305`, Unix timestamps (in `<meta>` values) and URL paths (`/2024/03/05/`, `/2024/march/05/`).
///
/// Foundation's date formatters are avoided: they are slow and locale-bound. Ambiguous numeric dates: with dots
/// or dashes they read day-first (`05.03.2024` is 5 March); with slashes month-first (`03/05/2024` is 5 March)
/// unless the first number exceeds 12. Dates before 1995-01-01 or after tomorrow are rejected.
public enum DateParser {
    /// Earliest accepted year: no web story predates it.
    public static let minimumYear = 1995

    /// The first plausible date in `text` as ISO 8601, or nil. `now` bounds the range (now + 1 day).
    public static func iso8601(_ text: String, now: Date = Date()) -> String? {
        parse(text, now: now)?.iso8601
    }

    /// The first plausible date in `text`, or nil.
    public static func parse(_ text: String, now: Date = Date()) -> PageDate? {
        let today = todayNumber(now)
        if let stamp = unixTimestamp(text), stamp.dayNumber <= today + 1 { return stamp }
        let tokens = tokenize(text)
        var index = 0
        while index < tokens.count {
            if let date = match(tokens, at: index, urlOnly: false), isPlausible(date, today: today) { return date }
            index += 1
        }
        return nil
    }

    /// The other reading of `text`'s first date when that date is all numbers with day and month both 12 or
    /// less and different (`03/09/2026`, `03-09-2026`): `parse` picks one order by the separator, this is the
    /// other one (time and zone kept). Nil when the first date is unambiguous or implausible either way.
    public static func otherReading(_ text: String, now: Date = Date()) -> PageDate? {
        let today = todayNumber(now)
        if unixTimestamp(text) != nil { return nil }
        let tokens = tokenize(text)
        for index in tokens.indices {
            guard let date = match(tokens, at: index, urlOnly: false), isPlausible(date, today: today) else { continue }
            guard let a = number(tokens, index, digits: 1...2), let b = number(tokens, index + 2, digits: 1...2),
                  number(tokens, index + 4, digits: 4...4) == date.year, a != b, a <= 12, b <= 12 else { return nil }
            var other = date
            (other.month, other.day) = (date.day, date.month)
            return isPlausible(other, today: today) ? other : nil
        }
        return nil
    }

    /// A `YYYY/MM/DD` (or `YYYY-MM-DD`, `YYYYMMDD`) date in a URL's path, or nil.
    public static func dateInURL(_ url: String, now: Date = Date()) -> PageDate? {
        let path: Substring
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        } else {
            path = url[...]
        }
        let today = todayNumber(now)
        let tokens = tokenize(String(path))
        for index in tokens.indices {
            if var date = match(tokens, at: index, urlOnly: true), isPlausible(date, today: today) {
                date.secondsOfDay = nil
                date.utcOffsetMinutes = nil
                return date
            }
        }
        return nil
    }

    // MARK: Range

    static func isPlausible(_ date: PageDate, today: Int) -> Bool {
        guard date.year >= minimumYear, (1...12).contains(date.month),
              date.day >= 1, date.day <= daysInMonth(date.year, date.month) else { return false }
        return date.dayNumber <= today + 1
    }

    static func todayNumber(_ now: Date) -> Int {
        Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        CivilCalendar.daysIn(month: month, year: year)
    }

    /// Days since 1970-01-01 (`CivilCalendar`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        Int(CivilCalendar.daysSince1970(year: year, month: month, day: day))
    }

    /// The inverse of `daysFromCivil`.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        CivilCalendar.date(daysSince1970: Int64(days))
    }

    /// A bare 10-digit (seconds) or 13-digit (milliseconds) Unix timestamp, as UTC.
    static func unixTimestamp(_ text: String) -> PageDate? {
        let trimmed = text.utf8.count <= 16 ? text.trimmedWhitespace() : ""
        guard trimmed.utf8.count == 10 || trimmed.utf8.count == 13,
              trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), var seconds = Int(trimmed) else { return nil }
        if trimmed.utf8.count == 13 { seconds /= 1000 }
        let civil = civilFromDays(seconds / 86_400)
        let date = PageDate(year: civil.year, month: civil.month, day: civil.day,
                            secondsOfDay: seconds % 86_400, utcOffsetMinutes: 0)
        return date.year >= minimumYear ? date : nil
    }

    // MARK: Tokens

    enum Token: Equatable {
        case number(value: Int, digits: Int)
        case word(String)
        case punct(UInt8)
    }

    /// `scalar.properties.isAlphabetic`, answered without the Unicode tables for ASCII (its only alphabetic
    /// scalars are the letters A–Z and a–z): most date texts are ASCII, and the table lookup is the tokenizer's
    /// main cost.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var number = 0
        var digits = 0
        // The word's UTF-8 bytes, reused from word to word (appending scalars to a `String.UnicodeScalarView`
        // cost more than the rest of the tokenizer).
        var word: [UInt8] = []
        func flush() {
            if digits > 0 {
                tokens.append(.number(value: digits > 9 ? Int.max : number, digits: digits))
                number = 0
                digits = 0
            }
            if !word.isEmpty {
                tokens.append(.word(String(decoding: word, as: UTF8.self)))
                word.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 48 && v <= 57 {
                if !word.isEmpty { flush() }
                if digits <= 9 { number = number * 10 + Int(v - 48) }
                digits += 1
            } else if isAlphabetic(scalar) {
                if digits > 0 { flush() }
                if v >= 65 && v <= 90 {
                    word.append(UInt8(v + 32))
                } else if v < 128 {
                    word.append(UInt8(v))
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { word.append($0) } }
                }
            } else if !word.isEmpty, v >= 128, scalar.properties.generalCategory == .nonspacingMark {
                // A vowel sign or virama inside a word of an Indic script ("मार्च") is part of the word (no ASCII
                // scalar is a mark).
                UTF8.encode(scalar) { word.append($0) }
            } else {
                flush()
                if v < 128, v != 32, v != 9, v != 10, v != 13 { tokens.append(.punct(UInt8(v))) }
            }
        }
        flush()
        return tokens
    }

    // MARK: Patterns

    private static func number(_ tokens: [Token], _ i: Int, digits allowed: ClosedRange<Int>) -> Int? {
        guard i < tokens.count, case .number(let value, let digits) = tokens[i], allowed.contains(digits)
        else { return nil }
        return value
    }

    private static func punct(_ tokens: [Token], _ i: Int) -> UInt8? {
        guard i < tokens.count, case .punct(let p) = tokens[i] else { return nil }
        return p
    }

    private static func word(_ tokens: [Token], _ i: Int) -> String? {
        guard i < tokens.count, case .word(let w) = tokens[i] else { return nil }
        return w
    }

    private static func isDateSeparator(_ p: UInt8?) -> Bool { p == 45 || p == 47 || p == 46 }  // - / .

    /// Tries every pattern at token `i`.
    static func match(_ tokens: [Token], at i: Int, urlOnly: Bool) -> PageDate? {
        // The previous token must not be a digit run glued by a date separator (avoid matching mid-number).
        if let year = number(tokens, i, digits: 4...4), let sep = punct(tokens, i + 1), isDateSeparator(sep),
           let month = number(tokens, i + 2, digits: 1...2), punct(tokens, i + 3) == sep,
           let day = number(tokens, i + 4, digits: 1...2) {
            var date = PageDate(year: year, month: month, day: day)
            if !urlOnly { readTime(tokens, from: i + 5, into: &date) }
            return date
        }
        if case .number(let value, 8) = tokens[i] {
            let date = PageDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
            if (1...12).contains(date.month) { return date }
        }
        if urlOnly {
            // "/2023/october/03/": a month name between the year and the day.
            if let year = number(tokens, i, digits: 4...4), punct(tokens, i + 1) == 47, let name = word(tokens, i + 2),
               let month = monthNames[name], punct(tokens, i + 3) == 47, let day = number(tokens, i + 4, digits: 1...2) {
                return PageDate(year: year, month: month, day: day)
            }
            return nil
        }
        // Day-month-year or month-day-year, all numeric.
        if let a = number(tokens, i, digits: 1...2), let sep = punct(tokens, i + 1), isDateSeparator(sep),
           let b = number(tokens, i + 2, digits: 1...2), punct(tokens, i + 3) == sep,
           let year = number(tokens, i + 4, digits: 4...4) {
            let dayFirst = a > 12 || (b <= 12 && sep != 47)
            var date = dayFirst ? PageDate(year: year, month: b, day: a) : PageDate(year: year, month: a, day: b)
            readTime(tokens, from: i + 5, into: &date)
            return date
        }
        // East Asian year-month-day with unit characters: "2024年3月5日", "2024년 3월 5일".
        if let year = number(tokens, i, digits: 4...4), let unit = word(tokens, i + 1), yearUnits.contains(unit),
           let month = number(tokens, i + 2, digits: 1...2), let monthUnit = word(tokens, i + 3),
           monthUnits.contains(monthUnit), let day = number(tokens, i + 4, digits: 1...2),
           let dayUnit = word(tokens, i + 5), dayUnits.contains(dayUnit) {
            var date = PageDate(year: year, month: month, day: day)
            readTime(tokens, from: i + 6, into: &date)
            return date
        }
        // Year first, then a month name and the day: "2023 Jan 7", "2024 March 5" (citation metadata, PubMed),
        // "2024. március 5." (Hungarian: a dot after the year).
        let nameAt = punct(tokens, i + 1) == 46 ? i + 2 : i + 1
        if let year = number(tokens, i, digits: 4...4), let name = word(tokens, nameAt), let month = monthNames[name] {
            var j = nameAt + 1
            if punct(tokens, j) == 46 { j += 1 }
            // "2023 March 5, 2024" is a year followed by a month-first date, read at the month.
            let next = punct(tokens, j + 1) == 44 ? j + 2 : j + 1
            if let day = number(tokens, j, digits: 1...2), number(tokens, next, digits: 4...4) == nil {
                var date = PageDate(year: year, month: month, day: day)
                readTime(tokens, from: j + 1, into: &date)
                return date
            }
        }
        // Month name first: "March 5, 2024", "Mar. 5th 2024".
        if let name = word(tokens, i), let month = monthNames[name] {
            var j = i + 1
            if punct(tokens, j) == 46 { j += 1 }
            if let day = number(tokens, j, digits: 1...2) {
                j += 1
                if let suffix = word(tokens, j), ordinalSuffixes.contains(suffix) { j += 1 }
                if punct(tokens, j) == 44 || punct(tokens, j) == 46 { j += 1 }
                if let year = number(tokens, j, digits: 4...4) {
                    var date = PageDate(year: year, month: month, day: day)
                    readTime(tokens, from: j + 1, into: &date)
                    return date
                }
            }
        }
        // Day first: "5 March 2024", "05 Mar 2024 10:00:00 GMT", "5th of March, 2024", "5. März 2024", "5 de marzo de 2024".
        if let day = number(tokens, i, digits: 1...2) {
            var j = i + 1
            if let suffix = word(tokens, j), ordinalSuffixes.contains(suffix) { j += 1 }
            if punct(tokens, j) == 46 || punct(tokens, j) == 45 { j += 1 }
            if let filler = word(tokens, j), filler == "of" || filler == "de" { j += 1 }
            if let name = word(tokens, j), let month = monthNames[name] {
                j += 1
                if punct(tokens, j) == 44 || punct(tokens, j) == 46 || punct(tokens, j) == 45 { j += 1 }
                if let filler = word(tokens, j), filler == "de" || filler == "del" { j += 1 }
                if let year = number(tokens, j, digits: 4...4) {
                    var date = PageDate(year: year, month: month, day: day)
                    readTime(tokens, from: j + 1, into: &date)
                    return date
                }
            }
        }
        return nil
    }

    /// Reads an optional time of day and zone after a date: `T10:00:00Z`, ` 10:00 +0100`, `, 3:45 pm EST`.
    private static func readTime(_ tokens: [Token], from start: Int, into date: inout PageDate) {
        var j = start
        // ", ore 10:24": a comma, "@" or dash, then maybe a connector word.
        if punct(tokens, j) == 44 || punct(tokens, j) == 64 || punct(tokens, j) == 45 { j += 1 }
        if let w = word(tokens, j), timeConnectors.contains(w) {
            j += 1
            if word(tokens, j) == "las" { j += 1 }  // Spanish "a las 14:30"
        }
        // "14:30", or "14h30" as French and Portuguese write it.
        guard let hour = number(tokens, j, digits: 1...2), punct(tokens, j + 1) == 58 || word(tokens, j + 1) == "h",
              let minute = number(tokens, j + 2, digits: 2...2), hour < 24, minute < 60 else { return }
        j += 3
        var second = 0
        if punct(tokens, j) == 58, let s = number(tokens, j + 1, digits: 2...2), s < 61 {
            second = min(s, 59)
            j += 2
            if punct(tokens, j) == 46 || punct(tokens, j) == 44, number(tokens, j + 1, digits: 1...9) != nil { j += 2 }
        }
        var h = hour
        if let meridiem = word(tokens, j), meridiem == "am" || meridiem == "pm" || meridiem == "a" || meridiem == "p" {
            if hour <= 12 {
                if meridiem.hasPrefix("p"), hour < 12 { h += 12 }
                if meridiem.hasPrefix("a"), hour == 12 { h = 0 }
            }
            j += 1
            if punct(tokens, j) == 46 { j += 1 }  // "p.m." leaves ".m." behind; tolerate
            if word(tokens, j) == "m" { j += 1; if punct(tokens, j) == 46 { j += 1 } }
        }
        date.secondsOfDay = h * 3600 + minute * 60 + second
        date.utcOffsetMinutes = readZone(tokens, from: j)
    }

    private static func readZone(_ tokens: [Token], from start: Int) -> Int? {
        var j = start
        var base: Int?
        if let w = word(tokens, j) {
            if let known = zoneNames[w] { base = known; j += 1 } else { return nil }
        }
        if let sign = punct(tokens, j), sign == 43 || sign == 45 {
            let negative = sign == 45
            if case .number(let value, 4) = tokens.count > j + 1 ? tokens[j + 1] : .punct(0) {
                let minutes = value / 100 * 60 + value % 100
                return negative ? -minutes : minutes
            }
            if let hours = number(tokens, j + 1, digits: 1...2) {
                var minutes = hours * 60
                if punct(tokens, j + 2) == 58, let m = number(tokens, j + 3, digits: 2...2) { minutes += m }
                return negative ? -minutes : minutes
            }
        }
        return base
    }

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "º", "o"]

    /// Words between a date and its time of day: ISO's "T", "at", and the same in other major languages
    /// ("um 14:30 Uhr", "à 08h30", "a las 14:30", "às 14h30", "alle 14:30", "ore 14:30", "om 14:30", "o 14:30",
    /// "в 14:30").
    static let timeConnectors: Set<String> = ["t", "at", "um", "à", "a", "às", "alle", "ore", "om", "o", "в"]

    static let zoneNames: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "ut": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "ist": 330, "jst": 540, "aest": 600,
        "aedt": 660,
    ]

    /// Month names and abbreviations: English, German, French, Spanish, Italian, Portuguese, Dutch; Russian and
    /// Polish (the genitive a date uses, "12 мая 2026", "12 maja 2026", and the nominative), Turkish (also as
    /// uppercase text lowercases it, "MAYIS" to "mayis"), Arabic (the Gregorian names of Egypt and the Gulf, and
    /// those of the Levant), Hindi, Swedish, Danish and Norwegian, Czech and Slovak, Ukrainian, Greek, Hebrew,
    /// Indonesian and Malay, Romanian, Hungarian and Finnish.
    /// The unit characters of East Asian dates (Chinese and Japanese, Korean).
    static let yearUnits: Set<String> = ["年", "년"]
    static let monthUnits: Set<String> = ["月", "월"]
    static let dayUnits: Set<String> = ["日", "号", "號", "일"]
    /// The unit characters of an East Asian time of day ("18時05分", "18시 05분"), and all the date and time units
    /// together: a dateline's words that are no words.
    static let timeUnits: Set<String> = ["時", "时", "分", "秒", "시", "분", "초"]
    static let eastAsianUnits = yearUnits.union(monthUnits).union(dayUnits).union(timeUnits)

    static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["", "", "", "", "", "", "", "", "sept", "", "", ""],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "dezember"],
            ["jänner", "feber", "maerz", "", "", "", "", "", "", "okt", "", "dez"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"],
            ["janv", "févr", "", "avr", "", "", "juil", "aout", "", "", "", ""],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"],
            ["ene", "", "", "abr", "", "", "", "ago", "setiembre", "", "", "dic"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
             "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
             "novembro", "dezembro"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"],
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"],
            ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
             "ноябрь", "декабрь"],
            ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia"],
            ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
             "październik", "listopad", "grudzień"],
            ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
             "aralık"],
            ["", "subat", "", "", "mayis", "", "", "agustos", "eylul", "", "kasim", "aralik"],
            ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر"],
            ["", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "", "", ""],
            ["", "", "", "ابريل", "", "", "", "اغسطس", "", "اكتوبر", "", ""],
            ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर",
             "दिसंबर"],
            ["", "फरवरी", "", "", "", "", "", "", "सितम्बर", "अक्तूबर", "नवम्बर", "दिसम्बर"],
            // Swedish, Danish and Norwegian (the names the lists above do not already hold).
            ["", "", "", "", "", "", "", "augusti", "", "", "", ""],
            ["", "", "marts", "", "", "", "", "", "", "", "", "desember"],
            // Czech (genitive, "8. července 2026", and nominative) and Slovak (genitive).
            ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
             "listopadu", "prosince"],
            ["leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "", "říjen", "listopad",
             "prosinec"],
            ["januára", "februára", "", "apríla", "mája", "júna", "júla", "augusta", "septembra", "októbra",
             "novembra", "decembra"],
            // Ukrainian (genitive, "21 серпня 2026", and nominative).
            ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
             "листопада", "грудня"],
            ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень",
             "жовтень", "листопад", "грудень"],
            // Greek (genitive, "12 Σεπτεμβρίου 2026"; as uppercase text lowercases it, without accents; the
            // nominative; abbreviations).
            ["ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου",
             "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"],
            ["ιανουαριου", "φεβρουαριου", "μαρτιου", "απριλιου", "μαϊου", "ιουνιου", "ιουλιου", "αυγουστου",
             "σεπτεμβριου", "οκτωβριου", "νοεμβριου", "δεκεμβριου"],
            ["ιανουάριος", "φεβρουάριος", "μάρτιος", "απρίλιος", "μάιος", "ιούνιος", "ιούλιος", "αύγουστος",
             "σεπτέμβριος", "οκτώβριος", "νοέμβριος", "δεκέμβριος"],
            ["ιαν", "φεβ", "μαρ", "απρ", "μαΐ", "ιουν", "ιουλ", "αυγ", "σεπ", "οκτ", "νοε", "δεκ"],
            // Hebrew (also with the prefix "ב", "in": "5 ביוני 2026").
            ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר",
             "דצמבר"],
            ["בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר",
             "בנובמבר", "בדצמבר"],
            ["", "", "מרס", "", "", "", "", "", "", "", "", ""],
            // Indonesian and Malay (the names the lists above do not already hold; not the abbreviation "des",
            // a French word).
            ["", "", "maret", "", "", "", "julai", "agustus", "", "", "", "disember"],
            ["", "", "", "", "", "", "", "ogos", "", "", "", ""],
            // Romanian, Hungarian ("2026. március 5.", year first) and Finnish ("5. maaliskuuta 2026").
            ["ianuarie", "februarie", "martie", "aprilie", "", "iunie", "iulie", "", "septembrie", "octombrie",
             "noiembrie", "decembrie"],
            ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
             "október", "", ""],
            ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
             "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"],
        ]
        var table: [String: Int] = [:]
        for list in lists {
            for (index, name) in list.enumerated() where !name.isEmpty && table[name] == nil {
                table[name] = index + 1
            }
        }
        table["fevrier"] = 2
        table["decembre"] = 12
        return table
    }()
}
