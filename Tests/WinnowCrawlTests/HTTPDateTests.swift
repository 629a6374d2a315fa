import Foundation
import Testing
@testable import WinnowCrawl

/// HTTP dates written (IMF-fixdate) and read (all three forms), as the demo server and `Retry-After` use them.
@Suite struct HTTPDateTests {
    static let now = Date(timeIntervalSince1970: 1_775_000_000)  // 2026-03-31

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(1_749_731_400) == "Thu, 12 Jun 2025 12:30:00 GMT")
        #expect(HTTPDate.format(-1) == "Wed, 31 Dec 1969 23:59:59 GMT")
    }

    @Test func parsesTheThreeDateForms() {
        #expect(HTTPDate.secondsSince1970("Sun, 06 Nov 1994 08:49:37 GMT", now: Self.now) == 784_111_777)
        #expect(HTTPDate.secondsSince1970("Sunday, 06-Nov-94 08:49:37 GMT", now: Self.now) == 784_111_777)
        #expect(HTTPDate.secondsSince1970("Sun Nov  6 08:49:37 1994", now: Self.now) == 784_111_777)
        #expect(HTTPDate.secondsSince1970("Thu, 12 Jun 2025 12:30:00 GMT", now: Self.now) == 1_749_731_400)
    }

    @Test(arguments: [
        "", "yesterday", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT",
        "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT",
        "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 CET", "Sun 06 Nov 1994 08:49:37 GMT",
    ])
    func rejectsOtherDates(text: String) {
        #expect(HTTPDate.secondsSince1970(text, now: Self.now) == nil)
    }

    @Test func datesRoundTrip() {
        var seconds: Int64 = 0
        while seconds < 4_102_444_800 {  // 1970 to 2100, in uneven steps
            #expect(HTTPDate.secondsSince1970(HTTPDate.format(seconds), now: Self.now) == seconds)
            seconds += 8_640_013
        }
    }
}
