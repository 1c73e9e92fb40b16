import StockCore

/// `stockterm license --json`: the service's receipt. Schema: license.schema.json.
struct ReceiptJSON: Encodable {
    var provider: String
    /// The service's purchase or license id.
    var purchaseId: String
    var assetId: Int64
    /// ISO 8601 UTC.
    var date: String
    /// Null where the service does not say.
    @Nullable var subtotal: CostJSON?
    @Nullable var tax: CostJSON?
    @Nullable var total: CostJSON?
    var products: [LicensedProductJSON]

    init(provider: String, receipt r: LicenseReceipt) {
        self.provider = provider
        purchaseId = r.purchaseID
        assetId = r.assetID.rawValue
        date = ISODate.format(r.date)
        subtotal = r.subtotal.map(CostJSON.init)
        tax = r.tax.map(CostJSON.init)
        total = r.total.map(CostJSON.init)
        products = r.products.map(LicensedProductJSON.init)
    }
}
