import StockCore

extension Grid {
    /// Draws `text` on row `y` from column `x`, within `maxWidth` columns (default: to the right
    /// edge), and returns the columns used.
    ///
    /// The text is sanitised first (`SafeText`), so escape sequences and control characters never
    /// reach the grid. Each grapheme cluster is measured with `DisplayWidth`: a wide one takes its
    /// cell plus a continuation cell; a zero-width one on its own (a stray combining mark or format
    /// character) is left out. When the text does not fit, it is cut and ends in "…" placed in the
    /// last available column; if a wide character would straddle the cut, a space pads its place,
    /// so the result is exactly `maxWidth` columns. Cells after the text are left as they are.
    ///
    /// ```swift
    /// var grid = Grid(width: 8, height: 1)
    /// grid.draw("ab日本語", at: 0, y: 0, maxWidth: 5)   // 5; grid.lines == ["ab日…"]
    /// grid.draw("ab日本語", at: 0, y: 0, maxWidth: 4)   // 4; "ab …": 日 would straddle
    /// ```
    @discardableResult
    public mutating func draw(_ text: String, at x: Int, y: Int, maxWidth: Int? = nil,
                              style: Style = .plain) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let available = min(maxWidth ?? Int.max, width - x)
        guard available > 0 else { return 0 }

        if let drawn = drawPrintableASCII(text, at: x, y: y, available: available, style: style) { return drawn }
        let safe = SafeText.sanitize(text)
        var glyphs: [(Character, Int)] = []
        var total = 0
        for character in safe {
            let w = DisplayWidth.of(character)
            guard w > 0 else { continue }
            glyphs.append((character, w))
            total += w
        }

        var column = x
        if total <= available {
            for (character, w) in glyphs { put(character, width: w, at: column, y: y, style: style); column += w }
            return column - x
        }

        let ellipsisWidth = DisplayWidth.of(Grid.ellipsis)
        let room = available - ellipsisWidth
        guard room >= 0 else { return 0 }
        for (character, w) in glyphs {
            if column - x + w > room { break }
            put(character, width: w, at: column, y: y, style: style)
            column += w
        }
        while column - x < room { put(" ", width: 1, at: column, y: y, style: style); column += 1 }
        put(Grid.ellipsis, width: ellipsisWidth, at: column, y: y, style: style)
        return available
    }

    /// The common case, fast: text of printable ASCII only needs no sanitising and is one column
    /// a character. Returns nil for anything else (the general path handles it).
    private mutating func drawPrintableASCII(_ text: String, at x: Int, y: Int, available: Int, style: Style) -> Int? {
        let utf8 = text.utf8
        let count = utf8.count
        let isPrintableASCII = utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard isPrintableASCII else { return nil }
        let fits = count <= available
        let shown = fits ? count : max(0, available - 1)
        var column = x
        for byte in utf8.prefix(shown) {
            put(Character(Unicode.Scalar(byte)), width: 1, at: column, y: y, style: style)
            column += 1
        }
        if fits { return count }
        put(Grid.ellipsis, width: 1, at: column, y: y, style: style)
        return available
    }

    /// What ends truncated text.
    public static let ellipsis: Character = "…"

    /// Places one grapheme of display width `w` (1 or 2) at (`x`, `y`), repairing any wide
    /// character it overwrites half of. The caller guarantees it fits inside the row.
    mutating func put(_ character: Character, width w: Int, at x: Int, y: Int, style: Style) {
        breakWideCharacter(at: x, y: y)
        if w == 2 { breakWideCharacter(at: x + 1, y: y) }
        self[x, y] = Cell(character, style: style)
        if w == 2 { self[x + 1, y] = Cell(.continuation, style: style) }
    }
}
