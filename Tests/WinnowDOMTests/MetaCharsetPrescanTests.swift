import Testing
@testable import WinnowDOM

/// The HTML standard's prescan for `<meta charset>` and `http-equiv` declarations in the first 1024 bytes.
@Suite struct MetaCharsetPrescanTests {
    static func declared(_ html: String) -> String? {
        var prescan = MetaCharsetPrescan(Array(html.utf8)[...])
        return prescan.run()?.name
    }

    @Test(arguments: [
        ("<meta charset=\"windows-1251\">", "windows-1251"),
        ("<META CHARSET='Shift_JIS'>", "shift_jis"),
        ("<meta charset=latin1>", "windows-1252"),           // a label, resolved to its encoding
        ("<meta/charset=koi8-r>", "koi8-r"),                 // "/" separates attributes too
        ("<meta charset = \" iso-8859-2 \">", "iso-8859-2"), // spaces around "=" and inside the quotes
        ("<meta name=x charset=gbk>", "gbk"),
    ])
    func metaCharsetIsFound(html: String, expected: String) {
        #expect(Self.declared("<!doctype html><html><head>\(html)</head>") == expected)
    }

    @Test func httpEquivNeedsBothAttributesInAnyOrder() {
        #expect(Self.declared(#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">"#)
            == "windows-1250")
        #expect(Self.declared(#"<meta content="text/html;charset='euc-jp'" http-equiv=content-type>"#) == "euc-jp")
        // `content` alone (no pragma) declares nothing.
        #expect(Self.declared(#"<meta content="text/html; charset=windows-1250">"#) == nil)
        // A pragma for something else declares nothing.
        #expect(Self.declared(#"<meta http-equiv="refresh" content="0; charset=big5">"#) == nil)
    }

    @Test func anUnknownLabelIsNoDeclarationAndTheScanGoesOn() {
        #expect(Self.declared(#"<meta charset="no-such-encoding"><meta charset="utf-8">"#) == "utf-8")
        #expect(Self.declared(#"<meta http-equiv="Content-Type" content="text/html; charset=bogus"><meta charset="big5">"#)
            == "big5")
    }

    @Test func theFirstOfDuplicateAttributesCounts() {
        #expect(Self.declared(#"<meta charset="iso-8859-7" charset="utf-8">"#) == "iso-8859-7")
    }

    @Test func utf16DeclarationsMeanUTF8AndXUserDefinedMeansWindows1252() {
        #expect(Self.declared(#"<meta charset="utf-16">"#) == "utf-8")
        #expect(Self.declared(#"<meta charset="UTF-16BE">"#) == "utf-8")
        #expect(Self.declared(#"<meta charset="x-user-defined">"#) == "windows-1252")
    }

    @Test func declarationsInsideCommentsAndOtherTagsAreIgnored() {
        #expect(Self.declared(#"<!-- <meta charset="big5"> --><meta charset="euc-kr">"#) == "euc-kr")
        #expect(Self.declared(#"<!--><meta charset="big5">"#) == "big5")  // "<!-->" is a complete comment
        #expect(Self.declared(#"<div title='<meta charset="big5">'><meta charset="gbk">"#) == "gbk")
        #expect(Self.declared(#"<?xml version="1.0" encoding="big5"?><meta charset="koi8-u">"#) == "koi8-u")
        #expect(Self.declared(#"<metadata charset="big5">"#) == nil)  // not a <meta> element
        #expect(Self.declared(#"<!-- an unclosed comment <meta charset="big5">"#) == nil)
    }

    @Test func onlyTheFirst1024BytesAreScanned() {
        #expect(MetaCharsetPrescan.limit == 1024)  // the standard's number, not a tuning knob
        let meta = #"<meta charset="windows-1253">"#
        let inside = String(repeating: " ", count: 1024 - meta.utf8.count) + meta
        #expect(Self.declared(inside) == "windows-1253")
        let beyond = String(repeating: " ", count: 1024) + meta
        #expect(Self.declared(beyond) == nil)
        // Cut by the limit inside its value: no declaration.
        let straddling = String(repeating: " ", count: 1024 - 20) + meta
        #expect(Self.declared(straddling) == nil)
        let longComment = "<!--" + String(repeating: "x", count: 1100) + "-->" + meta
        #expect(Self.declared(longComment) == nil)
    }

    @Test func aSliceIsScannedFromItsOwnStart() {
        let bytes = Array(("xxxx" + #"<meta charset="iso-8859-5">"#).utf8)
        var prescan = MetaCharsetPrescan(bytes[4...])
        #expect(prescan.run()?.name == "iso-8859-5")
    }

    @Test(arguments: [
        ("text/html; charset=utf-8", "utf-8"),
        ("text/html;charset=\"big5\"", "big5"),
        ("text/html; charset = 'koi8-r' ; x=y", "koi8-r"),
        ("text/html; CHARSET=gbk", "gbk"),
        ("text/html; xcharset; charset=euc-kr", "euc-kr"),
    ])
    func charsetIsReadFromAContentValue(content: String, expected: String) {
        #expect(MetaCharsetPrescan.charsetFromContent(content) == expected)
    }

    @Test func aContentValueWithoutAUsableCharsetGivesNothing() {
        #expect(MetaCharsetPrescan.charsetFromContent("text/html") == nil)
        #expect(MetaCharsetPrescan.charsetFromContent("text/html; charset=") == nil)
        #expect(MetaCharsetPrescan.charsetFromContent("text/html; charset=\"big5") == nil)  // unclosed quote
    }

    @Test func theDeclarationDecidesHowTheBytesAreDecoded() throws {
        var bytes = Array(#"<html><head><meta charset="windows-1251"></head><body><p>"#.utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // "Привет" in windows-1251
        bytes += Array("</p></body></html>".utf8)
        let document = try Document(html: bytes)
        #expect(document.root?.text.contains("Привет") == true)
    }
}
