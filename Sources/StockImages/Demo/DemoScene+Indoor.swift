import StockCore

/// Scenes indoors or close up: a chart, a laboratory, a clinic, a screen, a table, a portrait,
/// sport, a stage, a celebration, a gallery and abstract backgrounds.
extension DemoScene {
    /// A wall and a floor or desk, lit warmer in the evening.
    static func room(on canvas: inout ThumbnailCanvas, wall: RGB, floor: RGB, line: Double, mood: DemoMood) {
        let dim = mood.lampsLit ? 0.35 : 0
        let warm = mood.light == .golden || mood.lampsLit
        let tint = warm ? RGB(255, 200, 140) : RGB(255, 255, 255)
        let w = ThumbnailCanvas.mix(ThumbnailCanvas.mix(wall, tint, 0.15), RGB(0, 0, 0), dim)
        canvas.verticalGradient(top: 0, bottom: line, [ThumbnailCanvas.mix(w, RGB(255, 255, 255), 0.1), w])
        let f = ThumbnailCanvas.mix(floor, RGB(0, 0, 0), dim)
        canvas.verticalGradient(top: line, bottom: 1, [f, ThumbnailCanvas.mix(f, RGB(0, 0, 0), 0.3)])
    }

    /// Rising bars and a line over a dark office background: finance.
    static func drawChart(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let backgrounds = [RGB(20, 34, 56), RGB(232, 236, 240), RGB(30, 30, 36)]
        let back = backgrounds[rng.below(backgrounds.count)]
        canvas.verticalGradient(top: 0, bottom: 1, [ThumbnailCanvas.mix(back, RGB(255, 255, 255), 0.1), back])
        let accents = [RGB(40, 170, 110), RGB(230, 170, 40), RGB(60, 130, 220)]
        let accent = accents[rng.below(accents.count)]
        let bars = 5 + rng.below(6)
        var level = between(0.15, 0.3, &rng)
        var tops: [(x: Double, y: Double)] = []
        for k in 0 ..< bars {
            level = min(0.85, max(0.05, level + between(-0.08, 0.16, &rng)))
            let left = 0.1 + 0.8 * Double(k) / Double(bars)
            let right = left + 0.8 / Double(bars) * 0.7
            canvas.rectangle(left: left, top: 0.9 - level, right: right, bottom: 0.9,
                             ThumbnailCanvas.mix(accent, back, 0.35))
            tops.append((x: (left + right) / 2, y: 0.9 - level - 0.05))
        }
        for k in 1 ..< tops.count {
            let a = tops[k - 1], b = tops[k]
            canvas.polygon([(a.x, a.y - 0.008), (b.x, b.y - 0.008), (b.x, b.y + 0.008), (a.x, a.y + 0.008)],
                           RGB(250, 250, 250), opacity: 220)
        }
        canvas.rectangle(left: 0.08, top: 0.9, right: 0.92, bottom: 0.905, ThumbnailCanvas.mix(back, RGB(255, 255, 255), 0.5))
        if rng.chance(40) {   // a gold coin
            canvas.disc(x: between(0.15, 0.85, &rng), y: between(0.15, 0.3, &rng), radius: 0.07, RGB(220, 175, 60))
        }
    }

    /// Shelves of books or flasks, a microscope or a globe: school and science.
    static func drawLaboratory(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        room(on: &canvas, wall: RGB(200, 196, 184), floor: RGB(120, 90, 60), line: 0.7, mood: mood)
        let shelves = 2 + rng.below(2)
        for s in 0 ..< shelves {
            let bottom = 0.15 + Double(s + 1) * 0.5 / Double(shelves)
            canvas.rectangle(left: 0.05, top: bottom, right: 0.95, bottom: bottom + 0.02, RGB(100, 70, 45))
            var x = 0.07
            while x < 0.93 {
                let w = between(0.015, 0.04, &rng)
                let spine = vary([RGB(150, 40, 40), RGB(40, 80, 140), RGB(50, 110, 60), RGB(200, 160, 60),
                                  RGB(90, 60, 110)][rng.below(5)], by: 20, &rng)
                canvas.rectangle(left: x, top: bottom - between(0.1, 0.18, &rng) * 2 / Double(shelves), right: x + w,
                                 bottom: bottom, mood.lit(spine))
                x += w + 0.004
            }
        }
        // A flask on the desk.
        let fx = between(0.2, 0.8, &rng)
        let liquid = [RGB(60, 180, 200), RGB(120, 200, 80), RGB(200, 80, 160)][rng.below(3)]
        canvas.polygon([(fx - 0.02, 0.62), (fx + 0.02, 0.62), (fx + 0.02, 0.72), (fx + 0.08, 0.9), (fx - 0.08, 0.9),
                        (fx - 0.02, 0.72)], RGB(225, 235, 240), opacity: 200)
        canvas.polygon([(fx - 0.045, 0.8), (fx + 0.045, 0.8), (fx + 0.075, 0.89), (fx - 0.075, 0.89)], liquid)
    }

    /// A bright clean room with a cross, pills or a figure in white: health.
    static func drawClinic(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        room(on: &canvas, wall: RGB(226, 238, 240), floor: RGB(180, 205, 210), line: between(0.65, 0.8, &rng), mood: mood)
        let teal = vary(RGB(40, 160, 160), by: 20, &rng)
        let cx = between(0.25, 0.75, &rng), cy = between(0.25, 0.4, &rng)
        let aspect = canvas.width / canvas.height
        let arm = 0.12, thick = 0.04
        canvas.rectangle(left: cx - thick, top: cy - arm * aspect, right: cx + thick, bottom: cy + arm * aspect,
                         RGB(210, 50, 60))
        canvas.rectangle(left: cx - arm, top: cy - thick * aspect, right: cx + arm, bottom: cy + thick * aspect,
                         RGB(210, 50, 60))
        let pills = 3 + rng.below(6)
        for _ in 0 ..< pills {
            canvas.disc(x: between(0.1, 0.9, &rng), y: between(0.82, 0.95, &rng), radius: 0.02,
                        [RGB(250, 250, 250), RGB(240, 200, 60), teal][rng.below(3)])
        }
        if rng.chance(50) {
            figure(on: &canvas, x: between(0.15, 0.85, &rng), y: 0.95, size: 0.6, RGB(245, 248, 250))
        }
    }

    /// A glowing screen on a desk, in a dim office or a server room.
    static func drawScreen(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let dark = rng.chance(50) || mood.lampsLit
        room(on: &canvas, wall: dark ? RGB(30, 36, 52) : RGB(210, 212, 216), floor: RGB(90, 80, 70), line: 0.72, mood: mood)
        let glow = vary([RGB(60, 140, 230), RGB(70, 200, 200), RGB(120, 90, 220)][rng.below(3)], by: 20, &rng)
        let left = between(0.15, 0.35, &rng), right = left + between(0.35, 0.5, &rng)
        canvas.disc(x: (left + right) / 2, y: 0.42, radius: 0.1, glow, opacity: dark ? 70 : 30,
                    softness: 0.45 * canvas.width)
        canvas.rectangle(left: left - 0.015, top: 0.2, right: right + 0.015, bottom: 0.64, RGB(25, 25, 30))
        canvas.rectangle(left: left, top: 0.22, right: right, bottom: 0.62, ThumbnailCanvas.mix(glow, RGB(10, 20, 40), 0.5))
        var y = 0.27
        while y < 0.58 {   // lines of code or text
            let indent = Double(rng.below(4)) * 0.02
            canvas.rectangle(left: left + 0.03 + indent, top: y, right: left + 0.03 + indent + between(0.05, right - left - 0.1, &rng),
                             bottom: y + 0.015, ThumbnailCanvas.mix(glow, RGB(255, 255, 255), 0.4))
            y += 0.04
        }
        canvas.rectangle(left: (left + right) / 2 - 0.02, top: 0.64, right: (left + right) / 2 + 0.02, bottom: 0.73,
                         RGB(40, 40, 45))
        canvas.rectangle(left: left + 0.05, top: 0.8, right: right - 0.05, bottom: 0.84, RGB(50, 50, 55))
    }

    /// A table seen from above: a board or cloth with plates, bowls and food.
    static func drawTable(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let surfaces = [RGB(150, 100, 60), RGB(120, 80, 50), RGB(230, 225, 215), RGB(70, 70, 75)]
        let surface = vary(surfaces[rng.below(surfaces.count)], by: 15, &rng)
        canvas.verticalGradient(top: 0, bottom: 1, [mood.lit(ThumbnailCanvas.mix(surface, RGB(255, 255, 255), 0.1)),
                                                     mood.lit(surface)])
        var y = 0.0
        while y < 1 {   // wood grain or cloth weave
            canvas.rectangle(left: 0, top: y, right: 1, bottom: y + 0.01, ThumbnailCanvas.mix(surface, RGB(0, 0, 0), 0.15),
                             opacity: 90)
            y += between(0.04, 0.1, &rng)
        }
        let foods = [RGB(200, 140, 50), RGB(180, 50, 40), RGB(90, 150, 50), RGB(230, 190, 90), RGB(140, 60, 40),
                     RGB(240, 200, 150)]
        let plates = 1 + rng.below(3)
        let aspect = canvas.width / canvas.height
        for _ in 0 ..< plates {
            let x = between(0.2, 0.8, &rng), py = between(0.25, 0.75, &rng), r = between(0.12, 0.22, &rng)
            canvas.disc(x: x + 0.01, y: py + 0.02 * aspect, radius: r, RGB(0, 0, 0), opacity: 60, softness: 6)
            canvas.disc(x: x, y: py, radius: r, mood.lit(RGB(245, 245, 240)))
            canvas.disc(x: x, y: py, radius: r * 0.8, mood.lit(RGB(232, 232, 226)))
            let food = vary(foods[rng.below(foods.count)], by: 20, &rng)
            let pieces = 1 + rng.below(6)
            for _ in 0 ..< pieces {
                canvas.disc(x: x + between(-0.4, 0.4, &rng) * r, y: py + between(-0.4, 0.4, &rng) * r * aspect,
                            radius: r * between(0.2, 0.4, &rng), mood.lit(vary(food, by: 15, &rng)))
            }
        }
    }

    /// A person from the shoulders up in front of a soft background: people, family and fashion.
    static func drawPortrait(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let backs = [RGB(230, 200, 190), RGB(180, 200, 220), RGB(200, 220, 190), RGB(60, 60, 70), RGB(240, 230, 210)]
        let back = mood.lit(vary(backs[rng.below(backs.count)], by: 15, &rng))
        canvas.verticalGradient(top: 0, bottom: 1, [ThumbnailCanvas.mix(back, RGB(255, 255, 255), 0.2), back])
        for _ in 0 ..< 4 {   // bokeh behind
            canvas.disc(x: between(0, 1, &rng), y: between(0, 0.6, &rng), radius: between(0.05, 0.12, &rng),
                        RGB(255, 250, 235), opacity: 40, softness: 8)
        }
        let skins = [RGB(240, 205, 180), RGB(210, 160, 120), RGB(160, 110, 80), RGB(110, 75, 55)]
        let hairs = [RGB(40, 30, 25), RGB(90, 60, 35), RGB(200, 160, 90), RGB(20, 20, 20), RGB(140, 70, 40)]
        let clothes = [RGB(180, 40, 60), RGB(40, 70, 130), RGB(230, 230, 230), RGB(50, 50, 55), RGB(200, 150, 60),
                       RGB(220, 120, 160)]
        let people = rng.chance(35) ? 2 : 1
        for k in 0 ..< people {
            let x = people == 1 ? between(0.35, 0.65, &rng) : (k == 0 ? 0.3 : 0.7)
            bust(on: &canvas, x: x, skin: mood.lit(skins[rng.below(skins.count)]),
                 clothes: mood.lit(vary(clothes[rng.below(clothes.count)], by: 20, &rng)),
                 hair: mood.lit(hairs[rng.below(hairs.count)]))
        }
    }

    /// A pitch, court or pool with its lines and a player.
    static func drawSports(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let grounds = [RGB(60, 140, 60), RGB(190, 100, 60), RGB(40, 130, 190), RGB(200, 170, 120)]
        let ground = grounds[rng.below(grounds.count)]
        let horizon = between(0.25, 0.4, &rng)
        sky(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
        canvas.rectangle(left: 0, top: horizon - 0.08, right: 1, bottom: horizon, mood.lit(RGB(90, 90, 100)))
        canvas.verticalGradient(top: horizon, bottom: 1, [mood.lit(ThumbnailCanvas.mix(ground, RGB(0, 0, 0), 0.2)),
                                                           mood.lit(ground)])
        let white = mood.lit(RGB(240, 240, 240))
        let mid = between(0.35, 0.65, &rng)
        canvas.polygon([(mid - 0.003, horizon), (mid + 0.003, horizon), (mid + 0.01, 1), (mid - 0.01, 1)], white)
        canvas.rectangle(left: 0, top: horizon + 0.06, right: 1, bottom: horizon + 0.07, white)
        if mood.lampsLit {
            for x in [0.1, 0.9] {
                canvas.disc(x: x, y: horizon - 0.15, radius: 0.03, RGB(255, 250, 230), softness: 0.05 * canvas.width)
            }
        }
        let jersey = vary([RGB(200, 40, 40), RGB(30, 60, 160), RGB(250, 250, 250), RGB(240, 200, 40)][rng.below(4)],
                          by: 20, &rng)
        figure(on: &canvas, x: between(0.2, 0.8, &rng), y: between(0.85, 0.97, &rng), size: 0.45, mood.lit(jersey))
        canvas.disc(x: between(0.1, 0.9, &rng), y: between(0.8, 0.95, &rng), radius: 0.025, white)
        weather(on: &canvas, mood: mood, horizon: horizon, rng: &rng)
    }

    /// A dark stage under coloured spotlights with a crowd's heads in front.
    static func drawStage(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        canvas.verticalGradient(top: 0, bottom: 1, [RGB(12, 10, 24), RGB(30, 20, 45)])
        let lights = [RGB(230, 60, 160), RGB(60, 120, 250), RGB(250, 180, 60), RGB(80, 220, 200), RGB(170, 80, 240)]
        let beams = 2 + rng.below(4)
        for _ in 0 ..< beams {
            let x = between(0.05, 0.95, &rng), spread = between(0.1, 0.25, &rng)
            let color = lights[rng.below(lights.count)]
            canvas.polygon([(x - 0.01, 0), (x + 0.01, 0), (x + spread, 0.8), (x - spread, 0.8)], color, opacity: 70)
            canvas.disc(x: x, y: 0.02, radius: 0.025, color, softness: 6)
        }
        canvas.rectangle(left: 0, top: 0.72, right: 1, bottom: 0.8, RGB(40, 30, 35))
        figure(on: &canvas, x: between(0.3, 0.7, &rng), y: 0.75, size: 0.4, RGB(8, 8, 12))
        var x = 0.0
        while x < 1.05 {   // the crowd
            canvas.disc(x: x, y: between(0.85, 0.92, &rng), radius: between(0.035, 0.05, &rng), RGB(5, 5, 8))
            x += between(0.05, 0.09, &rng)
        }
        canvas.rectangle(left: 0, top: 0.9, right: 1, bottom: 1, RGB(5, 5, 8))
    }

    /// Warm bokeh, garlands and sparkles on a deep background: holidays.
    static func drawFestive(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let backs = [RGB(90, 10, 20), RGB(10, 30, 60), RGB(20, 50, 30), RGB(40, 20, 50)]
        let back = backs[rng.below(backs.count)]
        canvas.verticalGradient(top: 0, bottom: 1, [back, ThumbnailCanvas.mix(back, RGB(0, 0, 0), 0.5)])
        let golds = [RGB(255, 200, 90), RGB(255, 230, 160), RGB(230, 60, 60), RGB(250, 250, 230)]
        let glows = 12 + rng.below(12)
        for _ in 0 ..< glows {
            canvas.disc(x: between(0, 1, &rng), y: between(0, 1, &rng), radius: between(0.02, 0.08, &rng),
                        golds[rng.below(golds.count)], opacity: 60 + rng.below(100), softness: 4)
        }
        if rng.chance(50) {   // a fir tree with lights
            let x = between(0.3, 0.7, &rng)
            canvas.polygon([(x, 0.1), (x + 0.22, 0.85), (x - 0.22, 0.85)], RGB(20, 90, 40))
            canvas.rectangle(left: x - 0.03, top: 0.85, right: x + 0.03, bottom: 0.95, RGB(90, 50, 30))
            for _ in 0 ..< 12 {
                let t = between(0.15, 0.95, &rng)
                canvas.disc(x: x + between(-0.18, 0.18, &rng) * t, y: 0.1 + 0.75 * t, radius: 0.012,
                            golds[rng.below(golds.count)], softness: 3)
            }
        } else {   // a garland across
            let sag = between(0.1, 0.25, &rng)
            for k in 0 ... 20 {
                let t = Double(k) / 20
                canvas.disc(x: t, y: 0.15 + sag * 4 * t * (1 - t), radius: 0.015, golds[k % golds.count], softness: 3)
            }
        }
    }

    /// Framed pictures on a gallery wall, or paint strokes on a canvas.
    static func drawGallery(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        room(on: &canvas, wall: vary([RGB(235, 230, 220), RGB(150, 40, 45), RGB(40, 60, 70)][rng.below(3)], by: 10, &rng),
             floor: RGB(140, 100, 70), line: 0.82, mood: mood)
        let frames = 1 + rng.below(3)
        for k in 0 ..< frames {
            let w = 0.8 / Double(frames)
            let left = 0.1 + Double(k) * w + w * 0.1, right = left + w * 0.8
            let top = between(0.12, 0.25, &rng), bottom = between(0.55, 0.7, &rng)
            canvas.rectangle(left: left - 0.015, top: top - 0.02, right: right + 0.015, bottom: bottom + 0.02,
                             RGB(170, 130, 60))
            let a = vary(RGB(60, 100, 160), by: 60, &rng), b = vary(RGB(220, 170, 90), by: 60, &rng)
            for row in canvas.row(top) ..< canvas.row(bottom) {
                let t = Double(row - canvas.row(top)) / max(1, Double(canvas.row(bottom) - canvas.row(top)))
                let color = mood.lit(ThumbnailCanvas.mix(a, b, t))
                for column in canvas.column(left) ..< canvas.column(right) { canvas.blend(column, row, color) }
            }
            canvas.disc(x: (left + right) / 2, y: (top + bottom) / 2, radius: w * 0.15,
                        mood.lit(vary(RGB(200, 60, 50), by: 50, &rng)), opacity: 200)
        }
    }

    /// Bokeh, waves or stripes in one of a few colour schemes: abstract backgrounds.
    static func drawAbstract(on canvas: inout ThumbnailCanvas, mood: DemoMood, rng: inout SplitMix64) {
        let schemes: [[RGB]] = [
            [RGB(20, 10, 60), RGB(120, 30, 140), RGB(250, 90, 120)],
            [RGB(5, 30, 50), RGB(20, 120, 140), RGB(150, 230, 200)],
            [RGB(250, 240, 220), RGB(240, 180, 120), RGB(200, 90, 70)],
            [RGB(10, 10, 14), RGB(40, 40, 60), RGB(200, 170, 80)],
            [RGB(230, 240, 250), RGB(120, 170, 230), RGB(40, 60, 140)],
        ]
        var scheme = schemes[rng.below(schemes.count)]
        if mood.light == .night {   // "dark background", "at night": the same scheme, darker
            scheme = scheme.map { ThumbnailCanvas.mix($0, RGB(0, 0, 0), 0.5) }
        }
        canvas.verticalGradient(top: 0, bottom: 1, scheme)
        switch rng.below(3) {
        case 0:   // bokeh
            let count = 10 + rng.below(20)
            for _ in 0 ..< count {
                canvas.disc(x: between(0, 1, &rng), y: between(0, 1, &rng), radius: between(0.02, 0.1, &rng),
                            ThumbnailCanvas.mix(scheme[2], RGB(255, 255, 255), 0.4), opacity: 40 + rng.below(90),
                            softness: 5)
            }
        case 1:   // waves
            let layers = 3 + rng.below(4)
            for k in 0 ..< layers {
                let base = 0.3 + 0.6 * Double(k) / Double(layers)
                let wave = RidgeLine(points: 4 + rng.below(5), low: base - 0.1, high: base + 0.1, rng: &rng)
                let color = ThumbnailCanvas.along(scheme.reversed(), Double(k) / Double(layers))
                canvas.ridge(color, base: ThumbnailCanvas.mix(color, scheme[0], 0.5), opacity: 150) { wave.at($0) }
            }
        default:  // diagonal stripes
            let count = 4 + rng.below(6)
            for k in 0 ..< count {
                let x = Double(k) / Double(count) * 1.6 - 0.3
                let w = between(0.03, 0.12, &rng)
                canvas.polygon([(x, 0), (x + w, 0), (x + w - 0.4, 1), (x - 0.4, 1)],
                               scheme[rng.below(scheme.count)], opacity: 120)
            }
        }
    }
}
