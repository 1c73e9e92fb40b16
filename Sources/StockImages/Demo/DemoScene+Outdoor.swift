import StockCore

/// Scenes under the sky: landscapes, fields, animals, the view from a drone, the city, factories,
/// landmarks, roads and power.
extension DemoScene {
    /// Hills or mountains under the sky, or a lake when the words name water, with a few trees.
    static func drawLandscape(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.45, 0.65, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        if rng.chance(50) {   // snowy peaks
            let peaks = RidgeLine(points: 4 + rng.below(4), low: horizon - 0.35, high: horizon - 0.05, rng: &rng)
            let rock = mood.lit(ThumbnailCanvas.mix(RGB(110, 110, 125), mood.sky.last!, 0.35))
            canvas.ridge(RGB(240, 242, 248), base: rock, opacity: 256) { peaks.at($0) }
        }
        if mood.water {
            hills(on: &canvas, mood: mood, horizon: horizon, near: foliage(mood.season), rng: &rng)
            water(on: &canvas, mood: mood, horizon: horizon + 0.04, rng: &rng)
        } else {
            hills(on: &canvas, mood: mood, horizon: horizon, near: foliage(mood.season), rng: &rng)
            let ground = mood.lit(ThumbnailCanvas.mix(foliage(mood.season), RGB(0, 0, 0), 0.25))
            let trees = rng.below(6)
            for _ in 0 ..< trees {
                let y = between(horizon + 0.15, 1.0, &rng)
                let green = mood.season == .winter ? RGB(40, 80, 60) : RGB(30, 80, 40)
                tree(on: &canvas, x: between(0.05, 0.95, &rng), y: y, size: 0.15 + (y - horizon) * 0.4,
                     mood.lit(ThumbnailCanvas.mix(green, ground, 0.2)))
            }
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// Striped fields of wheat, green crops or ploughed earth to the horizon, maybe a barn.
    static func drawFields(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.35, 0.55, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        let crops = [RGB(222, 184, 84), RGB(196, 160, 70), RGB(110, 160, 60), RGB(150, 110, 70)]
        let crop = mood.season == .winter ? RGB(230, 234, 240) : crops[rng.below(crops.count)]
        canvas.verticalGradient(top: horizon, bottom: 1, [mood.lit(ThumbnailCanvas.mix(crop, mood.sky.last!, 0.3)),
                                                           mood.lit(crop)])
        // Furrows run towards a vanishing point on the horizon.
        let vanish = between(0.3, 0.7, &rng)
        let furrow = mood.lit(ThumbnailCanvas.mix(crop, RGB(60, 40, 20), 0.35))
        var x = -1.0
        while x < 2 {
            canvas.polygon([(vanish, horizon), (x, 1), (x + 0.04, 1)], furrow, opacity: 120)
            x += 0.16
        }
        if rng.chance(60) {
            let bx = between(0.1, 0.75, &rng), size = between(0.08, 0.14, &rng)
            let red = mood.lit(RGB(150, 40, 30))
            canvas.rectangle(left: bx, top: horizon - size * 0.6, right: bx + size, bottom: horizon + 0.01, red)
            canvas.polygon([(bx - 0.01, horizon - size * 0.6), (bx + size / 2, horizon - size * 1.1),
                            (bx + size + 0.01, horizon - size * 0.6)], mood.lit(RGB(90, 40, 30)))
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// Steppe or savannah with one to three animals and perhaps a bird.
    static func drawWildlife(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.5, 0.65, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        let steppe = mood.season == .winter ? RGB(222, 226, 232) : RGB(176, 150, 96)
        hills(on: &canvas, mood: mood, horizon: horizon, near: steppe, rng: &rng)
        let coats = [RGB(120, 80, 50), RGB(90, 70, 60), RGB(170, 130, 80), RGB(60, 50, 45)]
        let coat = mood.lit(coats[rng.below(coats.count)])
        let count = 1 + rng.below(3)
        for _ in 0 ..< count {
            let y = between(horizon + 0.2, 0.95, &rng)
            animal(on: &canvas, x: between(0.2, 0.8, &rng), y: y, size: 0.12 + (y - horizon) * 0.5,
                   facingRight: rng.chance(50), coat)
        }
        if rng.chance(50) {   // a bird of prey
            let x = between(0.2, 0.8, &rng), y = between(0.1, horizon - 0.15, &rng)
            canvas.polygon([(x - 0.1, y - 0.03), (x, y + 0.02), (x + 0.1, y - 0.03), (x, y + 0.05)],
                           mood.lit(RGB(50, 40, 30)))
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// Seen from above: a patchwork of fields, a road and a river, or city blocks in winter.
    static func drawAerial(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let base = foliage(mood.season)
        canvas.verticalGradient(top: 0, bottom: 1, [mood.lit(base)])
        let patches = [base, RGB(214, 180, 90), RGB(150, 120, 80), RGB(96, 150, 70), RGB(180, 190, 110)]
        let columns = 3 + rng.below(4), rows = 3 + rng.below(4)
        for r in 0 ..< rows {
            for c in 0 ..< columns {
                let color = mood.season == .winter ? vary(RGB(228, 232, 240), by: 10, &rng)
                    : vary(patches[rng.below(patches.count)], by: 15, &rng)
                canvas.rectangle(left: Double(c) / Double(columns) + 0.01, top: Double(r) / Double(rows) + 0.01,
                                 right: Double(c + 1) / Double(columns) - 0.01, bottom: Double(r + 1) / Double(rows) - 0.01,
                                 mood.lit(color))
            }
        }
        // A river winding down the picture.
        let course = RidgeLine(points: 4 + rng.below(3), low: 0.15, high: 0.85, rng: &rng)
        let blue = mood.lit(mood.season == .winter ? RGB(170, 190, 210) : RGB(40, 90, 140))
        let steps = 60
        for i in 0 ..< steps {
            let t0 = Double(i) / Double(steps), t1 = Double(i + 1) / Double(steps)
            let x0 = course.at(t0), x1 = course.at(t1)
            canvas.polygon([(x0 - 0.03, t0), (x0 + 0.03, t0), (x1 + 0.03, t1), (x1 - 0.03, t1)], blue)
        }
        let roadY = between(0.2, 0.8, &rng)
        canvas.polygon([(0, roadY), (1, roadY + between(-0.2, 0.2, &rng)), (1, roadY + 0.045), (0, roadY + 0.03)],
                       mood.lit(RGB(70, 70, 75)))
        weather(on: &canvas, mood: mood, horizon: 0.5, rng: &rng)
    }

    /// A skyline of buildings with windows; for industry, saw-tooth sheds and chimneys with sparks.
    static func drawCity(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64, factory: Bool) {
        let horizon = between(0.7, 0.85, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        // Far skyline, paler.
        var x = -0.02
        let far = mood.lit(ThumbnailCanvas.mix(RGB(90, 95, 110), mood.sky.last!, 0.5))
        while x < 1 {
            let w = between(0.04, 0.1, &rng)
            canvas.rectangle(left: x, top: horizon - between(0.15, 0.4, &rng), right: x + w, bottom: horizon, far)
            x += w
        }
        x = between(-0.05, 0.02, &rng)
        while x < 1 {
            let w = between(0.08, 0.2, &rng)
            let grey = vary(factory ? RGB(100, 95, 90) : RGB(120, 125, 135), by: 25, &rng)
            let top = factory ? horizon - between(0.1, 0.25, &rng) : between(0.12, horizon - 0.15, &rng)
            canvas.rectangle(left: x, top: top, right: x + w - 0.01, bottom: horizon, mood.lit(grey))
            if factory {
                let teeth = 2 + rng.below(3)
                for k in 0 ..< teeth {
                    let tx = x + (w - 0.01) * Double(k) / Double(teeth), tw = (w - 0.01) / Double(teeth)
                    canvas.polygon([(tx, top), (tx + tw, top - 0.06), (tx + tw, top)], mood.lit(grey))
                }
                if rng.chance(50) {
                    canvas.rectangle(left: x + w * 0.6, top: top - 0.3, right: x + w * 0.7, bottom: top,
                                     mood.lit(RGB(130, 110, 100)))
                    canvas.disc(x: x + w * 0.65, y: top - 0.35, radius: 0.05, RGB(200, 200, 205), opacity: 120,
                                softness: 0.05 * canvas.width)
                }
            } else {
                windows(on: &canvas, left: x, top: top + 0.02, right: x + w - 0.01, bottom: horizon - 0.02,
                        mood: mood, rng: &rng)
            }
            x += w
        }
        canvas.verticalGradient(top: horizon, bottom: 1, [mood.lit(RGB(70, 72, 78)), mood.lit(RGB(40, 40, 45))])
        if mood.lampsLit || factory {
            let sparks = factory ? 40 : 12
            for _ in 0 ..< sparks {
                let color = factory ? RGB(255, 170, 60) : RGB(255, 220, 150)
                canvas.disc(x: between(0, 1, &rng), y: between(horizon + 0.02, 0.98, &rng), radius: 0.006, color,
                            opacity: 220, softness: 2)
            }
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// A tower, spire or dome standing over a low skyline.
    static func drawLandmark(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.75, 0.85, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        let stone = mood.lit(vary([RGB(190, 170, 140), RGB(170, 60, 50), RGB(220, 220, 210)][rng.below(3)], by: 15, &rng))
        let x = between(0.3, 0.7, &rng)
        switch rng.below(3) {
        case 0:   // a lattice tower
            canvas.polygon([(x - 0.16, horizon), (x - 0.01, 0.08), (x + 0.01, 0.08), (x + 0.16, horizon)], stone)
            canvas.polygon([(x - 0.08, horizon), (x, horizon - 0.25), (x + 0.08, horizon)], mood.sky.last!)
        case 1:   // a domed hall
            canvas.rectangle(left: x - 0.18, top: horizon - 0.25, right: x + 0.18, bottom: horizon, stone)
            canvas.disc(x: x, y: horizon - 0.25, radius: 0.12, ThumbnailCanvas.mix(stone, RGB(40, 140, 150), 0.6))
            canvas.rectangle(left: x - 0.005, top: horizon - 0.55, right: x + 0.005, bottom: horizon - 0.3, stone)
        default:  // a tower on a stem with a golden sphere
            canvas.rectangle(left: x - 0.03, top: 0.3, right: x + 0.03, bottom: horizon, stone)
            canvas.disc(x: x, y: 0.25, radius: 0.08, mood.lit(RGB(230, 180, 60)))
        }
        var lx = 0.0
        while lx < 1 {
            let w = between(0.05, 0.12, &rng)
            if abs(lx + w / 2 - x) > 0.2 {
                canvas.rectangle(left: lx, top: horizon - between(0.05, 0.12, &rng), right: lx + w - 0.005,
                                 bottom: horizon, mood.lit(vary(RGB(110, 105, 100), by: 20, &rng)))
            }
            lx += w
        }
        canvas.verticalGradient(top: horizon, bottom: 1, [mood.lit(RGB(150, 140, 125)), mood.lit(RGB(110, 100, 90))])
        if rng.chance(50) {
            figure(on: &canvas, x: between(0.1, 0.9, &rng), y: 0.97, size: 0.18, mood.lit(RGB(40, 40, 50)))
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// A road into the distance with a vehicle on it, or a plane in the sky.
    static func drawRoad(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.45, 0.6, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        hills(on: &canvas, mood: mood, horizon: horizon, near: foliage(mood.season), rng: &rng)
        let vanish = between(0.35, 0.65, &rng)
        canvas.polygon([(vanish - 0.01, horizon), (vanish + 0.01, horizon), (1.1, 1), (-0.1, 1)], mood.lit(RGB(60, 62, 68)))
        var t = 0.0
        while t < 1 {
            let y0 = horizon + (1 - horizon) * t * t, y1 = horizon + (1 - horizon) * (t + 0.05) * (t + 0.05)
            let half0 = 0.003 + 0.01 * t, half1 = 0.003 + 0.01 * (t + 0.05)
            canvas.polygon([(vanish - half0, y0), (vanish + half0, y0), (vanish + half1, y1), (vanish - half1, y1)],
                           mood.lit(RGB(235, 220, 150)))
            t += 0.1
        }
        if rng.chance(50) {
            let body = vary([RGB(200, 40, 40), RGB(240, 240, 240), RGB(40, 80, 160), RGB(230, 180, 40)][rng.below(4)],
                            by: 15, &rng)
            let cx = vanish + between(-0.2, 0.2, &rng), top = between(0.7, 0.8, &rng)
            canvas.rectangle(left: cx - 0.12, top: top, right: cx + 0.12, bottom: top + 0.12, mood.lit(body))
            canvas.rectangle(left: cx - 0.08, top: top - 0.06, right: cx + 0.08, bottom: top, mood.lit(body))
            if mood.lampsLit {
                canvas.disc(x: cx - 0.09, y: top + 0.07, radius: 0.015, RGB(255, 240, 200), softness: 4)
                canvas.disc(x: cx + 0.09, y: top + 0.07, radius: 0.015, RGB(255, 240, 200), softness: 4)
            }
        } else {
            let px = between(0.2, 0.7, &rng), py = between(0.1, horizon - 0.2, &rng)
            let white = mood.lit(RGB(240, 240, 245))
            canvas.polygon([(px, py + 0.03), (px + 0.3, py - 0.04), (px + 0.32, py - 0.02), (px + 0.02, py + 0.06)], white)
            canvas.polygon([(px + 0.12, py), (px + 0.2, py - 0.12), (px + 0.23, py - 0.12), (px + 0.2, py)], white)
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// Wind turbines, solar panels or cooling towers in the land.
    static func drawEnergy(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let horizon = between(0.55, 0.7, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        hills(on: &canvas, mood: mood, horizon: horizon, near: foliage(mood.season), rng: &rng)
        switch rng.below(3) {
        case 0:   // wind turbines
            let count = 2 + rng.below(3)
            for k in 0 ..< count {
                let x = (Double(k) + 0.5) / Double(count) + between(-0.05, 0.05, &rng)
                let top = between(0.15, 0.35, &rng)
                let white = mood.lit(RGB(235, 238, 240))
                canvas.polygon([(x - 0.006, horizon + 0.05), (x - 0.002, top), (x + 0.002, top), (x + 0.006, horizon + 0.05)],
                               white)
                canvas.polygon([(x, top), (x + 0.012, top - 0.2), (x + 0.005, top)], white)
                canvas.polygon([(x, top), (x + 0.15, top + 0.08), (x + 0.15, top + 0.1)], white)
                canvas.polygon([(x, top), (x - 0.15, top + 0.1), (x - 0.14, top + 0.12)], white)
            }
        case 1:   // solar panels in rows
            let blue = mood.lit(RGB(30, 50, 110))
            var y = horizon + 0.08
            while y < 1 {
                let depth = (y - horizon) / (1 - horizon)
                canvas.polygon([(0.05, y), (0.95, y), (0.98, y + 0.07 * depth + 0.02), (0.02, y + 0.07 * depth + 0.02)],
                               blue)
                y += 0.06 + 0.12 * depth
            }
        default:  // cooling towers with steam
            let count = 1 + rng.below(3)
            for k in 0 ..< count {
                let x = (Double(k) + 0.5) / Double(count), w = 0.1
                let concrete = mood.lit(RGB(170, 168, 160))
                canvas.polygon([(x - w, horizon + 0.05), (x - w * 0.6, horizon - 0.2), (x - w * 0.7, horizon - 0.32),
                                (x + w * 0.7, horizon - 0.32), (x + w * 0.6, horizon - 0.2), (x + w, horizon + 0.05)],
                               concrete)
                canvas.disc(x: x, y: horizon - 0.42, radius: 0.09, RGB(235, 235, 238), opacity: 170,
                            softness: 0.06 * canvas.width)
            }
        }
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }
}
