import Benchmark
import Foundation
import StockAssets
import StockCatalog
import StockCore
import StockImages

/// Issue 6 §5 in-process: a 500-pixel thumbnail decoded, rendered into a 40×20-cell box and
/// encoded as the bytes a terminal receives, as the browser does for a detail's picture
/// (`ThumbnailSource` decodes, `PictureRenderer` renders, `PictureLayer` encodes). Target: ≤ 10 ms.
///
/// The inputs are the demo catalog's generated thumbnails at 500 pixels wide (a city at night, a
/// landscape, a portrait, food from above: photo-like gradients and edges), encoded here as a
/// JPEG (quality 85, 4:2:0) and as a PNG, so that the benchmark needs no file and measures the same
/// decoders the thumbnails of a service go through. Each sample cycles through the four pictures.
let benchmarks: @Sendable () -> Void = {
    let catalog: LocalCatalog
    do {
        catalog = try LocalCatalog.open(source: StockAssets.demoCatalogURL).0
    } catch {
        fatalError("cannot open the demo catalog: \(error)")
    }
    // One photo per query: different scenes, aspect ratios and colours.
    let assets: [Asset] = ["city night", "mountain lake", "portrait", "food"].map { query in
        let page = try! catalog.search(SearchRequest(query: try! QueryParser.parse(query), filters: photos(), pageSize: 1))
        guard let asset = page.items.first else { fatalError("the demo catalog has no photo for \(query)") }
        return asset
    }
    let images = assets.map { DemoThumbnail.image(for: $0, width: 500) }
    let jpegs = images.map { try! ImageEncoder.jpeg($0, quality: 85) }
    let pngs = images.map { try! ImageEncoder.png($0) }
    // The browser's own figures: half blocks decode at least 160×160 (JPEG's DCT scaling does
    // the rest), a graphics terminal at least 480×480 (ThumbnailSource.decodeHint, sharpDecodeHint).
    let halfBlockHint = (width: 160, height: 160)
    let sharpHint = (width: 480, height: 480)
    let renderer = HalfBlockRenderer(cellAspectRatio: 2.0)

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )

    /// One half-block benchmark: each sample decodes the next of `inputs` (to at least `hint`,
    /// or whole when nil), renders it into 40×20 cells and encodes it in `mode`.
    func halfBlocks(_ name: String, _ inputs: [[UInt8]], atLeast hint: (width: Int, height: Int)?, mode: ColorMode) {
        Benchmark(name) { benchmark in
            var next = 0
            for _ in benchmark.scaledIterations {
                let bytes = inputs[next % inputs.count]
                next += 1
                let image = try! ImageDecoder.decode(bytes, atLeast: hint)
                let picture = renderer.render(image, columns: 40, rows: 20)
                blackHole(HalfBlockEncoder(mode: mode).encode(picture, row: 2, column: 40))
            }
        }
    }

    for mode in [ColorMode.palette256, .trueColor] {
        halfBlocks("JPEG 500 px: decode + render 40x20 cells + encode, \(mode.rawValue)", jpegs, atLeast: halfBlockHint, mode: mode)
    }
    halfBlocks("JPEG 500 px decoded whole (no DCT scaling): decode + render 40x20 + encode, palette256", jpegs,
               atLeast: nil, mode: .palette256)
    halfBlocks("PNG 500 px: decode + render 40x20 cells + encode, palette256", pngs, atLeast: halfBlockHint, mode: .palette256)

    // A sixel terminal with 10×20-pixel cells: the box is 400×400 pixels at most; the picture is
    // scaled to its cells' pixels and encoded with a median-cut palette (PictureLayer's path).
    Benchmark("JPEG 500 px: decode + sixel for 40x20 cells of 10x20 px") { benchmark in
        var next = 0
        for _ in benchmark.scaledIterations {
            let bytes = jpegs[next % jpegs.count]
            next += 1
            let image = try! ImageDecoder.decode(bytes, atLeast: sharpHint)
            let size = image.fittedSize(maxWidth: 400, maxHeight: 400)
            let bandHeight = max(6, size.height / 6 * 6)
            blackHole(SixelEncoder.encode(image.scaled(toWidth: size.width, height: bandHeight)))
        }
    }

    // The embedded demo catalog's pictures are drawn rather than decoded.
    Benchmark("demo thumbnail generated at 500 px + render 40x20 + encode, palette256") { benchmark in
        var next = 0
        for _ in benchmark.scaledIterations {
            let asset = assets[next % assets.count]
            next += 1
            let image = DemoThumbnail.image(for: asset, width: 500)
            let picture = renderer.render(image, columns: 40, rows: 20)
            blackHole(HalfBlockEncoder(mode: .palette256).encode(picture, row: 2, column: 40))
        }
    }
}

/// Filters that keep photos only.
private func photos() -> SearchFilters {
    var filters = SearchFilters()
    filters.kinds = [.photo]
    return filters
}
