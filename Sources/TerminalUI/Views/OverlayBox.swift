/// A centred box with a border and a title in its top edge, cleared inside: what the help
/// overlay and the sort picker are drawn in.
///
/// ```text
/// ┌─ Sort by ────────┐
/// │ ● relevance      │
/// │ ○ newest first   │
/// └──────────────────┘
/// ```
struct OverlayBox: Hashable, Sendable {
    /// The whole box, border included, clipped to the screen.
    var frame: Rect
    /// Inside the border, with a column of padding on each side.
    var content: Rect

    /// A box for content `contentWidth` × `contentHeight`, centred on `screen` and clipped to it.
    init(contentWidth: Int, contentHeight: Int, on screen: Rect) {
        let width = min(contentWidth + 4, screen.width)
        let height = min(contentHeight + 2, screen.height)
        frame = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                     width: width, height: height)
        content = frame.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// Clears the box and draws its border with `title` in the top edge.
    func draw(title: String, into grid: inout Grid) {
        guard frame.width >= 2, frame.height >= 2 else { return }
        grid.fill(frame, style: .plain)
        let border = ViewStyle.muted
        let inner = frame.width - 2
        grid.draw("┌" + String(repeating: "─", count: inner) + "┐", at: frame.x, y: frame.y, maxWidth: frame.width, style: border)
        grid.draw("└" + String(repeating: "─", count: inner) + "┘", at: frame.x, y: frame.maxY - 1, maxWidth: frame.width, style: border)
        for y in (frame.y + 1)..<(frame.maxY - 1) {
            grid.draw("│", at: frame.x, y: y, maxWidth: 1, style: border)
            grid.draw("│", at: frame.maxX - 1, y: y, maxWidth: 1, style: border)
        }
        if inner >= 4 {
            grid.draw(" \(title) ", at: frame.x + 2, y: frame.y, maxWidth: inner - 2, style: ViewStyle.accentBold)
        }
    }
}
