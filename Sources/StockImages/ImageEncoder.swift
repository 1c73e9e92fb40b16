import CImageCodecs

/// Turns an ``RGBImage`` into JPEG or PNG bytes, through libjpeg-turbo and libpng. Used for the
/// demo catalog's generated thumbnails (served as JPEG) and in tests. Safe to call from any number
/// of threads at once.
///
/// ```swift
/// let jpeg = try ImageEncoder.jpeg(image, quality: 85)
/// let png = try ImageEncoder.png(image)
/// ```
public enum ImageEncoder {
    /// A baseline JPEG (4:2:0 chroma, optimised Huffman tables) at `quality` 1–100 (clamped).
    /// Each side of `image` must be 1 to 65500 pixels.
    public static func jpeg(_ image: RGBImage, quality: Int = 85) throws(ImageError) -> [UInt8] {
        try encode(image, format: .jpeg) { rgb, encoded, message in
            stk_jpeg_encode(rgb, UInt32(image.width), UInt32(image.height), Int32(clamping: quality),
                            encoded, message.baseAddress, message.count)
        }
    }

    /// An 8-bit RGB PNG, not interlaced. Each side of `image` must be at least 1 pixel.
    public static func png(_ image: RGBImage) throws(ImageError) -> [UInt8] {
        try encode(image, format: .png) { rgb, encoded, message in
            stk_png_encode(rgb, UInt32(image.width), UInt32(image.height), encoded,
                           message.baseAddress, message.count)
        }
    }

    private static func encode(
        _ image: RGBImage,
        format: ImageFormat,
        call: (UnsafePointer<UInt8>, UnsafeMutablePointer<stk_encoded>, UnsafeMutableBufferPointer<CChar>) -> stk_status
    ) throws(ImageError) -> [UInt8] {
        guard image.width > 0, image.height > 0, image.width <= Int(UInt32.max), image.height <= Int(UInt32.max) else {
            throw .cannotEncode(format, detail: "the picture is \(image.width)×\(image.height) pixels")
        }
        var encoded = stk_encoded()
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { rgb in
            message.withUnsafeMutableBufferPointer { text in
                call(rgb.baseAddress!, &encoded, text)
            }
        }
        defer { stk_free(encoded.bytes) }
        guard status == STK_OK, let bytes = encoded.bytes else {
            let detail = CodecStatus.text(message)
            throw status == STK_OUT_OF_MEMORY ? .outOfMemory(format, detail: detail) : .cannotEncode(format, detail: detail)
        }
        return Array(UnsafeBufferPointer(start: bytes, count: encoded.count))
    }
}
