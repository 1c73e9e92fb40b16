/// A rectangle of grid cells: the area a view draws into.
///
/// Sizes never go negative: insetting or splitting more than there is gives an empty rectangle,
/// so a layout at a tiny terminal size degrades instead of trapping.
///
/// ```swift
/// let screen = Rect(x: 0, y: 0, width: 80, height: 24)
/// let (body, status) = screen.split(bottomHeight: 1)
/// let (filters, results) = body.split(leftWidth: 24)
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns; never negative.
    public var width: Int
    /// Rows; never negative.
    public var height: Int

    /// A rectangle at (`x`, `y`); a negative size becomes 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the right column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The number of cells.
    public var area: Int { width * height }

    /// Whether the cell at (`px`, `py`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The cells both rectangles share (empty, at `self`'s origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by the given number of cells on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let l = min(max(0, left), width), t = min(max(0, top), height)
        return Rect(x: x + l, y: y + t, width: width - l - max(0, right), height: height - t - max(0, bottom))
    }

    /// The rectangle shrunk by `amount` cells on every side (a one-cell border: `inset(by: 1)`).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Splits into a left part `leftWidth` columns wide (clamped to the width) and the rest.
    public func split(leftWidth: Int) -> (left: Rect, right: Rect) {
        let w = min(max(0, leftWidth), width)
        return (Rect(x: x, y: y, width: w, height: height),
                Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Splits into a right part `rightWidth` columns wide (clamped to the width) and the rest.
    public func split(rightWidth: Int) -> (left: Rect, right: Rect) {
        split(leftWidth: width - min(max(0, rightWidth), width))
    }

    /// Splits into a top part `topHeight` rows high (clamped to the height) and the rest.
    public func split(topHeight: Int) -> (top: Rect, bottom: Rect) {
        let h = min(max(0, topHeight), height)
        return (Rect(x: x, y: y, width: width, height: h),
                Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// Splits into a bottom part `bottomHeight` rows high (clamped to the height) and the rest.
    public func split(bottomHeight: Int) -> (top: Rect, bottom: Rect) {
        split(topHeight: height - min(max(0, bottomHeight), height))
    }

    /// The single row `index` rows below the top (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// `Rect(x: 1, y: 2, width: 3, height: 4)`, for test failures.
    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }
}
