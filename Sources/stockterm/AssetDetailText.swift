import Foundation
import StockCore

/// One asset as labelled lines for people: every field, content warnings first, then the
/// products with their prices. All text from the catalog is sanitised.
struct AssetDetailText {
    let asset: Asset
    let width: Int

    func render() -> String {
        let a = asset
        var out = SafeText.sanitize(a.title) + "\n"
        out += String(repeating: "─", count: min(max(DisplayWidth.of(out) - 1, 10), width)) + "\n"
        if !a.contentWarnings.isEmpty || a.mature {
            let warnings = a.contentWarnings.map(SafeText.sanitize)
            out += "⚠ Content warning: " + (warnings.isEmpty ? "mature content" : warnings.joined(separator: ", ")) + "\n"
        }
        if !a.description.isEmpty {
            out += TextWrap.wrap(SafeText.sanitize(a.description), width: max(20, min(width, 100))).joined(separator: "\n") + "\n"
        }
        out += "\n"
        let fields = AssetFields.fields(of: a)
        let labelWidth = fields.map { DisplayWidth.of($0.0) }.max()! + 2
        for (label, value) in fields {
            let lines = TextWrap.wrap(value, width: max(20, width - labelWidth))
            out += DisplayWidth.pad(label + ":", toWidth: labelWidth) + (lines.first ?? "") + "\n"
            for more in lines.dropFirst() { out += String(repeating: " ", count: labelWidth) + more + "\n" }
        }
        out += productsTable()
        return out
    }

    private func productsTable() -> String {
        guard !asset.products.isEmpty else { return "\nNo products on sale.\n" }
        let rows = asset.products.map { p -> (String, String, String, String) in
            let dims = p.dimensions.map { "\($0.width)×\($0.height)" } ?? ""
            return (SafeText.sanitize(p.name), p.type.label, dims, p.price.formatted)
        }
        let w0 = max(7, rows.map { DisplayWidth.of($0.0) }.max()!), w2 = max(10, rows.map { DisplayWidth.of($0.2) }.max()!)
        let w3 = max(5, rows.map { DisplayWidth.of($0.3) }.max()!)
        var out = "\nProducts\n"
        out += DisplayWidth.pad("PRODUCT", toWidth: w0) + "  " + DisplayWidth.pad("KIND", toWidth: 7) + "  "
            + DisplayWidth.pad("DIMENSIONS", toWidth: w2) + "  " + String(repeating: " ", count: w3 - 5) + "PRICE\n"
        for r in rows {
            out += DisplayWidth.pad(r.0, toWidth: w0) + "  " + DisplayWidth.pad(r.1, toWidth: 7) + "  "
                + DisplayWidth.pad(r.2, toWidth: w2) + "  " + String(repeating: " ", count: max(0, w3 - DisplayWidth.of(r.3))) + r.3 + "\n"
        }
        return out
    }
}
