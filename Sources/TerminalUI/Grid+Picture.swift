import StockCore
import StockImages

extension Grid {
    /// Draws a half-block picture with its top left cell at (`x`, `y`), clipped to the grid: each
    /// cell becomes "▀" carrying its two pixels in `Style.picture` (the screen draws them in the
    /// terminal's colour mode; `lines` shows "▀").
    ///
    /// With `source` (the asset and its decoded picture), the grid also records a
    /// `PicturePlacement` over the picture's cells, for screens that draw it through a graphics
    /// protocol; only a picture wholly inside the grid is recorded.
    public mutating func drawPicture(_ picture: HalfBlockPicture, at x: Int, y: Int,
                                     source: (assetID: AssetID, image: RGBImage)? = nil) {
        let rect = Rect(x: x, y: y, width: picture.columns, height: picture.rows)
        if let source, !picture.cells.isEmpty, rect.intersection(bounds) == rect {
            placements.append(PicturePlacement(assetID: source.assetID, rect: rect, image: source.image))
        }
        for row in 0 ..< picture.rows where y + row >= 0 && y + row < height {
            for column in 0 ..< picture.columns where x + column >= 0 && x + column < width {
                repeatCharacter("▀", in: Rect(x: x + column, y: y + row, width: 1, height: 1),
                                style: Style(picture: picture[column, row]))
            }
        }
    }

    /// The picture cells of the grid: (x, y, pixels), row by row.
    var pictureCells: [(x: Int, y: Int, cell: HalfBlockCell)] {
        var found: [(x: Int, y: Int, cell: HalfBlockCell)] = []
        for y in 0 ..< height {
            for x in 0 ..< width {
                if let cell = self[x, y].style.picture { found.append((x, y, cell)) }
            }
        }
        return found
    }
}
