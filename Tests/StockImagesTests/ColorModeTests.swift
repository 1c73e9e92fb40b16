import Testing
@testable import StockImages

/// `ColorMode`: detection from the environment and the colour count, and what each mode shows.
@Suite struct ColorModeTests {
    @Test(arguments: [
        ([:], 256, ColorMode.palette256),
        ([:], 8, .shades),
        ([:], 16, .shades),
        ([:], 88, .shades),
        ([:], 16_777_216, .palette256),
        (["COLORTERM": "truecolor"], 256, .trueColor),
        (["COLORTERM": "24bit"], 8, .trueColor),
        (["COLORTERM": "TrueColor"], 256, .trueColor),
        (["COLORTERM": "yes"], 256, .palette256),
        (["COLORTERM": ""], 8, .shades),
        (["NO_COLOR": "1"], 256, .grey),
        (["NO_COLOR": ""], 256, .palette256),                    // empty does not count (no-color.org)
        (["NO_COLOR": "", "COLORTERM": "truecolor"], 256, .trueColor),
        (["NO_COLOR": "1", "COLORTERM": "truecolor"], 8, .shades),
        (["NO_COLOR": "1"], 16, .shades),
    ] as [([String: String], Int, ColorMode)])
    func detection(environment: [String: String], colors: Int, expected: ColorMode) {
        #expect(ColorMode.detect(environment: environment, terminalColors: colors) == expected)
    }

    @Test func eachModeNamesColoursItsOwnWay() {
        let orange = RGB(250, 128, 10)
        #expect(ColorMode.trueColor.terminalColor(for: orange) == .rgb(orange))
        #expect(ColorMode.palette256.terminalColor(for: orange) == .index(208))
        #expect(ColorMode.grey.terminalColor(for: orange) == .index(XtermPalette.nearestGreyIndex(to: orange)))
        #expect(ColorMode.shades.terminalColor(for: orange) == nil)

        #expect(ColorMode.trueColor.displayed(orange) == orange)
        #expect(ColorMode.palette256.displayed(orange) == RGB(255, 135, 0))
        #expect(ColorMode.grey.displayed(RGB(128, 128, 128)) == RGB(128, 128, 128))
        #expect(ColorMode.grey.displayed(RGB(255, 0, 0)) == RGB(78, 78, 78))
    }

    @Test func shadesFollowTheCellsMeanLuma() {
        let black = RGB(0, 0, 0), white = RGB(255, 255, 255), grey = RGB(128, 128, 128)
        #expect(ColorMode.shadeLevel(top: black, bottom: black) == 0)
        #expect(ColorMode.shadeLevel(top: white, bottom: white) == 4)
        #expect(ColorMode.shadeLevel(top: black, bottom: white) == 2)
        #expect(ColorMode.shadeLevel(top: grey, bottom: grey) == 2)
        #expect(ColorMode.shadeLevel(top: RGB(40, 40, 40), bottom: RGB(50, 50, 50)) == 0)
        #expect(ColorMode.shadeLevel(top: RGB(60, 60, 60), bottom: RGB(60, 60, 60)) == 1)
        #expect(ColorMode.shadeLevel(top: RGB(210, 210, 210), bottom: RGB(200, 200, 200)) == 4)
        #expect((0 ... 4).map { ColorMode.shadeColor($0).red } == [0, 64, 128, 192, 255])
        #expect(ColorMode.shades.displayed(white) == white)
        #expect(ColorMode.shadeCharacters == [" ", "░", "▒", "▓", "█"])
    }
}
