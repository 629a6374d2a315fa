import Foundation
import Testing
@testable import WinnowDOM

/// Reads files from this target's Fixtures folder.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture not found: \(path)" }
    }

    static func bytes(_ name: String, in folder: String? = nil) throws -> [UInt8] {
        let subdirectory = folder.map { "Fixtures/\($0)" } ?? "Fixtures"
        let url = (name as NSString)
        guard let found = Bundle.module.url(forResource: url.deletingPathExtension, withExtension: url.pathExtension,
                                            subdirectory: subdirectory) else {
            throw Missing(path: "\(subdirectory)/\(name)")
        }
        return Array(try Data(contentsOf: found))
    }

    static func string(_ name: String, in folder: String? = nil) throws -> String {
        String(decoding: try bytes(name, in: folder), as: UTF8.self)
    }
}

extension Document {
    /// The text of the first element with this id, or nil.
    func text(ofID id: String) throws -> String? {
        try select(xpath: "//*[@id='\(id)']").first?.text
    }
}
