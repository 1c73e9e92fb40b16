import Foundation
import GRDB
import StockCore
import Testing
@testable import StockCatalog

/// `stockrank` is FTS5's bm25 with the document frequencies passed in: for a single word the
/// scores must be the same numbers.
@Suite struct StockRankTests {
    @Test(arguments: ["lake", "город", "қала", "winter", "aerial"])
    func scoresEqualFTS5Bm25ForASingleWord(word: String) throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 700, seed: 5))
        defer { test.remove() }
        let expression = "\(CatalogSchema.textColumns) : (\(QueryCompiler.quote(word)))"
        let pairs = try test.catalog.database.read { db -> [(Double, Double)] in
            let df = try PhraseStatistics.documentFrequencies(db, expression: expression)
            #expect(df.count == 1)
            let sql = "SELECT \(CatalogSchema.bm25), stockrank(asset_fts, \(df[0])) FROM asset_fts WHERE asset_fts MATCH ?"
            return try Row.fetchAll(db, sql: sql, arguments: [expression]).map { ($0[0] as Double, $0[1] as Double) }
        }
        #expect(pairs.count > 10)
        for (builtin, ours) in pairs {
            #expect(abs(builtin - ours) < 1e-9 * max(1, abs(builtin)), "\(builtin) vs \(ours)")
        }
    }

    @Test func phrasesAreFoundInExpressionOrder() {
        let phrases = PhraseStatistics.phrases(in: #"{title} : (("car" OR "ма""шина") AND NEAR("lake" "ice", 2) AND "dron"*)"#)
        #expect(phrases.map(\.0) == ["car", "ма\"шина", "lake", "ice", "dron"])
        #expect(phrases.map(\.1) == [false, false, false, false, true])
    }

    @Test func tokensFoldLikeUnicode61() {
        #expect(PhraseStatistics.tokens("Café Байкал-Лёд") == ["cafe", "байкал", "лёд"])
    }
}
