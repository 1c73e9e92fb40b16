import Foundation
import GRDB
import StockCore
#if canImport(Glibc)
import Glibc
#endif

/// A catalog file opened for searching: its FTS5 index, its column file, and the file itself,
/// from which the full assets are read when shown.
///
/// ```swift
/// let (catalog, _) = try LocalCatalog.open(source: URL(fileURLWithPath: "demo.jsonl"))
/// let page = try catalog.search(SearchRequest(query: try QueryParser.parse("baikal type:video")))
/// ```
/// The index is built on first use into the cache directory and reused while the source file's
/// path, size and modification time stay the same. Thread-safe.
public final class LocalCatalog: @unchecked Sendable {
    // @unchecked: every stored property is immutable or internally synchronised (DatabaseQueue,
    // MatchCache); the column store is a read-only mapping.

    public let source: URL
    public let assetCount: Int
    let columns: ColumnStore
    let database: DatabaseQueue
    let categories: CategoryIndex
    private let categoryCounts: [Int]
    private let synonyms: @Sendable (String) -> [[String]]
    private let fileDescriptor: Int32
    let cache: MatchCache
    /// bm25's document frequencies, on a second connection beside the match.
    let frequencyLane: FrequencyLane

    /// How many assets rank by bm25 before the rest follow in quality order.
    public static let rankingWindow = 240

    /// Opens the catalog at `source`, building its index first when there is none or it is stale.
    /// Returns the build's outcome when one ran (with the lines it skipped), else nil.
    public static func open(source: URL, cacheDirectory: URL = CatalogPaths.cacheDirectory,
                            synonyms: @escaping @Sendable (String) -> [[String]] = { _ in [] },
                            forceRebuild: Bool = false,
                            matchCacheRows: Int = 4_000_000,
                            observer: IndexBuildObserver? = nil) throws -> (LocalCatalog, IndexBuildOutcome?) {
        let directory = CatalogPaths.indexDirectory(for: source, cacheDirectory: cacheDirectory)
        let stamp = try CatalogIndexBuilder.SourceStamp(of: source)
        if !forceRebuild, let catalog = try? LocalCatalog(source: source, directory: directory, expected: stamp, synonyms: synonyms, cacheRows: matchCacheRows) {
            return (catalog, nil)
        }
        let outcome = try CatalogIndexBuilder(source: source, directory: directory).build(observer: observer)
        guard outcome.assetCount > 0 else {
            throw IndexBuildOutcome.NoValidAsset(errors: outcome.errors, path: source.path)
        }
        let catalog = try LocalCatalog(source: source, directory: directory, expected: stamp, synonyms: synonyms, cacheRows: matchCacheRows)
        return (catalog, IndexBuildOutcome(assetCount: outcome.assetCount, errors: outcome.errors, phases: outcome.phases))
    }

    private init(source: URL, directory: URL, expected: CatalogIndexBuilder.SourceStamp,
                 synonyms: @escaping @Sendable (String) -> [[String]], cacheRows: Int) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "catalog-index"
        config.prepareDatabase { db in
            // Map the index instead of reading it page by page through system calls, and keep a
            // generous page cache: a search touches doclists and bm25's per-document sizes.
            try db.execute(sql: "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536")
            StockRank.register(db)
        }
        let dbURL = directory.appendingPathComponent("index.sqlite")
        guard FileManager.default.fileExists(atPath: dbURL.path) else { throw StockCatalogError.indexCorrupt("no index") }
        database = try DatabaseQueue(path: dbURL.path, configuration: config)
        frequencyLane = FrequencyLane(database: try DatabaseQueue(path: dbURL.path, configuration: config))
        let (meta, cats) = try database.read { db -> ([String: DatabaseValue], [(String, Int)]) in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
            let meta = Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["value"] as DatabaseValue) })
            let cats = try Row.fetchAll(db, sql: "SELECT slug, count FROM category ORDER BY idx").map { ($0["slug"] as String, $0["count"] as Int) }
            return (meta, cats)
        }
        guard Int.fromDatabaseValue(meta["formatVersion"] ?? .null) == CatalogIndexBuilder.formatVersion,
              String.fromDatabaseValue(meta["sourcePath"] ?? .null) == expected.path,
              Int64.fromDatabaseValue(meta["sourceSize"] ?? .null) == expected.size,
              Int64.fromDatabaseValue(meta["sourceModified"] ?? .null) == expected.modified,
              let count = Int.fromDatabaseValue(meta["assetCount"] ?? .null) else {
            throw StockCatalogError.indexCorrupt("stale")
        }
        columns = try ColumnStore(contentsOf: directory.appendingPathComponent("columns.bin"))
        guard columns.count == count else { throw StockCatalogError.indexCorrupt("row counts differ") }
        let fd = Glibc.open(source.path, O_RDONLY)
        guard fd >= 0 else { throw StockCatalogError.unreadable(path: source.path, reason: String(cString: strerror(errno))) }
        self.source = source
        fileDescriptor = fd
        assetCount = count
        categories = CategoryIndex(slugs: cats.map(\.0))
        categoryCounts = cats.map(\.1)
        self.synonyms = synonyms
        cache = MatchCache(capacity: cacheRows)
    }

    deinit { close(fileDescriptor) }

    /// The categories of the catalog with their sizes, by slug.
    public func categoryList() -> [StockCore.Category] {
        zip(categories.slugs, categoryCounts).map { Category(slug: $0, name: CategoryNames.name(for: $0), count: $1) }
    }

    /// Reads and decodes the asset in `row` from the source file.
    func asset(atRow row: Int) throws -> Asset {
        let length = Int(columns.lineLength[row])
        var buffer = [UInt8](repeating: 0, count: length)
        let read = buffer.withUnsafeMutableBytes { pread(fileDescriptor, $0.baseAddress, length, off_t(columns.lineOffset[row])) }
        guard read == length else { throw StockError.storage("catalog file changed since it was indexed; run again to re-index") }
        do {
            return try buffer.withUnsafeBytes { try Asset(jsonLine: $0) }
        } catch {
            throw StockError.storage("catalog file changed since it was indexed; run again to re-index")
        }
    }

    /// One asset by id.
    public func asset(id: AssetID) throws -> Asset {
        guard let row = columns.row(of: id) else { throw StockError.notFound(id) }
        return try asset(atRow: row)
    }

    /// Several assets by id, in the order asked; unknown ids are listed apart.
    public func assets(ids: [AssetID]) throws -> AssetLookup {
        var found: [Asset] = [], missing: [AssetID] = []
        for id in ids {
            if let row = columns.row(of: id) { found.append(try asset(atRow: row)) } else { missing.append(id) }
        }
        return AssetLookup(assets: found, unavailable: missing)
    }

    /// Rows (FTS5 rowid − 1) matching an expression, ascending, through the cache.
    func rowsMatching(_ expression: String) throws -> [UInt32] {
        if let hit = cache.rows(for: expression) { return hit }
        let rows: [UInt32]
        rows = try database.read { db in try FTSRowReader.rows(db, matching: expression) }
        cache.store(rows, for: expression)
        return rows
    }

    func synonymsOf(_ term: String) -> [[String]] { synonyms(term) }
}

/// What an index build did: how many assets it indexed and which lines it skipped.
public struct IndexBuildOutcome: Sendable {
    public var assetCount: Int
    public var errors: [CatalogLineError]
    /// Seconds spent in each phase of the build, in order.
    public var phases: [(IndexBuildProgress.Phase, Double)] = []

    /// Raised when a catalog has lines but none of them is a valid asset.
    public struct NoValidAsset: Error, Sendable, CustomStringConvertible {
        public var errors: [CatalogLineError]
        public var path: String
        public var description: String { "catalog \(path) holds no valid asset (\(errors.count) bad line\(errors.count == 1 ? "" : "s"))" }
    }
}
