import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The help overlay and the sort picker: centred boxes over the screen.
@Suite struct OverlayTests {
    @Test func helpOverlayListsTheKeysOfTheResults() {
        var state = ViewFixture.state()
        _ = state.reduce(.toggleHelp)
        let (grid, outcome) = ViewFixture.render(state)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            "Filters           ┌─ Keys ──────────────────────────────────┐E TAGS        PRICE",
            "Type              │ ↓, j          next result               │0             $9.00",
            "[ ] photo        9│ ↑, k          previous result           │5 4K P1      $79.00",
            "[ ] illustration 1│ PgDn, ctrl-d  page down                 │0 free",
            "[ ] vector        │ PgUp, ctrl-u  page up                   │0            $12.50",
            "[ ] video        3│ Home, g       first result              │0 P3      $1,200.00",
            "[ ] template      │ End, G        last result               │",
            "Orientation       │ Enter         open the selected asset   │",
            "[ ] horizontal   8│ /             search                    │",
            "[ ] vertical     4│ Tab           next pane                 │",
            "[ ] square       2│ s             sort                      │",
            "[ ] panorama      │ e             exact words (no synonyms) │",
            "4K                │ p             switch provider           │",
            "[ ] 4k           1│ i             picture of the selection  │",
            "Price             │ ?             help                      │",
            "[ ] core        10│ r             retry after an error      │",
            "[ ] free          │ L             purchase history          │",
            "[ ] premium      4│ q             quit                      │",
            "Resolution        │                                         │",
            "[ ] 720p         3│ Esc closes                              │",
            "[ ] 1080p        3└─────────────────────────────────────────┘",
            "[ ] 4k           1,210│",
            "demo catalog  1–5 of 14,382                                             Esc back",
        ], "help80")
        #expect(outcome.cursor == nil)
    }

    @Test func helpLinesComeFromTheContextUnderneath() {
        var state = ViewFixture.detailState()
        _ = state.reduce(.toggleHelp)
        #expect(HelpOverlayView.helpLines(for: state) == KeyBinding.helpLines(in: .detail))
        let lines = ViewFixture.render(state).grid.lines
        #expect(lines.contains { $0.contains("scroll a page down") })
        #expect(!lines.contains { $0.contains("next result") })
    }

    @Test func helpThatDoesNotFitSaysHowMuchIsLeftOut() {
        var state = ViewFixture.state(width: 40, height: 10)
        _ = state.reduce(.toggleHelp)
        let (grid, _) = ViewFixture.render(state, width: 40, height: 10)
        expectSnapshot(grid, [
            "┌─ Keys ───────────────────────────────┐",
            "│ ↓, j          next result            │",
            "│ ↑, k          previous result        │",
            "│ PgDn, ctrl-d  page down              │",
            "│ PgUp, ctrl-u  page up                │",
            "│ Home, g       first result           │",
            "│ … 12 more                            │",
            "│                                      │",
            "│ Esc closes                           │",
            "└──────────────────────────────────────┘",
        ], "helpSmall")
    }

    @Test func sortPickerMarksTheCurrentOrderAndHighlightsTheCursor() throws {
        var state = ViewFixture.state()
        _ = state.reduce(.toggleSortPicker)
        _ = state.reduce(.moveSortCursor(2))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            "Filters               │    ID TITLE           TYPE        SIZE TAGS        PRICE",
            "Type                  │›10001 Frozen Lake Ba… photo  6000×4000             $9.00",
            "[ ] photo        9,120│ 10002 Aerial view of… video       1:05 4K P1      $79.00",
            "[ ] illustration 1,500│ 10003 Steppe horses … photo  6000×4000 free",
            "[ ] vector         480│ 1┌─ Sort by ─────────────────┐000×5000            $12.50",
            "[ ] video        3,262│ 1│ ● relevance               │000×2000 P3      $1,200.00",
            "[ ] template        20│  │ ○ newest first            │",
            "Orientation           │  │ ○ oldest first            │",
            "[ ] horizontal   8,000│  │ ○ most popular            │",
            "[ ] vertical     4,000│  │ ○ least popular           │",
            "[ ] square       2,000│  │ ○ curated picks           │",
            "[ ] panorama       382│  │ ○ emerging                │",
            "4K                    │  │ ○ shortest first          │",
            "[ ] 4k           1,210│  │ ○ longest first           │",
            "Price                 │  │                           │",
            "[ ] core        10,000│  │ Enter chooses  Esc closes │",
            "[ ] free           382│  └───────────────────────────┘",
            "[ ] premium      4,000│",
            "Resolution            │",
            "[ ] 720p         3,262│",
            "[ ] 1080p        3,000│",
            "[ ] 4k           1,210│",
            "demo catalog  1–5 of 14,382                               Enter choose  Esc back",
        ], "sort80")
        // "oldest first" is under the cursor: reversed across the box's inside.
        let y = try #require(grid.lines.firstIndex { $0.contains("○ oldest first") })
        let x = 27
        #expect(grid[x, y].character == "○")
        #expect(((x - 1)..<(x + 26)).allSatisfy { grid[$0, y].style == ViewStyle.selected })
        let relevance = try #require(grid.lines.firstIndex { $0.contains("● relevance") })
        #expect(grid[x, relevance].style == .plain)
    }

    @Test func providerPickerAt80x24() {
        var state = ViewFixture.state(width: 80, height: 24)
        ViewFixture.answer(&state, with: ViewFixture.page(ViewFixture.assets))
        state.providers = [ProviderEntry(name: "demo", displayName: "demo catalog"),
                           ProviderEntry(name: "sf", displayName: "StockFlow"),
                           ProviderEntry(name: "adobe", displayName: "Adobe Stock", problem: "no API key")]
        state.activeProvider = "demo"
        _ = state.reduce(.toggleProviderPicker)
        _ = state.reduce(.moveProviderCursor(1))
        let (grid, _) = ViewFixture.render(state, width: 80, height: 24)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            "Filters               │    ID TITLE           TYPE        SIZE TAGS        PRICE",
            "Type                  │›10001 Frozen Lake Ba… photo  6000×4000             $9.00",
            "[ ] photo        9,120│ 10002 Aerial view of… video       1:05 4K P1      $79.00",
            "[ ] illustration 1,500│ 10003 Steppe horses … photo  6000×4000 free",
            "[ ] vector         480│ 10004 Map of the Sil… illus. 5000×5000            $12.50",
            "[ ] video        3,262│ 10005 Yurt icon set   vector 2000×2000 P3      $1,200.00",
            "[ ] template        20│",
            "Orientation          ┌─ Provider ─────────────────────────┐",
            "[ ] horizontal   8,00│ ● demo   demo catalog              │",
            "[ ] vertical     4,00│ ○ sf     StockFlow                 │",
            "[ ] square       2,00│ ○ adobe  Adobe Stock  (no API key) │",
            "[ ] panorama       38│                                    │",
            "4K                   │ Enter switches  Esc closes         │",
            "[ ] 4k           1,21└────────────────────────────────────┘",
            "Price                 │",
            "[ ] core        10,000│",
            "[ ] free           382│",
            "[ ] premium      4,000│",
            "Resolution            │",
            "[ ] 720p         3,262│",
            "[ ] 1080p        3,000│",
            "[ ] 4k           1,210│",
            "demo catalog  1–5 of 14,382                               Enter switch  Esc back",
        ], "providerPicker80")
    }

    @Test func sortPickerAt120x40() {
        var state = ViewFixture.state(width: 120, height: 40)
        _ = state.reduce(.chooseSort(.newest, .desc))
        ViewFixture.answer(&state, with: ViewFixture.page(ViewFixture.assets))
        _ = state.reduce(.toggleSortPicker)
        let (grid, _) = ViewFixture.render(state, width: 120, height: 40)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                                                                newest first",
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
            "4K                      │                    ┌─ Sort by ─────────────────┐",
            "[ ] 4k             1,210│                    │ ○ relevance               │",
            "Price                   │                    │ ● newest first            │",
            "[ ] core          10,000│                    │ ○ oldest first            │",
            "[ ] free             382│                    │ ○ most popular            │",
            "[ ] premium        4,000│                    │ ○ least popular           │",
            "Resolution              │                    │ ○ curated picks           │",
            "[ ] 720p           3,262│                    │ ○ emerging                │",
            "[ ] 1080p          3,000│                    │ ○ shortest first          │",
            "[ ] 4k             1,210│                    │ ○ longest first           │",
            "Category                │                    │                           │",
            "[ ] nature-lands… ≈5,120│                    │ Enter chooses  Esc closes │",
            "[ ] travel        ≈3,001│                    └───────────────────────────┘",
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
            "demo catalog  1–5 of 14,382                                                                       Enter choose  Esc back",
        ], "sort120")
    }
}
