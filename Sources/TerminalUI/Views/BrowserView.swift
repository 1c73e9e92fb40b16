import BrowserModel

/// The whole browser screen as a function of its state (and, for pictures, of the decoded
/// thumbnails `pictures` has).
///
/// ```swift
/// var grid = Grid(width: 80, height: 24)
/// let outcome = BrowserView.render(state, into: &grid, spinnerFrame: frame)
/// screen.blit(grid); screen.moveCursor(outcome.cursor)
/// if let maxScroll = outcome.detailMaxScroll, maxScroll != state.detail?.maxScroll {
///     send(.detailMeasured(maxScroll: maxScroll))
/// }
/// ```
///
/// Layers, bottom to top: search bar, status line, body (filters │ results, or the detail view),
/// then the purchase history, the licensing flow, the pickers and the help overlay. See docs/terminal-views.md.
public enum BrowserView {
    /// Draws the whole screen for `state` into `grid`, which is cleared first; the grid's size is
    /// the terminal's. `spinnerFrame` picks the spinner's glyph while something loads.
    public static func render(_ state: BrowserState, into grid: inout Grid, spinnerFrame: Int,
                              pictures: PictureRenderer? = nil) -> RenderOutcome {
        grid.clear()
        let layout = BrowserLayout(width: grid.width, height: grid.height, focus: state.focus)
        guard !layout.isTooSmall else {
            drawTooSmall(into: &grid)
            return RenderOutcome()
        }

        var outcome = RenderOutcome()
        let overlay = state.showsHelp || state.showsSortPicker || state.showsProviderPicker
            || state.purchase != nil || state.history != nil
        let cursor = SearchBarView.draw(state, in: layout.searchBar, into: &grid,
                                        showsCursor: !overlay && state.detail == nil)

        if let detail = state.detail {
            outcome.detailMaxScroll = DetailView.draw(detail, in: layout.body, into: &grid,
                                                      picture: state.picture, pictures: pictures)
        } else {
            FilterPaneView.draw(state, in: layout.filters, into: &grid)
            grid.repeatCharacter("│", in: layout.separator, style: ViewStyle.muted)
            var results = layout.results
            if state.showsPreview, state.picturesEnabled, results.width >= PictureBox.previewMinimumWidth {
                // The preview pane (i): the selected result's picture right of the list.
                let columns = min(PictureBox.sideColumns, results.width * 2 / 5)
                let box = Rect(x: results.maxX - columns, y: results.y, width: columns, height: results.height)
                results = Rect(x: results.x, y: results.y, width: results.width - columns - 1, height: results.height)
                grid.repeatCharacter("│", in: Rect(x: box.x - 1, y: box.y, width: 1, height: box.height), style: ViewStyle.muted)
                if let picture = state.picture, picture.assetID == state.selectedAsset?.id {
                    PictureBox.draw(picture, pictures: pictures, in: box, into: &grid)
                }
            }
            ResultListView.draw(state, in: results, into: &grid)
        }
        StatusLineView.draw(state, in: layout.status, visibleRows: layout.resultRows, spinnerFrame: spinnerFrame,
                            into: &grid)

        var overlayCursor: CursorPosition?
        if state.history != nil { HistoryView.draw(state, on: grid.bounds, spinnerFrame: spinnerFrame, into: &grid) }
        if state.purchase != nil {
            overlayCursor = PurchaseView.draw(state, on: grid.bounds, spinnerFrame: spinnerFrame, into: &grid)
        }
        if state.showsSortPicker { SortPickerView.draw(state, on: grid.bounds, into: &grid) }
        if state.showsProviderPicker { ProviderPickerView.draw(state, on: grid.bounds, into: &grid) }
        if state.showsHelp { HelpOverlayView.draw(state, on: grid.bounds, into: &grid) }
        outcome.cursor = state.showsHelp ? nil : (overlayCursor ?? cursor)
        return outcome
    }

    /// "terminal too small", centred, with the size needed and the size there is.
    static func drawTooSmall(into grid: inout Grid) {
        let lines = [
            "terminal too small",
            "needs \(BrowserLayout.minimumWidth)×\(BrowserLayout.minimumHeight), is \(grid.width)×\(grid.height)",
        ]
        let top = max(0, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            grid.draw(line, centeredIn: grid.bounds, y: top + offset, style: offset == 0 ? ViewStyle.warningBold : ViewStyle.muted)
        }
    }
}
