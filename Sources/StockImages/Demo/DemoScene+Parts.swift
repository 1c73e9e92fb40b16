import StockCore

/// The pieces scenes are made of: sky, sun or moon, hills, water, weather, trees and figures.
extension DemoScene {
    /// A number in `low...high` in thousandths, from `rng`.
    static func between(_ low: Double, _ high: Double, _ rng: inout SplitMix64) -> Double {
        low + (high - low) * Double(rng.below(1001)) / 1000
    }

    /// `color` with each channel moved by up to ±`spread`, so that neighbours differ a little.
    static func vary(_ color: RGB, by spread: Int, _ rng: inout SplitMix64) -> RGB {
        func channel(_ v: UInt8) -> UInt8 { UInt8(min(255, max(0, Int(v) + rng.below(2 * spread + 1) - spread))) }
        return RGB(channel(color.red), channel(color.green), channel(color.blue))
    }

    /// The sky down to `horizon` (a fraction of the height), with stars at night and the sun or
    /// moon somewhere above the horizon.
    static func sky(on canvas: inout ThumbnailCanvas, mood: DemoMood, horizon: Double, rng: inout SplitMix64) {
        canvas.verticalGradient(top: 0, bottom: horizon, mood.sky)
        if mood.light == .night && mood.weather == .clear {
            let stars = Int(canvas.width * canvas.height * horizon / 400)
            for _ in 0 ..< stars {
                let x = rng.below(max(1, canvas.image.width))
                let y = rng.below(max(1, canvas.row(horizon * 0.9)))
                canvas.blend(x, y, RGB(235, 235, 255), opacity: 80 + rng.below(150))
            }
        }
        if let color = mood.disc {
            let x = between(0.15, 0.85, &rng)
            let low = mood.light == .day ? 0.15 : 0.45
            let y = horizon * between(low, 0.8, &rng)
            let radius = between(0.035, 0.07, &rng)
            canvas.disc(x: x, y: y, radius: radius * 2.5, color, opacity: 60, softness: radius * canvas.width * 2)
            canvas.disc(x: x, y: y, radius: radius, color)
        }
    }

    /// The colour of grass and leaves in `season`.
    static func foliage(_ season: DemoMood.Season) -> RGB {
        switch season {
        case .summer: return RGB(78, 138, 56)
        case .spring: return RGB(128, 182, 92)
        case .autumn: return RGB(186, 118, 46)
        case .winter: return RGB(226, 232, 240)
        }
    }

    /// Two or three ranges of hills from the horizon forwards, the far ones paler (air between).
    static func hills(on canvas: inout ThumbnailCanvas, mood: DemoMood, horizon: Double, near: RGB,
                      rng: inout SplitMix64) {
        let haze = mood.sky.last!
        let ranges = 2 + rng.below(2)
        for k in 0 ..< ranges {
            let depth = Double(ranges - 1 - k) / Double(ranges)   // 1 far … 0 near
            let top = horizon - between(0.08, 0.25, &rng) * (depth + 0.3)
            let line = RidgeLine(points: 3 + rng.below(4), low: top, high: horizon + 0.05 * (1 - depth), rng: &rng)
            let color = mood.lit(ThumbnailCanvas.mix(near, haze, depth * 0.6))
            canvas.ridge(color, base: ThumbnailCanvas.mix(color, RGB(0, 0, 0), 0.3)) { line.at($0) }
        }
    }

    /// A lake or sea from `horizon` down, reflecting the sky and the light.
    static func water(on canvas: inout ThumbnailCanvas, mood: DemoMood, horizon: Double, rng: inout SplitMix64) {
        let sky = mood.sky
        let deep = mood.lit(RGB(24, 70, 120))
        canvas.verticalGradient(top: horizon, bottom: 1, [ThumbnailCanvas.mix(sky.last!, deep, 0.4), deep])
        let ripples = 6 + rng.below(8)
        for _ in 0 ..< ripples {
            let y = between(horizon + 0.02, 0.98, &rng)
            let x = between(0, 0.8, &rng)
            canvas.rectangle(left: x, top: y, right: x + between(0.05, 0.2, &rng), bottom: y + 0.006,
                             sky.last!, opacity: 70)
        }
        if let glow = mood.disc {
            let x = between(0.3, 0.7, &rng)
            var y = horizon + 0.01
            while y < 1 {
                let half = between(0.01, 0.04, &rng) * (1 - (y - horizon))
                canvas.rectangle(left: x - half, top: y, right: x + half, bottom: y + 0.012, glow, opacity: 110)
                y += 0.03
            }
        }
    }

    /// Rain streaks, snowflakes or a fog that thickens towards `horizon`.
    static func weather(on canvas: inout ThumbnailCanvas, mood: DemoMood, horizon: Double, rng: inout SplitMix64) {
        let count = Int(canvas.width * canvas.height / 250)
        switch mood.weather {
        case .clear:
            return
        case .rain:
            for _ in 0 ..< count {
                let x = between(-0.05, 1, &rng), y = between(0, 1, &rng)
                canvas.line(from: (x, y), to: (x + 0.02, y + 0.08), RGB(200, 210, 225), opacity: 90)
            }
        case .snow:
            for _ in 0 ..< count {
                canvas.disc(x: between(0, 1, &rng), y: between(0, 1, &rng), radius: between(0.002, 0.007, &rng),
                            RGB(250, 250, 255), opacity: 200)
            }
        case .fog:
            let grey = mood.sky.last!
            canvas.verticalGradient(top: 0, bottom: horizon, [grey], opacity: 90)
            canvas.verticalGradient(top: horizon, bottom: 1, [grey], opacity: 130)
        }
    }

    /// A conifer whose foot is at `x`, `y`, `size` high (fractions).
    static func tree(on canvas: inout ThumbnailCanvas, x: Double, y: Double, size: Double, _ color: RGB) {
        let half = size * 0.3 * canvas.height / canvas.width
        canvas.rectangle(left: x - half * 0.12, top: y - size * 0.2, right: x + half * 0.12, bottom: y,
                         ThumbnailCanvas.mix(color, RGB(60, 40, 20), 0.6))
        canvas.polygon([(x, y - size), (x + half, y - size * 0.15), (x - half, y - size * 0.15)], color)
    }

    /// A standing person, feet at `x`, `y`, `size` high (fractions), in `color`.
    static func figure(on canvas: inout ThumbnailCanvas, x: Double, y: Double, size: Double, _ color: RGB) {
        let unit = size * canvas.height / canvas.width   // the height as a fraction of the width
        let shoulders = unit * 0.13, hips = unit * 0.09
        canvas.polygon([(x - shoulders, y - size * 0.78), (x + shoulders, y - size * 0.78),
                        (x + hips, y - size * 0.45), (x + hips * 0.9, y), (x - hips * 0.9, y),
                        (x - hips, y - size * 0.45)], color)
        canvas.disc(x: x, y: y - size * 0.87, radius: unit * 0.075, color)
    }

    /// A head and shoulders filling the lower middle of the picture, centred on `x`.
    static func bust(on canvas: inout ThumbnailCanvas, x: Double, skin: RGB, clothes: RGB, hair: RGB) {
        let head = 0.17 * min(1, canvas.height / canvas.width)   // a fraction of the width
        canvas.polygon([(x - 0.26, 1.02), (x - 0.2, 0.78), (x - 0.07, 0.7), (x + 0.07, 0.7), (x + 0.2, 0.78),
                        (x + 0.26, 1.02)], clothes)
        canvas.rectangle(left: x - 0.04, top: 0.6, right: x + 0.04, bottom: 0.74, ThumbnailCanvas.mix(skin, RGB(0, 0, 0), 0.15))
        canvas.disc(x: x, y: 0.33, radius: head * 1.08, hair)
        canvas.disc(x: x, y: 0.42, radius: head, skin)
        canvas.disc(x: x, y: 0.28, radius: head * 0.9, hair)
    }

    /// A four-legged animal standing at `x`, `y` (feet), `size` high (fractions).
    static func animal(on canvas: inout ThumbnailCanvas, x: Double, y: Double, size: Double, facingRight: Bool,
                       _ color: RGB) {
        let w = size * canvas.height / canvas.width
        let direction = facingRight ? 1.0 : -1.0
        for leg in [-0.45, -0.3, 0.3, 0.45] {
            canvas.rectangle(left: x + leg * w - 0.03 * w, top: y - size * 0.5, right: x + leg * w + 0.03 * w,
                             bottom: y, color)
        }
        canvas.polygon([(x - 0.55 * w, y - size * 0.75), (x + 0.5 * w, y - size * 0.78), (x + 0.55 * w, y - size * 0.45),
                        (x - 0.55 * w, y - size * 0.42)], color)
        func at(_ dx: Double, _ dy: Double) -> (x: Double, y: Double) { (x + direction * dx * w, y - dy * size) }
        canvas.polygon([at(0.4, 0.76), at(0.7, 1.02), at(0.85, 0.95), at(0.58, 0.5)], color)
        canvas.disc(x: x + direction * 0.8 * w, y: y - size * 1.0, radius: 0.12 * w, color)
        canvas.polygon([at(-0.55, 0.74), at(-0.7, 0.45), at(-0.65, 0.44), at(-0.52, 0.65)], color)   // the tail
    }

    /// A grid of windows in the rectangle given (fractions), lit warm at night or glassy by day.
    static func windows(on canvas: inout ThumbnailCanvas, left: Double, top: Double, right: Double, bottom: Double,
                        mood: DemoMood, rng: inout SplitMix64) {
        let columns = 2 + rng.below(5), rows = 3 + rng.below(10)
        let cellWidth = (right - left) / Double(columns), cellHeight = (bottom - top) / Double(rows)
        for r in 0 ..< rows {
            for c in 0 ..< columns {
                let lit = mood.lampsLit ? rng.chance(45) : false
                let glass = lit ? vary(RGB(255, 205, 110), by: 20, &rng)
                    : mood.lit(vary(RGB(150, 175, 200), by: 20, &rng))
                let x = left + Double(c) * cellWidth, y = top + Double(r) * cellHeight
                canvas.rectangle(left: x + cellWidth * 0.25, top: y + cellHeight * 0.25, right: x + cellWidth * 0.75,
                                 bottom: y + cellHeight * 0.75, glass, opacity: lit ? 256 : 150)
            }
        }
    }
}
