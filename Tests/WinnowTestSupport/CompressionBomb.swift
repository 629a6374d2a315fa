import CZlib

/// gzip bodies that inflate to far more than they weigh, built at test time (never committed).
public enum CompressionBomb {
    /// One mebibyte, the unit the bomb is built from.
    static let segmentLength = 1 << 20

    /// A gzip member of `mebibytes` MiB of zeros: about 1 KiB per MiB on the wire (1 GiB is ~1 MB).
    ///
    /// Compressing 1 GiB takes zlib tens of seconds, so the stream is assembled instead: one MiB of zeros is
    /// compressed and ended with a full flush, which byte-aligns the output and resets the compressor, so
    /// compressing the next MiB emits the very same bytes (checked, not assumed). The segment is repeated,
    /// a final empty block ends the stream, and the trailer's CRC-32 comes from `crc32_combine`.
    public static func gzipZeros(mebibytes: Int) throws -> [UInt8] {
        precondition(mebibytes > 0)
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // Raw deflate (negative window bits): the gzip header and trailer are written here.
        guard deflateInit2_(stream, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ServerError("zlib could not start a compressor")
        }
        defer { deflateEnd(stream) }
        var zeros = [UInt8](repeating: 0, count: segmentLength)
        let first = try compress(&zeros, stream: stream, flush: Z_FULL_FLUSH)
        let second = try compress(&zeros, stream: stream, flush: Z_FULL_FLUSH)
        guard first == second else { throw ServerError("this zlib does not repeat a flushed segment byte for byte") }
        var empty: [UInt8] = []
        let end = try compress(&empty, stream: stream, flush: Z_FINISH)

        let segmentCRC = zeros.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        var crc = segmentCRC
        for _ in 1..<mebibytes { crc = crc32_combine(crc, segmentCRC, off_t(segmentLength)) }
        let length = UInt32(truncatingIfNeeded: mebibytes * segmentLength)

        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out.reserveCapacity(out.count + first.count * mebibytes + end.count + 8)
        for _ in 0..<mebibytes { out += first }
        out += end
        out += littleEndian(UInt32(truncatingIfNeeded: crc)) + littleEndian(length)
        return out
    }

    /// Everything the compressor emits for `input` followed by `flush`.
    private static func compress(_ input: inout [UInt8], stream: UnsafeMutablePointer<z_stream>,
                                 flush: Int32) throws -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            var status = Z_OK
            repeat {
                status = buffer.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outputBuffer.count)
                    return deflate(stream, flush)
                }
                output += buffer[0..<(buffer.count - Int(stream.pointee.avail_out))]
            } while status == Z_OK && stream.pointee.avail_out == 0
            return status
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw ServerError("zlib deflate failed: \(status)")
        }
        return output
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
