import Foundation
import Synchronization

/// Standard error shared by the log and, on a terminal, a progress line kept under the log: each log line
/// clears the progress line, is written, and the progress line is drawn again below it. Off a terminal (the
/// journal, a file, a pipe) the log is written as is and there is no progress line.
public final class Console: Sendable {
    /// The process's standard error.
    public static let standardError = Console(descriptor: 2)

    private let descriptor: Int32
    /// Whether the progress line is drawn (stderr is a terminal).
    public let isTerminal: Bool
    private let status = Mutex<String>("")

    init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
            && ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil
    }

    /// Writes one log line (ending in a newline).
    public func log(_ line: String) {
        status.withLock { current in
            if isTerminal && !current.isEmpty {
                write("\r\u{1B}[K" + line + current)
            } else {
                write(line)
            }
        }
    }

    /// Replaces the progress line (terminals only).
    public func setStatus(_ text: String) {
        guard isTerminal else { return }
        status.withLock { current in
            current = text
            write("\r\u{1B}[K" + text)
        }
    }

    /// Removes the progress line, leaving the cursor at the start of an empty line.
    public func clearStatus() {
        guard isTerminal else { return }
        status.withLock { current in
            if !current.isEmpty { write("\r\u{1B}[K") }
            current = ""
        }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
