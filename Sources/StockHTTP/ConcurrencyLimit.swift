import Synchronization

/// At most `limit` holders at once; the others wait in order. Waiting honours cancellation (a
/// cancelled waiter leaves the queue and throws `CancellationError`).
///
/// ```swift
/// let limit = ConcurrencyLimit(2)
/// try await limit.run { try await fetch(url) }
/// ```
public final class ConcurrencyLimit: Sendable {
    private struct State {
        var available: Int
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A limit of `limit` (at least 1) at once.
    public init(_ limit: Int) {
        state = Mutex(State(available: max(1, limit)))
    }

    /// Runs `work` once a place is free, and frees it after.
    public func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await work()
    }

    private func acquire() async throws {
        try Task.checkCancellation()
        let id = state.withLock { s -> Int? in
            if s.available > 0 { s.available -= 1; return nil }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { s -> Bool in
                    // Cancelled before the continuation was queued: do not queue it.
                    if Task.isCancelled { return true }
                    s.waiters.append((id, continuation))
                    return false
                }
                if resumeNow { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let waiter = state.withLock { s -> CheckedContinuation<Void, any Error>? in
                guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return s.waiters.remove(at: i).continuation
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, any Error>? in
            if s.waiters.isEmpty { s.available += 1; return nil }
            return s.waiters.removeFirst().continuation
        }
        next?.resume()
    }
}
