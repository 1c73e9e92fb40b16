import CImageCodecs
import StockCore

/// Turns JPEG and PNG bytes into an ``RGBImage``, through libjpeg-turbo and libpng behind the C
/// shim in `CImageCodecs` (docs/images.md).
///
/// A damaged, truncated, huge or hostile file throws an ``ImageError``: it never crashes, prints,
/// or allocates more than ``ImageLimits`` allow. Safe to call from any number of threads at once.
///
/// ```swift
/// // A thumbnail for a 40×20-cell preview (40×40 pixels with half blocks): a 493×312 JPEG comes
/// // out at 124×78, 2/8 scale, straight from libjpeg's inverse DCT.
/// let image = try ImageDecoder.decode(bytes, atLeast: (width: 40, height: 40))
/// ```
public enum ImageDecoder {
    /// Decodes `bytes` (JPEG or PNG, told apart by their first bytes).
    ///
    /// - Parameters:
    ///   - atLeast: the size the caller will scale the picture to. A JPEG is then decoded at the
    ///     smallest of the scales 1/8, 2/8 … 8/8 that is still at least this wide and this high
    ///     (full size when none is); the result is never smaller than the hint unless the picture
    ///     itself is. PNG is always decoded at full size. `nil`: full size.
    ///   - background: the colour transparent PNG pixels are composited onto.
    ///   - limits: the most bytes and pixels accepted.
    public static func decode(
        _ bytes: [UInt8],
        atLeast hint: (width: Int, height: Int)? = nil,
        background: RGB = RGB(0, 0, 0),
        limits: ImageLimits = .standard
    ) throws(ImageError) -> RGBImage {
        let result: Result<RGBImage, ImageError> = bytes.withUnsafeBytes { raw in
            Result { () throws(ImageError) in
                try decode(raw, atLeast: hint, background: background, limits: limits)
            }
        }
        return try result.get()
    }

    private static func decode(
        _ raw: UnsafeRawBufferPointer,
        atLeast hint: (width: Int, height: Int)?,
        background: RGB,
        limits: ImageLimits
    ) throws(ImageError) -> RGBImage {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
            throw .empty
        }
        if raw.count > limits.maxEncodedBytes {
            throw .tooManyBytes(count: raw.count, limit: limits.maxEncodedBytes)
        }
        guard let format = ImageFormat.sniff(raw) else {
            throw .notAnImage(firstBytes: Array(raw.prefix(4)))
        }
        let maxPixels = UInt64(max(0, limits.maxPixels))
        var decoded = stk_decoded()
        let capacity = 256
        var message = [CChar](repeating: 0, count: capacity)
        let status: stk_status
        switch format {
        case .jpeg:
            let width = UInt32(clamping: max(0, hint?.width ?? 0))
            let height = UInt32(clamping: max(0, hint?.height ?? 0))
            status = stk_jpeg_decode(base, raw.count, maxPixels, width, height, &decoded, &message, capacity)
        case .png:
            status = stk_png_decode(base, raw.count, maxPixels, background.red, background.green, background.blue,
                                    &decoded, &message, capacity)
        case .webp, .gif:
            throw .unsupported(format, detail: nil)
        }
        defer { stk_free(decoded.pixels) }
        guard status == STK_OK, let pixels = decoded.pixels else {
            throw CodecStatus.error(status, format: format, message: message,
                                    declared: (Int(decoded.source_width), Int(decoded.source_height)),
                                    limits: limits)
        }
        let width = Int(decoded.width), height = Int(decoded.height)
        return RGBImage(width: width, height: height,
                        pixels: Array(UnsafeBufferPointer(start: pixels, count: width * height * 3)))
    }
}
