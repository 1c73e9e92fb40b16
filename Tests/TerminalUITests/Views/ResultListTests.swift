import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The result list: only the visible rows, fixed columns, international titles, hostile text,
/// and the selection.
@Suite struct ResultListTests {
    /// The display column where `text` starts on row `y`.
    private func column(of text: String, in grid: Grid, row y: Int, from start: Int = 0) -> Int? {
        var x = start
        while x < grid.width {
            let rest = grid.row(y)[(y * grid.width + x)...].compactMap(\.character).map(String.init).joined()
            if rest.hasPrefix(text) { return x }
            x += 1
        }
        return nil
    }

    @Test func internationalTitlesKeepTheColumnsAligned() throws {
        let state = ViewFixture.state(page: ViewFixture.page(ViewFixture.internationalAssets))
        let (grid, _) = ViewFixture.render(state)
        #expect(Array(grid.lines[1...6]) == [
            "Filters               │ ID TITLE              TYPE        SIZE TAGS        PRICE",
            "Type                  │› 1 Озеро Байкал зимо… photo  6000×4000             $9.00",
            "[ ] photo        9,120│  2 Алматы тауларында… photo  6000×4000             $9.00",
            "[ ] illustration 1,500│  3 東京の夜景と富士 … photo  6000×4000             $9.00",
            "[ ] vector         480│  4 🏔️ Mountains 🌄 a… photo  6000×4000             $9.00",
            "[ ] video        3,262│  5 Café de Flore, Pa… photo  6000×4000             $9.00",
        ])
        // By display width: the TYPE column starts at the same terminal column on every row.
        let typeColumn = try #require(column(of: "TYPE", in: grid, row: 1))
        for y in 2...6 {
            #expect(column(of: "photo", in: grid, row: y, from: 23) == typeColumn, "row \(y)")
            let title = grid.lines[y].split(separator: "│")[1].dropFirst(4).prefix { $0 != "…" }
            #expect(DisplayWidth.of(String(title)) <= 18, "row \(y)")
        }
    }

    @Test func internationalTitlesAt120x40() throws {
        let state = ViewFixture.state(width: 120, height: 40, page: ViewFixture.page(ViewFixture.internationalAssets))
        let (grid, _) = ViewFixture.render(state, width: 120, height: 40)
        #expect(Array(grid.lines[2...6]).map { String($0.split(separator: "│")[1]) } == [
            "› 1 Озеро Байкал зимой, вид сверху на лёд               photo  6000×4000                  $9.00",
            "  2 Алматы тауларындағы көктем, Қазақстан               photo  6000×4000                  $9.00",
            "  3 東京の夜景と富士山の眺め、冬の朝                    photo  6000×4000                  $9.00",
            "  4 🏔️ Mountains 🌄 at sunrise 🇰🇿 with 👨‍👩‍👧 family        photo  6000×4000                  $9.00",
            "  5 Café de Flore, Paris                                photo  6000×4000                  $9.00",
        ])
        let typeColumn = try #require(column(of: "TYPE", in: grid, row: 1))
        for y in 2...6 { #expect(column(of: "photo", in: grid, row: y, from: 25) == typeColumn, "row \(y)") }
    }

    @Test func aHostileTitleLeavesNoControlCharacterInTheGrid() {
        let hostile = "\u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07} \u{1B}[31mred\u{1B}[0m"
            + " \u{9B}2J\u{202E}txt.exe\u{202C} \u{2067}iso\u{2069}\u{85}\u{1B}]0;pwned\u{1B}\\ end\u{07}\u{0}"
        var asset = ViewFixture.asset(666, hostile)
        asset.description = hostile
        asset.keywords = [hostile, "safe"]
        var state = ViewFixture.state(width: 120, height: 40, page: ViewFixture.page([asset]))
        let list = ViewFixture.render(state, width: 120, height: 40).grid
        _ = state.reduce(.openDetail)
        let detail = ViewFixture.render(state, width: 120, height: 40).grid
        for grid in [list, detail] {
            let scalars = grid.cells.compactMap(\.character).flatMap(\.unicodeScalars)
            #expect(!scalars.contains { (0x00...0x1F).contains($0.value) || (0x7F...0x9F).contains($0.value) })
            #expect(!scalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        }
        #expect(list.lines[2].contains("›666 click red txt.exe iso end"))
        #expect(detail.lines.contains { $0.contains("Keywords     click red txt.exe iso end, safe") })
    }

    @Test func theSelectedRowIsAReversedBarAcrossThePane() {
        var state = ViewFixture.state()
        _ = state.reduce(.moveSelection(2))
        let (grid, _) = ViewFixture.render(state)
        let pane = 23..<80
        #expect(pane.allSatisfy { grid[$0, 4].style == Style(foreground: .selection, reverse: true) })
        #expect(pane.allSatisfy { grid[$0, 3].style != ViewStyle.selected })
        #expect(grid.lines[4].hasSuffix("│›10003 Steppe horses … photo  6000×4000 free"))
    }

    @Test func withoutTheKeysTheSelectionIsStillMarked() {
        var state = ViewFixture.state(focus: .filters)
        _ = state.reduce(.focus(.results))
        _ = state.reduce(.moveSelection(1))
        _ = state.reduce(.focus(.filters))
        let (grid, _) = ViewFixture.render(state)
        #expect(grid.lines[3].hasSuffix("│›10002 Aerial view of… video       1:05 4K P1      $79.00"))
        #expect(grid[23, 3].character == "›")
        #expect(grid[23, 3].style.bold)
        #expect(!(23..<80).contains { grid[$0, 3].style.reverse })
    }

    @Test func badgesAreTextAndColoured() throws {
        let state = ViewFixture.state(width: 120, height: 40)
        let (grid, _) = ViewFixture.render(state, width: 120, height: 40)
        let line = grid.lines[3]
        #expect(line.contains("video       1:05 4K    P1        $79.00"))
        let fourK = try #require(column(of: "4K", in: grid, row: 3))
        #expect(grid[fourK, 3].style.foreground == .accent)
        let premium = try #require(column(of: "P1", in: grid, row: 3))
        #expect(grid[premium, 3].style.foreground == .warning)
        let free = try #require(column(of: "free", in: grid, row: 4))
        #expect(grid[free, 4].style.foreground == .accent)
    }

    @Test func aLongListDrawsOnlyTheWindowAtItsEnd() {
        let count = 100_000
        let items = (1...count).map { ViewFixture.asset(Int64($0), "asset number \($0)", price: nil) }
        var state = ViewFixture.state(page: ViewFixture.page(items, total: count))
        _ = state.reduce(.end)
        #expect(state.scrollOffset == count - 21)
        let (grid, _) = ViewFixture.render(state)
        let rows = grid.lines[2...22].map { String($0.split(separator: "│")[1]) }
        // The id column is as wide as the longest id on screen.
        #expect(rows.first == "  99980 asset number … photo  6000×4000")
        #expect(rows.last == "›100000 asset number … photo  6000×4000")
        #expect(grid.lines[23].hasPrefix("demo catalog  99,980–100,000 of 100,000  "))
    }

    @Test func columnsDependOnlyOnTheWidth() {
        // 80 columns: resolution and tier fold into one badge column ("4K P1").
        #expect(ResultColumns(width: 57).columns == [.type, .size, .badges, .price])
        #expect(ResultColumns(width: 57).titleWidth == 15)
        #expect(ResultColumns(width: 95).columns == [.type, .size, .resolution, .tier, .price])
        #expect(ResultColumns(width: 50).columns == [.type, .size, .price])
        #expect(ResultColumns(width: 40).columns == [.type, .price])
        #expect(ResultColumns(width: 20).columns == [])
    }
}
