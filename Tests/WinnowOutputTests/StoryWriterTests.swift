import Foundation
import Testing
import WinnowExtract
import WinnowOutput

@Suite struct StoryWriterTests {
    /// A fresh temporary directory, removed when `body` returns.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    private func story(_ title: String?, url: String?, text: String = "Body text.") -> Article {
        Article(metadata: Metadata(title: title, canonicalURL: url), blocks: [SampleArticles.paragraph(text)])
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test func writesBySiteWithTitleSlug() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .markdown)
            let path = try writer.write(SampleArticles.full)
            #expect(path == root + "/example.com/rain-heavy-in-oslo.md")
            #expect(try contents(path) == MarkdownRenderer().render(SampleArticles.full))
        }
    }

    @Test func flatLayoutAndEveryFormatsExtension() throws {
        try withTemporaryDirectory { root in
            for format in OutputFormat.allCases {
                let writer = StoryWriter(directory: root + "/", format: format, layout: .flat)
                let path = try writer.write(SampleArticles.full)
                #expect(path == root + "/rain-heavy-in-oslo." + format.fileExtension)
                #expect(try contents(path) == Renderer.render(SampleArticles.full, as: format))
            }
        }
    }

    @Test func sameStoryIsUpdatedInPlace() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .text)
            let first = try writer.write(story("Storm", url: "https://example.com/storm", text: "First version."))
            let second = try writer.write(story("Storm", url: "https://example.com/storm#comments", text: "Second version."))
            #expect(first == second)
            #expect(try contents(second) == "Second version.\n")
            #expect(try entries(root + "/example.com") == [".storm.txt.source", "storm.txt"])
        }
    }

    @Test func differentStoriesWithOneTitleGetNumberedNames() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .text, layout: .flat)
            let a = try writer.write(story("Storm", url: "https://example.com/a", text: "A"))
            let b = try writer.write(story("Storm", url: "https://example.com/b", text: "B"))
            let c = try writer.write(story("Storm", url: "https://other.example/c", text: "C"))
            let bAgain = try writer.write(story("Storm", url: "https://example.com/b", text: "B2"))
            #expect(a == root + "/storm.txt")
            #expect(b == root + "/storm-2.txt")
            #expect(c == root + "/storm-3.txt")
            #expect(bAgain == b)
            #expect(try contents(a) == "A\n")
            #expect(try contents(b) == "B2\n")
            #expect(try contents(c) == "C\n")
        }
    }

    @Test func foreignFilesAreNeverReplaced() throws {
        try withTemporaryDirectory { root in
            let foreign = root + "/storm.txt"
            try "not ours".write(toFile: foreign, atomically: false, encoding: .utf8)
            let path = try StoryWriter(directory: root, format: .text, layout: .flat).write(story("Storm", url: "https://example.com/a"))
            #expect(path == root + "/storm-2.txt")
            #expect(try contents(foreign) == "not ours")
        }
    }

    @Test func storiesWithoutURLAreIdentifiedByContent() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .text)
            let first = try writer.write(story("Same", url: nil, text: "One"))
            let again = try writer.write(story("Same", url: nil, text: "One"))
            let other = try writer.write(story("Same", url: nil, text: "Two"))
            #expect(first == root + "/unknown-site/same.txt")
            #expect(again == first)
            #expect(other == root + "/unknown-site/same-2.txt")
        }
    }

    @Test func fallbackNames() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .json, layout: .flat)
            let fromURL = try writer.write(story("!!!", url: "https://example.com/news/big-storm.html"))
            #expect(fromURL == root + "/big-storm.json")
            let fromHash = try writer.write(story(nil, url: nil, text: "untitled"))
            let name = (fromHash as NSString).lastPathComponent
            #expect(name.hasPrefix("story-"))
            #expect(name.count == "story-".count + 12 + ".json".count)
            let unicode = try writer.write(story("Привет, мир", url: "https://example.com/ru"))
            #expect(unicode == root + "/privet-mir.json")
        }
    }

    @Test func leavesNoTemporaryFiles() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .html, layout: .flat, synchronizesToDisk: true)
            for index in 0..<5 {
                try writer.write(story("Story \(index % 2)", url: "https://example.com/\(index)"))
            }
            let names = try entries(root)
            #expect(names.filter { $0.contains(".tmp") }.isEmpty)
            #expect(names.filter { !$0.hasPrefix(".") } == ["story-0-2.html", "story-0-3.html", "story-0.html", "story-1-2.html", "story-1.html"])
            #expect(names.filter { $0.hasSuffix(".source") }.count == 5)
        }
    }

    @Test func concurrentWritersNeverShareAName() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = StoryWriter(directory: root, format: .text, layout: .flat)
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<12 {
                group.addTask {
                    try writer.write(Article(
                        metadata: Metadata(title: "Race", url: "https://example.com/\(index)"),
                        blocks: [.paragraph([.text("story \(index)")])]
                    ))
                }
            }
            var all: [String] = []
            for try await path in group { all.append(path) }
            return all
        }
        #expect(Set(paths).count == 12)
        var texts = Set<String>()
        for path in paths { texts.insert(try String(contentsOfFile: path, encoding: .utf8)) }
        #expect(texts == Set((0..<12).map { "story \($0)\n" }))
    }

    @Test func unwritableDestinationsGiveOneLineErrors() throws {
        try withTemporaryDirectory { root in
            let file = root + "/plain-file"
            try "x".write(toFile: file, atomically: false, encoding: .utf8)
            let blocked = StoryWriter(directory: file + "/out", format: .text)
            let error = #expect(throws: StoryWriterError.self) { try blocked.write(SampleArticles.full) }
            #expect(error?.message == "cannot create directory \(file): a file is in the way")

            let tooLong = root + "/" + String(repeating: "d", count: 300)
            let longError = #expect(throws: StoryWriterError.self) {
                try StoryWriter(directory: tooLong, format: .text).write(SampleArticles.full)
            }
            #expect(longError?.message == "cannot create directory \(tooLong): File name too long")
            #expect(longError?.message.contains("\n") == false)

            // A sidecar that cannot be read stops the writer with the system's reason, instead of guessing.
            let flat = root + "/flat"
            try FileManager.default.createDirectory(atPath: flat + "/.storm.txt.source", withIntermediateDirectories: true)
            let readError = #expect(throws: StoryWriterError.self) {
                try StoryWriter(directory: flat, format: .text, layout: .flat).write(story("Storm", url: "https://example.com/s"))
            }
            #expect(readError?.message == "cannot read \(flat)/.storm.txt.source: Is a directory")

            if geteuid() != 0 {
                let locked = root + "/locked"
                try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
                chmod(locked, 0o555)
                defer { chmod(locked, 0o755) }
                let denied = #expect(throws: StoryWriterError.self) {
                    try StoryWriter(directory: locked, format: .text, layout: .flat).write(SampleArticles.full)
                }
                #expect(denied?.message.hasSuffix(": Permission denied") == true)
            }
        }
    }

    @Test func removesOnlyAbandonedTemporaryFiles() throws {
        try withTemporaryDirectory { root in
            let writer = StoryWriter(directory: root, format: .text)
            let story = try writer.write(story("Kept", url: "https://example.com/kept"))
            let site = root + "/example.com"
            let old = [root + "/.a.txt.tmp-123-ab12", site + "/.kept.txt.tmp-99-ff"]
            let fresh = site + "/.b.txt.tmp-7-0"
            let lookalike = site + "/.notes.tmp-old"
            for path in old + [fresh, lookalike] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
            let longAgo = Date().addingTimeInterval(-7200)
            for path in old + [lookalike] {
                try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: path)
            }
            #expect(writer.removeAbandonedTemporaryFiles(olderThan: 3600) == 2)
            for path in old { #expect(!FileManager.default.fileExists(atPath: path)) }
            #expect(FileManager.default.fileExists(atPath: fresh))
            #expect(FileManager.default.fileExists(atPath: lookalike))
            #expect(try contents(story) == "Body text.\n")
            #expect(FileManager.default.fileExists(atPath: site + "/.kept.txt.source"))
        }
    }
}
