import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The search bar: the prompt, the query scrolled to the cursor, the placeholder, the sort label.
@Suite struct SearchBarTests {
    private func bar(_ text: String, cursorMoves: Int = 0, width: Int = 40, exact: Bool = false)
        -> (line: String, cursor: CursorPosition?) {
        var state = ViewFixture.state(width: width, height: 10, query: text, focus: .searchBar)
        if exact { _ = state.reduce(.toggleSynonyms) }
        for _ in 0..<cursorMoves { _ = state.reduce(.queryEdit(.left)) }
        let (grid, outcome) = ViewFixture.render(state, width: width, height: 10)
        return (grid.lines[0], outcome.cursor)
    }

    @Test func placeholderWhenEmptyWithoutTheKeys() {
        let (grid, _) = ViewFixture.render(ViewFixture.state())
        #expect(grid.lines[0] == "/ press / to search — try: baikal type:video                           relevance")
        #expect(grid[2, 0].style == ViewStyle.muted)
    }

    @Test func emptyWithTheKeysShowsTheCursorAfterThePrompt() {
        let (line, cursor) = bar("")
        #expect(line == "/                              relevance")
        #expect(cursor == CursorPosition(x: 2, y: 0))
    }

    @Test func wideCharactersMoveTheCursorByTwoColumns() {
        #expect(bar("東京 タワー").cursor == CursorPosition(x: 2 + 11, y: 0))
        #expect(bar("Алматы 🏔️").cursor == CursorPosition(x: 2 + 9, y: 0))
        #expect(bar("Алматы 🏔️", cursorMoves: 1).cursor == CursorPosition(x: 2 + 7, y: 0))
    }

    @Test func aLongQueryScrollsSoTheCursorStaysVisible() {
        let text = "aerial view of lake baikal in winter type:video"
        let atEnd = bar(text)
        // The field is 27 columns: the last 26 characters and the cursor's column.
        #expect(atEnd.line == "/ aikal in winter type:video   relevance")
        #expect(atEnd.cursor == CursorPosition(x: 28, y: 0))
        let atStart = bar(text, cursorMoves: text.count)
        #expect(atStart.line == "/ aerial view of lake baikal…  relevance")
        #expect(atStart.cursor == CursorPosition(x: 2, y: 0))
    }

    @Test func exactSearchIsShownBesideTheSort() {
        #expect(bar("lake", width: 80, exact: true).line
                == "/ lake                                                         relevance · exact")
    }

    @Test func theCharacterWhereTheQueryStopsParsingIsMarked() throws {
        var state = ViewFixture.state(query: "lake type:banana", focus: .searchBar)
        _ = state.reduce(.submitQuery)
        let error = try #require(state.queryError)
        let (grid, _) = ViewFixture.render(state)
        #expect(grid[2 + error.position, 0].style == ViewStyle.queryError)
        #expect(grid[2, 0].style == .plain)
    }

    @Test func pastedEscapesNeverReachTheGridAndTheCursorMatchesWhatIsDrawn() {
        let (line, cursor) = bar("a\u{1B}[31mb")
        #expect(line == "/ a[31mb                       relevance")
        #expect(cursor == CursorPosition(x: 2 + 6, y: 0))
    }
}
