/// The xterm 256-colour palette: what each index displays and the nearest index for a colour.
///
/// Pictures use only indices 16–255: the 6×6×6 colour cube (16–231, channel levels 0, 95, 135,
/// 175, 215, 255) and the grey ramp (232–255, levels 8, 18, …, 238). Indices 0–15 are the
/// terminal theme's sixteen colours, which differ from one terminal and theme to the next.
///
/// Nearness is the "redmean" weighted RGB distance (see `distance(_:_:)`), closer to what the eye
/// sees than plain RGB distance and as cheap.
///
/// ```swift
/// let index = XtermPalette.nearestIndex(to: RGB(250, 128, 10))   // 208, #ff8700
/// ```
public enum XtermPalette {
    /// The channel levels of the colour cube, for digits 0–5.
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The colour that palette index `index` displays in xterm's default palette (0–15 are the
    /// theme's and only xterm's defaults here).
    public static func color(ofIndex index: UInt8) -> RGB {
        switch index {
        case 0 ..< 16:
            return systemColors[Int(index)]
        case 16 ..< 232:
            let n = Int(index) - 16
            return RGB(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return RGB(level, level, level)
        }
    }

    /// The index among 16–255 whose colour is nearest to `color` by `distance(_:_:)`; on a tie the
    /// lower index.
    public static func nearestIndex(to color: RGB) -> UInt8 {
        // The best cube colour uses, in each channel, one of the two levels around that channel's
        // value; the best grey is one of the few greys around the channel values.
        let r = levelsAround(color.red), g = levelsAround(color.green), b = levelsAround(color.blue)
        var best: UInt8 = 16
        var bestDistance = Int.max
        func consider(_ index: Int) {
            let d = distance(color, self.color(ofIndex: UInt8(index)))
            if d < bestDistance || (d == bestDistance && index < Int(best)) {
                bestDistance = d
                best = UInt8(index)
            }
        }
        for ri in r.low ... r.high {
            for gi in g.low ... g.high {
                for bi in b.low ... b.high { consider(16 + 36 * ri + 6 * gi + bi) }
            }
        }
        let red = Int(color.red), green = Int(color.green), blue = Int(color.blue)
        let low = greyStep(min(red, green, blue)), high = greyStep(max(red, green, blue))
        for step in max(0, low - 1) ... min(23, high + 1) { consider(232 + step) }
        return best
    }

    /// The index of the grey nearest to `color`'s luma (`luma(_:)`): one of the ramp 232–255, or
    /// 16 (black) or 231 (white) when that is nearer.
    public static func nearestGreyIndex(to color: RGB) -> UInt8 {
        let y = luma(color)
        if y <= 4 { return 16 }          // nearer 0 than 8
        if y >= 247 { return 231 }       // nearer 255 than 238
        // Ramp level 8 + 10k: nearest k, rounding half up.
        return UInt8(232 + min(23, max(0, (y - 8 + 5) / 10)))
    }

    /// Rec. 601 luma of `color`, 0–255, in integer arithmetic.
    public static func luma(_ color: RGB) -> Int {
        (77 * Int(color.red) + 150 * Int(color.green) + 29 * Int(color.blue) + 128) >> 8
    }

    /// The "redmean" squared distance between two colours (scaled by 256): red and blue weighted
    /// by the mean red, green by 4, a cheap approximation of perceived difference.
    public static func distance(_ a: RGB, _ b: RGB) -> Int {
        let meanRed = (Int(a.red) + Int(b.red)) / 2
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        return (512 + meanRed) * dr * dr + 1024 * dg * dg + (767 - meanRed) * db * db
    }

    /// The two cube digits whose levels enclose `value` (the same digit twice at the ends).
    private static func levelsAround(_ value: UInt8) -> (low: Int, high: Int) {
        if value < 95 { return (0, 1) }
        let digit = min(5, 1 + (Int(value) - 95) / 40)
        return (digit, min(5, digit + 1))
    }

    /// The grey ramp step (0–23) at or just below `value`.
    private static func greyStep(_ value: Int) -> Int {
        min(23, max(0, (value - 8) / 10))
    }

    /// xterm's default sixteen colours (indices 0–15).
    private static let systemColors: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
}
