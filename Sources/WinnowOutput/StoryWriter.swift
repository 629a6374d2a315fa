import Foundation
import WinnowExtract

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes stories into an output directory, one file per story, without ever losing or corrupting one.
///
/// **File names.** `<slug>.<ext>`, where the slug comes from the title (`Slug.make`), else from the last
/// path segment of the canonical URL / URL, else `story-<hash>`. With the default `.bySite` layout the file
/// goes in a folder named after the site's host (`example.com/my-story.md`; `unknown-site` when there is
/// no URL).
///
/// **Identity and collisions.** A story's identity is its canonical URL, else its URL (fragment removed),
/// else a hash of its title and text. Each story file has a hidden sidecar `.<file name>.source` holding that
/// identity. Writing the same story again replaces its file (an update); a different story whose slug is
/// taken gets `<slug>-2`, `<slug>-3`, …; a file the writer did not create (no sidecar) is never replaced.
/// Sidecars are created with an exclusive hard link, so two writers racing for one name cannot both win.
///
/// **Atomicity.** The story is written to a temporary file in the target directory and renamed over the
/// final name, so a reader (or a crash) sees the old file or the new one, never half of one. A crash can
/// leave a hidden temporary file behind; `removeAbandonedTemporaryFiles` sweeps those.
public struct StoryWriter: Sendable {
    /// How files are arranged under the output directory.
    public enum Layout: String, Sendable, CaseIterable {
        /// Every story directly in the output directory.
        case flat
        /// One folder per site host: `<host>/<slug>.<ext>`.
        case bySite
    }

    /// The output directory; created (with parents) when missing. Empty means the current directory.
    public var directory: String
    /// The format stories are rendered in; also decides the file extension.
    public var format: OutputFormat
    /// Flat or one folder per site (the default).
    public var layout: Layout
    /// Passed to the renderer.
    public var options: RenderOptions
    /// Flush file and directory to disk (fsync) before returning: slower, survives power loss too.
    public var synchronizesToDisk: Bool

    /// A writer into `directory`; Markdown, grouped by site, no fsync by default.
    public init(
        directory: String, format: OutputFormat = .markdown, layout: Layout = .bySite,
        options: RenderOptions = RenderOptions(), synchronizesToDisk: Bool = false
    ) {
        self.directory = directory
        self.format = format
        self.layout = layout
        self.options = options
        self.synchronizesToDisk = synchronizesToDisk
    }

    /// Renders `article` in `format` and writes it; returns the path of the file written.
    @discardableResult
    public func write(_ article: Article) throws(StoryWriterError) -> String {
        try write(Renderer.render(article, as: format, options: options), for: article)
    }

    /// Writes already-rendered `contents` as the story file of `article`; returns the path written.
    @discardableResult
    public func write(_ contents: String, for article: Article) throws(StoryWriterError) -> String {
        let folder = targetDirectory(for: article)
        try Self.makeDirectories(folder)
        let stem = Self.fileStem(for: article)
        let identity = Self.identity(of: article)
        for attempt in 1...10_000 {
            let name = attempt == 1 ? "\(stem).\(format.fileExtension)" : "\(stem)-\(attempt).\(format.fileExtension)"
            let path = folder + "/" + name
            guard try claim(name: name, in: folder, identity: identity) else { continue }
            try Self.atomicWrite(Array(contents.utf8), to: path, in: folder, sync: synchronizesToDisk)
            return path
        }
        throw StoryWriterError(
            path: folder + "/" + stem, message: "cannot write \(folder)/\(stem): too many stories with this name")
    }

    /// Renders `article` and writes it as `<name>.<ext>` directly in `directory`, replacing a file of that name:
    /// for runs that mirror the names of an input folder (`winnow extract --input-dir`) rather than naming stories
    /// by title. No sidecar, no collision suffix; the write is atomic like every other. Returns the path written.
    @discardableResult
    public func write(_ article: Article, named name: String) throws(StoryWriterError) -> String {
        let path = baseDirectory + "/" + name + "." + format.fileExtension
        let contents = Renderer.render(article, as: format, options: options)
        try Self.writeAtomically(Array(contents.utf8), to: path, sync: synchronizesToDisk)
        return path
    }

    /// Deletes temporary files left by writers that died mid-write (`.<name>.tmp-<pid>-<hex>` older than
    /// `age` seconds) anywhere under the output directory; returns how many were removed. Finished stories and
    /// sidecars are never touched, and hidden folders are not entered. Meant for the start of a run.
    @discardableResult
    public func removeAbandonedTemporaryFiles(olderThan age: TimeInterval = 3600) -> Int {
        Self.removeAbandonedTemporaryFiles(under: directory.isEmpty ? "." : directory, olderThan: age)
    }

    /// `removeAbandonedTemporaryFiles(olderThan:)` for any folder tree.
    @discardableResult
    public static func removeAbandonedTemporaryFiles(under base: String, olderThan age: TimeInterval) -> Int {
        let manager = FileManager.default
        let cutoff = Date().addingTimeInterval(-age)
        var removed = 0
        var folders = [base]
        while let folder = folders.popLast() {
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    if !name.hasPrefix(".") { folders.append(path) }
                    continue
                }
                guard (info.st_mode & S_IFMT) == S_IFREG, isTemporaryName(name) else { continue }
                let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
                if modified < cutoff && unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// Matches the names `writeTemporary` creates: `.` + name + `.tmp-` + pid + `-` + hex.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber)
            && !parts[1].isEmpty && parts[1].allSatisfy(\.isHexDigit)
    }

    // MARK: Naming

    /// `directory` without trailing slashes; `.` when empty.
    private var baseDirectory: String {
        var base = directory.isEmpty ? "." : directory
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The directory a story goes in under the current layout.
    public func targetDirectory(for article: Article) -> String {
        let base = baseDirectory
        switch layout {
        case .flat:
            return base
        case .bySite:
            let url = nonEmpty(article.metadata.canonicalURL) ?? nonEmpty(article.metadata.url)
            return base + "/" + (url.flatMap(Slug.host(of:)) ?? "unknown-site")
        }
    }

    /// The file name without extension or collision suffix: title slug, URL segment slug, or `story-<hash>`.
    public static func fileStem(for article: Article) -> String {
        if let title = nonEmpty(article.metadata.title) {
            let slug = Slug.make(title)
            if !slug.isEmpty { return slug }
        }
        for url in [article.metadata.canonicalURL, article.metadata.url].compactMap(nonEmpty) {
            if let slug = Slug.lastPathSegment(of: url) { return slug }
        }
        return "story-" + ContentHash.hex(identity(of: article)).prefix(12)
    }

    /// What makes two articles the same story (see the type's documentation).
    public static func identity(of article: Article) -> String {
        if let url = nonEmpty(article.metadata.canonicalURL) ?? nonEmpty(article.metadata.url) {
            return String(url.prefix { $0 != "#" })
        }
        let text = (article.metadata.title ?? "") + "\n" + TextRenderer.body(article.blocks)
        return "content:" + ContentHash.hex(text)
    }

    // MARK: Claiming names

    /// True when `name` is free (and is now ours) or already belongs to this story.
    private func claim(name: String, in folder: String, identity: String) throws(StoryWriterError) -> Bool {
        let sidecar = folder + "/." + name + ".source"
        for _ in 0..<3 {
            if let owner = try Self.readSmallFile(sidecar) {
                return owner.trimmingCharacters(in: .whitespacesAndNewlines) == identity
            }
            // No sidecar: a file by that name was not written by us and must not be replaced.
            if Self.exists(folder + "/" + name) { return false }
            if try Self.createExclusively(Array((identity + "\n").utf8), at: sidecar, in: folder) { return true }
            // Someone created the sidecar between our read and our link: read it again.
        }
        return false
    }

    // MARK: File system

    /// Writes `bytes` to `path` so that a reader or a crash sees the old file or the new one, never part of one:
    /// parent folders are created, the bytes go to a hidden temporary file beside `path` (fsynced when `sync`),
    /// which is renamed over `path`, and the folder is fsynced (when `sync`) so the rename survives power loss.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, sync: Bool) throws(StoryWriterError) {
        let folder = (path as NSString).deletingLastPathComponent
        try makeDirectories(folder.isEmpty ? "." : folder)
        try atomicWrite(bytes, to: path, in: folder.isEmpty ? "." : folder, sync: sync)
    }

    /// `mkdir -p`.
    public static func makeDirectories(_ path: String) throws(StoryWriterError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw StoryWriterError(path: path, message: "cannot create directory \(path): a file is in the way")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw failure("cannot create directory", path)
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The file's contents, or nil when it does not exist.
    static func readSmallFile(_ path: String) throws(StoryWriterError) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw failure("cannot read", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read", path)
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `path` with `bytes` only if it does not exist, never exposing a partly written file:
    /// the bytes go to a temporary file that is then hard-linked to `path` (link fails if `path` exists).
    /// Returns false when `path` already existed.
    static func createExclusively(_ bytes: [UInt8], at path: String, in folder: String) throws(StoryWriterError) -> Bool {
        let temporary = try writeTemporary(bytes, in: folder, finalPath: path, sync: false)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return true }
        if errno == EEXIST { return false }
        throw failure("cannot write", path)
    }

    /// Writes `bytes` to a temporary file in `folder`, then renames it to `path`.
    static func atomicWrite(_ bytes: [UInt8], to path: String, in folder: String, sync: Bool) throws(StoryWriterError) {
        let temporary = try writeTemporary(bytes, in: folder, finalPath: path, sync: sync)
        if rename(temporary, path) != 0 {
            let error = failure("cannot write", path)
            unlink(temporary)
            throw error
        }
        if sync {
            let directoryDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
            if directoryDescriptor >= 0 {
                _ = fsync(directoryDescriptor)
                close(directoryDescriptor)
            }
        }
    }

    /// Writes `bytes` to a new hidden temporary file next to `finalPath`; returns its path.
    private static func writeTemporary(
        _ bytes: [UInt8], in folder: String, finalPath: String, sync: Bool
    ) throws(StoryWriterError) -> String {
        let name = (finalPath as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".tmp-\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw failure("cannot write", finalPath) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                posixWrite(descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write", finalPath)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        if sync && fsync(descriptor) != 0 {
            let error = failure("cannot write", finalPath)
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if close(descriptor) != 0 {
            let error = failure("cannot write", finalPath)
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// An error for the current `errno`: "<action> <path>: <reason>".
    private static func failure(_ action: String, _ path: String) -> StoryWriterError {
        let reason = String(cString: strerror(errno))
        return StoryWriterError(path: path, message: "\(action) \(path): \(reason)")
    }
}

/// POSIX `write(2)`, named apart from the Swift `write` methods above.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
