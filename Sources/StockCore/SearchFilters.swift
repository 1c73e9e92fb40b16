/// Premium filter as Adobe spells it: `true` premium only, `false` no premium, `all` both.
public enum PremiumChoice: String, Hashable, Sendable, Codable, CaseIterable {
    case all
    case premiumOnly = "true"
    case nonPremium = "false"
}

/// Whether free assets (premium level 1) appear. Adobe hides them from search unless asked.
public enum FreeChoice: String, Hashable, Sendable, Codable, CaseIterable {
    case hidden = "false"
    case included = "true"
    case only
}

/// The structured filters of a search: what the facet pane toggles and the CLI flags set.
/// `field:value` terms at the top level of a query fold into these too.
///
/// An empty set means "no restriction"; choosing values of a set excludes the rest.
public struct SearchFilters: Hashable, Sendable, Codable {
    public var kinds: Set<AssetKind> = []
    public var orientations: Set<Orientation> = []
    /// Only 4k video (Stocksy's `facet_4kvideo`, which implies video).
    public var only4K: Bool = false
    public var premium: PremiumChoice = .all
    public var free: FreeChoice = .hidden
    /// Minimum video resolution: `1080p` also matches 4k clips.
    public var minResolution: VideoResolution?
    public var categories: Set<String> = []
    public var licenseTypes: Set<LicenseType> = []
    /// Keywords that must all be present.
    public var tags: [String] = []
    /// Exclude mature content.
    public var safeSearch: Bool = false
    public var cameras: Set<Camera> = []
    public var compositions: Set<Composition> = []
    /// Only ungraded video (implies video).
    public var ungradedOnly: Bool = false
    public var duration: NumericRange?
    public var width: NumericRange?
    public var height: NumericRange?
    public var megapixels: NumericRange?

    public init() {}

    /// No restriction at all (free assets still hidden, as on Adobe).
    public var isEmpty: Bool { self == SearchFilters() }
}
