/// How much a decoder accepts before it refuses an image: hostile or broken files must give a
/// message, never exhaust memory.
///
/// The pixel limit is checked against the size the file's header declares, before any memory is
/// allocated for pixels, and applies to that declared size even when a JPEG is decoded scaled down.
public struct ImageLimits: Hashable, Sendable {
    /// The most encoded bytes accepted (default 20 MB, 20 000 000 bytes).
    public var maxEncodedBytes: Int
    /// The most pixels (width × height, as the header declares) accepted (default 40 MP,
    /// 40 000 000 pixels).
    public var maxPixels: Int

    /// Limits with the defaults for anything not given.
    public init(maxEncodedBytes: Int = 20_000_000, maxPixels: Int = 40_000_000) {
        self.maxEncodedBytes = maxEncodedBytes
        self.maxPixels = maxPixels
    }

    /// 20 MB and 40 MP.
    public static let standard = ImageLimits()
}
