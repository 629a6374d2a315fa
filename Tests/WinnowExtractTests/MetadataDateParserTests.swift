import Foundation
import Testing
@testable import WinnowExtract

@Suite("Metadata: date parsing")
struct MetadataDateParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: String?
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "2024-03-05", expected: "2024-03-05"),
        Case(text: "2024-03-05T10:00:00Z", expected: "2024-03-05T10:00:00Z"),
        Case(text: "2024-03-05T10:00:00.123+05:30", expected: "2024-03-05T10:00:00+05:30"),
        Case(text: "2024-03-05T10:00:00-0400", expected: "2024-03-05T10:00:00-04:00"),
        Case(text: "2024-03-05 10:00", expected: "2024-03-05T10:00:00"),
        Case(text: "Tue, 05 Mar 2024 10:00:00 GMT", expected: "2024-03-05T10:00:00Z"),
        Case(text: "Tue, 5 Mar 2024 10:00:00 +0100", expected: "2024-03-05T10:00:00+01:00"),
        Case(text: "2024/03/05", expected: "2024-03-05"),
        Case(text: "March 5, 2024", expected: "2024-03-05"),
        Case(text: "Mar. 5th, 2024 at 3:45 pm EST", expected: "2024-03-05T15:45:00-05:00"),
        Case(text: "5 March 2024", expected: "2024-03-05"),
        Case(text: "5th of March, 2024", expected: "2024-03-05"),
        Case(text: "05.03.2024", expected: "2024-03-05"),
        Case(text: "03/05/2024", expected: "2024-03-05"),
        Case(text: "25/03/2024", expected: "2024-03-25"),
        Case(text: "20240305", expected: "2024-03-05"),
        Case(text: "5. März 2024", expected: "2024-03-05"),
        Case(text: "5 de marzo de 2024", expected: "2024-03-05"),
        Case(text: "12 janvier 2023", expected: "2023-01-12"),
        // Year first, then the month's name (citation metadata).
        Case(text: "2023 Jan 7", expected: "2023-01-07"),
        Case(text: "2024 March 5", expected: "2024-03-05"),
        // A year before a month-first date is not read as year-month-day.
        Case(text: "2023 March 5, 2024", expected: "2024-03-05"),
        Case(text: "Published: Updated 14 February 2025, 9:00", expected: "2025-02-14T09:00:00"),
        Case(text: "1709632800", expected: "2024-03-05T10:00:00Z"),
        // Month names of Russian and Polish (genitive), Turkish (also uppercase), Arabic and Hindi.
        Case(text: "12 мая 2024, 14:30", expected: "2024-05-12T14:30:00"),
        Case(text: "3 октября 2023 г.", expected: "2023-10-03"),
        Case(text: "12 maja 2024", expected: "2024-05-12"),
        Case(text: "7 października 2023", expected: "2023-10-07"),
        Case(text: "12 Mayıs 2024", expected: "2024-05-12"),
        Case(text: "12 MAYIS 2024", expected: "2024-05-12"),
        Case(text: "الثلاثاء 12 مايو 2024 - 14:30", expected: "2024-05-12T14:30:00"),
        Case(text: "12 मई 2024, 14:30 IST", expected: "2024-05-12T14:30:00+05:30"),
        Case(text: "5 मार्च 2024", expected: "2024-03-05"),
        // Czech, Slovak, Ukrainian, Swedish, Danish, Greek (also uppercase), Hebrew (also "ב" before the name),
        // Indonesian, Romanian, Hungarian (year first) and Finnish.
        Case(text: "Praha, 8. července 2024", expected: "2024-07-08"),
        Case(text: "12. mája 2024", expected: "2024-05-12"),
        Case(text: "21 серпня 2024, 12:10", expected: "2024-08-21T12:10:00"),
        Case(text: "Publicerad 2 augusti 2024 kl. 07.00", expected: "2024-08-02"),
        Case(text: "3. marts 2024", expected: "2024-03-03"),
        Case(text: "12 Σεπτεμβρίου 2024", expected: "2024-09-12"),
        Case(text: "12 ΣΕΠΤΕΜΒΡΙΟΥ 2024", expected: "2024-09-12"),
        Case(text: "5 ביוני 2024", expected: "2024-06-05"),
        Case(text: "5 יוני 2024", expected: "2024-06-05"),
        Case(text: "Selasa, 20 Agustus 2024 10:30 WIB", expected: "2024-08-20T10:30:00"),
        Case(text: "14 octombrie 2024", expected: "2024-10-14"),
        Case(text: "2024. március 5.", expected: "2024-03-05"),
        Case(text: "5. maaliskuuta 2024", expected: "2024-03-05"),
        // The time of day after the other languages' "at", and written "08h30".
        Case(text: "14/03/2024 à 08h30", expected: "2024-03-14T08:30:00"),
        Case(text: "5 de marzo de 2024 a las 14:30", expected: "2024-03-05T14:30:00"),
        Case(text: "12 de março de 2024 às 14h30", expected: "2024-03-12T14:30:00"),
        Case(text: "5. März 2024 um 14:30 Uhr", expected: "2024-03-05T14:30:00"),
        Case(text: "12 marzo 2024 alle 9:05", expected: "2024-03-12T09:05:00"),
        Case(text: "12 marzo 2024, ore 10:24", expected: "2024-03-12T10:24:00"),
        Case(text: "May 5, 2024, at 3:45 pm", expected: "2024-05-05T15:45:00"),
        // Rejected: out of range, impossible, or not dates.
        Case(text: "1994-12-31", expected: nil),
        Case(text: "2025-06-03", expected: nil),
        Case(text: "2030-01-01T00:00:00Z", expected: nil),
        Case(text: "2024-02-30", expected: nil),
        Case(text: "2024-13-01", expected: nil),
        Case(text: "Version 3.2.1", expected: nil),
        Case(text: "no date here", expected: nil),
        Case(text: "", expected: nil),
    ]

    @Test(arguments: cases)
    func parse(_ c: Case) {
        #expect(DateParser.iso8601(c.text, now: metadataTestNow) == c.expected)
    }

    @Test func tomorrowIsStillAccepted() {
        #expect(DateParser.iso8601("2025-06-02", now: metadataTestNow) == "2025-06-02")
    }

    @Test func leapDay() {
        #expect(DateParser.iso8601("2024-02-29", now: metadataTestNow) == "2024-02-29")
        #expect(DateParser.iso8601("2023-02-29", now: metadataTestNow) == nil)
    }

    @Test(arguments: [
        ("https://paper.example/2024/03/05/story-slug", "2024-03-05"),
        ("https://paper.example/news/2024-03-05-story", "2024-03-05"),
        ("https://paper.example/archive/20240305/story", "2024-03-05"),
        ("https://paper.example/2024/03/story", nil),
        ("https://paper.example/products/1234-5678-9012", nil),
    ] as [(String, String?)])
    func urlDates(url: String, expected: String?) {
        #expect(DateParser.dateInURL(url, now: metadataTestNow)?.iso8601 == expected)
    }

    @Test func civilDayConversionRoundTrips() {
        for day in stride(from: 9000, through: 21000, by: 97) {
            let civil = DateParser.civilFromDays(day)
            #expect(DateParser.daysFromCivil(civil.year, civil.month, civil.day) == day)
        }
    }
}

/// `PageDate(iso8601:)` reads back exactly what `iso8601` writes, and `instant` places it in time.
@Suite struct PageDateISOTests {
    @Test(arguments: ["2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05T10:00:00+05:30", "2024-03-05T23:59:59-08:00",
                      "2024-03-05T07:45:00"])
    func roundTrips(text: String) throws {
        let date = try #require(PageDate(iso8601: text))
        #expect(date.iso8601 == text)
    }

    @Test(arguments: ["", "2024", "2024-13-01", "2024-02-30", "2024-03-05T25:00:00Z", "2024-03-05T10:00:00+5",
                      "March 5, 2024", "2024-03-05Tnoon", "2024-03-05T10:00:00Zjunk"])
    func rejectsWhatItDoesNotWrite(text: String) {
        #expect(PageDate(iso8601: text) == nil)
    }

    @Test func instantAppliesTheOffset() throws {
        let utc = try #require(PageDate(iso8601: "2024-03-05T10:00:00Z")).instant
        let india = try #require(PageDate(iso8601: "2024-03-05T15:30:00+05:30")).instant
        #expect(utc == india)
        #expect(utc.timeIntervalSince1970 == 1_709_632_800)
        #expect(try #require(PageDate(iso8601: "2024-03-05")).instant.timeIntervalSince1970 == 1_709_596_800)
        #expect(PageDate(iso8601: "2024-03-05T10:00:00.250Z")?.secondsOfDay == 36_000)
    }

    @Test func metadataExposesTypedDates() {
        let metadata = Metadata(published: "2024-04-18T07:45:00+02:00", modified: "not a date")
        #expect(metadata.publishedDate?.year == 2024 && metadata.publishedDate?.utcOffsetMinutes == 120)
        #expect(metadata.modifiedDate == nil)
    }
}
