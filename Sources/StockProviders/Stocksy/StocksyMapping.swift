import Foundation
import StockCore

/// Something this Stocksy account already bought (`purchasedProducts[]`), for the licensing work
/// that follows: it is licensed already, and `downloadPath` fetches it again.
public struct StocksyPurchasedProduct: Hashable, Sendable {
    /// The purchased product's id, which `GET /downloads/{id}` takes.
    public var id: Int64
    public var assetID: AssetID?
    public var productTypeID: Int?
    public var type: Product.ProductType?
    public var name: String
    public var purchaseDate: Date?
    /// `/downloads/6867571`.
    public var downloadPath: String?
}

/// A Stocksy asset with what `Asset` has no place for.
public struct StocksyAssetDetail: Hashable, Sendable {
    public var asset: Asset
    public var purchased: [StocksyPurchasedProduct]
    /// The comp (watermarked preview) URL, for accounts with comp access.
    public var compURL: String?
}

enum StocksyMapping {
    /// `photo_creative` → photo, `video_creative` → video.
    static func kind(_ type: String, path: String) throws -> AssetKind {
        let t = type.lowercased()
        if t.hasPrefix("photo") { return .photo }
        if t.hasPrefix("video") { return .video }
        throw StockError.malformedResponse("Stocksy answer: field \"\(path).type\" has the unknown value \"\(WireText.clean(type, limit: 40))\"")
    }

    /// `Horizontal`, `Tall` (vertical), `Square`, `Panorama`; nil (from the dimensions) otherwise.
    static func orientation(_ text: String?) -> Orientation? {
        switch text?.lowercased() {
        case "horizontal", "landscape": .horizontal
        case "tall", "vertical", "portrait": .vertical
        case "square": .square
        case "panorama", "panoramic": .panorama
        default: nil
        }
    }

    /// The thumbnail keyed by its longer side (`thumbnail_dimensions`), 400 px when not given
    /// (Stocksy's `pic400` previews).
    static func thumbnails(_ url: String?, _ dims: StocksyDimensions?) -> [Int: String] {
        guard let url = WireText.optionalField(url) else { return [:] }
        let side = max(dims?.width?.int ?? 0, dims?.height?.int ?? 0)
        return [side > 0 ? side : 400: url]
    }

    static func contributor(_ id: FlexibleNumber?, _ name: String?) -> Contributor? {
        guard let id else { return nil }
        return Contributor(id: Int64(id.value), name: WireText.field(name))
    }

    static func attribution(_ name: String?) -> String? {
        WireText.optionalField(name).map { "© \($0) / Stocksy United" }
    }

    static func product(_ p: StocksyAvailableProduct, path: String) throws -> Product {
        let type: Product.ProductType
        switch p.type?.lowercased() {
        case nil, "deliverable": type = .deliverable
        case "license": type = .license
        case let other?:
            throw StockError.malformedResponse("Stocksy answer: field \"\(path).type\" has the unknown value \"\(WireText.clean(other, limit: 40))\"")
        }
        let dims = p.dimensions.flatMap { d -> Product.Dimensions? in
            guard let w = d.width?.int, let h = d.height?.int, w > 0, h > 0 else { return nil }
            return Product.Dimensions(width: w, height: h)
        }
        return Product(productTypeId: p.productTypeId, type: type, name: WireText.field(p.name),
                       description: WireText.field(p.description), price: p.price.money, dimensions: dims)
    }
}

extension StocksySearchAsset {
    func asset(path: String) throws -> Asset {
        let kind = try StocksyMapping.kind(type, path: path)
        return Asset(
            id: id, kind: kind, title: WireText.field(title),
            contributor: StocksyMapping.contributor(contributorID, contributorName),
            width: originalDimensions?.width?.int ?? 0, height: originalDimensions?.height?.int ?? 0,
            orientation: StocksyMapping.orientation(orientation),
            duration: kind == .video ? videoDuration?.value : nil,
            mature: mature?.value ?? false,
            created: WireDate.unknown,
            thumbnails: StocksyMapping.thumbnails(thumbURL, thumbnailDimensions),
            attribution: StocksyMapping.attribution(contributorName))
    }
}

extension StocksyAsset {
    func detail(path: String) throws -> StocksyAssetDetail {
        let kind = try StocksyMapping.kind(type, path: path)
        let products = try (availableProducts ?? []).enumerated().map {
            try StocksyMapping.product($1, path: "\(path.isEmpty ? "" : path + ".")availableProducts[\($0)]")
        }
        let asset = Asset(
            id: id, kind: kind, title: WireText.field(title), description: WireText.field(description),
            keywords: (keywords ?? []).map(WireText.field).filter { !$0.isEmpty },
            contributor: StocksyMapping.contributor(contributorID, contributorName),
            width: originalDimensions?.width?.int ?? 0, height: originalDimensions?.height?.int ?? 0,
            orientation: StocksyMapping.orientation(orientation),
            duration: kind == .video ? videoDuration.flatMap { $0.value > 0 ? $0.value : nil } : nil,
            licenseTypes: products.contains { $0.type == .license } ? [.standard, .extended] : [.standard],
            mature: matureContent?.value ?? false,
            created: creationDate.flatMap(WireDate.parse) ?? WireDate.unknown,
            thumbnails: StocksyMapping.thumbnails(thumbURL, thumbnailDimensions),
            attribution: StocksyMapping.attribution(contributorName),
            products: products)
        let purchased = (purchasedProducts ?? []).map { p in
            StocksyPurchasedProduct(
                id: Int64(p.id.value), assetID: p.assetId ?? id, productTypeID: p.productTypeId,
                type: p.type.flatMap { Product.ProductType(rawValue: $0.lowercased()) },
                name: WireText.field(p.name), purchaseDate: p.purchaseDate.flatMap(WireDate.parse),
                downloadPath: WireText.optionalField(p.downloadAt))
        }
        return StocksyAssetDetail(asset: asset, purchased: purchased,
                                  compURL: WireText.optionalField(imageCompURL ?? videoCompURL))
    }
}
