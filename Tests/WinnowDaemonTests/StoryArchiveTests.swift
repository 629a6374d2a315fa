import Foundation
import Testing
import WinnowExtract
@testable import WinnowDaemon

/// The output directory's names: readable, stable, and never outside the directory whatever a page says.
@Suite struct StoryArchiveTests {
    let archive = StoryArchive(root: "/tmp/out", synchronizesToDisk: false)
    let firstSeen = Date(timeIntervalSince1970: 1_764_806_400)  // 2025-12-04T00:00:00Z

    func article(title: String?, url: String?, published: String? = nil) -> Article {
        Article(metadata: Metadata(title: title, published: published, url: url),
                blocks: [.paragraph([.text("A story.")])])
    }

    @Test func pathsAreSiteDayAndSlug() {
        let story = article(title: "Harbor Ferry Adds Night Crossings", url: "https://www.Example.com/news/1",
                            published: "2024-04-18T07:45:00+02:00")
        #expect(archive.relativePath(for: story, firstSeen: firstSeen)
                == "example.com/2024/04/18-harbor-ferry-adds-night-crossings.md")
        #expect(archive.relativePath(for: story, firstSeen: firstSeen, attempt: 3)
                == "example.com/2024/04/18-harbor-ferry-adds-night-crossings-3.md")
        // No publication date: the day the story was first seen (UTC).
        let undated = article(title: "Undated", url: "https://example.com/a")
        #expect(archive.relativePath(for: undated, firstSeen: firstSeen) == "example.com/2025/12/04-undated.md")
    }

    @Test(arguments: [
        ("../../etc/passwd", "https://example.com/../../etc/passwd"),
        ("/etc/shadow", "https://../../x/"),
        (".hidden\\..\\..\\win", "http://[::1]/../../"),
        ("\u{0}nul title\u{0}", "https://ex%2e%2e/a"),
        ("", "javascript:alert(1)"),
        ("..", nil),
    ] as [(String, String?)])
    func hostileTitlesAndURLsStayInside(title: String, url: String?) throws {
        let path = archive.relativePath(for: article(title: title, url: url), firstSeen: firstSeen)
        #expect(StoryArchive.isContained(path), "\(path)")
        #expect(!path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.hasPrefix(".") }, "\(path)")
    }

    @Test func isContainedRefusesEscapes() {
        for path in ["", "/abs/x.md", "a/../b.md", "a/./b.md", "a//b.md", ".hidden/x.md", "a/.x.md", "a\\b.md", "a\u{0}b"] {
            #expect(!StoryArchive.isContained(path), "\(path)")
        }
        #expect(StoryArchive.isContained("example.com/2024/04/18-story.md"))
    }

    @Test func aTornIndexLineIsCut() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let archive = StoryArchive(root: root.path, synchronizesToDisk: false)
        let entry = StoryArchive.IndexEntry(time: firstSeen, action: .created, url: "https://e.com/a", canonical: nil,
                                            path: "e.com/2025/12/04-a.md", hash: "0123", title: "A")
        try archive.appendIndex(entry)
        let index = root.appendingPathComponent(StoryArchive.indexName)
        let whole = try Data(contentsOf: index)
        let handle = try FileHandle(forWritingTo: index)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"time\":\"2025-12-04T00:00:01Z\",\"act".utf8))
        try handle.close()
        #expect(try archive.repairIndex() == 35)
        #expect(try Data(contentsOf: index) == whole)
        #expect(try archive.repairIndex() == 0)
    }
}
