/// A picture being drawn by `DemoThumbnail`: gradients, rectangles, discs, polygons and ridges,
/// blended with an opacity of 0–256. A `flat` canvas draws gradients in a few bands and discs
/// with hard edges, the look of vector art.
///
/// Only +, −, ×, ÷ and square roots on doubles (all exactly rounded by IEEE 754) and integer
/// blending, so the same calls give the same pixels on every machine.
struct ThumbnailCanvas {
    /// The pixels drawn so far.
    private(set) var image: RGBImage
    /// `image.width` as a double, for coordinates.
    let width: Double
    /// `image.height` as a double.
    let height: Double
    /// Gradients in bands, discs without soft edges.
    var flat = false

    /// A black canvas of `width × height` pixels.
    init(width: Int, height: Int) {
        image = RGBImage(width: width, height: height)
        self.width = Double(width)
        self.height = Double(height)
    }

    /// Lays `color` over pixel `x`, `y` with `opacity` out of 256 (outside the canvas: nothing).
    mutating func blend(_ x: Int, _ y: Int, _ color: RGB, opacity: Int = 256) {
        guard x >= 0, y >= 0, x < image.width, y < image.height, opacity > 0 else { return }
        let i = (y * image.width + x) * 3
        if opacity >= 256 {
            image.pixels[i] = color.red
            image.pixels[i + 1] = color.green
            image.pixels[i + 2] = color.blue
            return
        }
        let keep = 256 - opacity
        image.pixels[i] = UInt8((Int(color.red) * opacity + Int(image.pixels[i]) * keep + 128) >> 8)
        image.pixels[i + 1] = UInt8((Int(color.green) * opacity + Int(image.pixels[i + 1]) * keep + 128) >> 8)
        image.pixels[i + 2] = UInt8((Int(color.blue) * opacity + Int(image.pixels[i + 2]) * keep + 128) >> 8)
    }

    /// Fills rows `top..<bottom` (fractions of the height) with a vertical gradient through
    /// `stops`, evenly spaced from the first row to the last.
    mutating func verticalGradient(top: Double, bottom: Double, _ stops: [RGB], opacity: Int = 256) {
        let y0 = row(top), y1 = row(bottom)
        guard y1 > y0, !stops.isEmpty else { return }
        for y in y0 ..< y1 {
            let t = y1 - y0 > 1 ? Double(y - y0) / Double(y1 - y0 - 1) : 0
            let color = Self.along(stops, banded(t))
            for x in 0 ..< image.width { blend(x, y, color, opacity: opacity) }
        }
    }

    /// Fills the rectangle between fractions `left`, `top` and `right`, `bottom` of the canvas.
    mutating func rectangle(left: Double, top: Double, right: Double, bottom: Double, _ color: RGB,
                            opacity: Int = 256) {
        let x0 = column(left), x1 = column(right), y0 = row(top), y1 = row(bottom)
        guard x1 > x0, y1 > y0 else { return }
        for y in y0 ..< y1 {
            for x in x0 ..< x1 { blend(x, y, color, opacity: opacity) }
        }
    }

    /// Fills a disc centred on fractions `x`, `y` with a radius that is a fraction of the width,
    /// its edge antialiased over `softness` pixels (larger: a glow).
    mutating func disc(x: Double, y: Double, radius: Double, _ color: RGB, opacity: Int = 256, softness: Double = 1) {
        let cx = x * width, cy = y * height, r = radius * width + (flat ? softness / 2 : 0)
        let softness = flat ? 1 : softness
        let reach = r + softness
        let x0 = max(0, Int(cx - reach)), x1 = min(image.width - 1, Int(cx + reach) + 1)
        let y0 = max(0, Int(cy - reach)), y1 = min(image.height - 1, Int(cy + reach) + 1)
        guard x0 <= x1, y0 <= y1 else { return }
        for py in y0 ... y1 {
            let dy = Double(py) + 0.5 - cy
            for px in x0 ... x1 {
                let dx = Double(px) + 0.5 - cx
                let d = (dx * dx + dy * dy).squareRoot()
                if d >= reach { continue }
                let coverage = d <= r ? 1.0 : 1.0 - (d - r) / softness
                blend(px, py, color, opacity: Int(Double(opacity) * coverage))
            }
        }
    }

    /// Fills a polygon whose corners are fractions of the canvas (even–odd rule, pixel centres).
    mutating func polygon(_ corners: [(x: Double, y: Double)], _ color: RGB, opacity: Int = 256) {
        guard corners.count >= 3 else { return }
        let points = corners.map { (x: $0.x * width, y: $0.y * height) }
        let y0 = max(0, Int(points.map(\.y).min()!)), y1 = min(image.height - 1, Int(points.map(\.y).max()!))
        guard y0 <= y1 else { return }
        var crossings: [Double] = []
        for py in y0 ... y1 {
            let sy = Double(py) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for i in points.indices {
                let a = points[i], b = points[(i + 1) % points.count]
                if (a.y <= sy) != (b.y <= sy) {
                    crossings.append(a.x + (sy - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
            crossings.sort()
            var k = 0
            while k + 1 < crossings.count {
                let from = max(0, Int(crossings[k] + 0.5)), to = min(image.width, Int(crossings[k + 1] + 0.5))
                if from < to { for px in from ..< to { blend(px, py, color, opacity: opacity) } }
                k += 2
            }
        }
    }

    /// A line one pixel wide between two points given as fractions of the canvas.
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), _ color: RGB, opacity: Int = 256) {
        let x0 = a.x * width, y0 = a.y * height, x1 = b.x * width, y1 = b.y * height
        let steps = max(1, Int(max(abs(x1 - x0), abs(y1 - y0))))
        for k in 0 ... steps {
            let t = Double(k) / Double(steps)
            let x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t
            guard x >= 0, y >= 0 else { continue }
            blend(Int(x), Int(y), color, opacity: opacity)
        }
    }

    /// Fills everything below a ridge line down to fraction `bottom`: at each column the ridge is
    /// at `ridge(x)` (fractions of width and height), shaded from `color` at the highest crest to
    /// `base` at the bottom.
    mutating func ridge(bottom: Double = 1, _ color: RGB, base: RGB, opacity: Int = 256, _ ridge: (Double) -> Double) {
        let yEnd = row(bottom)
        let starts = (0 ..< image.width).map { px in max(0, Int(ridge((Double(px) + 0.5) / width) * height + 0.5)) }
        guard let yTop = starts.min(), yTop < yEnd else { return }
        let shades = (yTop ..< yEnd).map { py in
            Self.mix(color, base, banded(yEnd - yTop > 1 ? Double(py - yTop) / Double(yEnd - yTop - 1) : 0))
        }
        for px in 0 ..< image.width where starts[px] < yEnd {
            for py in starts[px] ..< yEnd { blend(px, py, shades[py - yTop], opacity: opacity) }
        }
    }

    /// `t` (0...1) as it is, or in one of five bands on a flat canvas.
    private func banded(_ t: Double) -> Double {
        flat ? Double(min(4, Int(t * 5))) / 4 : t
    }

    /// The pixel row at fraction `f` of the height, clamped to 0...height.
    func row(_ f: Double) -> Int { min(image.height, max(0, Int(f * height + 0.5))) }

    /// The pixel column at fraction `f` of the width, clamped to 0...width.
    func column(_ f: Double) -> Int { min(image.width, max(0, Int(f * width + 0.5))) }

    /// `a` blended towards `b` by `t` (0: a, 1: b).
    static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        let s = min(1, max(0, t))
        func channel(_ p: UInt8, _ q: UInt8) -> UInt8 {
            UInt8(min(255, max(0, Double(p) + (Double(q) - Double(p)) * s + 0.5)))
        }
        return RGB(channel(a.red, b.red), channel(a.green, b.green), channel(a.blue, b.blue))
    }

    /// The colour at `t` (0...1) along evenly spaced `stops`.
    static func along(_ stops: [RGB], _ t: Double) -> RGB {
        if stops.count == 1 { return stops[0] }
        let position = min(1, max(0, t)) * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(position))
        return mix(stops[i], stops[i + 1], position - Double(i))
    }
}
