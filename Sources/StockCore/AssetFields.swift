/// An asset's labelled fields for people, shared by the browser's detail view and `stockterm
/// show`: identity and shape, video properties, files, licensing, dates, EXIF, colour and sizes,
/// keywords.
/// Each piece of asset text is sanitised on its own before it is joined to others, so that an
/// unterminated escape sequence in one keyword cannot swallow the next.
///
/// ```swift
/// AssetFields.fields(of: asset).first   // ("ID", "10042")
/// ```
public enum AssetFields {
    private static func safe(_ text: String) -> String { SafeText.sanitize(text) }

    /// The fields of `asset` that have a value, in display order.
    public static func fields(of asset: Asset) -> [(label: String, value: String)] {
        let a = asset
        var fields: [(label: String, value: String)] = [("ID", a.id.description), ("Type", a.kind.rawValue)]
        if let c = a.contributor { fields.append(("Contributor", "\(safe(c.name)) (\(c.id))")) }
        if let attribution = a.attribution { fields.append(("Attribution", safe(attribution))) }
        fields.append(("Dimensions", "\(a.width) × \(a.height) px, \(NumericText.trim(a.megapixels)) MP, \(a.orientation.rawValue)"))
        if let d = a.duration, a.kind == .video { fields.append(("Duration", Format.duration(d))) }
        if let fps = a.fps { fields.append(("Frame rate", "\(NumericText.trim(fps)) fps")) }
        if let r = a.videoResolution { fields.append(("Resolution", r.rawValue)) }
        if let codec = a.codec { fields.append(("Codec", safe(codec))) }
        if let size = a.fileSize { fields.append(("File size", Format.bytes(size))) }
        if !a.formats.isEmpty { fields.append(("Formats", a.formats.map(safe).joined(separator: ", "))) }
        if let c = a.category { fields.append(("Category", safe(c))) }
        let licenses = a.licenseTypes.map(\.rawValue) + a.otherLicenses.map { "unknown (\"\(safe($0))\")" }
        fields.append(("Licenses", licenses.isEmpty ? "unknown" : licenses.joined(separator: ", ")))
        fields.append(("Price level", a.premiumLevel.label))
        if let held = a.heldLicense { fields.append(("Licensed", "\(safe(held)) (the service says this account holds it)")) }
        if let camera = a.camera { fields.append(("Camera type", camera.rawValue)) }
        if let composition = a.composition { fields.append(("Composition", composition.rawValue)) }
        if a.ungraded { fields.append(("Grading", "ungraded")) }
        if a.curated { fields.append(("Curated", "yes")) }
        fields.append(("Created", a.createdIsKnown ? ISODate.formatDay(a.created) : "unknown"))
        fields.append(("Popularity", Format.count(a.popularity)))
        if let exif = a.exif, !exif.isEmpty { fields += exifFields(exif) }
        if let profile = a.colorProfile { fields.append(("Colour profile", profile.rawValue)) }
        if !a.resolutionTiers.isEmpty {
            fields.append(("Sizes", a.resolutionTiers.map { "\(safe($0.name)) \($0.width)×\($0.height)" }.joined(separator: ", ")))
        }
        if !a.keywords.isEmpty { fields.append(("Keywords", a.keywords.map(safe).joined(separator: ", "))) }
        return fields
    }

    /// Camera, lens, exposure and capture time.
    public static func exifFields(_ e: EXIF) -> [(label: String, value: String)] {
        var out: [(label: String, value: String)] = []
        let camera = e.cameraName.map(safe) ?? ""
        if !camera.isEmpty { out.append(("Camera", camera)) }
        if let lens = e.lens { out.append(("Lens", safe(lens))) }
        var exposure: [String] = []
        if let f = e.focalLength { exposure.append("\(NumericText.trim(f)) mm") }
        if let a = e.aperture { exposure.append("f/\(NumericText.trim(a))") }
        if let s = e.shutter { exposure.append("\(safe(s)) s") }
        if let iso = e.iso { exposure.append("ISO \(iso)") }
        if !exposure.isEmpty { out.append(("Exposure", exposure.joined(separator: ", "))) }
        if let d = e.captureDate { out.append(("Captured", ISODate.format(d))) }
        return out
    }
}
