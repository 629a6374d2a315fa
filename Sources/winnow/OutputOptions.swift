import ArgumentParser
import WinnowExtract
import WinnowOutput

/// Options shared by every command that extracts and renders stories.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (also md, txt).")
    var format: OutputFormat = .text

    @Option(help: "Extraction mode: balanced, precision (less chaff), recall (less loss).")
    var mode: ExtractionMode = .balanced

    @Flag(help: "Text format: print the story only, without the title/author/date/URL header.")
    var bare = false

    @Flag(help: "Also list on stderr every block kept or dropped at the story's edge: heuristic, score, text preview.")
    var explain = false

    /// Render options for a story shown to a person or written as a story file.
    var renderOptions: RenderOptions { RenderOptions(textMetadataHeader: !bare) }
}

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

extension ExtractionMode: ExpressibleByArgument {}
