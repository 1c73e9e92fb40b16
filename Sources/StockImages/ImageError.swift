import StockCore

/// Why a picture could not be decoded or encoded, in words for the status line.
///
/// ```swift
/// ImageError.tooManyPixels(width: 65500, height: 65500, limit: 40_000_000).message
/// // "image too large: 65500×65500 pixels, limit 40 MP"
/// ```
public enum ImageError: DescribedError, Hashable, Sendable {
    /// There were no bytes at all.
    case empty
    /// The bytes are of no format ``ImageFormat`` knows; `firstBytes` are the first four or fewer.
    case notAnImage(firstBytes: [UInt8])
    /// A format, or a variant of one (`detail` says which, e.g. 12-bit JPEG), that cannot be decoded.
    case unsupported(ImageFormat, detail: String?)
    /// More encoded bytes than ``ImageLimits/maxEncodedBytes``.
    case tooManyBytes(count: Int, limit: Int)
    /// The header declares more pixels than ``ImageLimits/maxPixels``.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The file is damaged or ends early; `detail` is what libjpeg or libpng said.
    case corrupt(ImageFormat, detail: String)
    /// Memory ran out while decoding or encoding.
    case outOfMemory(ImageFormat, detail: String)
    /// The encoder refused the picture (e.g. a side of 0 pixels).
    case cannotEncode(ImageFormat, detail: String)

    /// One line, e.g. "corrupt JPEG: Premature end of JPEG file".
    public var message: String {
        switch self {
        case .empty:
            "not an image (no bytes)"
        case .notAnImage(let bytes):
            bytes.isEmpty ? "not an image (no bytes)"
                : "not an image (starts with \(bytes.prefix(4).map(Self.hex).joined(separator: " ")))"
        case .unsupported(let format, let detail):
            detail.map { "unsupported \(format.name): \($0)" } ?? "\(format.name) is not supported"
        case .tooManyBytes(let count, let limit):
            "image too large: \(Self.megabytes(count)), limit \(Self.megabytes(limit))"
        case .tooManyPixels(let width, let height, let limit):
            "image too large: \(width)×\(height) pixels, limit \(Self.megapixels(limit))"
        case .corrupt(let format, let detail):
            "corrupt \(format.name): \(detail)"
        case .outOfMemory(let format, let detail):
            "out of memory for a \(format.name): \(detail)"
        case .cannotEncode(let format, let detail):
            "cannot encode a \(format.name): \(detail)"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// "20 MB", "25.3 MB", "512 bytes": decimal units, at most one decimal.
    static func megabytes(_ count: Int) -> String {
        count < 1_000_000 ? "\(count) bytes" : decimal(count, per: 1_000_000) + " MB"
    }

    /// "40 MP", "0.5 MP", "1000 pixels".
    static func megapixels(_ count: Int) -> String {
        count < 100_000 ? "\(count) pixels" : decimal(count, per: 1_000_000) + " MP"
    }

    private static func decimal(_ value: Int, per unit: Int) -> String {
        let tenths = (value * 10 + unit / 2) / unit
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
