/// Why a story could not be written: the path involved and a one-line, human-readable message such as
/// `cannot write /x/y.md: Permission denied`.
public struct StoryWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or directory the failed operation was about.
    public var path: String
    /// One line, ready to print.
    public var message: String

    /// An error about `path` with a ready-to-print one-line `message`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// The message, so printing the error prints the line.
    public var description: String { message }
}
