import BrowserModel
import StockCore
import Testing

/// Starting, the debounce, the typing race, parse errors, failures and retry.
@Suite struct SearchTests {
    @Test func startedSearchesEverythingAtOnce() {
        var store = TestStore(Fixture.state())
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = Fixture.key("")
            $0.inFlight = PageRequest(id: 1, key: Fixture.key(""), page: 1)
            $0.nextRequestID = 2
        }
        #expect(store.state.isLoading)
    }

    @Test func firstPageLandsSelectsTheFirstRowAndPrefetchesPageTwo() {
        var store = TestStore(Fixture.state())
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = Fixture.key(""); $0.inFlight = PageRequest(id: 1, key: Fixture.key(""), page: 1)
            $0.nextRequestID = 2
        }
        let page1 = Fixture.page(1...5, total: 12)
        store.receive(.searchAnswered(1, .success(page1)),
                      effects: [.search(id: 2, request: Fixture.request("", page: 2))]) {
            $0.results = ResultSet(pages: [page1])
            $0.cache.store(ResultSet(pages: [page1]), for: Fixture.key(""))
            $0.selection = 0
            $0.inFlight = PageRequest(id: 2, key: Fixture.key(""), page: 2)
            $0.nextRequestID = 3
        }
    }

    @Test func debounceWaitsForTheLastEditAndIgnoresStaleTokens() {
        var store = TestStore(Fixture.state())
        store.send(.queryEdit(.insert("l")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("l"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        store.send(.queryEdit(.insert("a")), effects: [.cancelTimer(1), .startTimer(2, milliseconds: 150)]) {
            $0.query = QueryEditor("la"); $0.debounceTimer = 2; $0.nextTimerID = 3
        }
        // A cursor move changes no text and restarts nothing.
        store.send(.queryEdit(.left)) { $0.query = QueryEditor("la", cursor: 1) }
        store.send(.debounceElapsed(1))   // stale: nothing happens
        store.send(.debounceElapsed(2), effects: [.search(id: 1, request: Fixture.request("la"))]) {
            $0.debounceTimer = nil
            $0.activeKey = Fixture.key("la"); $0.inFlight = PageRequest(id: 1, key: Fixture.key("la"), page: 1)
            $0.nextRequestID = 2
        }
        store.send(.debounceElapsed(2))   // already used
    }

    @Test func typingRaceOnlyTheLatestAnswerLands() {
        var store = TestStore(Fixture.state())
        store.send(.queryEdit(.insert("a")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("a"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        store.receive(.debounceElapsed(1), effects: [.search(id: 1, request: Fixture.request("a"))]) {
            $0.debounceTimer = nil; $0.activeKey = Fixture.key("a")
            $0.inFlight = PageRequest(id: 1, key: Fixture.key("a"), page: 1); $0.nextRequestID = 2
        }
        store.send(.queryEdit(.insert("b")), effects: [.startTimer(2, milliseconds: 150)]) {
            $0.query = QueryEditor("ab"); $0.debounceTimer = 2; $0.nextTimerID = 3
        }
        store.receive(.debounceElapsed(2), effects: [.cancel(1), .search(id: 2, request: Fixture.request("ab"))]) {
            $0.debounceTimer = nil; $0.activeKey = Fixture.key("ab")
            $0.inFlight = PageRequest(id: 2, key: Fixture.key("ab"), page: 1); $0.nextRequestID = 3
        }
        store.send(.queryEdit(.insert("c")), effects: [.startTimer(3, milliseconds: 150)]) {
            $0.query = QueryEditor("abc"); $0.debounceTimer = 3; $0.nextTimerID = 4
        }
        store.receive(.debounceElapsed(3), effects: [.cancel(2), .search(id: 3, request: Fixture.request("abc"))]) {
            $0.debounceTimer = nil; $0.activeKey = Fixture.key("abc")
            $0.inFlight = PageRequest(id: 3, key: Fixture.key("abc"), page: 1); $0.nextRequestID = 4
        }
        // Answers arrive out of order: 'ab', then 'abc', then 'a'.
        store.receive(.searchAnswered(2, .success(Fixture.page([20, 21], total: 2))))
        let abc = Fixture.page([30, 31], total: 2)
        store.receive(.searchAnswered(3, .success(abc))) {
            $0.results = ResultSet(pages: [abc]); $0.cache.store(ResultSet(pages: [abc]), for: Fixture.key("abc"))
            $0.selection = 0; $0.inFlight = nil
        }
        store.receive(.searchAnswered(1, .success(Fixture.page([10, 11, 12], total: 3))))
        #expect(store.state.results.items.map(\.id) == [30, 31])
        #expect(store.state.cache.keys == [Fixture.key("abc")])
    }

    @Test func whiteSpaceOnlyChangeIsTheSameSearch() {
        var state = Fixture.state()
        _ = state.reduce(.queryEdit(.insert("lake")))
        _ = state.reduce(.debounceElapsed(1))
        var store = TestStore(state)
        store.send(.queryEdit(.insert(" ")), effects: [.startTimer(2, milliseconds: 150)]) {
            $0.query = QueryEditor("lake "); $0.debounceTimer = 2; $0.nextTimerID = 3
        }
        store.send(.debounceElapsed(2)) { $0.debounceTimer = nil }
    }

    @Test func parseErrorShowsTheMessageAndSendsNoSearch() {
        var store = TestStore(Fixture.state())
        store.send(.queryEdit(.insert("lake AND")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("lake AND"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        let error = QueryError(position: 5, kind: .danglingOperator("AND"))
        store.send(.debounceElapsed(1)) {
            $0.debounceTimer = nil
            $0.queryError = error
            $0.errorMessage = "expected a term or '(' after AND (at character 6)"
        }
        store.send(.queryEdit(.insert(" ice")), effects: [.startTimer(2, milliseconds: 150)]) {
            $0.query = QueryEditor("lake AND ice"); $0.debounceTimer = 2; $0.nextTimerID = 3
        }
        store.send(.debounceElapsed(2), effects: [.search(id: 1, request: Fixture.request("lake AND ice"))]) {
            $0.debounceTimer = nil; $0.queryError = nil; $0.errorMessage = nil
            $0.activeKey = Fixture.key("lake ice")
            $0.inFlight = PageRequest(id: 1, key: Fixture.key("lake ice"), page: 1); $0.nextRequestID = 2
        }
    }

    @Test func enterSearchesAtOnceAndMovesTheKeysToTheResultsUnlessTheQueryIsBroken() {
        var store = TestStore(Fixture.state())
        store.send(.focus(.searchBar)) { $0.focus = .searchBar }
        store.send(.queryEdit(.insert("\"lake")), effects: [.startTimer(1, milliseconds: 150)]) {
            $0.query = QueryEditor("\"lake"); $0.debounceTimer = 1; $0.nextTimerID = 2
        }
        store.send(.submitQuery, effects: [.cancelTimer(1)]) {
            $0.debounceTimer = nil
            $0.queryError = QueryError(position: 0, kind: .unterminatedQuote)
            $0.errorMessage = "this quote is never closed: add a closing \" (at character 1)"
        }
        store.send(.queryEdit(.insert("\"")), effects: [.startTimer(2, milliseconds: 150)]) {
            $0.query = QueryEditor("\"lake\""); $0.debounceTimer = 2; $0.nextTimerID = 3
        }
        store.send(.submitQuery, effects: [.cancelTimer(2), .search(id: 1, request: Fixture.request("\"lake\""))]) {
            $0.debounceTimer = nil; $0.queryError = nil; $0.errorMessage = nil; $0.focus = .results
            $0.activeKey = Fixture.key("\"lake\""); $0.inFlight = PageRequest(id: 1, key: Fixture.key("\"lake\""), page: 1)
            $0.nextRequestID = 2
        }
    }

    @Test func unbalancedQuoteOnSubmitIsAnErrorToo() {
        var store = TestStore(BrowserState(providerName: "t", pageSize: 5, query: "\"lake"))
        store.send(.submitQuery) {
            $0.queryError = QueryError(position: 0, kind: .unterminatedQuote)
            $0.errorMessage = "this quote is never closed: add a closing \" (at character 1)"
        }
    }

    @Test func failedSearchThenRetryAsksForTheSamePageAgain() {
        var store = TestStore(Fixture.state())
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = Fixture.key(""); $0.inFlight = PageRequest(id: 1, key: Fixture.key(""), page: 1)
            $0.nextRequestID = 2
        }
        let failure = BrowserFailure(StockError.network("connection reset"))
        store.receive(.searchAnswered(1, .failure(failure))) {
            $0.inFlight = nil
            $0.failedPage = PageRequest(id: 1, key: Fixture.key(""), page: 1)
            $0.errorMessage = "network error: connection reset"
        }
        #expect(!store.state.isLoading)
        store.send(.retry, effects: [.search(id: 2, request: Fixture.request(""))]) {
            $0.failedPage = nil; $0.errorMessage = nil
            $0.inFlight = PageRequest(id: 2, key: Fixture.key(""), page: 1); $0.nextRequestID = 3
        }
        store.send(.retry)   // nothing failed: nothing to do
    }

    @Test func failedSecondPageStopsPagingUntilRetry() {
        var store = TestStore(Fixture.state())
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = Fixture.key(""); $0.inFlight = PageRequest(id: 1, key: Fixture.key(""), page: 1)
            $0.nextRequestID = 2
        }
        let page1 = Fixture.page(1...5, total: 12)
        store.receive(.searchAnswered(1, .success(page1)), effects: [.search(id: 2, request: Fixture.request("", page: 2))]) {
            $0.results = ResultSet(pages: [page1]); $0.cache.store(ResultSet(pages: [page1]), for: Fixture.key(""))
            $0.selection = 0; $0.inFlight = PageRequest(id: 2, key: Fixture.key(""), page: 2); $0.nextRequestID = 3
        }
        store.receive(.searchAnswered(2, .failure(BrowserFailure(message: "server error 503: busy")))) {
            $0.inFlight = nil; $0.failedPage = PageRequest(id: 2, key: Fixture.key(""), page: 2)
            $0.errorMessage = "server error 503: busy"
        }
        store.send(.end) { $0.selection = 4; $0.scrollOffset = 2 }   // no automatic re-request
        store.send(.retry, effects: [.search(id: 3, request: Fixture.request("", page: 2))]) {
            $0.failedPage = nil; $0.errorMessage = nil
            $0.inFlight = PageRequest(id: 3, key: Fixture.key(""), page: 2); $0.nextRequestID = 4
        }
    }

    @Test func synonymToggleIsANewSearch() {
        var store = TestStore(Fixture.state())
        var key = Fixture.key("")
        key.expandSynonyms = false
        store.send(.toggleSynonyms, effects: [.search(id: 1, request: key.request(page: 1, pageSize: 5))]) {
            $0.expandSynonyms = false; $0.activeKey = key
            $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        #expect(store.state.activeKey?.request(page: 1, pageSize: 5).expandSynonyms == false)
    }

    @Test func quitRequestedEmitsQuit() {
        var store = TestStore(Fixture.state())
        store.send(.quitRequested, effects: [.quit])
    }
}
