import StockCore

/// The facet-group filters of a search as lookup tables, and the counters a pass fills.
///
/// A value's count is how many results there would be with that value chosen, given the query and
/// the other groups' choices: a row that fails only group G counts toward G's values; a row that
/// passes every group is a result and counts toward every group.
struct FacetTables {
    static let groups: [FacetGroup] = [.type, .orientation, .fourK, .premium, .resolution, .category, .license]

    var kind: [Bool]
    var orientation: [Bool]
    var only4K: Bool
    var premium: [Bool]
    var minResolution: UInt8
    var category: [Bool]
    /// Zero means any license.
    var licenseMask: UInt8

    init(_ f: SearchFilters, categories: CategoryIndex) {
        kind = AssetKind.allCases.map { f.kinds.isEmpty || f.kinds.contains($0) }
        orientation = Orientation.allCases.map { f.orientations.isEmpty || f.orientations.contains($0) }
        only4K = f.only4K
        premium = CatalogCodes.premiumTable(f.premium, f.free)
        minResolution = f.minResolution.map { UInt8($0.rank + 1) } ?? 0
        let chosen = Set(f.categories.compactMap { categories.index(of: $0) })
        category = (0...categories.slugs.count).map { f.categories.isEmpty || chosen.contains($0) }
        licenseMask = f.licenseTypes.reduce(0) { $0 | CatalogCodes.bit($1) }
    }

    /// Counters, one array per group, indexed by the column codes.
    struct Counts {
        var kind = [Int](repeating: 0, count: AssetKind.allCases.count)
        var orientation = [Int](repeating: 0, count: Orientation.allCases.count)
        var fourK = 0
        var premium = [Int](repeating: 0, count: 5)
        /// By exact resolution code; made cumulative when reported.
        var resolution = [Int](repeating: 0, count: 4)
        var category: [Int]
        var license = [Int](repeating: 0, count: LicenseType.allCases.count)

        init(categoryCount: Int) { category = [Int](repeating: 0, count: categoryCount + 1) }

        /// The counts as `FacetCounts`, with raw values as keys; zero counts are kept so that every
        /// value can be shown.
        func facetCounts(categories: CategoryIndex) -> FacetCounts {
            var out: [FacetGroup: [String: Int]] = [:]
            out[.type] = Dictionary(uniqueKeysWithValues: AssetKind.allCases.enumerated().map { ($1.rawValue, kind[$0]) })
            out[.orientation] = Dictionary(uniqueKeysWithValues: Orientation.allCases.enumerated().map { ($1.rawValue, orientation[$0]) })
            out[.fourK] = ["true": fourK]
            out[.premium] = Dictionary(uniqueKeysWithValues: (0...4).map { (String($0), premium[$0]) })
            out[.resolution] = [
                VideoResolution.p720.rawValue: resolution[1] + resolution[2] + resolution[3],
                VideoResolution.p1080.rawValue: resolution[2] + resolution[3],
                VideoResolution.k4.rawValue: resolution[3],
            ]
            var cats: [String: Int] = [:]
            for (i, slug) in categories.slugs.enumerated() { cats[slug] = category[i] }
            out[.category] = cats
            out[.license] = Dictionary(uniqueKeysWithValues: LicenseType.allCases.enumerated().map { ($1.rawValue, license[$0]) })
            return FacetCounts(counts: out)
        }
    }
}
