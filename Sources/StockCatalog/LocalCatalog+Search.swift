import Foundation
import GRDB
import StockCore

extension LocalCatalog {
    /// Runs a search: the page of results, the exact total and every facet count.
    ///
    /// Design (see `docs/catalog.md`): rows are stored in static quality order, so the rows
    /// FTS5 yields in rowid order come best-first. One pass over the candidates counts facets from
    /// the memory-mapped columns; relevance ranks the first `rankingWindow` results by bm25 and
    /// lets the rest follow in quality order; other sorts keep a bounded heap. Ties break by id.
    public func search(_ request: SearchRequest) throws -> SearchPage {
        var timings = SearchTimings()
        return try search(request, timings: &timings)
    }

    /// The same, noting where the time went in `timings`.
    public func search(_ request: SearchRequest, timings: inout SearchTimings) throws -> SearchPage {
        let clock = ContinuousClock()
        var mark = clock.now
        /// The time since the last lap.
        func lap() -> Duration {
            let now = clock.now
            defer { mark = now }
            return now - mark
        }
        let compiler = QueryCompiler(categories: categories, rowCount: assetCount, expandSynonyms: request.expandSynonyms,
                                     synonyms: { [self] in synonymsOf($0) }, rowsMatching: { [self] in try rowsMatching($0) })
        let plan = try compiler.compile(request.query, filters: request.filters)
        let facetTables = FacetTables(plan.facets, categories: categories)
        let needed = request.offset + request.pageSize
        let rankByText = request.sort == .relevance && plan.ranked != nil
        let collect: CatalogScan.Collect
        switch (request.sort, request.order) {
        case (.relevance, _), (.popular, .desc):
            // Relevance is always best first; its order is ignored.
            collect = .firstInRowOrder(count: rankByText ? max(needed, Self.rankingWindow) : needed)
        default:
            collect = .topK(TopK(k: needed, descending: request.order == .desc), key: sortKey(request.sort))
        }

        let residual = plan.residual.isEmpty ? nil
            : plan.residual.dropFirst().reduce(plan.residual[0].rows(columns, categories: categories)) {
                $0.intersection($1.rows(columns, categories: categories))
            }
        let scan = CatalogScan(columns: columns, tables: ScanTables(constraints: plan.constraints, facets: facetTables),
                               residual: residual, categorySlots: categories.slugs.count + 1)
        // The ranking's document frequencies are looked up beside the match, on the second core.
        let frequencies = rankByText ? plan.ranked.map { frequencyLane.start($0) } : nil
        let outcome: CatalogScan.Outcome
        timings.compile = lap()
        if let driving = plan.driving {
            timings.matchCached = cache.rows(for: driving) != nil
            let rows = try rowsMatching(driving)
            timings.matchedRows = rows.count
            timings.match = lap()
            outcome = rows.withUnsafeBufferPointer { scan.run(candidates: $0, collect: collect) }
        } else {
            outcome = scan.run(candidates: nil, collect: collect)
        }
        timings.scan = lap()

        var ordered: [UInt32]
        switch collect {
        case .firstInRowOrder:
            ordered = outcome.firstRows
            if rankByText, let ranked = plan.ranked, let frequencies, !ordered.isEmpty {
                let windowCount = min(Self.rankingWindow, ordered.count)
                let window = Array(ordered[0..<windowCount])
                let started = clock.now
                let documentFrequencies = try frequencies.wait()
                timings.frequencyWait = clock.now - started
                let ranks = try bm25(ranked, frequencies: documentFrequencies, rows: window,
                                     candidatesBefore: outcome.candidatesBeforeLastKept)
                let sortedWindow = window.sorted { a, b in
                    let ra = ranks[a] ?? 0, rb = ranks[b] ?? 0
                    if ra != rb { return ra < rb } // bm25 is lower for better matches
                    return columns.id[Int(a)] < columns.id[Int(b)]
                }
                ordered.replaceSubrange(0..<windowCount, with: sortedWindow)
            }
        case .topK:
            ordered = outcome.top.map(\.row)
        }

        timings.rank = lap()
        let pageRows = ordered.dropFirst(request.offset).prefix(request.pageSize)
        let items = try pageRows.map { try asset(atRow: Int($0)) }
        timings.page = lap()
        return SearchPage(items: items, page: request.page, pageSize: request.pageSize, total: outcome.total,
                          totalIsExact: true, facets: outcome.counts.facetCounts(categories: categories))
    }

    /// bm25 of each row of `rows` for the FTS5 expression (lower is better), by `stockrank`, with
    /// its phrases' document `frequencies`.
    private func bm25(_ expression: String, frequencies: [Double], rows: [UInt32], candidatesBefore: Int) throws -> [UInt32: Double] {
        try database.read { db in
            var ranks: [UInt32: Double] = [:]
            ranks.reserveCapacity(rows.count)
            let dfArguments = frequencies.map { ", \($0)" }.joined()
            let score = "\(StockRank.name)(asset_fts\(dfArguments))"
            let wanted = Set(rows)
            let maxRowid = Int64(rows.max()! + 1)
            // When the window covers most candidates up to its last row, one range query is
            // cheapest; otherwise ask for the window's rows by id.
            let sql: String
            var arguments: StatementArguments = [expression]
            if candidatesBefore <= rows.count * 4 {
                sql = "SELECT rowid, \(score) FROM asset_fts WHERE asset_fts MATCH ? AND rowid <= ?"
                arguments += [maxRowid]
            } else {
                let list = rows.map { String($0 + 1) }.joined(separator: ",")
                sql = "SELECT rowid, \(score) FROM asset_fts WHERE asset_fts MATCH ? AND rowid IN (\(list))"
            }
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                let r = UInt32((row[0] as Int64) - 1)
                if wanted.contains(r) { ranks[r] = row[1] }
            }
            return ranks
        }
    }

    private func sortKey(_ sort: SortField) -> (Int) -> Double {
        let c = columns
        switch sort {
        case .relevance, .popular: return { Double(c.popularity[$0]) }
        case .newest: return { Double(c.created[$0]) }
        case .curated: return { Double(c.popularity[$0]) + (c.flags[$0] & ColumnStore.Flag.curated != 0 ? 1e15 : 0) }
        case .emerging: return { Double(c.emerging[$0]) }
        case .duration: return { Double(c.duration[$0]) }
        }
    }
}
