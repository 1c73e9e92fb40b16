import Dispatch
import Synchronization

/// A serial queue for catalog work, so that searches (up to tens of milliseconds on a million
/// assets) never hold one of Swift concurrency's few cooperative threads.
///
/// Cancellation is real but coarse: a job whose task is cancelled while it waits in the queue
/// never runs (it throws `CancellationError`); a job already running finishes, and its result is
/// thrown away by the caller. Typing fast therefore costs at most one search, not one per key.
///
/// ```swift
/// let worker = CatalogWorker(label: "catalog")
/// let page = try await worker.run { try catalog.search(request) }
/// ```
public final class CatalogWorker: Sendable {
    private let queue: DispatchQueue

    /// A worker with its own serial queue.
    public init(label: String = "stockterm.catalog") {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `work` on the queue and returns its result; throws `CancellationError` if the calling
    /// task is cancelled before the job starts.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let flag = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                queue.async {
                    if flag.isCancelled {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    continuation.resume(with: Result { try work() })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }
}

/// A flag set from the cancellation handler and read on the worker queue.
private final class CancelFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isCancelled: Bool { value.load(ordering: .acquiring) }
    func cancel() { value.store(true, ordering: .releasing) }
}
