/// Steele, Lea and Flood's SplitMix64: a tiny, fast, well-mixed generator whose output depends on
/// nothing but its state, so the same seed gives the same numbers on every machine and every run.
///
/// The generator never uses the standard library's `random(in:using:)` helpers, whose algorithms
/// are an implementation detail that may change between Swift versions; `below(_:)`, `chance(_:)`
/// and `pick(_:)` are spelled out here instead.
///
/// ```swift
/// var rng = SplitMix64(seed: 1, stream: 42)   // asset 42 of catalog seed 1
/// let side = 3000 + rng.below(5001)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The whole state: 64 bits.
    public private(set) var state: UInt64

    /// A generator that starts at `state` as given.
    public init(state: UInt64) { self.state = state }

    /// An independent stream for item `stream` of a run seeded with `seed`: the two are mixed so
    /// that neighbouring seeds and neighbouring indices give unrelated sequences.
    public init(seed: UInt64, stream: UInt64) {
        let a = SplitMix64.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        let b = SplitMix64.mix(stream &* 0xD1B5_4A32_D192_ED03 &+ 0x8CB9_2BA7_2F3D_8DD7)
        state = SplitMix64.mix(a ^ b)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// SplitMix64's finaliser (a variant of MurmurHash3's fmix64).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (Lemire's multiply-high; the bias is below 2⁻⁴⁰ for our bounds).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// True with probability `perMille` / 1000.
    public mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// A double in (0, 1]: never zero, so that it can be divided by.
    public mutating func unitInterval() -> Double {
        Double((next() >> 11) + 1) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// One element, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index chosen with the given integer weights.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        var total = 0
        for w in weights { total += w }
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
}
