import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The main screen as people see it: search bar, filters with counts, results, status line.
@Suite struct MainScreenSnapshotTests {
    @Test func resultsAndFiltersAt80x24() {
        let (grid, outcome) = ViewFixture.render(ViewFixture.state())
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            "Filters               │    ID TITLE           TYPE        SIZE TAGS        PRICE",
            "Type                  │›10001 Frozen Lake Ba… photo  6000×4000             $9.00",
            "[ ] photo        9,120│ 10002 Aerial view of… video       1:05 4K P1      $79.00",
            "[ ] illustration 1,500│ 10003 Steppe horses … photo  6000×4000 free",
            "[ ] vector         480│ 10004 Map of the Sil… illus. 5000×5000            $12.50",
            "[ ] video        3,262│ 10005 Yurt icon set   vector 2000×2000 P3      $1,200.00",
            "[ ] template        20│",
            "Orientation           │",
            "[ ] horizontal   8,000│",
            "[ ] vertical     4,000│",
            "[ ] square       2,000│",
            "[ ] panorama       382│",
            "4K                    │",
            "[ ] 4k           1,210│",
            "Price                 │",
            "[ ] core        10,000│",
            "[ ] free           382│",
            "[ ] premium      4,000│",
            "Resolution            │",
            "[ ] 720p         3,262│",
            "[ ] 1080p        3,000│",
            "[ ] 4k           1,210│",
            "demo catalog  1–5 of 14,382       Enter open  / search  Tab pane  s sort  ? help",
        ], "main80")
        #expect(outcome == RenderOutcome(cursor: nil, detailMaxScroll: nil))
    }

    @Test func allColumnsAndEveryFilterGroupAt120x40() {
        let state = ViewFixture.state(width: 120, height: 40)
        let (grid, _) = ViewFixture.render(state, width: 120, height: 40)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                                                                   relevance",
            "Filters                 │    ID TITLE                                            TYPE        SIZE RES   TIER       PRICE",
            "Type                    │›10001 Frozen Lake Baikal at dawn                       photo  6000×4000                  $9.00",
            "[ ] photo          9,120│ 10002 Aerial view of the Altai mountains               video       1:05 4K    P1        $79.00",
            "[ ] illustration   1,500│ 10003 Steppe horses in the wind                        photo  6000×4000       free",
            "[ ] vector           480│ 10004 Map of the Silk Road                             illus. 5000×5000                 $12.50",
            "[ ] video          3,262│ 10005 Yurt icon set                                    vector 2000×2000       P3     $1,200.00",
            "[ ] template          20│",
            "Orientation             │",
            "[ ] horizontal     8,000│",
            "[ ] vertical       4,000│",
            "[ ] square         2,000│",
            "[ ] panorama         382│",
            "4K                      │",
            "[ ] 4k             1,210│",
            "Price                   │",
            "[ ] core          10,000│",
            "[ ] free             382│",
            "[ ] premium        4,000│",
            "Resolution              │",
            "[ ] 720p           3,262│",
            "[ ] 1080p          3,000│",
            "[ ] 4k             1,210│",
            "Category                │",
            "[ ] nature-lands… ≈5,120│",
            "[ ] travel        ≈3,001│",
            "License                 │",
            "[ ] standard      14,382│",
            "[ ] extended       5,000│",
            "[ ] editorial        120│",
            "Safe search             │",
            "[ ] safe search         │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "                        │",
            "demo catalog  1–5 of 14,382                                       Enter open  / search  Tab pane  s sort  ? help  q quit",
        ], "main120")
    }

    @Test func searchBarWithFocusReturnsTheCursor() throws {
        var state = ViewFixture.state(query: "baikal type:video", focus: .searchBar)
        _ = state.reduce(.queryEdit(.left))
        let (grid, outcome) = ViewFixture.render(state)
        #expect(Array(grid.lines.prefix(3)) == [
            "/ baikal type:video                                                    relevance",
            "Filters               │    ID TITLE           TYPE        SIZE TAGS        PRICE",
            "Type                  │›10001 Frozen Lake Ba… photo  6000×4000             $9.00",
        ])
        // "/ " then 16 of the 17 characters: the cursor stands on the final "o".
        #expect(outcome.cursor == CursorPosition(x: 18, y: 0))
        let status = try #require(grid.lines.last)
        #expect(status.hasPrefix("demo catalog  1–5 of 14,382  "))
        #expect(status.hasSuffix("  " + KeyBinding.hints(in: .searchBar)))
        // The prompt is the accent while the bar has the keys.
        #expect(grid[0, 0].style.foreground == .accent)
    }

    @Test func noCursorWithoutFocusOrUnderAnOverlay() {
        #expect(ViewFixture.render(ViewFixture.state()).outcome.cursor == nil)
        var help = ViewFixture.state(query: "lake", focus: .searchBar)
        _ = help.reduce(.toggleHelp)
        #expect(ViewFixture.render(help).outcome.cursor == nil)
    }

    @Test func narrowTerminalHidesTheFilterPane() {
        let (grid, _) = ViewFixture.render(ViewFixture.state(width: 40, height: 10), width: 40, height: 10)
        expectSnapshot(grid, [
            "/ press / to search — try: b…  relevance",
            "    ID TITLE          TYPE         PRICE",
            "›10001 Frozen Lake B… photo        $9.00",
            " 10002 Aerial view o… video       $79.00",
            " 10003 Steppe horses… photo",
            " 10004 Map of the Si… illus.      $12.50",
            " 10005 Yurt icon set  vector   $1,200.00",
            "",
            "",
            "demo catalog  1–5 of 14,382",
        ], "narrow")
    }

    @Test func narrowTerminalShowsTheFiltersInsteadOfTheResultsWhileTheyHaveTheKeys() {
        let state = ViewFixture.state(width: 40, height: 10, focus: .filters)
        let (grid, _) = ViewFixture.render(state, width: 40, height: 10)
        expectSnapshot(grid, [
            "/ press / to search — try: b…  relevance",
            "Filters",
            "Type",
            "[ ] photo                          9,120",
            "[ ] illustration                   1,500",
            "[ ] vector                           480",
            "[ ] video                          3,262",
            "[ ] template                          20",
            "Orientation",
            "demo catalog  1–5 of 14,382",
        ], "narrowFilters")
        // The cursor row (photo) is highlighted across the pane.
        #expect((0..<40).allSatisfy { grid[$0, 3].style == ViewStyle.selected })
    }

    @Test func tooSmallBelow40x10() {
        let (grid, outcome) = ViewFixture.render(ViewFixture.state(width: 39, height: 10), width: 39, height: 10)
        expectSnapshot(grid, [
            "",
            "",
            "",
            "",
            "          terminal too small",
            "         needs 40×10, is 39×10",
            "",
            "",
            "",
            "",
        ], "tooSmall")
        #expect(outcome == RenderOutcome())
        let (short, _) = ViewFixture.render(ViewFixture.state(), width: 80, height: 9)
        #expect(short.lines.contains { $0.contains("terminal too small") })
        #expect(short.lines.contains { $0.contains("needs 40×10, is 80×9") })
    }

    @Test func everySizeFromTinyToWideDrawsWithoutTrapping() {
        let detail = ViewFixture.detailState()
        var overlays = ViewFixture.state()
        _ = overlays.reduce(.toggleSortPicker)
        _ = overlays.reduce(.toggleHelp)
        for width in [0, 1, 5, 39, 40, 59, 60, 99, 100, 300] {
            for height in [0, 1, 3, 9, 10, 11, 50] {
                _ = ViewFixture.render(ViewFixture.state(), width: width, height: height)
                _ = ViewFixture.render(detail, width: width, height: height)
                _ = ViewFixture.render(overlays, width: width, height: height)
            }
        }
    }
}
