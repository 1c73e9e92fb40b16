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
        var kernel = ScanKernel(columns: columns, tables: tables, residual: residual, categorySlots: categorySlots, collect: collect)
        defer { kernel.deallocate() }
        if let candidates {
            kernel.scan(candidates.lazy.map { Int($0) })
        } else {
            kernel.scan(0..<columns.count)
        }
        return kernel.outcome(categorySlots: categorySlots)
    }
}

/// The state of one scan as plain pointers and counters, so that the loop body compiles to loads,
/// table lookups and increments with nothing retained or bounds-checked per row.
private struct ScanKernel {
    // Columns.
    let kind, orientation, premium, resolution, licenses, flags, camera, composition: UnsafePointer<UInt8>
    let category: UnsafePointer<UInt16>
    let width, height: UnsafePointer<UInt32>
    let duration: UnsafePointer<Float>
    let ids: UnsafePointer<Int64>
    // Tables, copied into one allocation.
    let storage: UnsafeMutablePointer<UInt8>
    let okKind, okOrientation, okPremium, okResolution, okLicense, okFlags, okCamera, okComposition, okCategory: UnsafeMutablePointer<UInt8>
    let failKind, failOrientation, failPremium, failResolution, failLicense, failCategory: UnsafeMutablePointer<UInt8>
    let facet4K: Bool
    let ranges: NumericBounds?
    let residual: RowBitset?
    let noCategory: Int
    // Counters: kind 8, orientation 8, premium 8, resolution 4, license 8, 4k 1, then categories.
    let counters: UnsafeMutablePointer<Int>
    // Collection.
    let firstLimit: Int
    var first: [UInt32] = []
    var lastKeptPosition = 0
    var heap: TopK?
    let keyOf: ((Int) -> Double)?
    var total = 0
    var position = 0

    init(columns c: ColumnStore, tables t: ScanTables, residual: RowBitset?, categorySlots: Int, collect: CatalogScan.Collect) {
        kind = c.kind; orientation = c.orientation; premium = c.premium; resolution = c.resolution
        licenses = c.licenses; flags = c.flags; camera = c.camera; composition = c.composition
        category = c.category; width = c.width; height = c.height; duration = c.duration; ids = c.id
        let parts: [[UInt8]] = [t.okKind, t.okOrientation, t.okPremium, t.okResolution, t.okLicense, t.okFlags, t.okCamera,
                                t.okComposition, t.okCategory, t.failKind, t.failOrientation, t.failPremium, t.failResolution,
                                t.failLicense, t.failCategory]
        storage = .allocate(capacity: parts.reduce(0) { $0 + $1.count })
        var pointers: [UnsafeMutablePointer<UInt8>] = []
        var offset = 0
        for part in parts {
            let p = storage + offset
            p.initialize(from: part, count: part.count)
            pointers.append(p)
            offset += part.count
        }
        okKind = pointers[0]; okOrientation = pointers[1]; okPremium = pointers[2]; okResolution = pointers[3]
        okLicense = pointers[4]; okFlags = pointers[5]; okCamera = pointers[6]; okComposition = pointers[7]
        okCategory = pointers[8]; failKind = pointers[9]; failOrientation = pointers[10]; failPremium = pointers[11]
        failResolution = pointers[12]; failLicense = pointers[13]; failCategory = pointers[14]
        facet4K = t.facet4K
        ranges = t.ranges
        self.residual = residual
        noCategory = categorySlots - 1
        counters = .allocate(capacity: 37 + categorySlots)
        counters.initialize(repeating: 0, count: 37 + categorySlots)
        switch collect {
        case .firstInRowOrder(let n):
            firstLimit = n; keyOf = nil
            first.reserveCapacity(min(n, 1 << 16))
        case .topK(let t, let key):
            firstLimit = 0; heap = t; keyOf = key
        }
    }

    func deallocate() {
        storage.deallocate()
        counters.deallocate()
    }

    mutating func scan<Rows: Sequence<Int>>(_ rows: Rows) {
        let video = CatalogCodes.video
        let cKind = counters, cOrient = counters + 8, cPremium = counters + 16, cRes = counters + 24
        let cLicense = counters + 28, cFourK = counters + 36, cCategory = counters + 37
        for row in rows {
            position &+= 1
            let k = Int(kind[row]), o = Int(orientation[row]), p = Int(premium[row]), r = Int(resolution[row])
            let l = Int(licenses[row]), cat16 = category[row]
            let cat = cat16 == ColumnStore.noCategory ? noCategory : Int(cat16)
            let ok = okKind[k] & okOrientation[o] & okPremium[p] & okResolution[r] & okLicense[l] & okFlags[Int(flags[row])]
                & okCamera[Int(camera[row])] & okComposition[Int(composition[row])] & okCategory[cat]
            if ok == 0 { continue }
            if let ranges, !ranges.contains(width: width[row], height: height[row], duration: duration[row], isVideo: kind[row] == video) { continue }
            if let residual, !residual.contains(row) { continue }
            let is4K = r == 3 && k == Int(video)
            var fail = failKind[k] | failOrientation[o] | failPremium[p] | failResolution[r] | failLicense[l] | failCategory[cat]
            if facet4K && !is4K { fail |= ScanTables.groupFourK }
            if fail == 0 {
                cKind[k] &+= 1; cOrient[o] &+= 1; cPremium[p] &+= 1; cRes[r] &+= 1; cCategory[cat] &+= 1
                if is4K { cFourK[0] &+= 1 }
                if l & 1 != 0 { cLicense[0] &+= 1 }
                if l & 2 != 0 { cLicense[1] &+= 1 }
                if l & 4 != 0 { cLicense[2] &+= 1 }
                total &+= 1
                if first.count < firstLimit {
                    first.append(UInt32(row))
                    lastKeptPosition = position
                } else if heap != nil {
                    heap!.offer(.init(key: keyOf!(row), id: ids[row], row: UInt32(row)))
                }
                continue
            }
            if fail & (fail &- 1) != 0 { continue }
            switch fail {
            case ScanTables.groupType: cKind[k] &+= 1
            case ScanTables.groupOrientation: cOrient[o] &+= 1
            case ScanTables.groupFourK: break // 4k counts only 4k rows, and this row is not one
            case ScanTables.groupPremium: cPremium[p] &+= 1
            case ScanTables.groupResolution: cRes[r] &+= 1
            case ScanTables.groupCategory: cCategory[cat] &+= 1
            default:
                if l & 1 != 0 { cLicense[0] &+= 1 }
                if l & 2 != 0 { cLicense[1] &+= 1 }
                if l & 4 != 0 { cLicense[2] &+= 1 }
            }
        }
    }

    func outcome(categorySlots: Int) -> CatalogScan.Outcome {
        var out = CatalogScan.Outcome(counts: .init(categoryCount: categorySlots - 1))
        out.total = total
        out.firstRows = first
        out.candidatesBeforeLastKept = lastKeptPosition
        if let heap { out.top = heap.sorted() }
        for i in 0..<AssetKind.allCases.count { out.counts.kind[i] = counters[i] }
        for i in 0..<Orientation.allCases.count { out.counts.orientation[i] = counters[8 + i] }
        for i in 0..<5 { out.counts.premium[i] = counters[16 + i] }
        for i in 0..<4 { out.counts.resolution[i] = counters[24 + i] }
        for i in 0..<LicenseType.allCases.count { out.counts.license[i] = counters[28 + i] }
        out.counts.fourK = counters[36]
        for i in 0..<categorySlots { out.counts.category[i] = counters[37 + i] }
        return out
    }
}

/// Numeric range filters as plain bounds, checked only when a search has any.
struct NumericBounds {
    var width: [NumericRange]
    var height: [NumericRange]
    var megapixels: [NumericRange]
    var duration: [NumericRange]

    @inline(__always)
    func contains(width w: UInt32, height h: UInt32, duration d: Float, isVideo: Bool) -> Bool {
        for r in width where !r.contains(Double(w)) { return false }
        for r in height where !r.contains(Double(h)) { return false }
        if !megapixels.isEmpty {
            let mp = Double(w) * Double(h) / 1_000_000
            for r in megapixels where !r.contains(mp) { return false }
        }
        if !duration.isEmpty {
            guard isVideo else { return false }
            for r in duration where !r.contains(Double(d)) { return false }
        }
        return true
    }
}
