import StockImages

/// The picture cells of the screen, drawn outside ncurses: ncurses holds plain spaces where a
/// picture is (so its own updates never touch them), and after each `doupdate()` the screen
/// writes the picture's bytes itself (`HalfBlockEncoder`), inside a save/restore of the cursor
/// (DECSC/DECRC) so that ncurses' idea of the cursor and attributes stays true.
///
/// What is written each frame: the picture cells that changed since the last frame (a new
/// picture, or cells an overlay no longer covers) — grouped into rectangles so that colours
/// carry from cell to cell — and plain spaces where a picture cell became a plain space (ncurses
/// believes that cell is blank already and would leave the old pixels). After a full repaint,
/// every picture cell.
struct PictureLayer {
    /// The colour mode pictures are written in.
    var mode: ColorMode

    /// The bytes that bring the terminal from `previous` (nil: the terminal was just cleared) to
    /// `grid`'s picture cells; empty when nothing about pictures changed.
    func bytes(for grid: Grid, previous: Grid?) -> [UInt8] {
        // Most frames have no picture before or after: a quick look instead of comparing cells.
        func hasPicture(_ g: Grid?) -> Bool { g?.cells.contains { $0.style.picture != nil } ?? false }
        guard hasPicture(grid) || hasPicture(previous) else { return [] }
        let comparable = previous.map { $0.width == grid.width && $0.height == grid.height } ?? false
        var changed: [[Int]] = Array(repeating: [], count: grid.height)   // columns per row to draw
        var cleared: [(x: Int, y: Int)] = []
        for y in 0 ..< grid.height {
            for x in 0 ..< grid.width {
                let now = grid[x, y]
                let before = comparable ? previous![x, y] : nil
                if now.style.picture != nil {
                    if before != now { changed[y].append(x) }
                } else if before?.style.picture != nil, now == .blank {
                    cleared.append((x, y))
                }
            }
        }
        guard cleared.count > 0 || changed.contains(where: { !$0.isEmpty }) else { return [] }
        var out: [UInt8] = [0x1B, 0x37]   // ESC 7: save cursor and attributes
        if !cleared.isEmpty {
            out += [0x1B, 0x5B, 0x30, 0x6D]   // ESC[0m
            for (x, y) in cleared { out += Self.cursorMove(row: y + 1, column: x + 1) + [0x20] }
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
        out += [0x1B, 0x38]   // ESC 8: restore
        return out
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
