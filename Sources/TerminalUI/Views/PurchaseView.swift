import BrowserModel
import Foundation
import StockCore

/// The licensing flow over the detail view (`l`), one screen per step of `PurchaseFlow`:
///
/// ```text
/// ┌─ License · Theatre masks in an art studio ─────────────┐
/// │ Stocksy royalty-free license                           │
/// │ (•) Medium        2231 × 1487 px               $75.00  │
/// │ [ ] Products for resale                        $250.00 │
/// │ Balance $437.50                                        │
/// │ Space choose  Enter continue  Esc cancel               │
/// └────────────────────────────────────────────────────────┘
/// ```
/// The confirmation lists each line with its price, subtotal, tax, total, the balance or quota
/// before and after and the license; focus starts on Cancel.
enum PurchaseView {
    /// The widest the box grows.
    static let maximumWidth = 76

    /// Draws the flow centred on `screen`; returns where the terminal cursor goes (in a
    /// reference field), if anywhere.
    static func draw(_ state: BrowserState, on screen: Rect, spinnerFrame: Int, into grid: inout Grid) -> CursorPosition? {
        guard let flow = state.purchase else { return nil }
        let width = min(maximumWidth, max(20, screen.width - 4))
        var content = lines(for: flow, state: state, width: width, spinnerFrame: spinnerFrame)
        var cursorLine: (index: Int, column: Int)?
        if flow.step == .references {
            let form = referenceLines(flow, width: width)
            cursorLine = form.cursor.map { (content.count + $0.line, $0.column) }
            content += form.lines
            content += footerLines(flow, width: width)
        }
        let box = OverlayBox(contentWidth: width, contentHeight: content.count, on: screen)
        box.draw(title: "License · " + SafeText.sanitize(flow.asset.title), into: &grid)
        let area = box.content
        guard area.height > 0 else { return nil }
        // When the screen is short, the top lines go first: the buttons and the notice stay.
        let shown = content.count > area.height ? Array(content.suffix(area.height)) : content
        let dropped = content.count - shown.count
        for (offset, line) in shown.enumerated() {
            grid.draw(line, at: area.x, y: area.y + offset, maxWidth: area.width)
        }
        guard let cursorLine, cursorLine.index >= dropped else { return nil }
        return CursorPosition(x: min(area.x + cursorLine.column, area.maxX - 1), y: area.y + cursorLine.index - dropped)
    }

    /// The lines of every step but the reference form's fields.
    static func lines(for flow: PurchaseFlow, state: BrowserState, width: Int, spinnerFrame: Int) -> [StyledLine] {
        switch flow.step {
        case .loadingOffer:
            return [StyledLine("\(Spinner.glyph(frame: spinnerFrame)) Loading sizes, prices and the account…", ViewStyle.accent),
                    .blank, StyledLine("Esc cancel", ViewStyle.muted)]
        case .choosing:
            return choosingLines(flow, width: width)
        case .references:
            return [StyledLine("License references", ViewStyle.bold)]
        case .confirming, .sending:
            return confirmationLines(flow, width: width, spinnerFrame: spinnerFrame)
        case .done(let receipt):
            return doneLines(flow, receipt: receipt, state: state, width: width)
        case .failed(let message):
            return DetailView.wrap(message, width: width, style: ViewStyle.error)
                + [.blank, StyledLine("Nothing more is sent. Enter or Esc closes.", ViewStyle.muted)]
        }
    }

    // MARK: Steps

    private static func choosingLines(_ flow: PurchaseFlow, width: Int) -> [StyledLine] {
        guard let offer = flow.offer else { return [] }
        var lines = [StyledLine(SafeText.sanitize(offer.licenseName), ViewStyle.muted)]
        if let latest = flow.latestLicense {
            lines.append(StyledLine("✓ " + BrowserState.licensedLine(latest), ViewStyle.accentBold))
        }
        let priceWidth = max(5, offer.options.map { DisplayWidth.of($0.cost.formatted) }.max() ?? 0)
        let nameWidth = min(width / 2, offer.options.map { DisplayWidth.of(SafeText.sanitize($0.name)) }.max() ?? 0)
        for (index, row) in flow.choiceRows.enumerated() {
            let text: String
            switch row {
            case .option(let option):
                let mark = option.type == .deliverable ? (flow.isChosen(option) ? "(•) " : "( ) ")
                                                       : (flow.isChosen(option) ? "[x] " : "[ ] ")
                let price = option.cost.formatted
                let name = DisplayWidth.pad(DisplayWidth.truncate(SafeText.sanitize(option.name), toWidth: nameWidth), toWidth: nameWidth)
                let label = mark + name + (option.detail.isEmpty ? "" : "  " + SafeText.sanitize(option.detail))
                text = fit(label, right: String(repeating: " ", count: priceWidth - DisplayWidth.of(price)) + price, width: width)
            case .licenseAgain:
                text = (flow.licenseAgain ? "[x] " : "[ ] ") + "License again (buys another license)"
            }
            let selected = index == flow.cursor
            lines.append(StyledLine(DisplayWidth.pad(text, toWidth: width), selected ? ViewStyle.selected : .plain))
        }
        lines.append(.blank)
        lines.append(accountLine(offer))
        return lines + footerLines(flow, width: width)
    }

    /// Label fields and their text boxes; the cursor's line and column within them.
    static func referenceLines(_ flow: PurchaseFlow, width: Int) -> (lines: [StyledLine], cursor: (line: Int, column: Int)?) {
        guard let offer = flow.offer else { return ([], nil) }
        let labels = offer.references.map { SafeText.sanitize($0.label) + ($0.required ? " *" : "") }
        let labelWidth = min((labels.map(DisplayWidth.of).max() ?? 0) + 2, width / 2)
        let fieldWidth = max(4, width - labelWidth)
        var lines: [StyledLine] = []
        var cursor: (line: Int, column: Int)?
        for (index, label) in labels.enumerated() {
            let editor = flow.references.indices.contains(index) ? flow.references[index] : QueryEditor()
            let text = SafeText.sanitize(editor.text)
            // Keep the end of a long value, where the cursor usually is, in view.
            let visible = tail(text, width: fieldWidth - 1)
            let focused = index == flow.cursor
            let field = DisplayWidth.pad(visible, toWidth: fieldWidth)
            lines.append(StyledLine([.init(DisplayWidth.pad(DisplayWidth.truncate(label, toWidth: labelWidth - 1), toWidth: labelWidth),
                                           focused ? ViewStyle.accentBold : ViewStyle.muted),
                                     .init(field, Style(underline: true))]))
            if focused {
                let beforeCursor = SafeText.sanitize(String(editor.characters.prefix(editor.cursor)))
                let hidden = DisplayWidth.of(text) - DisplayWidth.of(visible)
                cursor = (lines.count - 1, labelWidth + max(0, DisplayWidth.of(beforeCursor) - hidden))
            }
        }
        if offer.references.contains(where: \.required) { lines.append(StyledLine("* required", ViewStyle.muted)) }
        return (lines, cursor)
    }

    private static func confirmationLines(_ flow: PurchaseFlow, width: Int, spinnerFrame: Int) -> [StyledLine] {
        guard let offer = flow.offer, let quote = flow.quote else { return [StyledLine("Nothing chosen.", ViewStyle.error)] }
        var lines = [StyledLine("Confirm the license", ViewStyle.bold)]
        lines.append(StyledLine("Asset \(flow.asset.id)  " + SafeText.sanitize(flow.asset.title), ViewStyle.muted))
        lines.append(.blank)
        for option in quote.lines {
            let label = SafeText.sanitize(option.name) + (option.detail.isEmpty ? "" : "  " + SafeText.sanitize(option.detail))
            lines.append(StyledLine(fit(label, right: option.cost.formatted, width: width)))
        }
        lines.append(StyledLine(String(repeating: "─", count: width), ViewStyle.muted))
        lines.append(StyledLine(fit("Subtotal", right: quote.subtotal.formatted, width: width)))
        if case .money = quote.tax { lines.append(StyledLine(fit("Tax", right: quote.tax.formatted, width: width))) }
        lines.append(StyledLine(fit("Total", right: quote.total.formatted, width: width), ViewStyle.bold))
        let noun = quote.total.isCredits ? "Quota" : "Balance"
        if let before = quote.before, let after = quote.after {
            let style = quote.isAffordable ? Style.plain : ViewStyle.error
            lines.append(StyledLine(fit(noun, right: "\(before.formatted) → \(after.formatted)", width: width), style))
        } else {
            lines.append(StyledLine(fit(noun, right: "not reported by the service", width: width), ViewStyle.muted))
        }
        lines.append(StyledLine(fit("License", right: SafeText.sanitize(quote.licenseName), width: width)))
        if let order = flow.order, !offer.references.isEmpty {
            let refs = offer.references.compactMap { field in
                order.references[field.id].map { SafeText.sanitize(field.label) + ": " + SafeText.sanitize($0) }
            }
            if !refs.isEmpty { lines += DetailView.wrap("References  " + refs.joined(separator: " · "), width: width, style: .plain) }
        }
        if flow.licenseAgain { lines.append(StyledLine("This buys the asset again (license again).", ViewStyle.warningBold)) }
        if offer.account.isDemo { lines.append(StyledLine("Demo account: no real money is charged.", ViewStyle.muted)) }
        lines.append(.blank)
        if flow.isSending {
            lines.append(StyledLine("\(Spinner.glyph(frame: spinnerFrame)) Licensing… the request is on its way", ViewStyle.accent))
            return lines
        }
        let cancel = "[ Cancel ]"
        let license = "[ License for \(quote.total.formatted) ]"
        let licenseStyle = flow.refusal != nil ? ViewStyle.muted : (flow.button == .license ? ViewStyle.selected : ViewStyle.accentBold)
        let gap = "   "
        let pad = max(0, (width - DisplayWidth.of(cancel + gap + license)) / 2)
        lines.append(StyledLine([.init(String(repeating: " ", count: pad)),
                                 .init(cancel, flow.button == .cancel ? ViewStyle.selected : .plain),
                                 .init(gap), .init(license, licenseStyle)]))
        if let notice = flow.notice ?? flow.refusal {
            lines += DetailView.wrap(notice, width: width, style: ViewStyle.error)
        }
        lines.append(StyledLine("←/→ choose a button  Enter press it  y license now  Esc cancel", ViewStyle.muted))
        return lines
    }

    private static func doneLines(_ flow: PurchaseFlow, receipt: LicenseReceipt, state: BrowserState, width: Int) -> [StyledLine] {
        var lines = [StyledLine("✓ Licensed: purchase \(SafeText.sanitize(receipt.purchaseID)) on \(ISODate.formatDay(receipt.date))",
                                ViewStyle.accentBold)]
        if let total = receipt.total { lines.append(StyledLine(fit("Charged", right: total.formatted, width: width))) }
        if let offer = flow.offer { lines.append(accountLine(offer, prefix: flow.refreshID == nil ? "Now: " : "Updating: ")) }
        lines.append(.blank)
        for (index, product) in receipt.products.enumerated() {
            let status = state.downloads.last { $0.product.id == product.id }.map(downloadText) ?? "d download"
            let text = fit(SafeText.sanitize(product.name) + "  " + SafeText.sanitize(product.id), right: status, width: width)
            lines.append(StyledLine(DisplayWidth.pad(text, toWidth: width), index == flow.cursor ? ViewStyle.selected : .plain))
        }
        lines.append(.blank)
        lines.append(StyledLine("↑/↓ choose  d or Enter download  Esc close", ViewStyle.muted))
        return lines
    }

    // MARK: Parts

    private static func footerLines(_ flow: PurchaseFlow, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let notice = flow.notice { lines += DetailView.wrap(notice, width: width, style: ViewStyle.error) }
        let keys = flow.step == .references ? "Tab next field  Enter continue  Esc cancel" : "Space choose  Enter continue  Esc cancel"
        lines.append(StyledLine(keys, ViewStyle.muted))
        return lines
    }

    /// "Demo account · balance $437.50 (no real money)", "Studio · quota 48 credits left · Professional".
    static func accountLine(_ offer: LicenseOffer, prefix: String = "") -> StyledLine {
        let account = offer.account
        var parts = [account.isDemo ? "Demo account" : SafeText.sanitize(account.name)]
        if let balance = account.balance { parts.append("balance \(balance.formatted)") }
        if let quota = account.remainingQuota { parts.append("quota \(LicenseCost.credits(quota).formatted) left") }
        if let tier = account.licenseTier, !account.isDemo { parts.append(SafeText.sanitize(tier)) }
        return StyledLine(prefix + parts.joined(separator: " · ") + (account.isDemo ? " (no real money)" : ""), ViewStyle.muted)
    }

    /// "48%  3.1 MB/s", "saved", "failed".
    static func downloadText(_ status: DownloadStatus) -> String {
        switch status.phase {
        case .running:
            guard let total = status.progress.total, total > 0 else { return Format.bytes(status.progress.received) }
            return "\(Int(Double(status.progress.received) * 100 / Double(total)))%"
        case .finished: return "saved"
        case .failed: return "failed"
        }
    }

    /// The end of `text` that fits in `width` columns (a long field value scrolls left).
    static func tail(_ text: String, width: Int) -> String {
        var kept: [Character] = []
        var used = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            guard used + w <= width else { break }
            kept.append(character)
            used += w
        }
        return String(kept.reversed())
    }

    /// `left` and `right` on one line of `width`, `left` cut with "…" when they do not fit.
    static func fit(_ left: String, right: String, width: Int) -> String {
        let rightWidth = DisplayWidth.of(right)
        let room = max(1, width - rightWidth - 2)
        let shown = DisplayWidth.truncate(left, toWidth: room)
        return DisplayWidth.pad(shown, toWidth: room) + "  " + right
    }
}
