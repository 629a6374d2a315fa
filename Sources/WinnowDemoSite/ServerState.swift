import Foundation

/// The server's shared mutable state, behind one condition lock: the only `@unchecked Sendable` in the module.
final class ServerState: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var acceptLoopRunning = true
    private var active = 0

    /// True once `requestStop()` was called.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Connections being served now.
    var activeConnections: Int {
        condition.lock()
        defer { condition.unlock() }
        return active
    }

    /// Counts a new connection unless `limit` are already being served.
    func tryBeginConnection(limit: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard active < limit else { return false }
        active += 1
        return true
    }

    func endConnection() {
        condition.lock()
        active -= 1
        condition.broadcast()
        condition.unlock()
    }

    func requestStop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func acceptLoopEnded() {
        condition.lock()
        acceptLoopRunning = false
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the accept loop has closed the listening socket.
    func waitForAcceptLoop() {
        condition.lock()
        while acceptLoopRunning { condition.wait() }
        condition.unlock()
    }

    /// Blocks until no connection is being served, or until `deadline`; true when none is left.
    @discardableResult
    func waitForConnections(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while active > 0 {
            if !condition.wait(until: deadline) { return active == 0 }
        }
        return true
    }
}
