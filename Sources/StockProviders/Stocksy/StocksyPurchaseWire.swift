import Foundation
import StockCore

// Wire types of Stocksy's purchase side (seed 003), named after its schema definitions. The
// seed's examples write "integer" and "string" where values go; the types follow the schema.
// Required: a purchase's `id`, a purchased product's `id`, a download's `url`, a comp's `downloadLink`.

/// `PurchaseRequest`: what `POST /purchases` sends. The three references are optional and left
/// out when empty.
struct StocksyPurchaseRequestWire: Encodable, Sendable, Hashable {
    /// `PurchaseRequestProduct`: one asset and the product type ids bought of it.
    struct Product: Encodable, Sendable, Hashable {
        var assetId: Int64
        var productTypeIds: [Int]
    }

    var project: String?
    var client: String?
    var poNumber: String?
    var products: [Product]
}

/// `PurchaseAmounts`: every figure a `CurrencyAmount`.
struct StocksyPurchaseAmounts: Decodable, Sendable, Hashable {
    var subtotal: StocksyCurrencyAmount?
    var tax: StocksyCurrencyAmount?
    var total: StocksyCurrencyAmount?
    var paymentFromAccount: StocksyCurrencyAmount?
    var paymentFromPayin: StocksyCurrencyAmount?
}

/// `Purchase`: one purchase with its products and amounts.
struct StocksyPurchaseWire: Decodable, Sendable, Hashable {
    var id: FlexibleNumber
    var customerId: FlexibleNumber?
    var customerAgentId: FlexibleNumber?
    var creationDate: String?
    var status: String?
    var client: String?
    var project: String?
    var poNumber: String?
    var products: [StocksyPurchasedProductWire]?
    var amounts: StocksyPurchaseAmounts?
}

/// `PurchaseRequestResponse`: the answer to `POST /purchases`.
struct StocksyPurchaseResponseWire: Decodable, Sendable, Hashable {
    var status: String?
    /// Where a purchase the balance does not cover would be finished (paid by card); unused here.
    var completionUrl: String?
    var purchase: StocksyPurchaseWire?
    var category: String?
    var message: String?
}

/// `GET /downloads/{id}`: `{"id", "url", "expiryDate"}`.
struct StocksyDownloadWire: Decodable, Sendable, Hashable {
    var id: FlexibleNumber?
    var url: String
    /// `2018-07-19T17:23:05+00:00`.
    var expiryDate: String?
}

/// `CompDownloads`: `{"downloadLink"}`.
struct StocksyCompDownloadWire: Decodable, Sendable, Hashable {
    var downloadLink: String
}

/// `Content-Range: items 0-9/42` (or `items */42`, and `*` for an unknown total), the answer's
/// half of the `Range: items=0-9` paging.
struct StocksyContentRange: Sendable, Hashable {
    /// First and last index served; nil for `items */N`.
    var first: Int?
    var last: Int?
    var total: Int?

    init?(_ header: String?) {
        guard let header = header?.trimmingCharacters(in: .whitespaces), header.lowercased().hasPrefix("items ") else { return nil }
        let spec = header.dropFirst("items ".count).trimmingCharacters(in: .whitespaces)
        let halves = spec.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let totalText = halves[1].trimmingCharacters(in: .whitespaces)
        if totalText == "*" {
            total = nil
        } else {
            guard let t = Int(totalText), t >= 0 else { return nil }
            total = t
        }
        let range = halves[0].trimmingCharacters(in: .whitespaces)
        if range == "*" { first = nil; last = nil; return }
        let ends = range.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a >= 0, b >= a else { return nil }
        first = a; last = b
    }
}
