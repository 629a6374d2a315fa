import Testing
@testable import WinnowDOM

/// The byte-level rewrite of attribute names libxml2 2.9 cannot read (client-framework markup).
@Suite struct AttributeNameRepairTests {
    static func repaired(_ text: String) -> String {
        String(decoding: AttributeNameRepair.repair(Array(text.utf8)), as: UTF8.self)
    }

    @Test func readableNamesComeBackAsTheyAre() {
        let page = #"<!DOCTYPE html><div class="a b" data-x='1' x-on:click.prevent="go()" :class=on v-if="a > b">t</div>"#
        #expect(Self.repaired(page) == page)
        #expect(Self.repaired("<p>an email: me @ example.org, a handle @winnow</p>") == "<p>an email: me @ example.org, a handle @winnow</p>")
    }

    @Test(arguments: [
        (#"<button @click.prevent="open = a > b">Go</button>"#, #"<button _click.prevent="open = a > b">Go</button>"#),
        (#"<a [class.active]="on" (click)='x>1' #ref *ngIf=ok>L</a>"#, #"<a _class.active_="on" _click_='x>1' _ref _ngIf=ok>L</a>"#),
        ("<p 1st=a -x=b>T</p>", "<p _st=a _x=b>T</p>"),
    ])
    func namesLibxml2RefusesBecomeUnderscores(_ page: String, _ expected: String) {
        #expect(Self.repaired(page) == expected)
    }

    @Test func commentsScriptsAndValuesAreCopiedUnchanged() {
        let page = #"<!-- <b @x="y"> --><script>if (a <b @c) {}</script><p title="<i @x>">t</p><style>a[@x]{}</style>"#
        #expect(Self.repaired(page) == page)
    }

    @Test func truncatedInputEndsCleanly() {
        for page in ["<p @", "<p @x", "<p @x=", #"<p @x=""#, "<p @x='a", "<!--", "<!", "<", "<p"] {
            #expect(Self.repaired(page).utf8.count == page.utf8.count)
        }
    }

    @Test func randomMarkupKeepsItsLengthAndIsRepairedOnce() {
        // Tag soup from the bytes that matter to the scanner: never a crash, the same length, and a second pass
        // changes nothing (every refused byte became an accepted one).
        let alphabet = Array("<>\"'=/ @[]()#*a1-!-\n".utf8) + [0xC3, 0xA9]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...60, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let once = AttributeNameRepair.repair(bytes)
            #expect(once.count == bytes.count)
            #expect(AttributeNameRepair.repair(once) == once)
        }
    }

    @Test func theParsedPageKeepsTheValueOutOfItsText() throws {
        let html = #"<html><body><p @click.prevent="go(a > b)">Story text.</p></body></html>"#
        let document = try Document(html: html, url: nil)
        let paragraph = try #require(try document.select(xpath: "//p").first)
        #expect(paragraph.text == "Story text.")
    }
}
