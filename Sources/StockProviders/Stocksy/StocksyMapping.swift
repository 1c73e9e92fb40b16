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
    /// Products (`availableProducts[]`, `purchasedProducts[]`) that could not be read and were
    /// left out, with their paths.
    public var skipped: [SkippedRecord] = []
}

enum StocksyMapping {
    /// `photo_creative` → photo, `video_creative` → video; any other type (or none) cannot be an
    /// `Asset`, and the record is left out (`UnmappableRecord`).
    static func kind(_ type: WireEnum<StocksyAssetType>?, path: String) throws(UnmappableRecord) -> AssetKind {
        switch type {
        case .known(let t)?: return t.kind
        case .unknown(let raw)?:
            throw UnmappableRecord(reason: "field \"\(join(path, "type"))\" has the unknown value \"\(WireText.clean(raw, limit: 40))\" (neither photo nor video)")
        case nil:
            throw UnmappableRecord(reason: "field \"\(join(path, "type"))\" is missing or unreadable")
        }
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
        return [side > 0 && side <= 100_000 ? side : 400: url]
    }

    /// A positive pixel count, else 0 (unknown).
    static func pixels(_ n: FlexibleNumber?) -> Int {
        guard let v = n?.int, v > 0, v <= 1_000_000 else { return 0 }
        return v
    }

    /// The contributor when its id is a whole number (`contributor_id`, number or string).
    static func contributor(_ id: FlexibleID?, _ name: String?) -> Contributor? {
        guard let id, let n = Int64(id.text) else { return nil }
        return Contributor(id: n, name: WireText.field(name))
    }

    static func attribution(_ name: String?) -> String? {
        WireText.optionalField(name).map { "© \($0) / Stocksy United" }
    }

    /// `deliverable` or `license`; missing → deliverable (every example names one, and a product
    /// without a type is a size); any other name → `.unknown`, shown as such and never offered.
    static func productType(_ type: WireEnum<StocksyProductType>?) -> Product.ProductType {
        switch type {
        case nil, .known(.deliverable)?: .deliverable
        case .known(.license)?: .license
        case .unknown?: .unknown
        }
    }

    /// A product type id: a positive whole number.
    static func typeID(_ n: FlexibleNumber?) -> Int? {
        guard let n, n.value.rounded() == n.value, n.value >= 1, n.value <= 1e9 else { return nil }
        return Int(n.value)
    }

    static func product(_ p: StocksyAvailableProduct, path: String) throws(UnmappableRecord) -> Product {
        guard let id = typeID(p.productTypeId) else {
            throw UnmappableRecord(reason: "field \"\(join(path, "productTypeId"))\" is not a positive whole number")
        }
        let dims = p.dimensions.flatMap { d -> Product.Dimensions? in
            let w = pixels(d.width), h = pixels(d.height)
            return w > 0 && h > 0 ? Product.Dimensions(width: w, height: h) : nil
        }
        return Product(productTypeId: id, type: productType(p.type), name: WireText.field(p.name),
                       description: WireText.field(p.description), price: p.price.money, dimensions: dims)
    }

    /// `path.field`, or `field` at the top level.
    static func join(_ path: String, _ field: String) -> String { path.isEmpty ? field : path + "." + field }
}

extension StocksySearchAsset {
    /// The item as an `Asset`; `UnmappableRecord` when its type is neither photo nor video.
    func asset(path: String) throws(UnmappableRecord) -> Asset {
        let kind = try StocksyMapping.kind(type, path: path)
        return Asset(
            id: id, kind: kind, title: WireText.field(title),
            contributor: StocksyMapping.contributor(contributorID, contributorName),
            width: StocksyMapping.pixels(originalDimensions?.width), height: StocksyMapping.pixels(originalDimensions?.height),
            orientation: StocksyMapping.orientation(orientation),
            duration: kind == .video ? videoDuration.flatMap { $0.value > 0 ? $0.value : nil } : nil,
            mature: mature?.value ?? false,
            created: WireDate.unknown,
            thumbnails: StocksyMapping.thumbnails(thumbURL, thumbnailDimensions),
            attribution: StocksyMapping.attribution(contributorName))
    }
}

extension StocksyAsset {
    /// The asset with its products and what the account bought of it; `UnmappableRecord` when its
    /// type is neither photo nor video. Products that cannot be read are left out (`skipped`).
    func detail(path: String) throws(UnmappableRecord) -> StocksyAssetDetail {
        let kind = try StocksyMapping.kind(type, path: path)
        let productsPath = StocksyMapping.join(path, "availableProducts")
        let available = LossyMapping.map((availableProducts ?? LossyList([])).slots, path: { "\(productsPath)[\($0)]" }) { p, at throws(UnmappableRecord) in
            try StocksyMapping.product(p, path: at)
        }
        let products = available.items
        let purchasedPath = StocksyMapping.join(path, "purchasedProducts")
        let bought = LossyMapping.map((purchasedProducts ?? LossyList([])).slots, path: { "\(purchasedPath)[\($0)]" }) { p, at throws(UnmappableRecord) in
            guard let n = Int64(p.id.text), n > 0 else {
                throw UnmappableRecord(reason: "field \"\(at).id\" is not a purchased product id: \"\(p.id.text)\"")
            }
            return StocksyPurchasedProduct(
                id: n, assetID: p.assetId ?? id, productTypeID: StocksyMapping.typeID(p.productTypeId),
                type: p.type.map { StocksyMapping.productType($0) },
                name: WireText.field(p.name), purchaseDate: p.purchaseDate.flatMap(WireDate.parse),
                downloadPath: WireText.optionalField(p.downloadAt))
        }
        let asset = Asset(
            id: id, kind: kind, title: WireText.field(title), description: WireText.field(description),
            keywords: (keywords?.elements ?? []).map(WireText.field).filter { !$0.isEmpty },
            contributor: StocksyMapping.contributor(contributorID, contributorName),
            width: StocksyMapping.pixels(originalDimensions?.width), height: StocksyMapping.pixels(originalDimensions?.height),
            orientation: StocksyMapping.orientation(orientation),
            duration: kind == .video ? videoDuration.flatMap { $0.value > 0 ? $0.value : nil } : nil,
            licenseTypes: products.contains { $0.type == .license } ? [.standard, .extended] : [.standard],
            mature: matureContent?.value ?? false,
            created: creationDate.flatMap(WireDate.parse) ?? WireDate.unknown,
            thumbnails: StocksyMapping.thumbnails(thumbURL, thumbnailDimensions),
            attribution: StocksyMapping.attribution(contributorName),
            products: products)
        return StocksyAssetDetail(asset: asset, purchased: bought.items,
                                  compURL: WireText.optionalField(imageCompURL ?? videoCompURL),
                                  skipped: available.skipped + bought.skipped)
    }
}
