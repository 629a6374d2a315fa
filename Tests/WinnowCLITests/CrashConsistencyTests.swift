import Foundation
import Synchronization
import Testing
import WinnowState
import WinnowTestSupport

/// `winnow run` (the release binary under scripts/test) killed with SIGKILL at random moments, again and
/// again, while it writes new stories and rewrites changed ones in place; restarted each time. After every kill
/// and at the end: each story file is a whole version of its story (front matter and body parsed and compared
/// with the text the site served), never torn; a file whose story did not change is never rewritten (same
/// inode, mtime and bytes); every story is in exactly one file; no temporary file is left; the state store and
/// the output directory agree (each story row has its file and each file its row, each index line is whole and
/// the index records each write once).
///
/// The kill moments come from a seeded generator; the seed is printed and `WINNOW_CRASH_SEED=<seed>` replays a
/// run (`WINNOW_CRASH_ROUNDS` changes the number of kills, 24 by default).
@Suite(.serialized) struct CrashConsistencyTests {
    /// A loopback site whose stories have revisions: the feed lists every story with a date that moves with its
    /// revision (so a poll re-queues a changed story), and each page's text names its story and revision.
    final class Site: Sendable {
        struct Contents: Sendable {
            var revisions: [Int] = []  // revisions[n - 1]: story n's current revision
        }

        let server: TestHTTPServer
        let contents: Shared<Contents>

        init() throws {
            let contents = Shared(Contents())
            self.contents = contents
            server = try TestHTTPServer { request in
                let host = request.header("host") ?? "127.0.0.1"
                if request.path == "/feed.xml" {
                    let revisions = contents.withLock { $0.revisions }
                    let items = revisions.enumerated().map { index, revision in
                        "<item><title>t</title><link>http://\(host)/log/\(index + 1)</link>"
                            + "<pubDate>\(Site.feedDate(revision: revision))</pubDate></item>"
                    }.joined()
                    return ServerReply(headers: [("Content-Type", "application/rss+xml")], body: Array(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>c</title>\(items)</channel></rss>".utf8))
                }
                if request.path.hasPrefix("/log/"), let n = Int(request.path.dropFirst(5)),
                   let revision = contents.withLock({ n >= 1 && n <= $0.revisions.count ? $0.revisions[n - 1] : nil }) {
                    // A little latency, different per story, so the fetches in flight overlap the writes.
                    return ServerReply(headers: [("Content-Type", "text/html; charset=utf-8")],
                                       body: Array(Site.page(n, revision: revision, host: host).utf8),
                                       delay: .milliseconds(10 + (n * 7) % 40))
                }
                return .text("not found", status: 404)
            }
        }

        func url(_ path: String) -> String { server.url(path) }
        func stop() { server.stop() }

        /// The feed date of a revision: later for every revision.
        static func feedDate(revision: Int) -> String {
            "Tue, 03 Nov 2026 \(String(format: "%02d", revision % 24)):\(String(format: "%02d", revision / 24)):00 GMT"
        }

        static func title(_ n: Int) -> String { "Ferry log \(n)" }

        /// The story's paragraphs, exactly as the site writes them (and so as the story file must hold them).
        static func paragraphs(_ n: Int, revision: Int) -> [String] {
            [
                "The ferry log for crossing \(n) in revision \(revision) begins at the east pier, where the deckhands "
                    + "counted \(n + revision) passengers and a bicycle before the ramp went up.",
                "Halfway across, revision \(revision) of crossing \(n) notes a grey seal that followed the wake for a "
                    + "while and then lost interest in the ferry and its passengers altogether.",
                "The log for crossing \(n) closes in revision \(revision) at the west slip, on time, with the tide "
                    + "running out and the harbour master waving from the office window.",
            ]
        }

        static func page(_ n: Int, revision: Int, host: String) -> String {
            """
            <!DOCTYPE html><html><head><title>\(title(n)) | Island Post</title>
            <link rel="canonical" href="http://\(host)/log/\(n)">
            <meta property="article:published_time" content="2026-11-03T08:00:00Z">
            </head><body><nav><a href="/">Home</a> <a href="/log/">Logs</a></nav>
            <article><h1>\(title(n))</h1>
            \(paragraphs(n, revision: revision).map { "<p>\($0)</p>" }.joined(separator: "\n"))
            </article>
            <aside class="related"><h3>Related Articles</h3><a href="/log/\(n + 1)">Another crossing</a></aside>
            </body></html>
            """
        }
    }

    /// A story file taken apart: which story and revision it holds, or why it is not a whole one.
    struct StoryFile: Equatable {
        let story: Int
        let revision: Int
        let url: String?

        /// Parses front matter (`---` … `---`) and body (`# title`, then the paragraphs) and checks that they
        /// are exactly one revision of one story as the site served it.
        static func parse(_ text: String) -> Result<StoryFile, Failure> {
            guard text.hasPrefix("---\n"), text.hasSuffix("\n") else { return .failure(Failure("no front matter or no final newline")) }
            let afterOpening = text.dropFirst(4)
            guard let closing = afterOpening.range(of: "\n---\n") else { return .failure(Failure("front matter not closed")) }
            var fields: [String: String] = [:]
            for line in afterOpening[..<closing.lowerBound].split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("-") {
                guard let colon = line.firstIndex(of: ":") else { return .failure(Failure("bad front matter line \(line)")) }
                fields[String(line[..<colon])] = line[line.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
            guard let title = fields["title"], title.hasPrefix("Ferry log "), let n = Int(title.dropFirst(10)) else {
                return .failure(Failure("no story title in the front matter"))
            }
            let blocks = afterOpening[closing.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                .components(separatedBy: "\n\n")
            guard blocks.first == "# \(Site.title(n))" else { return .failure(Failure("story \(n): no title heading")) }
            let words = blocks.dropFirst().first?.split(separator: " ") ?? []
            guard words.count > 8, let revision = Int(words[8]) else {
                return .failure(Failure("story \(n): first paragraph unreadable"))
            }
            guard Array(blocks.dropFirst()) == Site.paragraphs(n, revision: revision) else {
                return .failure(Failure("story \(n): body is not revision \(revision) as served"))
            }
            return .success(StoryFile(story: n, revision: revision, url: fields["url"]))
        }

        struct Failure: Error, CustomStringConvertible {
            let description: String
            init(_ description: String) { self.description = description }
        }
    }

    /// A file's identity: a rewrite (a temporary file renamed over it) changes the inode and the mtime.
    struct Stamp: Equatable {
        let inode: UInt64
        let modified: Int
        let bytes: Data

        init?(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, let bytes = FileManager.default.contents(atPath: path) else { return nil }
            inode = UInt64(info.st_ino)
            modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            self.bytes = bytes
        }
    }

    /// The number a `recovered after an unclean stop` log line gives for `key` (0 without such a line).
    static func recoveredCount(_ key: String, in log: String) -> Int {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("recovered after an unclean stop") }),
              let range = line.range(of: key + "=") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// Every regular file under `folder`, relative path → stamp (hidden ones too: temporaries must not hide).
    static func files(in folder: URL) -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let full = folder.appendingPathComponent(path).path
            var info = stat()
            guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            found[path] = Stamp(full)
        }
        return found
    }

    /// The `[fetch]` settings of every loopback run here.
    static let fetchSettings = """
        [fetch]
        allow_private_networks = true
        delay = "0s"
        concurrency = 6
        per_host_concurrency = 6
        respect_robots = false
        retry_base = "1s"
        """

    @Test func killedAtRandomMomentsItNeverTearsLosesDuplicatesOrRewritesAStory() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["WINNOW_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
        let rounds = environment["WINNOW_CRASH_ROUNDS"].flatMap { Int($0) } ?? 24
        print("CrashConsistencyTests: seed \(seed) (replay with WINNOW_CRASH_SEED=\(seed)), \(rounds) kills")
        var random = SplitMix64(seed: seed)
        let started = ContinuousClock.now

        let site = try Site(), folder = try CLITests.temporaryDirectory()
        defer { site.stop(); try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("stories")
        let configFile = folder.appendingPathComponent("winnow.toml")
        try """
            [daemon]
            state_dir = "\(folder.path)/state"
            log_level = "info"

            [output]
            dir = "\(output.path)"
            fsync = true

            \(Self.fetchSettings)

            [[source]]
            feed = "\(site.url("/feed.xml"))"
            """.write(to: configFile, atomically: true, encoding: .utf8)

        let context = "seed \(seed)"
        // Rounds go on until `rounds` runs were killed mid-way (a run that finishes first does not count), then a
        // last run goes to the end.
        var killed = 0, round = 0, interruptedWrites = 0, cutIndexLines = 0
        while true {
            defer { round += 1 }
            let last = killed >= rounds || round >= 3 * rounds
            // The site changes: a few new stories, and a few old ones get a new revision.
            site.contents.withLock { contents in
                for _ in 0..<(round == 0 ? 16 : 8) { contents.revisions.append(0) }
                if contents.revisions.count > 16 {
                    for _ in 0..<6 { contents.revisions[Int.random(in: 0..<contents.revisions.count, using: &random)] += 1 }
                }
            }
            let revisions = site.contents.withLock { $0.revisions }
            let before = Self.files(in: output)

            // The last round runs to the end; every other one is killed after a random moment.
            let daemon = try RunCommandTests.Daemon(["--config", configFile.path, "--once"], in: folder)
            if !last {
                try await Task.sleep(for: .milliseconds(Int.random(in: 40...700, using: &random)))
                if daemon.process.isRunning {
                    daemon.signal(SIGKILL)
                    killed += 1
                }
                await daemon.wait()
            } else {
                #expect(await daemon.wait(timeout: .seconds(60)) == 0, "\(context): \(daemon.output)")
            }
            // How many story writes the kill before this run interrupted (the run's recovery log line).
            interruptedWrites += Self.recoveredCount("unconfirmed_stories", in: daemon.output)
            cutIndexLines += Self.recoveredCount("index_bytes_cut", in: daemon.output) > 0 ? 1 : 0

            // After every stop: each story file whole, at a revision it had, not behind what was there before.
            let after = Self.files(in: output)
            var byStory: [Int: [String]] = [:]
            for (path, stamp) in after where path.hasSuffix(".md") && !(path as NSString).lastPathComponent.hasPrefix(".") {
                switch StoryFile.parse(String(decoding: stamp.bytes, as: UTF8.self)) {
                case .failure(let failure):
                    Issue.record("\(context), round \(round): \(path) is not a whole story: \(failure)")
                case .success(let file):
                    byStory[file.story, default: []].append(path)
                    #expect(file.revision <= revisions[file.story - 1], "\(context): \(path) is from the future")
                    if let old = before[path], case .success(let was) = StoryFile.parse(String(decoding: old.bytes, as: UTF8.self)) {
                        #expect(file.revision >= was.revision, "\(context), round \(round): \(path) went back")
                        // Current before this run: the restart had no reason to touch it.
                        if was.revision == revisions[file.story - 1] {
                            #expect(stamp == old, "\(context), round \(round): \(path) was rewritten without a change")
                        }
                    }
                }
            }
            for (story, paths) in byStory where paths.count > 1 {
                Issue.record("\(context), round \(round): story \(story) is in \(paths.count) files: \(paths)")
            }
            if last { break }
        }
        let revisions = site.contents.withLock { $0.revisions }

        // The end: every story once, at its last revision, and nothing half-done left behind.
        let files = Self.files(in: output)
        let leftovers = files.keys.filter { ($0 != StoryArchiveIndex.name && !$0.hasSuffix(".md")) || $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(context): \(leftovers)")
        var pathOf: [Int: String] = [:]
        for (path, stamp) in files where path.hasSuffix(".md") {
            guard case .success(let file) = StoryFile.parse(String(decoding: stamp.bytes, as: UTF8.self)) else { continue }
            pathOf[file.story] = path
            #expect(file.revision == revisions[file.story - 1], "\(context): \(path) is not the last revision")
            #expect(file.url == site.url("/log/\(file.story)"), "\(context): \(path)")
        }
        #expect(pathOf.count == revisions.count && files.count == revisions.count + 1,
                "\(context): \(revisions.count) stories, \(pathOf.count) found in \(files.count) files")

        // The index: whole lines; per story one `created` first, then one `updated` per change at most, and
        // never the same text twice in a row (a write logged twice, or a file rewritten for nothing).
        let indexText = String(decoding: files[StoryArchiveIndex.name]?.bytes ?? Data(), as: UTF8.self)
        #expect(indexText.isEmpty || indexText.hasSuffix("\n"))
        var linesByPath: [String: [[String: String]]] = [:]
        for line in indexText.split(separator: "\n") {
            guard let entry = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: String],
                  let path = entry["path"] else {
                Issue.record("\(context): torn index line \(line)")
                continue
            }
            linesByPath[path, default: []].append(entry)
        }
        #expect(Set(linesByPath.keys) == Set(pathOf.values), "\(context): the index names exactly the story files")
        for (story, path) in pathOf {
            let lines = linesByPath[path] ?? []
            #expect(lines.first?["action"] == "created" && lines.dropFirst().allSatisfy { $0["action"] == "updated" },
                    "\(context): \(path): \(lines.map { $0["action"] ?? "?" })")
            #expect(lines.count <= 1 + revisions[story - 1], "\(context): \(path) written \(lines.count) times")
            #expect(zip(lines, lines.dropFirst()).allSatisfy { $0["hash"] != $1["hash"] },
                    "\(context): \(path) has the same text logged twice in a row")
        }

        // The state: a written row for each file, with the text the index last logged; no row without a file.
        let store = try SQLiteStateStore(directory: folder.appendingPathComponent("state").path, mode: .readOnly)
        defer { try? store.close() }
        let status = try store.status()
        #expect(status.storyCount == revisions.count && status.pendingStoryCount == 0, "\(context): \(status)")
        #expect(status.frontier[.done] == revisions.count && status.frontier[.inFlight] == 0, "\(context)")
        for (_, path) in pathOf {
            let row = try store.story(path: path)
            #expect(row?.writeState == .written, "\(context): \(path) has no written row")
            #expect(row?.contentHash == linesByPath[path]?.last?["hash"], "\(context): \(path): state and index differ")
        }
        print("CrashConsistencyTests: \(round) runs, \(killed) killed mid-run, \(revisions.count) stories, "
              + "\(indexText.split(separator: "\n").count) writes, \(interruptedWrites) story writes interrupted, "
              + "\(cutIndexLines) torn index lines cut, \(ContinuousClock.now - started)")
        #expect(killed >= min(rounds, 20), "\(context): only \(killed) runs were still going when killed")
    }
}

/// The output directory's index file name (`StoryArchive.indexName`, which this target does not link).
enum StoryArchiveIndex {
    static let name = "index.jsonl"
}
