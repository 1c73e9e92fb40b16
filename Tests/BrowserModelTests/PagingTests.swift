import BrowserModel
import StockCore
import Testing

/// The pager: next page near the end, one page prefetched ahead, no duplicate requests,
/// de-duplication across pages, and stopping at the total.
@Suite struct PagingTests {
    /// A store that has run `.started` and received page 1 (`ids`, `total`), so page 2 is asked for.
    static func afterFirstPage(_ ids: ClosedRange<Int64>, total: Int, rows: Int = 3) -> TestStore {
        var store = TestStore(Fixture.state(rows: rows))
        let key = Fixture.key("")
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = key; $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        let page1 = Fixture.page(ids, total: total)
        store.receive(.searchAnswered(1, .success(page1)), effects: [.search(id: 2, request: Fixture.request("", page: 2))]) {
            $0.results = ResultSet(pages: [page1]); $0.cache.store(ResultSet(pages: [page1]), for: key)
            $0.selection = 0; $0.inFlight = PageRequest(id: 2, key: key, page: 2); $0.nextRequestID = 3
        }
        return store
    }

    @Test func pagesAheadOfTheSelectionWithoutDuplicatesUntilTheTotal() {
        let key = Fixture.key("")
        var store = Self.afterFirstPage(1...5, total: 14)
        let page1 = Fixture.page(1...5, total: 14)
        // Page 2 is running: moving asks for nothing more.
        store.send(.moveSelection(1)) { $0.selection = 1 }
        // Page 2 repeats asset 5 from page 1: it is shown once, where it first appeared.
        let page2 = Fixture.page([5, 6, 7, 8, 9], page: 2, total: 14)
        store.receive(.searchAnswered(2, .success(page2))) {
            $0.results = ResultSet(pages: [page1, page2]); $0.cache.store(ResultSet(pages: [page1, page2]), for: key)
            $0.inFlight = nil
        }
        #expect(store.state.results.items.map(\.id.rawValue) == Array(1...9))
        // Onto page 2: page 3 is fetched ahead.
        store.send(.moveSelection(4), effects: [.search(id: 3, request: Fixture.request("", page: 3))]) {
            $0.selection = 5; $0.scrollOffset = 3
            $0.inFlight = PageRequest(id: 3, key: key, page: 3); $0.nextRequestID = 4
        }
        store.send(.moveSelection(1)) { $0.selection = 6; $0.scrollOffset = 4 }   // never twice the same page
        let page3 = Fixture.page(10...14, page: 3, total: 14)
        store.receive(.searchAnswered(3, .success(page3))) {
            $0.results = ResultSet(pages: [page1, page2, page3])
            $0.cache.store(ResultSet(pages: [page1, page2, page3]), for: key)
            $0.inFlight = nil
        }
        #expect(store.state.results.reachedEnd)
        #expect(store.state.results.items.map(\.id.rawValue) == Array(1...14))
        // The total is reached: the end asks for nothing.
        store.send(.end) { $0.selection = 13; $0.scrollOffset = 11 }
        store.send(.moveSelection(5))
    }

    @Test func withinOneScreenOfTheEndAsksForTheNextPage() {
        let key = Fixture.key("")
        var store = Self.afterFirstPage(1...5, total: 30, rows: 12)
        let page1 = Fixture.page(1...5, total: 30)
        let page2 = Fixture.page(6...10, page: 2, total: 30)
        // 10 loaded and 12 rows visible: the next page is wanted even though page 2 is "ahead".
        store.receive(.searchAnswered(2, .success(page2)), effects: [.search(id: 3, request: Fixture.request("", page: 3))]) {
            $0.results = ResultSet(pages: [page1, page2]); $0.cache.store(ResultSet(pages: [page1, page2]), for: key)
            $0.inFlight = PageRequest(id: 3, key: key, page: 3); $0.nextRequestID = 4
        }
        let page3 = Fixture.page(11...15, page: 3, total: 30)
        store.receive(.searchAnswered(3, .success(page3))) {
            $0.results = ResultSet(pages: [page1, page2, page3])
            $0.cache.store(ResultSet(pages: [page1, page2, page3]), for: key)
            $0.inFlight = nil
        }
    }

    @Test func growingTheViewportAsksForMore() {
        let key = Fixture.key("")
        var store = Self.afterFirstPage(1...5, total: 30)
        let page1 = Fixture.page(1...5, total: 30)
        let page2 = Fixture.page(6...10, page: 2, total: 30)
        store.receive(.searchAnswered(2, .success(page2))) {
            $0.results = ResultSet(pages: [page1, page2]); $0.cache.store(ResultSet(pages: [page1, page2]), for: key)
            $0.inFlight = nil
        }
        store.send(.viewportChanged(rows: 20, columns: 100),
                   effects: [.search(id: 3, request: Fixture.request("", page: 3))]) {
            $0.viewport = Viewport(rows: 20, columns: 100)
            $0.inFlight = PageRequest(id: 3, key: key, page: 3); $0.nextRequestID = 4
        }
    }

    @Test func anEmptyPageStopsPagingEvenIfTheTotalSaysMore() {
        let key = Fixture.key("")
        var store = Self.afterFirstPage(1...5, total: 100)
        let page1 = Fixture.page(1...5, total: 100)
        let empty = Fixture.page([], page: 2, total: 100)
        store.receive(.searchAnswered(2, .success(empty))) {
            $0.results = ResultSet(pages: [page1, empty]); $0.cache.store(ResultSet(pages: [page1, empty]), for: key)
            $0.inFlight = nil
        }
        store.send(.end) { $0.selection = 4; $0.scrollOffset = 2 }
    }

    @Test func aSinglePageResultAsksForNoSecondPage() {
        var store = TestStore(Fixture.state())
        let key = Fixture.key("")
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = key; $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        let only = Fixture.page(1...5, total: 5)
        store.receive(.searchAnswered(1, .success(only))) {
            $0.results = ResultSet(pages: [only]); $0.cache.store(ResultSet(pages: [only]), for: key)
            $0.selection = 0; $0.inFlight = nil
        }
    }

    @Test func noResultsMeansNoSelection() {
        var store = TestStore(Fixture.state())
        let key = Fixture.key("")
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = key; $0.inFlight = PageRequest(id: 1, key: key, page: 1); $0.nextRequestID = 2
        }
        let none = Fixture.page([], total: 0)
        store.receive(.searchAnswered(1, .success(none))) {
            $0.results = ResultSet(pages: [none]); $0.cache.store(ResultSet(pages: [none]), for: key)
            $0.inFlight = nil
        }
        store.send(.moveSelection(1))
        store.send(.end)
        store.send(.openDetail)
        #expect(store.state.selection == nil)
    }

    @Test func resultSetKeepsTheFirstOccurrenceAndTheLatestTotalAndFacets() {
        let facets = FacetCounts(counts: [.type: ["photo": 3]])
        var set = ResultSet(pages: [Fixture.page([1, 2, 3], total: 9)])
        set.append(Fixture.page([3, 2, 4], page: 2, total: 20, facets: facets))
        #expect(set.items.map(\.id) == [1, 2, 3, 4])
        #expect(set.total == 20)
        #expect(set.facets == facets)
        #expect(set.loadedPages == 2)
        #expect(set.nextPage == 3)
        #expect(set.hasMore)
        #expect(!ResultSet().hasMore)
    }
}

/// The page ahead costs a request only once the person reads on (issue 4's request budget).
@Suite struct ReadingOnTests {
    @Test func aFirstPageOfMoreThanTwoScreensIsNotFetchedAheadUntilTheSelectionMoves() {
        var state = Fixture.state(pageSize: 60, rows: 27)
        _ = state.reduce(.started)
        #expect(state.reduce(.searchAnswered(1, .success(Fixture.page(1...60, total: 600)))).isEmpty,
                "nobody has scrolled: no page ahead")
        #expect(!state.isLoading)
        // The first PageDown shows rows 28–54 at once and asks for page 2, a screen before it is needed.
        let effects = state.reduce(.moveSelection(27))
        #expect(effects == [.search(id: 2, request: Fixture.request("", page: 2, pageSize: 60))])
        #expect(!state.isWaitingForResults)
    }

    @Test func aFirstPageShorterThanTwoScreensIsFetchedAheadAtOnce() {
        var state = Fixture.state(pageSize: 60, rows: 31)
        _ = state.reduce(.started)
        #expect(state.reduce(.searchAnswered(1, .success(Fixture.page(1...60, total: 600))))
                == [.search(id: 2, request: Fixture.request("", page: 2, pageSize: 60))],
                "one PageDown would already reach row 62")
    }
}

/// The spinner shows only for pages the person waits for, not for the one fetched ahead.
@Suite struct WaitingTests {
    @Test func aPrefetchBehindAFullScreenIsNotWaitedFor() {
        var state = Fixture.state(pageSize: 5, rows: 3)
        _ = state.reduce(.started)
        #expect(state.isLoading && state.isWaitingForResults, "the first page")
        let effects = state.reduce(.searchAnswered(1, .success(Fixture.page(1...5, total: 20))))
        #expect(effects.count == 1, "page 2 is fetched ahead")
        #expect(state.isLoading && !state.isWaitingForResults, "five rows loaded, three on screen")
        _ = state.reduce(.end)   // the last loaded row: the window reaches the end
        #expect(state.isWaitingForResults)
        _ = state.reduce(.searchAnswered(2, .success(Fixture.page(6...10, page: 2, total: 20))))
        #expect(!state.isWaitingForResults)
    }
}
