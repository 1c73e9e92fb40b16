import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The status line: provider, range, spinner, error and hints, and what gives way when short.
@Suite struct StatusLineTests {
    private func statusLine(_ state: BrowserState, width: Int = 80, frame: Int = 0) -> String {
        let (grid, _) = ViewFixture.render(state, width: width, height: 24, spinnerFrame: frame)
        return grid.lines[23]
    }

    @Test func rangeOfTheVisibleRowsOfTheTotal() {
        #expect(statusLine(ViewFixture.state()) == "demo catalog  1–5 of 14,382       Enter open  / search  Tab pane  s sort  ? help")
    }

    @Test func anEstimatedTotalIsMarked() {
        let state = ViewFixture.state(page: ViewFixture.page(ViewFixture.assets, total: 14_000, exact: false))
        #expect(StatusLineView.rangeText(state, visibleRows: 21) == "1–5 of ≈14,000")
    }

    @Test func theRangeFollowsTheScrollOffset() {
        let items = (1...200).map { ViewFixture.asset(Int64($0), "asset \($0)") }
        var state = ViewFixture.state(page: ViewFixture.page(items, total: 200))
        _ = state.reduce(.moveSelection(50))
        #expect(StatusLineView.rangeText(state, visibleRows: 21) == "31–51 of 200")
        #expect(statusLine(state).hasPrefix("demo catalog  31–51 of 200  "))
    }

    @Test func recordsTheServiceSentUnreadableAreCountedInTheStatusLine() {
        var page = ViewFixture.page(ViewFixture.assets, total: 14_382)
        page.skipped = [SkippedRecord(path: "files[2]", reason: "field \"files[2].id\" is missing"),
                        SkippedRecord(path: "files[6]", reason: "field \"files[6].media_type_id\" has the unknown value 9")]
        let state = ViewFixture.state(page: page)
        #expect(state.results.skipped == 2)
        #expect(statusLine(state) == "demo catalog  1–5 of 14,382  2 left out (unreadable)        Enter open  / search")
        // A page of nothing but unreadable records is not the end of the results.
        var empty = SearchPage(items: [], page: 1, pageSize: 5, total: 40)
        empty.skipped = [SkippedRecord(path: "files[0]", reason: "x")]
        #expect(!ResultSet(pages: [empty]).reachedEnd)
        // Nothing readable three pages in a row: the pager stops asking.
        let pages = (1...3).map { n in var p = empty; p.page = n; return p }
        #expect(!ResultSet(pages: Array(pages.prefix(2))).reachedEnd)
        #expect(ResultSet(pages: pages).reachedEnd)
        // The list does not claim there are no results.
        let (grid, _) = ViewFixture.render(ViewFixture.state(page: empty), width: 120, height: 24, spinnerFrame: 0)
        #expect(grid.lines.contains { $0.contains("Nothing readable: 1 left out (unreadable)") }, "\(grid.lines)")
    }

    @Test func spinnerWhileTheFirstPageLoads() {
        let state = ViewFixture.state(page: nil)
        #expect(statusLine(state, frame: 0).hasPrefix("demo catalog  ⠋ loading  "))
        #expect(statusLine(state, frame: 3).hasPrefix("demo catalog  ⠸ loading  "))
        #expect(statusLine(state, frame: 13).hasPrefix("demo catalog  ⠸ loading  "))
        #expect(Spinner.glyph(frame: -1) == "⠏")
    }

    @Test func theErrorInTheStatusLineAndInTheEmptyList() {
        var state = ViewFixture.state(page: nil)
        _ = state.reduce(.searchAnswered(1, .failure(BrowserFailure(message: "network error: timed out"))))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            "Filters               │    ID TITLE           TYPE        SIZE TAGS        PRICE",
            "Type                  │  network error: timed out",
            "[ ] photo             │  r retry",
            "[ ] illustration      │",
            "[ ] vector            │",
            "[ ] video             │",
            "[ ] template          │",
            "Orientation           │",
            "[ ] horizontal        │",
            "[ ] vertical          │",
            "[ ] square            │",
            "[ ] panorama          │",
            "4K                    │",
            "[ ] 4k                │",
            "Price                 │",
            "[ ] core              │",
            "[ ] free              │",
            "[ ] premium           │",
            "Resolution            │",
            "[ ] 720p              │",
            "[ ] 1080p             │",
            "[ ] 4k                │",
            "demo catalog  network error: timed out    Enter open  / search  Tab pane  s sort",
        ], "error80")
        #expect(grid[14, 23].style == ViewStyle.error)
        #expect(grid[25, 2].style == ViewStyle.error)
    }

    @Test func noResultsForTheQuery() {
        let state = ViewFixture.state(query: "yeti", page: ViewFixture.page([], total: 0))
        let lines = ViewFixture.render(state).grid.lines
        #expect(lines[2] == "Type                  │  No results for “yeti”.")
        #expect(lines[23].hasPrefix("demo catalog  0 results  "))
    }

    @Test func searchingWhileTheFirstPageLoads() {
        let lines = ViewFixture.render(ViewFixture.state(page: nil)).grid.lines
        #expect(lines[2] == "Type                  │  Searching…")
    }

    @Test func hintsGoFirstThenTheErrorIsCutAndTheRangeStays() {
        var state = ViewFixture.state()
        state.errorMessage = "network error: the connection to the provider timed out after 30 seconds"
        #expect(statusLine(state, width: 80) == "1–5 of 14,382  network error: the connection to the provider timed out after 30…")
        #expect(statusLine(state, width: 40) == "1–5 of 14,382  network error: the conne…")
        state.errorMessage = "offline"
        #expect(statusLine(state, width: 80) == "demo catalog  1–5 of 14,382  offline      Enter open  / search  Tab pane  s sort")
        #expect(statusLine(state, width: 40) == "demo catalog  1–5 of 14,382  offline")
    }
}
