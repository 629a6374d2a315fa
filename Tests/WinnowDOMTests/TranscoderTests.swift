import Testing
@testable import WinnowDOM

/// The hand-written UTF-8 validator must agree with the standard library's decoder on every input.
@Suite struct TranscoderTests {
    static func referenceValid(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    @Test(arguments: [
        [], Array("plain ascii, longer than eight bytes".utf8), Array("café – “quotes” 日本語 😀".utf8),
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8],
        [0xC3], Array("abcdefgh".utf8) + [0xE2, 0x82], [0x80], Array("12345678".utf8) + [0xFF] + Array("9".utf8),
    ] as [[UInt8]])
    func edgeCases(bytes: [UInt8]) {
        #expect(Transcoder.isValidUTF8(bytes[...]) == Self.referenceValid(bytes), "\(bytes)")
    }

    @Test func randomInputsAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("ascii text ".utf8), Array("é".utf8), Array("€".utf8), Array("𝄞".utf8),
                                 [0x80], [0xC3], [0xE2, 0x82], [0xED, 0xB0, 0x80], [0xF5], [0xFF]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            #expect(Transcoder.isValidUTF8(bytes[...]) == Self.referenceValid(bytes), "\(bytes)")
        }
    }

    @Test func validatesSlicesThatDoNotStartAtZero() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ok ünïcode".utf8)
        #expect(Transcoder.isValidUTF8(bytes[3...]))
        #expect(!Transcoder.isValidUTF8(bytes[1...]))
    }
}
