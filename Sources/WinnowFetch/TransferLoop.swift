import CCurl
import Foundation
import Synchronization

/// The event loop: one thread owns a curl multi handle and drives every transfer on it.
///
/// Other threads never touch libcurl handles; they only append to the lock-protected inbox and call
/// curl_multi_wakeup (documented as safe from any thread) to interrupt curl_multi_poll.
final class TransferLoop: @unchecked Sendable {
    /// A request handed to the loop together with the continuation that awaits it.
    struct Submission: Sendable {
        let id: UInt64
        let request: PreparedRequest
        let continuation: CheckedContinuation<HTTPResponse, any Error>
    }

    /// Everything shared between callers and the loop thread.
    private struct Inbox {
        var submissions: [Submission] = []
        var cancellations: [UInt64] = []
        var stopping = false
        var stopped = false
        var released = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var nextID: UInt64 = 0
        var activeCount = 0
    }

    private let inbox = Mutex(Inbox())
    /// The CURLM handle. Only the loop thread uses it, except for curl_multi_wakeup.
    private let multi: UnsafeMutableRawPointer
    private let configuration: HTTPClientConfiguration
    /// Which addresses transfers may connect to; built once per client (it may resolve the proxy's name).
    private let connectionGuard: ConnectionGuard

    init(configuration: HTTPClientConfiguration) throws(FetchError) {
        try Curl.ensureGlobalInit()
        guard let multi = curl_multi_init() else {
            throw FetchError(code: .transport, message: "libcurl could not create a multi handle", url: "")
        }
        self.multi = multi
        self.configuration = configuration
        self.connectionGuard = ConnectionGuard(
            configuration: configuration, environment: ProcessInfo.processInfo.environment)
        do {
            try Curl.check(
                winnow_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, configuration.maxConnections)),
                "set the connection cap", url: "")
            try Curl.check(
                winnow_multi_setopt_long(
                    multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, configuration.maxConnectionsPerHost)),
                "set the per-host connection cap", url: "")
        } catch {
            curl_multi_cleanup(multi)
            throw error
        }
        let thread = Thread { [self] in self.run() }
        thread.name = "WinnowFetch.TransferLoop"
        thread.start()
    }

    /// A fresh transfer id (used to route cancellation).
    func makeID() -> UInt64 {
        inbox.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Queues a transfer. Fails the continuation right away if the loop is stopping or the calling task
    /// is already cancelled. The cancellation check happens under the lock so it cannot race `cancel`:
    /// either the handler ran first (and the flag is visible here) or our submission precedes its request.
    func submit(_ submission: Submission) {
        let rejection: (any Error)? = inbox.withLock { state in
            if state.stopping {
                return FetchError(code: .shutdown, message: "the HTTP client was shut down", url: submission.request.url)
            }
            if Task.isCancelled { return CancellationError() }
            state.submissions.append(submission)
            wake(state)
            return nil
        }
        if let rejection {
            submission.continuation.resume(throwing: rejection)
        }
    }

    /// Interrupts curl_multi_poll. Called with the inbox lock held: the loop marks itself stopped under
    /// the same lock before curl_multi_cleanup, so the handle is never woken after it is freed.
    private func wake(_ state: Inbox) {
        guard !state.stopped else { return }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to abort transfer `id` (no-op if it already finished).
    func cancel(_ id: UInt64) {
        inbox.withLock { state in
            guard !state.stopped else { return }
            state.cancellations.append(id)
            wake(state)
        }
    }

    /// Transfers currently queued or running (for tests and metrics).
    var activeTransferCount: Int {
        inbox.withLock { $0.activeCount + $0.submissions.count }
    }

    /// Signals the loop to fail outstanding transfers and exit, without waiting.
    func requestStop() {
        inbox.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            wake(state)
        }
    }

    /// Signals the loop to stop and waits until it has released every libcurl handle.
    func stop() async {
        requestStop()
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let alreadyStopped = inbox.withLock { state -> Bool in
                if state.released { return true }
                state.stopWaiters.append(waiter)
                return false
            }
            if alreadyStopped { waiter.resume() }
        }
    }

    // MARK: - The loop thread

    /// What only the loop thread touches: the running transfers, by id and by easy handle.
    private struct Running {
        var transfers: [UInt64: Transfer] = [:]
        var byHandle: [UnsafeMutableRawPointer: UInt64] = [:]
    }

    private func run() {
        var running = Running()
        while true {
            let (submissions, cancellations, stopping) = takeInbox()
            if stopping {
                failAll(submissions, &running)
                break
            }
            start(submissions, &running)
            for id in cancellations {
                remove(id, &running)?.fail(CancellationError())
            }
            perform(&running)
            completeFinished(&running)
            if curl_multi_poll(multi, nil, 0, 1000, nil) != CURLM_OK {
                usleep(10_000)  // never spin if polling itself fails
            }
        }
        release(&running)
    }

    /// Takes the new submissions and cancellations. Taking the submissions and counting them as active happens in
    /// one critical section, so a transfer is always visible to `activeTransferCount` (queued or running) until it
    /// finishes.
    private func takeInbox() -> (submissions: [Submission], cancellations: [UInt64], stopping: Bool) {
        inbox.withLock { state in
            defer {
                state.activeCount += state.submissions.count
                state.submissions.removeAll()
                state.cancellations.removeAll()
            }
            return (state.submissions, state.cancellations, state.stopping)
        }
    }

    /// Detaches a transfer from the multi handle; the count is updated before the caller resumes anyone, so
    /// `activeTransferCount` never lags behind a finished fetch.
    private func remove(_ id: UInt64, _ running: inout Running) -> Transfer? {
        guard let transfer = running.transfers.removeValue(forKey: id) else { return nil }
        running.byHandle[transfer.easy] = nil
        curl_multi_remove_handle(multi, transfer.easy)
        inbox.withLock { $0.activeCount -= 1 }
        return transfer
    }

    /// Shutting down: fails the submissions not started yet and every transfer in flight.
    private func failAll(_ submissions: [Submission], _ running: inout Running) {
        for submission in submissions {
            submission.continuation.resume(throwing: shutdownError(submission.request.url))
        }
        for id in Array(running.transfers.keys) {
            remove(id, &running)?.fail(shutdownError(nil))
        }
    }

    /// Sets up a transfer for each submission and adds it to the multi handle.
    private func start(_ submissions: [Submission], _ running: inout Running) {
        for submission in submissions {
            do {
                let transfer = try Transfer(
                    id: submission.id, request: submission.request, configuration: configuration,
                    connectionGuard: connectionGuard,
                    continuation: submission.continuation)
                try Curl.check(curl_multi_add_handle(multi, transfer.easy), "start the transfer",
                               url: submission.request.url)
                running.transfers[submission.id] = transfer
                running.byHandle[transfer.easy] = submission.id
            } catch {
                // Transfer.init resumes nothing itself; a failed setup is reported here exactly once.
                inbox.withLock { $0.activeCount -= 1 }
                submission.continuation.resume(throwing: error)
            }
        }
    }

    /// Lets libcurl move every transfer forward.
    private func perform(_ running: inout Running) {
        var stillRunning: Int32 = 0
        do {
            try Curl.check(curl_multi_perform(multi, &stillRunning), "drive transfers", url: "")
        } catch {
            // The multi handle itself is broken (e.g. out of memory): nothing in flight can finish.
            for id in Array(running.transfers.keys) {
                guard let transfer = remove(id, &running) else { continue }
                transfer.fail(FetchError(code: .transport, message: error.message, url: transfer.url))
            }
        }
    }

    /// Completes the transfers libcurl reports done.
    private func completeFinished(_ running: inout Running) {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard winnow_msg_is_done(message) != 0, let easy = winnow_msg_easy_handle(message),
                  let id = running.byHandle[easy] else { continue }
            let result = winnow_msg_result(message)  // read before remove_handle invalidates it
            remove(id, &running)?.complete(with: result)
        }
    }

    /// After the loop: frees the multi handle and resumes everyone waiting in `stop()`.
    private func release(_ running: inout Running) {
        running.transfers.removeAll()
        inbox.withLock { state in
            state.stopped = true
            state.activeCount = 0
        }
        curl_multi_cleanup(multi)
        let waiters = inbox.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.released = true
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func shutdownError(_ url: String?) -> FetchError {
        FetchError(code: .shutdown, message: "the HTTP client was shut down", url: url ?? "")
    }
}
