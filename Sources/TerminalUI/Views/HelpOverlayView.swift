import BrowserModel

/// The help overlay: every key of the context underneath it, generated from `KeyBinding.all`.
enum HelpOverlayView {
    /// The last line of the box.
    static let footer = "Esc closes"

    /// The help lines for the pane or view under the overlay.
    static func helpLines(for state: BrowserState) -> [String] {
        var underneath = state
        underneath.showsHelp = false
        return KeyBinding.helpLines(in: KeyContext(underneath))
    }

    /// Draws the overlay centred on `screen`.
    static func draw(_ state: BrowserState, on screen: Rect, into grid: inout Grid) {
        let lines = helpLines(for: state)
        let width = ([footer] + lines).map(Grid.displayWidth(of:)).max() ?? 0
        let box = OverlayBox(contentWidth: width, contentHeight: lines.count + 2, on: screen)
        box.draw(title: "Keys", into: &grid)
        let area = box.content
        guard area.height > 0 else { return }

        // The footer keeps the last row; the lines take the rest, "…" when some are left out.
        let room = max(0, area.height - 2)
        let shown = lines.count <= room ? lines : room == 0 ? [] : Array(lines.prefix(max(0, room - 1))) + ["… \(lines.count - room + 1) more"]
        for (offset, line) in shown.enumerated() {
            grid.draw(line, at: area.x, y: area.y + offset, maxWidth: area.width)
        }
        grid.draw(footer, at: area.x, y: area.maxY - 1, maxWidth: area.width, style: ViewStyle.muted)
    }
}
