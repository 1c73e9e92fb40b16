import StockCore

/// An asset's camera data in `AssetJSON`: every key present, `null` where unknown.
struct EXIFJSON: Encodable, Equatable {
    @Nullable var cameraMake: String?
    @Nullable var cameraModel: String?
    @Nullable var lens: String?
    /// Millimetres.
    @Nullable var focalLength: Double?
    /// The f-number.
    @Nullable var aperture: Double?
    /// As photographers write it: "1/250".
    @Nullable var shutter: String?
    @Nullable var iso: Int?
    /// ISO 8601 UTC.
    @Nullable var captureDate: String?

    init(_ e: EXIF) {
        cameraMake = e.cameraMake
        cameraModel = e.cameraModel
        lens = e.lens
        focalLength = e.focalLength
        aperture = e.aperture
        shutter = e.shutter
        iso = e.iso
        captureDate = e.captureDate.map(ISODate.format)
    }
}
