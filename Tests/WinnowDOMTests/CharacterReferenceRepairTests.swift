import Testing
@testable import WinnowDOM

/// The byte-level rewrite of character references that libxml2 2.9 reads differently from browsers.
@Suite struct CharacterReferenceRepairTests {
    static func repaired(_ text: String) -> String {
        String(decoding: CharacterReferenceRepair.repair(Array(text.utf8)), as: UTF8.self)
    }

    @Test func aPageWithoutReferencesComesBackAsItIs() {
        #expect(Self.repaired("<p>plain text, no ampersands</p>") == "<p>plain text, no ampersands</p>")
        #expect(Self.repaired("<p>Fish &amp; chips &lt;3 &nbsp;&quot;x&quot;</p>") == "<p>Fish &amp; chips &lt;3 &nbsp;&quot;x&quot;</p>")
    }

    @Test(arguments: [
        ("&#150;", "&#8211;"),   // en dash in windows-1252
        ("&#x93;", "&#8220;"),   // left double quotation mark
        ("&#X94;", "&#8221;"),
        ("&#128;", "&#8364;"),   // euro sign
        ("&#129;", "&#129;"),    // unassigned in windows-1252: kept as the C1 code point
        ("&#159;", "&#376;"),    // Ÿ
    ])
    func c1NumericReferencesMeanWindows1252(source: String, expected: String) {
        #expect(Self.repaired("a\(source)b") == "a\(expected)b")
    }

    @Test(arguments: ["&#0;", "&#x0;", "&#xD800;", "&#57343;", "&#x110000;", "&#1114112;",
                      "&#99999999999999999999;", "&#xFFFFFFFFFFFF;"])
    func outOfRangeNullAndSurrogateReferencesBecomeTheReplacementCharacter(source: String) {
        #expect(Self.repaired("x\(source)y") == "x&#65533;y")
    }

    @Test func theLargestCodePointIsLeftAlone() {
        #expect(Self.repaired("&#x10FFFF;") == "&#x10FFFF;")
        #expect(Self.repaired("&#1114111;") == "&#1114111;")
    }

    @Test func numericReferencesWithoutASemicolonAreCompleted() {
        #expect(Self.repaired("caf&#233 au lait") == "caf&#233; au lait")
        #expect(Self.repaired("&#x41B") == "&#1051;")  // hex digits run on as far as they go
        #expect(Self.repaired("&#150 dash") == "&#8211; dash")
    }

    @Test func wellFormedNumericReferencesOutsideC1AreUntouched() {
        #expect(Self.repaired("&#8212; &#x2014; &#65;") == "&#8212; &#x2014; &#65;")
    }

    @Test func aDigitlessReferenceStaysLiteralText() {
        #expect(Self.repaired("a &#; b") == "a &amp;#; b")
        #expect(Self.repaired("a &#x; b") == "a &amp;#x; b")
    }

    @Test func bareLegacyNamesAreCompletedOnlyWhereBrowsersDecodeThem() {
        #expect(Self.repaired("&copy 2026 Courier") == "&copy; 2026 Courier")
        #expect(Self.repaired("a&nbsp b") == "a&nbsp; b")
        #expect(Self.repaired("x&AMP y") == "x&AMP; y")
        // In a query string the name is followed by "=": left for the URL to keep.
        #expect(Self.repaired("<a href=\"?a=1&copy=2\">") == "<a href=\"?a=1&copy=2\">")
        // A longer word that only starts with a legacy name is not a reference.
        #expect(Self.repaired("&copyright") == "&copyright")
        #expect(Self.repaired("&notaname") == "&notaname")
    }

    @Test func html5OnlyNamesBecomeNumericReferences() {
        #expect(Self.repaired("&check;") == "&#10003;")
        #expect(Self.repaired("&lbrace;x&rbrace;") == "&#123;x&#125;")
        #expect(Self.repaired("a&ZeroWidthSpace;b") == "a&#8203;b")
        // Names libxml2 knows, and unknown names, are left for the parser.
        #expect(Self.repaired("&eacute; &hellip; &bogus;") == "&eacute; &hellip; &bogus;")
        // HTML5-only names need their semicolon.
        #expect(Self.repaired("&check mark") == "&check mark")
    }

    @Test func scriptAndStyleContentsAreCopiedUnchanged() {
        let page = "<script>if (a &#150; b && c&copy) {}</script><STYLE>p::after{content:'&#150;'}</STYLE><p>&#150;</p>"
        #expect(Self.repaired(page)
            == "<script>if (a &#150; b && c&copy) {}</script><STYLE>p::after{content:'&#150;'}</STYLE><p>&#8211;</p>")
        // `<scripts>` is not a script element; its references are repaired.
        #expect(Self.repaired("<scripts>&#150;</scripts>") == "<scripts>&#8211;</scripts>")
        // An unclosed script runs to the end of the input.
        #expect(Self.repaired("<p>&#150;</p><script>&#150;") == "<p>&#8211;</p><script>&#150;")
    }

    @Test func aReferenceAtTheVeryEndOfTheInput() {
        #expect(Self.repaired("end &#150") == "end &#8211;")
        #expect(Self.repaired("end &") == "end &")
        #expect(Self.repaired("end &#") == "end &amp;#")
    }

    @Test func theRepairedTextParsesToWhatABrowserShows() throws {
        let document = try Document(html: "<html><body><p>a&#150;b &copy 2026 &#0; &check;</p></body></html>", url: nil)
        let text = document.root?.text ?? ""
        #expect(text.contains("a\u{2013}b"))
        #expect(text.contains("\u{A9} 2026"))
        #expect(text.contains("\u{FFFD}"))
        #expect(text.contains("\u{2713}"))
    }
}
