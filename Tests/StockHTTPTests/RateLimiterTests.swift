import Foundation
import StockHTTP
import Synchronization
import Testing

/// Start times recorded from many tasks.
final class Starts: Sendable {
    let times = Mutex<[ContinuousClock.Instant]>([])
}

@Suite struct RateLimiterTests {
    @Test func neverMoreThanTheLimitInAnyWindow() async throws {
        let window = Duration.milliseconds(200)
        let limiter = RateLimiter(limit: 4, per: window)
        let starts = Starts()
        let began = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await limiter.acquire()
                    starts.times.withLock { $0.append(.now) }
                }
            }
            try await group.waitForAll()
        }
        let times = starts.times.withLock { $0 }.sorted()
        #expect(times.count == 12)
        // The 9th request cannot start before two full windows have passed since the first was
        // granted (a slow machine only spreads them more).
        #expect(began.duration(to: times[8]) >= window * 2)
    }

    @Test func firstRequestsGoAtOnce() async throws {
        let limiter = RateLimiter.perSecond(5)
        let started = ContinuousClock.now
        for _ in 0..<5 { try await limiter.acquire() }
        #expect(started.duration(to: .now) < .milliseconds(900))
        #expect(await limiter.recentCount() == 5)
    }

    @Test func aCancelledWaiterGivesItsTurnBack() async throws {
        // An hour: however starved the test process is, the first slot is still taken when the waiter asks.
        let limiter = RateLimiter(limit: 1, per: .seconds(3600))
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        let result = await waiter.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(await limiter.recentCount() == 1)
    }
}
