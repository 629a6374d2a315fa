import Dispatch
import Foundation
import Testing
import WinnowPipeline

/// The threads that parse and extract, away from the Swift concurrency pool.
@Suite struct ExtractionPoolTests {
    @Test func resultsAndErrorsComeBack() async throws {
        let pool = ExtractionPool(width: 2)
        defer { pool.shutdown() }
        #expect(try await pool.run { 6 * 7 } == 42)
        await #expect(throws: TestFailure.self) { try await pool.run { throw TestFailure("bad page") } }
    }

    @Test func everyJobRunsExactlyOnce() async throws {
        let pool = ExtractionPool(width: 3)
        defer { pool.shutdown() }
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<500 { group.addTask { try await pool.run { index } } }
            var seen: [Int] = []
            for try await value in group { seen.append(value) }
            return seen
        }
        #expect(results.sorted() == Array(0..<500))
    }

    @Test func workersRunAtTheSameTime() async throws {
        // Each job waits for the other to start: only two threads working at once can finish both.
        let pool = ExtractionPool(width: 2)
        defer { pool.shutdown() }
        let first = DispatchSemaphore(value: 0), second = DispatchSemaphore(value: 0)
        async let a = pool.run { first.signal(); return second.wait(timeout: .now() + 20) == .success }
        async let b = pool.run { second.signal(); return first.wait(timeout: .now() + 20) == .success }
        let (ranA, ranB) = try await (a, b)
        #expect(ranA && ranB)
    }

    @Test func shutdownFinishesTheQueuedJobsThenRefusesNewOnes() async throws {
        let pool = ExtractionPool(width: 1)
        let gate = DispatchSemaphore(value: 0)
        let blocked = Task { try await pool.run { gate.wait(); return -1 } }
        let queued = (0..<5).map { index in Task { try await pool.run { index } } }
        try await Task.sleep(for: .seconds(1))  // let the queued jobs reach the pool (the worker is held meanwhile)
        pool.shutdown()
        gate.signal()
        #expect(try await blocked.value == -1)
        var finished: [Int] = []
        for task in queued {
            // A job that reached the pool before shutdown runs; one that did not is refused, never lost.
            do { finished.append(try await task.value) } catch { #expect(error is CancellationError) }
        }
        #expect(finished.count == 5, "queued before shutdown, so all run")
        await #expect(throws: CancellationError.self) { try await pool.run { 1 } }
    }
}
