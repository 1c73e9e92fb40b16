import Testing
@testable import StockImages

/// Decoding real files: JPEGs from nodejs's documentation and variants made from it with
/// libjpeg-turbo's own tools, PNGs from git, vim, libpng, python3 and Adwaita. Expected pixels come
/// from djpeg (libjpeg-turbo-progs) and from Fixtures/tools/reference-png.py, which decodes PNG with
/// nothing but zlib (see Fixtures/README.md).
@Suite struct DecoderTests {
    @Test func progressiveJPEG() throws {
        let image = try DecoderFixtures.decode("progressive.jpg")
        #expect(image.width == 493 && image.height == 312)
        #expect(image[0, 0] == RGB(68, 136, 63))        // the green stripe
        #expect(image[40, 120] == RGB(60, 56, 53))      // the "n"
        #expect(image[76, 116] == RGB(101, 171, 83))    // the hexagon
        #expect(image[400, 250] == RGB(255, 255, 255))
    }

    @Test func baselineJPEGDecodesToTheSamePixelsAsTheProgressiveOneItWasLosslesslyMadeFrom() throws {
        let baseline = try DecoderFixtures.decode("baseline.jpg")
        let progressive = try DecoderFixtures.decode("progressive.jpg")
        #expect(baseline.width == 493 && baseline.height == 312)
        #expect(baseline == progressive)
    }

    @Test func grayscaleJPEGBecomesGreyRGB() throws {
        let image = try DecoderFixtures.decode("grayscale.jpg")
        #expect(image.width == 493 && image.height == 312)
        #expect(image[0, 0] == RGB(107, 107, 107))
        #expect(image[40, 120] == RGB(57, 57, 57))
        #expect(image[76, 116] == RGB(140, 140, 140))
        for y in stride(from: 0, to: image.height, by: 7) {
            for x in stride(from: 0, to: image.width, by: 7) {
                let p = image[x, y]
                #expect(p.red == p.green && p.green == p.blue, "pixel \(x),\(y) is \(p)")
            }
        }
    }

    @Test(arguments: ["cmyk-adobe.jpg", "ycck-adobe.jpg"])
    func adobeInvertedCMYKAndYCCKJPEGsComeOutAsTheColoursTheyWereMadeFrom(name: String) throws {
        let image = try DecoderFixtures.decode(name)
        let original = try DecoderFixtures.decode("progressive.jpg")
        #expect(image.width == 493 && image.height == 312)
        // Made from progressive.jpg's pixels, inks inverted as Adobe's applications store them;
        // read as plain CMYK the white page would come out black.
        #expect(DecoderFixtures.meanDifference(image, original) < 1.0)
        #expect(image[400, 250] == RGB(255, 255, 255))
        let green = image[0, 0]
        #expect(abs(Int(green.red) - 68) <= 4 && abs(Int(green.green) - 136) <= 4 && abs(Int(green.blue) - 63) <= 4)
    }

    @Test func aScaleHintDecodesAtTheSmallestDCTScaleStillAtLeastThatLarge() throws {
        // 493×312: 1/8 is 62×39, 2/8 is 124×78 (libjpeg rounds up).
        let quarter = try DecoderFixtures.decode("progressive.jpg", atLeast: (width: 40, height: 40))
        #expect(quarter.width == 124 && quarter.height == 78)
        #expect(quarter[0, 0] == RGB(68, 136, 63))      // as djpeg -scale 2/8 gives it
        #expect(quarter[10, 30] == RGB(60, 56, 53))
        #expect(quarter[19, 29] == RGB(103, 165, 88))
        let eighth = try DecoderFixtures.decode("progressive.jpg", atLeast: (width: 40, height: 39))
        #expect(eighth.width == 62 && eighth.height == 39)
        #expect(eighth[0, 0] == RGB(148, 186, 135))     // as djpeg -scale 1/8 gives it
        #expect(eighth[9, 14] == RGB(102, 172, 83))
        let full = try DecoderFixtures.decode("progressive.jpg", atLeast: (width: 1000, height: 10))
        #expect(full.width == 493 && full.height == 312)
    }

    @Test func everyHintGetsTheSmallestScaleThatCoversIt() throws {
        let bytes = try DecoderFixtures.bytes("baseline.jpg")
        func side(_ full: Int, _ eighths: Int) -> Int { (full * eighths + 7) / 8 }
        for (w, h) in [(1, 1), (62, 39), (63, 39), (62, 40), (124, 78), (125, 10), (10, 79), (300, 200), (370, 1),
                       (433, 273), (493, 312), (494, 1), (0, 200)] {
            let image = try ImageDecoder.decode(bytes, atLeast: (width: w, height: h))
            let expected = (1 ... 8).first { side(493, $0) >= w && side(312, $0) >= h } ?? 8
            #expect(image.width == side(493, expected) && image.height == side(312, expected),
                    "hint \(w)×\(h) gave \(image.width)×\(image.height)")
        }
    }

    @Test func aPaletteImage() throws {
        let image = try DecoderFixtures.decode("palette.png", atLeast: (width: 1, height: 1))
        #expect(image.width == 72 && image.height == 27)   // no scaling for PNG
        #expect(image[0, 0] == RGB(232, 232, 230))
        #expect(image[54, 10] == RGB(0, 128, 0))
        #expect(image[9, 25] == RGB(96, 96, 93))
        #expect(image[36, 13] == RGB(255, 255, 255))
    }

    @Test func aFourBitPaletteWithTransparencyShowsTheBackgroundThroughIt() throws {
        let onBlack = try DecoderFixtures.decode("palette-4bit-trns.png")
        let onRed = try DecoderFixtures.decode("palette-4bit-trns.png", background: RGB(255, 0, 0))
        #expect(onBlack.width == 32 && onBlack.height == 32)
        #expect(onBlack[0, 0] == RGB(0, 0, 0))
        #expect(onRed[0, 0] == RGB(255, 0, 0))
        #expect(onBlack[16, 16] == RGB(192, 192, 192) && onRed[16, 16] == RGB(192, 192, 192))
    }

    @Test func anInterlacedPNGWithAlphaIsCompositedOntoTheBackground() throws {
        let onBlack = try DecoderFixtures.decode("rgba-interlaced.png")
        let onWhite = try DecoderFixtures.decode("rgba-interlaced.png", background: RGB(255, 255, 255))
        let onRed = try DecoderFixtures.decode("rgba-interlaced.png", background: RGB(255, 0, 0))
        #expect(onBlack.width == 91 && onBlack.height == 69)
        #expect(onBlack[0, 0] == RGB(0, 0, 0) && onRed[0, 0] == RGB(255, 0, 0))   // fully transparent
        #expect(onBlack[45, 34] == RGB(239, 181, 140) && onRed[45, 34] == RGB(239, 181, 140))  // opaque
        #expect(onBlack[44, 31] == RGB(68, 54, 41))    // partly transparent
        #expect(onWhite[44, 31] == RGB(183, 169, 156))
        #expect(onBlack[81, 2] == RGB(5, 4, 2) && onWhite[81, 2] == RGB(203, 202, 200))
    }

    @Test func greyPNGs() throws {
        let grey = try DecoderFixtures.decode("gray.png")
        #expect(grey.width == 11 && grey.height == 11)
        #expect(grey[0, 0] == RGB(204, 204, 204) && grey[5, 5] == RGB(41, 41, 41))
        let withAlpha = try DecoderFixtures.decode("gray-alpha.png", background: RGB(255, 0, 0))
        #expect(withAlpha.width == 48 && withAlpha.height == 48)
        #expect(withAlpha[0, 0] == RGB(255, 0, 0))
        #expect(withAlpha[24, 24] == RGB(231, 231, 231))
        let onWhite = try DecoderFixtures.decode("gray-alpha.png", background: RGB(255, 255, 255))
        #expect(onWhite[4, 31] == RGB(166, 166, 166))
        #expect(try DecoderFixtures.decode("gray-alpha.png")[4, 31] == RGB(154, 154, 154))
    }

    @Test func sixteenBitChannelsAreRoundedToEight() throws {
        let image = try DecoderFixtures.decode("rgb16.png")
        #expect(image.width == 48 && image.height == 32)
        // 0x1234, 0x00FF, 0xFF00: rounded (not truncated, which would give 18, 0, 255).
        #expect(image[0, 0] == RGB(18, 1, 254))
        #expect(image[47, 0] == RGB(235, 0, 208))
        #expect(image[24, 16] == RGB(120, 128, 215))
        #expect(image[47, 31] == RGB(235, 248, 177))
    }

    @Test func manyThreadsDecodeAtOnce() async throws {
        let jpeg = try DecoderFixtures.bytes("progressive.jpg")
        let png = try DecoderFixtures.bytes("rgba-interlaced.png")
        let expectedJPEG = try ImageDecoder.decode(jpeg, atLeast: (width: 40, height: 40))
        let expectedPNG = try ImageDecoder.decode(png)
        let mismatches = await withTaskGroup(of: Bool.self) { group in
            for i in 0 ..< 32 {
                group.addTask {
                    if i % 2 == 0 {
                        return (try? ImageDecoder.decode(jpeg, atLeast: (width: 40, height: 40))) != expectedJPEG
                    }
                    return (try? ImageDecoder.decode(png)) != expectedPNG
                }
            }
            var count = 0
            for await mismatch in group where mismatch { count += 1 }
            return count
        }
        #expect(mismatches == 0)
    }
}
