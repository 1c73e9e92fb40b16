import Foundation
import GRDB
import StockCore
import Testing
@testable import StockCatalog

/// The search's phase timings, the frequency lane that looks up bm25's document frequencies beside
/// the match, and the search log (`STOCKTERM_SEARCH_LOG`).
@Suite struct SearchTimingsTests {
    static let synonyms = SynonymTable(tsv: "city\tгород\tқала\n")

    @Test func theLaneGivesTheSameFrequenciesAsTheIndexAndRemembersThem() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 500, seed: 11))
        defer { test.remove() }
        let expressions = [
            #"{title keywords description} : (("city" OR "город" OR "қала"))"#,
            #"{title keywords description} : ("lake") AND {title keywords description} : ("winter" OR "ночь")"#,
            #"{title keywords description} : ("dro"* AND "slow motion")"#,
        ]
        let lane = test.catalog.frequencyLane
        #expect(lane.lookups == 0)
        for expression in expressions {
            let direct = try test.catalog.database.read { try PhraseStatistics.documentFrequencies($0, expression: expression) }
            #expect(direct.contains { $0 > 0 })
            #expect(try lane.start(expression).wait() == direct)
        }
        #expect(lane.lookups == 3)
        // Seen before, in another order and combination: from memory, no new lookup.
        let again = #"{title keywords description} : ("winter" AND "city")"#
        let direct = try test.catalog.database.read { try PhraseStatistics.documentFrequencies($0, expression: again) }
        #expect(try lane.start(again).wait() == direct)
        #expect(lane.lookups == 3)
        // One new phrase among known ones: looked up.
        _ = try lane.start(#"{title} : ("winter" AND "aerial")"#).wait()
        #expect(lane.lookups == 4)
    }

    @Test func aSearchReportsItsPhasesAndTheMatchCache() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 800, seed: 12), synonyms: Self.synonyms)
        defer { test.remove() }
        let request = SearchRequest(query: try QueryParser.parse("city"), pageSize: 20)
        var first = SearchTimings()
        let page = try test.catalog.search(request, timings: &first)
        let matching = test.assets.filter { asset in
            let text = ([asset.title, asset.description] + asset.keywords).joined(separator: " ").lowercased()
            return ["city", "город", "қала"].contains { text.split(separator: " ").contains(Substring($0)) }
        }
        let expected = matching.count
        #expect(first.matchedRows == expected)
        // Free assets match the text but are hidden unless asked for.
        #expect(page.total == matching.filter { !$0.premiumLevel.isFree }.count)
        #expect(!first.matchCached)
        #expect(first.total > .zero && first.match > .zero && first.page > .zero)
        #expect(first.total == first.compile + first.match + first.scan + first.rank + first.page)

        var second = SearchTimings()
        let again = try test.catalog.search(request, timings: &second)
        #expect(second.matchCached)
        #expect(second.matchedRows == expected)
        #expect(again.items.map(\.id) == page.items.map(\.id))

        // Without text there is no match and no ranking.
        var filtersOnly = SearchTimings()
        var filters = SearchFilters()
        filters.kinds = [.video]
        _ = try test.catalog.search(SearchRequest(filters: filters), timings: &filtersOnly)
        #expect(filtersOnly.matchedRows == 0 && filtersOnly.match == .zero && filtersOnly.frequencyWait == .zero)
    }

    @Test func theSummaryReadsAsOneLine() {
        var t = SearchTimings()
        t.compile = .microseconds(100)
        t.match = .microseconds(30_500)
        t.matchedRows = 98_112
        t.scan = .milliseconds(2)
        t.rank = .microseconds(7_900)
        t.frequencyWait = .microseconds(1_200)
        t.page = .microseconds(700)
        #expect(t.summary == "total 41.2 ms: compile 0.1, match 30.5 (98112 rows), scan 2.0, rank 7.9 (waited 1.2 for frequencies), page 0.7")
        t.matchCached = true
        #expect(t.summary.contains("(98112 rows, cached)"))
    }

    @Test func theLogAppendsOneCleanLinePerSearch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("search-log-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("earlier line\n".utf8).write(to: URL(fileURLWithPath: path))
        let log = try #require(SearchLog(path: path))
        log.record(SearchRequest(query: try QueryParser.parse("\"golden\u{1B}[31m hour\" type:video"), page: 2), SearchTimings())
        log.record(SearchRequest(), SearchTimings())
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "earlier line")
        #expect(!lines[1].unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(lines[1].contains("type:video page 2 | total 0.0 ms"))
        #expect(lines[2].hasPrefix("(no query) page 1 | total"))
        #expect(SearchLog(path: nil) == nil && SearchLog(path: "") == nil)
        #expect(SearchLog(path: "/nonexistent-dir/x/log.txt") == nil)
    }
}
