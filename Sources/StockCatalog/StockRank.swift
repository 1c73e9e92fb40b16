import Foundation
import GRDB
import GRDBSQLite

/// bm25 as an FTS5 auxiliary function, `stockrank(asset_fts, df0, df1, …)`, with each phrase's
/// document frequency passed in instead of counted per query.
///
/// FTS5's built-in `bm25()` finds each phrase's document frequency by running the phrase over
/// the whole index (`xQueryPhrase`) before it scores the first row: for a term in 30 % of a
/// million assets that costs as much as the search itself. Here the frequencies come from the
/// `fts5vocab` table (one b-tree lookup per term, see `PhraseStatistics`), so scoring the ranking
/// window costs about a microsecond per row. The formula is FTS5's: k1 = 1.2, b = 0.75, column
/// weights title 10, keywords 4, description 1, tags 0; lower (more negative) is better.
enum StockRank {
    static let name = "stockrank"

    /// Registers the function on a connection.
    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
    }

    static let weights: [Double] = [10, 4, 1, 0]
}

/// The FTS5 callback: score of the current row.
private func rank(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
                  _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let api = api?.pointee else { sqlite3_result_error(context, "stockrank: no API", -1); return }
    let k1 = 1.2, b = 0.75
    var phraseCount: Int32 = 0
    phraseCount = api.xPhraseCount(fts)
    var rows: Int64 = 0
    _ = api.xRowCount(fts, &rows)
    var totalTokens: Int64 = 0
    _ = api.xColumnTotalSize(fts, -1, &totalTokens)
    let averageLength = rows > 0 ? max(Double(totalTokens) / Double(rows), 1) : 1
    var docLength: Int32 = 0
    _ = api.xColumnSize(fts, -1, &docLength)

    // Weighted frequency of each phrase in this row.
    var frequency = [Double](repeating: 0, count: Int(phraseCount))
    var instances: Int32 = 0
    _ = api.xInstCount(fts, &instances)
    for i in 0..<instances {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        guard api.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else { continue }
        let c = Int(column)
        frequency[Int(phrase)] += c < StockRank.weights.count ? StockRank.weights[c] : 1
    }
    var score = 0.0
    let norm = k1 * (1 - b + b * Double(docLength) / averageLength)
    for p in 0..<Int(phraseCount) where frequency[p] > 0 {
        // Document frequency from the caller; without one, assume the phrase is common.
        var df = Double(rows) / 2
        if Int32(p) < argc, let value = argv?[p] { df = max(0, sqlite3_value_double(value)) }
        let idf = max(log((Double(rows) - df + 0.5) / (df + 0.5)), 1e-6)
        score += idf * frequency[p] * (k1 + 1) / (frequency[p] + norm)
    }
    sqlite3_result_double(context, -score)
}
