import BrowserModel
import StockCore
import Testing

/// Going back to an earlier query or filter set shows its results at once, with no request.
@Suite struct CacheTests {
    /// Types `text` as one edit and lets the debounce run out.
    static func search(_ store: inout TestStore, _ text: String, timer: TimerID, id: RequestID,
                       cancelling: [RequestID] = []) {
        let key = Fixture.key(text)
        store.send(.queryEdit(.replace(text)), effects: [.startTimer(timer, milliseconds: 150)]) {
            $0.query = QueryEditor(text); $0.debounceTimer = timer
            $0.nextTimerID = TimerID(rawValue: timer.rawValue + 1)
        }
        store.receive(.debounceElapsed(timer),
                      effects: cancelling.map { .cancel($0) } + [.search(id: id, request: Fixture.request(text))]) {
            $0.debounceTimer = nil; $0.activeKey = key; $0.results = ResultSet(); $0.selection = nil; $0.scrollOffset = 0
            $0.inFlight = PageRequest(id: id, key: key, page: 1)
            $0.nextRequestID = RequestID(rawValue: id.rawValue + 1)
        }
    }

    @Test func goingBackToAnEarlierQueryShowsItsResultsWithoutARequest() {
        var store = TestStore(Fixture.state())
        Self.search(&store, "lake", timer: 1, id: 1)
        let lake = Fixture.page(1...3, total: 3)
        store.receive(.searchAnswered(1, .success(lake))) {
            $0.results = ResultSet(pages: [lake]); $0.cache.store(ResultSet(pages: [lake]), for: Fixture.key("lake"))
            $0.selection = 0; $0.inFlight = nil
        }
        store.send(.moveSelection(2)) { $0.selection = 2 }
        Self.search(&store, "ice", timer: 2, id: 2)
        let ice = Fixture.page([7, 8], total: 2)
        store.receive(.searchAnswered(2, .success(ice))) {
            $0.results = ResultSet(pages: [ice]); $0.cache.store(ResultSet(pages: [ice]), for: Fixture.key("ice"))
            $0.selection = 0; $0.inFlight = nil
        }
        store.send(.queryEdit(.replace("lake")), effects: [.startTimer(3, milliseconds: 150)]) {
            $0.query = QueryEditor("lake"); $0.debounceTimer = 3; $0.nextTimerID = 4
        }
        store.receive(.debounceElapsed(3)) {
            $0.debounceTimer = nil; $0.activeKey = Fixture.key("lake")
            $0.results = ResultSet(pages: [lake]); $0.selection = 0
            _ = $0.cache.lookup(Fixture.key("lake"))
        }
        #expect(store.state.cache.keys == [Fixture.key("ice"), Fixture.key("lake")])
        #expect(!store.state.isLoading)
    }

    @Test func aPartlyLoadedCachedSearchAsksOnlyForItsNextPage() {
        var store = TestStore(Fixture.state())
        Self.search(&store, "lake", timer: 1, id: 1)
        let lake = Fixture.page(1...5, total: 12)
        store.receive(.searchAnswered(1, .success(lake)), effects: [.search(id: 2, request: Fixture.request("lake", page: 2))]) {
            $0.results = ResultSet(pages: [lake]); $0.cache.store(ResultSet(pages: [lake]), for: Fixture.key("lake"))
            $0.selection = 0; $0.inFlight = PageRequest(id: 2, key: Fixture.key("lake"), page: 2); $0.nextRequestID = 3
        }
        Self.search(&store, "ice", timer: 2, id: 3, cancelling: [2])
        store.send(.queryEdit(.replace("lake")), effects: [.startTimer(3, milliseconds: 150)]) {
            $0.query = QueryEditor("lake"); $0.debounceTimer = 3; $0.nextTimerID = 4
        }
        store.receive(.debounceElapsed(3), effects: [.cancel(3), .search(id: 4, request: Fixture.request("lake", page: 2))]) {
            $0.debounceTimer = nil; $0.activeKey = Fixture.key("lake")
            $0.results = ResultSet(pages: [lake]); $0.selection = 0
            _ = $0.cache.lookup(Fixture.key("lake"))
            $0.inFlight = PageRequest(id: 4, key: Fixture.key("lake"), page: 2); $0.nextRequestID = 5
        }
        // The cancelled page 2 (id 2) and the "ice" answer (id 3) arriving late are dropped.
        store.receive(.searchAnswered(2, .success(Fixture.page(6...10, page: 2, total: 12))))
        store.receive(.searchAnswered(3, .success(Fixture.page([7], total: 1))))
    }

    @Test func goingBackToAnEarlierFilterSetShowsItsResultsWithoutARequest() {
        var store = TestStore(Fixture.state())
        let all = Fixture.key("")
        store.send(.started, effects: [.search(id: 1, request: Fixture.request(""))]) {
            $0.activeKey = all; $0.inFlight = PageRequest(id: 1, key: all, page: 1); $0.nextRequestID = 2
        }
        let everything = Fixture.page(1...4, total: 4)
        store.receive(.searchAnswered(1, .success(everything))) {
            $0.results = ResultSet(pages: [everything]); $0.cache.store(ResultSet(pages: [everything]), for: all)
            $0.selection = 0; $0.inFlight = nil
        }
        var videoFilters = SearchFilters()
        videoFilters.kinds = [.video]
        let video = Fixture.key("", filters: videoFilters)
        store.send(.toggleFacet(.type, value: "video"),
                   effects: [.search(id: 2, request: Fixture.request("", filters: videoFilters))]) {
            $0.filters = videoFilters; $0.activeKey = video; $0.results = ResultSet(); $0.selection = nil
            $0.inFlight = PageRequest(id: 2, key: video, page: 1); $0.nextRequestID = 3
        }
        let videos = Fixture.page([2, 4], total: 2)
        store.receive(.searchAnswered(2, .success(videos))) {
            $0.results = ResultSet(pages: [videos]); $0.cache.store(ResultSet(pages: [videos]), for: video)
            $0.selection = 0; $0.inFlight = nil
        }
        store.send(.toggleFacet(.type, value: "video")) {
            $0.filters = SearchFilters(); $0.activeKey = all; $0.results = ResultSet(pages: [everything])
            _ = $0.cache.lookup(all)
        }
    }

    @Test func cacheEvictsTheLeastRecentlyUsed() {
        var cache = ResultCache(capacity: 2)
        let a = Fixture.key("a"), b = Fixture.key("b"), c = Fixture.key("c")
        let set = ResultSet(pages: [Fixture.page([1], total: 1)])
        cache.store(set, for: a)
        cache.store(set, for: b)
        #expect(cache.lookup(a) == set)   // a is now the most recent
        cache.store(set, for: c)          // evicts b
        #expect(cache.keys == [a, c])
        #expect(cache.peek(b) == nil)
        var updated = set
        updated.append(Fixture.page([2], page: 2, total: 2))
        cache.store(updated, for: a)      // replaces, does not duplicate
        #expect(cache.keys == [c, a])
        #expect(cache.peek(a)?.items.count == 2)
    }
}
