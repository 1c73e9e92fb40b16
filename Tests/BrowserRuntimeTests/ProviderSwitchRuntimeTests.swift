import BrowserModel
import BrowserRuntime
import Foundation
import StockCore
import Testing

/// Switching providers through the runtime: the search in flight at the old provider is
/// cancelled, and every request after the answer goes to the new one.
@MainActor @Suite struct ProviderSwitchRuntimeTests {
    @Test func afterTheSwitchSearchesGoToTheNewProvider() async throws {
        let old = ScriptedProvider()
        let new = ScriptedProvider()
        let h = try RuntimeHarness(provider: old, makeProvider: { name in
            guard name == "other" else { throw StockError.invalidRequest("no provider named \(name)") }
            return new
        })
        h.state.providers = [ProviderEntry(name: "first", displayName: "scripted"),
                             ProviderEntry(name: "other", displayName: "scripted too"),
                             ProviderEntry(name: "missing", displayName: "nowhere")]
        h.state.activeProvider = "first"
        h.send(.started)
        await h.waitUntil("the old provider has the first search") { old.waitingQueries == [""] }

        h.send(.toggleProviderPicker)
        h.send(.moveProviderCursor(1))
        h.send(.chooseProviderAtCursor)
        await h.waitUntil("the new provider has the search") { new.waitingQueries == [""] }
        #expect(h.state.activeProvider == "other")
        #expect(h.runtime.provider as? ScriptedProvider === new)
        await h.waitUntil("the old search was cancelled") { old.cancelled.count == 1 && old.waitingQueries.isEmpty }
        new.answer("", with: .success(RuntimeFixture.page(["from the new provider"])))
        await h.waitUntil("its page is shown") { h.titles == ["from the new provider"] }

        // A provider that cannot be built leaves the current one in place and says why.
        h.send(.toggleProviderPicker)
        h.send(.moveProviderCursor(1))
        h.send(.chooseProviderAtCursor)
        await h.waitUntil("the failure is shown") { h.state.errorMessage != nil && h.state.switchingTo == nil }
        #expect(h.state.errorMessage == "cannot use missing: invalid request: no provider named missing")
        #expect(h.runtime.provider as? ScriptedProvider === new)
        #expect(h.titles == ["from the new provider"])
    }
}
