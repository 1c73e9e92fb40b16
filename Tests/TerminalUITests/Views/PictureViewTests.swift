import BrowserModel
import StockCore
import StockImages
import Testing
@testable import TerminalUI

/// Pictures in the detail view and the bytes the screen writes for them outside ncurses.
@Suite struct PictureViewTests {
    static let red = RGB(255, 0, 0), blue = RGB(0, 0, 255)

    /// A 40 × 20 picture: red above, blue below.
    static func image() -> RGBImage {
        var image = RGBImage(width: 40, height: 20)
        for y in 0 ..< 20 { for x in 0 ..< 40 { image[x, y] = y < 10 ? red : blue } }
        return image
    }

    /// The detail at `width` × `height` with its picture decoded.
    static func detail(width: Int, height: Int) -> (BrowserState, PictureRenderer) {
        var state = ViewFixture.state(width: width, height: height)
        state.picturesEnabled = true
        let effects = state.reduce(.openDetail)
        guard case .loadPicture(let id, let asset)? = effects.last else { fatalError("no picture asked for") }
        let store = PictureStore()
        store.put(image(), for: asset.id)
        _ = state.reduce(.pictureAnswered(id, .success(PictureSize(width: 40, height: 20))))
        return (state, PictureRenderer(store: store))
    }

    static func render(_ state: BrowserState, _ pictures: PictureRenderer?, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        _ = BrowserView.render(state, into: &grid, spinnerFrame: 0, pictures: pictures)
        return grid
    }

    @Test func aWideDetailShowsThePictureRightOfTheText() {
        let (state, pictures) = Self.detail(width: 120, height: 30)
        let grid = Self.render(state, pictures, width: 120, height: 30)
        let cells = grid.pictureCells
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.x >= 70 && $0.y >= 3 }, "right of the text, below the title")
        // Two pixels a cell: the top half of the picture red, the bottom half blue.
        let rows = Set(cells.map(\.y)).sorted()
        #expect(cells.filter { $0.y == rows.first }.allSatisfy { $0.cell == HalfBlockCell(top: Self.red, bottom: Self.red) })
        #expect(cells.filter { $0.y == rows.last }.allSatisfy { $0.cell == HalfBlockCell(top: Self.blue, bottom: Self.blue) })
        // Aspect kept: a 2:1 picture in half blocks (two square pixels a cell) is four columns a row.
        let columns = Set(cells.map(\.x)).count
        #expect(abs(columns - 4 * rows.count) <= 4, "\(columns) columns × \(rows.count) rows")
        #expect(grid.lines[3].contains("▀"))
    }

    @Test func aNarrowDetailShowsItAboveTheTextAndSaysWhileItLoadsOrWhyNot() {
        let (state, pictures) = Self.detail(width: 80, height: 24)
        let grid = Self.render(state, pictures, width: 80, height: 24)
        let rows = Set(grid.pictureCells.map(\.y))
        #expect(rows.min() == 3 && rows.count <= PictureBox.topRows)
        // Loading, then failed: a muted line in the picture's place, with hostile text cleaned.
        var loading = ViewFixture.state()
        loading.picturesEnabled = true
        let effects = loading.reduce(.openDetail)
        #expect(Self.render(loading, pictures, width: 80, height: 24).lines[3].contains("loading picture…"))
        guard case .loadPicture(let id, _)? = effects.last else { Issue.record("no picture asked for"); return }
        _ = loading.reduce(.pictureAnswered(id, .failure(BrowserFailure(message: "corrupt JPEG: \u{1B}[2Jbad"))))
        let failed = Self.render(loading, pictures, width: 80, height: 24)
        #expect(failed.lines[3].contains("no picture: corrupt JPEG: bad"))
        #expect(failed.pictureCells.isEmpty)
    }

    @Test func theLayerWritesNewPictureCellsOnceAndLeavesTheirBlankingToNcurses() {
        let (state, pictures) = Self.detail(width: 120, height: 30)
        let grid = Self.render(state, pictures, width: 120, height: 30)
        var layer = PictureLayer(mode: .palette256)
        let first = layer.bytes(for: grid, previous: nil)
        #expect(Array(first.prefix(2)) == [0x1B, 0x37] && Array(first.suffix(2)) == [0x1B, 0x38], "inside save/restore")
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\u{1B}[4;"), "starts at the picture's first row")
        #expect(text.contains("5;196") && text.contains("5;21"), "xterm red and blue")
        #expect(layer.bytes(for: grid, previous: grid).isEmpty, "nothing changed, nothing written")
        // An overlay over part of it: ncurses draws the overlay; closing it rewrites only the cells it covered.
        var help = state
        _ = help.reduce(.toggleHelp)
        let covered = Self.render(help, pictures, width: 120, height: 30)
        #expect(covered.pictureCells.count < grid.pictureCells.count)
        let uncovered = layer.bytes(for: grid, previous: covered)
        #expect(!uncovered.isEmpty && uncovered.count < first.count)
        // Closing the detail: ncurses blanks the cells (it holds them as marked spaces), the layer writes nothing.
        var closed = state
        _ = closed.reduce(.back)
        let list = Self.render(closed, pictures, width: 120, height: 30)
        #expect(layer.bytes(for: list, previous: grid).isEmpty)
    }

    @Test func runsMergeIntoRectangles() {
        let blocks = PictureLayer.rectangles([[], [2, 3, 4], [2, 3, 4], [2, 3], [7]])
        #expect(blocks.map { [$0.x, $0.y, $0.width, $0.height] } == [[2, 1, 3, 2], [2, 3, 2, 1], [7, 4, 1, 1]])
    }
}
