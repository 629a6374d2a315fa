import Foundation
import WinnowTestSupport

/// Content encoders for the test server. gzip and deflate are produced here with stored (uncompressed)
/// DEFLATE blocks, which every decoder must accept; brotli and zstd come from their command-line tools.
enum Encoders {
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as gzip's trailer needs.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    /// Adler-32, as the zlib wrapper ("deflate" content coding) needs.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return (b << 16) | a
    }

    /// A raw DEFLATE stream made of stored blocks (max 65,535 bytes each).
    static func deflateStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        repeat {
            let length = min(65_535, data.count - index)
            let isFinal = index + length == data.count
            out.append(isFinal ? 1 : 0)  // BFINAL bit, BTYPE = 00 (stored)
            out += littleEndian(UInt16(length)) + littleEndian(~UInt16(length))
            out += data[index..<index + length]
            index += length
        } while index < data.count
        return out
    }

    /// RFC 1952 gzip member around stored blocks.
    static func gzip(_ data: [UInt8]) -> [UInt8] {
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        return header + deflateStored(data) + littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
    }

    /// RFC 1950 zlib stream (what HTTP calls "deflate") around stored blocks.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        let checksum = adler32(data)
        return [0x78, 0x01] + deflateStored(data)
            + [UInt8(checksum >> 24), UInt8((checksum >> 16) & 0xFF), UInt8((checksum >> 8) & 0xFF), UInt8(checksum & 0xFF)]
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    // MARK: - Command-line encoders

    static let brotliPath = tool("/usr/bin/brotli")
    static let zstdPath = tool("/usr/bin/zstd")
    static let gzipPath = tool("/usr/bin/gzip") ?? tool("/bin/gzip")

    private static func tool(_ path: String) -> String? {
        FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs `tool arguments... [file holding input]` and returns its standard output.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]?) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("winnow-fetch-\(UUID().uuidString)")
        if let input { try Data(input).write(to: file) }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments + (input == nil ? [] : [file.path])
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("\(tool) exited \(process.terminationStatus)") }
        return Array(data)
    }
}
