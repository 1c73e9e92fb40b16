/// An adaptive palette of at most `maxColors` colours for one picture, by median cut (Heckbert
/// 1982) over a histogram of the picture's colours reduced to 5 bits a channel.
///
/// Each of the 32,768 histogram buckets belongs to exactly one box, and each box is one palette
/// colour (the mean of the pixels that fell in it), so mapping a pixel to its colour is one table
/// lookup. A box is split at the median of its longest side, largest first by pixels × side; a
/// picture of fewer distinct buckets than `maxColors` gets one colour per bucket.
///
/// ```swift
/// let palette = MedianCutPalette(image, maxColors: 256)
/// let index = palette.index(of: image[0, 0])
/// ```
public struct MedianCutPalette: Sendable {
    /// The palette's colours.
    public let colors: [RGB]
    /// For each 15-bit bucket (`r>>3 << 10 | g>>3 << 5 | b>>3`), its colour's index.
    private let bucketIndex: [UInt8]

    /// The palette for `image`, with 1 to 256 colours (an empty picture gets black alone).
    public init(_ image: RGBImage, maxColors: Int = 256) {
        precondition(maxColors >= 1 && maxColors <= 256, "a sixel palette has 1 to 256 colours")
        var counts = [UInt32](repeating: 0, count: 1 << 15)
        var sums = [UInt64](repeating: 0, count: 3 << 15)
        image.pixels.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let r = Int(p[i]), g = Int(p[i + 1]), b = Int(p[i + 2])
                let bucket = (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3)
                counts[bucket] &+= 1
                sums[bucket * 3] &+= UInt64(r); sums[bucket * 3 + 1] &+= UInt64(g); sums[bucket * 3 + 2] &+= UInt64(b)
                i += 3
            }
        }
        var used: [Int] = []
        for bucket in 0 ..< counts.count where counts[bucket] > 0 { used.append(bucket) }
        guard !used.isEmpty else {
            colors = [RGB(0, 0, 0)]
            bucketIndex = [UInt8](repeating: 0, count: 1 << 15)
            return
        }

        var boxes: [Box] = [Box(buckets: used, counts: counts)]
        while boxes.count < maxColors {
            // The box worth splitting most: pixels × its longest side; stop when none can split.
            var best = -1, bestScore: UInt64 = 0
            for (i, box) in boxes.enumerated() where box.buckets.count > 1 {
                let score = UInt64(box.pixels) * UInt64(box.longestSide.length + 1)
                if score > bestScore { best = i; bestScore = score }
            }
            guard best >= 0 else { break }
            let (low, high) = boxes[best].split(counts: counts)
            boxes[best] = low
            boxes.append(high)
        }

        var index = [UInt8](repeating: 0, count: 1 << 15)
        var palette: [RGB] = []
        palette.reserveCapacity(boxes.count)
        for (i, box) in boxes.enumerated() {
            var n: UInt64 = 0, r: UInt64 = 0, g: UInt64 = 0, b: UInt64 = 0
            for bucket in box.buckets {
                n += UInt64(counts[bucket])
                r += sums[bucket * 3]; g += sums[bucket * 3 + 1]; b += sums[bucket * 3 + 2]
                index[bucket] = UInt8(i)
            }
            palette.append(RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n)))
        }
        colors = palette
        bucketIndex = index
    }

    /// The index of the palette colour that stands for `color`.
    @inline(__always)
    public func index(of color: RGB) -> UInt8 {
        bucketIndex[Int(color.red >> 3) << 10 | Int(color.green >> 3) << 5 | Int(color.blue >> 3)]
    }

    /// Every pixel of `image` as its palette index, row by row.
    public func indices(of image: RGBImage) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBufferPointer { p in
            bucketIndex.withUnsafeBufferPointer { table in
                for i in 0 ..< out.count {
                    let r = Int(p[i * 3]) >> 3, g = Int(p[i * 3 + 1]) >> 3, b = Int(p[i * 3 + 2]) >> 3
                    out[i] = table[r << 10 | g << 5 | b]
                }
            }
        }
        return out
    }

    /// A set of histogram buckets and the pixels in them.
    private struct Box {
        var buckets: [Int]
        var pixels: Int
        var longestSide: (channel: Int, length: Int)

        init(buckets: [Int], counts: [UInt32]) {
            self.buckets = buckets
            var n = 0
            var low = [31, 31, 31], high = [0, 0, 0]
            for bucket in buckets {
                n += Int(counts[bucket])
                for c in 0 ..< 3 {
                    let v = Box.channel(bucket, c)
                    low[c] = min(low[c], v); high[c] = max(high[c], v)
                }
            }
            pixels = n
            let lengths = (0 ..< 3).map { high[$0] - low[$0] }
            let channel = lengths.firstIndex(of: lengths.max()!)!
            longestSide = (channel, lengths[channel])
        }

        static func channel(_ bucket: Int, _ c: Int) -> Int { (bucket >> (10 - 5 * c)) & 31 }

        /// Two boxes split at the pixel median of the longest side (each keeps at least one bucket).
        func split(counts: [UInt32]) -> (Box, Box) {
            let c = longestSide.channel
            let sorted = buckets.sorted { (Box.channel($0, c), $0) < (Box.channel($1, c), $1) }
            var seen = 0
            var cut = 1
            for (i, bucket) in sorted.enumerated() {
                seen += Int(counts[bucket])
                if seen * 2 >= pixels { cut = i + 1; break }
            }
            cut = min(max(1, cut), sorted.count - 1)
            return (Box(buckets: Array(sorted[..<cut]), counts: counts), Box(buckets: Array(sorted[cut...]), counts: counts))
        }
    }
}
