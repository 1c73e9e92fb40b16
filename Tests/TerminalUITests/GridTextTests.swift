import StockCore
import Testing
import TerminalUI

/// Drawing text: every script lands on the right columns, and wide characters take two cells.
@Suite struct GridTextTests {
    @Test func asciiFillsOneCellPerCharacter() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.draw("Baikal", at: 2, y: 1) == 6)
        #expect(grid.lines == ["", "  Baikal"])
        #expect(grid[2, 1] == Cell("B"))
        #expect(grid[7, 1] == Cell("l"))
        #expect(grid[8, 1] == Cell.blank)
    }

    @Test func cyrillicAndKazakhAreOneColumnEach() {
        var grid = Grid(width: 12, height: 2)
        #expect(grid.draw("Алматы", at: 0, y: 0) == 6)
        #expect(grid.draw("қала өзен", at: 1, y: 1) == 9)
        #expect(grid.lines == ["Алматы", " қала өзен"])
        #expect(grid[1, 1] == Cell("қ"))
        #expect(grid[4, 1] == Cell("а"))
        #expect(grid[6, 1] == Cell("ө"))
    }

    @Test func cjkTakesTwoCellsEach() {
        var grid = Grid(width: 8, height: 1)
        #expect(grid.draw("日本語", at: 1, y: 0) == 6)
        #expect(grid.lines == [" 日本語"])
        #expect(grid.row(0).map(\.content) == [
            .character(" "), .character("日"), .continuation, .character("本"), .continuation,
            .character("語"), .continuation, .character(" "),
        ])
        #expect(grid.draw("x", at: 7, y: 0) == 1)
        #expect(grid.lines == [" 日本語x"])
    }

    @Test func emojiTakeTwoCells() {
        var grid = Grid(width: 12, height: 1)
        #expect(grid.draw("a🙂b🏔️c🇰🇿", at: 0, y: 0) == 9)
        #expect(grid.lines == ["a🙂b🏔️c🇰🇿"])
        #expect(grid[1, 0] == Cell("🙂"))
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0] == Cell("b"))
        #expect(grid[4, 0] == Cell("🏔️"))
        #expect(grid[5, 0].isContinuation)
        #expect(grid[6, 0] == Cell("c"))
        #expect(grid[7, 0] == Cell("🇰🇿"))
        #expect(grid[8, 0].isContinuation)
        #expect(grid[9, 0] == Cell.blank)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var grid = Grid(width: 10, height: 2)
        let cafe = "Cafe\u{301} и\u{306}"  // é and й decomposed
        #expect(grid.draw(cafe, at: 0, y: 0) == 6)
        #expect(grid[3, 0].character?.unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(grid[5, 0].character?.unicodeScalars.map(\.value) == [0x438, 0x306])
        #expect(grid[6, 0] == Cell.blank)
        // A combining mark with no base has no width: it is left out rather than misalign the row.
        #expect(grid.draw("\u{301}ab", at: 0, y: 1) == 2)
        #expect(grid.lines[1] == "ab")
        #expect(grid[0, 1] == Cell("a"))
    }

    @Test func escapeSequencesNeverReachTheGrid() {
        var grid = Grid(width: 20, height: 5)
        #expect(grid.draw("\u{1B}[31mred\u{1B}[0m", at: 0, y: 0) == 3)
        #expect(grid.draw("\u{1B}]0;pwned\u{07}ok\u{1B}[2J", at: 0, y: 1) == 2)
        #expect(grid.draw("a\tb\nc\u{7}d", at: 0, y: 2) == 6)
        #expect(grid.draw("\u{202E}evil\u{9B}2Jx", at: 0, y: 3) == 5)
        #expect(grid.draw("\u{1B}P1$r\u{1B}\\\u{1B}(Bfin", at: 0, y: 4) == 3)
        #expect(grid.lines == ["red", "ok", "a b cd", "evilx", "fin"])
        for cell in grid.cells {
            let scalars = cell.character?.unicodeScalars.map(\.value) ?? []
            #expect(!scalars.contains { $0 < 0x20 || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0) })
        }
    }

    @Test func stylesArePreserved() {
        var grid = Grid(width: 10, height: 1)
        let accent = Style(foreground: .accent, bold: true)
        let selected = Style(foreground: .selection, background: .selection, reverse: true, underline: true)
        #expect(grid.draw("ab", at: 0, y: 0, style: accent) == 2)
        #expect(grid.draw("東", at: 2, y: 0, style: selected) == 2)
        #expect(grid[0, 0] == Cell("a", style: accent))
        #expect(grid[1, 0] == Cell("b", style: accent))
        #expect(grid[2, 0] == Cell("東", style: selected))
        #expect(grid[3, 0] == Cell(.continuation, style: selected))
        #expect(grid[4, 0] == Cell(" ", style: .plain))
        #expect(Style.plain.with(foreground: .muted) == Style(foreground: .muted))
        #expect(Style(dim: true).with(background: .warning) == Style(background: .warning, dim: true))
    }

    @Test func drawingOutsideTheGridDrawsNothing() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.draw("abc", at: 4, y: 0) == 0)
        #expect(grid.draw("abc", at: 0, y: 1) == 0)
        #expect(grid.draw("abc", at: -1, y: 0) == 0)
        #expect(grid.draw("abc", at: 0, y: 0, maxWidth: 0) == 0)
        #expect(grid.draw("", at: 0, y: 0) == 0)
        #expect(grid == Grid(width: 4, height: 1))
    }
}
