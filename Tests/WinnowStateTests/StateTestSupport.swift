import Foundation
import Testing

@testable import WinnowState

/// Fixed times, sample records and throwaway state directories for the state tests.
enum Fixture {
    /// The tests' "now": 2023-11-14T22:13:20Z.
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// `t0` plus `seconds`.
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// A fresh, not yet existing path under the temporary directory.
    static func temporaryPath(_ name: String = "state") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("winnow-state-\(UUID().uuidString)").path
            + "/" + name
    }

    /// Runs `body` with a fresh state directory path (not created), removed afterwards.
    static func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        try body(directory)
    }

    /// Runs `body` with a read-write store in a fresh directory, closed and removed afterwards.
    static func withStore(_ body: (SQLiteStateStore, String) throws -> Void) throws {
        try withDirectory { directory in
            let store = try SQLiteStateStore(directory: directory)
            defer { try? store.close() }
            try body(store, directory)
        }
    }

    /// A feed source for `host`, polled hourly.
    static func source(_ host: String = "example.com", kind: SourceKind = .feed, path: String = "/rss") -> SourceRecord
    {
        let url = "https://\(host)\(path)"
        return SourceRecord(id: "\(kind.rawValue) \(url)", kind: kind, url: url, interval: 3600, nextPollAt: at(86_400))
    }

    /// A discovery of `https://<host><path>` by `source`.
    static func discovery(
        _ host: String, _ path: String, source: SourceRecord, kind: EntryKind = .article, modified: Date? = nil
    ) -> Discovery {
        Discovery(
            url: "https://\(host)\(path)", host: host, sourceID: source.id, depth: kind == .listing ? 1 : 0, kind: kind,
            sourceModifiedAt: modified
        )
    }

    /// A story record for `key` at `path`, reserved at `t0`.
    static func story(_ key: String, path: String, hash: String = "h1") -> StoryRecord {
        StoryRecord(
            key: key, path: path, contentHash: hash, url: key, canonicalURL: key, title: "Title of \(key)",
            published: at(-3600), firstWrittenAt: t0, lastWrittenAt: t0
        )
    }
}
