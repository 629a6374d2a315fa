import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns bytes in a known encoding into UTF-8, the way a browser's decoder does: invalid or unmapped input
/// becomes U+FFFD and decoding goes on, so one bad byte never loses a page.
enum Transcoder {
    /// UTF-8 bytes plus how many replacement characters had to be inserted.
    struct Output {
        let utf8: [UInt8]
        let replacements: Int
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes with the entry's decoder; nil only when iconv does not know the encoding on this system.
    static func decode(_ bytes: ArraySlice<UInt8>, with decoder: EncodingLabels.Decoder) -> Output? {
        switch decoder {
        case .utf8: return decodeUTF8(bytes)
        case .utf16LittleEndian: return decodeUTF16(bytes, bigEndian: false)
        case .utf16BigEndian: return decodeUTF16(bytes, bigEndian: true)
        case .windows1252: return decodeWindows1252(bytes)
        case .xUserDefined: return decodeXUserDefined(bytes)
        case .replacement:
            return bytes.isEmpty ? Output(utf8: [], replacements: 0)
                : Output(utf8: replacementCharacter, replacements: 1)
        case .iconv(let name): return decodeWithIconv(bytes, from: name)
        }
    }

    /// True when the bytes are well-formed UTF-8 (the default sniff's test).
    ///
    /// Runs on every page, so it skips ASCII eight bytes at a time and checks multi-byte sequences by hand
    /// (overlong forms, surrogates and values past U+10FFFF are invalid, as in the Encoding Standard).
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                while index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let trailing: Int
                var scalar: UInt32
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: (trailing, scalar, minimum) = (1, UInt32(lead & 0x1F), 0x80)
                case 0xE0...0xEF: (trailing, scalar, minimum) = (2, UInt32(lead & 0x0F), 0x800)
                case 0xF0...0xF4: (trailing, scalar, minimum) = (3, UInt32(lead & 0x07), 0x1_0000)
                default: return false
                }
                guard index + trailing < count else { return false }
                for offset in 1...trailing {
                    let byte = base[index + offset]
                    guard byte & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10_FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
                index += trailing + 1
            }
            return true
        }
    }

    // MARK: Decoders written here

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> Output {
        if isValidUTF8(bytes) { return Output(utf8: Array(bytes), replacements: 0) }
        var iterator = bytes.makeIterator()
        return transcode(&iterator, with: UTF8(), capacity: bytes.count + 16)
    }

    /// Decodes code units with a standard-library codec into UTF-8; invalid sequences become U+FFFD.
    private static func transcode<Codec: UnicodeCodec, Units: IteratorProtocol>(
        _ iterator: inout Units, with codec: Codec, capacity: Int
    ) -> Output where Units.Element == Codec.CodeUnit {
        var decoder = codec
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var replacements = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): append(scalar, to: &out)
            case .emptyInput: break loop
            case .error:
                out.append(contentsOf: replacementCharacter)
                replacements += 1
            }
        }
        return Output(utf8: out, replacements: replacements)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Output {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        var iterator = units.makeIterator()
        let decoded = transcode(&iterator, with: UTF16(), capacity: units.count * 2)
        var out = decoded.utf8
        var replacements = decoded.replacements
        if bytes.count % 2 == 1 {  // a dangling odd byte at the end
            out.append(contentsOf: replacementCharacter)
            replacements += 1
        }
        return Output(utf8: out, replacements: replacements)
    }

    /// windows-1252 as browsers define it: 0x80-0x9F are the Windows punctuation, the five bytes Windows leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, the rest is Latin-1.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> Output {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else if byte < 0xA0 {
                append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}", to: &out)
            } else {
                out.append(0xC0 | (byte >> 6))
                out.append(0x80 | (byte & 0x3F))
            }
        }
        return Output(utf8: out, replacements: 0)
    }

    /// Code points for bytes 0x80-0x9F in windows-1252.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeXUserDefined(_ bytes: ArraySlice<UInt8>) -> Output {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                append(Unicode.Scalar(0xF780 + UInt32(byte) - 0x80) ?? "\u{FFFD}", to: &out)
            }
        }
        return Output(utf8: out, replacements: 0)
    }

    // MARK: iconv

    /// Bytes a browser decodes although glibc's converter rejects them, per iconv name
    /// (gbk's single-byte euro; Shift_JIS's 0x80, which browsers pass through as U+0080).
    private static let browserOnlyBytes: [String: [UInt8: Unicode.Scalar]] = [
        "GB18030": [0x80: "\u{20AC}"],
        "CP932": [0x80: "\u{0080}"],
    ]

    /// Converts with glibc iconv. An illegal sequence costs one U+FFFD and one byte, then conversion resumes;
    /// a truncated sequence at the end becomes one U+FFFD.
    static func decodeWithIconv(_ bytes: ArraySlice<UInt8>, from name: String) -> Output? {
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        let extraBytes = browserOnlyBytes[name] ?? [:]

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2 + 16)
        var replacements = 0
        let chunkSize = 64 * 1024
        var chunk = [CChar](repeating: 0, count: chunkSize)

        var input = Array(bytes)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                guard let inputBase = inputBuffer.baseAddress, let chunkBase = chunkBuffer.baseAddress else { return }
                let inputStart = UnsafeMutableRawPointer(inputBase).assumingMemoryBound(to: CChar.self)
                var inPointer: UnsafeMutablePointer<CChar>? = inputStart
                var inLeft = inputBuffer.count

                func drain(_ outPointer: UnsafeMutablePointer<CChar>?) {
                    guard let outPointer else { return }
                    let produced = chunkBase.distance(to: outPointer)
                    UnsafeRawBufferPointer(start: chunkBase, count: produced).withMemoryRebound(to: UInt8.self) {
                        out.append(contentsOf: $0)
                    }
                }

                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkBase
                    var outLeft = chunkSize
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    drain(outPointer)
                    guard result == -1 else { continue }
                    switch failure {
                    case E2BIG:
                        continue
                    case EINVAL:
                        // Incomplete multibyte sequence at the end of the input.
                        out.append(contentsOf: replacementCharacter)
                        replacements += 1
                        inLeft = 0
                    default:
                        // EILSEQ (or anything unexpected): replace one byte and carry on after it.
                        if let current = inPointer, let scalar = extraBytes[UInt8(bitPattern: current.pointee)] {
                            append(scalar, to: &out)
                        } else {
                            out.append(contentsOf: replacementCharacter)
                            replacements += 1
                        }
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
                // Flush any shift state (stateful encodings such as ISO-2022-JP).
                var outPointer: UnsafeMutablePointer<CChar>? = chunkBase
                var outLeft = chunkSize
                _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                drain(outPointer)
            }
        }
        return Output(utf8: out, replacements: replacements)
    }

    // MARK: Helpers

    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
