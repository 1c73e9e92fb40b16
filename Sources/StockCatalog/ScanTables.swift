import StockCore

/// The constraints and facet choices of one search as byte tables indexed by column codes, so
/// that testing a row is a handful of loads and ORs with no branches on filter kinds.
///
/// `ok…` tables hold 1 where a value passes every constraint that is not a facet group;
/// `fail…` tables hold the bit of the facet group a value fails (0 when it passes).
struct ScanTables {
    static let groupType: UInt8 = 1, groupOrientation: UInt8 = 2, groupFourK: UInt8 = 4, groupPremium: UInt8 = 8
    static let groupResolution: UInt8 = 16, groupCategory: UInt8 = 32, groupLicense: UInt8 = 64

    var okKind = [UInt8](repeating: 1, count: 8)
    var okOrientation = [UInt8](repeating: 1, count: 8)
    var okPremium = [UInt8](repeating: 1, count: 8)
    var okResolution = [UInt8](repeating: 1, count: 4)
    var okLicense = [UInt8](repeating: 1, count: 256)
    var okFlags = [UInt8](repeating: 1, count: 256)
    var okCamera = [UInt8](repeating: 1, count: 8)
    var okComposition = [UInt8](repeating: 1, count: 8)
    /// Indexed by category code; the last slot is "no category".
    var okCategory: [UInt8]
    /// Video at 4k only (a hard `4k:true`).
    var hard4K = false
    var ranges: NumericBounds?

    var failKind = [UInt8](repeating: 0, count: 8)
    var failOrientation = [UInt8](repeating: 0, count: 8)
    var failPremium = [UInt8](repeating: 0, count: 8)
    var failResolution = [UInt8](repeating: 0, count: 4)
    var failLicense = [UInt8](repeating: 0, count: 256)
    var failCategory: [UInt8]
    var facet4K = false

    init(constraints c: RowConstraints, facets f: FacetTables) {
        let slots = c.category.count
        okCategory = c.category.map { $0 ? 1 : 0 }
        failCategory = f.category.map { $0 ? 0 : Self.groupCategory }
        precondition(failCategory.count == slots)
        if c.impossible { okKind = [UInt8](repeating: 0, count: 8) }
        for (i, pass) in c.kind.enumerated() where !pass { okKind[i] = 0 }
        for (i, pass) in c.orientation.enumerated() where !pass { okOrientation[i] = 0 }
        for (i, pass) in c.premium.enumerated() where !pass { okPremium[i] = 0 }
        for r in 0..<4 where UInt8(r) < c.minResolution { okResolution[r] = 0 }
        for bits in 0..<256 where c.licenseMasks.contains(where: { UInt8(bits) & $0 == 0 }) { okLicense[bits] = 0 }
        for flags in 0..<256 {
            let f8 = UInt8(flags)
            if c.safe && f8 & ColumnStore.Flag.mature != 0 { okFlags[flags] = 0 }
            if c.ungradedOnly && f8 & ColumnStore.Flag.ungraded == 0 { okFlags[flags] = 0 }
        }
        let video = Int(CatalogCodes.video)
        if c.ungradedOnly || c.only4K {
            for k in 0..<8 where k != video { okKind[k] = 0 }
        }
        if c.only4K { for r in 0..<3 { okResolution[r] = 0 } }
        for (i, pass) in c.camera.enumerated() where !pass { okCamera[i] = 0 }
        for (i, pass) in c.composition.enumerated() where !pass { okComposition[i] = 0 }
        if c.hasRanges { ranges = NumericBounds(width: c.width, height: c.height, megapixels: c.megapixels, duration: c.duration) }

        for (i, pass) in f.kind.enumerated() where !pass { failKind[i] = Self.groupType }
        for (i, pass) in f.orientation.enumerated() where !pass { failOrientation[i] = Self.groupOrientation }
        for (i, pass) in f.premium.enumerated() where !pass { failPremium[i] = Self.groupPremium }
        for r in 0..<4 where UInt8(r) < f.minResolution { failResolution[r] = Self.groupResolution }
        if f.licenseMask != 0 {
            for bits in 0..<256 where UInt8(bits) & f.licenseMask == 0 { failLicense[bits] = Self.groupLicense }
        }
        facet4K = f.only4K
    }
}
