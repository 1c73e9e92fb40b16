import Foundation
import GRDB
import StockCore

/// Builds the search index of a catalog file: an FTS5 table in SQLite (`index.sqlite`) and the
/// column file (`columns.bin`), written into a fresh folder that replaces the old one only when
/// complete, so that a crash or a concurrent build never leaves a half-written index in use.
struct CatalogIndexBuilder {
    /// Bumped whenever the index layout changes, so that old indexes are rebuilt.
    static let formatVersion = 4

    let source: URL
    let directory: URL

    struct Outcome {
        var assetCount: Int
        var errors: [CatalogLineError]
        /// Seconds spent in each phase, in order.
        var phases: [(IndexBuildProgress.Phase, Double)] = []
    }

    /// The source's identity: an index is reused while these stay the same.
    struct SourceStamp: Equatable {
        var path: String
        var size: Int64
        var modified: Int64

        init(of url: URL) throws {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let attributes: [FileAttributeKey: Any]
            do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
                throw StockCatalogError.unreadable(path: url.path, reason: "no such file")
            }
            self.path = path
            size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let date = attributes[.modificationDate] as? Date ?? .distantPast
            modified = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        }

        init(path: String, size: Int64, modified: Int64) { self.path = path; self.size = size; self.modified = modified }
    }

    func build(observer: IndexBuildObserver? = nil) throws -> Outcome {
        var clock = PhaseClock()
        let stamp = try SourceStamp(of: source)
        var parsed = try CatalogSourceReader(url: source).parse { done, total in
            observer?(IndexBuildProgress(phase: .reading, done: done, total: total))
        }
        // A repeated id keeps its first line; the later ones are reported.
        var firstLine: [Int64: Int] = [:]
        firstLine.reserveCapacity(parsed.records.count)
        var unique: [IndexRecord] = []
        unique.reserveCapacity(parsed.records.count)
        for record in parsed.records {
            if let first = firstLine[record.id] {
                parsed.errors.append(CatalogLineError(line: record.line,
                                                      reason: "duplicate id \(record.id) (first on line \(first))"))
            } else {
                firstLine[record.id] = record.line
                unique.append(record)
            }
        }
        parsed.errors.sort { $0.line < $1.line }
        clock.lap(.reading)
        guard !unique.isEmpty else {
            if parsed.errors.isEmpty { throw StockCatalogError.empty(path: source.path) }
            return Outcome(assetCount: 0, errors: parsed.errors)
        }
        // Static quality order: most popular first, then by id. Rowid = position + 1.
        unique.sort { $0.popularity != $1.popularity ? $0.popularity > $1.popularity : $0.id < $1.id }

        let fm = FileManager.default
        try fm.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            let categories = try writeDatabase(unique, stamp: stamp, skipped: parsed.errors.count,
                                               to: staging.appendingPathComponent("index.sqlite"), observer: observer, clock: &clock)
            try ColumnFileWriter.write(unique, categories: categories, to: staging.appendingPathComponent("columns.bin"))
            clock.lap(.columns)
            try? fm.removeItem(at: directory)
            try fm.moveItem(at: staging, to: directory)
        } catch {
            try? fm.removeItem(at: staging)
            // Another process finished the same build first: use theirs.
            if fm.fileExists(atPath: directory.appendingPathComponent("columns.bin").path) {
                return Outcome(assetCount: unique.count, errors: parsed.errors)
            }
            throw error
        }
        return Outcome(assetCount: unique.count, errors: parsed.errors, phases: clock.laps)
    }

    /// Writes the FTS table, the categories and the metadata; returns the category slugs in index order.
    private func writeDatabase(_ records: [IndexRecord], stamp: SourceStamp, skipped: Int, to url: URL,
                               observer: IndexBuildObserver?, clock: inout PhaseClock) throws -> [String] {
        var config = Configuration()
        config.journalMode = .default
        let queue = try DatabaseQueue(path: url.path, configuration: config)
        let categories = Array(Set(records.compactMap(\.categorySlug))).sorted()
        let categoryCounts = Dictionary(records.compactMap(\.categorySlug).map { ($0, 1) }, uniquingKeysWith: +)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")
            try db.inTransaction {
                try CatalogSchema.create(db)
                let insert = try FTSInsert(db)
                for (i, r) in records.enumerated() {
                    try insert.insert(rowid: i + 1, r.title, r.keywords, r.description, r.tags)
                    if i % 20_000 == 0 { observer?(IndexBuildProgress(phase: .indexing, done: i, total: records.count)) }
                }
                for (i, slug) in categories.enumerated() {
                    try db.execute(sql: "INSERT INTO category(idx, slug, count) VALUES (?, ?, ?)", arguments: [i, slug, categoryCounts[slug] ?? 0])
                }
                let meta: [(String, DatabaseValueConvertible)] = [
                    ("formatVersion", Self.formatVersion), ("sourcePath", stamp.path), ("sourceSize", stamp.size),
                    ("sourceModified", stamp.modified), ("assetCount", records.count), ("skippedLines", skipped),
                ]
                for (key, value) in meta {
                    try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
                }
                return .commit
            }
            clock.lap(.indexing)
            observer?(IndexBuildProgress(phase: .optimizing, done: records.count, total: records.count))
            // One merged b-tree per term makes every later query faster.
            try db.execute(sql: "INSERT INTO asset_fts(asset_fts) VALUES ('optimize')")
            clock.lap(.optimizing)
        }
        try queue.close()
        return categories
    }
}

/// Wall-clock time per build phase, for the import summary and the benchmarks.
struct PhaseClock {
    private var last = Date()
    private(set) var laps: [(IndexBuildProgress.Phase, Double)] = []

    mutating func lap(_ phase: IndexBuildProgress.Phase) {
        let now = Date()
        laps.append((phase, now.timeIntervalSince(last)))
        last = now
    }
}
