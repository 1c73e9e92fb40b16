import Testing
import TerminalUI

/// `diff(from:)` reports exactly the changed runs, so the screen sends only changed cells.
@Suite struct GridDiffTests {
    /// Runs as comparable text, e.g. "1:3..<4".
    static func runs(_ next: Grid, _ previous: Grid) -> [String] {
        next.diff(from: previous).map { "\($0.y):\($0.range)" }
    }

    static func frame() -> Grid {
        var grid = Grid(width: 12, height: 3)
        grid.draw("hello world", at: 0, y: 0)
        grid.draw("日本語 ok", at: 0, y: 1)
        return grid
    }

    @Test func identicalGridsHaveNoChanges() {
        #expect(Self.frame().diff(from: Self.frame()).isEmpty)
    }

    @Test func oneChangedCellIsOneRun() {
        var next = Self.frame()
        next.draw("x", at: 3, y: 2)
        #expect(Self.runs(next, Self.frame()) == ["2:3..<4"])
    }

    @Test func separateChangesAreSeparateRunsInRowOrder() {
        var next = Self.frame()
        next.draw("J", at: 0, y: 0)
        next.draw("OR", at: 7, y: 0)
        next.draw("zz", at: 10, y: 2)
        next.draw("OK", at: 7, y: 1)
        #expect(Self.runs(next, Self.frame()) == ["0:0..<1", "0:7..<9", "1:7..<9", "2:10..<12"])
    }

    @Test func aStyleChangeAloneIsAChange() {
        var next = Self.frame()
        next.fill(Rect(x: 0, y: 2, width: 3, height: 1), style: Style(reverse: true))
        #expect(Self.runs(next, Self.frame()) == ["2:0..<3"])
    }

    @Test func aSameTextRewriteIsNoChange() {
        var next = Self.frame()
        next.draw("hello", at: 0, y: 0)
        #expect(Self.runs(next, Self.frame()) == [])
    }

    @Test func aChangedWideCharacterIncludesBothCells() {
        var next = Self.frame()
        next.draw("木", at: 2, y: 1)   // 本 → 木: only the left cell differs
        #expect(Self.runs(next, Self.frame()) == ["1:2..<4"])
        #expect(next[2, 1] == Cell("木"))
    }

    @Test func aWideCharacterReplacedByANarrowOneClearsItsRightHalf() {
        var next = Self.frame()
        next.draw("a", at: 0, y: 1)
        #expect(Self.runs(next, Self.frame()) == ["1:0..<2"])
        #expect(next.lines[1] == "a 本語 ok")
    }

    @Test func aDifferentSizeRepaintsEveryRow() {
        let bigger = Grid(width: 4, height: 2)
        #expect(Self.runs(bigger, Self.frame()) == ["0:0..<4", "1:0..<4"])
    }

    @Test func movingTheSelectionChangesOnlyTwoRows() {
        var previous = Grid(width: 10, height: 4)
        for (y, title) in ["one", "two", "three", "four"].enumerated() { previous.draw(title, at: 0, y: y) }
        previous.fill(Rect(x: 0, y: 1, width: 10, height: 1), style: Style(reverse: true))
        previous.draw("two", at: 0, y: 1, style: Style(reverse: true))
        var next = previous
        next.fill(Rect(x: 0, y: 1, width: 10, height: 1), style: .plain)
        next.draw("two", at: 0, y: 1)
        next.fill(Rect(x: 0, y: 2, width: 10, height: 1), style: Style(reverse: true))
        next.draw("three", at: 0, y: 2, style: Style(reverse: true))
        #expect(Self.runs(next, previous) == ["1:0..<10", "2:0..<10"])
    }
}
