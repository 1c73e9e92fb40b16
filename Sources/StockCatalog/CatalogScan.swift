import StockCore

/// One pass over the candidate rows: applies the constraints, fills the facet counters, counts the
/// results and keeps the rows a page needs. This is the hot loop of every local search.
struct CatalogScan {
    enum Collect {
        /// The first `count` results in row order (static quality order).
        case firstInRowOrder(count: Int)
        /// The best `count` results by a key.
        case topK(TopK, key: (Int) -> Double)
    }

    let columns: ColumnStore
    let plan: QueryPlan
    let facets: FacetTables

    struct Outcome {
        var total = 0
        var counts: FacetTables.Counts
        /// Results in row order, when collecting in row order.
        var firstRows: [UInt32] = []
        /// How many candidate rows came before the last kept one (for ranking decisions).
        var candidatesBeforeLastKept = 0
        var top: [TopK.Entry] = []
    }

    /// Scans `candidates` (rows, ascending) or, when nil, every row.
    func run(candidates: UnsafeBufferPointer<UInt32>?, collect: Collect) -> Outcome {
        var out = Outcome(counts: .init(categoryCount: facets.category.count - 1))
        guard !plan.constraints.impossible else { return out }
        let c = columns
        let constraints = plan.constraints
        let residual = plan.residual
        let f = facets
        var firstLimit = 0
        var heap: TopK?
        var keyOf: ((Int) -> Double)?
        switch collect {
        case .firstInRowOrder(let n): firstLimit = n; out.firstRows.reserveCapacity(min(n, 1 << 16))
        case .topK(let t, let key): heap = t; keyOf = key
        }
        let noCategorySlot = f.category.count - 1
        var position = 0

        @inline(__always) func visit(_ row: Int) {
            position += 1
            guard constraints.matches(row, c) else { return }
            if !residual.isEmpty, !residual.allSatisfy({ $0.matches(row, c) }) { return }
            let kind = Int(c.kind[row]), orient = Int(c.orientation[row]), level = Int(c.premium[row])
            let res = c.resolution[row], licenses = c.licenses[row]
            let cat16 = c.category[row]
            let cat = cat16 == ColumnStore.noCategory ? noCategorySlot : Int(cat16)
            let is4K = res == 3 && c.kind[row] == CatalogCodes.video
            var fails = 0, failed = -1
            if !f.kind[kind] { fails += 1; failed = 0 }
            if !f.orientation[orient] { fails += 1; failed = 1 }
            if f.only4K && !is4K { fails += 1; failed = 2 }
            if !f.premium[level] { fails += 1; failed = 3 }
            if res < f.minResolution { fails += 1; failed = 4 }
            if !f.category[cat] { fails += 1; failed = 5 }
            if f.licenseMask != 0 && licenses & f.licenseMask == 0 { fails += 1; failed = 6 }
            if fails > 1 { return }
            let all = fails == 0
            if all || failed == 0 { out.counts.kind[kind] += 1 }
            if all || failed == 1 { out.counts.orientation[orient] += 1 }
            if (all || failed == 2) && is4K { out.counts.fourK += 1 }
            if all || failed == 3 { out.counts.premium[level] += 1 }
            if all || failed == 4 { out.counts.resolution[Int(res)] += 1 }
            if all || failed == 5 { out.counts.category[cat] += 1 }
            if all || failed == 6 {
                var bits = licenses, i = 0
                while bits != 0 { if bits & 1 != 0 { out.counts.license[i] += 1 }; bits >>= 1; i += 1 }
            }
            guard all else { return }
            out.total += 1
            if out.firstRows.count < firstLimit {
                out.firstRows.append(UInt32(row))
                out.candidatesBeforeLastKept = position
            } else if heap != nil {
                heap!.offer(.init(key: keyOf!(row), id: c.id[row], row: UInt32(row)))
            }
        }

        if let candidates {
            for r in candidates { visit(Int(r)) }
        } else {
            for r in 0..<c.count { visit(r) }
        }
        if let heap { out.top = heap.sorted() }
        return out
    }
}
