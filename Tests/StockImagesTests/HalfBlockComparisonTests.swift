import Foundation
import Testing
@testable import StockImages

/// Beside chafa on real images, run by `scripts/image-quality.py` (which sets
/// `STOCKTERM_IMAGE_COMPARE` to a directory of `NAME.ppm` files and chafa's `NAME.chafa-MODE.ans`):
/// writes our 40 × 20 pictures as `NAME.ours-MODE.ans` for the script to measure, with
/// `PictureQuality.meanError` of each in `ours.tsv` (so that the script's measure can be checked
/// against it), and checks issue 6's byte budget, at most 1.5 times chafa's bytes in the same
/// colour mode.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STOCKTERM_IMAGE_COMPARE"] != nil))
struct HalfBlockComparisonTests {
    static let modes: [(name: String, mode: ColorMode)] = [("full", .trueColor), ("256", .palette256), ("grey", .grey)]

    @Test func oursBesideChafa() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["STOCKTERM_IMAGE_COMPARE"]!)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".ppm") }.sorted()
        #expect(!names.isEmpty, "no .ppm files in \(directory.path)")
        var table = ""
        for name in names {
            let stem = String(name.dropLast(4))
            let image = try PortablePixmap.read(Data(contentsOf: directory.appendingPathComponent(name)))
            let picture = HalfBlockRenderer().render(image, columns: 40, rows: 20)
            for (modeName, mode) in Self.modes {
                let bytes = HalfBlockEncoder(mode: mode).encode(picture, row: 1, column: 1)
                try Data(bytes).write(to: directory.appendingPathComponent("\(stem).ours-\(modeName).ans"))
                let error = PictureQuality.meanError(picture: picture, mode: mode, reference: image)
                table += "\(stem)\t\(modeName)\t\(bytes.count)\t\(error)\n"
                let chafa = directory.appendingPathComponent("\(stem).chafa-\(modeName).ans")
                if let theirs = try? Data(contentsOf: chafa), modeName != "grey" {
                    #expect(Double(bytes.count) <= 1.5 * Double(theirs.count),
                            "\(stem) \(modeName): \(bytes.count) bytes, chafa \(theirs.count)")
                }
            }
        }
        try Data(table.utf8).write(to: directory.appendingPathComponent("ours.tsv"))
    }
}

/// The test-only PPM reader that the comparison uses.
@Suite struct PortablePixmapTests {
    @Test func binaryPixmapsAreRead() throws {
        let file = Data("P6\n# a comment\n2 1\n255\n".utf8) + Data([1, 2, 3, 250, 251, 252])
        #expect(try PortablePixmap.read(file) == RGBImage(width: 2, height: 1, pixels: [1, 2, 3, 250, 251, 252]))
        #expect(throws: PortablePixmap.Invalid.self) { try PortablePixmap.read(Data("P3\n1 1\n255\n0 0 0".utf8)) }
        #expect(throws: PortablePixmap.Invalid.self) { try PortablePixmap.read(Data("P6\n2 2\n255\n".utf8) + Data([1, 2, 3])) }
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
