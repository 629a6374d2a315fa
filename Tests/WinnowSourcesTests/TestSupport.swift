import Foundation
import Testing

/// Fixture files, UTC dates and gzip bytes for the source parser tests.
enum Support {
    /// The bytes of a file in this target's Fixtures folder.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                               "missing fixture \(name)")
        return Array(try Data(contentsOf: url))
    }

    /// A UTC instant built with Foundation's calendar, independently of the parsers under test.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0)
        -> Date
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components) ?? .distantPast
    }

    /// `bytes` compressed by /bin/gzip (real DEFLATE with Huffman codes, not hand-made blocks).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let path = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try #require(path, "gzip is not installed (scripts/setup --tests installs it)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-sources-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-c", "-n", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip exited \(process.terminationStatus)")
        return Array(data)
    }
}
