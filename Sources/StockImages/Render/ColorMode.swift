/// How many colours a picture may use on this terminal.
///
/// ```swift
/// let mode = ColorMode.detect(environment: ProcessInfo.processInfo.environment, terminalColors: COLORS)
/// ```
public enum ColorMode: String, Hashable, Sendable, CaseIterable {
    /// 24-bit colour: every pixel as it is.
    case trueColor
    /// The nearest of xterm's 240 fixed colours (indices 16–255, `XtermPalette.nearestIndex(to:)`).
    case palette256
    /// The nearest xterm grey (indices 232–255, and 16 or 231 for black or white) to each
    /// pixel's luma.
    case grey
    /// No colours at all: one of the characters " ░▒▓█" per cell by the luma of its two pixels,
    /// in the terminal's own foreground on its own background.
    case shades

    /// The shade characters from darkest to lightest, as `shades` draws them.
    public static let shadeCharacters: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The mode for a terminal that reports `terminalColors` colours (ncurses' `COLORS`), under
    /// the process `environment`.
    ///
    /// `NO_COLOR` set to a non-empty value (no-color.org: "when present and not an empty string")
    /// gives `grey` with at least 256 colours and `shades` below, as the screen's own colours go. Otherwise `COLORTERM` of
    /// `truecolor` or `24bit` gives `trueColor`, at least 256 colours give `palette256`, and
    /// anything less gives `shades`.
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return terminalColors >= 256 ? .grey : .shades
        }
        if let colorTerm = environment["COLORTERM"]?.lowercased(), colorTerm == "truecolor" || colorTerm == "24bit" {
            return .trueColor
        }
        return terminalColors >= 256 ? .palette256 : .shades
    }

    /// What the terminal sends for `color` in this mode: the colour itself, or its palette index;
    /// nil in `shades`, which sends no colours.
    public func terminalColor(for color: RGB) -> TerminalColor? {
        switch self {
        case .trueColor: return .rgb(color)
        case .palette256: return .index(XtermPalette.nearestIndex(to: color))
        case .grey: return .index(XtermPalette.nearestGreyIndex(to: color))
        case .shades: return nil
        }
    }

    /// The colour a pixel of `color` appears in on screen in this mode, where each pixel has its
    /// own colour (all modes but `shades`, for which this is the shade of a cell of `color` on
    /// both halves, drawn white on black).
    public func displayed(_ color: RGB) -> RGB {
        switch terminalColor(for: color) {
        case .rgb(let rgb)?: return rgb
        case .index(let index)?: return XtermPalette.color(ofIndex: index)
        case nil: return ColorMode.shadeColor(ColorMode.shadeLevel(top: color, bottom: color))
        }
    }

    /// The shade (0–4, an index into `shadeCharacters`) for a cell whose halves are `top` and
    /// `bottom`: their mean luma in five equal bands.
    public static func shadeLevel(top: RGB, bottom: RGB) -> Int {
        let y = XtermPalette.luma(top) + XtermPalette.luma(bottom)   // 0–510
        return min(4, y * 5 / 511)
    }

    /// How a shade character looks from afar in white on black: the share of the cell it inks
    /// (0, ¼, ½, ¾, 1) as a grey.
    public static func shadeColor(_ level: Int) -> RGB {
        let grey = UInt8(min(255, max(0, level) * 64))
        return RGB(grey, grey, grey)
    }
}
