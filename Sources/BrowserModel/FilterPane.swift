import StockCore

/// What one row of the filter pane toggles.
public enum FilterChoice: Hashable, Sendable {
    /// A facet value (a `FacetCounts` raw value; see `SearchFilters.toggle(_:value:)`).
    case facet(FacetGroup, value: String)
    /// Safe search on or off.
    case safeSearch
}

/// One row of the filter pane: a checkbox, a label and a count.
public struct FilterRow: Hashable, Sendable {
    /// What space on this row toggles.
    public var choice: FilterChoice
    /// The value as shown: `video`, `horizontal`, `core`, `premium`, a category slug.
    public var label: String
    /// How many results choosing it would give; nil for safe search.
    public var count: Int?
    /// The count is an estimate (shown with ≈).
    public var isEstimated: Bool
    /// The checkbox is ticked.
    public var isSelected: Bool

    /// A row.
    public init(choice: FilterChoice, label: String, count: Int?, isEstimated: Bool = false, isSelected: Bool) {
        self.choice = choice; self.label = label; self.count = count; self.isEstimated = isEstimated
        self.isSelected = isSelected
    }

    /// The facet group, or nil for safe search (the view draws a header when it changes).
    public var group: FacetGroup? {
        if case let .facet(group, _) = choice { return group }
        return nil
    }
}

extension BrowserState {
    /// The filter pane's rows, in the provider's group order.
    ///
    /// Premium shows three rows: `core` (value `0`), `free` (`1`) and `premium` (`2`, counting
    /// levels 2 to 4, since choosing it means "premium only"). Categories are listed by count,
    /// most first, then the provider's other categories by name, with chosen ones kept even when
    /// their count is zero. A group the provider did not count (services give no counts) has
    /// rows without counts.
    public var filterRows: [FilterRow] {
        var rows: [FilterRow] = []
        let facets = results.facets
        func row(_ group: FacetGroup, _ value: String, _ label: String? = nil, count: Int? = nil) -> FilterRow {
            FilterRow(choice: .facet(group, value: value), label: label ?? value,
                      count: count ?? facets.count(group, value), isEstimated: facets.estimated.contains(group),
                      isSelected: filters.isSelected(group, value: value))
        }
        for group in facetGroups {
            switch group {
            case .type: rows += kinds.map { row(group, $0.rawValue) }
            case .orientation: rows += Orientation.allCases.map { row(group, $0.rawValue) }
            case .fourK: rows.append(row(group, "true", "4k"))
            case .premium:
                let premiumCount = facets.counts[group] == nil ? nil : (2...4).reduce(0) { $0 + facets[group, String($1)] }
                rows += [row(group, "0", "core"), row(group, "1", "free"), row(group, "2", "premium", count: premiumCount)]
            case .resolution: rows += VideoResolution.allCases.map { row(group, $0.rawValue) }
            case .category:
                let counted = facets.counts[group] ?? [:]
                let slugs = Set(counted.keys).union(filters.categories).union(knownCategories)
                let ordered = slugs.sorted { (counted[$0] ?? 0, $1) > (counted[$1] ?? 0, $0) }
                rows += ordered.map { row(group, $0) }
            case .license: rows += LicenseType.allCases.map { row(group, $0.rawValue) }
            // Mobile and film are what services filter on (Stocksy); "digital" is everything else.
            case .camera: rows += [Camera.mobile, .film].map { row(group, $0.rawValue) }
            case .composition: rows += Composition.allCases.map { row(group, $0.rawValue) }
            case .ungraded: rows.append(row(group, "true", "ungraded"))
            case .megapixels: rows += SearchFilters.megapixelSteps.map { row(group, $0, "≥ \($0) MP") }
            case .duration:
                let labels = ["0-10": "under 10 s", "10-30": "10–30 s", "30-60": "30–60 s", "60-": "over 60 s"]
                rows += SearchFilters.durationSteps.map { row(group, $0, labels[$0]) }
            case .safeSearch:
                rows.append(FilterRow(choice: .safeSearch, label: "safe search", count: nil, isSelected: filters.safeSearch))
            }
        }
        return rows
    }

    /// The row under the filter cursor, clamped to the rows there are now.
    public var filterCursorRow: FilterRow? {
        let rows = filterRows
        guard !rows.isEmpty else { return nil }
        return rows[min(max(filterCursor, 0), rows.count - 1)]
    }

    /// Moves the filter cursor, clamped to the rows.
    mutating func moveFilterCursor(by delta: Int) {
        let count = filterRows.count
        filterCursor = min(max(filterCursor + delta, 0), max(0, count - 1))
    }

    /// Space in the filter pane: toggles the row under the cursor.
    mutating func toggleFilterAtCursor() -> [BrowserEffect] {
        switch filterCursorRow?.choice {
        case let .facet(group, value)?: reduce(.toggleFacet(group, value: value))
        case .safeSearch?: reduce(.toggleSafeSearch)
        case nil: []
        }
    }
}
