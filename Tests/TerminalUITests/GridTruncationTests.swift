import Testing
import TerminalUI

/// Text too long for its room ends in "…" in exactly the last column it was given.
@Suite struct GridTruncationTests {
    @Test func asciiIsCutWithAnEllipsis() {
        var grid = Grid(width: 30, height: 1)
        #expect(grid.draw("Aerial view of Baikal shore", at: 2, y: 0, maxWidth: 10) == 10)
        #expect(grid.lines == ["  Aerial vi…"])
        #expect(grid[11, 0] == Cell("…"))
        #expect(grid[12, 0] == Cell.blank)
    }

    @Test func textThatFitsExactlyIsNotCut() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.draw("日本語", at: 0, y: 0, maxWidth: 6) == 6)
        #expect(grid.lines == ["日本語"])
    }

    @Test func cyrillicAndKazakhAreCutAtTheColumn() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.draw("Озеро Байкал", at: 0, y: 0, maxWidth: 8) == 8)
        #expect(grid.draw("Қазақстан", at: 0, y: 1, maxWidth: 5) == 5)
        #expect(grid.lines == ["Озеро Б…", "Қаза…"])
    }

    @Test func wideCharactersEndBeforeTheEllipsis() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.draw("日本語", at: 0, y: 0, maxWidth: 5) == 5)
        #expect(grid.lines == ["日本…"])
        #expect(grid[4, 0] == Cell("…"))
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeBecomesASpace() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.draw("日本語", at: 0, y: 0, maxWidth: 4) == 4)
        #expect(grid.row(0).prefix(5).map(\.content) == [
            .character("日"), .continuation, .character(" "), .character("…"), .character(" "),
        ])
        #expect(grid.draw("a🙂🙂", at: 0, y: 1, maxWidth: 4) == 4)
        #expect(grid.lines == ["日 …", "a🙂…"])
        #expect(grid.draw("ab🙂🙂", at: 0, y: 1, maxWidth: 4) == 4)
        #expect(grid.lines[1] == "ab …")
    }

    @Test func theGridsRightEdgeCutsLikeMaxWidth() {
        var grid = Grid(width: 6, height: 2)
        #expect(grid.draw("ab日本", at: 2, y: 0) == 4)
        #expect(grid.lines[0] == "  ab …")
        #expect(grid.draw("a日", at: 4, y: 1, maxWidth: 10) == 2)
        #expect(grid.lines[1] == "    a…")
        #expect(!grid[5, 0].isContinuation && !grid[5, 1].isContinuation)
    }

    @Test func tinyRoomsHoldOnlyTheEllipsis() {
        var grid = Grid(width: 4, height: 2)
        #expect(grid.draw("日本", at: 0, y: 0, maxWidth: 1) == 1)
        #expect(grid.draw("abc", at: 0, y: 1, maxWidth: 2) == 2)
        #expect(grid.lines == ["…", "a…"])
    }

    @Test func cellsPastTheRoomAreUntouched() {
        var grid = Grid(width: 8, height: 1)
        grid.draw("xxxxxxxx", at: 0, y: 0)
        #expect(grid.draw("abcdefgh", at: 1, y: 0, maxWidth: 4) == 4)
        #expect(grid.lines == ["xabc…xxx"])
        #expect(grid.draw("日", at: 5, y: 0, maxWidth: 2) == 2)
        #expect(grid.lines == ["xabc…日x"])
        #expect(grid.draw("日本", at: 5, y: 0, maxWidth: 2) == 2)
        #expect(grid.lines == ["xabc… …x"])
        #expect(grid[7, 0] == Cell("x"))
    }
}
