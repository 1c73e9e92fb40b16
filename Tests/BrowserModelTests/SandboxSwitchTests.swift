import BrowserModel
import StockCore
import Testing

/// Choosing a sandbox in the provider picker: the status line says it is starting, then names it
/// with its label; a sandbox that cannot start says why and keeps the provider browsed.
@Suite struct SandboxSwitchTests {
    static let label = "Adobe Stock — sandbox (no real account)"
    static let adobe = ProviderInfo(displayName: label, facetGroups: [.type, .orientation, .premium], maxPageSize: 64)

    /// A demo-catalog browser with one page shown, offering the demo catalog and two sandboxes.
    static func loaded() -> TestStore {
        TestStore(Fixture.loadedOffering([
            ProviderEntry(name: "demo", displayName: "demo catalog"),
            ProviderEntry(name: "sandbox:stocksy", displayName: "Stocksy — sandbox (no real account)", isSandbox: true),
            ProviderEntry(name: "sandbox:adobe", displayName: label, isSandbox: true),
        ]))
    }

    /// Opens the picker and chooses the Adobe sandbox (the third line).
    static func chooseAdobe(_ store: inout TestStore) {
        store.send(.toggleProviderPicker) { $0.showsProviderPicker = true; $0.providerCursor = 0 }
        store.send(.moveProviderCursor(2)) { $0.providerCursor = 2 }
        store.send(.chooseProviderAtCursor, effects: [.switchProvider(name: "sandbox:adobe")]) {
            $0.showsProviderPicker = false; $0.switchingTo = "sandbox:adobe"
        }
    }

    @Test func choosingASandboxSaysItIsStartingThenShowsItsLabel() {
        var store = Self.loaded()
        #expect(store.state.providerStatus == "test catalog")
        Self.chooseAdobe(&store)
        #expect(store.state.providerStatus == "test catalog → starting \(Self.label)…")
        #expect(store.state.isWaitingForResults, "the spinner turns while the emulator starts")

        // The page size is the browser's own 60 (the sandbox takes up to 64).
        let key = Fixture.key("")
        let request = Fixture.request("", pageSize: 60)
        store.receive(.providerSwitched("sandbox:adobe", .success(Self.adobe)), effects: [.search(id: 2, request: request)]) {
            $0.switchingTo = nil; $0.activeProvider = "sandbox:adobe"; $0.providerName = Self.label
            $0.facetGroups = [.type, .orientation, .premium]; $0.providerCountsFacets = false
            $0.pageSize = 60; $0.cache = ResultCache(capacity: $0.cache.capacity)
            $0.results = ResultSet(); $0.selection = nil
            $0.activeKey = key; $0.inFlight = PageRequest(id: 2, key: key, page: 1); $0.nextRequestID = 3
        }
        #expect(store.state.providerStatus == Self.label)
    }

    @Test func aSandboxThatCannotStartSaysWhyAndKeepsTheCatalog() {
        var store = Self.loaded()
        Self.chooseAdobe(&store)
        store.receive(.providerSwitched("sandbox:adobe", .failure(BrowserFailure(message: "cannot bind 127.0.0.1")))) {
            $0.switchingTo = nil; $0.errorMessage = "cannot use sandbox:adobe: cannot bind 127.0.0.1"
        }
        #expect(store.state.providerStatus == "test catalog")
        #expect(store.state.results.items.count == 5, "the catalog's results stay")
    }

    @Test func switchingToAConfiguredServiceNamesIt() {
        var state = Self.loaded().state
        state.providers.append(ProviderEntry(name: "sf", displayName: "StockFlow"))
        state.switchingTo = "sf"
        #expect(state.providerStatus == "test catalog → StockFlow")
        state.switchingTo = "gone"
        #expect(state.providerStatus == "test catalog → gone")
    }
}
