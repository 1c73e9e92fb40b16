/// One terminal cell of a half-block picture: "▀" whose foreground shows the upper pixel and
/// whose background shows the lower one.
public struct HalfBlockCell: Hashable, Sendable {
    /// The upper pixel's colour.
    public var top: RGB
    /// The lower pixel's colour.
    public var bottom: RGB

    /// A cell from its two pixels.
    public init(top: RGB, bottom: RGB) {
        self.top = top
        self.bottom = bottom
    }
}
