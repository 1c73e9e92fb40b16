import Foundation
import StockCore

// Wire types of Stocksy's purchase side (seed 003), named after its schema definitions, read by
// the tolerant reader. The seed's examples write "integer" and "string" where values go; such a
// value reads as nil where the schema wants a number. Required: a purchased product's `id`, a
// download's `url`, a comp's `downloadLink`. A purchase is read whatever it holds: what was
// charged is recorded from whatever can be read.

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
    @Tolerant var subtotal: StocksyCurrencyAmount?
    @Tolerant var tax: StocksyCurrencyAmount?
    @Tolerant var total: StocksyCurrencyAmount?
    @Tolerant var paymentFromAccount: StocksyCurrencyAmount?
    @Tolerant var paymentFromPayin: StocksyCurrencyAmount?
}

/// `Purchase`: one purchase with its products and amounts. Nothing in it is required: a
/// purchase the service reports was charged, and the receipt keeps whatever can be read.
struct StocksyPurchaseWire: Decodable, Sendable, Hashable {
    /// A whole number by the schema (the seed's example writes "integer"): `purchaseID`.
    @Tolerant var id: FlexibleID?
    @Tolerant var customerId: FlexibleID?
    @Tolerant var customerAgentId: FlexibleID?
    @Tolerant var creationDate: String?
    @Tolerant var status: String?
    @Tolerant var client: String?
    @Tolerant var project: String?
    @Tolerant var poNumber: String?
    @Tolerant var products: LossyList<StocksyPurchasedProductWire>?
    @Tolerant var amounts: StocksyPurchaseAmounts?

    /// The purchase id when it is a whole number (the seed's "integer" placeholder is not).
    var number: Int64? { id.flatMap { Int64($0.text) } }
}

/// `PurchaseRequestResponse`: the answer to `POST /purchases`.
struct StocksyPurchaseResponseWire: Decodable, Sendable, Hashable {
    @Tolerant var status: String?
    /// Where a purchase the balance does not cover would be finished (paid by card); unused here.
    @Tolerant var completionUrl: String?
    @Tolerant var purchase: StocksyPurchaseWire?
    @Tolerant var category: String?
    @Tolerant var message: String?
}

/// `GET /downloads/{id}`: `{"id", "url", "expiryDate"}`.
struct StocksyDownloadWire: Decodable, Sendable, Hashable {
    @Tolerant var id: FlexibleID?
    var url: String
    /// `2018-07-19T17:23:05+00:00`.
    @Tolerant var expiryDate: String?
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
