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
        var fields: [(String, String)] = [("ID", a.id.description), ("Type", a.kind.rawValue)]
        if let c = a.contributor { fields.append(("Contributor", "\(SafeText.sanitize(c.name)) (\(c.id))")) }
        if let attribution = a.attribution { fields.append(("Attribution", SafeText.sanitize(attribution))) }
        fields.append(("Dimensions", "\(a.width) × \(a.height) px, \(NumericText.trim(a.megapixels)) MP, \(a.orientation.rawValue)"))
        if let d = a.duration, a.kind == .video { fields.append(("Duration", Format.duration(d))) }
        if let fps = a.fps { fields.append(("Frame rate", "\(NumericText.trim(fps)) fps")) }
        if let r = a.videoResolution { fields.append(("Resolution", r.rawValue)) }
        if let codec = a.codec { fields.append(("Codec", SafeText.sanitize(codec))) }
        if let size = a.fileSize { fields.append(("File size", Format.bytes(size))) }
        if !a.formats.isEmpty { fields.append(("Formats", a.formats.map(SafeText.sanitize).joined(separator: ", "))) }
        if let c = a.category { fields.append(("Category", SafeText.sanitize(c))) }
        fields.append(("Licenses", a.licenseTypes.map(\.rawValue).joined(separator: ", ")))
        fields.append(("Price level", a.premiumLevel.label))
        if let camera = a.camera { fields.append(("Camera type", camera.rawValue)) }
        if let comp = a.composition { fields.append(("Composition", comp.rawValue)) }
        if a.ungraded { fields.append(("Grading", "ungraded")) }
        if a.curated { fields.append(("Curated", "yes")) }
        fields.append(("Created", ISODate.formatDay(a.created)))
        fields.append(("Popularity", Format.count(a.popularity)))
        if let exif = a.exif, !exif.isEmpty { fields += exifFields(exif) }
        if let profile = a.colorProfile { fields.append(("Colour profile", profile.rawValue)) }
        if !a.resolutionTiers.isEmpty {
            fields.append(("Sizes", a.resolutionTiers.map { "\(SafeText.sanitize($0.name)) \($0.width)×\($0.height)" }.joined(separator: ", ")))
        }
        if !a.keywords.isEmpty { fields.append(("Keywords", a.keywords.map(SafeText.sanitize).joined(separator: ", "))) }
        let labelWidth = fields.map { DisplayWidth.of($0.0) }.max()! + 2
        for (label, value) in fields {
            let lines = TextWrap.wrap(value, width: max(20, width - labelWidth))
            out += DisplayWidth.pad(label + ":", toWidth: labelWidth) + (lines.first ?? "") + "\n"
            for more in lines.dropFirst() { out += String(repeating: " ", count: labelWidth) + more + "\n" }
        }
        out += productsTable()
        return out
    }

    private func exifFields(_ e: EXIF) -> [(String, String)] {
        var out: [(String, String)] = []
        let camera = e.cameraName.map(SafeText.sanitize) ?? ""
        if !camera.isEmpty { out.append(("Camera", camera)) }
        if let lens = e.lens { out.append(("Lens", SafeText.sanitize(lens))) }
        var exposure: [String] = []
        if let f = e.focalLength { exposure.append("\(NumericText.trim(f)) mm") }
        if let a = e.aperture { exposure.append("f/\(NumericText.trim(a))") }
        if let s = e.shutter { exposure.append("\(SafeText.sanitize(s)) s") }
        if let iso = e.iso { exposure.append("ISO \(iso)") }
        if !exposure.isEmpty { out.append(("Exposure", exposure.joined(separator: ", "))) }
        if let d = e.captureDate { out.append(("Captured", ISODate.format(d))) }
        return out
    }

    private func productsTable() -> String {
        guard !asset.products.isEmpty else { return "\nNo products on sale.\n" }
        let rows = asset.products.map { p -> (String, String, String, String) in
            let dims = p.dimensions.map { "\($0.width)×\($0.height)" } ?? ""
            return (SafeText.sanitize(p.name), p.type == .license ? "license" : "size", dims, p.price.formatted)
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
