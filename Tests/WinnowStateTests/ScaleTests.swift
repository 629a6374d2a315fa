import Foundation
import GRDB
import Testing

@testable import WinnowState

/// `nextDue` on a frontier of the size a daemon reaches after months: 100,000 URLs over 500 hosts.
@Suite struct ScaleTests {
    @Test func nextDueStaysFastOnAHundredThousandEntries() throws {
        try Fixture.withStore { store, _ in
            let hosts = (0..<500).map { "host\($0).example" }
            let sources = hosts.map { Fixture.source($0) }
            try store.syncSources(sources, now: Fixture.t0)

            // 200 URLs per host, discovered in 10 rounds an hour apart.
            let insertStart = ContinuousClock.now
            for round in 0..<10 {
                var batch: [Discovery] = []
                batch.reserveCapacity(10_000)
                for (index, host) in hosts.enumerated() {
                    for item in 0..<20 {
                        batch.append(Fixture.discovery(host, "/story/\(round)/\(item)", source: sources[index]))
                    }
                }
                #expect(try store.discover(batch, now: Fixture.at(Double(round) * 3600)) == 10_000)
            }
            let insertTime = ContinuousClock.now - insertStart
            // Most of the frontier is done, as it is in a long-running daemon; the rest is due or waiting.
            try store.pool.write { db in
                try db.execute(
                    sql: "UPDATE frontier SET state = 'done', fetched_at = discovered_at WHERE url LIKE '%/story/_/1_'")
                try db.execute(
                    sql: "UPDATE frontier SET not_before = not_before + 86400 WHERE url GLOB '*/story/[0-4]/?'")
            }
            #expect(try store.frontierCounts()[.pending] == 50_000)

            let now = Fixture.at(20 * 3600)
            var due: [FrontierEntry] = []
            var times: [Duration] = []
            for _ in 0..<5 {
                let start = ContinuousClock.now
                due = try store.nextDue(now: now, limit: 64)
                times.append(ContinuousClock.now - start)
            }
            #expect(due.count == 64)
            #expect(Set(due.map(\.host)).count == 64)
            #expect(due.allSatisfy { $0.state == .pending && $0.notBefore <= now })
            #expect(zip(due, due.dropFirst()).allSatisfy { $0.notBefore <= $1.notBefore })

            let excluded = Set(hosts.prefix(400))
            let exclusionStart = ContinuousClock.now
            let rest = try store.nextDue(now: now, limit: 500, excludingHosts: excluded)
            let exclusionTime = ContinuousClock.now - exclusionStart
            #expect(rest.count == 100 && rest.allSatisfy { !excluded.contains($0.host) })

            let everyHostStart = ContinuousClock.now
            let everyHost = try store.nextDue(now: now, limit: 1000)
            let everyHostTime = ContinuousClock.now - everyHostStart
            #expect(everyHost.count == 500)

            // Every frontier lookup goes through the partial index, one seek per host.
            let plan = try store.pool.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + SQLiteStateStore.nextDueSQL(excludedHosts: 2),
                    arguments: [now.unixSeconds, "a", "b", now.unixSeconds, 10]
                ).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX frontier_pending (host>?)") })
            #expect(plan.contains { $0.contains("USING INDEX frontier_pending (host=? AND not_before<?)") })
            #expect(!plan.contains { $0.contains("frontier_state") })
            print(
                """
                nextDue on 100,000 entries over 500 hosts (50,000 pending, half of them due): \
                insert \(insertTime); limit 64: \(times.map(\.description).joined(separator: ", ")); \
                400 hosts excluded: \(exclusionTime); all 500 hosts: \(everyHostTime)
                """)
        }
    }
}
