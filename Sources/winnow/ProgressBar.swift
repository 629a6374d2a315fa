import Foundation
import Synchronization

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs or pipes).
///
/// Thread-safe: batch workers call `advance()` and `log(_:)` from any thread.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var lastDraw = 0.0
    }

    private let total: Int
    private let label: String
    private let interactive: Bool
    private let started: Double
    private let state = Mutex(State())

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        self.interactive = isatty(STDERR_FILENO) != 0
        self.started = ProcessInfo.processInfo.systemUptime
    }

    /// Counts one finished item and redraws at most ten times a second.
    func advance() {
        state.withLock { state in
            state.done += 1
            let now = ProcessInfo.processInfo.systemUptime
            guard interactive, state.done == total || now - state.lastDraw >= 0.1 else { return }
            state.lastDraw = now
            draw(done: state.done, now: now)
        }
    }

    /// Prints a message on its own line without garbling the bar.
    func log(_ message: String) {
        state.withLock { state in
            let prefix = interactive ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
            if interactive { draw(done: state.done, now: ProcessInfo.processInfo.systemUptime) }
        }
    }

    /// Ends the bar's line.
    func finish() {
        guard interactive else { return }
        state.withLock { state in
            draw(done: state.done, now: ProcessInfo.processInfo.systemUptime)
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }

    private func draw(done: Int, now: Double) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let rate = Double(done) / max(now - started, 0.001)
        let line = String(format: "\r\u{1B}[K[%@] %d/%d %@  %.0f/s", bar, done, total, label, rate)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
