import BrowserModel
import StockCore
import StockImages
import Testing
@testable import TerminalUI

/// Pictures through kitty's graphics protocol and sixels: what the layer writes as the view
/// changes, and how the terminal's answers are read.
@Suite struct PictureGraphicsTests {
    typealias Fixture = PictureViewTests

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// kitty control data ("a=p,i=1,…") of each graphics command in `bytes`.
    static func kitty(_ bytes: [UInt8]) -> [String] {
        text(bytes).components(separatedBy: "\u{1B}_G").dropFirst().map {
            $0.components(separatedBy: "\u{1B}\\")[0].components(separatedBy: ";")[0]
        }
    }

    @Test func theGridRecordsWherePicturesAreWithTheirSource() throws {
        let (state, pictures) = Fixture.detail(width: 120, height: 30)
        let grid = Fixture.render(state, pictures, width: 120, height: 30)
        let placement = try #require(grid.placements.first)
        #expect(grid.placements.count == 1)
        #expect(placement.image.width == 40 && placement.image.height == 20)
        let cells = grid.pictureCells
        #expect(placement.rect.x == cells.map(\.x).min() && placement.rect.maxX == cells.map(\.x).max()! + 1)
        #expect(placement.rect.y == cells.map(\.y).min() && placement.rect.maxY == cells.map(\.y).max()! + 1)
        #expect(placement.rect.width * placement.rect.height == cells.count)
    }

    @Test func kittyGetsThePictureOnceAndPlacesItAgainAfterAnOverlay() {
        let (state, pictures) = Fixture.detail(width: 120, height: 30)
        let grid = Fixture.render(state, pictures, width: 120, height: 30)
        let rect = grid.placements[0].rect
        var layer = PictureLayer(mode: .palette256, graphics: .kitty, cellWidth: 10, cellHeight: 20)

        let first = layer.bytes(for: grid, previous: nil)
        #expect(Self.kitty(first).map { String($0.prefix(4)) } == ["a=t,", "a=p,"])
        #expect(Self.kitty(first)[1] == "a=p,i=1,p=1,c=\(rect.width),r=\(rect.height),C=1,q=2")
        #expect(Self.text(first).contains("\u{1B}[\(rect.y + 1);\(rect.x + 1)H\u{1B}_Ga=p"), "placed at its first cell")
        #expect(!Self.text(first).contains("▀"), "no half blocks under a whole picture")
        #expect(layer.bytes(for: grid, previous: grid).isEmpty, "nothing changed, nothing written")

        // The help overlay covers part of it: the placement goes, the uncovered cells become half blocks.
        var help = state
        _ = help.reduce(.toggleHelp)
        let covered = Fixture.render(help, pictures, width: 120, height: 30)
        let under = layer.bytes(for: covered, previous: grid)
        #expect(Self.kitty(under) == ["a=d,d=i,i=1,p=1,q=2"])
        #expect(Self.text(under).contains("▀"), "the part still visible, as half blocks")
        // Closed again: placed, not sent again.
        let again = layer.bytes(for: grid, previous: covered)
        #expect(Self.kitty(again) == ["a=p,i=1,p=1,c=\(rect.width),r=\(rect.height),C=1,q=2"])

        // Leaving the detail: deleted; a full repaint deletes and places again.
        var closed = state
        _ = closed.reduce(.back)
        let list = Fixture.render(closed, pictures, width: 120, height: 30)
        #expect(Self.kitty(layer.bytes(for: list, previous: grid)) == ["a=d,d=i,i=1,p=1,q=2"])
        _ = layer.bytes(for: grid, previous: list)
        #expect(Self.kitty(layer.bytes(for: grid, previous: nil)) == ["a=d,d=i,i=1,p=1,q=2", "a=p,i=1,p=1,c=\(rect.width),r=\(rect.height),C=1,q=2"])
        #expect(layer.farewell() == KittyGraphics.deleteAll)
    }

    @Test func kittyKeepsAtMostSixteenPicturesAndFreesTheOldest() {
        var layer = PictureLayer(mode: .palette256, graphics: .kitty, cellWidth: 10, cellHeight: 20)
        var previous: Grid?
        var freed: [String] = []
        for n in 0 ..< 18 {
            var grid = Grid(width: 30, height: 10)
            var image = RGBImage(width: 8, height: 8)
            image[0, 0] = RGB(UInt8(n), 0, 0)
            let picture = HalfBlockRenderer().render(image, columns: 4, rows: 2)
            grid.drawPicture(picture, at: 1, y: 1, source: (AssetID(Int64(n)), image))
            freed += Self.kitty(layer.bytes(for: grid, previous: previous)).filter { $0.hasPrefix("a=d,d=I") }
            previous = grid
        }
        #expect(freed == ["a=d,d=I,i=1,q=2", "a=d,d=I,i=2,q=2"])
    }

    @Test func sixelsAreDrawnSizedToTheCellsAndAgainWhenUncovered() {
        let (state, pictures) = Fixture.detail(width: 120, height: 30)
        let grid = Fixture.render(state, pictures, width: 120, height: 30)
        let rect = grid.placements[0].rect
        var layer = PictureLayer(mode: .palette256, graphics: .sixel, cellWidth: 9, cellHeight: 19)
        let first = Self.text(layer.bytes(for: grid, previous: nil))
        let height = rect.height * 19 / 6 * 6
        #expect(first.contains("\u{1B}P0;1;0q\"1;1;\(rect.width * 9);\(height)#"))
        #expect(first.hasSuffix("\u{1B}\\\u{1B}8"))
        #expect(layer.bytes(for: grid, previous: grid).isEmpty)

        var help = state
        _ = help.reduce(.toggleHelp)
        let covered = Fixture.render(help, pictures, width: 120, height: 30)
        let under = Self.text(layer.bytes(for: covered, previous: grid))
        #expect(!under.contains("\u{1B}P") && under.contains("▀"), "half blocks for what the overlay leaves")
        let again = Self.text(layer.bytes(for: grid, previous: covered))
        #expect(again.contains("\u{1B}P0;1;0q"), "drawn whole again")
    }

    @Test func aSixelNeverTouchesTheLastRowWhereItCouldScrollTheScreen() {
        var grid = Grid(width: 20, height: 6)
        let image = RGBImage(width: 8, height: 8)
        let cells = [HalfBlockCell](repeating: HalfBlockCell(top: RGB(255, 0, 0), bottom: RGB(0, 0, 255)), count: 8)
        grid.drawPicture(HalfBlockPicture(columns: 4, rows: 2, cells: cells), at: 0, y: 4, source: (AssetID(1), image))
        var layer = PictureLayer(mode: .palette256, graphics: .sixel, cellWidth: 10, cellHeight: 20)
        let bytes = Self.text(layer.bytes(for: grid, previous: nil))
        #expect(!bytes.contains("\u{1B}P") && bytes.contains("▀"))
    }

    @Test func kittysQueryIsNotSentWhereItWouldShowOrRetitle() {
        let kittyQuery = String(decoding: KittyGraphics.query, as: UTF8.self)
        func asked(_ environment: [String: String]) -> String { String(decoding: GraphicsProbe.questions(environment: environment), as: UTF8.self) }
        #expect(asked(["TERM": "xterm-kitty"]).hasPrefix(kittyQuery))
        #expect(asked(["TERM": "xterm-256color"]).hasPrefix(kittyQuery), "WezTerm and Ghostty say xterm-256color")
        for environment in [["TERM": "tmux-256color"], ["TERM": "xterm-256color", "TMUX": "/tmp/tmux-1/default,1,0"],
                            ["TERM": "screen.xterm-256color"], ["TERM": "xterm", "STY": "1.pts-0"], ["TERM": "linux"], [:]] {
            #expect(asked(environment) == "\u{1B}[16t\u{1B}[c", "\(environment)")
        }
    }

    @Test func theTerminalsAnswersAreRead() {
        let kitty = GraphicsSupport.parse(Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;18;9t\u{1B}[?62;22c".utf8))
        #expect(kitty.complete)
        #expect(kitty.support == GraphicsSupport(kitty: true, sixel: false, cellWidth: 9, cellHeight: 18))
        #expect(kitty.support.chosenProtocol(environment: [:]) == .kitty)
        #expect(kitty.support.chosenProtocol(environment: ["STOCKTERM_GRAPHICS": "half-blocks"]) == .halfBlocks)

        // foot: sixel in the device attributes, among keys typed meanwhile.
        let foot = GraphicsSupport.parse(Array("j\u{1B}[6;20;10tk\u{1B}[?62;4;22c".utf8))
        #expect(foot.complete && foot.support == GraphicsSupport(sixel: true, cellWidth: 10, cellHeight: 20))
        #expect(foot.support.chosenProtocol(environment: [:]) == .sixel)
        // A sixel terminal that does not say its cell size: half blocks (a sixel is sized in pixels).
        let unsized = GraphicsSupport.parse(Array("\u{1B}[?63;4c".utf8))
        #expect(unsized.support.sixel && unsized.support.chosenProtocol(environment: [:]) == .halfBlocks)

        // tmux 3.3: no graphics; an error to the kitty query is no support; no answer yet is incomplete.
        #expect(GraphicsSupport.parse(Array("\u{1B}[?1;2c".utf8)) == (GraphicsSupport(), true))
        #expect(GraphicsSupport.parse(Array("\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}[?62c".utf8)).support.kitty == false)
        #expect(GraphicsSupport.parse(Array("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;20".utf8)).complete == false)
        #expect(GraphicsSupport.parse([]).complete == false)
    }
}
