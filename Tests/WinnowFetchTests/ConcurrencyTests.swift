import Foundation
import WinnowTestSupport
import Testing
@testable import WinnowFetch

@Suite("Many transfers on one event loop; cancellation; shutdown")
struct ConcurrencyTests {
    @Test("64 slow transfers overlap on one multi handle")
    func manyConcurrentTransfers() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let count = 64
        let delay = 200
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask { try await harness.fetch("/slow?ms=\(delay)&i=\(index)").status }
            }
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            return statuses
        }
        #expect(statuses.count == count)
        #expect(statuses.allSatisfy { $0 == 200 })
        let stats = harness.server.stats
        #expect(stats.maxConcurrent >= 50, "server saw at most \(stats.maxConcurrent) simultaneous connections")
        // The overlap itself is proven by maxConcurrent. The time bound only says "not one after another"
        // (count × delay = 12.8 s), timed by the server: this task's own clock also counts the wait for a free
        // cooperative thread, which with every suite running (and a sanitizer) exceeded 30 s.
        #expect(stats.servingSpan < .milliseconds(count * delay), "served for \(stats.servingSpan)")
        await harness.finish()
    }

    @Test("cancelling the task aborts the transfer and closes its connection")
    func cancellation() async throws {
        let harness = try Harness(Harness.configuration(totalTimeout: .seconds(30)))
        defer { harness.server.stop() }
        let client = harness.client
        let url = harness.url("/stall")
        let task = Task { try await client.fetch(url) }
        // Wait (generously: shared CI cores) until the server holds the request, then a little longer.
        for _ in 0..<400 where harness.server.stats.current == 0 { try await Task.sleep(for: .milliseconds(25)) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(client.activeTransferCount == 1)
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        switch result {
        case .success: Issue.record("a cancelled fetch must not succeed")
        case .failure(let error): #expect(error is CancellationError, "got \(error)")
        }
        // The server notices the client hanging up, promptly after the cancel (loose: shared CI cores; timed
        // by the server, not by this task, which may wait for a free cooperative thread).
        var released = 0
        for _ in 0..<400 where released == 0 {
            released = harness.server.stats.stallsReleasedByClient
            if released == 0 { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(released == 1)
        let hangUp = try #require(harness.server.stats.lastStallRelease)
        #expect(hangUp - start < .seconds(10))
        #expect(client.activeTransferCount == 0)
        // The client is still usable.
        #expect(try await harness.fetch("/hello").status == 200)
        await harness.finish()
    }

    @Test("a task cancelled before fetching throws CancellationError without a transfer")
    func alreadyCancelled() async throws {
        let harness = try Harness()
        defer { harness.server.stop() }
        let client = harness.client
        let url = harness.url("/hello")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.fetch(url)
        }
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(harness.server.stats.connections == 0)
        await harness.finish()
    }

    @Test("shutdown fails in-flight and later fetches with .shutdown")
    func shutdown() async throws {
        let harness = try Harness(Harness.configuration(totalTimeout: .seconds(30)))
        defer { harness.server.stop() }
        let client = harness.client
        let url = harness.url("/stall")
        let inFlight = Task { await fetchError { try await client.fetch(url) } }
        try await Task.sleep(for: .milliseconds(200))
        await client.shutdown()
        let error = await inFlight.value
        #expect(error?.code == .shutdown)
        let later = await fetchError { try await client.fetch(url) }
        #expect(later?.code == .shutdown)
        await client.shutdown()  // idempotent
    }

    @Test("dropping the client without shutdown stops its loop")
    func dropWithoutShutdown() async throws {
        let server = try TestHTTPServer(handler: Routes.handle)
        defer { server.stop() }
        var client: HTTPClient? = try HTTPClient(configuration: Harness.configuration())
        #expect(try await client?.fetch(server.url("/hello")).status == 200)
        client = nil
        #expect(client == nil)
    }
}
