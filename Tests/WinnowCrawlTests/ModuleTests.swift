import Testing
@testable import WinnowCrawl

@Suite struct WinnowCrawlModuleTests {
    @Test func moduleLinks() { #expect(String(describing: WinnowCrawl.self) == "WinnowCrawl") }
}
