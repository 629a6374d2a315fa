import Testing
import WinnowTestSupport
@testable import WinnowDOM

/// The sentences charset/generate.sh encoded, keyed by fixture prefix.
private let sentences: [String: String] = [
    "utf-8": "Grandma’s crème brûlée costs 5 € at the café — 日本語, Ελληνικά, русский.",
    "windows-1252": "The café’s “special” costs 5 € – Zoë’s naïve œuvre™ … ¡olé!",
    "iso-8859-2": "Łódź i Kraków leżą w Polsce; Brno je velké město v Česku.",
    "iso-8859-15": "Le cœur coûte 12 € ; Šárka et Žofie préfèrent les œufs.",
    "shift_jis": "今日の東京は晴れ。カタカナとひらがなを確認します。ﾊﾝｶｸも。",
    "euc-jp": "大阪の天気は雨でした。テスト用の文章です。",
    "gbk": "这是一个简体中文的测试页面，欢迎阅读。",
    "gb18030": "四字节字符：𠀀，以及欧元符号€。",
    "big5": "這是一個繁體中文的測試頁面，歡迎閱讀。",
    "euc-kr": "한국어 인코딩을 시험하는 문장입니다.",
    "windows-1251": "Это проверочная страница на русском языке, ёлка и «кавычки».",
    "koi8-r": "Съешь ещё этих мягких булочек и выпей чаю.",
]

private let bomSentence = "Byte-order marks win: Ünïcødé ✓ 漢字 한글."

/// One fixture decode: which file, what HTTP said, and what must come out.
struct CharsetCase: CustomTestStringConvertible, Sendable {
    let file: String
    let contentType: String?
    let encoding: String
    let source: EncodingSource
    let text: String
    var testDescription: String { "\(file) [\(contentType ?? "no header")]" }
}

private let declaredCases: [CharsetCase] = sentences.keys.sorted().flatMap { name -> [CharsetCase] in
    let text = sentences[name] ?? ""
    return [
        CharsetCase(file: "\(name).meta-charset.html", contentType: nil, encoding: name, source: .meta, text: text),
        CharsetCase(file: "\(name).meta-http-equiv.html", contentType: nil, encoding: name, source: .meta,
                    text: text),
        CharsetCase(file: "\(name).undeclared.html", contentType: "text/html; charset=\(name.uppercased())",
                    encoding: name, source: .http, text: text),
    ]
}

private let specialCases: [CharsetCase] = [
    CharsetCase(file: "utf-8.undeclared.html", contentType: nil, encoding: "utf-8", source: .sniffed,
                text: sentences["utf-8"] ?? ""),
    CharsetCase(file: "windows-1252.undeclared.html", contentType: "text/html", encoding: "windows-1252",
                source: .sniffed, text: sentences["windows-1252"] ?? ""),
    CharsetCase(file: "sniffed-1252.html", contentType: nil, encoding: "windows-1252", source: .sniffed,
                text: "Naïve café “quoted” ¤10"),
    CharsetCase(file: "utf-8.bom.html", contentType: nil, encoding: "utf-8", source: .bom, text: bomSentence),
    CharsetCase(file: "utf-16le.bom.html", contentType: nil, encoding: "utf-16le", source: .bom, text: bomSentence),
    CharsetCase(file: "utf-16be.bom.html", contentType: nil, encoding: "utf-16be", source: .bom, text: bomSentence),
    // A BOM beats both a contradicting <meta> and a contradicting HTTP header (as in browsers).
    CharsetCase(file: "bom-beats-meta.html", contentType: nil, encoding: "utf-8", source: .bom, text: bomSentence),
    CharsetCase(file: "bom-beats-meta.html", contentType: "text/html; charset=iso-8859-1", encoding: "utf-8",
                source: .bom, text: bomSentence),
    // HTTP beats <meta>: the page claims UTF-8 but the header is right.
    CharsetCase(file: "http-beats-meta.html", contentType: "text/html;charset=\"Shift_JIS\"", encoding: "shift_jis",
                source: .http, text: "本当の文字コードはシフトJISです。"),
    // A garbage HTTP label is ignored and the <meta> decides.
    CharsetCase(file: "windows-1251.meta-charset.html", contentType: "text/html; charset=klingon-8",
                encoding: "windows-1251", source: .meta, text: sentences["windows-1251"] ?? ""),
    // A garbage <meta> label is ignored and the next <meta> decides.
    CharsetCase(file: "garbage-then-real.html", contentType: nil, encoding: "windows-1251", source: .meta,
                text: "Вторая метка работает."),
    CharsetCase(file: "commented-meta.html", contentType: nil, encoding: "koi8-r", source: .meta,
                text: "Комментарий пропущен."),
    // Latin-1 labels mean windows-1252, so 0x80-0x9F are punctuation; the five undefined bytes pass through.
    CharsetCase(file: "windows-1252.holes.html", contentType: "text/html; charset=ISO-8859-1",
                encoding: "windows-1252", source: .http, text: "a\u{81}b\u{8D}c\u{8F}d\u{90}e\u{9D}f €"),
    CharsetCase(file: "shift_jis.invalid.html", contentType: nil, encoding: "shift_jis", source: .meta,
                text: "前\u{FFFD}後"),
    CharsetCase(file: "utf-8.invalid.html", contentType: nil, encoding: "utf-8", source: .meta,
                text: "ok\u{FFFD}\u{FFFD}ok\u{FFFD}"),
]

@Suite("Charset detection and transcoding")
struct CharsetTests {
    @Test("fixture pages decode to the exact sentence", arguments: declaredCases + specialCases)
    func fixturePage(_ sample: CharsetCase) throws {
        let bytes = try Fixture.bytes(sample.file, in: "charset")
        let decoded = try Charset.decodeHTML(bytes, contentType: sample.contentType)
        #expect(decoded.encoding == sample.encoding)
        #expect(decoded.source == sample.source)
        // Through the parser too: libxml2 must not switch decoders because of the <meta> still in the bytes.
        let document = try Document(html: bytes, contentType: sample.contentType)
        #expect(try document.text(ofID: "sample") == sample.text)
        #expect(document.sourceEncoding == sample.encoding)
        #expect(document.encodingSource == sample.source)
    }

    @Test("undeclared legacy pages fall back to windows-1252 without failing")
    func undeclaredLegacyFallsBack() throws {
        for name in ["shift_jis", "euc-kr", "windows-1251", "big5"] {
            let decoded = try Charset.decodeHTML(try Fixture.bytes("\(name).undeclared.html", in: "charset"),
                                                 contentType: nil)
            #expect(decoded.encoding == "windows-1252", "\(name)")
            #expect(decoded.source == .sniffed)
            #expect(String(validating: decoded.utf8, as: UTF8.self) != nil)
        }
    }

    @Test("a windows-1252 page declared by <meta> comes out right through the parser (no libxml2 re-switch)")
    func metaDoesNotMakeLibxml2Reswitch() throws {
        // "é" is 0xE9 in windows-1252; after transcoding it is C3 A9. If libxml2 honoured the <meta> again it
        // would read C3 A9 as "Ã©".
        let bytes: [UInt8] = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>caf".utf8) + [0xE9]
            + Array(" ".utf8) + [0x80] + Array("</p></body></html>".utf8)
        let document = try Document(html: bytes)
        let text = try document.select(css: "p").first?.text ?? ""
        #expect(text == "café €")
        // And a String that still carries a meta for another encoding is taken as the Unicode it is.
        let fromString = try Document(html: "<meta charset=\"iso-8859-1\"><p>Zoë €</p>")
        #expect(try fromString.select(css: "p").first?.text == "Zoë €")
    }

    @Test("labels normalise the WHATWG way", arguments: [
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("us-ascii", "windows-1252"),
        ("ascii", "windows-1252"), (" Windows-1252 ", "windows-1252"), ("gb2312", "gbk"), ("GBK", "gbk"),
        ("x-gbk", "gbk"), ("gb18030", "gb18030"), ("sjis", "shift_jis"), ("Shift_JIS", "shift_jis"),
        ("ms_kanji", "shift_jis"), ("windows-31j", "shift_jis"), ("x-euc-jp", "euc-jp"), ("big5-hkscs", "big5"),
        ("ks_c_5601-1987", "euc-kr"), ("EUC-KR", "euc-kr"), ("cp1251", "windows-1251"), ("iso-8859-2", "iso-8859-2"),
        ("latin2", "iso-8859-2"), ("iso8859-15", "iso-8859-15"), ("iso-8859-16", "iso-8859-16"),
        ("koi8-r", "koi8-r"), ("utf-16", "utf-16le"), ("UTF-16BE", "utf-16be"), ("utf8", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"), ("iso-2022-kr", "replacement"), ("iso-8859-9", "windows-1254"),
        ("tis-620", "windows-874"),
    ])
    func labelNormalisation(label: String, expected: String) {
        #expect(Charset.encodingName(forLabel: label) == expected)
    }

    @Test("unknown labels are not encodings", arguments: ["", "   ", "utf-9", "latin-1", "x-unknown", "utf 8"])
    func unknownLabels(label: String) {
        #expect(Charset.encodingName(forLabel: label) == nil)
    }

    @Test("every iconv-backed encoding is available in this system's iconv")
    func iconvNamesExist() {
        for entry in EncodingLabels.entries {
            guard case .iconv(let name) = entry.decoder else { continue }
            #expect(Transcoder.decodeWithIconv([0x41, 0x42][...], from: name)?.utf8 == [0x41, 0x42], "\(name)")
        }
    }

    @Test("Content-Type charset parameter parsing", arguments: [
        ("text/html; charset=utf-8", "utf-8"), ("text/html;charset=\"Shift_JIS\"", "Shift_JIS"),
        ("text/html; CHARSET = koi8-r ", "koi8-r"), ("text/html; foo=\"a;b\"; charset=big5", "big5"),
        ("text/html; charset='x'", "'x'"), ("text/html; charset=\"a\\\"b\"", "a\"b"),
        ("text/html; charset=gbk; charset=utf-8", "gbk"),
    ])
    func contentTypeCharset(value: String, expected: String) {
        #expect(Charset.charsetParameter(ofContentType: value) == expected)
    }

    @Test("Content-Type without a charset", arguments: ["text/html", "text/html;", "text/html; charset=", "", ";;;="])
    func contentTypeWithoutCharset(value: String) {
        #expect(Charset.charsetParameter(ofContentType: value) == nil)
    }

    @Test("meta prescan follows the HTML standard", arguments: [
        ("<meta charset=koi8-r>", "koi8-r"),
        ("<META CHARSET='Shift_JIS'>", "shift_jis"),
        ("<meta\tcharset = \"euc-kr\" >", "euc-kr"),
        ("<meta/charset=big5>", "big5"),
        ("<meta http-equiv=Content-Type content='text/html; charset=\"windows-1251\"'>", "windows-1251"),
        ("<meta content=\"text/html;charset=gbk\" http-equiv=\"content-type\">", "gbk"),
        ("<meta http-equiv=\"content-type\" content=\"text/html; charset = iso-8859-2 ; x\">", "iso-8859-2"),
        ("<meta charset=\"utf-16\">", "utf-8"),
        ("<meta charset=\"UTF-16BE\">", "utf-8"),
        ("<meta charset=\"x-user-defined\">", "windows-1252"),
        ("<!-- <meta charset=koi8-r> --><meta charset=big5>", "big5"),
        ("<!--><meta charset=big5>", "big5"),
        ("<div title=\"<meta charset=koi8-r>\"><meta charset=euc-jp>", "euc-jp"),
        ("<?xml version=\"1.0\" encoding=\"koi8-r\"?><meta charset=gbk>", "gbk"),
        ("<meta charset=nonsense><meta charset=koi8-r>", "koi8-r"),
        ("<meta charset=koi8-r charset=big5>", "koi8-r"),
        ("<meta content=\"charset=nonsense\" charset=\"gbk\">", "gbk"),
    ])
    func prescanFinds(markup: String, expected: String) {
        #expect(Charset.metaDeclaredEncoding(in: Array(markup.utf8)) == expected)
    }

    @Test("meta prescan ignores what browsers ignore", arguments: [
        "<meta content=\"text/html; charset=koi8-r\">",       // content without http-equiv
        "<meta http-equiv=\"refresh\" content=\"charset=koi8-r\">",
        "<!-- <meta charset=koi8-r> -->",
        "<metacharset=koi8-r>",
        "<meta charset=\"koi8-r",                               // unterminated quote
        "<meta http-equiv=content-type content=\"charset='koi8-r\">",  // unmatched quote in content
        "<p>no meta here</p>",
        "",
    ])
    func prescanIgnores(markup: String) {
        #expect(Charset.metaDeclaredEncoding(in: Array(markup.utf8)) == nil)
    }

    @Test("a <meta> after the first 1024 bytes is not seen")
    func prescanStopsAt1024Bytes() throws {
        let filler = "<!-- " + String(repeating: "x", count: 1100) + " -->"
        #expect(Charset.metaDeclaredEncoding(in: Array((filler + "<meta charset=koi8-r>").utf8)) == nil)
        let early = String(repeating: " ", count: 900) + "<meta charset=koi8-r>"
        #expect(Charset.metaDeclaredEncoding(in: Array(early.utf8)) == "koi8-r")
        // Undeclared and valid UTF-8 after all: sniffed.
        let decoded = try Charset.decodeHTML(Array((filler + "<meta charset=koi8-r><p>é</p>").utf8), contentType: nil)
        #expect(decoded.source == .sniffed)
        #expect(decoded.encoding == "utf-8")
    }

    @Test("decoding never fails: truncated multibyte tails, odd UTF-16 lengths, the replacement encoding")
    func decodingIsTotal() throws {
        // EUC-KR lead byte with no trail at the very end.
        let truncated = try Charset.decodeHTML(Array("<p>".utf8) + [0xB0, 0xA1, 0xB0],
                                               contentType: "text/html; charset=euc-kr")
        #expect(String(decoding: truncated.utf8, as: UTF8.self) == "<p>가\u{FFFD}")
        #expect(truncated.replacements == 1)
        // UTF-16LE with an odd trailing byte and a lone surrogate.
        let utf16: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43]
        let decoded16 = try Charset.decodeHTML(utf16, contentType: nil)
        #expect(String(decoding: decoded16.utf8, as: UTF8.self) == "A\u{FFFD}B\u{FFFD}")
        // The replacement encoding (ISO-2022-KR & co.) turns the page into one U+FFFD, as browsers do.
        let replaced = try Charset.decodeHTML(Array("<p>anything</p>".utf8), contentType: "text/html; charset=iso-2022-kr")
        #expect(replaced.encoding == "replacement")
        #expect(replaced.utf8 == [0xEF, 0xBF, 0xBD])
        // Empty input.
        let empty = try Charset.decodeHTML([], contentType: "text/html; charset=shift_jis")
        #expect(empty.utf8.isEmpty)
        // Random bytes under every encoding: valid UTF-8 always comes out.
        var generator = SplitMix64(seed: 42)
        let noise = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for entry in EncodingLabels.entries {
            let result = try Charset.decodeHTML(noise, contentType: "text/html; charset=\(entry.labels[0])")
            #expect(String(validating: result.utf8, as: UTF8.self) != nil, "\(entry.name)")
            #expect(result.encoding == entry.name)
        }
    }

    @Test("gbk decodes the single-byte euro, Shift_JIS passes 0x80 through (browser behaviour)")
    func browserOnlyBytes() throws {
        let gbk = try Charset.decodeHTML([0x80, 0x41], contentType: "text/html; charset=gbk")
        #expect(String(decoding: gbk.utf8, as: UTF8.self) == "€A")
        let sjis = try Charset.decodeHTML([0x80, 0x41], contentType: "text/html; charset=shift_jis")
        #expect(String(decoding: sjis.utf8, as: UTF8.self) == "\u{80}A")
    }

    @Test("x-user-defined maps high bytes into the private use area")
    func xUserDefined() throws {
        let decoded = try Charset.decodeHTML([0x41, 0x80, 0xFF], contentType: "text/html; charset=x-user-defined")
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "A\u{F780}\u{F7FF}")
    }
}

/// Pages re-encoded to UTF-8 that kept a legacy `<meta charset>`.
@Suite struct StaleMetaCharsetTests {
    static let page = "<html><head><meta charset=\"gb2312\"><title>t</title></head><body><p>北京的天气今天很好，适合出门散步。</p></body></html>"

    @Test func validUTF8WithMultibyteTextBeatsAStaleMetaDeclaration() throws {
        let decoded = try Charset.decodeHTML(Array(Self.page.utf8), contentType: nil)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.source == .sniffed)
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("北京的天气今天很好"))
    }

    @Test func theHTTPHeaderStillWins() throws {
        let decoded = try Charset.decodeHTML(Array(Self.page.utf8), contentType: "text/html; charset=gbk")
        #expect(decoded.encoding == "gbk")
        #expect(decoded.source == .http)
    }

    @Test func aUTF16HeaderOnBytesWithoutANulIsIgnored() throws {
        let page = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        let decoded = try Charset.decodeHTML(page, contentType: "text/html; charset=utf-16")
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.source == .meta)
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("café"))
        // Real UTF-16 (NULs in its markup) still follows the header.
        let utf16 = "<p>café</p>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let real = try Charset.decodeHTML(utf16, contentType: "text/html; charset=utf-16le")
        #expect(real.source == .http)
        #expect(String(decoding: real.utf8, as: UTF8.self) == "<p>café</p>")
    }

    @Test func realLegacyBytesKeepTheirDeclaredEncoding() throws {
        // "é" in windows-1252 (0xE9) followed by ASCII is not valid UTF-8.
        let bytes = Array("<meta charset=\"windows-1252\"><p>caf".utf8) + [0xE9] + Array(" au lait</p>".utf8)
        let decoded = try Charset.decodeHTML(bytes, contentType: nil)
        #expect(decoded.encoding == "windows-1252")
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("café au lait"))
    }
}
