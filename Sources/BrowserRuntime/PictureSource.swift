import StockCore
import StockImages

/// Where the browser's pictures come from: the executable's `ThumbnailSource` fetches the
/// service's thumbnail URLs through the HTTP transport and the disk cache, or generates the
/// demo catalog's pictures in-process.
public protocol PictureSource: Sendable {
    /// The asset's thumbnail, decoded. Throws a `DescribedError` saying why there is none
    /// ("no thumbnail", "corrupt JPEG: …"); honours cancellation.
    func picture(for asset: Asset, provider: any StockProvider) async throws -> RGBImage
}
