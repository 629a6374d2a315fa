import Foundation
import Testing
@testable import WinnowSources

@Suite("Feed and sitemap dates")
struct DateFormatsTests {
    @Test("RFC 822 dates with named zones, numeric offsets and the usual sloppiness", arguments: [
        ("Tue, 10 Jun 2003 04:00:00 GMT", Support.utc(2003, 6, 10, 4)),
        ("Tue, 10 Jun 2003 04:00:00 UT", Support.utc(2003, 6, 10, 4)),
        ("Tue, 10 Jun 2003 04:00:00 Z", Support.utc(2003, 6, 10, 4)),
        ("Tue, 10 Jun 2003 04:00:00 EST", Support.utc(2003, 6, 10, 9)),
        ("Tue, 10 Jun 2003 04:00:00 EDT", Support.utc(2003, 6, 10, 8)),
        ("Tue, 10 Jun 2003 04:00:00 CST", Support.utc(2003, 6, 10, 10)),
        ("Tue, 10 Jun 2003 04:00:00 MDT", Support.utc(2003, 6, 10, 10)),
        ("Tue, 10 Jun 2003 04:00:00 PST", Support.utc(2003, 6, 10, 12)),
        ("Tue, 10 Jun 2003 04:00:00 CEST", Support.utc(2003, 6, 10, 2)),
        ("Tue, 10 Jun 2003 04:00:00 +0530", Support.utc(2003, 6, 9, 22, 30)),
        ("Tue, 10 Jun 2003 04:00:00 -0330", Support.utc(2003, 6, 10, 7, 30)),
        ("Tue, 10 Jun 2003 04:00:00 +02:00", Support.utc(2003, 6, 10, 2)),
        ("Tue, 10 Jun 2003 04:00:00 GMT+0100", Support.utc(2003, 6, 10, 3)),
        ("10 Jun 2003 04:00 +0000", Support.utc(2003, 6, 10, 4)),
        ("Tue, 10 Jun 03 04:00:00 GMT", Support.utc(2003, 6, 10, 4)),
        ("Sat, 01 Jan 99 00:00:00 GMT", Support.utc(1999, 1, 1)),
        ("Tuesday, 10 June 2003 04:00:00 GMT", Support.utc(2003, 6, 10, 4)),
        ("tue, 10 jun 2003 04:00:00 gmt", Support.utc(2003, 6, 10, 4)),
        ("Tue,10 Jun 2003 04:00:00 GMT", Support.utc(2003, 6, 10, 4)),
        ("Jun 10 2003 04:00:00 GMT", Support.utc(2003, 6, 10, 4)),
        ("Tue, 10 Sept. 2003 4:05 PM GMT", Support.utc(2003, 9, 10, 16, 5)),
        ("Tue, 10 Jun 2003 12:30 AM", Support.utc(2003, 6, 10, 0, 30)),
        ("Tue, 10 Jun 2003", Support.utc(2003, 6, 10)),
        ("Tue, 10 Jun 2003 04:00:00 XYZ", Support.utc(2003, 6, 10, 4)),  // unknown zone: UTC
        ("Tue, 10 Jun 2003 04:00:00", Support.utc(2003, 6, 10, 4)),  // no zone: UTC
        ("Thu, 29 Feb 2024 23:59:60 GMT", Support.utc(2024, 2, 29, 23, 59, 59)),  // leap second
        ("2003-06-10T04:00:00Z", Support.utc(2003, 6, 10, 4)),  // ISO in pubDate
    ])
    func rfc822(text: String, expected: Date) {
        #expect(DateFormats.rfc822(text) == expected, "\(text)")
    }

    @Test("RFC 822 rejects impossible or garbled dates", arguments: [
        "", "yesterday", "Tue, 31 Jun 2003 04:00:00 GMT", "Thu, 29 Feb 2023 00:00:00 GMT", "Tue, 10 Foo 2003",
        "Tue, 10 Jun 2003 25:00:00 GMT", "Tue, 10 Jun 2003 04:61:00 GMT", "Tue, 10 Jun 2003 04:00:00 +2500",
        "10 Jun", "Tue, 10 Jun 2003 04:00:00 GMT GMT",
    ])
    func rfc822Invalid(text: String) {
        #expect(DateFormats.rfc822(text) == nil, "\(text)")
    }

    @Test("W3C datetimes at every precision, with zones", arguments: [
        ("2024", Support.utc(2024, 1, 1)),
        ("2024-05", Support.utc(2024, 5, 1)),
        ("2024-05-02", Support.utc(2024, 5, 2)),
        ("2024-05-02T14:30+02:00", Support.utc(2024, 5, 2, 12, 30)),
        ("2024-05-02T14:30:15Z", Support.utc(2024, 5, 2, 14, 30, 15)),
        ("2024-05-02T14:30:15-07:00", Support.utc(2024, 5, 2, 21, 30, 15)),
        ("2024-05-02t14:30:15z", Support.utc(2024, 5, 2, 14, 30, 15)),
        ("2024-05-02 14:30:15+0000", Support.utc(2024, 5, 2, 14, 30, 15)),
        ("2024-05-02T14:30:15+01", Support.utc(2024, 5, 2, 13, 30, 15)),
        ("2024-05-02T14:30:15", Support.utc(2024, 5, 2, 14, 30, 15)),
        ("  2024-05-02T14:30:15Z \n", Support.utc(2024, 5, 2, 14, 30, 15)),
        ("1969-12-31T23:59:59Z", Support.utc(1969, 12, 31, 23, 59, 59)),
        ("2000-02-29", Support.utc(2000, 2, 29)),
    ])
    func w3c(text: String, expected: Date) {
        #expect(DateFormats.w3c(text) == expected, "\(text)")
    }

    @Test("W3C fractions of a second")
    func fractions() throws {
        let date = try #require(DateFormats.w3c("2024-05-03T09:15:30.125+00:00"))
        #expect(abs(date.timeIntervalSince(Support.utc(2024, 5, 3, 9, 15, 30)) - 0.125) < 0.0001)
    }

    @Test("W3C rejects what is not one", arguments: [
        "", "24-05-02", "2024-5-2", "2024-13-01", "2024-02-30", "1900-02-29", "2024-05-02T25:00Z",
        "2024-05-02T14Z", "2024-05-02T14:30:15+2:00", "2024-05-02T14:30:15 UTC", "20240502", "May 2024",
        "2024-05-02T14:30:15.Z",
    ])
    func w3cInvalid(text: String) {
        #expect(DateFormats.w3c(text) == nil, "\(text)")
    }

    @Test("day arithmetic agrees with Foundation's calendar across centuries")
    func calendarArithmetic() {
        for (year, month, day) in [(1970, 1, 1), (1600, 3, 1), (1899, 12, 31), (2000, 3, 1), (2100, 2, 28),
                                   (2400, 2, 29), (9999, 12, 31)] {
            let date = DateFormats.makeDate(year: year, month: month, day: day, hour: 0, minute: 0, second: 0,
                                            fraction: 0, offsetSeconds: 0)
            #expect(date == Support.utc(year, month, day), "\(year)-\(month)-\(day)")
        }
    }
}
