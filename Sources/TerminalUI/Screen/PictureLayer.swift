import StockCore
import StockImages

/// The picture cells of the screen, drawn outside ncurses: ncurses holds a marked space where a
/// picture is (`TerminalScreen.pictureMarker`: never erased or moved as a blank, overwritten when
/// text replaces the picture), and after each `doupdate()` the screen writes the picture's bytes
/// itself (`HalfBlockEncoder`), inside a save/restore of the cursor (DECSC/DECRC) so that
/// ncurses' idea of the cursor and attributes stays true.
///
/// What is written each frame: the picture cells that changed since the last frame (a new
/// picture, or cells an overlay no longer covers), grouped into rectangles so that colours
/// carry from cell to cell. After a full repaint, every picture cell.
///
/// On a terminal that speaks kitty's graphics protocol or draws sixels (`GraphicsProtocol`), a
/// picture whose cells are all visible is drawn through the protocol instead (see
/// docs/pictures.md): kitty's pictures are sent once and placed or taken down as the view
/// changes; sixels are drawn when a picture appears or is uncovered. The layer remembers what it
/// has shown, so the screen keeps one for its lifetime.
struct PictureLayer {
    /// The colour mode half-block pictures are written in.
    var mode: ColorMode
    /// How whole pictures are drawn: half blocks, or a graphics protocol the terminal speaks.
    var graphics: GraphicsProtocol = .halfBlocks
    /// A cell's size in pixels (sixel needs it; kitty uses it to choose how many pixels to send).
    var cellWidth = 10
    var cellHeight = 20

    /// Placements drawn through the graphics protocol in the last frame.
    private(set) var shown: [PicturePlacement] = []
    /// kitty: the pictures the terminal holds (asset and size sent), oldest first, with their ids.
    private var sent: [(key: SentImage, id: UInt32)] = []
    private var nextImageID: UInt32 = 1
    /// sixel: the last few encoded images, so that a picture an overlay uncovers is not encoded again.
    private var sixels: [(placement: PicturePlacement, bytes: [UInt8])] = []
    /// The most pictures kept by the terminal (kitty) or encoded (sixel).
    static let imagesKept = 16

    struct SentImage: Hashable {
        var assetID: AssetID
        var width: Int
        var height: Int
    }

    init(mode: ColorMode, graphics: GraphicsProtocol = .halfBlocks, cellWidth: Int? = nil, cellHeight: Int? = nil) {
        self.mode = mode
        self.graphics = graphics
        if let cellWidth, cellWidth > 0 { self.cellWidth = cellWidth }
        if let cellHeight, cellHeight > 0 { self.cellHeight = cellHeight }
    }

    /// The bytes that bring the terminal from `previous` to `grid`'s pictures; empty when nothing
    /// about pictures changed. `previous` nil draws every picture whole: the terminal was just
    /// cleared, or ncurses may have moved lines under them.
    ///
    /// With a graphics protocol, a placement whose cells all still show it (no overlay over any of
    /// them, and for sixel not on the last row, where drawing could scroll the screen) is drawn
    /// through the protocol; the cells of one partly covered are written as half blocks, so the
    /// uncovered part stays visible, and the whole picture comes back when the overlay closes.
    mutating func bytes(for grid: Grid, previous: Grid?) -> [UInt8] {
        // Most frames have no picture before or after: a quick look instead of comparing cells.
        func hasPicture(_ g: Grid?) -> Bool { g?.cells.contains { $0.style.picture != nil } ?? false }
        guard hasPicture(grid) || hasPicture(previous) || !shown.isEmpty else { return [] }
        var out: [UInt8] = [0x1B, 0x37]   // ESC 7: save cursor and attributes
        let before = shown
        var shownBefore = previous == nil ? [] : shown
        if previous == nil, graphics == .kitty {
            // A cleared screen: take every placement down and put back what is on the new one.
            for placement in before { out += deletePlacement(of: placement) }
            shownBefore = []
        }
        let graphicNow = graphics == .halfBlocks ? [] : grid.placements.filter { drawsWhole($0, in: grid) }
        let comparable = previous.map { $0.width == grid.width && $0.height == grid.height } ?? false
        var changed: [[Int]] = Array(repeating: [], count: grid.height)   // columns per row to draw
        func inside(_ placements: [PicturePlacement], _ x: Int, _ y: Int) -> Bool {
            placements.contains { x >= $0.rect.x && x < $0.rect.maxX && y >= $0.rect.y && y < $0.rect.maxY }
        }
        for y in 0 ..< grid.height {
            for x in 0 ..< grid.width {
                let now = grid[x, y]
                let old = comparable ? previous![x, y] : nil
                if now.style.picture != nil {
                    if !graphicNow.isEmpty, inside(graphicNow, x, y) { continue }
                    if old != now || (!shownBefore.isEmpty && inside(shownBefore, x, y)) { changed[y].append(x) }
                }
            }
        }
        if graphics == .kitty {
            for placement in shownBefore where !graphicNow.contains(placement) { out += deletePlacement(of: placement) }
        }
        let encoder = HalfBlockEncoder(mode: mode)
        for block in Self.rectangles(changed) {
            var cells: [HalfBlockCell] = []
            cells.reserveCapacity(block.width * block.height)
            for y in block.y ..< block.y + block.height {
                for x in block.x ..< block.x + block.width { cells.append(grid[x, y].style.picture!) }
            }
            let picture = HalfBlockPicture(columns: block.width, rows: block.height, cells: cells)
            out += encoder.encode(picture, row: block.y + 1, column: block.x + 1)
        }
        for placement in graphicNow where !shownBefore.contains(placement) {
            switch graphics {
            case .kitty: out += place(placement)
            case .sixel: out += drawSixel(placement)
            case .halfBlocks: break
            }
        }
        shown = graphicNow
        guard out.count > 2 else { return [] }
        out += [0x1B, 0x38]   // ESC 8: restore
        return out
    }

    /// What to send when leaving the screen: kitty's pictures deleted and their memory freed.
    func farewell() -> [UInt8] {
        graphics == .kitty && !sent.isEmpty ? KittyGraphics.deleteAll : []
    }

    /// Whether `placement` is drawn whole through the protocol this frame.
    private func drawsWhole(_ placement: PicturePlacement, in grid: Grid) -> Bool {
        let r = placement.rect
        guard !r.isEmpty, r.intersection(grid.bounds) == r else { return false }
        if graphics == .sixel, r.maxY >= grid.height { return false }
        for y in r.y ..< r.maxY {
            for x in r.x ..< r.maxX where grid[x, y].style.picture == nil { return false }
        }
        return true
    }

    // MARK: kitty

    /// The picture sent once (scaled to at most the cells' pixels), then placed over its cells.
    private mutating func place(_ placement: PicturePlacement) -> [UInt8] {
        var out: [UInt8] = []
        let r = placement.rect
        let image = placement.image
        let fitted = image.fittedSize(maxWidth: r.width * cellWidth, maxHeight: r.height * cellHeight)
        let size: (Int, Int) = fitted.width < image.width ? (fitted.width, fitted.height) : (image.width, image.height)
        let key = SentImage(assetID: placement.assetID, width: size.0, height: size.1)
        let id: UInt32
        if let i = sent.firstIndex(where: { $0.key == key }) {
            id = sent[i].id
            sent.append(sent.remove(at: i))
        } else {
            let scaled = size.0 == image.width && size.1 == image.height ? image : image.scaled(toWidth: size.0, height: size.1)
            guard let png = try? ImageEncoder.png(scaled) else { return [] }
            id = nextImageID
            nextImageID = nextImageID == UInt32.max ? 1 : nextImageID + 1
            out += KittyGraphics.transmit(imageID: id, png: png)
            sent.append((key, id))
            while sent.count > Self.imagesKept {
                out += KittyGraphics.deleteImage(imageID: sent.removeFirst().id)
            }
        }
        out += Self.cursorMove(row: r.y + 1, column: r.x + 1)
        out += KittyGraphics.place(imageID: id, columns: r.width, rows: r.height)
        return out
    }

    private func deletePlacement(of placement: PicturePlacement) -> [UInt8] {
        // Every size of the asset's picture the terminal holds: the placement is on one of them.
        sent.filter { $0.key.assetID == placement.assetID }.flatMap { KittyGraphics.deletePlacement(imageID: $0.id) }
    }

    // MARK: sixel

    /// The cells blanked (so no old pixels stay below the image's last band), then the picture
    /// scaled to the cells' pixels, its height a whole number of six-pixel bands.
    private mutating func drawSixel(_ placement: PicturePlacement) -> [UInt8] {
        let r = placement.rect
        var out: [UInt8] = [0x1B, 0x5B, 0x30, 0x6D]   // ESC[0m
        for y in r.y ..< r.maxY {
            out += Self.cursorMove(row: y + 1, column: r.x + 1)
            out += [UInt8](repeating: 0x20, count: r.width)
        }
        out += Self.cursorMove(row: r.y + 1, column: r.x + 1)
        if let kept = sixels.first(where: { $0.placement == placement }) {
            return out + kept.bytes
        }
        let width = r.width * cellWidth
        let height = r.height * cellHeight / 6 * 6
        guard width > 0, height > 0 else { return [] }
        let bytes = SixelEncoder.encode(placement.image.scaled(toWidth: width, height: height))
        sixels.append((placement, bytes))
        if sixels.count > Self.imagesKept { sixels.removeFirst() }
        return out + bytes
    }

    /// Consecutive runs of columns per row, merged downwards while the next row has the same run.
    static func rectangles(_ columnsByRow: [[Int]]) -> [(x: Int, y: Int, width: Int, height: Int)] {
        var open: [Range<Int>: (y: Int, height: Int)] = [:]
        var done: [(x: Int, y: Int, width: Int, height: Int)] = []
        for (y, columns) in columnsByRow.enumerated() {
            var runs: [Range<Int>] = []
            var start: Int?
            var last = -2
            for x in columns {
                if x != last + 1 {
                    if let s = start { runs.append(s ..< last + 1) }
                    start = x
                }
                last = x
            }
            if let s = start { runs.append(s ..< last + 1) }
            var next: [Range<Int>: (y: Int, height: Int)] = [:]
            for run in runs {
                if let block = open.removeValue(forKey: run) { next[run] = (block.y, block.height + 1) }
                else { next[run] = (y, 1) }
            }
            for (run, block) in open { done.append((run.lowerBound, block.y, run.count, block.height)) }
            open = next
        }
        for (run, block) in open { done.append((run.lowerBound, block.y, run.count, block.height)) }
        return done.sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }

    static func cursorMove(row: Int, column: Int) -> [UInt8] {
        Array("\u{1B}[\(row);\(column)H".utf8)
    }
}
