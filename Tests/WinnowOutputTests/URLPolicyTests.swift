import Testing
@testable import WinnowOutput

/// Which link and image URLs may reach rendered output.
@Suite struct URLPolicyTests {
    @Test(arguments: ["https://example.com/a", "http://example.com", "HTTPS://EXAMPLE.COM", "mailto:desk@example.com",
                      "/relative/path", "relative.html", "#section", "?page=2", "//example.com/protocol-relative", ""])
    func ordinaryLinksAreSafe(href: String) {
        #expect(URLPolicy.isSafeLink(href))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox", "data:text/html,<script>x</script>",
                      "file:///etc/passwd", "ftp://example.com/x", "tel:+123"])
    func otherSchemesAreNotLinks(href: String) {
        #expect(!URLPolicy.isSafeLink(href))
    }

    @Test(arguments: ["java\tscript:alert(1)", "java\nscript:alert(1)", "jav\r\nascript:alert(1)",
                      "  javascript:alert(1)", "\u{01}javascript:alert(1)", "\u{00A0}javascript:alert(1)",
                      "\u{3000}javascript:alert(1)"])
    func whatBrowsersIgnoreCannotHideAScheme(href: String) {
        #expect(!URLPolicy.isSafeLink(href))
        #expect(URLPolicy.scheme(of: href) == "javascript")
    }

    @Test func aColonAfterAPathOrQueryIsNoScheme() {
        #expect(URLPolicy.scheme(of: "/wiki/Talk:Main") == nil)
        #expect(URLPolicy.scheme(of: "page?x=javascript:1") == nil)
        #expect(URLPolicy.scheme(of: "1http://x") == nil)       // a scheme starts with a letter
        #expect(URLPolicy.scheme(of: ":no-scheme") == nil)
        #expect(URLPolicy.scheme(of: "no colon at all") == nil)
        #expect(URLPolicy.scheme(of: "web+app.v2-x:thing") == "web+app.v2-x")
        #expect(URLPolicy.isSafeLink("/wiki/Talk:Main"))
    }

    @Test(arguments: ["https://img.example.com/a.jpg", "http://x/y.png", "images/a.webp", "/a.gif",
                      "data:image/png;base64,iVBORw0KGgo=", "DATA:IMAGE/JPEG;base64,/9j/", "data:image/webp,xyz",
                      " data:image/gif;base64,R0lGOD"])
    func rasterAndWebImagesAreSafe(source: String) {
        #expect(URLPolicy.isSafeImageSource(source))
    }

    @Test(arguments: ["data:image/svg+xml,<svg onload=alert(1)>", "data:image/svg+xml;base64,PHN2Zz4=",
                      "data:text/html;base64,PHNjcmlwdD4=", "data:,plain", "javascript:alert(1)",
                      "mailto:x@example.com", "blob:https://example.com/uuid", "", "   ", "\t\n"])
    func otherImageSourcesAreRefused(source: String) {
        #expect(!URLPolicy.isSafeImageSource(source))
    }
}
