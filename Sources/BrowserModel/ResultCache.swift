import StockCore

/// Recent result sets by search key, least recently used evicted first, so that going back to an
/// earlier query or filter set shows its results at once with no request.
///
/// ```swift
/// var cache = ResultCache(capacity: 16)
/// cache.store(results, for: key)
/// cache.lookup(key)   // results, and `key` is now the most recently used
/// ```
public struct ResultCache: Hashable, Sendable {
    /// One cached search.
    public struct Entry: Hashable, Sendable {
        /// The search.
        public var key: SearchKey
        /// What had been loaded for it.
        public var results: ResultSet
        /// An entry.
        public init(key: SearchKey, results: ResultSet) { self.key = key; self.results = results }
    }

    /// The most entries kept.
    public let capacity: Int
    /// Least recently used first.
    public private(set) var entries: [Entry]

    /// An empty cache holding at most `capacity` (at least 1) result sets.
    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        entries = []
    }

    /// The keys, least recently used first.
    public var keys: [SearchKey] { entries.map(\.key) }

    /// The cached results for `key` without touching the order.
    public func peek(_ key: SearchKey) -> ResultSet? {
        entries.first { $0.key == key }?.results
    }

    /// The cached results for `key`, which becomes the most recently used.
    public mutating func lookup(_ key: SearchKey) -> ResultSet? {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let entry = entries.remove(at: index)
        entries.append(entry)
        return entry.results
    }

    /// Stores (or replaces) the results for `key` as the most recently used, evicting the least
    /// recently used entry when full.
    public mutating func store(_ results: ResultSet, for key: SearchKey) {
        entries.removeAll { $0.key == key }
        entries.append(Entry(key: key, results: results))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
