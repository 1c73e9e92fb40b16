extension Grid {
    /// The runs of cells that differ from `other`, row by row, left to right: what the screen must
    /// send to turn a terminal showing `other` into one showing `self`.
    ///
    /// A run never starts on the right half or ends on the left half of a wide character in `self`,
    /// so the blit can always write whole characters. When the sizes differ, every row is reported
    /// whole (after a resize the terminal is repainted anyway).
    ///
    /// ```swift
    /// var next = previous
    /// next.draw("x", at: 3, y: 1)
    /// next.diff(from: previous)   // [(y: 1, range: 3..<4)]
    /// ```
    public func diff(from other: Grid) -> [(y: Int, range: Range<Int>)] {
        guard width == other.width, height == other.height else {
            return width == 0 ? [] : (0..<height).map { (y: $0, range: 0..<width) }
        }
        var runs: [(y: Int, range: Range<Int>)] = []
        for y in 0..<height {
            let start = y * width
            var x = 0
            while x < width {
                guard cells[start + x] != other.cells[start + x] else { x += 1; continue }
                var lower = x
                if cells[start + lower].isContinuation, lower > 0 { lower -= 1 }
                var upper = x + 1
                while upper < width, cells[start + upper] != other.cells[start + upper] { upper += 1 }
                if upper < width, cells[start + upper].isContinuation { upper += 1 }
                if let last = runs.last, last.y == y, last.range.upperBound >= lower {
                    runs[runs.count - 1].range = last.range.lowerBound..<upper
                } else {
                    runs.append((y: y, range: lower..<upper))
                }
                x = upper
            }
        }
        return runs
    }
}
