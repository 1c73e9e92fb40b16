import Testing
@testable import StockImages

/// `PictureQuality.meanError`: issue 6's measure of how far the shown cells are from the image.
@Suite struct PictureQualityTests {
    @Test func aTrueColourPictureOfItsOwnReferenceHasNoError() {
        var image = RGBImage(width: 6, height: 8)
        for y in 0 ..< 8 {
            for x in 0 ..< 6 { image[x, y] = RGB(UInt8(x * 40), UInt8(y * 30), 77) }
        }
        let picture = HalfBlockRenderer().render(image, columns: 6, rows: 4)
        #expect(picture.columns == 6 && picture.rows == 4)
        #expect(PictureQuality.meanError(picture: picture, mode: .trueColor, reference: image) == 0)
    }

    @Test func paletteErrorIsTheDistanceToTheShownColour() {
        let orange = RGB(250, 128, 10)   // shown as 208, #ff8700: off by (5, 7, −10)
        let image = RGBImage(width: 1, height: 2, pixels: [250, 128, 10, 250, 128, 10])
        let picture = HalfBlockPicture(columns: 1, rows: 1, cells: [HalfBlockCell(top: orange, bottom: orange)])
        let error = PictureQuality.meanError(picture: picture, mode: .palette256, reference: image)
        #expect(abs(error - (25.0 + 49 + 100).squareRoot()) < 1e-9)
    }

    @Test func theReferenceIsScaledToThePicturesPixels() {
        // A 2 × 4 reference, black above white, against a 1 × 1 picture: its two pixels are
        // compared with the averages of the top and bottom halves.
        let reference = RGBImage(width: 2, height: 4, pixels: [UInt8](repeating: 0, count: 12) + [UInt8](repeating: 200, count: 12))
        let cell = HalfBlockCell(top: RGB(0, 0, 0), bottom: RGB(100, 100, 100))
        let picture = HalfBlockPicture(columns: 1, rows: 1, cells: [cell])
        let error = PictureQuality.meanError(picture: picture, mode: .trueColor, reference: reference)
        #expect(abs(error - (3 * 100.0 * 100).squareRoot() / 2) < 1e-9)
    }

    @Test func shadesAreMeasuredAsTheirGrey() {
        let white = RGBImage(width: 1, height: 2, pixels: [UInt8](repeating: 255, count: 6))
        let picture = HalfBlockPicture(columns: 1, rows: 1, cells: [HalfBlockCell(top: RGB(255, 255, 255), bottom: RGB(255, 255, 255))])
        #expect(PictureQuality.meanError(picture: picture, mode: .shades, reference: white) == 0)
        // A mid grey cell is ▒, drawn as 128: 2 below 130 in each channel.
        let midGrey = RGBImage(width: 1, height: 2, pixels: [UInt8](repeating: 130, count: 6))
        let grey = HalfBlockPicture(columns: 1, rows: 1, cells: [HalfBlockCell(top: RGB(130, 130, 130), bottom: RGB(130, 130, 130))])
        #expect(abs(PictureQuality.meanError(picture: grey, mode: .shades, reference: midGrey) - 12.0.squareRoot()) < 1e-9)
    }

    @Test func theDistanceIsEuclideanInRGB() {
        #expect(PictureQuality.distance(RGB(0, 0, 0), RGB(255, 255, 255)) == (3 * 255.0 * 255).squareRoot())
        #expect(PictureQuality.distance(RGB(3, 4, 0), RGB(0, 0, 0)) == 5)
    }
}
