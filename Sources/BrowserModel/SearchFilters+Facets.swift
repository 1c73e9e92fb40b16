import StockCore

/// Facet toggles: what space on a value of the filter pane does to the filters.
///
/// Values are the raw values `FacetCounts` uses as keys:
///
/// | group | values | toggling |
/// |---|---|---|
/// | `type` | `photo`, `video`, ... | adds or removes the kind |
/// | `orientation` | `horizontal`, ... | adds or removes the orientation |
/// | `4k` | `true` (any value) | `only4K` on or off |
/// | `premium` | `0` core, `1` free, `2` `3` `4` premium levels | see below |
/// | `resolution` | `720p`, `1080p`, `4k` | sets `minResolution`; the same value again clears it |
/// | `category` | slugs | adds or removes the slug |
/// | `licenseType` | `standard`, `extended`, `editorial` | adds or removes the license type |
///
/// Premium: `SearchFilters` holds Adobe's premium and free choices, not a set of levels, so
/// - `0` (also `core`, `false`) switches "no premium" (`premium = .nonPremium`) on and off;
/// - `2`, `3`, `4` (also `premium`, `true`) all switch "premium only" (`.premiumOnly`) on and off;
/// - `1` (also `free`) cycles free assets hidden → included → only → hidden.
/// Choosing "no premium" while "premium only" is on replaces it, and the other way round.
extension SearchFilters {
    /// Toggles one facet value. Returns false (and changes nothing) for a value the group does not have.
    ///
    /// ```swift
    /// var f = SearchFilters()
    /// f.toggle(.type, value: "video")        // kinds == [.video]
    /// f.toggle(.resolution, value: "1080p")  // minResolution == .p1080
    /// f.toggle(.resolution, value: "1080p")  // minResolution == nil
    /// ```
    @discardableResult
    public mutating func toggle(_ group: FacetGroup, value: String) -> Bool {
        switch group {
        case .type:
            guard let kind = AssetKind(rawValue: value) else { return false }
            kinds.formSymmetricDifference([kind])
        case .orientation:
            guard let orientation = Orientation(rawValue: value) else { return false }
            orientations.formSymmetricDifference([orientation])
        case .fourK:
            only4K.toggle()
        case .premium:
            switch Self.premiumValue(value) {
            case .core?: premium = premium == .nonPremium ? .all : .nonPremium
            case .premium?: premium = premium == .premiumOnly ? .all : .premiumOnly
            case .free?:
                switch free {
                case .hidden: free = .included
                case .included: free = .only
                case .only: free = .hidden
                }
            case nil: return false
            }
        case .resolution:
            guard let resolution = VideoResolution(rawValue: value) else { return false }
            minResolution = minResolution == resolution ? nil : resolution
        case .category:
            guard !value.isEmpty else { return false }
            categories.formSymmetricDifference([value])
        case .license:
            guard let license = LicenseType(rawValue: value) else { return false }
            licenseTypes.formSymmetricDifference([license])
        }
        return true
    }

    /// Whether a facet value is chosen (its checkbox is ticked). For free (`1`): included or only.
    public func isSelected(_ group: FacetGroup, value: String) -> Bool {
        switch group {
        case .type: AssetKind(rawValue: value).map { kinds.contains($0) } ?? false
        case .orientation: Orientation(rawValue: value).map { orientations.contains($0) } ?? false
        case .fourK: only4K
        case .premium:
            switch Self.premiumValue(value) {
            case .core?: premium == .nonPremium
            case .premium?: premium == .premiumOnly
            case .free?: free != .hidden
            case nil: false
            }
        case .resolution: minResolution?.rawValue == value
        case .category: categories.contains(value)
        case .license: LicenseType(rawValue: value).map { licenseTypes.contains($0) } ?? false
        }
    }

    private enum PremiumValue { case core, free, premium }

    private static func premiumValue(_ value: String) -> PremiumValue? {
        switch value {
        case "0", "core", "false": .core
        case "1", "free": .free
        case "2", "3", "4", "premium", "true": .premium
        default: nil
        }
    }
}
