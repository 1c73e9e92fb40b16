import Foundation
import Testing
@testable import StockImages

/// Beside chafa on real images, run by `scripts/image-quality.py` (which sets
/// `STOCKTERM_IMAGE_COMPARE` to a directory of `NAME.ppm` files and chafa's `NAME.chafa-MODE.ans`):
/// writes our 40 × 20 pictures as `NAME.ours-MODE.ans` for the script to measure, and checks
/// issue 6's byte budget, at most 1.5 times chafa's bytes in the same colour mode.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STOCKTERM_IMAGE_COMPARE"] != nil))
struct HalfBlockComparisonTests {
    static let modes: [(name: String, mode: ColorMode)] = [("full", .trueColor), ("256", .palette256), ("grey", .grey)]

    @Test func oursBesideChafa() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STOCKTERM_IMAGE_COMPARE"]!)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".ppm") }.sorted()
        #expect(!names.isEmpty, "no .ppm files in \(directory.path)")
        for name in names {
            let stem = String(name.dropLast(4))
            let image = try PortablePixmap.read(Data(contentsOf: directory.appendingPathComponent(name)))
            let picture = HalfBlockRenderer().render(image, columns: 40, rows: 20)
            for (modeName, mode) in Self.modes {
                let bytes = HalfBlockEncoder(mode: mode).encode(picture, row: 1, column: 1)
                try Data(bytes).write(to: directory.appendingPathComponent("\(stem).ours-\(modeName).ans"))
                let chafa = directory.appendingPathComponent("\(stem).chafa-\(modeName).ans")
                if let theirs = try? Data(contentsOf: chafa), modeName != "grey" {
                    #expect(Double(bytes.count) <= 1.5 * Double(theirs.count),
                            "\(stem) \(modeName): \(bytes.count) bytes, chafa \(theirs.count)")
                }
            }
        }
    }

}

/// Reads binary PPM (P6, 8-bit), as `pngtopnm` and `djpeg` write it; for tests only.
enum PortablePixmap {
    /// Not an 8-bit binary PPM.
    struct Invalid: Error {}

    /// The picture in `data`.
    static func read(_ data: Data) throws -> RGBImage {
        let bytes = [UInt8](data)
        var i = 0
        func token() throws -> String {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") {
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                } else if bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
                    i += 1
                } else {
                    break
                }
            }
            let start = i
            while i < bytes.count && !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
            guard i > start else { throw Invalid() }
            return String(decoding: bytes[start ..< i], as: UTF8.self)
        }
        guard try token() == "P6", let width = Int(try token()), let height = Int(try token()),
              try token() == "255", width > 0, height > 0 else { throw Invalid() }
        i += 1   // the single whitespace byte before the pixels
        guard bytes.count - i >= width * height * 3 else { throw Invalid() }
        return RGBImage(width: width, height: height, pixels: Array(bytes[i ..< i + width * height * 3]))
    }
}
