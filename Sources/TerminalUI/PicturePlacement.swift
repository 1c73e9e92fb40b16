import StockCore
import StockImages

/// Where a view put a picture, for the screens that draw pictures through a graphics protocol
/// (kitty, sixel) rather than as the half blocks in the cells: the asset, the rectangle of cells
/// its half blocks fill, and the decoded picture at its own resolution.
///
/// Two placements are equal when they show the same asset's picture of the same size in the same
/// cells; the pixels are not compared.
public struct PicturePlacement: Hashable, Sendable {
    /// The asset the picture belongs to.
    public var assetID: AssetID
    /// The cells the picture covers.
    public var rect: Rect
    /// The decoded picture.
    public var image: RGBImage

    /// A placement of `image` (the picture of `assetID`) in `rect`.
    public init(assetID: AssetID, rect: Rect, image: RGBImage) {
        self.assetID = assetID
        self.rect = rect
        self.image = image
    }

    public static func == (a: PicturePlacement, b: PicturePlacement) -> Bool {
        a.assetID == b.assetID && a.rect == b.rect && a.image.width == b.image.width && a.image.height == b.image.height
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(assetID)
        hasher.combine(rect)
        hasher.combine(image.width)
        hasher.combine(image.height)
    }
}
