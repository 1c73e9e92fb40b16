import Testing
@testable import StockImages

@Suite struct EncoderTests {
    /// A picture with every kind of edge: gradients, noise, hard steps.
    static func pattern(width: Int, height: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height)
        var generator = SplitMix(seed: UInt64(width * 31 + height))
        for y in 0 ..< height {
            for x in 0 ..< width {
                image[x, y] = RGB(UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)),
                                  x < width / 2 ? UInt8.random(in: 0 ... 255, using: &generator) : 200)
            }
        }
        return image
    }

    @Test(arguments: [(1, 1), (37, 23), (256, 3), (3, 256)])
    func pngRoundTripsExactly(width: Int, height: Int) throws {
        let image = Self.pattern(width: width, height: height)
        let png = try ImageEncoder.png(image)
        #expect(ImageFormat.sniff(png) == .png)
        #expect(try ImageDecoder.decode(png) == image)
    }

    @Test func pngRoundTripsARealPicture() throws {
        let image = try DecoderFixtures.decode("rgba-interlaced.png", background: RGB(10, 20, 30))
        #expect(try ImageDecoder.decode(try ImageEncoder.png(image)) == image)
    }

    @Test func jpegRoundTripsWithinATolerance() throws {
        let image = try DecoderFixtures.decode("progressive.jpg")
        let jpeg = try ImageEncoder.jpeg(image, quality: 90)
        #expect(Array(jpeg.prefix(3)) == [0xFF, 0xD8, 0xFF] && Array(jpeg.suffix(2)) == [0xFF, 0xD9])
        #expect(DecoderHostileTests.startOfFrame(in: jpeg).map { jpeg[$0 + 1] } == 0xC0)   // baseline
        let decoded = try ImageDecoder.decode(jpeg)
        #expect(decoded.width == image.width && decoded.height == image.height)
        #expect(DecoderFixtures.meanDifference(decoded, image) < 1.5)
        let green = decoded[0, 0]
        #expect(abs(Int(green.red) - 68) <= 6 && abs(Int(green.green) - 136) <= 6 && abs(Int(green.blue) - 63) <= 6)
    }

    @Test func jpegQualityTradesSizeForFidelity() throws {
        let image = Self.pattern(width: 120, height: 80)
        let low = try ImageEncoder.jpeg(image, quality: 20)
        let high = try ImageEncoder.jpeg(image, quality: 95)
        #expect(low.count < high.count)
        let lowError = DecoderFixtures.meanDifference(try ImageDecoder.decode(low), image)
        let highError = DecoderFixtures.meanDifference(try ImageDecoder.decode(high), image)
        #expect(highError < lowError)   // (the noise in blue keeps both well above 0 at 4:2:0)
        // Out-of-range qualities are clamped, not refused.
        #expect(try ImageEncoder.jpeg(image, quality: 0) == ImageEncoder.jpeg(image, quality: 1))
        #expect(try ImageEncoder.jpeg(image, quality: 400) == ImageEncoder.jpeg(image, quality: 100))
    }

    @Test func picturesTheFormatsCannotHoldAreRefused() {
        let empty = RGBImage(width: 0, height: 5)
        #expect(throws: ImageError.cannotEncode(.jpeg, detail: "the picture is 0×5 pixels")) { try ImageEncoder.jpeg(empty) }
        #expect(throws: ImageError.cannotEncode(.png, detail: "the picture is 0×5 pixels")) { try ImageEncoder.png(empty) }
        let tooWide = RGBImage(width: 65501, height: 1)
        #expect(throws: ImageError.cannotEncode(.jpeg, detail: "a JPEG is 1 to 65500 pixels a side")) {
            try ImageEncoder.jpeg(tooWide)
        }
        #expect(ImageError.cannotEncode(.jpeg, detail: "a JPEG is 1 to 65500 pixels a side").message
                == "cannot encode a JPEG: a JPEG is 1 to 65500 pixels a side")
    }

    @Test func manyThreadsEncodeAtOnce() async throws {
        let image = Self.pattern(width: 64, height: 48)
        let expectedJPEG = try ImageEncoder.jpeg(image)
        let expectedPNG = try ImageEncoder.png(image)
        let mismatches = await withTaskGroup(of: Bool.self) { group in
            for i in 0 ..< 24 {
                group.addTask {
                    i % 2 == 0 ? (try? ImageEncoder.jpeg(image)) != expectedJPEG : (try? ImageEncoder.png(image)) != expectedPNG
                }
            }
            var count = 0
            for await mismatch in group where mismatch { count += 1 }
            return count
        }
        #expect(mismatches == 0)
    }
}
