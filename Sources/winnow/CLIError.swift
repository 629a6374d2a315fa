/// An error the CLI reports as one line (`Error: …`) before exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
