import StockCore
import StockLedger

/// `stockterm purchases --json`: a page of the ledger, newest first. Schema: purchases.schema.json.
struct PurchasesJSON: Encodable {
    /// One line of the confirmation: an option with its price.
    struct Line: Encodable {
        var optionId: String
        var type: String
        var name: String
        var cost: CostJSON
    }

    /// One purchase intent of the ledger.
    struct Purchase: Encodable {
        /// The idempotency key sent with the request.
        var key: String
        var provider: String
        /// pending, confirmed, failed or unresolved.
        var state: String
        /// When it was written, before the request was sent; ISO 8601 UTC.
        var created: String
        var assetId: Int64
        var lines: [Line]
        var total: CostJSON
        @Nullable var purchaseId: String?
        /// What the service licensed (empty until confirmed).
        var products: [LicensedProductJSON]
        /// Why it failed or is unresolved.
        @Nullable var message: String?

        init(_ intent: PurchaseIntent) {
            key = intent.key
            provider = intent.provider
            state = intent.state.rawValue
            created = ISODate.format(intent.created)
            assetId = intent.assetID.rawValue
            lines = intent.quote.lines.map { Line(optionId: $0.id, type: $0.type.rawValue, name: $0.name, cost: CostJSON($0.cost)) }
            total = CostJSON(intent.receipt?.total ?? intent.total)
            purchaseId = intent.receipt?.purchaseID
            products = (intent.receipt?.products ?? []).map(LicensedProductJSON.init)
            message = intent.message.map(SafeText.sanitize)
        }
    }

    /// The chosen provider, or null with `--all-providers`.
    @Nullable var provider: String?
    var offset: Int
    var limit: Int
    /// How many purchases the ledger holds (for this provider, or all).
    var total: Int
    var purchases: [Purchase]
}
