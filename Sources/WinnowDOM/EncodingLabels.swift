/// The WHATWG Encoding Standard's label table: every label a page may write, mapped to the encoding a browser
/// actually uses for it, plus the decoder Winnow runs for that encoding.
///
/// Kept as data so adding a label is a one-line change. Labels are matched after trimming ASCII whitespace and
/// lowercasing, exactly as the standard's "get an encoding" does.
enum EncodingLabels {
    /// How bytes in one encoding are turned into UTF-8.
    enum Decoder: Equatable {
        /// UTF-8 with invalid sequences replaced (maximal subparts, as the standard does).
        case utf8
        case utf16LittleEndian
        case utf16BigEndian
        /// A hand-written table decoder: the standard's windows-1252, including its five "holes".
        case windows1252
        /// Bytes 0x80-0xFF map to U+F780-U+F7FF (the standard's x-user-defined).
        case xUserDefined
        /// The standard's replacement encoding (ISO-2022-KR/CN, HZ): the whole input decodes to one U+FFFD.
        case replacement
        /// glibc iconv under the given name, chosen to match the browsers' mapping (e.g. CP932 for Shift_JIS).
        case iconv(String)
    }

    /// One encoding: its canonical WHATWG name, the labels that select it, and how it is decoded.
    struct Entry {
        let name: String
        let labels: [String]
        let decoder: Decoder
    }

    static let entries: [Entry] = [
        Entry(name: "utf-8", labels: ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
                                      "x-unicode20utf8"], decoder: .utf8),
        Entry(name: "ibm866", labels: ["866", "cp866", "csibm866", "ibm866"], decoder: .iconv("IBM866")),
        Entry(name: "iso-8859-2", labels: ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
                                           "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"],
              decoder: .iconv("ISO-8859-2")),
        Entry(name: "iso-8859-3", labels: ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
                                           "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"],
              decoder: .iconv("ISO-8859-3")),
        Entry(name: "iso-8859-4", labels: ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
                                           "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"],
              decoder: .iconv("ISO-8859-4")),
        Entry(name: "iso-8859-5", labels: ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144",
                                           "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"],
              decoder: .iconv("ISO-8859-5")),
        Entry(name: "iso-8859-6", labels: ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
                                           "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127",
                                           "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"],
              decoder: .iconv("ISO-8859-6")),
        Entry(name: "iso-8859-7", labels: ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8",
                                           "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7",
                                           "iso_8859-7:1987", "sun_eu_greek"],
              decoder: .iconv("ISO-8859-7")),
        Entry(name: "iso-8859-8", labels: ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8",
                                           "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8",
                                           "iso_8859-8:1988", "visual"],
              decoder: .iconv("ISO-8859-8")),
        Entry(name: "iso-8859-8-i", labels: ["csiso88598i", "iso-8859-8-i", "logical"],
              decoder: .iconv("ISO-8859-8")),
        Entry(name: "iso-8859-10", labels: ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910",
                                            "l6", "latin6"], decoder: .iconv("ISO-8859-10")),
        Entry(name: "iso-8859-13", labels: ["iso-8859-13", "iso8859-13", "iso885913"],
              decoder: .iconv("ISO-8859-13")),
        Entry(name: "iso-8859-14", labels: ["iso-8859-14", "iso8859-14", "iso885914"],
              decoder: .iconv("ISO-8859-14")),
        Entry(name: "iso-8859-15", labels: ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915",
                                            "iso_8859-15", "l9"], decoder: .iconv("ISO-8859-15")),
        Entry(name: "iso-8859-16", labels: ["iso-8859-16"], decoder: .iconv("ISO-8859-16")),
        Entry(name: "koi8-r", labels: ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"], decoder: .iconv("KOI8-R")),
        // The standard's koi8-u also carries the Belarusian letters, which is glibc's KOI8-RU.
        Entry(name: "koi8-u", labels: ["koi8-ru", "koi8-u"], decoder: .iconv("KOI8-RU")),
        Entry(name: "macintosh", labels: ["csmacintosh", "mac", "macintosh", "x-mac-roman"],
              decoder: .iconv("MACINTOSH")),
        Entry(name: "windows-874", labels: ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
                                            "windows-874"], decoder: .iconv("CP874")),
        Entry(name: "windows-1250", labels: ["cp1250", "windows-1250", "x-cp1250"], decoder: .iconv("WINDOWS-1250")),
        Entry(name: "windows-1251", labels: ["cp1251", "windows-1251", "x-cp1251"], decoder: .iconv("WINDOWS-1251")),
        // Browsers decode Latin-1 and ASCII labels as windows-1252 (curly quotes and the euro in 0x80-0x9F).
        Entry(name: "windows-1252", labels: ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
                                             "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
                                             "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
                                             "x-cp1252"], decoder: .windows1252),
        Entry(name: "windows-1253", labels: ["cp1253", "windows-1253", "x-cp1253"], decoder: .iconv("WINDOWS-1253")),
        Entry(name: "windows-1254", labels: ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
                                             "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5",
                                             "windows-1254", "x-cp1254"], decoder: .iconv("WINDOWS-1254")),
        Entry(name: "windows-1255", labels: ["cp1255", "windows-1255", "x-cp1255"], decoder: .iconv("WINDOWS-1255")),
        Entry(name: "windows-1256", labels: ["cp1256", "windows-1256", "x-cp1256"], decoder: .iconv("WINDOWS-1256")),
        Entry(name: "windows-1257", labels: ["cp1257", "windows-1257", "x-cp1257"], decoder: .iconv("WINDOWS-1257")),
        Entry(name: "windows-1258", labels: ["cp1258", "windows-1258", "x-cp1258"], decoder: .iconv("WINDOWS-1258")),
        Entry(name: "x-mac-cyrillic", labels: ["x-mac-cyrillic", "x-mac-ukrainian"], decoder: .iconv("MAC-CYRILLIC")),
        // gbk is decoded with the gb18030 decoder (a strict superset), as the standard prescribes.
        Entry(name: "gbk", labels: ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80",
                                    "gbk", "iso-ir-58", "x-gbk"], decoder: .iconv("GB18030")),
        Entry(name: "gb18030", labels: ["gb18030"], decoder: .iconv("GB18030")),
        Entry(name: "big5", labels: ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"],
              decoder: .iconv("BIG5-HKSCS")),
        // The Japanese encodings use the Windows (CP932) mapping of JIS X 0208, as the standard's index does.
        Entry(name: "euc-jp", labels: ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"], decoder: .iconv("EUC-JP-MS")),
        Entry(name: "iso-2022-jp", labels: ["csiso2022jp", "iso-2022-jp"], decoder: .iconv("ISO-2022-JP")),
        Entry(name: "shift_jis", labels: ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
                                          "windows-31j", "x-sjis"], decoder: .iconv("CP932")),
        // The standard's euc-kr is Windows' Unified Hangul Code (CP949), a superset of EUC-KR.
        Entry(name: "euc-kr", labels: ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
                                       "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"],
              decoder: .iconv("CP949")),
        Entry(name: "replacement", labels: ["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext",
                                            "iso-2022-kr", "replacement"], decoder: .replacement),
        Entry(name: "utf-16be", labels: ["unicodefffe", "utf-16be"], decoder: .utf16BigEndian),
        Entry(name: "utf-16le", labels: ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff",
                                         "utf-16", "utf-16le"], decoder: .utf16LittleEndian),
        Entry(name: "x-user-defined", labels: ["x-user-defined"], decoder: .xUserDefined),
    ]

    private static let byLabel: [String: Entry] = {
        var table: [String: Entry] = [:]
        for entry in entries {
            for label in entry.labels { table[label] = entry }
        }
        return table
    }()

    private static let byName: [String: Entry] = {
        var table: [String: Entry] = [:]
        for entry in entries { table[entry.name] = entry }
        return table
    }()

    /// The entry a label selects, or nil for an unknown label ("get an encoding" failure).
    static func entry(forLabel label: String) -> Entry? {
        let trimmed = label.trimmingASCIIWhitespace().lowercasedASCII()
        guard !trimmed.isEmpty else { return nil }
        return byLabel[trimmed]
    }

    /// The entry for a canonical encoding name.
    static func entry(named name: String) -> Entry? { byName[name] }
}

extension String {
    /// Trims the HTML spec's ASCII whitespace (space, tab, LF, FF, CR) from both ends.
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isASCIIWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isASCIIWhitespace }) ?? start
        return String(scalars[start...end])
    }

    /// Lowercases ASCII letters only (labels and tag names are ASCII-case-insensitive, nothing more).
    func lowercasedASCII() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.value >= 0x41 && scalar.value <= 0x5A {
                out.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// Space, tab, LF, FF or CR.
    var isASCIIWhitespace: Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D
    }
}
