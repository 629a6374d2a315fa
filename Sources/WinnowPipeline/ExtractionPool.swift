import Foundation

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

/// The pool's FIFO of jobs, behind a condition variable.
private final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopping = false

    /// Queues `job`; false when the queue is stopping.
    func add(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// The next job, waiting for one; nil once the queue is stopping and empty.
    func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            if stopping { return nil }
            condition.wait()
        }
        let job = jobs[head]
        head += 1
        if head > 64 && head * 2 > jobs.count {  // drop the consumed prefix now and then
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }

    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }
}
