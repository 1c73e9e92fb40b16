import Foundation
@testable import StockImages

/// The image files in Fixtures/ (see Fixtures/README.md for where each comes from).
enum DecoderFixtures {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "no fixture named \(name)" }
    }

    /// The bytes of `Fixtures/<name>`.
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Decodes `Fixtures/<name>` with the given hint and background.
    static func decode(_ name: String, atLeast hint: (width: Int, height: Int)? = nil,
                       background: RGB = RGB(0, 0, 0)) throws -> RGBImage {
        try ImageDecoder.decode(try bytes(name), atLeast: hint, background: background)
    }

    /// The mean absolute difference per channel between two pictures of one size.
    static func meanDifference(_ a: RGBImage, _ b: RGBImage) -> Double {
        precondition(a.width == b.width && a.height == b.height)
        var sum = 0
        for i in a.pixels.indices { sum += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(sum) / Double(max(1, a.pixels.count))
    }

    /// The error `body` throws, or nil when it returns.
    static func error(_ body: () throws(ImageError) -> RGBImage) -> ImageError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
