import BrowserModel
import StockCore
import Testing

/// The provider picker, switching providers, and the categories of a provider without counts.
@Suite struct ProviderSwitchTests {
    static let stockFlow = ProviderInfo(displayName: "StockFlow", facetGroups: [.category, .duration], maxPageSize: 60,
                                        kinds: [.video])

    /// A demo-catalog browser with one page shown and two configured providers besides.
    static func loaded() -> TestStore {
        var state = Fixture.loadedOffering([ProviderEntry(name: "demo", displayName: "demo catalog"),
                                            ProviderEntry(name: "sf", displayName: "StockFlow"),
                                            ProviderEntry(name: "adobe", displayName: "Adobe Stock", problem: "no API key")])
        state.filters.safeSearch = true // a filter the next provider may not have: reset on switching
        return TestStore(state)
    }

    @Test func pickerOpensOnTheActiveProviderAndEscCloses() {
        var store = Self.loaded()
        store.send(.toggleProviderPicker) { $0.showsProviderPicker = true; $0.providerCursor = 0 }
        store.send(.moveProviderCursor(5)) { $0.providerCursor = 2 }
        store.send(.back) { $0.showsProviderPicker = false }
    }

    @Test func choosingAProviderWithAProblemSaysWhyAndSendsNothing() {
        var store = Self.loaded()
        store.send(.toggleProviderPicker) { $0.showsProviderPicker = true; $0.providerCursor = 0 }
        store.send(.moveProviderCursor(2)) { $0.providerCursor = 2 }
        store.send(.chooseProviderAtCursor) { $0.showsProviderPicker = false; $0.errorMessage = "adobe: no API key" }
    }

    @Test func switchingResetsTheSearchAndAsksTheNewProvider() {
        var store = Self.loaded()
        store.send(.queryEdit(.insert("lake")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("lake"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        store.send(.toggleProviderPicker) { $0.showsProviderPicker = true; $0.providerCursor = 0 }
        store.send(.moveProviderCursor(1)) { $0.providerCursor = 1 }
        store.send(.chooseProviderAtCursor, effects: [.switchProvider(name: "sf")]) {
            $0.showsProviderPicker = false; $0.switchingTo = "sf"
        }
        #expect(store.state.isWaitingForResults)
        // A late answer for another name is ignored.
        store.receive(.providerSwitched("adobe", .success(Self.stockFlow)))
        let key = SearchKey(query: try? QueryParser.parse("lake"), filters: SearchFilters(), sort: .relevance, order: .desc,
                            expandSynonyms: true)
        let request = SearchRequest(query: key.query, filters: SearchFilters(), sort: .relevance, order: .desc, page: 1,
                                    pageSize: 60, expandSynonyms: true)
        store.receive(.providerSwitched("sf", .success(Self.stockFlow)),
                      effects: [.cancelTimer(1), .search(id: 2, request: request), .loadCategories]) {
            $0.switchingTo = nil; $0.activeProvider = "sf"; $0.providerName = "StockFlow"
            $0.facetGroups = [.category, .duration]; $0.kinds = [.video]; $0.providerCountsFacets = false
            $0.pageSize = 60; $0.filters = SearchFilters(); $0.cache = ResultCache(capacity: $0.cache.capacity)
            $0.results = ResultSet(); $0.selection = nil; $0.debounceTimer = nil
            $0.activeKey = key; $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
        store.receive(.categoriesAnswered(.success([Category(slug: "urban-cinematic", name: "Urban cinematic"),
                                                     Category(slug: "food-preparation", name: "Food preparation")]))) {
            $0.knownCategories = ["urban-cinematic", "food-preparation"]
        }
        #expect(store.state.filterRows.map(\.label) == ["food-preparation", "urban-cinematic",
                                                        "under 10 s", "10–30 s", "30–60 s", "over 60 s"])
    }

    @Test func aFailedSwitchKeepsTheOldProviderAndSaysWhy() {
        var store = Self.loaded()
        store.send(.toggleProviderPicker) { $0.showsProviderPicker = true; $0.providerCursor = 0 }
        store.send(.moveProviderCursor(1)) { $0.providerCursor = 1 }
        store.send(.chooseProviderAtCursor, effects: [.switchProvider(name: "sf")]) {
            $0.showsProviderPicker = false; $0.switchingTo = "sf"
        }
        store.receive(.providerSwitched("sf", .failure(BrowserFailure(message: "not signed in: bad key")))) {
            $0.switchingTo = nil; $0.errorMessage = "cannot use sf: not signed in: bad key"
        }
        #expect(store.state.providerName == "test catalog")
    }
}
