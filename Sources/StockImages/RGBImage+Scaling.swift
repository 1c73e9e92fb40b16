extension RGBImage {
    /// The picture resampled to `width × height` pixels (both at least 0).
    ///
    /// Along an axis that shrinks, each new pixel is the average of the source area it covers,
    /// counting source pixels that it covers only in part by the fraction covered (a box filter that
    /// is exact for any ratio, not only whole ones). Along an axis that grows, it is the linear
    /// blend of the two nearest source pixels (bilinear, pixel centres aligned). An axis of equal
    /// size is copied. A picture with no pixels can only be scaled to no pixels.
    ///
    /// ```swift
    /// let cells = photo.scaled(toWidth: 40, height: 40)
    /// ```
    public func scaled(toWidth newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth >= 0 && newHeight >= 0, "an image size cannot be negative")
        if newWidth == width && newHeight == height { return self }
        if newWidth == 0 || newHeight == 0 { return RGBImage(width: newWidth, height: newHeight) }
        precondition(!isEmpty, "a picture with no pixels has nothing to scale up")

        let columns = ResamplingTaps(from: width, to: newWidth)
        let rows = ResamplingTaps(from: height, to: newHeight)
        // Down the columns first, whole rows at a time (newHeight × width floats), then across.
        let rowLength = width * 3
        var between = [Float](repeating: 0, count: newHeight * rowLength)
        pixels.withUnsafeBufferPointer { source in
            between.withUnsafeMutableBufferPointer { target in
                if newHeight < height {
                    rows.shrinkRows(source, rowLength: rowLength, into: target)
                } else {
                    rows.resampleRows(source, rowLength: rowLength, into: target)
                }
            }
        }

        var result = RGBImage(width: newWidth, height: newHeight)
        between.withUnsafeBufferPointer { source in
            result.pixels.withUnsafeMutableBufferPointer { target in
                columns.resampleColumns(source, width: width, height: newHeight, into: target)
            }
        }
        return result
    }

    /// The largest size inside `maxWidth × maxHeight` with this picture's aspect ratio, each side
    /// rounded to the nearest whole pixel and at least 1 (0 × 0 for a picture with no pixels or an
    /// empty box).
    ///
    /// `pixelAspect` is the height of one target pixel divided by its width: 1 for square pixels,
    /// 2 for whole terminal cells twice as high as wide.
    public func fittedSize(maxWidth: Int, maxHeight: Int, pixelAspect: Double = 1) -> (width: Int, height: Int) {
        RGBImage.fittedSize(width: width, height: height, maxWidth: maxWidth, maxHeight: maxHeight,
                            pixelAspect: pixelAspect)
    }

    /// The largest size inside `maxWidth × maxHeight` target pixels that shows a `width × height`
    /// picture of square pixels with its aspect ratio, when each target pixel is `pixelAspect` times
    /// as high as it is wide; each side rounded to the nearest whole pixel and at least 1, or 0 × 0
    /// when either size or the box is empty.
    public static func fittedSize(width: Int, height: Int, maxWidth: Int, maxHeight: Int,
                                  pixelAspect: Double = 1) -> (width: Int, height: Int) {
        precondition(pixelAspect > 0, "a pixel's aspect ratio must be positive")
        guard width > 0, height > 0, maxWidth > 0, maxHeight > 0 else { return (0, 0) }
        // Target pixels needed per source pixel, across and down, for the full box width.
        let heightForFullWidth = Double(maxWidth) * Double(height) / (Double(width) * pixelAspect)
        if heightForFullWidth <= Double(maxHeight) {
            return (maxWidth, min(maxHeight, max(1, Int(heightForFullWidth.rounded()))))
        }
        let widthForFullHeight = Double(maxHeight) * Double(width) * pixelAspect / Double(height)
        return (min(maxWidth, max(1, Int(widthForFullHeight.rounded()))), maxHeight)
    }
}

/// For each target index along one axis, the source indices it reads and their weights (summing
/// to 1): coverage fractions of a box when shrinking, two linear taps when growing.
struct ResamplingTaps {
    /// The first source index each target index reads.
    var first: [Int]
    /// How many consecutive source indices it reads.
    var count: [Int]
    /// Where its weights start in `weights`.
    var start: [Int]
    /// All weights, target by target.
    var weights: [Float]
    /// When shrinking: how much of its first and of its last source pixel each target covers (in
    /// source pixels, 0 < c ≤ 1); all the pixels between count whole.
    var firstCoverage: [Float] = []
    /// See `firstCoverage`.
    var lastCoverage: [Float] = []
    /// When shrinking: target size / source size, the weight of a whole source pixel.
    var wholeWeight: Float = 1

    /// Taps that map `sourceSize` pixels onto `targetSize` pixels (both positive).
    init(from sourceSize: Int, to targetSize: Int) {
        first = []; count = []; start = []; weights = []
        first.reserveCapacity(targetSize); count.reserveCapacity(targetSize); start.reserveCapacity(targetSize)
        if targetSize == sourceSize {
            for i in 0 ..< targetSize {
                first.append(i); count.append(1); start.append(i); weights.append(1)
            }
        } else if targetSize < sourceSize {
            // Target pixel i covers the source interval [i·s, (i+1)·s), s = source / target, exactly:
            // in units of 1/target, it is [i·source, (i+1)·source) and pixel j is [j·target, (j+1)·target).
            weights.reserveCapacity(sourceSize + targetSize)
            wholeWeight = Float(targetSize) / Float(sourceSize)
            for i in 0 ..< targetSize {
                let low = i * sourceSize, high = (i + 1) * sourceSize
                let j0 = low / targetSize, j1 = (high - 1) / targetSize
                first.append(j0); count.append(j1 - j0 + 1); start.append(weights.count)
                for j in j0 ... j1 {
                    let covered = min(high, (j + 1) * targetSize) - max(low, j * targetSize)
                    weights.append(Float(covered) / Float(sourceSize))
                    if j == j0 { firstCoverage.append(Float(covered) / Float(targetSize)) }
                    if j == j1 { lastCoverage.append(Float(covered) / Float(targetSize)) }
                }
            }
        } else {
            // Centres aligned: target centre i + ½ sits at source position (i + ½)·s − ½, clamped.
            let scale = Double(sourceSize) / Double(targetSize)
            for i in 0 ..< targetSize {
                let position = min(max((Double(i) + 0.5) * scale - 0.5, 0), Double(sourceSize - 1))
                let j0 = Int(position)
                let fraction = Float(position - Double(j0))
                start.append(weights.count)
                first.append(j0)
                if j0 + 1 < sourceSize && fraction > 0 {
                    count.append(2); weights.append(1 - fraction); weights.append(fraction)
                } else {
                    count.append(1); weights.append(1)
                }
            }
        }
    }

    /// Resamples whole rows of `rowLength` bytes: each target row is the weighed sum of the
    /// source rows its taps name.
    func resampleRows(_ source: UnsafeBufferPointer<UInt8>, rowLength: Int, into target: UnsafeMutableBufferPointer<Float>) {
        for y in 0 ..< first.count {
            let out = target.baseAddress! + y * rowLength
            for k in 0 ..< count[y] {
                let w = weights[start[y] + k]
                let row = source.baseAddress! + (first[y] + k) * rowLength
                for i in 0 ..< rowLength { out[i] += w * Float(row[i]) }
            }
        }
    }

    /// `resampleRows` for taps that shrink: the whole rows inside each target row are summed as
    /// integers, and only the two at its edges weighed by their coverage.
    func shrinkRows(_ source: UnsafeBufferPointer<UInt8>, rowLength: Int, into target: UnsafeMutableBufferPointer<Float>) {
        var sum = [UInt32](repeating: 0, count: rowLength)
        sum.withUnsafeMutableBufferPointer { sum in
            let sum = sum.baseAddress!
            for y in 0 ..< first.count {
                for i in 0 ..< rowLength { sum[i] = 0 }
                let j0 = first[y], j1 = first[y] + count[y] - 1
                for j in (j0 + 1) ..< max(j0 + 1, j1) {
                    let row = source.baseAddress! + j * rowLength
                    for i in 0 ..< rowLength { sum[i] &+= UInt32(row[i]) }
                }
                let a = firstCoverage[y], b = lastCoverage[y], whole = wholeWeight
                let top = source.baseAddress! + j0 * rowLength, bottom = source.baseAddress! + j1 * rowLength
                let out = target.baseAddress! + y * rowLength
                for i in 0 ..< rowLength {
                    out[i] = (a * Float(top[i]) + Float(sum[i]) + b * Float(bottom[i])) * whole
                }
            }
        }
    }

    /// Resamples each of `height` rows of `width` RGB float pixels across, by the taps, into bytes.
    func resampleColumns(_ source: UnsafeBufferPointer<Float>, width: Int, height: Int,
                         into target: UnsafeMutableBufferPointer<UInt8>) {
        let newWidth = first.count
        first.withUnsafeBufferPointer { first in
            count.withUnsafeBufferPointer { count in
                start.withUnsafeBufferPointer { start in
                    weights.withUnsafeBufferPointer { weights in
                        for y in 0 ..< height {
                            let row = source.baseAddress! + y * width * 3
                            let out = target.baseAddress! + y * newWidth * 3
                            for x in 0 ..< newWidth {
                                var red: Float = 0, green: Float = 0, blue: Float = 0
                                for k in 0 ..< count[x] {
                                    let w = weights[start[x] + k], i = (first[x] + k) * 3
                                    red += w * row[i]
                                    green += w * row[i + 1]
                                    blue += w * row[i + 2]
                                }
                                // Weights sum to 1, so the value is within 0...255 but for rounding.
                                out[x * 3] = UInt8(min(max(red + 0.5, 0), 255))
                                out[x * 3 + 1] = UInt8(min(max(green + 0.5, 0), 255))
                                out[x * 3 + 2] = UInt8(min(max(blue + 0.5, 0), 255))
                            }
                        }
                    }
                }
            }
        }
    }
}
