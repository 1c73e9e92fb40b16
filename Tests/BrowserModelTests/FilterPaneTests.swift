import BrowserModel
import StockCore
import Testing

/// The filter pane: rows with counts and checkboxes, a cursor, space toggles the row.
@Suite struct FilterPaneTests {
    static let counts = FacetCounts(counts: [
        .type: ["photo": 4, "video": 1],
        .premium: ["0": 3, "1": 0, "2": 1, "3": 1, "4": 0],
        .category: ["travel": 2, "nature-landscapes": 3, "food": 2],
    ], estimated: [.category])

    static func loaded(groups: [FacetGroup]) -> TestStore {
        var state = BrowserState(providerName: "t", facetGroups: groups, pageSize: 5, viewportRows: 3)
        let key = Fixture.key("")
        let page = Fixture.page(1...5, total: 5, facets: counts)
        state.activeKey = key
        state.results = ResultSet(pages: [page])
        state.cache.store(ResultSet(pages: [page]), for: key)
        state.selection = 0
        return TestStore(state)
    }

    @Test func rowsCarryLabelsCountsAndCheckboxes() {
        let store = Self.loaded(groups: [.premium, .category, .safeSearch])
        #expect(store.state.filterRows == [
            FilterRow(choice: .facet(.premium, value: "0"), label: "core", count: 3, isSelected: false),
            FilterRow(choice: .facet(.premium, value: "1"), label: "free", count: 0, isSelected: false),
            FilterRow(choice: .facet(.premium, value: "2"), label: "premium", count: 2, isSelected: false),
            FilterRow(choice: .facet(.category, value: "nature-landscapes"), label: "nature-landscapes", count: 3,
                      isEstimated: true, isSelected: false),
            FilterRow(choice: .facet(.category, value: "food"), label: "food", count: 2, isEstimated: true,
                      isSelected: false),
            FilterRow(choice: .facet(.category, value: "travel"), label: "travel", count: 2, isEstimated: true,
                      isSelected: false),
            FilterRow(choice: .safeSearch, label: "safe search", count: nil, isSelected: false),
        ])
    }

    @Test func cursorClampsAndSpaceTogglesTheRowUnderIt() {
        var store = Self.loaded(groups: [.type, .safeSearch])
        #expect(store.state.filterRows.count == AssetKind.common.count + 1)
        store.send(.moveFilterCursor(-1))
        store.send(.moveFilterCursor(3)) { $0.filterCursor = 3 }   // photo, illustration, vector, video
        var filters = SearchFilters()
        filters.kinds = [.video]
        let key = Fixture.key("", filters: filters)
        store.send(.toggleFilterAtCursor, effects: [.search(id: 1, request: Fixture.request("", filters: filters))]) {
            $0.filters = filters; $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        #expect(store.state.filterRows[3].isSelected)
        store.send(.moveFilterCursor(100)) { $0.filterCursor = 5 }   // safe search
        filters.safeSearch = true
        let safe = Fixture.key("", filters: filters)
        store.send(.toggleFilterAtCursor,
                   effects: [.cancel(1), .search(id: 2, request: Fixture.request("", filters: filters))]) {
            $0.filters = filters; $0.activeKey = safe
            $0.inFlight = PageRequest(id: 2, key: safe, page: 1); $0.nextRequestID = 3
        }
        #expect(store.state.filterCursorRow?.isSelected == true)
    }

    @Test func chosenCategoryStaysListedWithNoCount() {
        var store = Self.loaded(groups: [.category, .safeSearch])
        var filters = SearchFilters()
        filters.categories = ["aerial"]
        let key = Fixture.key("", filters: filters)
        store.send(.toggleFacet(.category, value: "aerial"),
                   effects: [.search(id: 1, request: Fixture.request("", filters: filters))]) {
            $0.filters = filters; $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        #expect(store.state.filterRows.map(\.label) == ["aerial", "safe search"])
        #expect(store.state.filterRows[0].isSelected)
        // The new search has no counts yet: none is shown, rather than a 0 that is not known.
        #expect(store.state.filterRows[0].count == nil)
    }
}

/// Service filters without counts, a provider's own kinds, and the safe search row only where the
/// provider has safe search.
@Suite struct ServiceFilterRowTests {
    static func state(_ info: ProviderInfo) -> BrowserState { BrowserState(provider: info) }

    @Test func stocksyGroupsShowTheirValuesWithoutCounts() {
        let info = ProviderInfo(displayName: "Stocksy", facetGroups: [.type, .camera, .composition, .ungraded, .safeSearch],
                                maxPageSize: 500, kinds: [.photo, .video])
        let rows = Self.state(info).filterRows
        #expect(rows.map(\.label) == ["photo", "video", "mobile", "film", "long", "medium", "close", "macro",
                                       "ungraded", "safe search"])
        #expect(rows.allSatisfy { $0.count == nil })
    }

    @Test func megapixelAndDurationStepsAreSingleChoices() {
        var filters = SearchFilters()
        filters.toggle(.megapixels, value: "12")
        #expect(filters.megapixels == .atLeast(12))
        filters.toggle(.megapixels, value: "24")
        #expect(filters.megapixels == .atLeast(24))
        #expect(filters.isSelected(.megapixels, value: "24") && !filters.isSelected(.megapixels, value: "12"))
        filters.toggle(.megapixels, value: "24")
        #expect(filters.megapixels == nil)
        filters.toggle(.duration, value: "10-30")
        #expect(filters.duration == NumericRange(min: 10, max: 30))
        filters.toggle(.duration, value: "60-")
        #expect(filters.duration == NumericRange(min: 60))
        let unchanged = filters
        #expect(filters.toggle(.duration, value: "soon") == false)
        #expect(filters.toggle(.megapixels, value: "-3") == false)
        #expect(filters == unchanged)
        filters.toggle(.camera, value: "film")
        filters.toggle(.composition, value: "macro")
        filters.toggle(.ungraded, value: "true")
        filters.toggle(.safeSearch, value: "true")
        #expect(filters.cameras == [.film] && filters.compositions == [.macro] && filters.ungradedOnly && filters.safeSearch)
    }

    @Test func adobeShowsMegapixelStepsAndNoSafeSearch() {
        let info = ProviderInfo(displayName: "Adobe Stock", facetGroups: [.premium, .megapixels], maxPageSize: 64)
        #expect(Self.state(info).filterRows.map(\.label) == ["core", "free", "premium", "≥ 4 MP", "≥ 12 MP", "≥ 24 MP", "≥ 50 MP"])
    }
}
