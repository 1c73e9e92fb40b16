import StockCore

/// A template's canvas: size and the files it comes as. Index order matches `GeneratorPrefixes.template`.
struct TemplateLayout: Sendable {
    let width: Int
    let height: Int
    let formats: [String]

    static let all = [
        TemplateLayout(width: 1080, height: 1080, formats: ["psd"]),          // social media post
        TemplateLayout(width: 1080, height: 1920, formats: ["psd"]),          // story
        TemplateLayout(width: 1920, height: 1080, formats: ["pptx", "key"]),  // presentation
        TemplateLayout(width: 2480, height: 3508, formats: ["indd", "ai"]),   // A4 flyer at 300 dpi
        TemplateLayout(width: 2400, height: 600, formats: ["psd", "ai"]),     // web banner
    ]
    static let weights = [30, 20, 25, 15, 10]
}

/// The physical side of an asset: pixels, file formats and size, and for video its timing and codec.
struct AssetShape {
    var width: Int
    var height: Int
    var formats: [String]
    var fileSize: Int64
    var duration: Double?
    var fps: Double?
    var codec: String?
    var videoResolution: VideoResolution?
    var templateLayout: Int?

    /// Aspect ratios as (width, height, weight): all four orientations, panoramas from 2:1.
    static let photoAspects: [(Int, Int, Int)] = [
        (3, 2, 30), (4, 3, 10), (16, 9, 8), (2, 3, 18), (3, 4, 8), (4, 5, 5), (1, 1, 8),
        (2, 1, 4), (3, 1, 3), (12, 5, 3), (1, 2, 3),
    ]
    static let vectorAspects: [(Int, Int, Int)] = [(1, 1, 40), (3, 2, 20), (4, 3, 10), (2, 3, 15), (16, 9, 10), (2, 1, 5)]

    static func make(kind: AssetKind, rng: inout SplitMix64) -> AssetShape {
        switch kind {
        case .photo, .illustration:
            let (w, h) = raster(aspects: photoAspects, wide: 3000...8000, tall: 3000...5400, rng: &rng)
            let pixels = Int64(w) * Int64(h)
            let formats: [String]
            if kind == .photo {
                formats = rng.chance(25) ? ["jpeg", "tiff"] : ["jpeg"]
            } else {
                formats = rng.chance(50) ? ["jpeg", "png"] : ["jpeg"]
            }
            let bytes = pixels * Int64(350 + rng.below(250)) / 1000
            return AssetShape(width: w, height: h, formats: formats, fileSize: bytes)
        case .vector:
            let (w, h) = raster(aspects: vectorAspects, wide: 4000...6000, tall: 4000...5000, rng: &rng)
            var formats: [String] = []
            if rng.chance(60) { formats.append("ai") }
            formats.append("eps")
            if rng.chance(50) { formats.append("svg") }
            formats.append("jpeg")
            if rng.chance(40) { formats.append("png") }
            let bytes = Int64(1_500_000 + rng.below(38_500_000))
            return AssetShape(width: w, height: h, formats: formats, fileSize: bytes)
        case .template, .model3D:  // the generator makes no 3D models (AssetRecipe.kinds)
            let layoutIndex = rng.weightedIndex(TemplateLayout.weights)
            let layout = TemplateLayout.all[layoutIndex]
            let bytes = Int64(5_000_000 + rng.below(115_000_000))
            return AssetShape(width: layout.width, height: layout.height, formats: layout.formats, fileSize: bytes,
                              templateLayout: layoutIndex)
        case .video:
            return video(rng: &rng)
        }
    }

    /// A size with one of the aspects; `wide` bounds the width of landscape, square and panoramic
    /// frames, `tall` the width of portrait ones (so that their height stays near 8000 at most).
    static func raster(aspects: [(Int, Int, Int)], wide: ClosedRange<Int>, tall: ClosedRange<Int>,
                       rng: inout SplitMix64) -> (Int, Int) {
        let (aw, ah, _) = aspects[rng.weightedIndex(aspects.map(\.2))]
        let range = ah > aw ? tall : wide
        // Tall panoramas stay near 8000 px high too.
        let upper = min(range.upperBound, max(range.lowerBound, 8100 * aw / ah))
        let width = range.lowerBound + 2 * rng.below((upper - range.lowerBound) / 2 + 1)
        return (width, max(1, width * ah / aw))
    }

    static func video(rng: inout SplitMix64) -> AssetShape {
        let resolution = [VideoResolution.p720, .p1080, .k4][rng.weightedIndex([10, 45, 45])]
        var (w, h): (Int, Int)
        switch resolution {
        case .p720: (w, h) = (1280, 720)
        case .p1080: (w, h) = (1920, 1080)
        case .k4: (w, h) = rng.chance(85) ? (3840, 2160) : (4096, 2160)
        }
        if rng.chance(8) { (w, h) = (h, w) }  // vertical, for social media
        let fps = [24.0, 25, 30, 50, 60][rng.weightedIndex([20, 25, 30, 10, 15])]
        let codecIndex = rng.weightedIndex([45, 35, 20])
        let codec = ["H.264", "H.265", "ProRes 422"][codecIndex]
        let formats: [String]
        switch codecIndex {
        case 0: formats = [["mp4", "mov"], ["mp4", "mov", "webm"], ["mp4"]][rng.weightedIndex([50, 30, 20])]
        case 1: formats = rng.chance(40) ? ["mp4"] : ["mp4", "mov"]
        default: formats = ["mov"]
        }
        let tenths: Int
        switch rng.weightedIndex([12, 50, 30, 8]) {
        case 0: tenths = rng.int(in: 30...50)
        case 1: tenths = rng.int(in: 50...150)
        case 2: tenths = rng.int(in: 150...300)
        default: tenths = rng.int(in: 300...600)
        }
        let duration = Double(tenths) / 10
        // Megabits per second at 30 fps, by codec and resolution.
        let mbps: [[Int]] = [[8, 16, 45], [5, 10, 30], [65, 147, 590]]
        let rate = mbps[codecIndex][resolution.rank] * Int(fps) / 30
        let bytes = Int64(rate) * 125_000 * Int64(tenths) / 10 * Int64(85 + rng.below(31)) / 100
        return AssetShape(width: w, height: h, formats: formats, fileSize: bytes, duration: duration, fps: fps,
                          codec: codec, videoResolution: resolution)
    }
}
