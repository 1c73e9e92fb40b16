import BrowserModel
import BrowserRuntime
import Foundation
import StockCore
import Testing

/// The runtime against a scripted provider and a manual clock: debounce, cancellation, late
/// answers, asset loads.
@MainActor
@Suite struct BrowserRuntimeTests {
    @Test func typingFastSearchesOnceAfterTheDebounce() async throws {
        let provider = ScriptedProvider()
        let h = try RuntimeHarness(provider: provider)
        h.send(.started)
        await h.waitUntil("the first search waits") { provider.waitingQueries == [""] }
        provider.answer("", with: .success(RuntimeFixture.page(["everything"])))
        await h.waitUntil("the first page is shown") { h.titles == ["everything"] }

        for letter in ["l", "a", "k", "e"] { h.send(.queryEdit(.insert(letter))) }
        await h.clock.advance(by: 149)
        h.drain()
        #expect(provider.waitingQueries.isEmpty, "nothing is searched before 150 ms of quiet")
        await h.clock.advance(by: 1)
        await h.waitUntil("one search for the whole word") { provider.waitingQueries == ["lake"] }
        #expect(h.runtime.runningCount == 1, "the three superseded timers were cancelled, not left running")
        provider.answer("lake", with: .success(RuntimeFixture.page(["Lake Baikal", "Lake Kaindy"], firstID: 10)))
        await h.waitUntil("the results") { h.titles == ["Lake Baikal", "Lake Kaindy"] }
        #expect(h.runtime.runningCount == 0)
    }

    @Test func aSupersededSearchIsCancelledInTheProviderAndItsAnswerNeverLands() async throws {
        let provider = ScriptedProvider()
        let h = try RuntimeHarness(provider: provider)
        h.send(.queryEdit(.insert("a")))
        h.send(.submitQuery)
        await h.waitUntil("a waits") { provider.waitingQueries == ["a"] }
        h.send(.queryEdit(.insert("b")))
        h.send(.submitQuery)
        await h.waitUntil("ab waits, a is cancelled") { provider.waitingQueries == ["ab"] && provider.cancelled.count == 1 }
        #expect(provider.cancelled.first?.query.map(QueryPrinter.print) == "a")
        provider.answer("ab", with: .success(RuntimeFixture.page(["ab result"])))
        await h.waitUntil("ab shown") { h.titles == ["ab result"] }
        #expect(!h.delivered.contains { if case .searchAnswered(_, .failure) = $0 { true } else { false } },
                "a cancelled search posts nothing, not even an error")
    }

    /// The typing race of the issue: 'a', 'ab', 'abc' answered in the order abc, a, ab by a
    /// server that ignores cancellation. Only abc's results may ever be shown.
    @Test func lateAnswersToOlderQueriesAreDropped() async throws {
        let provider = ScriptedProvider(honoursCancellation: false)
        let h = try RuntimeHarness(provider: provider)
        for letter in ["a", "b", "c"] {
            h.send(.queryEdit(.insert(letter)))
            await h.clock.advance(by: 150)
            h.drain()
        }
        await h.waitUntil("three searches wait") { provider.waitingQueries == ["a", "ab", "abc"] }
        #expect(provider.cancelled.count == 2)
        provider.answer("abc", with: .success(RuntimeFixture.page(["abc 1", "abc 2"])))
        await h.waitUntil("abc shown") { h.titles == ["abc 1", "abc 2"] }
        provider.answer("a", with: .success(RuntimeFixture.page(["a 1"], firstID: 50)))
        provider.answer("ab", with: .success(RuntimeFixture.page(["ab 1"], firstID: 60)))
        try await Task.sleep(for: .milliseconds(50))
        h.drain()
        #expect(h.titles == ["abc 1", "abc 2"])
        let answers = h.delivered.filter { if case .searchAnswered = $0 { true } else { false } }
        #expect(answers.count == 1, "the runtime posted only abc's answer: \(answers)")
    }

    @Test func aFailedSearchIsShownAndRetried() async throws {
        let provider = ScriptedProvider()
        let h = try RuntimeHarness(provider: provider)
        h.send(.started)
        await h.waitUntil("waits") { provider.waitingQueries == [""] }
        provider.answer("", with: .failure(StockError.server(status: 503, message: "busy")))
        await h.waitUntil("the error") { h.state.errorMessage != nil }
        #expect(h.state.errorMessage?.contains("503") == true)
        h.send(.retry)
        await h.waitUntil("asked again") { provider.waitingQueries == [""] }
        provider.answer("", with: .success(RuntimeFixture.page(["back"])))
        await h.waitUntil("results") { h.titles == ["back"] }
        #expect(h.state.errorMessage == nil)
    }

    @Test func theDetailLoadsTheFullAsset() async throws {
        let provider = ScriptedProvider()
        let h = try RuntimeHarness(provider: provider)
        h.send(.started)
        await h.waitUntil("waits") { provider.waitingQueries == [""] }
        provider.answer("", with: .success(RuntimeFixture.page(["first"], firstID: 7)))
        await h.waitUntil("results") { h.titles == ["first"] }
        h.send(.openDetail)
        #expect(h.state.detail?.asset.title == "first")
        await h.waitUntil("the full asset") { h.state.detail?.asset.title == "full 7" }
        #expect(provider.assetCalls == [7])
    }

    @Test func cancelAllStopsTimersSoNothingFires() async throws {
        let provider = ScriptedProvider()
        let h = try RuntimeHarness(provider: provider)
        h.send(.queryEdit(.insert("x")))
        #expect(h.runtime.runningCount == 1)
        h.runtime.cancelAll()
        await h.clock.advance(by: 1000)
        try await Task.sleep(for: .milliseconds(20))
        h.drain()
        #expect(h.delivered.isEmpty)
        #expect(provider.waitingQueries.isEmpty)
    }
}
