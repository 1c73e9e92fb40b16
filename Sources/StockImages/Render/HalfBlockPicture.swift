/// A picture as terminal cells, two pixels per cell, row by row from the top left; what
/// `HalfBlockRenderer` makes and `HalfBlockEncoder` and the screen draw.
public struct HalfBlockPicture: Hashable, Sendable {
    /// Width in cells.
    public let columns: Int
    /// Height in cells (twice as many pixels).
    public let rows: Int
    /// `columns × rows` cells, rows top to bottom.
    public let cells: [HalfBlockCell]

    /// A picture over existing cells; `cells.count` must be `columns * rows`.
    public init(columns: Int, rows: Int, cells: [HalfBlockCell]) {
        precondition(columns >= 0 && rows >= 0 && cells.count == columns * rows,
                     "a half-block picture needs columns × rows cells")
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }

    /// The cell at `column`, `row` (both inside the picture).
    public subscript(column: Int, row: Int) -> HalfBlockCell {
        cells[row * columns + column]
    }

    /// Whether the picture has no cells.
    public var isEmpty: Bool { columns == 0 || rows == 0 }

    /// The pixels the cells show: `columns × 2·rows`, before any colour mode.
    public var image: RGBImage {
        var image = RGBImage(width: columns, height: rows * 2)
        for row in 0 ..< rows {
            for column in 0 ..< columns {
                let cell = cells[row * columns + column]
                image[column, row * 2] = cell.top
                image[column, row * 2 + 1] = cell.bottom
            }
        }
        return image
    }
}
