import Synchronization

/// A clock that stands still until a test calls `advance(by:)`: sleepers whose deadline has come
/// resume then, in deadline order. Cancelling a sleeper's task makes its sleep throw at once.
///
/// ```swift
/// let clock = ManualClock()
/// let timer = Task { try await clock.sleep(milliseconds: 150) }
/// await clock.advance(by: 149)   // still asleep
/// await clock.advance(by: 1)     // resumes
/// ```
public final class ManualClock: BrowserClock {
    private struct Sleeper {
        var id: Int
        var deadline: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = 0
        var nextID = 0
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    /// A clock at time 0.
    public init() {}

    /// Milliseconds advanced so far.
    public var now: Int { state.withLock { $0.now } }

    /// Tasks asleep on this clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(milliseconds: Int) async throws {
        let id = state.withLock { s -> Int in s.nextID += 1; return s.nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = state.withLock { s in
                    if s.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if milliseconds <= 0 { return .success(()) }
                    s.sleepers.append(Sleeper(id: id, deadline: s.now + milliseconds, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { s in
                if let index = s.sleepers.firstIndex(where: { $0.id == id }) { return s.sleepers.remove(at: index) }
                s.cancelled.insert(id)   // cancelled before it went to sleep
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come, earliest first. Then
    /// yields a few times so that the woken tasks can run their next steps before the test looks.
    public func advance(by milliseconds: Int) async {
        let due: [Sleeper] = state.withLock { s in
            s.now += max(0, milliseconds)
            let now = s.now
            let due = s.sleepers.filter { $0.deadline <= now }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            s.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
        for _ in 0..<10 { await Task.yield() }
    }
}
