import Foundation
import StockCore

/// The files behind Stocksy's `GET /downloads/{purchasedProductId}` and comp download links:
/// which generated file (`SandboxFiles` key), under which name, of what size.
///
/// - A photo size: `width × height / 4` bytes (a JPEG at about 2 bits per pixel), named
///   `stocksy-<assetId>-<size>.jpg` ("stocksy-10002-medium.jpg").
/// - A video size: `width × height / 2` bytes per second of the clip (about 8 Mbit/s at 1080p),
///   `stocksy-<assetId>-<size>.mp4` ("stocksy-10417-full-hd.mp4").
/// - An extended license: its license agreement, 48 KiB, `stocksy-<assetId>-<license>-license.pdf`.
/// - A comp: the watermarked preview, 1000 px on its longer side (640 for video), `stocksy-<assetId>-comp.jpg`.
///
/// `SandboxFiles` caps every file at 32 MB. The key of a purchased product's file is its id, so
/// every link to it (a fresh one after the first expired) serves the same bytes, and a download
/// can resume across links.
enum StocksyDownloads {
    /// How long a link is valid unless `SandboxOptions.downloadURLLifetime` says otherwise.
    static let defaultLifetime: Double = 15 * 60
    static let licenseDocumentSize: Int64 = 48 << 10

    static func fileKey(purchasedProductID id: Int64) -> String { "stocksy-\(id)" }
    static func compKey(assetID: Int64) -> String { "stocksy-comp-\(assetID)" }

    static func fileName(_ item: StocksyPurchaseBook.Item) -> String {
        let product = slug(item.product.name)
        if item.product.type == .license { return "stocksy-\(item.assetID)-\(product)-license.pdf" }
        return "stocksy-\(item.assetID)-\(product).\(item.kind == .video ? "mp4" : "jpg")"
    }

    static func size(_ item: StocksyPurchaseBook.Item) -> Int64 {
        guard item.product.type == .deliverable, let d = item.product.dimensions else { return licenseDocumentSize }
        let pixels = Int64(d.width) * Int64(d.height)
        if item.kind == .video { return pixels / 2 * Int64(max(1, (item.duration ?? 1).rounded(.up))) }
        return max(1, pixels / 4)
    }

    static func compName(_ asset: Asset) -> String {
        "stocksy-\(asset.id.rawValue)-comp.\(asset.kind == .video ? "mp4" : "jpg")"
    }

    static func compSize(_ asset: Asset) -> Int64 {
        let side = Double(asset.kind == .video ? 640 : 1000)
        let scale = min(1, side / Double(max(asset.width, asset.height, 1)))
        let pixels = Int64((Double(asset.width) * scale).rounded()) * Int64((Double(asset.height) * scale).rounded())
        if asset.kind == .video { return max(1, pixels / 2 * Int64(max(1, (asset.duration ?? 1).rounded(.up)))) }
        return max(1, pixels / 4)
    }

    /// "Full HD" → "full-hd", "Products for Resale" → "products-for-resale"; ASCII letters and
    /// digits only, so that names are safe on any file system.
    static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "product" : out
    }
}
