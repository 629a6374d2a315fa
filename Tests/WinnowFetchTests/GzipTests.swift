import Foundation
import Testing
@testable import WinnowFetch

@Suite("Gzip file bodies")
struct GzipTests {
    /// Text with some repetition, so gzip uses real Huffman-coded blocks.
    static let sample: [UInt8] = Array((0..<2_000).map { "line \($0): the harbour at dawn, gulls and ferries\n" }
        .joined().utf8)

    @Test("output of /bin/gzip round-trips, at levels 1 and 9")
    func roundTrip() throws {
        let gzip = try #require(Encoders.gzipPath, "gzip is not installed")
        for level in ["-1", "-9"] {
            let compressed = try Encoders.run(gzip, ["-c", "-n", level], input: Self.sample)
            #expect(compressed.count < Self.sample.count / 4)
            #expect(try Gzip.decompress(compressed, limit: 10 << 20) == Self.sample)
        }
    }

    @Test("hand-made stored-block members decode too, including an empty one")
    func storedBlocks() throws {
        #expect(try Gzip.decompress(Encoders.gzip(Self.sample), limit: 1 << 20) == Self.sample)
        #expect(try Gzip.decompress(Encoders.gzip([]), limit: 1 << 20) == [])
    }

    @Test("concatenated members are joined, and zero padding after the last one is ignored")
    func concatenatedMembers() throws {
        let gzip = try #require(Encoders.gzipPath, "gzip is not installed")
        let first = try Encoders.run(gzip, ["-c", "-n"], input: Array("first member\n".utf8))
        let second = Encoders.gzip(Array("second member\n".utf8))
        let third = try Encoders.run(gzip, ["-c", "-n"], input: Self.sample)
        let joined = try Gzip.decompress(first + second + third, limit: 1 << 20)
        #expect(joined == Array("first member\nsecond member\n".utf8) + Self.sample)
        #expect(try Gzip.decompress(first + [0, 0, 0, 0], limit: 1 << 20) == Array("first member\n".utf8))
    }

    @Test("the limit is exact: output of exactly the limit passes, one byte more is tooLarge")
    func exactLimit() throws {
        let compressed = Encoders.gzip(Self.sample)
        #expect(try Gzip.decompress(compressed, limit: Self.sample.count).count == Self.sample.count)
        let error = gzipError { try Gzip.decompress(compressed, limit: Self.sample.count - 1) }
        #expect(error?.code == .tooLarge)
    }

    @Test("a 1 GiB bomb of zeros fails fast under the limit, without expanding")
    func bomb() throws {
        let bomb = Self.zeroBomb(matchGroups: 520_200)  // 1 + 258 * (1 + 8 * 520_200) bytes > 1 GiB
        #expect(bomb.count < 8 << 20)
        let started = ContinuousClock.now
        let error = gzipError { try Gzip.decompress(bomb, limit: 50 << 20) }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("limit") == true)
        #expect(ContinuousClock.now - started < .seconds(10))
        // Several members each under the limit are capped on the total, too.
        let member = Self.zeroBomb(matchGroups: 1_000, complete: true)  // about 2 MB of zeros each
        let many = Array([[UInt8]](repeating: member, count: 40).joined())
        #expect(gzipError { try Gzip.decompress(many, limit: 50 << 20) }?.code == .tooLarge)
    }

    @Test("the hand-made bomb generator produces a valid stream (checked on a small one)")
    func bombGeneratorIsValid() throws {
        let small = Self.zeroBomb(matchGroups: 10, complete: true)
        let output = try Gzip.decompress(small, limit: 1 << 20)
        #expect(output.count == 1 + 258 * (1 + 8 * 10))
        #expect(output.allSatisfy { $0 == 0 })
        if let gzip = Encoders.gzipPath {  // and gzip(1) agrees
            #expect(try Encoders.run(gzip, ["-d", "-c"], input: small) == output)
        }
    }

    @Test("truncated, corrupt, non-gzip and empty input are undecodable, with a one-line message")
    func badInput() throws {
        let good = Encoders.gzip(Self.sample)
        var flipped = good
        flipped[flipped.count - 6] ^= 0x55  // inside the CRC-32 trailer
        var badMethod = good
        badMethod[2] = 7  // compression method other than deflate
        let cases: [(String, [UInt8])] = [
            ("truncated body", Array(good.prefix(good.count / 2))),
            ("truncated trailer", Array(good.dropLast(3))),
            ("header only", Array(good.prefix(10))),
            ("bad CRC", flipped),
            ("bad method", badMethod),
            ("plain text", Array("<?xml version=\"1.0\"?><urlset/>".utf8)),
            ("magic only", [0x1F, 0x8B]),
            ("empty", []),
        ]
        for (name, bytes) in cases {
            let error = gzipError { try Gzip.decompress(bytes, limit: 1 << 20, url: "https://s.example/s.xml.gz") }
            #expect(error?.code == .undecodableBody, "\(name): \(String(describing: error))")
            #expect(error?.url == "https://s.example/s.xml.gz")
            #expect(error.map { !$0.message.isEmpty && !$0.message.contains("\n") } == true, "\(name)")
        }
        #expect(!Gzip.isGzip([0x1F]))
        #expect(Gzip.isGzip(good))
    }

    // MARK: Helpers

    /// The `FetchError` `body` throws; nil when it succeeds (or throws something else, which the callers' code
    /// expectations then report).
    private func gzipError(_ body: () throws -> [UInt8]) -> FetchError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? FetchError
        }
    }

    /// A gzip member whose single fixed-Huffman DEFLATE block is one literal zero followed by
    /// `1 + 8 * matchGroups` copies of "length 258, distance 1": 13 bits per 258 zeros, so about 1,000:1.
    ///
    /// After the 3 header bits, the 8-bit literal and the first 13-bit match, the stream is byte-aligned
    /// (3 + 8 + 13 = 24 bits), and every further 8 matches take exactly 104 bits = 13 bytes, so the bulk is one
    /// 13-byte pattern repeated. `complete` adds the end-of-block code and the CRC-32/length trailer.
    static func zeroBomb(matchGroups: Int, complete: Bool = false) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE = 01, fixed Huffman codes
        bits.writeCode(0x30, length: 8)  // literal 0
        bits.writeMatch()
        var pattern = BitWriter()
        for _ in 0..<8 { pattern.writeMatch() }
        var deflate = bits.bytes
        deflate.reserveCapacity(deflate.count + 13 * matchGroups + 8)
        for _ in 0..<matchGroups { deflate += pattern.bytes }
        var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + deflate
        guard complete else { return member }
        var tail = BitWriter()
        tail.writeCode(0, length: 7)  // end of block (256)
        member += tail.bytes
        let size = 1 + 258 * (1 + 8 * matchGroups)
        member += littleEndian(Encoders.crc32([UInt8](repeating: 0, count: size)))
        member += littleEndian(UInt32(truncatingIfNeeded: size))
        return member
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// DEFLATE's bit order: values least-significant bit first, Huffman codes most-significant bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 0  // bits used in the last byte (0 means start a new byte)

        mutating func writeBit(_ bit: UInt32) {
            if used == 0 { bytes.append(0) }
            if bit != 0 { bytes[bytes.count - 1] |= UInt8(1 << used) }
            used = (used + 1) % 8
        }

        mutating func write(_ value: UInt32, count: Int) {
            for index in 0..<count { writeBit((value >> index) & 1) }
        }

        mutating func writeCode(_ code: UInt32, length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { writeBit((code >> index) & 1) }
        }

        /// Length 258 (code 285: 11000101, no extra bits), distance 1 (code 0: 00000, no extra bits).
        mutating func writeMatch() {
            writeCode(0xC5, length: 8)
            writeCode(0, length: 5)
        }
    }
}
