/// The short texts a result row shows for an asset, shared by the browser's result list and
/// `stockterm search`'s table, so that both write an asset the same way.
///
/// ```swift
/// AssetListText.kind(.illustration)   // "illus."
/// AssetListText.size(of: video)       // "1:05"; a photo: "6000×4000"
/// AssetListText.resolution(of: video) // "4K", "1080p", or "" for a still
/// AssetListText.tier(of: asset)       // "free", "P2", or "" for core
/// ```
public enum AssetListText {
    /// The kind in at most six columns.
    public static func kind(_ kind: AssetKind) -> String {
        switch kind {
        case .illustration: "illus."
        case .template: "templ."
        case .model3D: "3d"
        default: kind.rawValue
        }
    }

    /// A video's duration, otherwise the pixel size.
    public static func size(of asset: Asset) -> String {
        if asset.kind == .video, let duration = asset.duration, duration > 0 { return Format.duration(duration) }
        return "\(asset.width)×\(asset.height)"
    }

    /// A video's resolution badge ("4K", "1080p"); empty for stills.
    public static func resolution(of asset: Asset) -> String {
        guard asset.kind == .video else { return "" }
        return asset.videoResolution == .k4 ? "4K" : asset.videoResolution?.rawValue ?? ""
    }

    /// The price tier badge: "free", "P1" to "P3" for premium levels, empty for core.
    public static func tier(of asset: Asset) -> String {
        asset.premiumLevel.isFree ? "free" : asset.premiumLevel.isPremium ? "P\(asset.premiumLevel.rawValue - 1)" : ""
    }
}
