/// A range over a number (seconds, pixels, megapixels), open at either end.
///
/// The query language writes it `3.5..12`, `..4000`, `5000..`, `>=5000`, `>5000`, `<=4000`, `<4000`
/// or a bare `5000` (at least 5000); the CLI also takes Adobe's `min`, `min-max` and `-max`.
public struct NumericRange: Hashable, Sendable, Codable {
    public var min: Double?
    public var max: Double?
    /// `>5000` rather than `>=5000`.
    public var minExclusive: Bool
    /// `<4000` rather than `<=4000`.
    public var maxExclusive: Bool

    public init(min: Double? = nil, max: Double? = nil, minExclusive: Bool = false, maxExclusive: Bool = false) {
        self.min = min; self.max = max
        self.minExclusive = min == nil ? false : minExclusive
        self.maxExclusive = max == nil ? false : maxExclusive
    }

    /// `>= value`.
    public static func atLeast(_ value: Double) -> NumericRange { NumericRange(min: value) }
    /// `<= value`.
    public static func atMost(_ value: Double) -> NumericRange { NumericRange(max: value) }

    public func contains(_ value: Double) -> Bool {
        if let min { if minExclusive ? !(value > min) : !(value >= min) { return false } }
        if let max { if maxExclusive ? !(value < max) : !(value <= max) { return false } }
        return true
    }

    /// True when no value can match (e.g. `10..5`).
    public var isEmpty: Bool {
        guard let min, let max else { return false }
        return min > max || (min == max && (minExclusive || maxExclusive))
    }

    /// Parses Adobe's forms (`5000`, `5000-8000`, `-4000`, `5000-`) and the query language's
    /// (`5000..8000`, `..4000`, `>=5000`, `<4000`). A bare number is a minimum. Nil when malformed.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        func number(_ s: Substring) -> Double? {
            guard !s.isEmpty, let v = Double(s), v.isFinite, v >= 0 else { return nil }
            return v
        }
        if t.hasPrefix(">=") { guard let v = number(t.dropFirst(2)) else { return nil }; self.init(min: v); return }
        if t.hasPrefix("<=") { guard let v = number(t.dropFirst(2)) else { return nil }; self.init(max: v); return }
        if t.hasPrefix(">") { guard let v = number(t.dropFirst(1)) else { return nil }; self.init(min: v, minExclusive: true); return }
        if t.hasPrefix("<") { guard let v = number(t.dropFirst(1)) else { return nil }; self.init(max: v, maxExclusive: true); return }
        let separator: String? = t.contains("..") ? ".." : (t.dropFirst().contains("-") || t.hasPrefix("-") ? "-" : nil)
        guard let separator else {
            guard let v = number(Substring(t)) else { return nil }
            self.init(min: v); return
        }
        guard let r = t.range(of: separator, options: separator == "-" && !t.hasPrefix("-") ? [] : []) else { return nil }
        let lo = t[..<r.lowerBound], hi = t[r.upperBound...]
        if lo.isEmpty && hi.isEmpty { return nil }
        var minV: Double?, maxV: Double?
        if !lo.isEmpty { guard let v = number(lo) else { return nil }; minV = v }
        if !hi.isEmpty { guard let v = number(hi) else { return nil }; maxV = v }
        self.init(min: minV, max: maxV)
    }

    /// The query language's spelling: `3.5..12`, `>=5000`, `>5000`, `<=4000`, `<4000`.
    /// A range with both ends and an exclusive end has no single-token spelling; it prints as
    /// `a..b` with inclusive ends, and parsers never produce it.
    public var queryText: String {
        switch (min, max) {
        case let (lo?, hi?): return "\(Self.format(lo))..\(Self.format(hi))"
        case let (lo?, nil): return (minExclusive ? ">" : ">=") + Self.format(lo)
        case let (nil, hi?): return (maxExclusive ? "<" : "<=") + Self.format(hi)
        case (nil, nil): return ">=0"
        }
    }

    /// `12` rather than `12.0`; `3.5` as it is.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

import Foundation
