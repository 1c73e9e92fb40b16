import Foundation
import BrowserModel
import StockCore

/// The detail view of one asset, drawn over the body: the title and a rule stay at the top, the
/// rest scrolls by `detail.scrollOffset`.
///
/// ```text
///  Frozen Lake Baikal at dawn
/// ───────────────────────────────────── 1–20 of 25 ↓ ─
///  ⚠ Content warning: recognisable people without release
///
///  Ice cracks run to the horizon under a pale winter sky;
///  the shore is lined with hummocks of clear blue ice.
///
///  ID              10001
///  Dimensions      6000 × 4000 px, 24 MP, horizontal
///  Exposure        35 mm, f/8, 1/250 s, ISO 100
///  …
///  Products
///  PRODUCT           KIND     DIMENSIONS   PRICE
///  Small             size     800×533      $9.00
/// ```
enum DetailView {
    /// Columns left blank on each side of the text.
    static let margin = 1

    /// Draws the detail into `rect` and returns the largest useful scroll offset. With a
    /// `picture` wanted, its thumbnail goes to the right of the text on a wide screen (at least
    /// `sideBySideWidth` columns) or above it on a narrow one (`PictureBox`).
    static func draw(_ detail: DetailState, in rect: Rect, into grid: inout Grid,
                     picture: PictureState? = nil, pictures: PictureRenderer? = nil) -> Int {
        guard !rect.isEmpty else { return 0 }
        let inner = rect.inset(left: margin, right: margin)
        grid.draw(detail.asset.title, at: inner.x, y: rect.y, maxWidth: inner.width, style: ViewStyle.bold)
        if rect.height > 1 {
            grid.repeatCharacter("─", in: rect.row(1), style: ViewStyle.muted)
        }
        var textArea = Rect(x: inner.x, y: rect.y + 2, width: inner.width, height: max(0, rect.height - 2))
        if let picture, picture.assetID == detail.assetID, textArea.height > 0 {
            textArea = PictureBox.place(picture, pictures: pictures, beside: textArea, into: &grid)
        }

        let content = lines(for: detail, width: textArea.width)
        let visible = textArea.height
        let maxScroll = max(0, content.count - visible)
        let first = min(max(detail.scrollOffset, 0), maxScroll)
        for (offset, line) in content.dropFirst(first).prefix(visible).enumerated() {
            grid.draw(line, at: textArea.x, y: textArea.y + offset, maxWidth: textArea.width)
        }
        if maxScroll > 0, rect.height > 1 {
            // Where the text stands, in the rule: " 1–21 of 26 ↓ ".
            let last = min(content.count, first + visible)
            let position = " \(first + 1)–\(last) of \(content.count) \(last < content.count ? "↓" : "↑") "
            grid.draw(position, rightAlignedTo: inner.maxX, y: rect.y + 1, maxWidth: inner.width, style: ViewStyle.muted)
        }
        return maxScroll
    }

    /// The scrolling content for a text `width` columns wide: status lines, the content warning,
    /// the description, the fields and the products.
    static func lines(for detail: DetailState, width: Int) -> [StyledLine] {
        let asset = detail.asset
        let width = max(1, width)
        var lines: [StyledLine] = []

        if !asset.contentWarnings.isEmpty || asset.mature {
            let warnings = asset.contentWarnings.isEmpty ? "mature content" : asset.contentWarnings.map(SafeText.sanitize).joined(separator: ", ")
            lines += wrap("⚠ Content warning: " + warnings, width: width, style: ViewStyle.warningBold)
        }
        if let latest = PurchaseFlow.latest(detail.licensed) {
            lines.append(StyledLine("✓ " + BrowserState.licensedLine(latest) + "   d download", ViewStyle.accentBold))
        }
        if detail.isLoading {
            lines.append(StyledLine("Loading full details…", ViewStyle.muted))
        }
        if let message = detail.errorMessage {
            lines += wrap(message, width: width, style: ViewStyle.error)
            lines.append(StyledLine("r retry", ViewStyle.muted))
        }
        if !asset.description.isEmpty {
            if !lines.isEmpty { lines.append(.blank) }
            lines += wrap(asset.description, width: width, style: .plain)
        }
        if !lines.isEmpty { lines.append(.blank) }
        lines += fieldLines(AssetFields.fields(of: asset), width: width)
        lines.append(.blank)
        lines += productLines(asset.products, width: width)
        if !detail.licensed.isEmpty {
            lines.append(.blank)
            lines += licensedLines(detail.licensed, width: width)
        }
        return lines
    }

    /// Sanitised text wrapped to `width`, one styled line per row.
    static func wrap(_ text: String, width: Int, style: Style) -> [StyledLine] {
        TextWrap.wrap(SafeText.sanitize(text), width: width).map { StyledLine($0, style) }
    }

    /// Labels in a column, values wrapped beside them.
    static func fieldLines(_ fields: [(label: String, value: String)], width: Int) -> [StyledLine] {
        let labelWidth = min((fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2, max(1, width / 3))
        let valueWidth = max(1, width - labelWidth)
        var lines: [StyledLine] = []
        for (label, value) in fields {
            let values = TextWrap.wrap(SafeText.sanitize(value), width: valueWidth)
            for (index, text) in (values.isEmpty ? [""] : values).enumerated() {
                let head = index == 0 ? DisplayWidth.pad(label, toWidth: labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(StyledLine([.init(head, ViewStyle.muted), .init(text)]))
            }
        }
        return lines
    }

    /// What this account has licensed of the asset, newest first: product, date, reference.
    static func licensedLines(_ products: [LicensedProduct], width: Int) -> [StyledLine] {
        var lines = [StyledLine("Licensed", ViewStyle.bold)]
        let sorted = products.sorted { ($0.licensedAt ?? .distantPast) > ($1.licensedAt ?? .distantPast) }
        for product in sorted {
            let date = product.licensedAt.map(ISODate.formatDay) ?? "date unknown"
            var text = SafeText.sanitize(product.name) + "  " + date + "  " + SafeText.sanitize(product.id)
            if !product.downloadable { text += "  (file no longer offered; the license remains valid)" }
            lines += TextWrap.wrap(text, width: max(1, width)).map { StyledLine($0) }
        }
        return lines
    }

    /// The products on sale as a table: PRODUCT, KIND, DIMENSIONS and PRICE (right-aligned).
    static func productLines(_ products: [Product], width: Int) -> [StyledLine] {
        var lines = [StyledLine("Products", ViewStyle.bold)]
        guard !products.isEmpty else {
            lines.append(StyledLine("No products on sale.", ViewStyle.muted))
            return lines
        }
        let rows = products.map { product in
            (name: SafeText.sanitize(product.name), kind: product.type.label,
             dimensions: product.dimensions.map { "\($0.width)×\($0.height)" } ?? "",
             price: product.price.formatted)
        }
        let kindWidth = 7
        let dimensionsWidth = max(10, rows.map { DisplayWidth.of($0.dimensions) }.max() ?? 0)
        let priceWidth = max(5, rows.map { DisplayWidth.of($0.price) }.max() ?? 0)
        let fixed = kindWidth + dimensionsWidth + priceWidth + 6
        let nameWidth = max(7, min(rows.map { DisplayWidth.of($0.name) }.max() ?? 0, width - fixed))
        func line(_ name: String, _ kind: String, _ dimensions: String, _ price: String, _ style: Style) -> StyledLine {
            let priceText = String(repeating: " ", count: max(0, priceWidth - DisplayWidth.of(price))) + price
            return StyledLine(DisplayWidth.pad(name, toWidth: nameWidth) + "  "
                + DisplayWidth.pad(kind, toWidth: kindWidth) + "  "
                + DisplayWidth.pad(dimensions, toWidth: dimensionsWidth) + "  " + priceText, style)
        }
        lines.append(line("PRODUCT", "KIND", "DIMENSIONS", "PRICE", ViewStyle.header))
        for row in rows { lines.append(line(row.name, row.kind, row.dimensions, row.price, .plain)) }
        return lines
    }
}
