import Foundation
import StockCore

// Wire types of the Stocksy API v1.2 (seed 003), named after its schema definitions. Required:
// ids, an asset's `type`, a search's `response.items`, a product's `productTypeId` and `price`,
// a price's `amount` and `code`, the login's three credential strings.

/// `Dimensions`.
struct StocksyDimensions: Decodable, Sendable, Hashable {
    var width: FlexibleNumber?
    var height: FlexibleNumber?
}

/// `CurrencyAmount`: `{"amount": 1500, "code": "usd", "decimals": 2}` is $15.00.
struct StocksyCurrencyAmount: Decodable, Sendable, Hashable {
    var amount: Int64
    var code: String
    var decimals: Int?

    var money: Money { Money(amount: amount, currency: code, decimals: decimals) }
}

/// `SearchAsset`: one item of a search.
struct StocksySearchAsset: Decodable, Sendable, Hashable {
    var id: AssetID
    var contributorName: String?
    var contributorID: FlexibleNumber?
    var title: String?
    /// `photo_creative` or `video_creative`.
    var type: String
    /// `Horizontal`, `Tall`, `Square`, `Panorama`.
    var orientation: String?
    var mature: FlexibleBool?
    var originalDimensions: StocksyDimensions?
    var thumbnailDimensions: StocksyDimensions?
    var thumbURL: String?
    /// Seconds; video only.
    var videoDuration: FlexibleNumber?
    var videoThumbURL: String?

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

/// `SearchResult`: the applied filters echoed back (not read), then `response`.
struct StocksySearchResult: Decodable, Sendable, Hashable {
    struct Response: Decodable, Sendable, Hashable {
        var returnedItemCount: Int?
        var totalItemCount: Int?
        var totalPageCount: Int?
        var items: [StocksySearchAsset]
    }
    var response: Response
    var userId: FlexibleNumber?
    var status: String?
    var message: String?
}

/// `AvailableProduct`: a size (`deliverable`) or an extended license (`license`) on sale.
struct StocksyAvailableProduct: Decodable, Sendable, Hashable {
    var productTypeId: Int
    var type: String?
    var name: String?
    var description: String?
    var price: StocksyCurrencyAmount
    var dimensions: StocksyDimensions?
}

/// `PurchasedProduct`: something this account already bought, with where to download it.
struct StocksyPurchasedProductWire: Decodable, Sendable, Hashable {
    var id: FlexibleNumber
    var assetId: AssetID?
    var productTypeId: Int?
    var type: String?
    var name: String?
    var customerId: FlexibleNumber?
    var customerAgentId: FlexibleNumber?
    var purchaseDate: String?
    var downloadAt: String?
}

/// `Asset`: one asset with everything, from `GET /assets/{id}` or the many-ids form.
struct StocksyAsset: Decodable, Sendable, Hashable {
    var id: AssetID
    var title: String?
    var description: String?
    /// The schema says string, the example sends a boolean: both are read.
    var matureContent: FlexibleBool?
    var creationDate: String?
    var contributorName: String?
    var contributorID: FlexibleNumber?
    var type: String
    var orientation: String?
    var originalDimensions: StocksyDimensions?
    var thumbnailDimensions: StocksyDimensions?
    var thumbURL: String?
    var videoDuration: FlexibleNumber?
    var keywords: [String]?
    var imageCompURL: String?
    var videoCompURL: String?
    var availableProducts: [StocksyAvailableProduct]?
    var purchasedProducts: [StocksyPurchasedProductWire]?
    var status: String?
    var message: String?

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
    var id: FlexibleNumber?
    var firstName: String?
    var lastName: String?
    var email: String?
    var availableBalance: StocksyCurrencyAmount?
}

/// `Credentials`: what the login hands out for signing.
struct StocksyCredentialsWire: Decodable, Sendable, Hashable {
    var accessKeyId: String
    var secretKey: String
    var sessionToken: String
    /// `2018-06-27T00:52:20+00:00`.
    var expiration: String?
    var status: String?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case accessKeyId = "AccessKeyId"
        case secretKey = "SecretKey"
        case sessionToken = "SessionToken"
        case expiration = "Expiration"
        case status, message
    }
}
