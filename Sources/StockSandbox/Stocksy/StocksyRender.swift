import Foundation
import StockCore

/// Stocksy's JSON for assets: `SearchAsset` in search results, `Asset` from the assets endpoint.
struct StocksyRender {
    let origin: String
    let purchases: StocksyPurchaseBook

    static func type(_ kind: AssetKind) -> String { kind == .video ? "video_creative" : "photo_creative" }

    /// Stocksy's facet names, capitalised as the example's `"Horizontal"`: Tall, Horizontal, Square, Panorama.
    static func orientation(_ o: Orientation) -> String {
        switch o {
        case .vertical: "Tall"
        case .horizontal: "Horizontal"
        case .square: "Square"
        case .panorama: "Panorama"
        }
    }

    private func dimensions(_ width: Int, _ height: Int, heightFirst: Bool) -> JSONNode {
        heightFirst ? .members([("height", .int(height)), ("width", .int(width))])
            : .members([("width", .int(width)), ("height", .int(height))])
    }

    /// The `pic400` preview: the longer side at 400 px (never larger than the original).
    private func thumbnail(_ a: Asset) -> (width: Int, height: Int) {
        let scale = min(1, 400 / Double(max(a.width, a.height, 1)))
        return (max(1, Int((Double(a.width) * scale).rounded())), max(1, Int((Double(a.height) * scale).rounded())))
    }

    private func thumbURL(_ a: Asset) -> String { "\(origin)/thumbs/\(a.id)_400.jpg" }

    /// `SearchAsset`: videoDuration and videoThumbUrl only for video ("Only returned for video assets").
    func searchAsset(_ a: Asset) -> JSONNode {
        let t = thumbnail(a)
        var members: [(String, JSONNode)] = [
            ("id", .int(a.id.rawValue)),
            ("contributor_name", .optional(a.contributor?.name)),
            ("contributor_id", a.contributor.map { .int($0.id) } ?? .null),
            ("title", .string(a.title)),
            ("type", .string(Self.type(a.kind))),
            ("orientation", .string(Self.orientation(a.orientation))),
            ("mature", .bool(a.mature)),
            ("original_dimensions", dimensions(a.width, a.height, heightFirst: true)),
            ("thumbnail_dimensions", dimensions(t.width, t.height, heightFirst: true)),
            ("thumbUrl", .string(thumbURL(a))),
        ]
        if a.kind == .video {
            members.append(("videoDuration", .double(a.duration ?? 0)))
            members.append(("videoThumbUrl", .string("\(origin)/previews/\(a.id).mp4")))
        }
        return .members(members)
    }

    /// `Asset` as in the example (photo: `imageCompUrl`; video: `videoCompUrl`), with every product.
    func asset(_ a: Asset) -> JSONNode {
        let t = thumbnail(a)
        var members: [(String, JSONNode)] = [
            ("id", .int(a.id.rawValue)),
            ("title", .string(a.title)),
            ("description", .string(a.description)),
            ("matureContent", .bool(a.mature)),
            ("creationDate", .string(Self.creationDate(a.created))),
            ("contributor_name", .optional(a.contributor?.name)),
            ("contributor_id", a.contributor.map { .int($0.id) } ?? .null),
            ("type", .string(Self.type(a.kind))),
            ("orientation", .string(Self.orientation(a.orientation))),
            ("original_dimensions", dimensions(a.width, a.height, heightFirst: false)),
            ("thumbnail_dimensions", dimensions(t.width, t.height, heightFirst: false)),
            ("thumbUrl", .string(thumbURL(a))),
            ("videoDuration", .double(a.kind == .video ? a.duration ?? 0 : 0)),
            ("keywords", .strings(a.keywords)),
        ]
        if a.kind == .video {
            members.append(("videoCompUrl", .string("\(origin)/comps/\(a.id).mp4")))
        } else {
            members.append(("imageCompUrl", .string("\(origin)/comps/\(a.id).jpg")))
        }
        members.append(("availableProducts", .array(a.products.map(product))))
        members.append(("purchasedProducts", .array(purchases.items(assetID: a.id.rawValue).map(purchasedProductOfAsset))))
        members.append(("status", .string("success")))
        members.append(("message", .string("Asset retrieved")))
        return .members(members)
    }

    /// `AvailableProduct`: dimensions only for deliverables that have them.
    func product(_ p: Product) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("productTypeId", .int(p.productTypeId)),
            ("type", .string(p.type.rawValue)),
            ("name", .string(p.name)),
            ("description", .string(p.description)),
            ("price", Self.money(p.price)),
        ]
        if let d = p.dimensions { members.append(("dimensions", dimensions(d.width, d.height, heightFirst: false))) }
        return .members(members)
    }

    /// `CurrencyAmount`: integer minor units, lower-case code, decimals.
    static func money(_ m: Money) -> JSONNode {
        .members([("amount", .int(m.amount)), ("code", .string(m.currency.lowercased())), ("decimals", .int(m.decimals))])
    }

    /// `2016-07-22T11:53:37.000Z`.
    static func creationDate(_ date: Date) -> String {
        String(ISODate.format(date).dropLast()) + ".000Z"
    }
}
