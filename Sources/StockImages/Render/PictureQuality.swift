/// How faithfully a half-block picture shows an image: issue 6's quality measure, also computed
/// for chafa's output by `scripts/image-quality.py`.
public enum PictureQuality {
    /// The mean colour error of `picture` as the terminal shows it in `mode`, against `reference`
    /// scaled (`RGBImage.scaled(toWidth:height:)`) to the picture's pixels, `columns × 2·rows`:
    /// the Euclidean distance in RGB (0–441.7) between each displayed pixel and the reference
    /// pixel, averaged over all pixels. In `shades` both pixels of a cell show the shade's grey
    /// (`ColorMode.shadeColor`). 0 for an empty picture.
    public static func meanError(picture: HalfBlockPicture, mode: ColorMode, reference: RGBImage) -> Double {
        if picture.isEmpty { return 0 }
        let expected = reference.scaled(toWidth: picture.columns, height: picture.rows * 2)
        var total = 0.0
        for row in 0 ..< picture.rows {
            for column in 0 ..< picture.columns {
                let cell = picture[column, row]
                let shown: (top: RGB, bottom: RGB)
                if mode == .shades {
                    let grey = ColorMode.shadeColor(ColorMode.shadeLevel(top: cell.top, bottom: cell.bottom))
                    shown = (grey, grey)
                } else {
                    shown = (mode.displayed(cell.top), mode.displayed(cell.bottom))
                }
                total += distance(shown.top, expected[column, row * 2])
                total += distance(shown.bottom, expected[column, row * 2 + 1])
            }
        }
        return total / Double(picture.columns * picture.rows * 2)
    }

    /// The Euclidean distance between two colours in RGB.
    public static func distance(_ a: RGB, _ b: RGB) -> Double {
        let dr = Double(a.red) - Double(b.red)
        let dg = Double(a.green) - Double(b.green)
        let db = Double(a.blue) - Double(b.blue)
        return (dr * dr + dg * dg + db * db).squareRoot()
    }
}
