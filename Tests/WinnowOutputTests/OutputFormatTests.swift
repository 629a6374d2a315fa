import Testing
import WinnowOutput

@Suite struct OutputFormatTests {
    @Test func parsesNamesAndExtensions() {
        for format in OutputFormat.allCases {
            #expect(OutputFormat(name: format.rawValue) == format)
            #expect(OutputFormat(name: format.fileExtension) == format)
            #expect(OutputFormat(name: format.rawValue.uppercased()) == format)
        }
        #expect(OutputFormat(name: "htm") == .html)
        #expect(OutputFormat(name: "pdf") == nil)
        #expect(OutputFormat(name: "") == nil)
    }

    @Test func fileExtensions() {
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["txt", "md", "json", "html"])
    }
}
