import CImageCodecs
import StockCore

/// Turns the C shim's status codes and messages into ``ImageError``s.
enum CodecStatus {
    /// The error for a failed call; `message` is the shim's NUL-terminated buffer and `declared`
    /// the size the header declared (0×0 when none was read).
    static func error(
        _ status: stk_status,
        format: ImageFormat,
        message: [CChar],
        declared: (width: Int, height: Int),
        limits: ImageLimits
    ) -> ImageError {
        let detail = text(message)
        switch status {
        case STK_NOT_THIS_FORMAT:
            return .corrupt(format, detail: detail)
        case STK_TOO_LARGE where declared.width > 0 && declared.height > 0:
            return .tooManyPixels(width: declared.width, height: declared.height, limit: limits.maxPixels)
        case STK_TOO_LARGE:
            // Refused by the library itself before the size was known, e.g. a JPEG side over 65500.
            return .unsupported(format, detail: detail)
        case STK_OUT_OF_MEMORY:
            return .outOfMemory(format, detail: detail)
        case STK_UNSUPPORTED:
            return .unsupported(format, detail: detail)
        default:
            return .corrupt(format, detail: detail.isEmpty ? "unreadable" : detail)
        }
    }

    /// The message as one safe line: libpng quotes chunk names from the file, which could hold
    /// anything; cut to 160 characters.
    static func text(_ message: [CChar]) -> String {
        let bytes = message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let line = SafeText.sanitize(bytes: bytes)
        return line.count > 160 ? String(line.prefix(159)) + "…" : line
    }
}
