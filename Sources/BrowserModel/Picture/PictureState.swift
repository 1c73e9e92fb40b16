import StockCore

/// The picture the browser wants on screen now: the open detail's asset, or the selected
/// result's when the preview pane is on. The decoded pixels stay in the runtime's picture store
/// (keyed by asset id); the model only knows whether they are there.
public struct PictureState: Hashable, Sendable {
    /// Where the picture is in its life.
    public enum Phase: Hashable, Sendable {
        /// The thumbnail is being fetched or decoded.
        case loading
        /// Decoded, of this size in pixels: the store has it under `assetID`.
        case ready(width: Int, height: Int)
        /// No picture, and why ("no thumbnail", "corrupt JPEG: …"). Unsanitised.
        case failed(String)
    }

    /// The asset whose thumbnail this is.
    public var assetID: AssetID
    /// The request fetching it (cancelled when another asset is wanted).
    public var requestID: RequestID
    public var phase: Phase

    public init(assetID: AssetID, requestID: RequestID, phase: Phase = .loading) {
        self.assetID = assetID; self.requestID = requestID; self.phase = phase
    }
}

/// A decoded picture's size, as the runtime answers `.loadPicture`.
public struct PictureSize: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}
