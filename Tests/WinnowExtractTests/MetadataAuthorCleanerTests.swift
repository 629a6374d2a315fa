import Testing
import WinnowDOM
@testable import WinnowExtract

@Suite("Metadata: author cleaning")
struct MetadataAuthorCleanerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let raw: String
        let expected: [String]
        var siteName: String? = nil
        var testDescription: String { raw }
    }

    static let cases: [Case] = [
        Case(raw: "By Jane Doe and John Roe", expected: ["Jane Doe", "John Roe"]),
        Case(raw: "By JANE DOE and JOHN ROE, Associated Press", expected: ["JANE DOE", "JOHN ROE"]),
        Case(raw: "Jane Doe | Reuters", expected: ["Jane Doe"]),
        Case(raw: "Reuters", expected: ["Reuters"]),
        Case(raw: "Written by Jane Doe", expected: ["Jane Doe"]),
        Case(raw: "Posted by: Mei Lin", expected: ["Mei Lin"]),
        Case(raw: "BY ALEX MORGAN", expected: ["ALEX MORGAN"]),
        // A wire story's credit names the agency after the reporter; the agency alone stays an author.
        Case(raw: "By RUTH CALLAWAY Associated Press", expected: ["RUTH CALLAWAY"]),
        Case(raw: "By Tomas Lind and Ada Moyo Reuters", expected: ["Tomas Lind", "Ada Moyo"]),
        Case(raw: "The Associated Press", expected: ["The Associated Press"]),
        Case(raw: "By JANE DOE and JOHN ROE, Associated Press", expected: ["JANE DOE", "JOHN ROE"]),
        Case(raw: "By Jane Doe, Reuters", expected: ["Jane Doe"]),
        Case(raw: "By Jane Doe (AFP)", expected: ["Jane Doe"]),
        // Other credits in the byline name people who did not write the story.
        Case(raw: "Story by Jane Doe • Photos by John Roe", expected: ["Jane Doe"]),
        Case(raw: "Written by Jane Doe | Edited by Sam Lee", expected: ["Jane Doe"]),
        Case(raw: "Posted on March 5, 2024 by Jane Doe", expected: ["Jane Doe"]),
        Case(raw: "Jane Doe | Updated March 5, 2024", expected: ["Jane Doe"]),
        Case(raw: "Jane Doe, Staff Writer", expected: ["Jane Doe"]),
        Case(raw: "Dylan Park, MS, RD", expected: ["Dylan Park"]),
        Case(raw: "Jane Doe (jane@example.com)", expected: ["Jane Doe"]),
        Case(raw: "Jane Doe @janedoe", expected: ["Jane Doe"]),
        Case(raw: "Ana Lopes; Bruno Dias & Carla Mota", expected: ["Ana Lopes", "Bruno Dias", "Carla Mota"]),
        Case(raw: "Maria & Katerina", expected: ["Maria & Katerina"]),
        // "By", "author" and "and" in Swedish, Danish, Indonesian, Greek, Vietnamese, Hungarian and Finnish.
        Case(raw: "Av Linnea Holm och Per Nyström", expected: ["Linnea Holm", "Per Nyström"]),
        Case(raw: "Af Mette Larsen", expected: ["Mette Larsen"]),
        Case(raw: "Oleh Rina Kartika dan Budi Santoso", expected: ["Rina Kartika", "Budi Santoso"]),
        Case(raw: "Penulis: Rina Kartika", expected: ["Rina Kartika"]),
        Case(raw: "Της Μαρίας Οικονόμου", expected: ["Μαρίας Οικονόμου"]),
        Case(raw: "Tác giả: Trần Thị Mai", expected: ["Trần Thị Mai"]),
        Case(raw: "Szerző: Kovács Anna", expected: ["Kovács Anna"]),
        Case(raw: "Teksti: Matti Virtanen", expected: ["Matti Virtanen"]),
        // A name that starts like one of those words stays whole.
        Case(raw: "Avery Stone", expected: ["Avery Stone"]),
        Case(raw: "Center for Coastal Studies and Research", expected: ["Center for Coastal Studies and Research"]),
        Case(raw: "Posted on 5 March 2024 by Ravi Shah", expected: ["Ravi Shah"]),
        Case(raw: "Ludwig van Beethoven", expected: ["Ludwig van Beethoven"]),
        Case(raw: "Byron Hale", expected: ["Byron Hale"]),
        Case(raw: "The Newsroom Team", expected: ["The Newsroom Team"]),
        Case(raw: "Jane Doe, jane doe", expected: ["Jane Doe"]),
        Case(raw: "Maria &amp;amp; Katerina", expected: ["Maria & Katerina"]),
        // Not names.
        Case(raw: "https://social.example/janedoe", expected: []),
        Case(raw: "12345", expected: []),
        Case(raw: "admin", expected: []),
        Case(raw: "Staff Writer", expected: []),
        // "Author" labels of other languages, and the reporter title and input stamp of a Korean byline.
        Case(raw: "Autor: Paweł Kowalczyk", expected: ["Paweł Kowalczyk"]),
        Case(raw: "Автор: Ирина Соколова", expected: ["Ирина Соколова"]),
        Case(raw: "作者：李明", expected: ["李明"]),
        Case(raw: "מאת: נועה כהן | 12.05.2024 | 14:30", expected: ["נועה כהן"]),
        Case(raw: "بقلم: أحمد الزهراني", expected: ["أحمد الزهراني"]),
        Case(raw: "김민준 기자 입력 2024.05.12 14:30", expected: ["김민준"]),
        Case(raw: "she has covered energy policy for a decade", expected: []),
        Case(raw: String(repeating: "Verylongname ", count: 30), expected: []),
        Case(raw: "The Daily Planet", expected: [], siteName: "The Daily Planet"),
    ]

    @Test(arguments: cases)
    func clean(_ c: Case) {
        #expect(AuthorCleaner.clean(c.raw, siteName: c.siteName) == c.expected)
    }

    @Test func duplicatesAcrossValuesMergeToFullestForm() {
        #expect(AuthorCleaner.clean(["Jane Doe", "By Jane A. Doe", "jane doe"]) == ["Jane Doe", "Jane A. Doe"])
        #expect(AuthorCleaner.clean(["Jane", "Jane Doe"]) == ["Jane Doe"])
    }
}

@Suite("Metadata: leftover entities")
struct MetadataEntityTests {
    @Test(arguments: [
        ("SQL &#x26; AI", "SQL & AI"),
        ("Tips &amp;amp; tricks", "Tips & tricks"),
        ("Caf&#233;", "Café"),
        ("A &unknown; B & C", "A &unknown; B & C"),
        ("no entities", "no entities"),
    ])
    func decodes(raw: String, expected: String) {
        #expect(raw.decodingLeftoverEntities() == expected)
    }
}

@Suite("Metadata: whitespace fast path")
struct MetadataWhitespaceTests {
    @Test(arguments: ["plain text", " leading", "trailing ", "two  spaces", "tab\there", "line\nbreak",
                      "no\u{00A0}break", "", "x", "em\u{2003}space", "ideographic\u{3000}space"])
    func fastPathAgreesWithFullCollapse(text: String) {
        #expect(text.collapsedWhitespace() == text.collapsingWhitespace())
    }
}
