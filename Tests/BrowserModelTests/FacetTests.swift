import BrowserModel
import StockCore
import Testing

/// Facet toggles, safe search and the sort: each a new search at once, no debounce.
@Suite struct FacetTests {
    static let counts1 = FacetCounts(counts: [.type: ["photo": 9, "video": 3], .fourK: ["true": 1]])
    static let counts2 = FacetCounts(counts: [.type: ["photo": 9, "video": 3], .fourK: ["true": 1],
                                              .orientation: ["horizontal": 2, "vertical": 1]])

    /// After `.started` and its only page: five results with facet counts.
    static func loaded() -> TestStore {
        var store = TestStore(Fixture.state())
        let key = Fixture.key("")
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = key; $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        let page = Fixture.page(1...5, total: 5, facets: counts1)
        store.receive(.searchAnswered(1, .success(page))) {
            $0.results = ResultSet(pages: [page]); $0.cache.store(ResultSet(pages: [page]), for: key)
            $0.selection = 0; $0.inFlight = nil
        }
        return store
    }

    @Test func toggleSearchesAtOnceCancellingTheDebounceAndTheRunningSearch() {
        var store = Self.loaded()
        #expect(store.state.facetCount(.type, value: "video") == 3)
        store.send(.queryEdit(.insert("lake")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("lake"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        var filters = SearchFilters()
        filters.kinds = [.video]
        let key = Fixture.key("lake", filters: filters)
        store.send(.toggleFacet(.type, value: "video"),
                   effects: [.cancelTimer(1), .search(id: 2, request: Fixture.request("lake", filters: filters))]) {
            $0.filters = filters; $0.debounceTimer = nil
            $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
        #expect(store.state.isFacetSelected(.type, value: "video"))
        #expect(store.state.facetCount(.type, value: "video") == 0)   // nothing counted for the new search yet
        filters.orientations = [.vertical]
        let key2 = Fixture.key("lake", filters: filters)
        store.send(.toggleFacet(.orientation, value: "vertical"),
                   effects: [.cancel(2), .search(id: 3, request: Fixture.request("lake", filters: filters))]) {
            $0.filters = filters; $0.activeKey = key2
            $0.inFlight = PageRequest(id: 3, key: key2, page: 1); $0.nextRequestID = 4
        }
        let page = Fixture.page([4], total: 1, facets: Self.counts2)
        store.receive(.searchAnswered(3, .success(page))) {
            $0.results = ResultSet(pages: [page]); $0.cache.store(ResultSet(pages: [page]), for: key2)
            $0.selection = 0; $0.inFlight = nil
        }
        #expect(store.state.facetCount(.orientation, value: "horizontal") == 2)
        #expect(store.state.facetCount(.orientation, value: "vertical") == 1)
    }

    @Test func unknownFacetValueChangesNothing() {
        var store = Self.loaded()
        store.send(.toggleFacet(.type, value: "hologram"))
        store.send(.toggleFacet(.resolution, value: "8k"))
        store.send(.toggleFacet(.premium, value: "gold"))
        store.send(.toggleFacet(.license, value: "forever"))
    }

    @Test func safeSearchIsANewSearch() {
        var store = Self.loaded()
        var filters = SearchFilters()
        filters.safeSearch = true
        let key = Fixture.key("", filters: filters)
        store.send(.toggleSafeSearch, effects: [.search(id: 2, request: Fixture.request("", filters: filters))]) {
            $0.filters = filters; $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
    }

    @Test func choosingASortClosesThePickerAndSearches() {
        var store = Self.loaded()
        store.send(.toggleSortPicker) { $0.showsSortPicker = true }
        let key = Fixture.key("", sort: .newest, order: .asc)
        store.send(.chooseSort(.newest, .asc),
                   effects: [.search(id: 2, request: Fixture.request("", sort: .newest, order: .asc))]) {
            $0.showsSortPicker = false; $0.sort = .newest; $0.order = .asc
            $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
        store.send(.toggleSortPicker) { $0.showsSortPicker = true; $0.sortCursor = 2 }   // on "oldest first"
        store.send(.chooseSort(.newest, .asc)) { $0.showsSortPicker = false }   // the same: no search
    }

    @Test func resolutionChoosesOneAndTheSameAgainClears() {
        var f = SearchFilters()
        f.toggle(.resolution, value: "1080p")
        #expect(f.minResolution == .p1080)
        f.toggle(.resolution, value: "4k")
        #expect(f.minResolution == .k4)
        #expect(f.isSelected(.resolution, value: "4k"))
        #expect(!f.isSelected(.resolution, value: "1080p"))
        f.toggle(.resolution, value: "4k")
        #expect(f.minResolution == nil)
    }

    @Test func premiumValuesMapToPremiumAndFreeChoices() {
        var f = SearchFilters()
        f.toggle(.premium, value: "3")
        #expect(f.premium == .premiumOnly)
        #expect(f.isSelected(.premium, value: "2") && f.isSelected(.premium, value: "4"))
        f.toggle(.premium, value: "0")
        #expect(f.premium == .nonPremium)
        f.toggle(.premium, value: "0")
        #expect(f.premium == .all)
        #expect(f.free == .hidden)
        f.toggle(.premium, value: "1")
        #expect(f.free == .included)
        f.toggle(.premium, value: "1")
        #expect(f.free == .only)
        #expect(f.isSelected(.premium, value: "1"))
        f.toggle(.premium, value: "1")
        #expect(f.free == .hidden)
        #expect(!f.isSelected(.premium, value: "1"))
    }

    @Test func setFacetsAddAndRemoveValues() {
        var f = SearchFilters()
        f.toggle(.fourK, value: "true")
        f.toggle(.category, value: "nature-landscapes")
        f.toggle(.license, value: "editorial")
        f.toggle(.orientation, value: "panorama")
        #expect(f.only4K)
        #expect(f.categories == ["nature-landscapes"])
        #expect(f.licenseTypes == [.editorial])
        #expect(f.orientations == [.panorama])
        f.toggle(.fourK, value: "true")
        f.toggle(.category, value: "nature-landscapes")
        f.toggle(.license, value: "editorial")
        f.toggle(.orientation, value: "panorama")
        #expect(f == SearchFilters())
    }
}
