/// An error the CLI reports as one line (`Error: …`) before exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }

    /// A page that parsed but held no story text (an index, a directory listing, a page built by JavaScript).
    static let noStory = CLIError("no story text found (an index or listing page, or one built by JavaScript?)")
}
