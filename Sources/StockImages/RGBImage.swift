/// A picture as 8-bit RGB pixels, row by row from the top left, three bytes per pixel.
///
/// What the decoders produce, what the scaler and the half-block renderer take, and what the demo
/// thumbnail generator draws into.
///
/// ```swift
/// var image = RGBImage(width: 2, height: 1)
/// image[1, 0] = RGB(255, 0, 0)
/// ```
public struct RGBImage: Hashable, Sendable {
    /// Columns of pixels.
    public let width: Int
    /// Rows of pixels.
    public let height: Int
    /// `width * height * 3` bytes: red, green, blue for each pixel, rows top to bottom.
    public var pixels: [UInt8]

    /// A black picture of the given size (both at least 0).
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "an image size cannot be negative")
        self.width = width
        self.height = height
        self.pixels = [UInt8](repeating: 0, count: width * height * 3)
    }

    /// A picture over existing RGB bytes; `pixels.count` must be `width * height * 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 3,
                     "RGB bytes must be width × height × 3")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel at column `x`, row `y` (both inside the picture).
    public subscript(x: Int, y: Int) -> RGB {
        get {
            let i = (y * width + x) * 3
            return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
        }
        set {
            let i = (y * width + x) * 3
            pixels[i] = newValue.red
            pixels[i + 1] = newValue.green
            pixels[i + 2] = newValue.blue
        }
    }

    /// Whether the picture has no pixels.
    public var isEmpty: Bool { width == 0 || height == 0 }
}

/// One 8-bit RGB colour.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    /// Red, 0–255.
    public var red: UInt8
    /// Green, 0–255.
    public var green: UInt8
    /// Blue, 0–255.
    public var blue: UInt8

    /// A colour from its three channels.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`, as tests and messages print it.
    public var description: String {
        func hex(_ v: UInt8) -> String { v < 16 ? "0" + String(v, radix: 16) : String(v, radix: 16) }
        return "#" + hex(red) + hex(green) + hex(blue)
    }
}
