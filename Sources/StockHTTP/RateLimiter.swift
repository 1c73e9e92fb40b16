import Foundation

/// A client-side limit on how often one service is called, so that the client stays under the
/// service's limit before the server has to answer 429 (StockFlow 120 per minute, Adobe about 5 per
/// second).
///
/// A sliding window: at most `limit` requests start within any `window`. `acquire()` returns at
/// once while there is room, and otherwise sleeps until the oldest start leaves the window. Waiters
/// are served in order; a cancelled waiter gives its turn up. Shared by every task that calls the
/// service.
public actor RateLimiter {
    public nonisolated let limit: Int
    public nonisolated let window: Duration
    /// Added to the window between a start and the one `limit` places later, so that requests a
    /// little delayed on their way (a connection being opened, a busy machine) still arrive spaced
    /// by a full window at the server: a fiftieth of the window, at least 100 ms (a request can
    /// wait that long for a free connection in the pool on a busy machine).
    public nonisolated let margin: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    /// Start times of the requests inside the window, oldest first; some may lie in the future
    /// while waiters queue.
    private var reservations: [ContinuousClock.Instant] = []

    /// - Parameters:
    ///   - limit: requests allowed per window (at least 1).
    ///   - window: the window's length.
    public init(limit: Int, per window: Duration) {
        self.limit = max(1, limit)
        self.window = window
        self.margin = max(.milliseconds(100), window / 50)
        self.now = { ContinuousClock.now }
    }

    /// 120 per minute (StockFlow).
    public static func perMinute(_ n: Int) -> RateLimiter { RateLimiter(limit: n, per: .seconds(60)) }
    /// n per second (Adobe: 5).
    public static func perSecond(_ n: Int) -> RateLimiter { RateLimiter(limit: n, per: .seconds(1)) }

    /// Waits until a request may start, and counts it. Throws `CancellationError` if the task is
    /// cancelled while waiting (the slot is then given back).
    public func acquire() async throws {
        let start = reserve()
        let current = now()
        if start > current {
            do {
                try await Task.sleep(for: current.duration(to: start))
            } catch {
                release(start)
                throw error
            }
        }
    }

    /// How many requests started in the last window (for tests and the status line).
    public func recentCount() -> Int {
        prune(before: now())
        return reservations.count
    }

    /// Books the earliest start that keeps every window under the limit.
    private func reserve() -> ContinuousClock.Instant {
        let current = now()
        prune(before: current)
        var start = current
        if reservations.count >= limit {
            // The request `limit` places back must leave the window before this one may start.
            start = max(current, reservations[reservations.count - limit] + window + margin)
        }
        reservations.append(start)
        return start
    }

    private func release(_ start: ContinuousClock.Instant) {
        if let i = reservations.lastIndex(of: start) { reservations.remove(at: i) }
    }

    private func prune(before current: ContinuousClock.Instant) {
        let horizon = current - window
        if let keep = reservations.firstIndex(where: { $0 > horizon }) {
            reservations.removeFirst(keep)
        } else {
            reservations.removeAll()
        }
    }
}
