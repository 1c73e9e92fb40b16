import StockCore

/// The generated thumbnails of the demo catalog: one distinct, deterministic picture per asset,
/// suggestive of its category and of the light, weather and season its words name.
///
/// A landscape for nature, a skyline with lit windows for the city at night, a laid table for
/// food, a stage under spotlights for music, and so on (`DemoScene`); the title and keywords (in
/// English, Russian or Kazakh) choose night, dusk, dawn or golden light, rain, snow or fog, the
/// season and water (`DemoMood`). Everything else is drawn from a SplitMix64 stream seeded by the
/// asset id, so the same asset gives the same pixels on every run and machine. Vectors and
/// illustrations come out flat (gradients in bands, hard edges), templates with a caption band.
///
/// ```swift
/// let picture = DemoThumbnail.image(for: asset, width: 500)   // 500 × 333 for a 3:2 asset
/// ```
public enum DemoThumbnail {
    /// A picture of `asset`, `width` pixels wide (at least 1) and as high as the asset's aspect
    /// ratio makes it (at least 1; square when the asset has no size).
    public static func image(for asset: Asset, width: Int) -> RGBImage {
        precondition(width >= 1, "a thumbnail is at least one pixel wide")
        let height = asset.width > 0 && asset.height > 0
            ? max(1, (width * asset.height + asset.width / 2) / asset.width)
            : width
        var rng = SplitMix64(seed: 0x7468_756D_626E_6C73, stream: UInt64(bitPattern: asset.id.rawValue))
        let mood = DemoMood(for: asset, rng: &rng)
        let scene = DemoScene(category: asset.category)
        var canvas = ThumbnailCanvas(width: width, height: height)
        canvas.flat = asset.kind == .vector || asset.kind == .illustration
        scene.draw(on: &canvas, mood: mood, rng: &rng)
        if asset.kind == .template {
            captionBand(on: &canvas, rng: &rng)
        }
        return canvas.image
    }

    /// A translucent band at the top or bottom with two bars standing for a heading and a line.
    private static func captionBand(on canvas: inout ThumbnailCanvas, rng: inout SplitMix64) {
        let top = rng.chance(50) ? 0.04 : 0.7
        canvas.rectangle(left: 0.06, top: top, right: 0.94, bottom: top + 0.24, RGB(250, 250, 250), opacity: 210)
        canvas.rectangle(left: 0.12, top: top + 0.05, right: 0.12 + DemoScene.between(0.4, 0.7, &rng),
                         bottom: top + 0.11, RGB(30, 30, 36))
        canvas.rectangle(left: 0.12, top: top + 0.15, right: 0.12 + DemoScene.between(0.2, 0.5, &rng),
                         bottom: top + 0.18, RGB(110, 110, 120))
    }
}
