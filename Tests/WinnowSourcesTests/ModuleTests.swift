import Testing
@testable import WinnowSources

@Suite struct WinnowSourcesModuleTests {
    @Test func moduleLinks() { #expect(String(describing: WinnowSources.self) == "WinnowSources") }
}
