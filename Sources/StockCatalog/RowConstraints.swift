import StockCore

/// What every result must satisfy, as allowed-value tables per column (turned into the scan's
/// packed tables by `ScanTables`). `FacetTables` holds the facet-group filters, kept apart so
/// that each group's counts can ignore its own choice.
struct RowConstraints {
    var kind = [Bool](repeating: true, count: AssetKind.allCases.count)
    var orientation = [Bool](repeating: true, count: Orientation.allCases.count)
    /// Each mask must share a bit with the row's licenses.
    var licenseMasks: [UInt8] = []
    /// Indexed by category index; the last slot is "no category".
    var category: [Bool]
    var minResolution: UInt8 = 0
    var only4K = false
    var premium = [Bool](repeating: true, count: 5)
    var safe = false
    /// Index 0 is "not known".
    var camera = [Bool](repeating: true, count: Camera.allCases.count + 1)
    var composition = [Bool](repeating: true, count: Composition.allCases.count + 1)
    var ungradedOnly = false
    var duration: [NumericRange] = []
    var width: [NumericRange] = []
    var height: [NumericRange] = []
    var megapixels: [NumericRange] = []
    /// True when two constraints contradict (`type:video type:photo`): nothing can match.
    var impossible = false

    init(categoryCount: Int) {
        category = [Bool](repeating: true, count: categoryCount + 1)
    }

    var hasRanges: Bool { !(duration.isEmpty && width.isEmpty && height.isEmpty && megapixels.isEmpty) }

    /// Adds a top-level `field:value` of a query (every one must hold).
    mutating func require(_ filter: FieldFilter, categories: CategoryIndex) {
        switch filter {
        case .kind(let k): restrict(&kind, to: [CatalogCodes.code(k)])
        case .orientation(let o): restrict(&orientation, to: [CatalogCodes.code(o)])
        case .license(let l): licenseMasks.append(CatalogCodes.bit(l))
        case .category(let slug):
            restrict(&category, to: categories.index(of: slug).map { [$0] } ?? [])
        case .tag: break // matched through the FTS index
        case .resolution(let r): minResolution = max(minResolution, UInt8(r.rank + 1))
        case .fourK(let on): if on { only4K = true }
        case .premium, .free: break // folded into the facet filters, see QueryPlan
        case .safe(let on): if on { safe = true }
        case .camera(let cam): restrict(&camera, to: [cam.ordinal + 1])
        case .composition(let comp): restrict(&composition, to: [comp.ordinal + 1])
        case .ungraded(let on): if on { ungradedOnly = true }
        case .duration(let r): duration.append(r)
        case .width(let r): width.append(r)
        case .height(let r): height.append(r)
        case .megapixels(let r): megapixels.append(r)
        }
        if kind.allSatisfy({ !$0 }) || orientation.allSatisfy({ !$0 }) || category.allSatisfy({ !$0 })
            || camera.allSatisfy({ !$0 }) || composition.allSatisfy({ !$0 }) || (duration + width + height + megapixels).contains(where: \.isEmpty) {
            impossible = true
        }
    }

    /// Adds the filters of `SearchFilters` that are not facet groups.
    mutating func require(_ filters: SearchFilters) {
        if filters.safeSearch { safe = true }
        if !filters.cameras.isEmpty {
            let allowed = Set(filters.cameras.map { $0.ordinal + 1 })
            restrict(&camera, to: allowed)
        }
        if !filters.compositions.isEmpty {
            let allowed = Set(filters.compositions.map { $0.ordinal + 1 })
            restrict(&composition, to: allowed)
        }
        if filters.ungradedOnly { ungradedOnly = true }
        if let r = filters.duration { duration.append(r) }
        if let r = filters.width { width.append(r) }
        if let r = filters.height { height.append(r) }
        if let r = filters.megapixels { megapixels.append(r) }
        if (duration + width + height + megapixels).contains(where: \.isEmpty) || camera.allSatisfy({ !$0 }) { impossible = true }
    }

    private func restrict(_ table: inout [Bool], to allowed: Set<Int>) {
        for i in table.indices where !allowed.contains(i) { table[i] = false }
    }
}

/// Integer codes of enum values as the column file stores them.
enum CatalogCodes {
    static let video = UInt8(AssetKind.video.ordinal)
    static func code(_ k: AssetKind) -> Int { k.ordinal }
    static func code(_ o: Orientation) -> Int { o.ordinal }
    static func bit(_ l: LicenseType) -> UInt8 { 1 << UInt8(l.ordinal) }

    /// Which premium levels a premium/free choice lets through.
    static func premiumTable(_ premium: PremiumChoice, _ free: FreeChoice) -> [Bool] {
        (0...4).map { level in
            if level == 1 {
                switch free {
                case .hidden: return false
                case .included, .only: return premium != .premiumOnly || free == .only
                }
            }
            if free == .only { return false }
            switch premium {
            case .all: return true
            case .premiumOnly: return level >= 2
            case .nonPremium: return level == 0
            }
        }
    }
}

/// The catalog's category slugs and their positions in the column file.
struct CategoryIndex: Sendable {
    let slugs: [String]
    private let positions: [String: Int]

    init(slugs: [String]) {
        self.slugs = slugs
        positions = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
    }

    func index(of slug: String) -> Int? { positions[slug.lowercased()] }
}
