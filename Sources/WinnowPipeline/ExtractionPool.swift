import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads for CPU-bound work (parsing and extraction), so that a burst of pages never occupies
/// the Swift concurrency pool that the scheduler and the fetch continuations run on.
///
/// Jobs wait in a FIFO queue; `run` suspends the calling task (it blocks no thread) until its job is done. The
/// queue holds only jobs whose callers are waiting, so its length is bounded by the callers' own concurrency.
public final class ExtractionPool: Sendable {
    private let queue = JobQueue()
    /// The number of worker threads.
    public let width: Int
    /// Each worker's stack: Linux's usual 8 MiB, set explicitly because platforms differ (Darwin gives
    /// secondary threads 512 KiB). Extraction recurses only up to `ExtractionLimits`, whatever the page's
    /// nesting; this leaves a wide margin for that in unoptimized builds too.
    public static let threadStackSize = 8 * 1024 * 1024

    /// Starts `width` worker threads (default: one per core).
    public init(width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.width = max(1, width)
        for index in 0..<self.width {
            let thread = Thread { [queue] in
                while let job = queue.next() { job() }
            }
            thread.name = "WinnowPipeline.ExtractionPool.\(index)"
            thread.stackSize = ExtractionPool.threadStackSize
            thread.start()
        }
    }

    deinit { queue.stop() }

    /// Runs `body` on a worker thread and returns its result (or rethrows its error). After `shutdown`, throws
    /// `CancellationError` without running `body`.
    public func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = queue.add { continuation.resume(with: Swift.Result { try body() }) }
            if !accepted { continuation.resume(throwing: CancellationError()) }
        }
    }

    /// Lets the workers finish the queued jobs and exit.
    public func shutdown() { queue.stop() }
}

/// The pool's FIFO of jobs: the queue behind a `Mutex`, and a semaphore that counts the jobs (plus one signal for
/// stopping) so idle workers sleep without holding anything.
private final class JobQueue: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var jobs: [Job] = []
        var head = 0
        var stopping = false
    }

    private let state = Mutex(State())
    /// One signal per queued job, and one from `stop()` that each exiting worker passes on to the next.
    private let available = DispatchSemaphore(value: 0)

    /// Queues `job`; false when the queue is stopping.
    func add(_ job: @escaping Job) -> Bool {
        let accepted = state.withLock { state in
            guard !state.stopping else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { available.signal() }
        return accepted
    }

    /// The next job, waiting for one; nil once the queue is stopping and empty. Every signal stands for a queued
    /// job or for stopping, so a worker that wakes finds a job unless the queue is stopping.
    func next() -> Job? {
        available.wait()
        let job = state.withLock { state -> Job? in
            guard state.head < state.jobs.count else { return nil }
            let job = state.jobs[state.head]
            state.head += 1
            if state.head > 64 && state.head * 2 > state.jobs.count {  // drop the consumed prefix now and then
                state.jobs.removeFirst(state.head)
                state.head = 0
            }
            return job
        }
        if job == nil { available.signal() }  // stopping: wake the next worker so it leaves too
        return job
    }

    func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first { available.signal() }
    }
}
