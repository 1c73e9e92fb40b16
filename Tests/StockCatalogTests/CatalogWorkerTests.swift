import Foundation
import StockCatalog
import Synchronization
import Testing

/// The catalog's serial worker: results come back, and a job cancelled while it waits never runs.
@Suite struct CatalogWorkerTests {
    @Test func aJobCancelledWhileQueuedNeverRuns() async throws {
        let worker = CatalogWorker(label: "test")
        let ran = Log()
        let gate = DispatchSemaphore(value: 0)
        let blocker = Task { try await worker.run { gate.wait(); ran.add("blocker") } }
        // Let the blocker occupy the queue, then queue a job and cancel it before it can start.
        try await Task.sleep(for: .milliseconds(20))
        let queued = Task { try await worker.run { ran.add("queued") } }
        try await Task.sleep(for: .milliseconds(20))
        queued.cancel()
        try await Task.sleep(for: .milliseconds(20))
        gate.signal()
        try await blocker.value
        await #expect(throws: CancellationError.self) { try await queued.value }
        #expect(ran.names == ["blocker"])
        #expect(try await worker.run { 6 * 7 } == 42)
    }
}

private final class Log: Sendable {
    private let entries = Mutex<[String]>([])
    func add(_ name: String) { entries.withLock { $0.append(name) } }
    var names: [String] { entries.withLock { $0 } }
}
