import Testing
import TerminalUI

/// The grid itself: fills, and wide characters that are never left in halves.
@Suite struct GridTests {
    @Test func newGridIsBlank() {
        let grid = Grid(width: 3, height: 2)
        #expect(grid.bounds == Rect(x: 0, y: 0, width: 3, height: 2))
        #expect(grid.cells.count == 6)
        #expect(grid.cells.allSatisfy { $0 == Cell.blank })
        #expect(grid.lines == ["", ""])
    }

    @Test func fillSetsStyleAndClearsText() {
        var grid = Grid(width: 6, height: 3)
        grid.draw("abcdef", at: 0, y: 1)
        let selection = Style(foreground: .selection, reverse: true)
        grid.fill(Rect(x: 1, y: 1, width: 3, height: 5), style: selection)
        #expect(grid.lines == ["", "a   ef", ""])
        #expect(grid[0, 1] == Cell("a"))
        #expect(grid[1, 1] == Cell(" ", style: selection))
        #expect(grid[3, 1] == Cell(" ", style: selection))
        #expect(grid[4, 1] == Cell("e"))
        #expect(grid[1, 2] == Cell(" ", style: selection))
        #expect(grid[1, 0] == Cell.blank)
        grid.draw("xy", at: 1, y: 1, style: selection)
        #expect(grid.lines[1] == "axy ef")
        grid.clear()
        #expect(grid == Grid(width: 6, height: 3))
    }

    @Test func fillThatCutsAWideCharacterBlanksItsOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.draw("日本語", at: 0, y: 0)
        grid.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .plain)
        #expect(grid.lines == ["    語"])
        #expect(grid.row(0).map(\.content) == [
            .character(" "), .character(" "), .character(" "), .character(" "), .character("語"), .continuation,
        ])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 2)
        grid.draw("日本", at: 0, y: 0)
        grid.draw("x", at: 1, y: 0)      // over the right half of 日
        #expect(grid.lines[0] == " x本")
        grid.draw("y", at: 2, y: 0)      // over the left half of 本
        #expect(grid.lines[0] == " xy")
        #expect(grid.row(0).allSatisfy { !$0.isContinuation })

        grid.draw("ab日", at: 0, y: 1)
        grid.draw("語", at: 1, y: 1)     // a wide character over b and the left half of 日
        #expect(grid.lines[1] == "a語")
        #expect(grid.row(1).map(\.content) == [
            .character("a"), .character("語"), .continuation, .character(" "), .character(" "), .character(" "),
        ])
    }
}
