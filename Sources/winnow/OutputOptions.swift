import ArgumentParser
import WinnowExtract
import WinnowOutput

/// Options shared by every command that extracts and renders stories.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Extraction mode: balanced (default), precision (less chaff), recall (less loss).")
    var mode: ExtractionMode = .balanced
}

extension OutputFormat: ExpressibleByArgument {}
extension ExtractionMode: ExpressibleByArgument {}
