import Foundation
import StockCore

// Wire types of the Stocksy API v1.2 (seed 003), named after its schema definitions, read by the
// tolerant reader (docs/services.md, "Stocksy and StockFlow, field by field"). Required: an
// asset's `id`, a search's `response.items` (an array), a product's `productTypeId` and `price`
// (`amount` and `code`), the login's three credential strings. Every other field is `@Tolerant`:
// missing, null, `[]`, `{}` or of another type reads as nil. Lists are read record by record
// (`LossyList`): a record that cannot be read is left out and reported, never fatal.

/// `type` of `SearchAsset` and `Asset`: the seed's `photo_creative` and `video_creative` (the
/// values of `facet_contenttype`), and the bare `photo` / `video`; anything else is unknown.
enum StocksyAssetType: String, Sendable, Hashable {
    case photoCreative = "photo_creative", videoCreative = "video_creative", photo, video

    var kind: AssetKind {
        switch self {
        case .photoCreative, .photo: .photo
        case .videoCreative, .video: .video
        }
    }
}

/// `type` of `AvailableProduct` and `PurchasedProduct`: a size or an extended license.
enum StocksyProductType: String, Sendable, Hashable {
    case deliverable, license
}

/// `Dimensions`.
struct StocksyDimensions: Decodable, Sendable, Hashable {
    @Tolerant var width: FlexibleNumber?
    @Tolerant var height: FlexibleNumber?
}

/// `CurrencyAmount`: `{"amount": 1500, "code": "usd", "decimals": 2}` is $15.00. `amount` is a
/// whole number of minor units (a number or a string of digits); `code` is required.
struct StocksyCurrencyAmount: Decodable, Sendable, Hashable {
    var amount: Int64
    var code: String
    var decimals: Int?

    init(amount: Int64, code: String, decimals: Int?) { self.amount = amount; self.code = code; self.decimals = decimals }

    enum CodingKeys: String, CodingKey { case amount, code, decimals }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let number = try c.decode(FlexibleNumber.self, forKey: .amount)
        guard number.value.rounded() == number.value, abs(number.value) < 9e15 else {
            throw DecodingError.typeMismatch(Int64.self, .init(codingPath: c.codingPath + [CodingKeys.amount],
                                                               debugDescription: "expected a whole number of minor units"))
        }
        amount = Int64(number.value)
        code = try c.decode(String.self, forKey: .code)
        let places = (try? c.decodeIfPresent(FlexibleNumber.self, forKey: .decimals))?.int
        decimals = places.flatMap { (0...6).contains($0) ? $0 : nil }
    }

    var money: Money { Money(amount: amount, currency: code, decimals: decimals) }
}

/// `SearchAsset`: one item of a search. Only `id` is needed to read it; one whose `type` is not
/// a photo or a video cannot become an `Asset` and is left out of the page (`asset(path:)`).
struct StocksySearchAsset: Decodable, Sendable, Hashable {
    var id: AssetID
    @Tolerant var contributorName: String?
    @Tolerant var contributorID: FlexibleID?
    @Tolerant var title: String?
    /// `photo_creative` or `video_creative`.
    @Tolerant var type: WireEnum<StocksyAssetType>?
    /// `Horizontal`, `Tall`, `Square`, `Panorama`.
    @Tolerant var orientation: String?
    @Tolerant var mature: FlexibleBool?
    @Tolerant var originalDimensions: StocksyDimensions?
    @Tolerant var thumbnailDimensions: StocksyDimensions?
    @Tolerant var thumbURL: String?
    /// Seconds; video only.
    @Tolerant var videoDuration: FlexibleNumber?
    @Tolerant var videoThumbURL: String?

    enum CodingKeys: String, CodingKey {
        case id, title, type, orientation, mature, videoDuration
        case contributorName = "contributor_name"
        case contributorID = "contributor_id"
        case originalDimensions = "original_dimensions"
        case thumbnailDimensions = "thumbnail_dimensions"
        case thumbURL = "thumbUrl"
        case videoThumbURL = "videoThumbUrl"
    }
}

/// `SearchResult`: the applied filters echoed back (`request`, not read), then `response`.
struct StocksySearchResult: Decodable, Sendable, Hashable {
    struct Response: Decodable, Sendable, Hashable {
        @Tolerant var returnedItemCount: FlexibleNumber?
        @Tolerant var totalItemCount: FlexibleNumber?
        @Tolerant var totalPageCount: FlexibleNumber?
        var items: LossyList<StocksySearchAsset>
    }
    var response: Response
    @Tolerant var userId: FlexibleID?
    @Tolerant var status: String?
    @Tolerant var message: String?
}

/// `AvailableProduct`: a size (`deliverable`) or an extended license (`license`) on sale.
struct StocksyAvailableProduct: Decodable, Sendable, Hashable {
    var productTypeId: FlexibleNumber
    @Tolerant var type: WireEnum<StocksyProductType>?
    @Tolerant var name: String?
    @Tolerant var description: String?
    var price: StocksyCurrencyAmount
    @Tolerant var dimensions: StocksyDimensions?
}

/// `PurchasedProduct`: something this account already bought, with where to download it. Only
/// `id` is needed to read it.
struct StocksyPurchasedProductWire: Decodable, Sendable, Hashable {
    var id: FlexibleID
    @Tolerant var assetId: AssetID?
    @Tolerant var productTypeId: FlexibleNumber?
    @Tolerant var type: WireEnum<StocksyProductType>?
    @Tolerant var name: String?
    @Tolerant var customerId: FlexibleID?
    @Tolerant var customerAgentId: FlexibleID?
    @Tolerant var purchaseDate: String?
    @Tolerant var downloadAt: String?
}

/// `Asset`: one asset with everything, from `GET /assets/{id}` or the many-ids form. Only `id`
/// is needed to read it; `type` decides whether it can be shown (`detail(path:)`).
struct StocksyAsset: Decodable, Sendable, Hashable {
    var id: AssetID
    @Tolerant var title: String?
    @Tolerant var description: String?
    /// The schema says string, the example sends a boolean: both are read.
    @Tolerant var matureContent: FlexibleBool?
    @Tolerant var creationDate: String?
    @Tolerant var contributorName: String?
    @Tolerant var contributorID: FlexibleID?
    @Tolerant var type: WireEnum<StocksyAssetType>?
    @Tolerant var orientation: String?
    @Tolerant var originalDimensions: StocksyDimensions?
    @Tolerant var thumbnailDimensions: StocksyDimensions?
    @Tolerant var thumbURL: String?
    @Tolerant var videoDuration: FlexibleNumber?
    @Tolerant var keywords: LossyList<String>?
    @Tolerant var imageCompURL: String?
    @Tolerant var videoCompURL: String?
    @Tolerant var availableProducts: LossyList<StocksyAvailableProduct>?
    @Tolerant var purchasedProducts: LossyList<StocksyPurchasedProductWire>?
    @Tolerant var status: String?
    @Tolerant var message: String?

    enum CodingKeys: String, CodingKey {
        case id, title, description, matureContent, creationDate, type, orientation, videoDuration, keywords
        case availableProducts, purchasedProducts, status, message
        case contributorName = "contributor_name"
        case contributorID = "contributor_id"
        case originalDimensions = "original_dimensions"
        case thumbnailDimensions = "thumbnail_dimensions"
        case thumbURL = "thumbUrl"
        case imageCompURL = "imageCompUrl"
        case videoCompURL = "videoCompUrl"
    }
}

/// `User`.
struct StocksyUser: Decodable, Sendable, Hashable {
    @Tolerant var id: FlexibleID?
    @Tolerant var firstName: String?
    @Tolerant var lastName: String?
    @Tolerant var email: String?
    @Tolerant var availableBalance: StocksyCurrencyAmount?
}

/// `Credentials`: what the login hands out for signing.
struct StocksyCredentialsWire: Decodable, Sendable, Hashable {
    var accessKeyId: String
    var secretKey: String
    var sessionToken: String
    /// `2018-06-27T00:52:20+00:00`.
    @Tolerant var expiration: String?
    @Tolerant var status: String?
    @Tolerant var message: String?

    enum CodingKeys: String, CodingKey {
        case accessKeyId = "AccessKeyId"
        case secretKey = "SecretKey"
        case sessionToken = "SessionToken"
        case expiration = "Expiration"
        case status, message
    }
}
