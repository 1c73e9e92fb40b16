import Dispatch
import Foundation
import GRDB

/// Document frequencies for bm25, looked up on a second connection while the search's match runs
/// on the first, and remembered per phrase.
///
/// Reading a term's document frequency from `fts5vocab` walks the term's whole doclist (about
/// 75 ns a document here: 5 ms for "city" on a million assets), as long as matching it does. The
/// two are independent, so on two cores the frequencies come for free while the match runs; a
/// phrase seen before (paging, a facet toggle, going back to a query) costs nothing at all.
///
/// ```swift
/// let pending = lane.start(rankedExpression)   // before the match
/// // … match and scan on the caller's connection …
/// let frequencies = try pending.wait()          // then score the ranking window
/// ```
final class FrequencyLane: @unchecked Sendable {
    // @unchecked: `known` is guarded by the lock; the queue serialises the connection.
    private let database: DatabaseQueue
    private let queue = DispatchQueue(label: "stockterm.catalog.frequencies", qos: .userInitiated)
    private var known: [String: Double] = [:]
    private var lookupCount = 0
    private let lock = NSLock()
    /// Phrases remembered; past it the memory starts afresh (a phrase costs about 100 bytes).
    static let capacity = 20_000

    /// A lane reading from `database`, a connection of its own.
    init(database: DatabaseQueue) {
        self.database = database
    }

    /// Starts looking up the frequencies of `expression`'s phrases, in FTS5's phrase order.
    func start(_ expression: String) -> Pending {
        let pending = Pending()
        let phrases = PhraseStatistics.phrases(in: expression)
        if let all = remembered(phrases) {
            pending.finish(.success(all))
            return pending
        }
        queue.async { [self] in
            pending.finish(Result {
                let values = try database.read { db in try PhraseStatistics.documentFrequencies(db, phrases: phrases) }
                remember(phrases, values)
                return values
            })
        }
        return pending
    }

    /// How many times the lane has read frequencies from the index (not from memory).
    var lookups: Int { lock.withLock { lookupCount } }

    private func key(_ phrase: (String, Bool)) -> String { phrase.1 ? phrase.0 + "*" : phrase.0 }

    private func remembered(_ phrases: [(String, Bool)]) -> [Double]? {
        lock.withLock {
            var out: [Double] = []
            out.reserveCapacity(phrases.count)
            for phrase in phrases {
                guard let value = known[key(phrase)] else { return nil }
                out.append(value)
            }
            return out
        }
    }

    private func remember(_ phrases: [(String, Bool)], _ values: [Double]) {
        lock.withLock {
            lookupCount += 1
            if known.count + phrases.count > Self.capacity { known.removeAll(keepingCapacity: true) }
            for (phrase, value) in zip(phrases, values) { known[key(phrase)] = value }
        }
    }

    /// Frequencies on their way: `wait()` blocks until they are there.
    final class Pending: @unchecked Sendable {
        // @unchecked: `result` is written once before the semaphore is signalled, read after.
        private var result: Result<[Double], any Error>?
        private let ready = DispatchSemaphore(value: 0)
        private var waited = false

        fileprivate func finish(_ result: Result<[Double], any Error>) {
            self.result = result
            ready.signal()
        }

        /// The frequencies, once looked up (at once when they were remembered).
        func wait() throws -> [Double] {
            if !waited {
                ready.wait()
                waited = true
            }
            return try result!.get()
        }
    }
}
