import StockCore

/// `stockterm search --json`: the search as understood, one page of assets, the facet counts,
/// and the records of the service's answer that were left out. Schema: search.schema.json.
struct SearchJSON: Encodable {
    /// The provider searched (`demo`, a config.toml name, or the `--catalog` file's).
    var provider: String
    var query: String
    /// False for `--exact`.
    var synonyms: Bool
    var sort: String
    var order: String
    var page: Int
    var pageSize: Int
    /// How many assets match; an estimate unless `totalIsExact`.
    var total: Int
    var totalIsExact: Bool
    /// Counts per facet group and value: `{"type": {"photo": 2292, …}, …}`.
    var facets: [String: [String: Int]]
    var items: [AssetJSON]
    /// Always present; empty when nothing was left out.
    var skipped: [SkippedJSON]

    init(provider: String, query: String, exact: Bool, sort: SortField, order: SortDirection, page: SearchPage) {
        self.provider = provider
        self.query = query
        synonyms = !exact
        self.sort = sort.rawValue
        self.order = order.rawValue
        self.page = page.page
        pageSize = page.pageSize
        total = page.total
        totalIsExact = page.totalIsExact
        var facets: [String: [String: Int]] = [:]
        for (group, values) in page.facets.counts { facets[group.rawValue] = values }
        self.facets = facets
        items = page.items.map(AssetJSON.init)
        skipped = SkippedJSON.list(page.skipped)
    }
}
