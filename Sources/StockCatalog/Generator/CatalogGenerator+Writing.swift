import Foundation
import StockCore

extension CatalogGenerator {
    /// Assets per unit of parallel work.
    static let chunkSize = 2048

    /// Writes assets `0..<count` as JSON Lines to `handle`, generating on every core and keeping
    /// the order. The bytes depend only on the seed and the count.
    ///
    /// ```swift
    /// try CatalogGenerator(seed: 1).write(count: 5000, to: FileHandle.standardOutput)
    /// ```
    public func write(count: Int, to handle: FileHandle) throws {
        try write(count: count) { bytes in try handle.write(contentsOf: bytes) }
    }

    /// Writes assets `start..<start + count` as JSON Lines, handing the bytes to `sink` in order,
    /// in pieces of about 4 MB; the sink is called on the calling thread only.
    ///
    /// ```swift
    /// var data = Data()
    /// CatalogGenerator(seed: 7).write(count: 100) { data.append(contentsOf: $0) }
    /// ```
    public func write(count: Int, startingAt start: Int = 0, into sink: ([UInt8]) throws -> Void) rethrows {
        precondition(count >= 0 && start >= 0, "count and start must not be negative")
        let end = start + count
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let batchSize = workers * 2 * Self.chunkSize
        // While the workers make batch n + 1, this thread hands batch n to the sink.
        var pending: ChunkSlots?
        var batchStart = start
        while batchStart < end {
            let batch = ChunkSlots(count: (min(batchStart + batchSize, end) - batchStart + Self.chunkSize - 1) / Self.chunkSize)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { [self, batchStart] in
                fill(batch, from: batchStart, end: end)
            }
            defer { group.wait() }  // also when the sink throws
            if let pending { for chunk in 0..<pending.count { try sink(pending.take(chunk)) } }
            group.wait()
            pending = batch
            batchStart += batchSize
        }
        if let pending { for chunk in 0..<pending.count { try sink(pending.take(chunk)) } }
    }

    /// Generates and writes the chunks of one batch on every core.
    private func fill(_ batch: ChunkSlots, from batchStart: Int, end: Int) {
        DispatchQueue.concurrentPerform(iterations: batch.count) { chunk in
            let lo = batchStart + chunk * Self.chunkSize
            let hi = min(lo + Self.chunkSize, end)
            var bytes: [UInt8] = []
            bytes.reserveCapacity((hi - lo) * 2600)
            for index in lo..<hi { AssetJSONLWriter.append(asset(at: index), to: &bytes) }
            batch.store(bytes, at: chunk)
        }
    }
}

/// One slot per chunk of a batch; each worker writes only its own slot, and the slots are read
/// after the batch's group has finished, so no two threads ever touch the same memory at once.
private final class ChunkSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[UInt8]>
    var count: Int { slots.count }

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ bytes: [UInt8], at index: Int) { slots[index] = bytes }

    func take(_ index: Int) -> [UInt8] {
        let bytes = slots[index]
        slots[index] = []
        return bytes
    }
}
