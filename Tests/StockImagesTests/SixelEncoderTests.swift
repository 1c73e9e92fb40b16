import Foundation
import StockCore
import Testing
@testable import StockImages

/// `SixelEncoder` and `MedianCutPalette`: the bytes decoded back by a small sixel reader written
/// from the VT330/VT340 programmer's reference (below), compared with the picture.
@Suite struct SixelEncoderTests {
    /// A sixel image read back: its size from the raster attributes and every pixel's colour.
    struct Decoded {
        var width = 0, height = 0
        var pixels: [RGB?] = []
        subscript(x: Int, y: Int) -> RGB? { pixels[y * width + x] }
    }

    /// Reads `ESC P … q "1;1;W;H #i;2;r;g;b … ESC \`: colour registers in percent, sixel
    /// characters (63 + six bits, lowest bit the top row), `!n` repeats, `$` back to column 0,
    /// `-` to the next band of six rows. Fails the test on anything else.
    static func decode(_ bytes: [UInt8]) throws -> Decoded {
        let text = String(decoding: bytes, as: UTF8.self)
        try #require(text.hasPrefix("\u{1B}P0;1;0q\"") && text.hasSuffix("\u{1B}\\"))
        let body = Array(text.dropFirst(8).dropLast(2).utf8)
        var i = 0
        func number() -> Int {
            var n = 0
            while i < body.count, body[i] >= 48, body[i] <= 57 { n = n * 10 + Int(body[i] - 48); i += 1 }
            return n
        }
        var image = Decoded()
        i = 1   // after the '"'
        _ = number(); i += 1; _ = number(); i += 1   // pixel aspect: 1;1
        image.width = number(); i += 1; image.height = number()
        image.pixels = Array(repeating: nil, count: image.width * image.height)
        var registers: [Int: RGB] = [:]
        var color: RGB?
        var x = 0, band = 0
        func put(_ character: UInt8, times: Int) throws {
            let bits = Int(character) - 63
            try #require(bits >= 0 && bits < 64, "sixel character \(character)")
            for _ in 0 ..< times {
                for row in 0 ..< 6 where bits & (1 << row) != 0 {
                    let y = band * 6 + row
                    if y < image.height, x < image.width { image.pixels[y * image.width + x] = color }
                }
                x += 1
            }
        }
        while i < body.count {
            switch body[i] {
            case UInt8(ascii: "#"):
                i += 1
                let register = number()
                if i < body.count, body[i] == UInt8(ascii: ";") {
                    i += 1; let system = number(); i += 1
                    try #require(system == 2)
                    let r = number(); i += 1; let g = number(); i += 1; let b = number()
                    func channel(_ p: Int) -> UInt8 { UInt8((p * 255 + 50) / 100) }
                    registers[register] = RGB(channel(r), channel(g), channel(b))
                }
                color = registers[register]
            case UInt8(ascii: "!"):
                i += 1
                let n = number()
                try put(body[i], times: n); i += 1
            case UInt8(ascii: "$"): x = 0; i += 1
            case UInt8(ascii: "-"): x = 0; band += 1; i += 1
            default: try put(body[i], times: 1); i += 1
            }
        }
        return image
    }

    /// A photograph-like picture: a generated demo thumbnail.
    static func photo(width: Int) -> RGBImage {
        let asset = Asset(id: AssetID(4242), kind: .photo, title: "Mountain lake at dawn", keywords: ["lake", "mountain", "dawn"],
                          category: "nature", width: 1200, height: 800, created: Date(timeIntervalSince1970: 0))
        return DemoThumbnail.image(for: asset, width: width)
    }

    @Test func everyPixelComesBackWithinTheRegistersPrecision() throws {
        // Eight flat colours (fewer than the palette's 256): each comes back as itself.
        var image = RGBImage(width: 37, height: 13)   // neither side a multiple of six
        let colours = [RGB(255, 0, 0), RGB(0, 255, 0), RGB(0, 0, 255), RGB(255, 255, 255),
                       RGB(0, 0, 0), RGB(128, 64, 32), RGB(10, 200, 180), RGB(250, 250, 0)]
        for y in 0 ..< 13 { for x in 0 ..< 37 { image[x, y] = colours[(x / 5 + y / 4) % colours.count] } }
        let decoded = try Self.decode(SixelEncoder.encode(image))
        #expect(decoded.width == 37 && decoded.height == 13)
        for y in 0 ..< 13 {
            for x in 0 ..< 37 {
                let got = try #require(decoded[x, y], "pixel (\(x), \(y)) not drawn")
                let want = image[x, y]
                #expect(abs(Int(got.red) - Int(want.red)) <= 2 && abs(Int(got.green) - Int(want.green)) <= 2
                        && abs(Int(got.blue) - Int(want.blue)) <= 2, "(\(x), \(y)): \(got) for \(want)")
            }
        }
    }

    @Test func aPhotographsAdaptivePaletteBeatsTheFixedTerminalPalette() throws {
        let image = Self.photo(width: 240)
        let decoded = try Self.decode(SixelEncoder.encode(image))
        #expect(decoded.width == image.width && decoded.height == image.height)
        var sixelError = 0.0, paletteError = 0.0
        for y in 0 ..< image.height {
            for x in 0 ..< image.width {
                let want = image[x, y]
                sixelError += PictureQuality.distance(try #require(decoded[x, y]), want)
                paletteError += PictureQuality.distance(XtermPalette.color(ofIndex: XtermPalette.nearestIndex(to: want)), want)
            }
        }
        let n = Double(image.width * image.height)
        #expect(sixelError / n < paletteError / n * 0.8, "sixel \(sixelError / n), xterm 256 \(paletteError / n)")
        #expect(sixelError / n < 8, "mean error \(sixelError / n)")
    }

    @Test func theBytesAreCompactAndHoldNoControlCharacters() {
        // A flat picture: each band is one colour, one run.
        let flat = RGBImage(width: 300, height: 12, pixels: [UInt8](repeating: 90, count: 300 * 12 * 3))
        let text = String(decoding: SixelEncoder.encode(flat), as: UTF8.self)
        #expect(text.contains("#0!300~-#0!300~"))
        #expect(text.utf8.count < 80, "\(text.utf8.count) bytes")
        let photo = SixelEncoder.encode(Self.photo(width: 200))
        #expect(photo.dropFirst(2).dropLast(2).allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    @Test func medianCutKeepsFewColoursExactlyAndCapsMany() {
        let three = RGBImage(width: 3, height: 1, pixels: [255, 0, 0, 0, 255, 0, 8, 8, 248])
        let palette = MedianCutPalette(three, maxColors: 256)
        #expect(Set(palette.colors) == [RGB(255, 0, 0), RGB(0, 255, 0), RGB(8, 8, 248)])
        #expect(palette.colors[Int(palette.index(of: RGB(0, 255, 0)))] == RGB(0, 255, 0))
        let photo = Self.photo(width: 160)
        for cap in [1, 16, 256] { #expect(MedianCutPalette(photo, maxColors: cap).colors.count <= cap) }
        #expect(MedianCutPalette(three, maxColors: 1).colors == [RGB(88, 88, 83)], "one colour: the mean")
        #expect(MedianCutPalette(RGBImage(width: 0, height: 0)).colors == [RGB(0, 0, 0)])
    }
}
