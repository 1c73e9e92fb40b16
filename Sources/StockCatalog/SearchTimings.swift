/// Where one local search spent its time, phase by phase (`LocalCatalog.search(_:timings:)`).
///
/// For the speed work on large catalogs: `STOCKTERM_SEARCH_LOG=FILE` makes the program write one
/// line per search with these figures (docs/benchmarks.md).
public struct SearchTimings: Sendable, Equatable {
    /// Parsing the plan and reading residual text matches.
    public var compile: Duration = .zero
    /// The driving FTS5 match: every matching row, in rowid order (zero when the match cache had it).
    public var match: Duration = .zero
    /// Rows the driving match yielded (zero for a query without text).
    public var matchedRows = 0
    /// Whether the driving match came from the match cache.
    public var matchCached = false
    /// The pass over the candidates: constraints, facet counts, the rows a page needs.
    public var scan: Duration = .zero
    /// bm25 of the ranking window, with `frequencyWait`.
    public var rank: Duration = .zero
    /// The part of `rank` spent waiting for the document frequencies, looked up beside the match.
    public var frequencyWait: Duration = .zero
    /// Reading and decoding the page's assets from the catalog file.
    public var page: Duration = .zero

    public init() {}

    /// The whole search.
    public var total: Duration { compile + match + scan + rank + page }

    /// One line: "total 41.2 ms: compile 0.1, match 30.5 (98,112 rows), scan 2.0, rank 7.9, page 0.7".
    public var summary: String {
        func ms(_ d: Duration) -> String {
            let value = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
            return String(format: "%.1f", value)
        }
        let rows = matchCached ? "\(matchedRows) rows, cached" : "\(matchedRows) rows"
        return "total \(ms(total)) ms: compile \(ms(compile)), match \(ms(match)) (\(rows)), scan \(ms(scan)), "
            + "rank \(ms(rank)) (waited \(ms(frequencyWait)) for frequencies), page \(ms(page))"
    }
}

import Foundation
