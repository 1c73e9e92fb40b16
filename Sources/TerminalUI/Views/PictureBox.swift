import BrowserModel
import StockImages
import StockCore

/// Where a picture goes beside text, and what it shows while it loads or when there is none.
///
/// ```text
///  wide (≥ 90 columns): text │ picture        narrow: picture (≤ 12 rows)
///                                                      text
/// ```
enum PictureBox {
    /// From this many columns of text area on, the picture goes to the right of the text.
    static let sideBySideWidth = 90
    /// The most rows a picture above the text takes on a narrow screen.
    static let topRows = 12
    /// The most columns a picture beside the text takes.
    static let sideColumns = 60
    /// The narrowest result pane that makes room for the preview pane (`i`).
    static let previewMinimumWidth = 60

    /// Draws `picture`'s state into part of `area` and returns what is left for the text.
    static func place(_ picture: PictureState, pictures: PictureRenderer?, beside area: Rect,
                      into grid: inout Grid) -> Rect {
        if area.width >= sideBySideWidth {
            let columns = min(sideColumns, area.width * 2 / 5)
            let box = Rect(x: area.maxX - columns, y: area.y, width: columns, height: area.height)
            draw(picture, pictures: pictures, in: box, into: &grid)
            return Rect(x: area.x, y: area.y, width: area.width - columns - 2, height: area.height)
        }
        let rows: Int
        switch picture.phase {
        case .failed: rows = 1
        case .loading: rows = min(topRows, max(1, area.height / 2))
        case .ready(let width, let height):
            let fitted = HalfBlockRenderer().fittedSize(width: width, height: height, columns: area.width,
                                                        rows: min(topRows, max(1, area.height / 2)))
            rows = max(1, fitted.rows)
        }
        let box = Rect(x: area.x, y: area.y, width: area.width, height: rows)
        draw(picture, pictures: pictures, in: box, into: &grid)
        return Rect(x: area.x, y: area.y + rows + 1, width: area.width, height: max(0, area.height - rows - 1))
    }

    /// The picture centred at the top of `box`, or a muted line saying it loads or why not.
    static func draw(_ picture: PictureState, pictures: PictureRenderer?, in box: Rect, into grid: inout Grid) {
        guard !box.isEmpty else { return }
        switch picture.phase {
        case .loading:
            grid.draw("loading picture…", at: box.x, y: box.y, maxWidth: box.width, style: ViewStyle.muted)
        case .failed(let why):
            grid.draw("no picture: " + SafeText.sanitize(why), at: box.x, y: box.y, maxWidth: box.width, style: ViewStyle.muted)
        case .ready:
            guard let rendered = pictures?.picture(for: picture.assetID, columns: box.width, rows: box.height) else {
                grid.draw("picture not kept in memory", at: box.x, y: box.y, maxWidth: box.width, style: ViewStyle.muted)
                return
            }
            let source = pictures?.image(for: picture.assetID).map { (assetID: picture.assetID, image: $0) }
            grid.drawPicture(rendered, at: box.x + (box.width - rendered.columns) / 2, y: box.y, source: source)
        }
    }
}
