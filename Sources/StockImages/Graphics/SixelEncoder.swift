/// Encodes a picture as a DEC sixel image (VT340, xterm, foot, mlterm, WezTerm, Windows Terminal,
/// tmux 3.4 built with sixel), drawn with its top left pixel at the cursor.
///
/// The bytes: `ESC P 0;1;0 q`, raster attributes `"1;1;W;H` (square pixels, the exact size), one
/// colour register per colour of an adaptive `MedianCutPalette` (`#i;2;r;g;b` in percent), then the
/// picture six rows at a time: per colour used in the band, `#i` and one sixel character per column
/// up to the colour's last column (runs of four or more as `!n`), `$` between colours and `-`
/// between bands; `ESC \` ends it. Every pixel gets exactly one colour, so nothing of what was
/// under the picture shows through.
///
/// ```swift
/// let bytes = SixelEncoder.encode(photo.scaled(toWidth: 400, height: 240))
/// ```
public enum SixelEncoder {
    /// The sixel image of `image` with at most `maxColors` colour registers (1 to 256).
    public static func encode(_ image: RGBImage, maxColors: Int = 256) -> [UInt8] {
        let width = image.width, height = image.height
        var out: [UInt8] = []
        out.reserveCapacity(64 + width * height / 3)
        out += Array("\u{1B}P0;1;0q\"1;1;\(width);\(height)".utf8)
        guard width > 0, height > 0 else {
            out += [0x1B, 0x5C]
            return out
        }
        let palette = MedianCutPalette(image, maxColors: maxColors)
        for (i, color) in palette.colors.enumerated() {
            out += Array("#\(i);2;\(percent(color.red));\(percent(color.green));\(percent(color.blue))".utf8)
        }
        let indices = palette.indices(of: image)
        let colorCount = palette.colors.count
        // Per colour, the sixel bits of each column of the current band.
        var bits = [UInt8](repeating: 0, count: colorCount * width)
        var lastColumn = [Int](repeating: -1, count: colorCount)
        var used: [Int] = []
        var band = 0
        while band * 6 < height {
            let top = band * 6
            for row in top ..< min(top + 6, height) {
                let bit = UInt8(1) << UInt8(row - top)
                for x in 0 ..< width {
                    let c = Int(indices[row * width + x])
                    if lastColumn[c] < 0 { used.append(c) }
                    bits[c * width + x] |= bit
                    lastColumn[c] = max(lastColumn[c], x)
                }
            }
            if band > 0 { out.append(UInt8(ascii: "-")) }
            for (n, c) in used.enumerated() {
                if n > 0 { out.append(UInt8(ascii: "$")) }
                out += Array("#\(c)".utf8)
                appendRuns(bits[(c * width) ... (c * width + lastColumn[c])], to: &out)
                for x in 0 ... lastColumn[c] { bits[c * width + x] = 0 }
                lastColumn[c] = -1
            }
            used.removeAll(keepingCapacity: true)
            band += 1
        }
        out += [0x1B, 0x5C]
        return out
    }

    /// Sixel characters (63 + bits) for `columns`, runs of four or more as `!count` and the character.
    private static func appendRuns(_ columns: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var i = columns.startIndex
        while i < columns.endIndex {
            let value = columns[i]
            var j = i + 1
            while j < columns.endIndex, columns[j] == value { j += 1 }
            let count = j - i
            let character = 63 + value
            if count >= 4 {
                out.append(UInt8(ascii: "!"))
                out += Array(String(count).utf8)
                out.append(character)
            } else {
                for _ in 0 ..< count { out.append(character) }
            }
            i = j
        }
    }

    /// A channel as the percentage sixel colour registers take (0–100).
    static func percent(_ value: UInt8) -> Int { (Int(value) * 100 + 127) / 255 }
}
