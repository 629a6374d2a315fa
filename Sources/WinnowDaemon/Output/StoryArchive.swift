import Foundation
import WinnowExtract
import WinnowOutput

/// The daemon's output directory: one file per story in a stable, readable layout, and `index.jsonl`, an
/// append-only log of what was written when.
///
/// **Layout.** `<site>/<YYYY>/<MM>/<DD>-<slug>.<ext>`: the site is the story's host (`Slug.host`, without
/// `www.`), the date its publication day as the page gives it (else the day Winnow first saw it, UTC), the slug
/// its title's (`Slug.make`; else the URL's last segment; else `story-<hash>`). A second story that would get
/// the same name gets `-2`, `-3`, …; the state store owns which path belongs to which story, so a story keeps
/// its path when it is rewritten. Every component is made of `[a-z0-9.-]`, so no URL or title can name a path
/// outside the directory (checked again before every write).
///
/// **Writes** are atomic (temporary file, fsync, rename, fsync of the folder): a story file is always a whole
/// old version or a whole new one. **The index** gets one JSON line per write or update, appended with
/// `O_APPEND` and fsynced; a crash can leave at most one partial last line, which `repairIndex` cuts off.
public struct StoryArchive: Sendable {
    /// The output directory.
    public let root: String
    /// The story format (and so the file extension).
    public let format: OutputFormat
    /// Render options for story files.
    public let options: RenderOptions
    /// fsync files and folders (survives power loss; slower).
    public let synchronizesToDisk: Bool

    /// The index file's name inside the output directory.
    public static let indexName = "index.jsonl"

    public init(root: String, format: OutputFormat = .markdown, options: RenderOptions = RenderOptions(),
                synchronizesToDisk: Bool = true) {
        var root = root.isEmpty ? "." : root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.format = format
        self.options = options
        self.synchronizesToDisk = synchronizesToDisk
    }

    // MARK: Naming

    /// The path, relative to the output directory, for `article` (first seen at `firstSeen`) with collision
    /// number `attempt` (1: no suffix).
    public func relativePath(for article: Article, firstSeen: Date, attempt: Int = 1) -> String {
        let metadata = article.metadata
        let url = [metadata.canonicalURL, metadata.url].compactMap { $0 }.first { !$0.isEmpty }
        let site = url.flatMap(Slug.host(of:)) ?? "unknown-site"
        let day = Self.day(of: metadata.publishedDate, firstSeen: firstSeen)
        var stem = StoryWriter.fileStem(for: article)
        if attempt > 1 { stem += "-\(attempt)" }
        return "\(site)/\(day.year)/\(Self.two(day.month))/\(Self.two(day.day))-\(stem).\(format.fileExtension)"
    }

    /// The calendar day a story is filed under.
    static func day(of published: PageDate?, firstSeen: Date) -> (year: Int, month: Int, day: Int) {
        if let published { return (published.year, published.month, published.day) }
        var seconds = time_t(firstSeen.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// True when `relativePath` stays inside the directory: no empty, `.`, `..` or hidden components, not
    /// absolute, no backslashes or NULs.
    public static func isContained(_ relativePath: String) -> Bool {
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"), !relativePath.contains("\\"),
            !relativePath.contains("\0")
        else { return false }
        return relativePath.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".")
        }
    }

    // MARK: Writing

    /// The rendered story file for `article`.
    public func render(_ article: Article) -> [UInt8] {
        Array(Renderer.render(article, as: format, options: options).utf8)
    }

    /// Writes `contents` to `relativePath` atomically.
    public func write(_ contents: [UInt8], to relativePath: String) throws {
        guard Self.isContained(relativePath) else {
            throw StoryWriterError(path: relativePath, message: "refusing to write outside \(root): \(relativePath)")
        }
        try StoryWriter.writeAtomically(contents, to: root + "/" + relativePath, sync: synchronizesToDisk)
    }

    /// The absolute (or root-relative) path of a story file.
    public func path(of relativePath: String) -> String { root + "/" + relativePath }

    // MARK: The index

    /// One line of `index.jsonl`.
    public struct IndexEntry: Sendable, Equatable, Codable {
        /// `created` for a new story file, `updated` when a story's file was rewritten with new text.
        public enum Action: String, Sendable, Codable { case created, updated }

        public var time: String
        public var action: Action
        public var url: String
        public var canonical: String?
        public var path: String
        public var hash: String
        public var title: String?

        public init(time: Date, action: Action, url: String, canonical: String?, path: String, hash: String,
                    title: String?) {
            self.time = KeyValueLogHandler.timestamp(time)
            self.action = action
            self.url = url
            self.canonical = canonical
            self.path = path
            self.hash = hash
            self.title = title
        }
    }

    /// Appends `entry` to the index as one line, then fsyncs it (when the archive syncs).
    public func appendIndex(_ entry: IndexEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        try StoryWriter.makeDirectories(root)
        let path = root + "/" + Self.indexName
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot open", path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < line.count {
            let written = line.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, line.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot append to", path)
            }
            offset += written
        }
        if synchronizesToDisk && fsync(descriptor) != 0 { throw Self.failure("cannot sync", path) }
    }

    /// The last index line naming each of `paths` (paths the index never names are absent). Reads the whole
    /// index once; meant for recovery, where the paths are the few stories a crash left unconfirmed.
    public func lastIndexEntries(for paths: Set<String>) throws -> [String: IndexEntry] {
        guard !paths.isEmpty,
              let data = FileManager.default.contents(atPath: root + "/" + Self.indexName) else { return [:] }
        let marker = Array("\"path\":\"".utf8)
        let decoder = JSONDecoder()
        var found: [String: IndexEntry] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                let line = bytes[start..<end]
                start = end + 1
                // Paths are made of [a-z0-9.-/], so the JSON string is the path itself: find it without decoding
                // every line, and decode only the lines that name a path asked for.
                guard let path = Self.pathField(in: line, marker: marker), paths.contains(path),
                      let entry = try? decoder.decode(IndexEntry.self, from: Data(line)) else { continue }
                found[path] = entry
            }
        }
        return found
    }

    private static func pathField(in line: Slice<UnsafeBufferPointer<UInt8>>, marker: [UInt8]) -> String? {
        guard line.count > marker.count else { return nil }
        var index = line.startIndex
        while index + marker.count <= line.endIndex {
            if line[index] == marker[0] && line[index..<index + marker.count].elementsEqual(marker) {
                let valueStart = index + marker.count
                guard let valueEnd = line[valueStart...].firstIndex(of: 0x22) else { return nil }
                return String(decoding: line[valueStart..<valueEnd], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// True when the story file at `relativePath` holds exactly `contents` (so writing them again would change
    /// nothing).
    public func holds(_ contents: [UInt8], at relativePath: String) -> Bool {
        guard Self.isContained(relativePath) else { return false }
        let path = root + "/" + relativePath
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(contents)
    }

    /// Cuts a partial last line (left by a crash mid-append) off the index; returns the bytes removed.
    @discardableResult
    public func repairIndex() throws -> Int {
        let path = root + "/" + Self.indexName
        guard let handle = FileHandle(forUpdatingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        let data = try handle.readToEnd() ?? Data()
        guard let last = data.last, last != 0x0A else { return 0 }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        try handle.truncate(atOffset: UInt64(keep))
        if synchronizesToDisk { try handle.synchronize() }
        return data.count - keep
    }

    /// Removes temporary files older than `age` left by a crashed writer; returns how many.
    @discardableResult
    public func removeAbandonedTemporaryFiles(olderThan age: TimeInterval = 0) -> Int {
        StoryWriter.removeAbandonedTemporaryFiles(under: root, olderThan: age)
    }

    private static func failure(_ action: String, _ path: String) -> StoryWriterError {
        StoryWriterError(path: path, message: "\(action) \(path): \(String(cString: strerror(errno)))")
    }
}
