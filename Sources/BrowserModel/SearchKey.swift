import StockCore

/// What makes two searches the same result set: the query, the filters, the sort and whether
/// synonyms are expanded. It keys the `ResultCache` and tells whether a new search is needed.
///
/// The query is held parsed: parsing is the normalisation, so `lake  ice`, ` lake ice ` and
/// `lake AND ice` are one key, while `Lake` and `lake` stay two (the provider decides case).
public struct SearchKey: Hashable, Sendable {
    /// The parsed query; nil means "everything".
    public var query: QueryNode?
    /// The facet filters.
    public var filters: SearchFilters
    /// The sort field.
    public var sort: SortField
    /// The sort direction.
    public var order: SortDirection
    /// False for exact search (`--exact`).
    public var expandSynonyms: Bool

    /// A key from its parts.
    public init(query: QueryNode?, filters: SearchFilters = SearchFilters(), sort: SortField = .relevance,
                order: SortDirection = .desc, expandSynonyms: Bool = true) {
        self.query = query; self.filters = filters; self.sort = sort; self.order = order
        self.expandSynonyms = expandSynonyms
    }

    /// The request for one page of this search.
    ///
    /// ```swift
    /// key.request(page: 2, pageSize: 60)   // offset 60
    /// ```
    public func request(page: Int, pageSize: Int) -> SearchRequest {
        SearchRequest(query: query, filters: filters, sort: sort, order: order, page: page, pageSize: pageSize,
                      expandSynonyms: expandSynonyms)
    }
}
