/// The formats Winnow can write a story in.
///
/// One enum shared by the renderers, the story writer and the CLI, so a format name means the same thing
/// everywhere (`--format md` and a `.md` file are the same renderer).
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// Main text only, one paragraph per block; what the extraction-quality harness compares.
    case text
    /// Markdown with YAML front matter.
    case markdown
    /// A stable JSON document (see `JSONRenderer` for the schema).
    case json
    /// A clean, self-contained HTML5 document.
    case html

    /// Parses a format from its name or its file extension (case-insensitive), e.g. `markdown`, `md`, `txt`.
    ///
    /// Returns nil for anything else, so the CLI can print its own one-line error.
    public init?(name: String) {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "text", "txt", "plain", "plaintext": self = .text
        case "markdown", "md": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The file extension (without the dot) used when a story is written in this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        }
    }
}
