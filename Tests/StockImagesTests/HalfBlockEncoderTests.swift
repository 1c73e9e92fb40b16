import StockCore
import Testing
@testable import StockImages

/// `HalfBlockEncoder`: exact bytes for tiny pictures, and no colour ever sent twice.
@Suite struct HalfBlockEncoderTests {
    let red = RGB(255, 0, 0), blue = RGB(0, 0, 255), green = RGB(0, 255, 0)
    let black = RGB(0, 0, 0), white = RGB(255, 255, 255), grey = RGB(128, 128, 128)

    /// Row 1: red over blue twice, plain green, blue over red. Row 2: plain green, red over green
    /// twice, plain green.
    var tiny: HalfBlockPicture {
        HalfBlockPicture(columns: 4, rows: 2, cells: [
            HalfBlockCell(top: red, bottom: blue), HalfBlockCell(top: red, bottom: blue),
            HalfBlockCell(top: green, bottom: green), HalfBlockCell(top: blue, bottom: red),
            HalfBlockCell(top: green, bottom: green), HalfBlockCell(top: red, bottom: green),
            HalfBlockCell(top: red, bottom: green), HalfBlockCell(top: green, bottom: green),
        ])
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func trueColourBytesForATinyPicture() {
        let bytes = HalfBlockEncoder(mode: .trueColor).encode(tiny, row: 3, column: 5)
        #expect(text(bytes) == "\u{1B}[3;5H"
            + "\u{1B}[38;2;255;0;0;48;2;0;0;255m▀▀"   // both colours in one SGR, nothing for the repeat
            + "\u{1B}[48;2;0;255;0m "                // plain green: a space on it beats █ in it
            + "\u{1B}[48;2;0;0;255m▄"                // blue over red: ▄ keeps the red foreground
            + "\u{1B}[4;5H"                          // colours carry over to the next row
            + "\u{1B}[48;2;0;255;0m ▀▀ "             // red foreground and green background already set
            + "\u{1B}[0m")
    }

    @Test func palette256BytesForTheSamePicture() {
        let bytes = HalfBlockEncoder(mode: .palette256).encode(tiny, row: 3, column: 5)
        #expect(text(bytes) == "\u{1B}[3;5H\u{1B}[38;5;196;48;5;21m▀▀\u{1B}[48;5;46m \u{1B}[48;5;21m▄"
            + "\u{1B}[4;5H\u{1B}[48;5;46m ▀▀ \u{1B}[0m")
    }

    @Test func aPlainCellInTheCurrentForegroundIsAFullBlock() {
        let picture = HalfBlockPicture(columns: 2, rows: 1, cells: [
            HalfBlockCell(top: green, bottom: blue), HalfBlockCell(top: green, bottom: green),
        ])
        #expect(text(HalfBlockEncoder(mode: .palette256).encode(picture, row: 1, column: 1))
            == "\u{1B}[1;1H\u{1B}[38;5;46;48;5;21m▀█\u{1B}[0m")
    }

    @Test func greyModeSendsRampIndices() {
        let picture = HalfBlockPicture(columns: 1, rows: 1, cells: [HalfBlockCell(top: red, bottom: white)])
        #expect(text(HalfBlockEncoder(mode: .grey).encode(picture, row: 2, column: 7))
            == "\u{1B}[2;7H\u{1B}[38;5;239;48;5;231m▀\u{1B}[0m")
    }

    @Test func shadesAreCharactersOnly() {
        let picture = HalfBlockPicture(columns: 2, rows: 2, cells: [
            HalfBlockCell(top: black, bottom: black), HalfBlockCell(top: white, bottom: white),
            HalfBlockCell(top: grey, bottom: grey), HalfBlockCell(top: black, bottom: white),
        ])
        #expect(text(HalfBlockEncoder(mode: .shades).encode(picture, row: 2, column: 3)) == "\u{1B}[2;3H █\u{1B}[3;3H▒▒")
    }

    @Test func anEmptyPictureIsJustTheReset() {
        let empty = HalfBlockPicture(columns: 0, rows: 0, cells: [])
        #expect(text(HalfBlockEncoder(mode: .trueColor).encode(empty, row: 1, column: 1)) == "\u{1B}[0m")
        #expect(HalfBlockEncoder(mode: .shades).encode(empty, row: 1, column: 1).isEmpty)
    }

    @Test(arguments: [ColorMode.trueColor, .palette256, .grey])
    func playedBackEveryCellShowsItsColoursAndNoColourIsSentTwice(mode: ColorMode) throws {
        // Few distinct colours, so that repeats and swaps are common.
        let colors = [red, blue, green, white, RGB(250, 128, 10), RGB(12, 12, 14)]
        var rng = SplitMix64(state: 11)
        for _ in 0 ..< 20 {
            let columns = 1 + rng.below(12), rows = 1 + rng.below(6)
            let cells = (0 ..< columns * rows).map { _ in HalfBlockCell(top: rng.pick(colors), bottom: rng.pick(colors)) }
            let picture = HalfBlockPicture(columns: columns, rows: rows, cells: cells)
            var terminal = HalfBlockTerminal()
            try terminal.play(HalfBlockEncoder(mode: mode).encode(picture, row: 5, column: 9))
            #expect(terminal.redundantSettings == 0)
            #expect(terminal.endsWithReset)
            for y in 0 ..< rows {
                for x in 0 ..< columns {
                    let cell = picture[x, y]
                    #expect(terminal.shown(row: 5 + y, column: 9 + x)
                            == .halves(top: mode.terminalColor(for: cell.top), bottom: mode.terminalColor(for: cell.bottom)))
                }
            }
            #expect(terminal.cells.keys.sorted() == Array(5 ..< 5 + rows))
        }
    }

    @Test func aPlainPictureSetsItsColourOnce() throws {
        let picture = HalfBlockPicture(columns: 40, rows: 20,
                                       cells: Array(repeating: HalfBlockCell(top: grey, bottom: grey), count: 800))
        let bytes = HalfBlockEncoder(mode: .trueColor).encode(picture, row: 1, column: 1)
        var terminal = HalfBlockTerminal()
        try terminal.play(bytes)
        #expect(terminal.sgrCount == 2)   // the colour, then the reset
        #expect(bytes.count == 20 * 40 + (6 * 9 + 7 * 11) + "\u{1B}[48;2;128;128;128m".utf8.count + 4)
    }
}
