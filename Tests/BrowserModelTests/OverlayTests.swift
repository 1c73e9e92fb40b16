import BrowserModel
import StockCore
import Testing

/// The sort picker's cursor, and scrolling the detail view's text.
@Suite struct OverlayTests {
    @Test func sortPickerOpensOnTheCurrentSortAndChoosesTheLineUnderItsCursor() {
        var store = FacetTests.loaded()
        store.send(.toggleSortPicker) { $0.showsSortPicker = true; $0.sortCursor = 0 }
        store.send(.moveSortCursor(-1))   // clamped at the top
        store.send(.moveSortCursor(3)) { $0.sortCursor = 3 }
        store.send(.moveSortCursor(100)) { $0.sortCursor = SortChoice.all.count - 1 }
        store.send(.moveSortCursor(-1)) { $0.sortCursor = SortChoice.all.count - 2 }
        let chosen = SortChoice.all[SortChoice.all.count - 2]
        #expect(chosen.field == .duration && chosen.direction == .asc)
        let key = Fixture.key("", sort: .duration, order: .asc)
        store.send(.chooseSortAtCursor,
                   effects: [.search(id: 2, request: Fixture.request("", sort: .duration, order: .asc))]) {
            $0.showsSortPicker = false; $0.sort = .duration; $0.order = .asc
            $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
        store.send(.chooseSortAtCursor)   // the picker is closed: nothing
        store.send(.toggleSortPicker) { $0.showsSortPicker = true; $0.sortCursor = SortChoice.all.count - 2 }
    }

    @Test func everySortFieldHasAChoiceAndLabelsAreUnique() {
        for field in SortField.allCases { #expect(SortChoice.all.contains { $0.field == field }, "\(field)") }
        #expect(Set(SortChoice.all.map(\.label)).count == SortChoice.all.count)
        #expect(SortChoice.label(for: .newest, .asc) == "oldest first")
        #expect(SortChoice.label(for: .curated, .asc) == "curated ↑")
    }

    @Test func inTheDetailViewMovementKeysScrollTheTextWithinWhatTheScreenMeasured() {
        var store = FacetTests.loaded()
        store.send(.openDetail, effects: [.loadAsset(id: 2, asset: 1), .loadLicenses(1)]) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: 2); $0.nextRequestID = 3
        }
        store.send(.moveSelection(1))   // nothing to scroll yet: maxScroll is 0
        store.send(.detailMeasured(maxScroll: 12)) { $0.detail?.maxScroll = 12 }
        store.send(.moveSelection(1)) { $0.detail?.scrollOffset = 1 }
        store.send(.pageDown) { $0.detail?.scrollOffset = 4 }   // viewport of 3 rows
        store.send(.end) { $0.detail?.scrollOffset = 12 }
        store.send(.moveSelection(1))   // at the bottom
        store.send(.detailMeasured(maxScroll: 5)) { $0.detail?.maxScroll = 5; $0.detail?.scrollOffset = 5 }
        store.send(.pageUp) { $0.detail?.scrollOffset = 2 }
        store.send(.home) { $0.detail?.scrollOffset = 0 }
        store.send(.moveSelection(-1))
        #expect(store.state.selection == 0)   // the list underneath did not move
        store.send(.detailMeasured(maxScroll: 5))   // unchanged
    }
}
