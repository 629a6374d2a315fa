import Foundation
import Testing
import WinnowDOM
@testable import WinnowRules

/// Site rules on pages built to hurt them: selectors matching every level of a 300,000-deep nest. Strips and
/// body selection keep only the outermost matches in one pass (it was quadratic: over 10 minutes).
@Suite("Hostile pages under site rules")
struct HostileRuleTests {
    static func nest(_ depth: Int, opening: String, inner: String, closing: String) -> String {
        var html = "<html><head><title>T</title></head><body><article>"
        html.reserveCapacity(depth * (opening.utf8.count + closing.utf8.count) + 200)
        html += String(repeating: opening, count: depth) + inner + String(repeating: closing, count: depth)
        return html + "<p>The story stays.</p></article></body></html>"
    }

    @Test("strip_id_or_class matching 300,000 nested elements removes the outermost once, quickly")
    func deepStrip() throws {
        let html = Self.nest(300_000, opening: "<div class=\"social x\">", inner: "chaff", closing: "</div>")
        let start = ContinuousClock.now
        let result = try extract("strip_id_or_class: social\nbody: //article", html)
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(report(result, line: 1)?.matches == 300_000)
        #expect(result.bodyText.contains("The story stays."))
        #expect(!result.bodyText.contains("chaff"))
    }

    @Test("a body selector matching 300,000 nested elements keeps the outermost as the one body node")
    func deepBody() throws {
        let html = Self.nest(300_000, opening: "<section class=\"story\">", inner: "<p>Deep text.</p>", closing: "</section>")
        let result = try extract("body: //section[@class='story']", html)
        #expect(result.body.count == 1)
        #expect(result.body.first?.depth == 3)  // html (0) > body > article > section
        #expect(result.bodyText.contains("Deep text."))
    }
}
