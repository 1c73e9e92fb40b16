import Testing
@testable import StockImages

/// `RGBImage.scaled(toWidth:height:)` and the fitted sizes.
@Suite struct ScalingTests {
    /// A picture from rows of grey levels.
    func grey(_ rows: [[UInt8]]) -> RGBImage {
        RGBImage(width: rows[0].count, height: rows.count, pixels: rows.flatMap { $0.flatMap { [$0, $0, $0] } })
    }

    /// The red channel of every pixel, row by row.
    func levels(_ image: RGBImage) -> [[UInt8]] {
        (0 ..< image.height).map { y in (0 ..< image.width).map { x in image[x, y].red } }
    }

    @Test func halvingAveragesEachTwoByTwoBlock() {
        var image = RGBImage(width: 4, height: 4)
        for y in 0 ..< 4 {
            for x in 0 ..< 4 { image[x, y] = RGB(UInt8(10 * (4 * y + x)), UInt8(x * 60), UInt8(y * 80)) }
        }
        let half = image.scaled(toWidth: 2, height: 2)
        #expect(half.width == 2 && half.height == 2)
        // Block (0,0): reds 0, 10, 40, 50 → 25; greens 0, 60, 0, 60 → 30; blues 0, 0, 80, 80 → 40.
        #expect(half[0, 0] == RGB(25, 30, 40))
        #expect(half[1, 0] == RGB(45, 150, 40))    // reds 20, 30, 60, 70; greens 120, 180
        #expect(half[0, 1] == RGB(105, 30, 200))   // reds 80, 90, 120, 130; blues 160, 240
        #expect(half[1, 1] == RGB(125, 150, 200))
    }

    @Test func shrinkingByAFractionWeighsPartlyCoveredPixels() {
        // 3 → 2: the first new pixel covers pixel 0 and half of pixel 1; the second the other half and pixel 2.
        #expect(levels(grey([[0, 90, 180]]).scaled(toWidth: 2, height: 1)) == [[30, 150]])
        // 5 → 2: 2.5 pixels each.
        #expect(levels(grey([[10], [20], [30], [40], [50]]).scaled(toWidth: 1, height: 2)) == [[18], [42]])
    }

    @Test func enlargingBlendsTheNearestPixels() {
        // Centres of 4 new pixels fall at −0.25 (clamped), 0.25, 0.75, 1.25 (clamped) in the source.
        #expect(levels(grey([[0, 100]]).scaled(toWidth: 4, height: 1)) == [[0, 25, 75, 100]])
        #expect(levels(grey([[0, 100]]).scaled(toWidth: 2, height: 3)) == [[0, 100], [0, 100], [0, 100]])
    }

    @Test func eachAxisShrinksOrGrowsOnItsOwn() {
        // 4 × 1 → 2 × 2: averaged across, repeated down.
        #expect(levels(grey([[0, 20, 100, 200]]).scaled(toWidth: 2, height: 2)) == [[10, 150], [10, 150]])
    }

    @Test func aPlainColourStaysPlainAtAnyRatio() {
        let plain = RGBImage(width: 500, height: 333, pixels: [UInt8]((0 ..< 500 * 333).flatMap { _ in [200, 17, 93] }))
        for (w, h) in [(40, 27), (37, 23), (1, 1), (499, 332), (7, 400)] {
            let scaled = plain.scaled(toWidth: w, height: h)
            #expect(scaled.width == w && scaled.height == h)
            #expect(Set(stride(from: 0, to: scaled.pixels.count, by: 3).map { scaled.pixels[$0 ..< $0 + 3] }) == [[200, 17, 93]])
        }
    }

    @Test func theSameSizeIsACopyAndNoSizeIsEmpty() {
        let image = grey([[1, 2], [3, 4]])
        #expect(image.scaled(toWidth: 2, height: 2) == image)
        #expect(image.scaled(toWidth: 0, height: 5).isEmpty)
    }

    @Test func fittedSizeKeepsTheAspectRatio() {
        #expect(RGBImage.fittedSize(width: 500, height: 333, maxWidth: 40, maxHeight: 40) == (40, 27))
        #expect(RGBImage.fittedSize(width: 333, height: 500, maxWidth: 40, maxHeight: 40) == (27, 40))
        #expect(RGBImage.fittedSize(width: 100, height: 100, maxWidth: 40, maxHeight: 20) == (20, 20))
        // Cells twice as high as wide: a square picture takes twice as many columns as rows.
        #expect(RGBImage.fittedSize(width: 100, height: 100, maxWidth: 40, maxHeight: 40, pixelAspect: 2) == (40, 20))
        #expect(RGBImage.fittedSize(width: 500, height: 333, maxWidth: 40, maxHeight: 20, pixelAspect: 2) == (40, 13))
        #expect(RGBImage.fittedSize(width: 333, height: 500, maxWidth: 40, maxHeight: 20, pixelAspect: 2) == (27, 20))
        // A sliver is never thinner than one pixel; nothing fits in an empty box.
        #expect(RGBImage.fittedSize(width: 10_000, height: 1, maxWidth: 40, maxHeight: 20) == (40, 1))
        #expect(RGBImage.fittedSize(width: 10, height: 10, maxWidth: 0, maxHeight: 20) == (0, 0))
        #expect(RGBImage(width: 0, height: 0).fittedSize(maxWidth: 40, maxHeight: 20) == (0, 0))
    }
}
