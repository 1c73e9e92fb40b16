/// The bytes a terminal needs to draw a half-block picture at a screen position, in one colour
/// mode; what the screen writes for pictures drawn outside ncurses.
///
/// Each row starts with a cursor move (`ESC[row;colH`, 1-based). A cell is "▀" (upper pixel in
/// the foreground, lower in the background) or, when cheaper with the colours already set, "▄"
/// the other way round; a cell whose two pixels get the same colour is a space on that background
/// or "█" in that foreground, whichever needs fewer bytes. Colours are set by one combined SGR
/// sequence per change (`38;2;r;g;b`/`48;2;r;g;b` in `trueColor`, `38;5;n`/`48;5;n` in
/// `palette256` and `grey`) and never re-sent while they stay set, also across rows; the output
/// ends with `ESC[0m`. In `shades` there are no colours, only the shade characters.
///
/// ```swift
/// let bytes = HalfBlockEncoder(mode: .trueColor).encode(picture, row: 3, column: 50)
/// ```
public struct HalfBlockEncoder: Hashable, Sendable {
    /// The colour mode the bytes are for.
    public var mode: ColorMode

    /// An encoder for `mode`.
    public init(mode: ColorMode) {
        self.mode = mode
    }

    /// The bytes that draw `picture` with its top left cell at 1-based screen `row` and `column`.
    public func encode(_ picture: HalfBlockPicture, row: Int, column: Int) -> [UInt8] {
        precondition(row >= 1 && column >= 1, "screen positions are 1-based")
        var out: [UInt8] = []
        out.reserveCapacity(picture.columns * picture.rows * (mode == .trueColor ? 24 : 10) + picture.rows * 10)
        if mode == .shades {
            for y in 0 ..< picture.rows {
                Self.appendCursorMove(row: row + y, column: column, to: &out)
                for x in 0 ..< picture.columns {
                    let cell = picture[x, y]
                    out.append(contentsOf: Self.shadeBytes[ColorMode.shadeLevel(top: cell.top, bottom: cell.bottom)])
                }
            }
            return out
        }
        var foreground: TerminalColor?
        var background: TerminalColor?
        for y in 0 ..< picture.rows {
            Self.appendCursorMove(row: row + y, column: column, to: &out)
            for x in 0 ..< picture.columns {
                let cell = picture[x, y]
                // terminalColor(for:) is nil only in shades, handled above.
                let top = mode.terminalColor(for: cell.top)!
                let bottom = mode.terminalColor(for: cell.bottom)!
                let first: Choice, second: Choice
                if top == bottom {
                    first = Choice(glyph: .space, foreground: nil, background: top)
                    second = Choice(glyph: .fullBlock, foreground: top, background: nil)
                } else {
                    first = Choice(glyph: .upperHalf, foreground: top, background: bottom)
                    second = Choice(glyph: .lowerHalf, foreground: bottom, background: top)
                }
                let choice = second.cost(foreground: foreground, background: background)
                    < first.cost(foreground: foreground, background: background) ? second : first
                let newForeground = choice.foreground == foreground ? nil : choice.foreground
                let newBackground = choice.background == background ? nil : choice.background
                Self.appendSGR(foreground: newForeground, background: newBackground, to: &out)
                if let newForeground { foreground = newForeground }
                if let newBackground { background = newBackground }
                out.append(contentsOf: choice.glyph.bytes)
            }
        }
        out.append(contentsOf: [0x1B, 0x5B, 0x30, 0x6D])   // ESC[0m
        return out
    }

    /// One way to draw a cell: a character and the colours it needs (nil: either will do).
    private struct Choice {
        var glyph: Glyph
        var foreground: TerminalColor?
        var background: TerminalColor?

        /// Bytes to draw it when the terminal has `foreground` and `background` set already.
        func cost(foreground current: TerminalColor?, background currentBackground: TerminalColor?) -> Int {
            glyph.bytes.count
                + HalfBlockEncoder.sgrLength(foreground: foreground == current ? nil : foreground,
                                             background: background == currentBackground ? nil : background)
        }
    }

    /// The characters a cell can be drawn with.
    private enum Glyph {
        case space, fullBlock, upperHalf, lowerHalf

        /// The character's UTF-8 bytes.
        var bytes: [UInt8] {
            switch self {
            case .space: return [0x20]
            case .fullBlock: return [0xE2, 0x96, 0x88]   // █
            case .upperHalf: return [0xE2, 0x96, 0x80]   // ▀
            case .lowerHalf: return [0xE2, 0x96, 0x84]   // ▄
            }
        }
    }

    /// The UTF-8 bytes of `ColorMode.shadeCharacters`.
    private static let shadeBytes: [[UInt8]] = ColorMode.shadeCharacters.map { Array(String($0).utf8) }

    /// Appends `ESC[row;columnH`.
    private static func appendCursorMove(row: Int, column: Int, to out: inout [UInt8]) {
        out.append(0x1B); out.append(0x5B)
        appendDecimal(row, to: &out)
        out.append(0x3B)
        appendDecimal(column, to: &out)
        out.append(0x48)
    }

    /// Appends one SGR sequence setting whichever of the two colours is given (nothing for neither).
    private static func appendSGR(foreground: TerminalColor?, background: TerminalColor?, to out: inout [UInt8]) {
        if foreground == nil && background == nil { return }
        out.append(0x1B); out.append(0x5B)
        if let foreground { appendParameters(foreground, selector: 38, to: &out) }
        if foreground != nil && background != nil { out.append(0x3B) }
        if let background { appendParameters(background, selector: 48, to: &out) }
        out.append(0x6D)
    }

    /// Appends `38;5;n`, `48;2;r;g;b` and the like.
    private static func appendParameters(_ color: TerminalColor, selector: Int, to out: inout [UInt8]) {
        appendDecimal(selector, to: &out)
        switch color {
        case .rgb(let rgb):
            out.append(contentsOf: [0x3B, 0x32, 0x3B])   // ;2;
            appendDecimal(Int(rgb.red), to: &out); out.append(0x3B)
            appendDecimal(Int(rgb.green), to: &out); out.append(0x3B)
            appendDecimal(Int(rgb.blue), to: &out)
        case .index(let index):
            out.append(contentsOf: [0x3B, 0x35, 0x3B])   // ;5;
            appendDecimal(Int(index), to: &out)
        }
    }

    /// The length of the SGR sequence `appendSGR` would write.
    fileprivate static func sgrLength(foreground: TerminalColor?, background: TerminalColor?) -> Int {
        if foreground == nil && background == nil { return 0 }
        var length = 3   // ESC [ … m
        if let foreground { length += parametersLength(foreground) }
        if let background { length += parametersLength(background) }
        if foreground != nil && background != nil { length += 1 }
        return length
    }

    /// The length of `38;…` or `48;…` for `color`.
    private static func parametersLength(_ color: TerminalColor) -> Int {
        switch color {
        case .rgb(let rgb):
            return 2 + 3 + digits(Int(rgb.red)) + digits(Int(rgb.green)) + digits(Int(rgb.blue)) + 2
        case .index(let index):
            return 2 + 3 + digits(Int(index))
        }
    }

    /// Decimal digits of a non-negative number.
    private static func digits(_ value: Int) -> Int {
        value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : String(value).count
    }

    /// Appends a non-negative number in decimal.
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(0x30 + UInt8(value % 10))
    }
}
