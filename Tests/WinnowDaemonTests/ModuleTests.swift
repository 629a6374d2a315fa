import Testing
@testable import WinnowDaemon

@Suite struct WinnowDaemonModuleTests {
    @Test func moduleLinks() { #expect(String(describing: WinnowDaemon.self) == "WinnowDaemon") }
}
