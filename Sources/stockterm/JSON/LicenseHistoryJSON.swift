import StockCore

/// `stockterm purchases --service --json`: a page of the service's own license history.
/// Schema: purchases-service.schema.json.
struct LicenseHistoryJSON: Encodable {
    var provider: String
    var offset: Int
    var limit: Int
    /// The history's length, when the service says.
    @Nullable var total: Int?
    /// Whether a page after this one may exist; it starts at `offset` + items + skipped.
    var hasMore: Bool
    var licenses: [LicensedProductJSON]
    /// Always present; empty when nothing was left out.
    var skipped: [SkippedJSON]
    /// Said in place of a history the service's API does not keep (StockFlow).
    @Nullable var note: String?

    init(provider: String, limit: Int, page: LicenseHistoryPage, note: String?) {
        self.provider = provider
        offset = page.offset
        self.limit = limit
        total = page.total
        hasMore = page.hasMore(limit: limit)
        licenses = page.items.map(LicensedProductJSON.init)
        skipped = SkippedJSON.list(page.skipped)
        self.note = note
    }
}
