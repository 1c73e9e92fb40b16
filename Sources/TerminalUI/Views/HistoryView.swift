import BrowserModel
import Foundation
import StockCore

/// The purchase history (`L`): the ledger's purchases, newest first, with their state; Tab
/// switches to the service's own license history (purchases made elsewhere too) and back.
///
/// ```text
/// ┌─ Purchases in this machine's ledger ──────────────────┐
/// │ 2026-11-23  10001  Medium            $75.00  licensed │
/// │ 2026-11-22  10044  Standard        1 credit  pending  │
/// └───────────────────────────────────────────────────────┘
/// ```
enum HistoryView {
    static func footer(_ source: HistorySource) -> String {
        source == .ledger ? "Tab service's history  Enter download  Esc close" : "Tab ledger  Enter download  Esc close"
    }

    static func title(_ state: BrowserState, _ source: HistorySource) -> String {
        source == .ledger ? "Purchases in this machine's ledger" : "Licenses in \(SafeText.sanitize(state.providerName))'s history"
    }

    static func draw(_ state: BrowserState, on screen: Rect, spinnerFrame: Int, into grid: inout Grid) {
        guard let history = state.history else { return }
        let width = min(90, max(20, screen.width - 4))
        let height = max(3, screen.height - 4)
        let box = OverlayBox(contentWidth: width, contentHeight: height, on: screen)
        box.draw(title: title(state, history.source), into: &grid)
        let area = box.content
        guard area.height > 1 else { return }
        var y = area.y
        if history.records.isEmpty {
            let text: String
            if history.requestID != nil {
                text = "\(Spinner.glyph(frame: spinnerFrame)) " + (history.source == .ledger ? "Loading the ledger…" : "Asking the service…")
            } else if let error = history.errorMessage { text = error }
            else if let note = history.note { text = SafeText.sanitize(note) }
            else if history.source == .service { text = "The service reports no licenses for this account." }
            else { text = "No purchases yet. Open an asset and press l to license it." }
            grid.draw(text, at: area.x, y: y, maxWidth: area.width, style: history.errorMessage == nil ? ViewStyle.muted : ViewStyle.error)
        }
        let room = area.height - 2
        let first = FilterPaneView.firstLine(showing: history.cursor, visible: max(1, room), count: history.records.count)
        for index in first..<min(history.records.count, first + max(0, room)) {
            let line = text(for: history.records[index], width: area.width)
            if index == history.cursor {
                grid.fill(Rect(x: area.x - 1, y: y, width: area.width + 2, height: 1), style: ViewStyle.selected)
            }
            grid.draw(line, at: area.x, y: y, maxWidth: area.width,
                      style: index == history.cursor ? ViewStyle.selected : style(for: history.records[index]))
            y += 1
        }
        if let error = history.errorMessage, !history.records.isEmpty {
            grid.draw(error, at: area.x, y: area.maxY - 2, maxWidth: area.width, style: ViewStyle.error)
        } else if history.skipped > 0 {
            let n = history.skipped
            grid.draw("\(n) record\(n == 1 ? "" : "s") of the service's history could not be read and \(n == 1 ? "is" : "are") left out",
                      at: area.x, y: area.maxY - 2, maxWidth: area.width, style: ViewStyle.muted)
        }
        grid.draw(footer(history.source), at: area.x, y: area.maxY - 1, maxWidth: area.width, style: ViewStyle.muted)
    }

    /// One record: date, asset, what (and the title the service gives), total, state.
    static func text(for record: PurchaseRecord, width: Int) -> String {
        let state: String
        switch record.state {
        case "confirmed": state = record.products.contains { !$0.downloadable } ? "no file" : "licensed"
        case "pending": state = "checking"
        case "unresolved": state = "unknown"
        default: state = record.state
        }
        let right = (record.total?.formatted ?? "") + "  " + DisplayWidth.pad(state, toWidth: 8)
        var left = (record.date.map(ISODate.formatDay) ?? "          ") + "  " + String(record.assetID.rawValue)
            + "  " + SafeText.sanitize(record.what)
        if let title = record.title { left += " · " + SafeText.sanitize(title) }
        return PurchaseView.fit(left, right: right, width: width)
    }

    static func style(for record: PurchaseRecord) -> Style {
        switch record.state {
        case "confirmed": .plain
        case "failed": ViewStyle.muted
        default: ViewStyle.warning
        }
    }
}
