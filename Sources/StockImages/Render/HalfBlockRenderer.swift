/// Turns a picture into half-block cells that fit a box of terminal cells, keeping its aspect
/// ratio on a terminal whose cells are `cellAspectRatio` times as high as they are wide.
///
/// Each cell shows two pixels, one above the other, so a cell of ratio 2 shows square pixels.
/// The picture is scaled once (`RGBImage.scaled(toWidth:height:)`) to `columns × 2·rows` pixels.
///
/// ```swift
/// let picture = HalfBlockRenderer().render(thumbnail, columns: 40, rows: 20)
/// ```
public struct HalfBlockRenderer: Hashable, Sendable {
    /// A cell's height divided by its width on the terminal (about 2 in most fonts).
    public var cellAspectRatio: Double

    /// A renderer for cells `cellAspectRatio` times as high as wide (positive).
    public init(cellAspectRatio: Double = 2.0) {
        precondition(cellAspectRatio > 0, "a cell's aspect ratio must be positive")
        self.cellAspectRatio = cellAspectRatio
    }

    /// The size in cells, at most `columns × rows`, that shows a `width × height` picture with
    /// its aspect ratio: the full width or the full height of the box, the other side rounded to
    /// whole cells (at least 1); 0 × 0 when the picture or the box is empty.
    public func fittedSize(width: Int, height: Int, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        let size = RGBImage.fittedSize(width: width, height: height, maxWidth: columns, maxHeight: rows,
                                       pixelAspect: cellAspectRatio)
        return (size.width, size.height)
    }

    /// `image` as at most `columns × rows` cells, its aspect ratio kept (`fittedSize`); an empty
    /// picture for an empty image or box.
    public func render(_ image: RGBImage, columns: Int, rows: Int) -> HalfBlockPicture {
        let size = fittedSize(width: image.width, height: image.height, columns: columns, rows: rows)
        guard size.columns > 0, size.rows > 0 else { return HalfBlockPicture(columns: 0, rows: 0, cells: []) }
        let pixels = image.scaled(toWidth: size.columns, height: size.rows * 2)
        var cells: [HalfBlockCell] = []
        cells.reserveCapacity(size.columns * size.rows)
        for row in 0 ..< size.rows {
            for column in 0 ..< size.columns {
                cells.append(HalfBlockCell(top: pixels[column, row * 2], bottom: pixels[column, row * 2 + 1]))
            }
        }
        return HalfBlockPicture(columns: size.columns, rows: size.rows, cells: cells)
    }
}
