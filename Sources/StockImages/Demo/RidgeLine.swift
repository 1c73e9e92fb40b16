import StockCore

/// A smooth random line across the picture (1-D value noise): seeded heights at evenly spaced
/// points, joined by smoothstep curves. Hills, dunes and waves.
struct RidgeLine {
    /// The heights at `0, 1/(n−1), …, 1` across the picture.
    private let heights: [Double]

    /// `points` heights (at least 2) between `low` and `high`, drawn from `rng`.
    init(points: Int, low: Double, high: Double, rng: inout SplitMix64) {
        precondition(points >= 2, "a ridge needs two points at least")
        heights = (0 ..< points).map { _ in low + (high - low) * Double(rng.below(1001)) / 1000 }
    }

    /// The height at `x` (0...1 across the picture).
    func at(_ x: Double) -> Double {
        let position = min(1, max(0, x)) * Double(heights.count - 1)
        let i = min(heights.count - 2, Int(position))
        let t = position - Double(i)
        let s = t * t * (3 - 2 * t)
        return heights[i] + (heights[i + 1] - heights[i]) * s
    }
}
