import CZlib
import Foundation

/// The shared evaluation corpora beside the checkout (`../shared/corpus`, or `$WINNOW_SHARED_CORPUS`), read
/// in place: nothing from them is ever copied into the repository.
public enum SharedCorpus {
    /// One page of a corpus.
    public struct Page: Sendable {
        /// `readability/001` or `wcxb/0001`.
        public let name: String
        /// The page's URL when the corpus records it.
        public let url: String?
        public let html: [UInt8]
    }

    /// The corpus folder, nil when it is not there.
    public static var root: URL? {
        let environment = ProcessInfo.processInfo.environment["WINNOW_SHARED_CORPUS"]
        let url = environment.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("wcxb/dev/html").path) ? url : nil
    }

    /// Every page of readability-pages and WCXB dev, in name order.
    public static func pages() throws -> [Page] {
        guard let root else { return [] }
        var pages: [Page] = []
        let readability = root.appendingPathComponent("readability-pages/pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: readability.path).sorted() {
            let source = readability.appendingPathComponent(name).appendingPathComponent("source.html")
            guard let data = FileManager.default.contents(atPath: source.path) else { continue }
            pages.append(Page(name: "readability/\(name)", url: nil, html: [UInt8](data)))
        }
        let wcxb = root.appendingPathComponent("wcxb/dev")
        for file in try FileManager.default.contentsOfDirectory(atPath: wcxb.appendingPathComponent("html").path).sorted()
        where file.hasSuffix(".html.gz") {
            let id = String(file.dropLast(".html.gz".count))
            guard let data = FileManager.default.contents(atPath: wcxb.appendingPathComponent("html/\(file)").path) else {
                continue
            }
            var url: String?
            if let truth = FileManager.default.contents(atPath: wcxb.appendingPathComponent("ground-truth/\(id).json").path),
               let object = try? JSONSerialization.jsonObject(with: truth) as? [String: Any] {
                url = object["url"] as? String
            }
            pages.append(Page(name: "wcxb/\(id)", url: url, html: try gunzip([UInt8](data))))
        }
        return pages
    }

    /// A gzip file's contents.
    public static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header and trailer around the deflate data.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ServerError("zlib inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw ServerError("not a complete gzip file (zlib status \(status))") }
        return output
    }
}
