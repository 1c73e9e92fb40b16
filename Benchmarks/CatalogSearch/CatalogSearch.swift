import Benchmark
import Foundation
import StockCatalog
import StockCore

/// Search plus every facet count on a generated catalog, with the match cache off so that each
/// iteration does the whole work. The catalog comes from `STOCKTERM_BENCH_CATALOG` (see
/// scripts/bench-catalog.sh, which makes a 1,000,000-asset one).
let benchmarks: @Sendable () -> Void = {
    let path = ProcessInfo.processInfo.environment["STOCKTERM_BENCH_CATALOG"] ?? ".build/bench/catalog-1000000.jsonl"
    let catalog: LocalCatalog
    do {
        catalog = try LocalCatalog.open(source: URL(fileURLWithPath: path), matchCacheRows: 0).0
    } catch {
        fatalError("cannot open the benchmark catalog at \(path): \(error); run scripts/bench-catalog.sh")
    }
    let requests = QueryMix.all.map { item in
        SearchRequest(query: try! QueryParser.parse(item.query), filters: item.filters, pageSize: 60)
    }
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(3), maxIterations: 400)

    // The mix: each iteration runs the next of the 20 searches, so the percentiles are over the mix.
    let next = RoundRobin()
    Benchmark("search + facets, mix of 20 queries", configuration: .init(maxDuration: .seconds(20), maxIterations: 2000)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try catalog.search(requests[next.advance() % requests.count]))
        }
    }
    for (item, request) in zip(QueryMix.all, requests) {
        Benchmark("search + facets: \(item.name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try catalog.search(request)) }
        }
    }
}

/// Which query of the mix runs next, across samples.
final class RoundRobin: @unchecked Sendable {
    // @unchecked: benchmarks run one sample at a time.
    private var value = 0
    func advance() -> Int { defer { value += 1 }; return value }
}
