import Foundation
import Testing
@testable import WinnowCrawl

@Suite("RetryAfter")
struct RetryAfterTests {
    /// 2023-11-14T22:13:20Z.
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("delta-seconds")
    func deltaSeconds() {
        #expect(RetryAfter.parse("120", now: now) == now.addingTimeInterval(120))
        #expect(RetryAfter.parse("0", now: now) == now)
        #expect(RetryAfter.parse(" 30\t", now: now) == now.addingTimeInterval(30))
        #expect(RetryAfter.parse("007", now: now) == now.addingTimeInterval(7))
    }

    @Test("garbage and negative values give nil", arguments: [
        "", " ", "-5", "+5", "1.5", "12abc", "soon", "1e3", "0x10", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 08:49:37",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 8:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT",
        "Wed, 29 Feb 2023 00:00:00 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37", "Funday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37", "Sun, Nov  6 08:49:37 1994", "Sun Nov 6 08:49:37 94", "🙂",
    ])
    func rejects(_ value: String) {
        #expect(RetryAfter.parse(value, now: now) == nil)
        #expect(RetryAfter.delay(value, now: now, cap: .seconds(60)) == nil)
    }

    @Test("the three HTTP-date forms", arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "sun, 06 NOV 1994 08:49:37 gmt",
        "  Sun, 06 Nov 1994 08:49:37 GMT  ",
    ])
    func httpDates(_ value: String) {
        #expect(RetryAfter.parse(value, now: now) == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test("leap days, year ends and the epoch")
    func calendarEdges() {
        #expect(
            RetryAfter.parse("Thu, 29 Feb 2024 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(RetryAfter.parse("Tue, 29 Feb 2000 12:00:00 GMT", now: now) == Date(timeIntervalSince1970: 951_825_600))
        #expect(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 0))
        #expect(RetryAfter.parse("Fri, 31 Dec 1999 23:59:59 GMT", now: now) == Date(timeIntervalSince1970: 946_684_799))
        #expect(RetryAfter.parse("Mon, 29 Feb 1900 00:00:00 GMT", now: now) == nil)  // 1900 was not a leap year
    }

    @Test("day numbering is continuous from 1600 to 2400")
    func dayCounting() {
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var expected = CivilCalendar.daysSince1970(year: 1600, month: 1, day: 1)
        #expect(expected == -135_140)
        for year in 1600...2400 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            #expect(CivilCalendar.year(daysSince1970: expected) == year)
            #expect(CivilCalendar.date(daysSince1970: expected) == (year, 1, 1))
            for month in 1...12 {
                let length = month == 2 && leap ? 29 : monthLengths[month - 1]
                for day in 1...length {
                    if CivilCalendar.daysSince1970(year: year, month: month, day: day) != expected
                        || CivilCalendar.date(daysSince1970: expected) != (year, month, day) {
                        Issue.record("\(year)-\(month)-\(day)")
                        return
                    }
                    expected += 1
                }
            }
        }
    }

    @Test("RFC 850 two-digit years: more than 50 years ahead means the previous century")
    func twoDigitYears() {
        let in2026 = Date(timeIntervalSince1970: 1_775_000_000)  // 2026-03-31
        let year2030 = RetryAfter.parse("Tuesday, 01-Jan-30 00:00:00 GMT", now: in2026)
        #expect(year2030 == Date(timeIntervalSince1970: 1_893_456_000))
        let year1999 = RetryAfter.parse("Friday, 01-Jan-99 00:00:00 GMT", now: in2026)
        #expect(year1999 == Date(timeIntervalSince1970: 915_148_800))
        let year2076 = RetryAfter.parse("Wednesday, 01-Jan-76 00:00:00 GMT", now: in2026)
        #expect(year2076 == Date(timeIntervalSince1970: 3_345_062_400))
        let year1977 = RetryAfter.parse("Saturday, 01-Jan-77 00:00:00 GMT", now: in2026)
        #expect(year1977 == Date(timeIntervalSince1970: 220_924_800))
    }

    @Test("delay: capped, never negative")
    func delay() {
        let cap = Duration.seconds(60)
        #expect(RetryAfter.delay("30", now: now, cap: cap) == .seconds(30))
        #expect(RetryAfter.delay("120", now: now, cap: cap) == .seconds(60))
        #expect(RetryAfter.delay("99999999999999999999999", now: now, cap: cap) == .seconds(60))
        let absurd = String(repeating: "9", count: 400)
        #expect(RetryAfter.parse(absurd, now: now).map { $0.timeIntervalSince1970.isFinite } == true)
        #expect(RetryAfter.delay(absurd, now: now, cap: cap) == .seconds(60))
        #expect(RetryAfter.delay("0", now: now, cap: cap) == .zero)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now, cap: cap) == .zero)
        #expect(RetryAfter.delay("Tue, 14 Nov 2023 22:13:45 GMT", now: now, cap: cap) == .seconds(25))
        #expect(RetryAfter.delay("Tue, 14 Nov 2023 22:13:45 GMT", now: now.addingTimeInterval(0.5), cap: cap)
            == .milliseconds(24_500))
        #expect(RetryAfter.delay("30", now: now, cap: .zero) == .zero)
    }
}
