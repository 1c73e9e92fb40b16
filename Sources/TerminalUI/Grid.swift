/// An in-memory screen of `width` × `height` cells that views render into.
///
/// Views draw here and do nothing else; the ncurses screen blits only what `diff(from:)` reports
/// as changed since the last frame, and tests assert `lines` with no terminal at all.
///
/// A two-column character occupies its cell plus a `.continuation` cell to its right. The grid
/// keeps that pairing intact: overwriting either half of a wide character turns the other half
/// into a space, so no half-character ever reaches the terminal.
///
/// ```swift
/// var grid = Grid(width: 12, height: 2)
/// grid.draw("Алматы 東京", at: 0, y: 0, maxWidth: 10, style: .plain)   // 10
/// grid.lines   // ["Алматы 東…", ""]
/// ```
public struct Grid: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// The pictures drawn into the grid (`drawPicture(_:at:y:placement:)`), for graphics protocols.
    public internal(set) var placements: [PicturePlacement] = []

    /// A grid of spaces in `style`; a negative size becomes 0.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`. Both must be inside the grid.
    ///
    /// Setting a cell is raw: it does not repair a wide character it cuts in half. Views should use
    /// `draw` and `fill`, which do.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)×\(height)")
            return cells[y * width + x]
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)×\(height)")
            cells[y * width + x] = newValue
        }
    }

    /// The cells of row `y`.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        precondition(y >= 0 && y < height, "row \(y) outside 0..<\(height)")
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Sets every cell of `rect` (clipped to the grid) to a space in `style`.
    ///
    /// A wide character cut by the rectangle's left or right edge loses its other half too: that
    /// half becomes a space in its own style.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            breakWideCharacter(at: area.x, y: y)
            breakWideCharacter(at: area.maxX - 1, y: y)
            let start = y * width
            for x in area.x..<area.maxX { cells[start + x] = Cell(" ", style: style) }
        }
    }

    /// Every cell a space in `style`.
    public mutating func clear(style: Style = .plain) {
        cells = Array(repeating: Cell(" ", style: style), count: width * height)
    }

    /// Each row as text, continuation cells skipped and trailing spaces trimmed: what a snapshot
    /// test compares. Styles are not part of it; read the cells for those.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for cell in row(y) {
                if case .character(let c) = cell.content { line.append(c) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Turns the other half of a wide character at (`x`, `y`) into a space, so that the cell can be
    /// overwritten without leaving half a character behind. Does nothing for a narrow character.
    mutating func breakWideCharacter(at x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].content = .character(" ") }
            cells[index].content = .character(" ")
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].content = .character(" ")
            cells[index].content = .character(" ")
        }
    }
}
