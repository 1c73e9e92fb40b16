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

extension CatalogScan {
    /// The rows that satisfy `constraints`, through the same packed tables as a search (a part
    /// of a query such as `type:video` inside `drone OR type:video`).
    static func rows(matching constraints: RowConstraints, columns: ColumnStore, categories: CategoryIndex) -> RowBitset {
        var everything = SearchFilters()
        everything.free = .included
        let tables = ScanTables(constraints: constraints, facets: FacetTables(everything, categories: categories))
        let scan = CatalogScan(columns: columns, tables: tables, residual: nil, categorySlots: categories.slugs.count + 1)
        let outcome = scan.run(candidates: nil, collect: .firstInRowOrder(count: columns.count))
        return RowBitset(rowCount: columns.count, rows: outcome.firstRows)
    }
}

/// The state of one scan as plain pointers and counters. Each row is decided by three table
/// lookups: its packed facet key (kind, orientation, premium level, resolution, licenses) gives
/// "passes the constraints" and the facet groups it fails; its misc key (flags, camera,
/// composition) and its category give the rest. Counting is one increment per row into a
/// histogram over facet keys, expanded into per-group counts once at the end.
private struct ScanKernel {
    let facetKey: UnsafePointer<UInt16>
    let miscKey: UnsafePointer<UInt8>
    let category: UnsafePointer<UInt16>
    let kind: UnsafePointer<UInt8>
    let width, height: UnsafePointer<UInt32>
    let duration: UnsafePointer<Float>
    let ids: UnsafePointer<Int64>
    /// Per facet key: bit 15 set when the key passes the constraints; low byte the failed groups.
    let keyTable: UnsafeMutablePointer<UInt16>
    /// Per misc key: 1 when it passes the constraints.
    let miscTable: UnsafeMutablePointer<UInt8>
    /// Per category slot: bit 7 set when it passes the constraints; low bits the category group's failure.
    let categoryTable: UnsafeMutablePointer<UInt8>
    let ranges: NumericBounds?
    let residual: RowBitset?
    let noCategory: Int
    let categorySlots: Int
    /// Histogram of facet keys over rows that pass every group.
    let passed: UnsafeMutablePointer<UInt32>
    /// For each facet group but category (bit index 0...6), histogram of facet keys over rows
    /// that fail only that group.
    let failedOnly: UnsafeMutablePointer<UInt32>
    /// Category counts: rows that pass every group or fail only the category group.
    let categoryCounts: UnsafeMutablePointer<Int>
    let firstLimit: Int
    var first: [UInt32] = []
    var lastKeptPosition = 0
    var heap: TopK?
    let keyOf: ((Int) -> Double)?
    var total = 0
    var position = 0

    init(columns c: ColumnStore, tables t: ScanTables, residual: RowBitset?, categorySlots: Int, collect: CatalogScan.Collect) {
        facetKey = c.facetKey; miscKey = c.miscKey; category = c.category; kind = c.kind
        width = c.width; height = c.height; duration = c.duration; ids = c.id
        let video = Int(CatalogCodes.video)
        keyTable = .allocate(capacity: FacetKey.count)
        for key in 0..<FacetKey.count {
            let k = FacetKey.kind(key), o = FacetKey.orientation(key), p = FacetKey.premium(key)
            let r = FacetKey.resolution(key), l = FacetKey.licenses(key)
            guard k < 8, o < 8, p < 8 else { keyTable[key] = 0; continue }
            let ok = t.okKind[k] & t.okOrientation[o] & t.okPremium[p] & t.okResolution[r] & t.okLicense[l]
            var fail = t.failKind[k] | t.failOrientation[o] | t.failPremium[p] | t.failResolution[r] | t.failLicense[l]
            if t.facet4K && !(r == 3 && k == video) { fail |= ScanTables.groupFourK }
            keyTable[key] = ok != 0 ? 0x8000 | UInt16(fail) : 0
        }
        miscTable = .allocate(capacity: 256)
        for misc in 0..<256 {
            miscTable[misc] = t.okFlags[FacetKey.flags(misc)] & t.okCamera[FacetKey.camera(misc)] & t.okComposition[FacetKey.composition(misc)]
        }
        categoryTable = .allocate(capacity: categorySlots)
        for slot in 0..<categorySlots {
            categoryTable[slot] = (t.okCategory[slot] != 0 ? 0x80 : 0) | t.failCategory[slot]
        }
        ranges = t.ranges
        self.residual = residual
        noCategory = categorySlots - 1
        self.categorySlots = categorySlots
        passed = .allocate(capacity: FacetKey.count)
        passed.initialize(repeating: 0, count: FacetKey.count)
        failedOnly = .allocate(capacity: 7 * FacetKey.count)
        failedOnly.initialize(repeating: 0, count: 7 * FacetKey.count)
        categoryCounts = .allocate(capacity: categorySlots)
        categoryCounts.initialize(repeating: 0, count: categorySlots)
        switch collect {
        case .firstInRowOrder(let n):
            firstLimit = n; keyOf = nil
            first.reserveCapacity(min(n, 1 << 16))
        case .topK(let t, let key):
            firstLimit = 0; heap = t; keyOf = key
        }
    }

    func deallocate() {
        keyTable.deallocate(); miscTable.deallocate(); categoryTable.deallocate()
        passed.deallocate(); failedOnly.deallocate(); categoryCounts.deallocate()
    }

    mutating func scan<Rows: Sequence<Int>>(_ rows: Rows) {
        let video = CatalogCodes.video
        for row in rows {
            position &+= 1
            let key = Int(facetKey[row])
            let entry = keyTable[key]
            if entry & 0x8000 == 0 || miscTable[Int(miscKey[row])] == 0 { continue }
            let c16 = category[row]
            let cat = c16 == ColumnStore.noCategory ? noCategory : Int(c16)
            let catEntry = categoryTable[cat]
            if catEntry & 0x80 == 0 { continue }
            if let ranges, !ranges.contains(width: width[row], height: height[row], duration: duration[row], isVideo: kind[row] == video) { continue }
            if let residual, !residual.contains(row) { continue }
            let fail = UInt8(truncatingIfNeeded: entry) | (catEntry & 0x7F)
            if fail == 0 {
                passed[key] &+= 1
                categoryCounts[cat] &+= 1
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
            if fail == ScanTables.groupCategory {
                categoryCounts[cat] &+= 1
            } else {
                failedOnly[fail.trailingZeroBitCount * FacetKey.count + key] &+= 1
            }
        }
    }

    func outcome(categorySlots: Int) -> CatalogScan.Outcome {
        var out = CatalogScan.Outcome(counts: .init(categoryCount: categorySlots - 1))
        out.total = total
        out.firstRows = first
        out.candidatesBeforeLastKept = lastKeptPosition
        if let heap { out.top = heap.sorted() }
        let video = Int(CatalogCodes.video)
        /// Adds the rows counted under `key` to the value the key has in group `bit`.
        func add(_ n: Int, key: Int, group bit: Int, to counts: inout FacetTables.Counts) {
            switch 1 << bit {
            case Int(ScanTables.groupType): counts.kind[FacetKey.kind(key)] += n
            case Int(ScanTables.groupOrientation): counts.orientation[FacetKey.orientation(key)] += n
            case Int(ScanTables.groupFourK): if FacetKey.resolution(key) == 3 && FacetKey.kind(key) == video { counts.fourK += n }
            case Int(ScanTables.groupPremium): counts.premium[FacetKey.premium(key)] += n
            case Int(ScanTables.groupResolution): counts.resolution[FacetKey.resolution(key)] += n
            default:
                let l = FacetKey.licenses(key)
                for i in 0..<3 where l & (1 << i) != 0 { counts.license[i] += n }
            }
        }
        let groupBits = [0, 1, 2, 3, 4, 6] // every facet group but category (bit 5)
        for key in 0..<FacetKey.count {
            let all = Int(passed[key])
            for bit in groupBits {
                let n = all + Int(failedOnly[bit * FacetKey.count + key])
                if n > 0 { add(n, key: key, group: bit, to: &out.counts) }
            }
        }
        for i in 0..<categorySlots { out.counts.category[i] = categoryCounts[i] }
        return out
    }
}

/// Numeric range filters folded into one closed interval per field, in the columns' own units
/// (pixels as integers, megapixels as a pixel count), so a row costs a few integer compares.
struct NumericBounds {
    var width: ClosedRange<UInt64> = 0...UInt64.max
    var height: ClosedRange<UInt64> = 0...UInt64.max
    var pixels: ClosedRange<UInt64> = 0...UInt64.max
    var duration: [NumericRange]

    init(width: [NumericRange], height: [NumericRange], megapixels: [NumericRange], duration: [NumericRange]) {
        self.duration = duration
        for r in width { self.width = Self.clamp(self.width, Self.integers(r, scale: 1)) }
        for r in height { self.height = Self.clamp(self.height, Self.integers(r, scale: 1)) }
        for r in megapixels { pixels = Self.clamp(pixels, Self.integers(r, scale: 1_000_000)) }
    }

    /// The intersection; `UInt64.max...UInt64.max` stands for "nothing" (no column reaches it).
    private static func clamp(_ a: ClosedRange<UInt64>, _ b: ClosedRange<UInt64>?) -> ClosedRange<UInt64> {
        guard let b else { return UInt64.max...UInt64.max }
        let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
        return lo <= hi ? lo...hi : UInt64.max...UInt64.max
    }

    /// The whole numbers `value × scale` that a range admits, or nil when none.
    private static func integers(_ r: NumericRange, scale: Double) -> ClosedRange<UInt64>? {
        var lo: Double = 0, hi = Double(UInt64.max / 2)
        if let min = r.min {
            let v = min * scale
            lo = r.minExclusive ? (v.rounded(.down) + 1) : v.rounded(.up)
        }
        if let max = r.max {
            let v = max * scale
            hi = r.maxExclusive ? (v.rounded(.up) - 1) : v.rounded(.down)
        }
        guard lo <= hi, hi >= 0 else { return nil }
        return UInt64(Swift.max(0, lo))...UInt64(hi)
    }

    @inline(__always)
    func contains(width w: UInt32, height h: UInt32, duration d: Float, isVideo: Bool) -> Bool {
        let w64 = UInt64(w), h64 = UInt64(h)
        guard width.contains(w64), height.contains(h64), pixels.contains(w64 * h64) else { return false }
        if !duration.isEmpty {
            guard isVideo else { return false }
            for r in duration where !r.contains(Double(d)) { return false }
        }
        return true
    }
}
