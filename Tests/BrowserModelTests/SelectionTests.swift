import BrowserModel
import StockCore
import Testing

/// The selection and scroll offset, the detail view, focus and overlays.
@Suite struct SelectionTests {
    /// Ten results, all loaded (nothing more to page), three rows visible, first row selected.
    static func tenLoaded() -> BrowserState {
        var state = Fixture.state()
        state.activeKey = Fixture.key("")
        state.results = ResultSet(pages: [Fixture.page(1...10, pageSize: 10, total: 10)])
        state.selection = 0
        return state
    }

    @Test func moveClampsAtBothEndsAndKeepsTheSelectionVisible() {
        var store = TestStore(Self.tenLoaded())
        store.send(.moveSelection(-1))
        store.send(.moveSelection(2)) { $0.selection = 2 }
        store.send(.moveSelection(1)) { $0.selection = 3; $0.scrollOffset = 1 }
        store.send(.moveSelection(100)) { $0.selection = 9; $0.scrollOffset = 7 }
        store.send(.moveSelection(-8)) { $0.selection = 1; $0.scrollOffset = 1 }
        store.send(.moveSelection(-100)) { $0.selection = 0; $0.scrollOffset = 0 }
    }

    @Test func pageDownAndUpMoveByTheViewportAndClamp() {
        var store = TestStore(Self.tenLoaded())
        store.send(.pageDown) { $0.selection = 3; $0.scrollOffset = 3 }
        store.send(.pageDown) { $0.selection = 6; $0.scrollOffset = 6 }
        store.send(.pageDown) { $0.selection = 9; $0.scrollOffset = 7 }
        store.send(.pageDown)
        store.send(.pageUp) { $0.selection = 6; $0.scrollOffset = 4 }
        store.send(.home) { $0.selection = 0; $0.scrollOffset = 0 }
        store.send(.pageUp)
        store.send(.end) { $0.selection = 9; $0.scrollOffset = 7 }
    }

    @Test func shrinkingTheViewportScrollsToKeepTheSelection() {
        var state = Self.tenLoaded()
        state.selection = 9; state.scrollOffset = 7
        var store = TestStore(state)
        store.send(.viewportChanged(rows: 2, columns: 40)) {
            $0.viewport = Viewport(rows: 2, columns: 40); $0.scrollOffset = 8
        }
        store.send(.viewportChanged(rows: 0, columns: 0)) {
            $0.viewport = Viewport(rows: 1, columns: 1); $0.scrollOffset = 9
        }
        store.send(.viewportChanged(rows: 40, columns: 120)) {
            $0.viewport = Viewport(rows: 40, columns: 120); $0.scrollOffset = 0
        }
    }

    @Test func emptyListHasNoSelection() {
        var store = TestStore(Fixture.state())
        store.send(.moveSelection(3))
        store.send(.pageDown)
        store.send(.home)
        store.send(.end)
        #expect(store.state.selection == nil)
        #expect(store.state.selectedAsset == nil)
    }

    @Test func detailShowsTheListItemAtOnceThenTheFullAsset() {
        var store = TestStore(Self.tenLoaded())
        store.send(.moveSelection(2)) { $0.selection = 2 }
        store.send(.openDetail, effects: [.loadAsset(id: 1, asset: 3), .loadLicenses(3)]) {
            $0.detail = DetailState(asset: Fixture.asset(3), requestID: 1); $0.nextRequestID = 2
        }
        #expect(store.state.detail?.isLoading == true)
        store.send(.openDetail)   // already open
        let full = Fixture.asset(3, description: "Ice on Lake Baikal at dawn")
        store.receive(.assetAnswered(1, .success(full))) {
            $0.detail = DetailState(asset: full, requestID: nil)
        }
        store.send(.back) { $0.detail = nil }
    }

    @Test func lateDetailAnswerForAnotherAssetIsDropped() {
        var store = TestStore(Self.tenLoaded())
        store.send(.openDetail, effects: [.loadAsset(id: 1, asset: 1), .loadLicenses(1)]) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: 1); $0.nextRequestID = 2
        }
        store.send(.back, effects: [.cancel(1)]) { $0.detail = nil }
        store.send(.moveSelection(1)) { $0.selection = 1 }
        store.send(.openDetail, effects: [.loadAsset(id: 2, asset: 2), .loadLicenses(2)]) {
            $0.detail = DetailState(asset: Fixture.asset(2), requestID: 2); $0.nextRequestID = 3
        }
        store.receive(.assetAnswered(1, .success(Fixture.asset(1, description: "old"))))
        store.receive(.assetAnswered(2, .success(Fixture.asset(7, description: "wrong asset"))))
        store.receive(.assetAnswered(2, .success(Fixture.asset(2, description: "right")))) {
            $0.detail = DetailState(asset: Fixture.asset(2, description: "right"), requestID: nil)
        }
    }

    @Test func failedDetailCanBeRetried() {
        var store = TestStore(Self.tenLoaded())
        store.send(.openDetail, effects: [.loadAsset(id: 1, asset: 1), .loadLicenses(1)]) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: 1); $0.nextRequestID = 2
        }
        store.receive(.assetAnswered(1, .failure(BrowserFailure(StockError.notFound(1))))) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: nil, errorMessage: "asset 1 not found")
            $0.errorMessage = "asset 1 not found"
        }
        store.send(.retry, effects: [.loadAsset(id: 2, asset: 1)]) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: 2); $0.errorMessage = nil; $0.nextRequestID = 3
        }
    }

    @Test func focusCyclesAndBackClosesTheTopmostThingFirst() {
        var store = TestStore(Self.tenLoaded())
        store.send(.cycleFocus) { $0.focus = .searchBar }
        store.send(.cycleFocus) { $0.focus = .filters }
        store.send(.cycleFocus) { $0.focus = .results }
        store.send(.focus(.searchBar)) { $0.focus = .searchBar }
        store.send(.openDetail, effects: [.loadAsset(id: 1, asset: 1), .loadLicenses(1)]) {
            $0.detail = DetailState(asset: Fixture.asset(1), requestID: 1); $0.nextRequestID = 2
        }
        store.send(.toggleSortPicker) { $0.showsSortPicker = true }
        store.send(.toggleHelp) { $0.showsHelp = true }
        store.send(.back) { $0.showsHelp = false }
        store.send(.back) { $0.showsSortPicker = false }
        store.send(.back, effects: [.cancel(1)]) { $0.detail = nil }
        store.send(.back) { $0.focus = .results }
        store.send(.back)
        store.send(.toggleHelp) { $0.showsHelp = true }
        store.send(.toggleHelp) { $0.showsHelp = false }
    }

    @Test func reduceIntoIsTheSameAsTheMethod() {
        var a = Fixture.state(), b = Fixture.state()
        let effects = BrowserModel.reduce(into: &a, .started)
        #expect(effects == b.reduce(.started))
        #expect(a == b)
        let info = ProviderInfo(displayName: "Adobe Stock", facetGroups: [.type], maxPageSize: 40)
        let adobe = BrowserState(provider: info)
        #expect(adobe.pageSize == 40)
        #expect(adobe.providerName == "Adobe Stock")
        #expect(adobe.facetGroups == [.type])
    }
}
