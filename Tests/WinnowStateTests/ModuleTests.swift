import Testing
@testable import WinnowState

@Suite struct WinnowStateModuleTests {
    @Test func moduleLinks() { #expect(String(describing: WinnowState.self) == "WinnowState") }
}
