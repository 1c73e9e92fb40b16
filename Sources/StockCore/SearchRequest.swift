/// The order of results.
public enum SortField: String, Hashable, Sendable, Codable, CaseIterable {
    /// Best text match first; with no text, the catalog's static quality order.
    case relevance
    case newest
    case popular
    /// Editors' picks first, then by popularity.
    case curated
    /// Recent assets gaining popularity quickly.
    case emerging
    case duration
}

/// Ascending or descending. Every sort defaults to descending (best, newest, longest first).
public enum SortDirection: String, Hashable, Sendable, Codable, CaseIterable {
    case asc, desc
}

/// One search: a parsed query, structured filters, a sort and a page.
public struct SearchRequest: Hashable, Sendable {
    /// The parsed query, or nil for "everything" (filters only).
    public var query: QueryNode?
    public var filters: SearchFilters
    public var sort: SortField
    public var order: SortDirection
    /// 1-based.
    public var page: Int
    public var pageSize: Int
    /// Expand terms through the synonym table (on unless `--exact`).
    public var expandSynonyms: Bool

    public init(query: QueryNode? = nil, filters: SearchFilters = SearchFilters(), sort: SortField = .relevance,
                order: SortDirection = .desc, page: Int = 1, pageSize: Int = 60, expandSynonyms: Bool = true) {
        self.query = query; self.filters = filters; self.sort = sort; self.order = order
        self.page = max(1, page); self.pageSize = max(1, pageSize); self.expandSynonyms = expandSynonyms
    }

    /// Offset of the page's first item in the whole result list.
    public var offset: Int { (page - 1) * pageSize }

    /// The same search, another page.
    public func withPage(_ page: Int) -> SearchRequest { var r = self; r.page = max(1, page); return r }
}
