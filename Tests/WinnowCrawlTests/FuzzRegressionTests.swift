import Testing
@testable import WinnowCrawl

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz) reported, kept so their behaviour stays pinned.
@Suite("Fuzz regressions: crawl policy")
struct FuzzRegressionTests {
    /// fuzz-url's first report (a mistake in the fuzz target, not in the normalizer): the host starts with a
    /// combining mark (U+0744) followed by U+FFFD replacement characters, so the `/` before it and the mark form
    /// one Character and `hasPrefix("http://")` was false on a correct result. The target now compares bytes;
    /// the input stays here as a check that such a URL normalizes, is a fixed point and keeps its host.
    @Test("a host starting with a combining mark normalizes to a fixed point")
    func combiningMarkHost() {
        let bytes: [UInt8] = Array("HTTP://".utf8) + [0xDD, 0x84, 0x84, 0x84, 0x84, 0x84]
            + Array("//b/3;;%2e%2E/c?%;0=%42&&=&fmplefb2&&=1".utf8)
        let input = String(decoding: bytes, as: UTF8.self)
        let host = "\u{744}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        let normalized = URLNormalizer.normalize(input)
        #expect(normalized == "http://\(host)//b/3;;../c?=&=1&%25;0=B&fmplefb2")
        #expect(normalized.flatMap { URLNormalizer.normalize($0) } == normalized)
        #expect(normalized.flatMap(URLNormalizer.host(of:)) == host)
        #expect(normalized?.utf8.starts(with: "http://".utf8) == true)
    }
}
