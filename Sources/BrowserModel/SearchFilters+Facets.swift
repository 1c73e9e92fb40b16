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
/// | `camera` | `digital`, `mobile`, `film` | adds or removes the camera |
/// | `composition` | `long`, `medium`, `close`, `macro` | adds or removes the composition |
/// | `ungraded` | `true` (any value) | `ungradedOnly` on or off |
/// | `megapixels` | `4`, `12`, `24`, `50` | at least that many; the same value again clears it |
/// | `duration` | `0-10`, `10-30`, `30-60`, `60-` | that range of seconds; the same again clears it |
/// | `safeSearch` | `true` (any value) | `safeSearch` on or off |
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
        case .camera:
            guard let camera = Camera(rawValue: value) else { return false }
            cameras.formSymmetricDifference([camera])
        case .composition:
            guard let composition = Composition(rawValue: value) else { return false }
            compositions.formSymmetricDifference([composition])
        case .ungraded:
            ungradedOnly.toggle()
        case .megapixels:
            guard let range = Self.megapixelRange(value) else { return false }
            megapixels = megapixels == range ? nil : range
        case .duration:
            guard let range = Self.durationRange(value) else { return false }
            duration = duration == range ? nil : range
        case .safeSearch:
            safeSearch.toggle()
        }
        return true
    }

    /// The megapixel values the filter pane offers (at least so many).
    public static let megapixelSteps = ["4", "12", "24", "50"]
    /// The duration ranges the filter pane offers, in seconds.
    public static let durationSteps = ["0-10", "10-30", "30-60", "60-"]

    private static func megapixelRange(_ value: String) -> NumericRange? {
        guard let v = Double(value), v.isFinite, v > 0 else { return nil }
        return .atLeast(v)
    }

    private static func durationRange(_ value: String) -> NumericRange? {
        guard value.contains("-"), let range = NumericRange(parsing: value), !range.isEmpty else { return nil }
        return range
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
        case .camera: Camera(rawValue: value).map { cameras.contains($0) } ?? false
        case .composition: Composition(rawValue: value).map { compositions.contains($0) } ?? false
        case .ungraded: ungradedOnly
        case .megapixels: Self.megapixelRange(value).map { megapixels == $0 } ?? false
        case .duration: Self.durationRange(value).map { duration == $0 } ?? false
        case .safeSearch: safeSearch
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
