import Testing
@testable import StockImages

/// `HalfBlockRenderer`: cells of two pixels, the aspect ratio kept with the cell shape.
@Suite struct HalfBlockRendererTests {
    let red = RGB(255, 0, 0), green = RGB(0, 255, 0), blue = RGB(0, 0, 255), white = RGB(255, 255, 255)

    @Test func aTwoByFourImageFillsTwoByTwoCellsPixelForPixel() {
        var image = RGBImage(width: 2, height: 4)
        image[0, 0] = red; image[1, 0] = green
        image[0, 1] = blue; image[1, 1] = white
        image[0, 2] = RGB(1, 2, 3); image[1, 2] = RGB(4, 5, 6)
        image[0, 3] = RGB(7, 8, 9); image[1, 3] = RGB(10, 11, 12)
        let picture = HalfBlockRenderer().render(image, columns: 2, rows: 2)
        #expect(picture.columns == 2 && picture.rows == 2)
        #expect(picture.cells == [
            HalfBlockCell(top: red, bottom: blue), HalfBlockCell(top: green, bottom: white),
            HalfBlockCell(top: RGB(1, 2, 3), bottom: RGB(7, 8, 9)), HalfBlockCell(top: RGB(4, 5, 6), bottom: RGB(10, 11, 12)),
        ])
        #expect(picture[1, 0] == HalfBlockCell(top: green, bottom: white))
        #expect(picture.image == image)
    }

    @Test func aLargerImageIsAveragedIntoTheCells() {
        // 4 × 8 into 2 × 2 cells: each pixel of the picture is a 2 × 2 block.
        var image = RGBImage(width: 4, height: 8)
        for y in 0 ..< 8 {
            for x in 0 ..< 4 { image[x, y] = RGB(UInt8(x * 10), UInt8(y * 10), 0) }
        }
        let picture = HalfBlockRenderer().render(image, columns: 2, rows: 2)
        #expect(picture.columns == 2 && picture.rows == 2)
        #expect(picture[0, 0] == HalfBlockCell(top: RGB(5, 5, 0), bottom: RGB(5, 25, 0)))
        #expect(picture[1, 1] == HalfBlockCell(top: RGB(25, 45, 0), bottom: RGB(25, 65, 0)))
    }

    @Test func theBoxIsFilledAcrossOrDownWithTheAspectKept() {
        let renderer = HalfBlockRenderer()
        // Square pixels in cells twice as high as wide: a square picture is twice as wide in cells.
        #expect(renderer.fittedSize(width: 100, height: 100, columns: 40, rows: 40) == (40, 20))
        #expect(renderer.fittedSize(width: 100, height: 100, columns: 40, rows: 10) == (20, 10))
        #expect(renderer.fittedSize(width: 500, height: 333, columns: 40, rows: 20) == (40, 13))
        #expect(renderer.fittedSize(width: 374, height: 447, columns: 40, rows: 20) == (33, 20))
        // Squarer cells need more rows for the same picture.
        #expect(HalfBlockRenderer(cellAspectRatio: 1).fittedSize(width: 100, height: 100, columns: 40, rows: 40) == (40, 40))
        #expect(HalfBlockRenderer(cellAspectRatio: 2.5).fittedSize(width: 500, height: 250, columns: 40, rows: 40) == (40, 8))

        let picture = renderer.render(RGBImage(width: 500, height: 333), columns: 40, rows: 20)
        #expect(picture.columns == 40 && picture.rows == 13 && picture.cells.count == 520)
    }

    @Test func anEmptyImageOrBoxGivesAnEmptyPicture() {
        #expect(HalfBlockRenderer().render(RGBImage(width: 0, height: 0), columns: 40, rows: 20).isEmpty)
        #expect(HalfBlockRenderer().render(RGBImage(width: 5, height: 5), columns: 0, rows: 20).isEmpty)
    }
}
