import BrowserModel
import StockCore

/// The result pane: a header row, then only the visible items
/// `items[scrollOffset ..< scrollOffset + rows]`, whatever the length of the list.
///
/// The selected row carries a "›" marker; while the pane has the keys it is also a reversed bar,
/// otherwise it is bold. Empty states: "Searching…", "No results", or the error with "r retry".
enum ResultListView {
    /// Draws the pane into `rect` (header row included).
    static func draw(_ state: BrowserState, in rect: Rect, into grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let list = rect.inset(top: 1)
        let items = state.results.items
        let first = items.isEmpty ? 0 : min(max(state.scrollOffset, 0), items.count - 1)
        let last = min(items.count, first + list.height)
        let idWidth = items.isEmpty ? ResultColumns.defaultIDWidth : ResultColumns.idWidth(for: items[first..<last])
        let layout = ResultColumns(width: rect.width, idWidth: idWidth)
        drawHeader(layout, in: rect.row(0), into: &grid)
        guard !items.isEmpty else {
            drawEmptyState(state, in: list, into: &grid)
            return
        }
        let focused = state.focus == .results
        for index in first..<last {
            let mark: RowMark = index != state.selection ? .none : focused ? .bar : .marker
            drawRow(items[index], layout, mark, in: list.row(index - first), into: &grid)
        }
    }

    /// How a row shows that it is selected.
    enum RowMark {
        case none
        /// The reversed selection bar: the pane has the keys.
        case bar
        /// "›" and bold: another pane has the keys.
        case marker
    }

    private static func drawHeader(_ layout: ResultColumns, in line: Rect, into grid: inout Grid) {
        let style = ViewStyle.header
        grid.draw("ID", rightAlignedTo: line.x + ResultColumns.markerWidth + layout.idWidth, y: line.y,
                  maxWidth: layout.idWidth, style: style)
        grid.draw("TITLE", at: line.x + layout.titleOffset, y: line.y, maxWidth: layout.titleWidth, style: style)
        for (column, offset) in layout.placed {
            drawCell(column.header, column, at: line.x + offset, y: line.y, style: style, into: &grid)
        }
    }

    /// One item: marker, id, title, then the columns that fit, each at its fixed offset.
    static func drawRow(_ asset: Asset, _ layout: ResultColumns, _ mark: RowMark, in line: Rect, into grid: inout Grid) {
        let base: Style = switch mark {
        case .none: .plain
        case .bar: ViewStyle.selected
        case .marker: ViewStyle.selectedUnfocused
        }
        if mark == .bar { grid.fill(line, style: base) }
        if mark != .none { grid.draw("›", at: line.x, y: line.y, maxWidth: 1, style: base) }
        grid.draw(asset.id.description, rightAlignedTo: line.x + ResultColumns.markerWidth + layout.idWidth,
                  y: line.y, maxWidth: layout.idWidth, style: base)
        // "✓ " before the title: the service says this account already holds a license of it.
        let title = asset.heldLicense == nil ? asset.title : "✓ " + asset.title
        grid.draw(title, at: line.x + layout.titleOffset, y: line.y, maxWidth: layout.titleWidth, style: base)
        for (column, offset) in layout.placed {
            var style = base
            if mark != .bar {
                style = ResultColumns.style(column, for: asset)
                style.bold = base.bold
            }
            drawCell(ResultColumns.text(column, for: asset), column, at: line.x + offset, y: line.y, style: style, into: &grid)
        }
    }

    private static func drawCell(_ text: String, _ column: ResultColumns.Column, at x: Int, y: Int, style: Style, into grid: inout Grid) {
        if column.isRightAligned {
            grid.draw(text, rightAlignedTo: x + column.width, y: y, maxWidth: column.width, style: style)
        } else {
            grid.draw(text, at: x, y: y, maxWidth: column.width, style: style)
        }
    }

    /// What an empty list says: searching, the error of the first page, or no results.
    private static func drawEmptyState(_ state: BrowserState, in list: Rect, into grid: inout Grid) {
        guard !list.isEmpty else { return }
        let x = list.x + ResultColumns.markerWidth + 1, width = list.width - ResultColumns.markerWidth - 1
        if state.isLoading {
            grid.draw("Searching…", at: x, y: list.y, maxWidth: width, style: ViewStyle.muted)
        } else if state.failedPage != nil {
            grid.draw(state.errorMessage ?? "The search failed.", at: x, y: list.y, maxWidth: width, style: ViewStyle.error)
            grid.draw("r retry", at: x, y: list.y + 1, maxWidth: list.height > 1 ? width : 0, style: ViewStyle.muted)
        } else if state.activeKey != nil, state.results.skipped > 0 {
            // The service answered, but nothing it sent could be read: not "no results".
            grid.draw("Nothing readable: \(state.results.skipped) left out (unreadable); the log names each.",
                      at: x, y: list.y, maxWidth: width, style: ViewStyle.error)
        } else if state.activeKey != nil {
            let query = state.query.text
            grid.draw(query.allSatisfy(\.isWhitespace) ? "No results." : "No results for “\(query)”.", at: x, y: list.y,
                      maxWidth: width, style: ViewStyle.muted)
        }
    }
}
