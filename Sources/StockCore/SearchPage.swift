/// One page of results, with the total and the facet counts of the whole result set.
public struct SearchPage: Hashable, Sendable {
    public var items: [Asset]
    /// 1-based.
    public var page: Int
    public var pageSize: Int
    /// How many results the whole search has. Services give estimates; treat it as one.
    public var total: Int
    /// True when `total` is an exact count (the local catalog), false for a service's estimate.
    public var totalIsExact: Bool
    public var facets: FacetCounts
    /// Records of the service's answer that could not be mapped and were left out of `items`.
    public var skipped: [SkippedRecord]

    public init(items: [Asset], page: Int, pageSize: Int, total: Int, totalIsExact: Bool = false, facets: FacetCounts = FacetCounts(),
                skipped: [SkippedRecord] = []) {
        self.items = items; self.page = page; self.pageSize = pageSize
        self.total = total; self.totalIsExact = totalIsExact; self.facets = facets; self.skipped = skipped
    }

    /// 1-based index of the first item shown, 0 when empty ("1–60 of 14,382").
    public var firstIndex: Int { items.isEmpty ? 0 : (page - 1) * pageSize + 1 }
    public var lastIndex: Int { items.isEmpty ? 0 : firstIndex + items.count - 1 }
    public var hasNextPage: Bool { page * pageSize < total }
}

/// The facet groups of the filter pane. The first seven are counted by the local catalog (raw
/// values are the JSON keys of `FacetCounts`); the rest are filters some services offer, shown
/// without counts:
///
/// | group | values | service |
/// |---|---|---|
/// | `camera` | `digital`, `mobile`, `film` | Stocksy `facet_mobile`, `facet_film` |
/// | `composition` | `long`, `medium`, `close`, `macro` | Stocksy `facet_composition` |
/// | `ungraded` | `true` | Stocksy `facet_ungradedvideo` |
/// | `megapixels` | `4`, `12`, `24`, `50` (at least) | Adobe `area_m_pixels` |
/// | `duration` | `0-10`, `10-30`, `30-60`, `60-` seconds | StockFlow `duration_min/max` |
/// | `safeSearch` | `true` | Stocksy `safe_search`, the local catalog |
public enum FacetGroup: String, Hashable, Sendable, Codable, CaseIterable {
    case type, orientation
    case fourK = "4k"
    case premium, resolution, category
    case license = "licenseType"
    case camera, composition, ungraded, megapixels, duration, safeSearch

    /// The groups whose values the local catalog counts.
    public static let counted: [FacetGroup] = [.type, .orientation, .fourK, .premium, .resolution, .category, .license]
}

/// For each facet group, for each value: how many results there would be with that value chosen,
/// given the query and the filters of the other groups.
public struct FacetCounts: Hashable, Sendable {
    /// group → value → count. Values are raw values: `video`, `horizontal`, `true`, `2`, `1080p`, slugs.
    public var counts: [FacetGroup: [String: Int]]
    /// Groups whose counts are estimates (shown with ≈).
    public var estimated: Set<FacetGroup>

    public init(counts: [FacetGroup: [String: Int]] = [:], estimated: Set<FacetGroup> = []) {
        self.counts = counts; self.estimated = estimated
    }

    public subscript(group: FacetGroup, value: String) -> Int { counts[group]?[value] ?? 0 }

    /// The count for a value, or nil when its group was not counted at all (services give none).
    public func count(_ group: FacetGroup, _ value: String) -> Int? {
        counts[group].map { $0[value] ?? 0 }
    }
}
