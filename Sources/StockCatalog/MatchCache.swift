import Foundation

/// Recent FTS5 results (rows per expression), so that toggling facets or paging through the same
/// query does not run the text match again. Bounded by the number of rows it holds.
final class MatchCache: @unchecked Sendable {
    // @unchecked: guarded by the lock.
    private var entries: [(key: String, rows: [UInt32])] = []
    private var heldRows = 0
    private let lock = NSLock()
    /// Row numbers it may hold; 4,000,000 is about 16 MB. Zero turns the cache off (benchmarks).
    let capacity: Int

    init(capacity: Int = 4_000_000) { self.capacity = capacity }

    func rows(for key: String) -> [UInt32]? {
        lock.withLock {
            guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: i)
            entries.append(entry)
            return entry.rows
        }
    }

    func store(_ rows: [UInt32], for key: String) {
        guard capacity > 0, rows.count <= capacity / 2 else { return }
        lock.withLock {
            entries.append((key, rows))
            heldRows += rows.count
            while heldRows > capacity, !entries.isEmpty {
                heldRows -= entries.removeFirst().rows.count
            }
        }
    }
}
