import StockCore

/// One pass over the candidate rows: applies the constraints, fills the facet counters, counts the
/// results and keeps the rows a page needs. This is the hot loop of every local search, written
/// over raw pointers and byte tables (`ScanTables`): a few nanoseconds per row.
struct CatalogScan {
    enum Collect {
        /// The first `count` results in row order (static quality order).
        case firstInRowOrder(count: Int)
        /// The best `count` results by a key.
        case topK(TopK, key: (Int) -> Double)
    }

    let columns: ColumnStore
    let tables: ScanTables
    /// Rows that pass the residual predicates, when the query has any.
    let residual: RowBitset?
    let categorySlots: Int

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
        var out = Outcome(counts: .init(categoryCount: categorySlots - 1))
        var firstLimit = 0
        var heap: TopK?
        var keyOf: ((Int) -> Double)?
        switch collect {
        case .firstInRowOrder(let n): firstLimit = n
        case .topK(let t, let key): heap = t; keyOf = key
        }
        var first = [UInt32](repeating: 0, count: firstLimit)
        var firstCount = 0, lastKeptPosition = 0, total = 0

        // Counters: kind 8, orientation 8, premium 8, resolution 4, license 8, 4k 1, categories.
        let counterCount = 37 + categorySlots
        let counters = UnsafeMutablePointer<Int>.allocate(capacity: counterCount)
        counters.initialize(repeating: 0, count: counterCount)
        defer { counters.deallocate() }
        let cKind = counters, cOrient = counters + 8, cPremium = counters + 16, cRes = counters + 24
        let cLicense = counters + 28, cFourK = counters + 36, cCategory = counters + 37

        let c = columns
        let kindCol = c.kind, orientCol = c.orientation, premCol = c.premium, resCol = c.resolution
        let licCol = c.licenses, flagCol = c.flags, camCol = c.camera, compCol = c.composition, catCol = c.category
        let noCategory = categorySlots - 1
        let video = CatalogCodes.video
        let t = tables

        t.okKind.withUnsafeBufferPointer { okKind in
        t.okOrientation.withUnsafeBufferPointer { okOrient in
        t.okPremium.withUnsafeBufferPointer { okPrem in
        t.okResolution.withUnsafeBufferPointer { okRes in
        t.okLicense.withUnsafeBufferPointer { okLic in
        t.okFlags.withUnsafeBufferPointer { okFlags in
        t.okCamera.withUnsafeBufferPointer { okCam in
        t.okComposition.withUnsafeBufferPointer { okComp in
        t.okCategory.withUnsafeBufferPointer { okCat in
        t.failKind.withUnsafeBufferPointer { failKind in
        t.failOrientation.withUnsafeBufferPointer { failOrient in
        t.failPremium.withUnsafeBufferPointer { failPrem in
        t.failResolution.withUnsafeBufferPointer { failRes in
        t.failLicense.withUnsafeBufferPointer { failLic in
        t.failCategory.withUnsafeBufferPointer { failCat in
        first.withUnsafeMutableBufferPointer { firstBuffer in
            let facet4K = t.facet4K
            let ranges = t.ranges
            var position = 0
            @inline(__always) func visit(_ row: Int) {
                position &+= 1
                let k = Int(kindCol[row]), o = Int(orientCol[row]), p = Int(premCol[row]), r = Int(resCol[row])
                let l = Int(licCol[row]), cat16 = catCol[row]
                let cat = cat16 == ColumnStore.noCategory ? noCategory : Int(cat16)
                let ok = okKind[k] & okOrient[o] & okPrem[p] & okRes[r] & okLic[l] & okFlags[Int(flagCol[row])]
                    & okCam[Int(camCol[row])] & okComp[Int(compCol[row])] & okCat[cat]
                guard ok != 0 else { return }
                if let ranges, !ranges.matches(row, c) { return }
                if let residual, !residual.contains(row) { return }
                let is4K = r == 3 && kindCol[row] == video
                var fail = failKind[k] | failOrient[o] | failPrem[p] | failRes[r] | failLic[l] | failCat[cat]
                if facet4K && !is4K { fail |= ScanTables.groupFourK }
                if fail == 0 {
                    cKind[k] += 1; cOrient[o] += 1; cPremium[p] += 1; cRes[r] += 1; cCategory[cat] += 1
                    if is4K { cFourK[0] += 1 }
                    var bits = l, i = 0
                    while bits != 0 { if bits & 1 != 0 { cLicense[i] += 1 }; bits >>= 1; i += 1 }
                    total += 1
                    if firstCount < firstLimit {
                        firstBuffer[firstCount] = UInt32(row)
                        firstCount += 1
                        lastKeptPosition = position
                    } else if heap != nil {
                        heap!.offer(.init(key: keyOf!(row), id: c.id[row], row: UInt32(row)))
                    }
                    return
                }
                guard fail & (fail &- 1) == 0 else { return }
                switch fail {
                case ScanTables.groupType: cKind[k] += 1
                case ScanTables.groupOrientation: cOrient[o] += 1
                case ScanTables.groupFourK: break // 4k counts only 4k rows, and this row is not one
                case ScanTables.groupPremium: cPremium[p] += 1
                case ScanTables.groupResolution: cRes[r] += 1
                case ScanTables.groupCategory: cCategory[cat] += 1
                default:
                    var bits = l, i = 0
                    while bits != 0 { if bits & 1 != 0 { cLicense[i] += 1 }; bits >>= 1; i += 1 }
                }
            }
            if let candidates {
                for row in candidates { visit(Int(row)) }
            } else {
                for row in 0..<c.count { visit(row) }
            }
        }}}}}}}}}}}}}}}}

        out.total = total
        out.firstRows = Array(first.prefix(firstCount))
        out.candidatesBeforeLastKept = lastKeptPosition
        if let heap { out.top = heap.sorted() }
        for i in 0..<AssetKind.allCases.count { out.counts.kind[i] = cKind[i] }
        for i in 0..<Orientation.allCases.count { out.counts.orientation[i] = cOrient[i] }
        for i in 0..<5 { out.counts.premium[i] = cPremium[i] }
        for i in 0..<4 { out.counts.resolution[i] = cRes[i] }
        for i in 0..<LicenseType.allCases.count { out.counts.license[i] = cLicense[i] }
        out.counts.fourK = cFourK[0]
        for i in 0..<categorySlots { out.counts.category[i] = cCategory[i] }
        return out
    }
}
