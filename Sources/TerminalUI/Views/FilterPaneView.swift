import BrowserModel
import StockCore

/// The filter pane: a title, then each facet group under a header, one row per value with a
/// checkbox, its label and its count, and safe search at the end.
///
/// ```text
/// Filters
/// Type
/// [x] photo        9,120
/// [ ] video        ≈5,262
/// ```
///
/// When the rows do not fit, the pane scrolls so that the cursor row stays visible, at most
/// halfway down (stateless: the position follows from the cursor alone).
enum FilterPaneView {
    /// One line of the pane below its title.
    enum Line: Hashable {
        /// A group's header.
        case header(String)
        /// `state.filterRows[index]`.
        case row(Int)
    }

    /// The header shown above the rows of a group; nil is the safe-search row's own section.
    static func header(for group: FacetGroup?) -> String {
        switch group {
        case .type?: "Type"
        case .orientation?: "Orientation"
        case .fourK?: "4K"
        case .premium?: "Price"
        case .resolution?: "Resolution"
        case .category?: "Category"
        case .license?: "License"
        case .camera?: "Camera"
        case .composition?: "Composition"
        case .ungraded?: "Colour"
        case .megapixels?: "Megapixels"
        case .duration?: "Duration"
        case .safeSearch?, nil: "Safe search"
        }
    }

    /// The pane's lines below the title: a header whenever the group changes, then the rows.
    static func lines(for rows: [FilterRow]) -> [Line] {
        var lines: [Line] = []
        var previous: FacetGroup?? = .none
        for (index, row) in rows.enumerated() {
            if previous != .some(row.group) {
                lines.append(.header(header(for: row.group)))
                previous = .some(row.group)
            }
            lines.append(.row(index))
        }
        return lines
    }

    /// The first line shown so that line `target` is visible in `visible` lines: the top while
    /// it fits, then `target` kept halfway down, and never past the end.
    static func firstLine(showing target: Int, visible: Int, count: Int) -> Int {
        guard count > visible, visible > 0 else { return 0 }
        return min(max(0, target - visible / 2), count - visible)
    }

    /// Draws the pane into `rect`.
    static func draw(_ state: BrowserState, in rect: Rect, into grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let focused = state.focus == .filters
        grid.draw("Filters", at: rect.x, y: rect.y, maxWidth: rect.width,
                  style: focused ? ViewStyle.accentBold : ViewStyle.header)

        let rows = state.filterRows
        let lines = lines(for: rows)
        let visible = rect.height - 1
        guard visible > 0, !rows.isEmpty else { return }
        let cursor = min(max(state.filterCursor, 0), rows.count - 1)
        let cursorLine = lines.firstIndex(of: .row(cursor)) ?? 0
        let first = firstLine(showing: cursorLine, visible: visible, count: lines.count)

        for (offset, line) in lines[first..<min(lines.count, first + visible)].enumerated() {
            let y = rect.y + 1 + offset
            switch line {
            case .header(let title):
                grid.draw(title, at: rect.x, y: y, maxWidth: rect.width, style: ViewStyle.header)
            case .row(let index):
                drawRow(rows[index], highlighted: focused && index == cursor, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), into: &grid)
            }
        }
    }

    /// The count as shown: `9,120`, `≈5,262`, or nothing for safe search.
    static func countText(_ row: FilterRow) -> String {
        guard let count = row.count else { return "" }
        return (row.isEstimated ? "≈" : "") + Format.count(count)
    }

    /// One row: `[x] label` on the left, the count right-aligned.
    private static func drawRow(_ row: FilterRow, highlighted: Bool, in line: Rect, into grid: inout Grid) {
        let base = highlighted ? ViewStyle.selected : Style.plain
        if highlighted { grid.fill(line, style: base) }
        let count = countText(row)
        let countWidth = Grid.displayWidth(of: count)
        let box = row.isSelected ? "[x] " : "[ ] "
        let used = grid.draw(box, at: line.x, y: line.y, maxWidth: line.width, style: base)
        let labelRoom = line.width - used - (countWidth > 0 ? countWidth + 1 : 0)
        grid.draw(row.label, at: line.x + used, y: line.y, maxWidth: max(0, labelRoom), style: base)
        if countWidth > 0, labelRoom >= 0 {
            grid.draw(count, rightAlignedTo: line.maxX, y: line.y, maxWidth: countWidth,
                      style: highlighted ? base : ViewStyle.muted)
        }
    }
}
