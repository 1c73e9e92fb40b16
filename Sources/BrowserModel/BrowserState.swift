import StockCore

/// The pane that receives keys.
public enum Focus: String, Hashable, Sendable, CaseIterable {
    /// The search bar: typing edits the query.
    case searchBar
    /// The facet pane: space toggles a value.
    case filters
    /// The result list: arrows move the selection, Enter opens the detail (the initial focus).
    case results

    /// The next pane for Tab: search bar, filters, results, and round again.
    public var next: Focus {
        switch self {
        case .searchBar: .filters
        case .filters: .results
        case .results: .searchBar
        }
    }
}

/// The visible size of the result list.
public struct Viewport: Hashable, Sendable {
    /// Result rows that fit (at least 1).
    public var rows: Int
    /// Columns (at least 1).
    public var columns: Int
    /// A size, clamped to at least 1 × 1.
    public init(rows: Int, columns: Int) { self.rows = max(1, rows); self.columns = max(1, columns) }
}

/// A search page asked for and not yet answered (or the last one that failed).
public struct PageRequest: Hashable, Sendable {
    /// The request's id.
    public var id: RequestID
    /// The search it belongs to.
    public var key: SearchKey
    /// 1-based page.
    public var page: Int
    /// A page request.
    public init(id: RequestID, key: SearchKey, page: Int) { self.id = id; self.key = key; self.page = page }
}

/// The detail view of one asset.
public struct DetailState: Hashable, Sendable {
    /// The asset shown.
    public var assetID: AssetID
    /// The list item at first (shown at once), then the full asset when it arrives.
    public var asset: Asset
    /// The asset request still running, if any.
    public var requestID: RequestID?
    /// Why the full asset could not be loaded.
    public var errorMessage: String?
    /// The first line of the detail text shown (0 at the top).
    public var scrollOffset: Int = 0
    /// The largest useful `scrollOffset`, as the screen last measured it (`.detailMeasured`).
    public var maxScroll: Int = 0
    /// What is licensed of this asset, as the ledger and the service say ("Licensed on DATE (Medium)").
    public var licensed: [LicensedProduct] = []

    /// A detail view showing `asset`.
    public init(asset: Asset, requestID: RequestID?, errorMessage: String? = nil) {
        self.assetID = asset.id; self.asset = asset; self.requestID = requestID; self.errorMessage = errorMessage
    }

    /// True while the full asset loads.
    public var isLoading: Bool { requestID != nil }
}

/// Everything the browser shows and remembers; changed only by `reduce(_:)`.
///
/// ```swift
/// var state = BrowserState(provider: ProviderInfo(displayName: "demo catalog"))
/// let effects = state.reduce(.started)   // [.search(id: 1, request: page 1 of everything)]
/// ```
public struct BrowserState: Hashable, Sendable {
    /// How long the query must stay unchanged before it is searched.
    public static let debounceMilliseconds = 150
    /// Results per page unless the provider takes fewer.
    public static let defaultPageSize = 60

    // MARK: Provider
    /// Shown in the status line.
    public var providerName: String
    /// The configured providers the picker offers (empty: no picker).
    public var providers: [ProviderEntry]
    /// The name of the active provider among `providers`.
    public var activeProvider: String?
    /// The provider being switched to, until the runtime answers.
    public var switchingTo: String?
    /// Facet groups the provider can filter on (the filter pane shows these).
    public var facetGroups: [FacetGroup]
    /// The kinds the provider sells (the type group's rows).
    public var kinds: [AssetKind]
    /// Category slugs the provider lists (`.categoriesAnswered`), shown even without counts.
    public var knownCategories: [String]
    /// The provider's pages carry facet counts (else its categories are asked for separately).
    public var providerCountsFacets: Bool
    /// Results per page.
    public var pageSize: Int

    // MARK: The search
    /// The search bar.
    public var query: QueryEditor
    /// The facet filters.
    public var filters: SearchFilters
    /// The sort field.
    public var sort: SortField
    /// The sort direction.
    public var order: SortDirection
    /// False for exact search.
    public var expandSynonyms: Bool
    /// The search whose results are shown; nil before the first search.
    public var activeKey: SearchKey?
    /// The loaded results of `activeKey`.
    public var results: ResultSet
    /// Recent result sets.
    public var cache: ResultCache
    /// The page request running for `activeKey` (at most one at a time).
    public var inFlight: PageRequest?
    /// The page request that failed last, until `.retry` or another search.
    public var failedPage: PageRequest?
    /// The debounce timer running, if the query changed and has not been searched yet.
    public var debounceTimer: TimerID?
    /// Why the current query text does not parse (no search is sent while it does not).
    public var queryError: QueryError?
    /// The last error, for the status line.
    public var errorMessage: String?

    // MARK: The list
    /// Index into `results.items`; nil when the list is empty.
    public var selection: Int?
    /// Index of the first visible row.
    public var scrollOffset: Int
    /// The result list's size.
    public var viewport: Viewport
    /// Index into `filterRows` of the highlighted row of the filter pane.
    public var filterCursor: Int

    // MARK: Screens
    /// The pane with the keys.
    public var focus: Focus
    /// The detail view, when open.
    public var detail: DetailState?
    /// The help overlay is shown.
    public var showsHelp: Bool
    /// The sort picker is shown.
    public var showsSortPicker: Bool
    /// Index into `SortChoice.all` of the picker's highlighted line.
    public var sortCursor: Int
    /// The provider picker is shown.
    public var showsProviderPicker: Bool
    /// Index into `providers` of the picker's highlighted line.
    public var providerCursor: Int
    /// The licensing flow, over the detail view, when open.
    public var purchase: PurchaseFlow?
    /// Downloads started in this session, oldest first.
    public var downloads: [DownloadStatus]
    /// The purchase history overlay, when open.
    public var history: HistoryState?
    /// Whether thumbnails are shown at all (off with `--no-images` or `images = false`, and in
    /// the model's own tests unless they ask).
    public var picturesEnabled = false
    /// Whether the preview pane beside the results shows the selected result's picture (`p`).
    public var showsPreview = false
    /// The picture wanted on screen and its state (`wantedPictureAssetID`).
    public var picture: PictureState?

    // MARK: Ids
    /// The id the next request gets.
    public var nextRequestID: RequestID
    /// The token the next timer gets.
    public var nextTimerID: TimerID

    /// A browser before its first search.
    ///
    /// - Parameters:
    ///   - providerName: shown in the status line, e.g. "demo catalog".
    ///   - facetGroups: the groups the provider filters on.
    ///   - pageSize: results per page (at least 1).
    ///   - query: the initial search bar text (`stockterm --query`), searched on `.started`.
    ///   - viewportRows: result rows that fit until the first `.viewportChanged`.
    public init(providerName: String, facetGroups: [FacetGroup] = FacetGroup.counted + [.safeSearch],
                countsFacets: Bool = true, pageSize: Int = 60,
                query: String = "", filters: SearchFilters = SearchFilters(), sort: SortField = .relevance,
                order: SortDirection = .desc, expandSynonyms: Bool = true, cacheCapacity: Int = 16,
                viewportRows: Int = 20, viewportColumns: Int = 80) {
        self.providerName = providerName; self.facetGroups = facetGroups; self.pageSize = max(1, pageSize)
        kinds = AssetKind.common; knownCategories = []; providerCountsFacets = countsFacets
        providers = []; activeProvider = nil; switchingTo = nil; showsProviderPicker = false; providerCursor = 0
        self.query = QueryEditor(query); self.filters = filters; self.sort = sort; self.order = order
        self.expandSynonyms = expandSynonyms
        activeKey = nil; results = ResultSet(); cache = ResultCache(capacity: cacheCapacity)
        inFlight = nil; failedPage = nil; debounceTimer = nil; queryError = nil; errorMessage = nil
        selection = nil; scrollOffset = 0; filterCursor = 0; viewport = Viewport(rows: viewportRows, columns: viewportColumns)
        focus = .results; detail = nil; showsHelp = false; showsSortPicker = false; sortCursor = 0
        purchase = nil; downloads = []; history = nil
        nextRequestID = 1; nextTimerID = 1
    }

    /// A browser for `provider`, with the page size capped at what it accepts.
    public init(provider: ProviderInfo, pageSize: Int = BrowserState.defaultPageSize, query: String = "",
                expandSynonyms: Bool = true) {
        self.init(providerName: provider.displayName, facetGroups: provider.facetGroups,
                  countsFacets: provider.countsFacets, pageSize: min(pageSize, provider.maxPageSize), query: query, expandSynonyms: expandSynonyms)
        kinds = provider.kinds
    }

    /// True while a search page is being fetched, in view or ahead of it.
    public var isLoading: Bool { inFlight != nil }

    /// True while a page is fetched that the person is waiting for: the first page, or the next
    /// one when the visible rows reach the end of what has arrived. A page fetched ahead while the
    /// screen is full (the pager's prefetch) does not count: the spinner would only distract.
    public var isWaitingForResults: Bool {
        if switchingTo != nil { return true }
        guard let request = inFlight else { return false }
        return results.loadedPages == 0 || request.page == 1
            || results.items.count <= scrollOffset + viewport.rows
    }

    /// The selected asset, if any.
    public var selectedAsset: Asset? { selection.map { results.items[$0] } }

    /// The count for one facet value in the latest page of the shown search.
    public func facetCount(_ group: FacetGroup, value: String) -> Int { results.facets[group, value] }

    /// Whether a facet value is chosen in the current filters (the checkbox).
    public func isFacetSelected(_ group: FacetGroup, value: String) -> Bool {
        filters.isSelected(group, value: value)
    }
}
