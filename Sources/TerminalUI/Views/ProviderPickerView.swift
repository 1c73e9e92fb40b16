import BrowserModel

/// The provider picker (`p`): the configured providers, then the sandboxes (labelled "sandbox
/// (no real account)"), the active one marked "●", one that cannot be used now marked with its
/// problem, the cursor line reversed.
enum ProviderPickerView {
    /// The last line of the box.
    static let footer = "Enter switches  Esc closes"
    /// Shown under the list when nothing is configured (only the demo catalog and the sandboxes).
    static let configureHint = "More in ~/.config/stockterm/config.toml"

    /// Draws the picker centred on `screen`.
    static func draw(_ state: BrowserState, on screen: Rect, into grid: inout Grid) {
        let entries = state.providers
        guard !entries.isEmpty else { return }
        let nameWidth = entries.map { Grid.displayWidth(of: $0.name) }.max() ?? 0
        let labels = entries.map { entry in
            let mark = entry.name == state.activeProvider ? "● " : "○ "
            let pad = String(repeating: " ", count: nameWidth - Grid.displayWidth(of: entry.name))
            let problem = entry.problem.map { "  (\($0))" } ?? ""
            return mark + entry.name + pad + "  " + entry.displayName + problem
        }
        let extra = entries.filter { !$0.isSandbox }.count == 1 ? [configureHint] : []
        let width = ([footer] + labels + extra).map(Grid.displayWidth(of:)).max() ?? 0
        let box = OverlayBox(contentWidth: width, contentHeight: labels.count + extra.count + 2, on: screen)
        box.draw(title: "Provider", into: &grid)
        let area = box.content
        guard area.height > 0 else { return }

        let room = max(1, area.height - 2 - extra.count)
        let cursor = min(max(state.providerCursor, 0), labels.count - 1)
        let first = FilterPaneView.firstLine(showing: cursor, visible: room, count: labels.count)
        for (offset, index) in (first..<min(labels.count, first + room)).enumerated() {
            let y = area.y + offset
            let style = index == cursor ? ViewStyle.selected : (entries[index].problem == nil ? .plain : ViewStyle.muted)
            if index == cursor {
                grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: ViewStyle.selected)
            }
            grid.draw(labels[index], at: area.x, y: y, maxWidth: area.width, style: style)
        }
        if let hint = extra.first, area.height > 3 {
            grid.draw(hint, at: area.x, y: area.maxY - 2, maxWidth: area.width, style: ViewStyle.muted)
        }
        if area.height > 2 {
            grid.draw(footer, at: area.x, y: area.maxY - 1, maxWidth: area.width, style: ViewStyle.muted)
        }
    }
}
