import Foundation
import WinnowPipeline
import WinnowRules

/// Helpers shared by the pipeline tests: fixtures, throwaway rule folders, libraries.
enum PipelineTestSupport {
    static func fixture(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw TestFailure("missing fixture \(name)")
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// A new empty folder under the temporary directory.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes rule files (name → text) into a new folder and returns its path.
    static func folder(with files: [String: String]) throws -> String {
        let path = try folder()
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (path as NSString).appendingPathComponent(name)))
        }
        return path
    }

    /// A pipeline over one folder holding `example.com.txt` with the given rule text.
    static func pipeline(rule text: String, host: String = "example.com") throws -> StoryPipeline {
        let folder = try folder(with: ["\(host).txt": text])
        let library = RuleLoader(folders: [RuleFolder(path: folder, role: .user)]).load()
        if !library.errors.isEmpty { throw TestFailure("rule errors: \(library.errors)") }
        return StoryPipeline(library: library)
    }

    static func text(_ story: PageStory) -> String { story.article.plainText }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
