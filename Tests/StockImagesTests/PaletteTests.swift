import StockCore
import Testing
@testable import StockImages

/// `XtermPalette`: the colours of indices 16–255 and the nearest index for a colour.
@Suite struct PaletteTests {
    /// The nearest of 16–255 by trying them all (the reference `nearestIndex` must agree with).
    func bruteForceNearest(_ color: RGB) -> UInt8 {
        var best: UInt8 = 16
        for index in 16 ... 255 where XtermPalette.distance(color, XtermPalette.color(ofIndex: UInt8(index)))
            < XtermPalette.distance(color, XtermPalette.color(ofIndex: best)) {
            best = UInt8(index)
        }
        return best
    }

    @Test func indicesShowTheCubeAndTheGreyRamp() {
        #expect(XtermPalette.color(ofIndex: 16) == RGB(0, 0, 0))
        #expect(XtermPalette.color(ofIndex: 196) == RGB(255, 0, 0))
        #expect(XtermPalette.color(ofIndex: 208) == RGB(255, 135, 0))
        #expect(XtermPalette.color(ofIndex: 67) == RGB(95, 135, 175))
        #expect(XtermPalette.color(ofIndex: 231) == RGB(255, 255, 255))
        #expect(XtermPalette.color(ofIndex: 232) == RGB(8, 8, 8))
        #expect(XtermPalette.color(ofIndex: 244) == RGB(128, 128, 128))
        #expect(XtermPalette.color(ofIndex: 255) == RGB(238, 238, 238))
        #expect(XtermPalette.color(ofIndex: 9) == RGB(255, 0, 0))   // xterm's default bright red
    }

    @Test func knownColoursFindTheirNearestIndex() {
        #expect(XtermPalette.nearestIndex(to: RGB(255, 0, 0)) == 196)
        #expect(XtermPalette.nearestIndex(to: RGB(0, 0, 0)) == 16)
        #expect(XtermPalette.nearestIndex(to: RGB(255, 255, 255)) == 231)
        #expect(XtermPalette.nearestIndex(to: RGB(250, 128, 10)) == 208)
        #expect(XtermPalette.nearestIndex(to: RGB(128, 128, 128)) == 244)   // the ramp's 128, not the cube's 135
        #expect(XtermPalette.nearestIndex(to: RGB(100, 130, 170)) == 67)
        #expect(XtermPalette.nearestIndex(to: RGB(12, 12, 14)) == 232)
    }

    @Test func theShortcutAgreesWithTryingEveryIndex() {
        var colors: [RGB] = []
        for r in stride(from: 0, through: 255, by: 15) {
            for g in stride(from: 0, through: 255, by: 15) {
                for b in stride(from: 0, through: 255, by: 15) { colors.append(RGB(UInt8(r), UInt8(g), UInt8(b))) }
            }
        }
        var rng = SplitMix64(state: 6)
        for _ in 0 ..< 3000 {
            colors.append(RGB(UInt8(rng.below(256)), UInt8(rng.below(256)), UInt8(rng.below(256))))
        }
        for color in colors {
            let fast = XtermPalette.nearestIndex(to: color), slow = bruteForceNearest(color)
            // Equal distance is a tie either way; the shortcut must never be farther.
            #expect(XtermPalette.distance(color, XtermPalette.color(ofIndex: fast))
                    == XtermPalette.distance(color, XtermPalette.color(ofIndex: slow)), "\(color)")
            #expect(fast >= 16)
        }
    }

    @Test func greysAreTheNearestLevelToTheLuma() {
        #expect(XtermPalette.nearestGreyIndex(to: RGB(0, 0, 0)) == 16)
        #expect(XtermPalette.nearestGreyIndex(to: RGB(255, 255, 255)) == 231)
        #expect(XtermPalette.nearestGreyIndex(to: RGB(128, 128, 128)) == 244)
        #expect(XtermPalette.nearestGreyIndex(to: RGB(255, 0, 0)) == 239)      // luma 77: level 78
        #expect(XtermPalette.nearestGreyIndex(to: RGB(0, 0, 255)) == 234)      // luma 29: level 28
        let levels: [(index: UInt8, level: Int)] = [(16, 0), (231, 255)] + (232 ... 255).map { (UInt8($0), 8 + 10 * ($0 - 232)) }
        for y in 0 ... 255 {
            let chosen = XtermPalette.nearestGreyIndex(to: RGB(UInt8(y), UInt8(y), UInt8(y)))
            let best = levels.map { abs($0.level - y) }.min()!
            #expect(abs(Int(XtermPalette.color(ofIndex: chosen).red) - y) == best, "luma \(y)")
        }
    }

    @Test func lumaWeighsGreenMost() {
        #expect(XtermPalette.luma(RGB(255, 255, 255)) == 255)
        #expect(XtermPalette.luma(RGB(0, 0, 0)) == 0)
        #expect(XtermPalette.luma(RGB(0, 255, 0)) == 149)
        #expect(XtermPalette.luma(RGB(255, 0, 0)) == 77)
    }
}
