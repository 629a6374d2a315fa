import Testing
import WinnowTestSupport
@testable import WinnowCrawl

/// robots.txt files built to hurt a crawler: huge, one enormous line, NULs, thousands of groups. Each must
/// parse quickly to the rules of its first 500 KiB (RFC 9309 §2.5), never crash, never hang.
@Suite("Hostile robots.txt")
struct HostileRobotsTests {
    /// Parses and asks one question, returning the answer and the seconds it took.
    static func timed(_ text: String, path: String = "/private/x") -> (allowed: Bool, seconds: Double) {
        let clock = ContinuousClock()
        var allowed = true
        let elapsed = clock.measure { allowed = RobotsTxt(parsing: text).isAllowed(path) }
        return (allowed, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("a 10 MB file: the rules in its first 500 KiB apply, the rest is ignored, quickly")
    func tenMegabytes() {
        let line = "Disallow: /filler/path/segment/that/is/long/enough\n"
        let count = 10 * 1024 * 1024 / line.utf8.count
        let text = "User-agent: *\nDisallow: /private\n" + String(repeating: line, count: count) + "Disallow: /late\n"
        let robots = RobotsTxt(parsing: text)
        #expect(!robots.isAllowed("/private/x"))
        #expect(!robots.isAllowed("/filler/path/segment/that/is/long/enough"))
        #expect(robots.isAllowed("/late"))
        #expect(Self.timed(text).seconds < 30)
    }

    @Test("a single 5 MB line is cut at the limit and dropped: nothing is restricted by it")
    func oneHugeLine() {
        let text = "User-agent: *\nDisallow: /" + String(repeating: "a", count: 5 * 1024 * 1024) + "\n"
        let result = Self.timed(text, path: "/aaaa")
        #expect(result.allowed)
        #expect(result.seconds < 30)
    }

    @Test("NUL bytes: the lines around them still parse")
    func nulBytes() {
        let robots = RobotsTxt(parsing: "User-agent: *\n\u{0}\u{0}\nDisallow: /private\u{0}\nDisallow: /also\n\u{0}Allow: /x\n")
        #expect(!robots.isAllowed("/also/y"))
        #expect(robots.isAllowed("/public"))
    }

    @Test("binary garbage (1 MB) parses to no rules without crashing")
    func binaryGarbage() {
        var random = SplitMix64(seed: 9309)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 20)
        for _ in 0..<(1 << 20) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        let result = Self.timed(String(decoding: bytes, as: UTF8.self))
        #expect(result.allowed)
        #expect(result.seconds < 30)
    }

    @Test("10,000 groups: the one naming Winnow is found and obeyed, the others are not merged in")
    func thousandsOfGroups() {
        var text = ""
        for index in 0..<10_000 { text += "User-agent: bot\(index)\nDisallow: /bot\(index)\n\n" }
        text += "User-agent: Winnow\nDisallow: /private\n"
        let robots = RobotsTxt(parsing: text)
        #expect(text.utf8.count < RobotsTxt.maxBytes)
        #expect(!robots.isAllowed("/private/x"))
        #expect(robots.isAllowed("/bot5"))
        let clock = ContinuousClock()
        let elapsed = clock.measure { for _ in 0..<1000 { _ = robots.isAllowed("/some/page") } }
        #expect(elapsed < .seconds(30))
    }
}
