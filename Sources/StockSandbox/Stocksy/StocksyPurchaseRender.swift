import Foundation
import StockCore

/// Stocksy's JSON for what was bought: `PurchasedProduct`, `Purchase` with its `PurchaseAmounts`,
/// and `PurchaseRequestResponse`, each with the members of the seed's example in its order.
extension StocksyRender {
    /// `PurchasedProduct` inside an `Asset` (that example's order: assetId, productTypeId, id, …).
    func purchasedProductOfAsset(_ item: StocksyPurchaseBook.Item) -> JSONNode {
        let customer = JSONNode.int(purchases.customerID)
        return .members([
            ("assetId", .int(item.assetID)), ("productTypeId", .int(item.product.productTypeId)), ("id", .int(item.id)),
            ("customerId", customer), ("customerAgentId", customer),
            ("purchaseDate", .string(Self.creationDate(item.date))),
            ("type", .string(item.product.type.rawValue)), ("name", .string(item.product.name)),
            ("downloadAt", .string(Self.downloadAt(item.id))),
        ])
    }

    /// `PurchasedProduct` inside a `Purchase` (the schema's order: id, assetId, productTypeId, …).
    func purchasedProduct(_ item: StocksyPurchaseBook.Item) -> JSONNode {
        let customer = JSONNode.int(purchases.customerID)
        return .members([
            ("id", .int(item.id)), ("assetId", .int(item.assetID)), ("productTypeId", .int(item.product.productTypeId)),
            ("type", .string(item.product.type.rawValue)), ("name", .string(item.product.name)),
            ("customerId", customer), ("customerAgentId", customer),
            ("purchaseDate", .string(Self.creationDate(item.date))),
            ("downloadAt", .string(Self.downloadAt(item.id))),
        ])
    }

    /// `Purchase`: paid from the account in full, so `paymentFromAccount` is the total and
    /// `paymentFromPayin` (a card payment) is zero; no tax is added.
    func purchase(_ p: StocksyPurchaseBook.Purchase) -> JSONNode {
        let customer = JSONNode.int(purchases.customerID)
        let zero = Money(amount: 0, currency: p.subtotal.currency, decimals: p.subtotal.decimals)
        return .members([
            ("id", .int(p.id)), ("customerId", customer), ("customerAgentId", customer),
            ("creationDate", .string(Self.creationDate(p.date))),
            ("status", .string(Self.purchaseStatus)),
            ("client", .optional(p.client)), ("project", .optional(p.project)), ("poNumber", .optional(p.poNumber)),
            ("products", .array(p.items.map(purchasedProduct))),
            ("amounts", .members([
                ("subtotal", Self.money(p.subtotal)), ("tax", Self.money(zero)), ("total", Self.money(p.subtotal)),
                ("paymentFromAccount", Self.money(p.subtotal)), ("paymentFromPayin", Self.money(zero)),
            ])),
        ])
    }

    /// `PurchaseRequestResponse` of a paid purchase: nothing left to pay by card, so no
    /// `completionUrl` (null).
    func purchaseResponse(_ p: StocksyPurchaseBook.Purchase) -> JSONNode {
        .members([
            ("status", .string("success")), ("completionUrl", .null), ("purchase", purchase(p)),
            ("category", .string("purchase")), ("message", .string("Purchase complete")),
        ])
    }

    /// A purchase paid in full.
    static let purchaseStatus = "complete"

    /// `/downloads/6867571`.
    static func downloadAt(_ id: Int64) -> String { "/downloads/\(id)" }
}
