import BrowserModel

/// The sort picker: `SortChoice.all`, the current order marked "●", the cursor line reversed.
enum SortPickerView {
    /// The last line of the box.
    static let footer = "Enter chooses  Esc closes"

    /// Draws the picker centred on `screen`.
    static func draw(_ state: BrowserState, on screen: Rect, into grid: inout Grid) {
        let choices = SortChoice.all
        let labels = choices.map { ($0.field == state.sort && $0.direction == state.order ? "● " : "○ ") + $0.label }
        let width = ([footer] + labels).map(Grid.displayWidth(of:)).max() ?? 0
        let box = OverlayBox(contentWidth: width, contentHeight: labels.count + 2, on: screen)
        box.draw(title: "Sort by", into: &grid)
        let area = box.content
        guard area.height > 0 else { return }

        let room = max(1, area.height - 2)
        let cursor = min(max(state.sortCursor, 0), labels.count - 1)
        let first = FilterPaneView.firstLine(showing: cursor, visible: room, count: labels.count)
        for (offset, index) in (first..<min(labels.count, first + room)).enumerated() {
            let y = area.y + offset
            if index == cursor {
                // The bar spans the padding too, so it reads as a line of the box.
                grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: ViewStyle.selected)
            }
            grid.draw(labels[index], at: area.x, y: y, maxWidth: area.width, style: index == cursor ? ViewStyle.selected : .plain)
        }
        if area.height > 2 {
            grid.draw(footer, at: area.x, y: area.maxY - 1, maxWidth: area.width, style: ViewStyle.muted)
        }
    }
}
