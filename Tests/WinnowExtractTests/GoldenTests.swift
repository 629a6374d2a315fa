import Foundation
import Testing
import WinnowDOM
@testable import WinnowExtract

/// One folder under Fixtures/golden: a page we wrote and the plain text the extractor must produce.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let directory: URL

    var testDescription: String { name }

    /// Every case folder, discovered from the bundled fixtures.
    static let all: [GoldenCase] = {
        guard let root = Bundle.module.url(forResource: "golden", withExtension: nil, subdirectory: "Fixtures"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return names.sorted().map { GoldenCase(name: $0, directory: root.appendingPathComponent($0)) }
            .filter { FileManager.default.fileExists(atPath: $0.directory.appendingPathComponent("source.html").path) }
    }()
}

/// Set WINNOW_RECORD_GOLDEN=1 to rewrite expected.txt files in the source tree from the current output
/// (then review the diff: a recorded file is only right if a human agrees with it).
let recordGolden = ProcessInfo.processInfo.environment["WINNOW_RECORD_GOLDEN"] == "1"

@Suite struct GoldenTests {
    @Test func casesAreDiscovered() {
        #expect(GoldenCase.all.count >= 5)
    }

    @Test(arguments: GoldenCase.all)
    func extractsExpectedText(_ golden: GoldenCase) throws {
        let html = try Data(contentsOf: golden.directory.appendingPathComponent("source.html"))
        let document = try Document(html: [UInt8](html), url: "https://example.org/\(golden.name)")
        let text = Extractor().extract(from: document).article.plainText
        if recordGolden {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/golden/\(golden.name)/expected.txt")
            try (text + "\n").write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expectedURL = golden.directory.appendingPathComponent("expected.txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(text == expected.trimmingCharacters(in: .newlines), "golden case \(golden.name)")
    }
}
