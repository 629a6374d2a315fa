import CZlib

/// Decompression of gzip files (RFC 1952) fetched as bodies, such as `sitemap.xml.gz`.
///
/// libcurl already undoes `Content-Encoding: gzip`; this is for bodies that *are* gzip files (served as
/// `application/x-gzip`, or as `application/xml` with the encoding header stripped). Output is produced in
/// fixed-size chunks and the cap is checked before each chunk is kept, so a compression bomb fails after at most
/// `limit` bytes of work and memory instead of expanding fully.
public enum Gzip {
    /// The two bytes every gzip member starts with.
    public static let magic: [UInt8] = [0x1F, 0x8B]

    /// Output produced per `inflate` call; the most the result can overshoot `limit` before it is noticed.
    static let chunkSize = 64 * 1024
    /// Input handed to zlib per call (its counters are 32-bit).
    static let inputSliceSize = 1 << 20

    /// True when `bytes` starts with the gzip magic number (1F 8B).
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == magic[0] && bytes[1] == magic[1]
    }

    /// Decompresses a gzip file, including files made of several concatenated members (as `cat a.gz b.gz`
    /// produces), whose outputs are joined.
    ///
    /// Bytes after the last member that do not start another member are ignored, as gzip(1) does (some servers
    /// pad files with zeros); every member's CRC-32 and length are checked by zlib.
    ///
    /// - Parameters:
    ///   - bytes: the compressed body.
    ///   - limit: the most decompressed bytes accepted.
    ///   - url: where the body came from, for the error (optional).
    /// - Throws: `FetchError` with code `.tooLarge` when the output would exceed `limit`, `.undecodableBody` when
    ///   the input is empty, not gzip, corrupt or truncated.
    public static func decompress(_ bytes: [UInt8], limit: Int, url: String = "") throws(FetchError) -> [UInt8] {
        guard isGzip(bytes) else {
            let what = bytes.isEmpty ? "the body is empty" : "the body does not start with the gzip magic number"
            throw FetchError(code: .undecodableBody, message: "not gzip data: \(what)", url: url)
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        // zlib keeps a pointer back to the stream and checks it on every call, so the struct must not move:
        // it lives in this allocation, never in a Swift variable passed inout.
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard winnow_inflate_init_gzip(stream) == Z_OK else {
            throw FetchError(code: .undecodableBody, message: "zlib could not start a gzip decoder", url: url)
        }
        defer { inflateEnd(stream) }

        let result: Result<[UInt8], FetchError> = bytes.withUnsafeBufferPointer { input in
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            return chunk.withUnsafeMutableBufferPointer { output in
                inflateAll(stream, input: input, output: output, limit: limit, url: url)
            }
        }
        return try result.get()
    }

    /// The inflate loop; `input` and `output` stay valid (and unmoved) for the whole call.
    private static func inflateAll(
        _ stream: UnsafeMutablePointer<z_stream>, input: UnsafeBufferPointer<UInt8>,
        output: UnsafeMutableBufferPointer<UInt8>, limit: Int, url: String
    ) -> Result<[UInt8], FetchError> {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else {
            return .failure(FetchError(code: .undecodableBody, message: "not gzip data: the body is empty", url: url))
        }
        var decoded: [UInt8] = []
        var fed = 0  // input bytes handed to zlib so far
        var members = 0
        while true {
            if stream.pointee.avail_in == 0 && fed < input.count {
                let slice = min(inputSliceSize, input.count - fed)
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase + fed)
                stream.pointee.avail_in = UInt32(slice)
                fed += slice
            }
            stream.pointee.next_out = outputBase
            stream.pointee.avail_out = UInt32(output.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                guard produced <= limit - decoded.count else {
                    return .failure(FetchError(
                        code: .tooLarge, message: "gzip body expands past the \(limit)-byte limit", url: url))
                }
                decoded.append(contentsOf: UnsafeBufferPointer(start: outputBase, count: produced))
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                members += 1
                let consumed = fed - Int(stream.pointee.avail_in)
                let rest = input[consumed...]
                // Another member follows: start it with a fresh decoder state. Anything else is trailing junk.
                guard rest.count >= 2, rest[consumed] == magic[0], rest[consumed + 1] == magic[1] else {
                    return .success(decoded)
                }
                guard inflateReset(stream) == Z_OK else {
                    return .failure(FetchError(
                        code: .undecodableBody, message: "zlib could not restart for gzip member \(members + 1)",
                        url: url))
                }
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && fed == input.count:
                return .failure(FetchError(
                    code: .undecodableBody, message: "gzip data is truncated (member \(members + 1) has no end)",
                    url: url))
            case Z_BUF_ERROR:
                continue  // no progress possible with this output space; more input follows
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return .failure(FetchError(
                    code: .undecodableBody, message: "gzip data is corrupt: \(detail)", url: url))
            }
        }
    }
}
