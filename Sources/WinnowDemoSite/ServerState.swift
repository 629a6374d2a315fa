import Dispatch
import Foundation
import Synchronization

/// The server's shared mutable state: the counts behind a `Mutex`, and the two things `stop()` waits for (the
/// accept loop's end, the last connection's end) as a semaphore and a dispatch group.
final class ServerState: Sendable {
    private struct Counts {
        var stopped = false
        var active = 0
    }

    private let counts = Mutex(Counts())
    /// Signalled once when the accept loop has closed the listening socket; every waiter passes the signal on.
    private let acceptLoopDone = DispatchSemaphore(value: 0)
    /// Entered for each connection being served.
    private let connections = DispatchGroup()

    /// True once `requestStop()` was called.
    var isStopped: Bool { counts.withLock { $0.stopped } }

    /// Connections being served now.
    var activeConnections: Int { counts.withLock { $0.active } }

    /// Counts a new connection unless `limit` are already being served.
    func tryBeginConnection(limit: Int) -> Bool {
        counts.withLock { counts in
            guard counts.active < limit else { return false }
            counts.active += 1
            connections.enter()
            return true
        }
    }

    func endConnection() {
        counts.withLock { counts in
            counts.active -= 1
            connections.leave()
        }
    }

    func requestStop() {
        counts.withLock { $0.stopped = true }
    }

    func acceptLoopEnded() {
        acceptLoopDone.signal()
    }

    /// Blocks until the accept loop has closed the listening socket.
    func waitForAcceptLoop() {
        acceptLoopDone.wait()
        acceptLoopDone.signal()  // for the next caller of `stop()`
    }

    /// Blocks until no connection is being served, or until `deadline`; true when none is left.
    @discardableResult
    func waitForConnections(until deadline: Date) -> Bool {
        let seconds = max(0, deadline.timeIntervalSinceNow)
        return connections.wait(timeout: .now() + seconds) == .success
    }
}
