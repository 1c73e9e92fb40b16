import StockCore

extension Grid {
    /// Columns `text` takes once sanitised, as `draw` will put it on the grid.
    static func displayWidth(of text: String) -> Int {
        DisplayWidth.of(SafeText.sanitize(text))
    }

    /// Draws `text` so that it ends at column `maxX` (exclusive), using at most `maxWidth`
    /// columns (cut with "…" when longer). Returns the column it starts at.
    @discardableResult
    mutating func draw(_ text: String, rightAlignedTo maxX: Int, y: Int, maxWidth: Int, style: Style = .plain) -> Int {
        guard maxWidth > 0 else { return maxX }
        let used = min(Self.displayWidth(of: text), maxWidth)
        let x = maxX - used
        draw(text, at: x, y: y, maxWidth: used, style: style)
        return x
    }

    /// Draws `text` centred in `rect`'s row `y` (cut with "…" when wider than the rectangle).
    mutating func draw(_ text: String, centeredIn rect: Rect, y: Int, style: Style = .plain) {
        let used = min(Self.displayWidth(of: text), rect.width)
        draw(text, at: rect.x + (rect.width - used) / 2, y: y, maxWidth: used, style: style)
    }

    /// Fills `rect` with `character` (a border or a rule: never asset text) in `style`.
    mutating func repeatCharacter(_ character: Character, in rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let line = String(repeating: character, count: area.width)
        for y in area.y..<area.maxY { draw(line, at: area.x, y: y, maxWidth: area.width, style: style) }
    }
}
